"""Audit report speed: records analysed per second on one core, peak memory, and a month of a 500-user clinic.

Each measurement runs in a fresh child process pinned to one CPU (two for the DuckDB spike), so
its peak memory (max RSS) is its own. Results are printed and written to
``benchmarks/results/bench_report.json``. Usage::

    python benchmarks/bench_report.py [--records 1000000] [--repeat 3] [--quick] [--engines-only]
    python benchmarks/bench_report.py --month-30m [--data DIR] [--sizes 1e6,3e6,1e7,3e7] [--memory 1GB,256MB]
        [--before OTHER_CHECKOUT/src]

``--engines-only``: a month of the demo clinic, its rotated segments sealed with their recorded
verification and Parquet columns, then the report's two engines on the same segments: python (one
core) and duckdb (two threads, 1 GB memory limit), records/s, CPU seconds and peak RSS of each.

``--month-30m``: a month of a 25,000-person clinic (about 30M records; ``--users``), written and sealed
once into ``--data`` (kept between runs; writing and sealing take about a quarter of an hour), then
the duckdb engine (two threads) under each ``--memory`` limit on its first 1M, 3M, 10M and all
records (whole sealed segments), and the python engine (one core) on the prefixes up to
``--python-up-to`` records. Written to ``benchmarks/results/bench_report_scale.json``.

Timings and CPU seconds are the medians of ``--repeat`` runs; peak memory is the largest seen; CPU
seconds count every thread of the child.

Side by side on the same stream, a spike of the rules as SQL on DuckDB (``pip install duckdb``;
skipped without it): the stream's segments are read with ``read_ndjson`` (only the fields the
rules use), then one query per rule family computes what the rule needs, with ``threads=2`` and a
``memory_limit`` (DuckDB spills beyond it). It measures what a columnar engine would cost; it is
not the report's engine (the queries simplify some rules: the crowd window is a fixed two-day
bucket, off-hours judges against every other day of the person at once).
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
task, args = sys.argv[1], json.loads(sys.argv[2])
cpus = sorted(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else []
if cpus:
    os.sched_setaffinity(0, set(cpus[-args.get("cpus", 1):]))
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
elif task == "duckdb":
    import glob
    import duckdb
    files = sorted(f for f in glob.glob(os.path.join(args["dir"], "*")) if ".jsonl" in f and ".checkpoints" not in f)
    con = duckdb.connect()
    con.execute(f"SET threads={args['cpus']}; SET memory_limit='{args['memory']}'; SET preserve_insertion_order=false")
    con.execute("SET TimeZone='America/Chicago'")
    cols = ("{'timestamp': 'VARCHAR', 'seq': 'BIGINT', 'audit': 'STRUCT(event VARCHAR, actor VARCHAR, "
            "outcome VARCHAR, source VARCHAR, patient VARCHAR, resource VARCHAR, emergency BOOLEAN, patients BIGINT)'}")
    con.execute(
        "CREATE TEMP TABLE ev AS SELECT CAST(timestamp AS TIMESTAMPTZ) AS ts, seq, audit.event AS event, "
        "audit.actor AS actor, audit.outcome AS outcome, audit.source AS source, audit.patient AS patient, "
        "audit.resource AS resource, coalesce(audit.emergency, false) AS emergency, audit.patients AS patients "
        f"FROM read_ndjson({files!r}, columns={cols}, format='newline_delimited')"
    )
    out["load_seconds"] = time.perf_counter() - started
    out["records"] = con.execute("SELECT count(*) FROM ev").fetchone()[0]
    out["per_rule"] = {}
    for rule, query in args["queries"].items():
        begun = time.perf_counter()
        out["per_rule"][rule] = [con.execute(query).fetchone()[0], round(time.perf_counter() - begun, 2)]
elif task == "seal":
    from hipaalog.audit._sealed import record_segment
    from hipaalog.report._reader import expand_inputs
    rotated = [path for path in expand_inputs([args["dir"]]) if path.endswith(".jsonl.gz")]
    for path in rotated[args.get("part", 0)::args.get("parts", 1)]:
        record_segment(path, "k1", {"k1": args["key"].encode()})
elif task == "engine":
    from hipaalog.report import EngineSettings, ReportConfig
    from hipaalog.report._engine import analyze_segments
    from hipaalog.report._reader import expand_inputs
    from hipaalog.report._trusted import check_records
    files = [f for f in expand_inputs([args["dir"]]) if ".checkpoints" not in f]
    trust = check_records(files, {"k1": args["key"].encode()}, partial=True, digests=False)
    settings = EngineSettings(memory_limit=args["memory"], threads=args["cpus"])
    analysis = analyze_segments(files, ReportConfig(timezone="America/Chicago"), engine=args["engine"],
                                settings=settings, scratch=args["scratch"], records=trust.records)
    out["findings"] = len(analysis.analyzer.finish())
    out["records"] = analysis.analyzer.records
    out["engine"] = analysis.engine
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
usage = resource.getrusage(resource.RUSAGE_SELF)
out["max_rss_mb"] = usage.ru_maxrss / 1024
out["cpu_seconds"] = usage.ru_utime + usage.ru_stime
print(json.dumps(out))
"""


