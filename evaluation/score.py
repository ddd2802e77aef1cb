"""Score hipaalog's redaction on the evaluation set: ``python -m evaluation.score [--split dev] [--ref REV]``.

Every record goes through hipaalog's default pipeline in a subprocess (see :mod:`evaluation.pipeline`);
the bytes written are searched for each planted value. Reported per Safe Harbor kind and per format:
recall (planted values that did not reach the output), benign records altered (records without PHI
whose output differs from the unredacted output) and records per second. ``--ref`` scores another
git revision of hipaalog in the same run, side by side, from ``git archive`` of its ``src`` tree.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import hashlib
import io
import json
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make the package importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    __package__ = "evaluation"

from .match import MARKER, canonical, haystack, leaked
from .record import KINDS, raw_text

__all__ = ["ManifestError", "load_split", "main", "render_markdown", "run_revision", "score"]

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
WORKTREE = "working tree"


class ManifestError(Exception):
    """A split file does not match the SHA-256 recorded in the manifest."""


def load_split(name: str, data_dir: Path = DATA, *, check: bool = True) -> list[dict[str, Any]]:
    """The records of split ``name``; with ``check``, its bytes must match ``MANIFEST.json``."""
    path = data_dir / f"{name}.jsonl.gz"
    blob = path.read_bytes()
    if check:
        manifest = json.loads((data_dir / "MANIFEST.json").read_text())
        expected = manifest.get(path.name, {}).get("sha256")
        actual = hashlib.sha256(blob).hexdigest()
        if expected != actual:
            raise ManifestError(f"{path.name}: SHA-256 {actual} does not match the manifest ({expected})")
    text = gzip.decompress(blob).decode("ascii")
    return [json.loads(line) for line in text.splitlines() if line]


def _source_tree(ref: str, into: Path) -> Path:
    """hipaalog's ``src`` directory at git revision ``ref``, extracted under ``into``."""
    blob = subprocess.run(
        ["git", "-C", str(ROOT), "archive", "--format=tar", ref, "src"], check=True, capture_output=True
    ).stdout
    with tarfile.open(fileobj=io.BytesIO(blob)) as tar:
        tar.extractall(into, filter="data")
    return into / "src"


def snapshot(ref: str | None, into: Path) -> Path:
    """A copy of hipaalog's ``src`` at git revision ``ref`` (``None``: the working tree as it is now).

    Every split of one run is scored on the same copy, even if the working tree changes meanwhile.
    """
    if ref is None:
        return Path(shutil.copytree(ROOT / "src", into / "src", ignore=shutil.ignore_patterns("__pycache__")))
    return _source_tree(ref, into)


