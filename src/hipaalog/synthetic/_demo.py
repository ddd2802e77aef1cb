"""``hipaalog demo --audit``: a synthetic clinic's audit stream, reviewed, with the report written beside it."""

from __future__ import annotations

import json
import os
import secrets
import sys
from typing import TextIO

__all__ = ["run_audit_demo"]

_MARKER = ".hipaalog-demo"


def run_audit_demo(
    directory: str | os.PathLike[str],
    *,
    users: int = 120,
    days: int = 28,
    seed: int = 7,
    out: TextIO | None = None,
) -> int:
    """Write a sealed synthetic audit stream under ``directory``, review it, and write the report.

    Produces ``audit/`` (rotated, compressed segments), ``audit-report.html`` and
    ``audit-report.json``, and prints what was planted, what was found and how to run the report
    again. Returns 0, or 2 when ``directory/audit`` holds files an earlier demo did not write.
    """
    from ..report import ReportConfig, build_report, render_html
    from ._clinic import Clinic
    from ._write import write_stream

    out = out or sys.stdout
    root = os.fspath(directory)
    stream_dir = os.path.join(root, "audit")
    marker = os.path.join(root, _MARKER)
    if os.path.isdir(stream_dir) and os.listdir(stream_dir) and not os.path.exists(marker):
        print(
            f"hipaalog demo: {stream_dir} holds files this demo did not write; choose another directory",
            file=sys.stderr,
        )
        return 2
    os.makedirs(stream_dir, exist_ok=True)
    with open(marker, "w", encoding="utf-8") as fh:
        fh.write("written by hipaalog demo --audit: synthetic data, safe to delete\n")
    for name in os.listdir(stream_dir):  # a fresh stream each run: the chain starts at seq 1
        os.remove(os.path.join(stream_dir, name))
    key_hex = secrets.token_hex(32)
    clinic = Clinic(users=users, days=days, seed=seed)
    written = write_stream(
        clinic,
        os.path.join(stream_dir, "audit.jsonl"),
        key=bytes.fromhex(key_hex),
        segment_records=50_000,
        compress=True,
    )
    config = ReportConfig(**clinic.report_config())
    report = build_report([stream_dir], config=config, keys={"k1": f"hex:{key_hex}"})
    html_path = os.path.join(root, "audit-report.html")
    json_path = os.path.join(root, "audit-report.json")
    with open(html_path, "w", encoding="utf-8") as fh:
        fh.write(render_html(report))
    with open(json_path, "w", encoding="utf-8") as fh:
        json.dump(report.to_json(), fh, indent=2)
    found = {f.rule for f in report.findings}
    out.write(
        f"synthetic clinic: {users} staff, {days} days, {written.records} sealed audit records in {stream_dir}\n"
        f"integrity: {report.integrity.status}\n"
        f"planted incidents ({len(written.incidents)}):\n"
    )
    for incident in written.incidents:
        mark = "found" if incident.rule in found else "MISSED"
        out.write(f"  [{mark}] {incident.kind}: {incident.description} (rule {incident.rule})\n")
    counts = ", ".join(f"{n} {label}" for label, n in report.counts().items() if n) or "none"
    out.write(
        f"findings: {counts}\nreport: {html_path}\njson:   {json_path}\n"
        f"again:  hipaalog report {stream_dir} --key k1=hex:{key_hex} --timezone {config.timezone}\n"
    )
    return 0
