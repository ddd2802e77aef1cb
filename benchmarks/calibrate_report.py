"""How close clean synthetic clinics come to each report threshold (the numbers in docs/reports.md).

Runs the analysis over clean baselines of several seeds and sizes and prints, per rule, the
highest value its statistic reached; then the same for clinics with planted incidents, which
must all be found. Thresholds sit between the two. Usage::

    python benchmarks/calibrate_report.py [--seeds 10] [--users 120] [--days 28] [--big]
"""

from __future__ import annotations

import argparse
import time

from hipaalog.report import Finding, ReportConfig
from hipaalog.report._analyze import Analyzer
from hipaalog.report._timeparse import parse_ts
from hipaalog.synthetic import Clinic

_STATISTIC = {
    "failed-login-burst-user": "failures",
    "failed-login-burst-source": "failures",
    "many-users-from-source": "users",
    "success-after-failures": "failures",
    "repeated-record-opens": "sessions",
    "patients-above-peers": "z",
    "exports-above-peers": "z",
    "many-staff-one-patient": "staff",
}


def planted_values(clinic: Clinic, findings: list[Finding]) -> dict[str, float]:
    """The statistic of each finding that cites a planted incident, by rule."""
    out: dict[str, float] = {}
    for finding in findings:
        key = _STATISTIC.get(finding.rule)
        if key is not None and any(set(i.seqs) & set(finding.seqs) for i in clinic.incidents):
            out[finding.rule] = min(out.get(finding.rule, float("inf")), float(finding.details[key]))
    return out


def run(clinic: Clinic) -> tuple[Analyzer, list[str], int, list[Finding]]:
    """Analyse one clinic; returns the analyzer, the rules of missed incidents, the record count, the findings."""
    analyzer = Analyzer(ReportConfig(**clinic.report_config()))
    seq = 0
    for record, incident in clinic.records():
        seq += 1
        record["seq"] = seq
        if incident is not None:
            clinic.incidents[incident].seqs.append(seq)
        analyzer.feed(parse_ts(record["timestamp"]), record)
    findings = analyzer.finish()
    missed = [
        i.rule for i in clinic.incidents if not any(f.rule == i.rule and set(i.seqs) <= set(f.seqs) for f in findings)
    ]
    if not clinic.plant and findings:
        missed.append(f"{len(findings)} finding(s) on a clean baseline: {sorted({f.rule for f in findings})}")
    return analyzer, missed, seq, findings


def main() -> None:
    """Print the peaks table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seeds", type=int, default=10)
    parser.add_argument("--users", type=int, default=120)
    parser.add_argument("--days", type=int, default=28)
    parser.add_argument("--big", action="store_true", help="also run two 500-user clinics")
    args = parser.parse_args()
    sizes = [(args.users, args.days)] + ([(500, 28)] if args.big else [])
    clean: dict[str, float] = {}
    planted: dict[str, list[float]] = {}
    snoop_z: list[float] = []
    problems: list[str] = []
    for users, days in sizes:
        seeds = range(1, args.seeds + 1) if users == args.users else range(1, 3)
        for seed in seeds:
            for plant in (False, True):
                started = time.perf_counter()
                clinic = Clinic(users=users, days=days, seed=seed, incidents=plant)
                analyzer, missed, records, findings = run(clinic)
                problems.extend(f"users={users} seed={seed} plant={plant}: {m}" for m in missed)
                if plant:
                    for rule, value in planted_values(clinic, findings).items():
                        planted.setdefault(rule, []).append(value)
                else:
                    for rule, peak in analyzer.peaks().items():
                        clean[rule] = max(clean.get(rule, float("-inf")), peak["peak"])
                if plant:
                    snooper = next(i.actor for i in clinic.incidents if i.rule == "patients-above-peers")
                    snoop_z.append(analyzer.peer_points[snooper or ""]["z"])
                print(
                    f"users={users} days={days} seed={seed} incidents={plant}: {records} records "
                    f"in {time.perf_counter() - started:.1f}s"
                )
    config = ReportConfig()
    print(f"\n{'rule':28} {'clean peak':>11} {'threshold':>10} {'planted (smallest found)':>26}")
    for rule, peak in sorted(clean.items()):
        threshold = analyzer.peaks()[rule]["threshold"]
        print(f"{rule:28} {peak:11.2f} {threshold:10.2f} {min(planted.get(rule, [0])):26.2f}")
    print(f"\nsnooper robust z: min {min(snoop_z):.1f}, max {max(snoop_z):.1f} (threshold {config.peer_z})")
    print("problems:" if problems else "every planted incident found; no finding on any clean baseline")
    for problem in problems:
        print("  " + problem)


if __name__ == "__main__":
    main()