def run_revision(
    records: Sequence[dict[str, Any]], ref: str | None = None, *, src: Path | None = None
) -> dict[str, Any]:
    """Run ``records`` through hipaalog in a subprocess: the ``src`` tree given, or a snapshot of ``ref``."""
    with tempfile.TemporaryDirectory(prefix="hipaalog-eval-") as tmp:
        base = Path(tmp)
        if src is None:
            src = snapshot(ref, base / "tree")
        (base / "in.json").write_text(json.dumps(list(records)))
        env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(src), str(ROOT)])}
        env.pop("HIPAALOG_SINKS", None)
        proc = subprocess.run(
            [sys.executable, "-m", "evaluation.pipeline", str(base / "in.json"), str(base / "out.json")],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        if proc.returncode != 0:
            raise RuntimeError(f"pipeline worker for {src} failed:\n{proc.stderr[-4000:]}")
        return json.loads((base / "out.json").read_text())  # type: ignore[no-any-return]


def _ratio(part: int, whole: int) -> float | None:
    return None if whole == 0 else part / whole


def score(
    records: Sequence[dict[str, Any]],
    lines: Sequence[str | None],
    baseline: Sequence[str | None],
    *,
    seconds: Sequence[float] | None = None,
    total_seconds: float | None = None,
) -> dict[str, Any]:
    """Recall per kind and per format, benign damage and throughput for one run over ``records``.

    ``lines`` are the written lines (``None``: nothing was written), ``baseline`` the lines written
    with redaction off. A planted value counts as leaked if it, its lower-case form or its digits
    alone occur as a whole token in the written line. A benign record counts as altered if its line
    differs from the baseline or holds a redaction marker (some paths redact even with redaction off).
    """
    kinds: dict[str, list[int]] = defaultdict(lambda: [0, 0])  # planted, leaked
    formats: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    not_in_record = lost = 0
    leaks: list[dict[str, str]] = []
    altered_ids: list[str] = []
    for i, record in enumerate(records):
        fmt = formats[record["format"]]
        fmt["records"] += 1
        if seconds is not None:
            fmt["seconds"] += seconds[i]
        line = lines[i]
        if line is None:
            lost += 1
        if record["benign"]:
            fmt["benign"] += 1
            if canonical(line) != canonical(baseline[i]) or (line is not None and MARKER in line):
                fmt["benign_altered"] += 1
                altered_ids.append(record["id"])
            continue
        written, raw = haystack(line), raw_text(record)
        for item in record["phi"]:
            value, kind = item["value"], item["kind"]
            if not leaked(value, raw):
                not_in_record += 1
            hit = leaked(value, written)
            kinds[kind][0] += 1
            kinds[kind][1] += hit
            fmt["planted"] += 1
            fmt["leaked"] += hit
            if hit:
                leaks.append({"id": record["id"], "kind": kind, "value": value})
    planted = sum(p for p, _ in kinds.values())
    leaked_total = sum(lk for _, lk in kinds.values())
    benign = sum(int(f["benign"]) for f in formats.values())
    altered = sum(int(f["benign_altered"]) for f in formats.values())
    names = kinds.get("NAME", [0, 0])
    recall = _ratio(planted - leaked_total, planted)
    return {
        "records": len(records),
        "planted": planted,
        "recall": recall,
        "name_recall": _ratio(names[0] - names[1], names[0]),
        "benign_records": benign,
        "benign_altered": _ratio(altered, benign),
        "records_per_s": None if not total_seconds else len(records) / total_seconds,
        "lost_records": lost,
        "planted_not_in_record": not_in_record,
        "kinds": {k: {"planted": p, "leaked": lk, "recall": _ratio(p - lk, p)} for k, (p, lk) in sorted(kinds.items())},
        "formats": {
            name: {
                "records": int(f["records"]),
                "planted": int(f["planted"]),
                "recall": _ratio(int(f["planted"] - f["leaked"]), int(f["planted"])),
                "benign": int(f["benign"]),
                "benign_altered": _ratio(int(f["benign_altered"]), int(f["benign"])),
                "records_per_s": (f["records"] / f["seconds"]) if f.get("seconds") else None,
            }
            for name, f in sorted(formats.items())
        },
        "leaks": leaks,
        "benign_altered_ids": altered_ids,
    }


# -- reporting ------------------------------------------------------------------------------------------
def _pct(value: float | None) -> str:
    return "–" if value is None else f"{100 * value:.1f}%"


def _rate(value: float | None) -> str:
    return "–" if value is None else f"{value:,.0f}"


def render_markdown(results: dict[str, dict[str, dict[str, Any]]]) -> str:
    """Tables for ``results[split][revision]``: a summary, recall per kind, recall and damage per format."""
    columns = [(split, rev) for split, by_rev in results.items() for rev in by_rev]
    head = " | ".join(f"{split}: {rev}" for split, rev in columns)
    rule = " | ".join("---" for _ in columns)
    out = [
        "| split | revision | recall | names | benign altered | records/s | lost |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for split, rev in columns:
        r = results[split][rev]
        out.append(
            f"| {split} | {rev} | {_pct(r['recall'])} | {_pct(r['name_recall'])} | {_pct(r['benign_altered'])} "
            f"| {_rate(r['records_per_s'])} | {r['lost_records']} |"
        )
    out += ["", f"| kind | planted | {head} |", f"| --- | --- | {rule} |"]
    for kind in KINDS:
        cells = [results[s][v]["kinds"].get(kind) for s, v in columns]
        if not any(cells):
            continue
        planted = "/".join(dict.fromkeys(str(c["planted"]) for c in cells if c))
        out.append(f"| {kind} | {planted} | " + " | ".join(_pct(c["recall"]) if c else "–" for c in cells) + " |")
    out += ["", f"| format (recall / benign altered) | {head} |", f"| --- | {rule} |"]
    formats = sorted({f for s, v in columns for f in results[s][v]["formats"]})
    for name in formats:
        cells = [results[s][v]["formats"].get(name) for s, v in columns]
        out.append(
            f"| {name} | "
            + " | ".join(f"{_pct(c['recall'])} / {_pct(c['benign_altered'])}" if c else "–" for c in cells)
            + " |"
        )
    out += ["", f"| format (records/s, time in the log call) | {head} |", f"| --- | {rule} |"]
    for name in formats:
        cells = [results[s][v]["formats"].get(name) for s, v in columns]
        out.append(f"| {name} | " + " | ".join(_rate(c["records_per_s"]) if c else "–" for c in cells) + " |")
    return "\n".join(out) + "\n"


def _git(*args: str) -> str:
    return subprocess.run(["git", "-C", str(ROOT), *args], check=True, capture_output=True, text=True).stdout.strip()


def _describe(ref: str | None) -> str:
    """A column label: the revision, or the working tree with its HEAD and whether ``src`` has local changes."""
    if ref is not None:
        return ref
    try:
        head = _git("rev-parse", "--short", "HEAD")
        dirty = bool(_git("status", "--porcelain", "--", "src"))
    except (OSError, subprocess.CalledProcessError):
        return WORKTREE
    return f"{WORKTREE} ({head}{' + changes' if dirty else ''})"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--split", choices=["dev", "frozen", "all"], default="all")
    parser.add_argument("--ref", action="append", default=[], help="also score this git revision (repeatable)")
    parser.add_argument("--json", type=Path, help="write the full results (with every leak) here")
    parser.add_argument("--limit", type=int, help="score only the first N records of each split (a quick look)")
    parser.add_argument("--format", action="append", default=[], help="score only records of this format (repeatable)")
    parser.add_argument("--leaks", type=int, default=0, help="print up to N leaked values per run")
    parser.add_argument("--damage", type=int, default=0, help="print up to N altered benign records per run")
    parser.add_argument("--presidio", action="store_true", help="also score Presidio's analyzer (patterns only)")
    parser.add_argument("--skip-worktree", action="store_true", help="score only the --ref revisions")
    args = parser.parse_args(argv)
    splits = ["dev", "frozen"] if args.split == "all" else [args.split]
    splits = [s for s in splits if (DATA / f"{s}.jsonl.gz").exists() or s == args.split]
    refs: list[str | None] = [*([] if args.skip_worktree else [None]), *args.ref]
    results: dict[str, dict[str, dict[str, Any]]] = {}
    with tempfile.TemporaryDirectory(prefix="hipaalog-eval-src-") as tmp:
        sources = {_describe(ref): snapshot(ref, Path(tmp) / f"tree{i}") for i, ref in enumerate(refs)}
        for split in splits:
            records = [r for r in load_split(split) if not args.format or r["format"] in args.format][: args.limit]
            baseline: list[str | None] | None = None
            for label, src in sources.items():
                out = run_revision(records, src=src)
                baseline = baseline or out["baseline"]
                result = score(
                    records, out["lines"], out["baseline"], seconds=out["seconds"], total_seconds=out["total_seconds"]
                )
                results.setdefault(split, {})[label] = result
            if args.presidio and baseline is not None:
                from .presidio_run import redact_lines

                done = redact_lines(baseline)
                result = score(records, done["lines"], baseline, total_seconds=done["total_seconds"])
                results[split]["Presidio (patterns)"] = result
    stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    print(f"hipaalog redaction evaluation, {stamp}\n")
    print(render_markdown(results))
    for split, by_rev in results.items():
        for rev, result in by_rev.items():
            if result["planted_not_in_record"]:
                missing = result["planted_not_in_record"]
                print(f"warning: {split}/{rev}: {missing} planted values are not in the records themselves")
            for leak in result["leaks"][: args.leaks]:
                print(f"leak {split}/{rev}: {leak['id']} {leak['kind']} {leak['value']!r}")
            for record_id in result["benign_altered_ids"][: args.damage]:
                print(f"benign record altered {split}/{rev}: {record_id}")
    if args.json:
        args.json.write_text(json.dumps({"date": stamp, "results": results}, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
