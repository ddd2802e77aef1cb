"""Live monitoring and the audit report on a real audit stream.

A monitor watches the stream and prints an alert record (sealed into the stream too) when ten
failed log-ins for one user arrive within five minutes; afterwards the report reviews the
stream, verifying its integrity chain first, and is written as HTML.
"""

from __future__ import annotations

import secrets
import tempfile
from pathlib import Path

from hipaalog.audit import AuditStream
from hipaalog.monitor import Monitor, failed_logins, success_after_failures
from hipaalog.report import ReportConfig, build_report, render_html


def main() -> None:
    """Write a few audit events, let the monitor alert, then report."""
    with tempfile.TemporaryDirectory() as tmp:
        audit_key = "hex:" + secrets.token_hex(32)
        stream = AuditStream(
            Path(tmp) / "audit.jsonl",
            key=audit_key,
            pseudonym_key="hex:" + secrets.token_hex(32),
            app_id="clinic",
            platform="vm",
            microservice="ehr-api",
            fsync=False,
        )
        # alerts go to stdout here; a webhook would be sinks=["https://alerts.example/hook"]
        Monitor([failed_logins("actor", 10, 300.0), success_after_failures(5, 900.0)], sinks=["stdout"], stream=stream)
        stream.login("dr.lee", True, "10.1.0.5", "password")
        stream.access("dr.lee", "MRN-0042", "read", "Observation", "success")
        for _ in range(10):
            stream.login("rn.kim", False, "203.0.113.7", "password")
        stream.login("rn.kim", True, "203.0.113.7", "password")
        stream.close()

        config = ReportConfig(work_hours="00:00-24:00", work_days="mon-sun")  # a 24/7 service: no off-hours rule
        report = build_report([tmp], config=config, keys={"k1": audit_key})
        print(f"integrity: {report.integrity.status} ({report.integrity.records} records)")
        for finding in report.findings:
            print(f"{finding.severity.label}: {finding.summary} [evidence seq {', '.join(map(str, finding.seqs))}]")
        html = Path(tmp) / "audit-report.html"
        html.write_text(render_html(report), encoding="utf-8")
        print(f"HTML report: {html.stat().st_size} bytes")


if __name__ == "__main__":
    main()
