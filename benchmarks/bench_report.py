"""Audit report speed: records analysed per second on one core, peak memory, and a month of a 500-user clinic.

Each measurement runs in a fresh child process pinned to one CPU, so its peak memory (max RSS)
is its own. Results are printed and written to ``benchmarks/results/bench_report.json``.
Usage::

    python benchmarks/bench_report.py [--records 1000000] [--repeat 3] [--quick]

Timings are the median of ``--repeat`` runs; peak memory is the largest seen.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

KEY = b"benchmark-audit-key-0123456789abcdef"
RESULTS = Path(__file__).resolve().parent / "results"

CHILD = r"""
import json, os, resource, sys, time
cpus = sorted(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else []
if cpus:
    os.sched_setaffinity(0, {cpus[-1]})
task, args = sys.argv[1], json.loads(sys.argv[2])
started = time.perf_counter()
out = {}
if task == "write":
    from hipaalog.synthetic import Clinic, write_stream
    clinic = Clinic(users=args["users"], days=args["days"], seed=args["seed"])
    written = write_stream(clinic, args["path"], key=args["key"].encode(), segment_records=200_000,
                           compress=True, limit=args.get("limit"))
    out["records"] = written.records
    out["incidents"] = len(written.incidents)
elif task == "analyse":
    from hipaalog.report import ReportConfig
    from hipaalog.report._analyze import Analyzer
    from hipaalog.report._reader import ReadStats, expand_inputs, read_merged
    analyzer = Analyzer(ReportConfig(timezone="America/Chicago"))
    feed = analyzer.feed
    for ts, index, record in read_merged(expand_inputs([args["dir"]]), ReadStats()):
        feed(ts, record, index)
    out["findings"] = len(analyzer.finish())
    out["records"] = analyzer.records
elif task == "verify":
    from hipaalog.integrity import verify_files
    result = verify_files([args["dir"]], keys={"k1": args["key"].encode()})
    out["records"], out["ok"] = result.records, result.ok
elif task == "report":
    from hipaalog.cli import main
    code = main(["report", args["dir"], "--key", "k1=hex:" + args["key"].encode().hex(),
                 "--timezone", "America/Chicago", "-o", args["html"], "--fail-on", "never"])
    out["exit"] = code
out["seconds"] = time.perf_counter() - started
out["max_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps(out))
"""


def child(task: str, **args: object) -> dict[str, float]:
    """Run one measurement in a fresh, single-CPU process."""
    result = subprocess.run(
        [sys.executable, "-c", CHILD, task, json.dumps(args)], capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise SystemExit(f"{task} failed:\n{result.stderr[-3000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def repeated(times: int, task: str, **args: object) -> dict[str, float]:
    """The median time and the highest peak memory of ``times`` runs of one measurement."""
    runs = [child(task, **args) for _ in range(times)]
    best = dict(runs[0])
    best["seconds"] = statistics.median(r["seconds"] for r in runs)
    best["max_rss_mb"] = max(r["max_rss_mb"] for r in runs)
    return best


def main() -> None:
    """Write the streams, time the analysis and the report, print and save the figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--records", type=int, default=1_000_000, help="size of the large stream")
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement (median time)")
    parser.add_argument("--quick", action="store_true", help="100,000 records and a 100-user month (a smoke run)")
    args = parser.parse_args()
    records = 100_000 if args.quick else args.records
    users = 100 if args.quick else 500
    figures: dict[str, object] = {
        "repeat": args.repeat,
        "python": platform.python_version(),
        "machine": platform.machine(),
        "cpu_count": os.cpu_count(),
    }
    with tempfile.TemporaryDirectory(prefix="bench-report-") as scratch:
        big = os.path.join(scratch, "big")
        written = child(
            "write", users=500, days=60, seed=1, path=os.path.join(big, "audit.jsonl"), key=KEY.decode(), limit=records
        )
        print(f"wrote {written['records']:,.0f} records in {written['seconds']:.1f}s")
        analysed = repeated(args.repeat, "analyse", dir=big)
        verified = repeated(args.repeat, "verify", dir=big, key=KEY.decode())
        rate = analysed["records"] / analysed["seconds"]
        figures["stream_records"] = analysed["records"]
        figures["generate_records_per_s"] = round(written["records"] / written["seconds"])
        figures["analyse_seconds"] = round(analysed["seconds"], 2)
        figures["analyse_records_per_s"] = round(rate)
        figures["analyse_peak_rss_mb"] = round(analysed["max_rss_mb"], 1)
        figures["verify_seconds"] = round(verified["seconds"], 2)
        figures["verify_records_per_s"] = round(verified["records"] / verified["seconds"])
        figures["verify_peak_rss_mb"] = round(verified["max_rss_mb"], 1)
        month = os.path.join(scratch, "month")
        month_written = child(
            "write", users=users, days=30, seed=2, path=os.path.join(month, "audit.jsonl"), key=KEY.decode()
        )
        report = repeated(args.repeat, "report", dir=month, key=KEY.decode(), html=os.path.join(scratch, "month.html"))
        figures["month_users"] = users
        figures["month_records"] = month_written["records"]
        figures["month_report_seconds"] = round(report["seconds"], 2)
        figures["month_report_peak_rss_mb"] = round(report["max_rss_mb"], 1)
    print(
        f"\nanalysis (read, parse, every rule; one core): {figures['stream_records']:,} records in "
        f"{figures['analyse_seconds']} s = {figures['analyse_records_per_s']:,} records/s, "
        f"peak RSS {figures['analyse_peak_rss_mb']} MB"
    )
    print(
        f"chain verification: {figures['verify_seconds']} s = {figures['verify_records_per_s']:,} records/s, "
        f"peak RSS {figures['verify_peak_rss_mb']} MB"
    )
    print(
        f"month of a {users}-user clinic ({figures['month_records']:,} records): hipaalog report (verify + analyse "
        f"+ HTML) {figures['month_report_seconds']} s, peak RSS {figures['month_report_peak_rss_mb']} MB"
    )
    print(f"synthetic generation: {figures['generate_records_per_s']:,} sealed records/s")
    RESULTS.mkdir(exist_ok=True)
    figures["when"] = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    (RESULTS / "bench_report.json").write_text(json.dumps(figures, indent=2) + "\n")


if __name__ == "__main__":
    main()