_FAILED = "outcome IN ('failure', 'denied')"
_TOUCH = "event IN ('access', 'change') AND outcome = 'success' AND patient IS NOT NULL"
DUCK_RULES = {
    "failed-login-burst-user": f"""SELECT count(DISTINCT actor) FROM (SELECT actor, count(*) OVER (PARTITION BY actor
        ORDER BY ts RANGE BETWEEN INTERVAL 300 SECOND PRECEDING AND CURRENT ROW) n FROM ev
        WHERE event = 'login' AND {_FAILED}) WHERE n >= 10""",
    "failed-login-burst-source": f"""SELECT count(DISTINCT source) FROM (SELECT source, count(*) OVER (
        PARTITION BY source ORDER BY ts RANGE BETWEEN INTERVAL 300 SECOND PRECEDING AND CURRENT ROW) n FROM ev
        WHERE event = 'login' AND {_FAILED} AND source IS NOT NULL) WHERE n >= 20""",
    "many-users-from-source": f"""WITH f AS (SELECT source, actor, ts FROM ev WHERE event = 'login' AND {_FAILED})
        SELECT count(DISTINCT a.source) FROM (SELECT a.source, a.ts, count(DISTINCT b.actor) n FROM f a JOIN f b
        ON b.source = a.source AND b.ts BETWEEN a.ts - INTERVAL 3600 SECOND AND a.ts GROUP BY ALL) a WHERE n >= 5""",
    "success-after-failures": f"""SELECT count(*) FROM (SELECT outcome, sum(CASE WHEN {_FAILED} THEN 1 ELSE 0 END)
        OVER (PARTITION BY actor ORDER BY ts RANGE BETWEEN INTERVAL 900 SECOND PRECEDING AND CURRENT ROW) n
        FROM ev WHERE event = 'login') WHERE outcome = 'success' AND n >= 5""",
    "off-hours-login": """WITH l AS (SELECT actor, date_trunc('day', ts) d, hour(ts) h, isodow(ts) w FROM ev
        WHERE event = 'login' AND outcome = 'success'),
        days AS (SELECT actor, d, bit_or(1::BIGINT << h) mask FROM l GROUP BY ALL),
        cand AS (SELECT DISTINCT actor, d, h FROM l WHERE NOT (h BETWEEN 7 AND 18 AND w <= 5)),
        near AS (SELECT c.actor, c.d, c.h, count(o.d) FILTER (WHERE o.d <> c.d) others,
          count(o.d) FILTER (WHERE o.d <> c.d AND list_has_any(
            [(c.h + 22) % 24, (c.h + 23) % 24, c.h, (c.h + 1) % 24, (c.h + 2) % 24],
            [x FOR x IN range(24) IF (o.mask >> x) & 1 = 1])) usual
          FROM cand c JOIN days o USING (actor) GROUP BY ALL)
        SELECT count(DISTINCT (actor, d)) FROM near WHERE others < 10 OR usual < 2""",
    "new-source-login": """WITH f AS (SELECT actor, source, min(ts) first FROM ev
        WHERE event = 'login' AND outcome = 'success' AND source IS NOT NULL GROUP BY ALL),
        a AS (SELECT actor, min(first) start FROM f GROUP BY actor),
        u AS (SELECT source, count(DISTINCT actor) users FROM f GROUP BY source)
        SELECT count(*) FROM f JOIN a USING (actor) JOIN u USING (source)
        WHERE first > start + INTERVAL 7 DAY AND users <= 2""",
    "patients-above-peers": f"""WITH w AS (SELECT actor, date_trunc('week', ts) wk, count(DISTINCT patient) n,
        mode(resource) grp FROM ev WHERE {_TOUCH} GROUP BY ALL),
        g AS (SELECT wk, grp, median(n) med, count(*) size FROM w GROUP BY ALL),
        m AS (SELECT w.wk, w.grp, median(abs(n - med)) mad FROM w JOIN g USING (wk, grp) GROUP BY ALL)
        SELECT count(*) FROM w JOIN g USING (wk, grp) JOIN m USING (wk, grp)
        WHERE size >= 5 AND n >= greatest(med + 8 * greatest(1.4826 * mad, 0.1 * med, 1), 2 * med, 30)""",
    "patients-above-own-days": f"""WITH d AS (SELECT actor, date_trunc('day', ts) dy, count(DISTINCT patient) n FROM ev
        WHERE {_TOUCH} GROUP BY ALL),
        o AS (SELECT *, median(n) OVER own med, count(*) OVER own k FROM d
          WINDOW own AS (PARTITION BY actor ORDER BY dy ROWS BETWEEN 60 PRECEDING AND 1 PRECEDING))
        SELECT count(*) FROM o WHERE k >= 10 AND n >= greatest(3 * med, 30)""",
    "exports-above-peers": """SELECT count(*) FROM (SELECT actor, date_trunc('week', ts) wk, sum(patients) n FROM ev
        WHERE event = 'export' AND outcome = 'success' GROUP BY ALL) WHERE n >= 50""",
    "many-staff-one-patient": """WITH c AS (SELECT DISTINCT actor, patient FROM ev
          WHERE event = 'change' AND outcome = 'success'),
        a AS (SELECT patient, actor, time_bucket(INTERVAL 2 DAY, ts) b FROM ev
          WHERE event = 'access' AND outcome = 'success' AND patient IS NOT NULL)
        SELECT count(*) FROM (SELECT patient, b, count(DISTINCT actor) n FROM a ANTI JOIN c USING (actor, patient)
        GROUP BY ALL) WHERE n >= 20""",
    "repeated-record-opens": """WITH a AS (SELECT actor, patient, ts,
          ts - lag(ts) OVER (PARTITION BY actor, patient ORDER BY ts) gap FROM ev
          WHERE event = 'access' AND outcome = 'success' AND patient IS NOT NULL),
        s AS (SELECT actor, patient, ts FROM a WHERE gap IS NULL OR gap > INTERVAL 1800 SECOND),
        n AS (SELECT actor, patient, count(*) OVER (PARTITION BY actor, patient ORDER BY ts
          RANGE BETWEEN INTERVAL 7 DAY PRECEDING AND CURRENT ROW) k FROM s)
        SELECT count(DISTINCT (actor, patient)) FROM n WHERE k >= 5""",
    "break-glass, access-denied": """SELECT count(DISTINCT (actor, date_trunc('day', ts), emergency)) FROM ev
        WHERE emergency OR outcome = 'denied'""",
}
"""The rules as SQL over the table ``ev`` (one row per audit record): the count each query returns."""


