"""An audit trail end to end: record access and log-ins, rotate, verify, then show tampering being caught.

Run it: ``python examples/audit_example.py``. It works in a temporary directory and prints the
audit records (one JSON object per line), then the verdicts of ``hipaalog.integrity.verify_files``.
Keys are made up on the spot; in production they come from a secret store (``key="env:AUDIT_KEY"``).
"""

from __future__ import annotations

import secrets
import tempfile
from pathlib import Path

import hipaalog.audit
from hipaalog.integrity import verify_files


def main() -> None:
    audit_key = "hex:" + secrets.token_hex(32)
    with tempfile.TemporaryDirectory() as workdir:
        path = Path(workdir) / "audit.jsonl"
        stream = hipaalog.audit.configure(
            path,
            key=audit_key,
            key_id="2024-q1",
            pseudonym_key="hex:" + secrets.token_hex(32),
            app_id="ehr",
            platform="vm",
            microservice="chart-api",
            max_bytes=2048,  # tiny segments, to show rotation
        )
        hipaalog.audit.login("dr.osei", False, "10.20.0.7", "password", reason="wrong password")
        hipaalog.audit.login("dr.osei", True, "10.20.0.7", "password")
        hipaalog.audit.access("dr.osei", "MRN-004521", "read", "Observation", "success", reason="treatment")
        hipaalog.audit.change("dr.osei", "MRN-004521", "MedicationRequest", ["dosage", "status"])
        hipaalog.audit.access("dr.osei", "MRN-009911", "read", "Patient", "success", emergency=True, reason="ED")
        hipaalog.audit.export("billing.svc", 42, "csv", "sftp://clearinghouse.example/in")
        hipaalog.audit.logout("dr.osei", "10.20.0.7", "user")
        stream.drain(10)
        hipaalog.audit.close()

        segments = [*sorted(Path(workdir).glob("audit.*.jsonl.gz")), path]
        for segment in segments:
            for line in _lines(segment):
                print(line)
        result = verify_files([workdir], keys={"2024-q1": audit_key})
        print(f"verify: ok={result.ok} records={result.records} segments={len(result.streams[0].files)}")

        lines = path.read_bytes().splitlines(keepends=True)
        lines[0] = lines[0].replace(b'"outcome":"success"', b'"outcome":"failure"', 1)
        path.write_bytes(b"".join(lines))
        result = verify_files([workdir], keys={"2024-q1": audit_key})
        for problem in result.problems:
            where = f"{Path(problem.file).name}:{problem.line}"
            print(f"verify after tampering: {problem.kind} at {where} (seq {problem.seq})")


def _lines(path: Path) -> list[str]:
    import gzip

    data = path.read_bytes()
    if data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)
    return data.decode("utf-8").splitlines()


if __name__ == "__main__":
    main()
