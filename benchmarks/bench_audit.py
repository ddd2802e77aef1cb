"""Audit stream costs: per event (sealed, with and without fsync) and verification throughput.

Usage::

    python benchmarks/bench_audit.py [--records 200000]

Per-event costs are medians of repeats (round-robin); verification runs in a child process so its
peak memory (max RSS) is its own.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import compare, machine_line, print_table

IDENTITY = {"app_id": "ehr", "platform": "vm", "microservice": "chart-api"}
KEY = "hex:" + "a1" * 32
PSEUDONYM_KEY = "hex:" + "5e" * 32

VERIFY_CHILD = r"""
import json, resource, sys, time
from hipaalog.integrity import verify_files
started = time.perf_counter()
result = verify_files([sys.argv[1]], keys={"k1": sys.argv[2]})
elapsed = time.perf_counter() - started
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
print(json.dumps({"ok": result.ok, "records": result.records, "seconds": elapsed, "peak_bytes": peak}))
"""


def per_event(workdir: Path) -> None:
    from hipaalog import JsonFormatter
    from hipaalog.audit import AuditStream

    plain = AuditStream(workdir / "plain.jsonl", key=KEY, pseudonym_key=PSEUDONYM_KEY, fsync=False, **IDENTITY)
    durable = AuditStream(workdir / "durable.jsonl", key=KEY, pseudonym_key=PSEUDONYM_KEY, fsync=True, **IDENTITY)
    formatter = JsonFormatter(**IDENTITY)
    record = logging.LogRecord("chart", logging.INFO, __file__, 1, "read %s", ("Observation",), None)

    rows = compare(
        [
            ("JsonFormatter.format (no I/O)", lambda: formatter.format(record)),
            ("audit.access, fsync=False", lambda: plain.access("dr.lee", "MRN-1", "read", "Observation", "success")),
        ],
        inner=500,
        repeats=11,
    )
    rows += compare(
        [("audit.access, fsync=True (default)", lambda: durable.access("dr.lee", "MRN-1", "read", "Resource", "ok"))],
        inner=50,
        repeats=5,
    )
    plain.close()
    durable.close()
    print_table("Cost of one audit event (caller's thread)", rows, "JsonFormatter.format (no I/O)")


def verification(workdir: Path, records: int) -> None:
    from hipaalog.audit import AuditStream

    directory = workdir / "stream"
    stream = AuditStream(
        directory / "audit.jsonl", key=KEY, pseudonym_key=PSEUDONYM_KEY, fsync=False, max_bytes=64 << 20, **IDENTITY
    )
    for i in range(records):
        stream.access(f"user{i % 500}", f"MRN-{i % 20000}", "read", "Observation", "success")
    stream.drain(600)
    stream.close()
    size = sum(p.stat().st_size for p in directory.iterdir())
    started = time.perf_counter()
    child = subprocess.run(
        [sys.executable, "-c", VERIFY_CHILD, str(directory), KEY], capture_output=True, text=True, check=True
    )
    wall = time.perf_counter() - started
    result = json.loads(child.stdout)
    print("\n### Verification throughput\n")
    print(machine_line() + "\n")
    print("| records | on disk (gzip segments + active) | verify time | records/s | peak RSS |")
    print("| ---: | ---: | ---: | ---: | ---: |")
    print(
        f"| {result['records']:,} | {size / 1e6:.1f} MB | {result['seconds']:.2f} s (process {wall:.2f} s) | "
        f"{result['records'] / result['seconds']:,.0f} | {result['peak_bytes'] / 1e6:.0f} MB |"
    )
    assert result["ok"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=200_000, help="records in the verified stream")
    args = parser.parse_args()
    os.environ.setdefault("HIPAALOG_APP_ID", "bench")
    with tempfile.TemporaryDirectory() as workdir:
        per_event(Path(workdir))
        verification(Path(workdir), args.records)


if __name__ == "__main__":
    main()