def has_duckdb() -> bool:
    """Whether the DuckDB spike can run here."""
    try:
        import duckdb  # noqa: F401
    except ImportError:
        return False
    return True


def child(task: str, source: str | None = None, **args: object) -> dict[str, float]:
    """Run one measurement in a fresh, single-CPU process; ``source``: import hipaalog from that ``src`` directory
    (another checkout, for a before-and-after run) instead of the installed one."""
    env = dict(os.environ, PYTHONPATH=source) if source else None
    result = subprocess.run(
        [sys.executable, "-c", CHILD, task, json.dumps(args)], capture_output=True, text=True, check=False, env=env
    )
    if result.returncode != 0:
        raise SystemExit(f"{task} failed:\n{result.stderr[-3000:]}")
    last = result.stdout[result.stdout.rindex('{"') :].splitlines()[0]  # past any progress bar on the same line
    return json.loads(last)  # type: ignore[no-any-return]


def repeated(times: int, task: str, source: str | None = None, **args: object) -> dict[str, float]:
    """The median time and CPU seconds and the highest peak memory of ``times`` runs of one measurement."""
    runs = [child(task, source, **args) for _ in range(times)]
    best = dict(runs[0])
    best["seconds"] = statistics.median(r["seconds"] for r in runs)
    if all("cpu_seconds" in r for r in runs):
        best["cpu_seconds"] = statistics.median(r["cpu_seconds"] for r in runs)
    best["max_rss_mb"] = max(r["max_rss_mb"] for r in runs)
    return best


def compare_engines(directory: str, scratch: str, repeat: int) -> dict[str, dict[str, float]]:
    """The python engine (one core) and the duckdb engine (two threads, 1 GB) on the same sealed segments."""
    sealed = child("seal", dir=directory, key=KEY.decode())
    out: dict[str, dict[str, float]] = {"seal": sealed}
    for engine, cpus in (("python", 1), ("duckdb", 2)):
        out[engine] = repeated(
            repeat, "engine", dir=directory, key=KEY.decode(), engine=engine, cpus=cpus, memory="1GB", scratch=scratch
        )
    for engine in ("python", "duckdb"):
        got = out[engine]
        print(
            f"{engine:6} engine: {got['records']:,.0f} records, {got['findings']:.0f} findings "
            f"in {got['seconds']:.2f} s = {got['records'] / got['seconds']:,.0f} records/s, "
            f"{got['cpu_seconds']:.1f} CPU s, "
            f"peak RSS {got['max_rss_mb']:.0f} MB"
        )
    print(f"recording the segments' verification and columns once, at seal time: {sealed['seconds']:.1f} s")
    return out


SEGMENT_RECORDS = 200_000
"""Records per rotated segment of the benchmark's streams (the ``write`` task's rotation size)."""


def big_month(directory: str, users: int, seed: int) -> int:
    """A month of a ``users``-person clinic written and sealed in ``directory`` (kept: made once); its records."""
    done = os.path.join(directory, ".written.json")
    if os.path.exists(done):
        return int(json.loads(Path(done).read_text())["records"])
    begun = time.perf_counter()
    written = child(
        "write", users=users, days=30, seed=seed, path=os.path.join(directory, "audit.jsonl"), key=KEY.decode()
    )
    print(f"wrote {written['records']:,.0f} records in {written['seconds']:.0f} s; sealing the segments", flush=True)
    sealers = [
        subprocess.Popen(
            [
                sys.executable,
                "-c",
                CHILD,
                "seal",
                json.dumps({"dir": directory, "key": KEY.decode(), "part": n, "parts": 2, "cpus": 2}),
            ],
            stdout=subprocess.DEVNULL,
        )
        for n in range(2)
    ]
    if any(sealer.wait() for sealer in sealers):
        raise SystemExit("sealing the big month failed")
    print(f"written and sealed in {time.perf_counter() - begun:.0f} s", flush=True)
    Path(done).write_text(json.dumps({"records": written["records"], "users": users, "seed": seed}))
    return int(written["records"])


def prefix(directory: str, segments: int, target: str) -> int:
    """Links to the first ``segments`` sealed segments of ``directory`` (with records, columns and rollups, where
    sealing wrote them) in ``target``."""
    rotated = sorted(name for name in os.listdir(directory) if name.endswith(".jsonl.gz"))[:segments]
    os.makedirs(target, exist_ok=True)
    for name in rotated:
        for linked in (name, f".{name}.verified.json", f".{name}.columns.parquet", f".{name}.rollup.parquet"):
            if os.path.exists(os.path.join(directory, linked)) and not os.path.exists(os.path.join(target, linked)):
                os.symlink(os.path.join(directory, linked), os.path.join(target, linked))
    return len(rotated)


def scale(  # noqa: PLR0917 - the command line's settings
    directory: str, sizes: list[int], python_up_to: int, memories: list[str], repeat: int, before: str | None = None
) -> dict[str, object]:
    """The duckdb engine (two threads, under each memory limit) on growing prefixes of the big month, python beside
    it (one core) up to ``python_up_to`` records; with ``before`` (another checkout's ``src``), the duckdb engine of
    that code beside this one's, turn by turn."""
    out: dict[str, object] = {"memory_limits": memories, "runs": []}
    available = len([n for n in os.listdir(directory) if n.endswith(".jsonl.gz")])
    for size in sizes:
        segments = min(available, -(-size // SEGMENT_RECORDS))
        target = os.path.join(directory, f"prefix-{segments}")
        prefix(directory, segments, target)
        scratch = os.path.join(directory, "scratch")  # the columns of segments without any (none when sealed)
        os.makedirs(scratch, exist_ok=True)
        run: dict[str, object] = {"segments": segments}
        engines: list[tuple[str, int, str, str | None]] = []
        for memory in memories:
            if before:
                engines.append(("duckdb", 2, memory, before))
            engines.append(("duckdb", 2, memory, None))
        if segments * SEGMENT_RECORDS <= python_up_to:
            engines.append(("python", 1, memories[0], None))
        for engine, cpus, memory, source in engines:
            got = repeated(
                repeat,
                "engine",
                source,
                dir=target,
                key=KEY.decode(),
                engine=engine,
                cpus=cpus,
                memory=memory,
                scratch=scratch,
            )
            label = f"duckdb {memory}" if engine == "duckdb" else engine
            label += " before" if source else ""
            run[label] = got
            print(
                f"{got['records']:>12,.0f} records  {label:13} {got['seconds']:8.2f} s = "
                f"{got['records'] / got['seconds']:>11,.0f} records/s  {got['cpu_seconds']:8.1f} CPU s  "
                f"peak RSS {got['max_rss_mb']:6.0f} MB  {got['findings']:.0f} findings",
                flush=True,
            )
        out["runs"].append(run)  # type: ignore[attr-defined]
    return out


def main() -> None:
    """Write the streams, time the analysis and the report, print and save the figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--records", type=int, default=1_000_000, help="size of the large stream")
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement (median time)")
    parser.add_argument("--quick", action="store_true", help="100,000 records and a 100-user month (a smoke run)")
    parser.add_argument("--engines-only", action="store_true", help="only the python-vs-duckdb engine comparison")
    parser.add_argument("--month-30m", action="store_true", help="the engines on prefixes of a 30M-record month")
    parser.add_argument(
        "--data", help="where the 30M-record month is kept between runs (default: a temporary directory)"
    )
    parser.add_argument(
        "--users", type=int, default=25_000, help="people of the big month's clinic (25,000: ~30M records)"
    )
    parser.add_argument(
        "--sizes", default="1000000,3000000,10000000,30000000", help="records of the prefixes the engines read"
    )
    parser.add_argument("--python-up-to", type=int, default=30_000_000, help="largest prefix the python engine reads")
    parser.add_argument("--memory", default="1GB,256MB", help="the duckdb engine's memory limits (comma-separated)")
    parser.add_argument(
        "--before", metavar="SRC", help="with --month-30m: also the duckdb engine of another checkout's src directory"
    )
    args = parser.parse_args()
    records = 100_000 if args.quick else args.records
    users = 100 if args.quick else 500
    figures: dict[str, object] = {
        "repeat": args.repeat,
        "python": platform.python_version(),
        "machine": platform.machine(),
        "cpu_count": os.cpu_count(),
    }
    if args.month_30m:
        with tempfile.TemporaryDirectory(prefix="bench-report-") as temporary:
            directory = args.data or os.path.join(temporary, "month")
            os.makedirs(directory, exist_ok=True)
            records = big_month(directory, args.users, seed=3)
            print(f"month of a {args.users:,}-person clinic: {records:,} records")
            sizes = [int(float(size)) for size in args.sizes.split(",")]
            figures["month_30m"] = {
                "users": args.users,
                "records": records,
                **scale(directory, sizes, args.python_up_to, args.memory.split(","), args.repeat, args.before),
            }
        figures["when"] = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
        RESULTS.mkdir(exist_ok=True)
        (RESULTS / "bench_report_scale.json").write_text(json.dumps(figures, indent=2) + "\n")
        return
    if args.engines_only:
        with tempfile.TemporaryDirectory(prefix="bench-report-") as scratch:
            month = os.path.join(scratch, "month")
            written = child(
                "write", users=users, days=30, seed=2, path=os.path.join(month, "audit.jsonl"), key=KEY.decode()
            )
            print(f"month of a {users}-user clinic: {written['records']:,.0f} records")
            os.makedirs(os.path.join(scratch, "columns"))
            figures["engines"] = compare_engines(month, os.path.join(scratch, "columns"), args.repeat)
        RESULTS.mkdir(exist_ok=True)
        (RESULTS / "bench_report_engines.json").write_text(json.dumps(figures, indent=2) + "\n")
        return
    with tempfile.TemporaryDirectory(prefix="bench-report-") as scratch:
        big = os.path.join(scratch, "big")
        written = child(
            "write", users=500, days=60, seed=1, path=os.path.join(big, "audit.jsonl"), key=KEY.decode(), limit=records
        )
        print(f"wrote {written['records']:,.0f} records in {written['seconds']:.1f}s")
        analysed = repeated(args.repeat, "analyse", dir=big)
        if has_duckdb():
            duck = repeated(args.repeat, "duckdb", dir=big, cpus=2, memory="512MB", queries=DUCK_RULES)
            figures["duckdb_seconds"] = round(duck["seconds"], 2)
            figures["duckdb_load_seconds"] = round(duck["load_seconds"], 2)
            figures["duckdb_records_per_s"] = round(duck["records"] / duck["seconds"])
            figures["duckdb_cpu_seconds"] = round(duck["cpu_seconds"], 2)
            figures["duckdb_peak_rss_mb"] = round(duck["max_rss_mb"], 1)
            figures["duckdb_per_rule"] = duck["per_rule"]
        verified = repeated(args.repeat, "verify", dir=big, key=KEY.decode())
        rate = analysed["records"] / analysed["seconds"]
        figures["stream_records"] = analysed["records"]
        figures["generate_records_per_s"] = round(written["records"] / written["seconds"])
        figures["analyse_seconds"] = round(analysed["seconds"], 2)
        figures["analyse_records_per_s"] = round(rate)
        figures["analyse_peak_rss_mb"] = round(analysed["max_rss_mb"], 1)
        figures["analyse_cpu_seconds"] = round(analysed["cpu_seconds"], 2)
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
    if "duckdb_seconds" in figures:
        print(
            f"DuckDB spike, same stream (read the fields, every rule family as SQL; two threads, 512 MB limit): "
            f"{figures['duckdb_seconds']} s (of which reading {figures['duckdb_load_seconds']} s) = "
            f"{figures['duckdb_records_per_s']:,} records/s, {figures['duckdb_cpu_seconds']} CPU s "
            f"(today's engine: {figures['analyse_cpu_seconds']} CPU s), peak RSS {figures['duckdb_peak_rss_mb']} MB"
        )
        for rule, (count, seconds) in figures["duckdb_per_rule"].items():  # type: ignore[attr-defined]
            print(f"    {rule:28} {count:>6} in {seconds} s")
    else:
        print("DuckDB spike skipped: pip install duckdb")
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
