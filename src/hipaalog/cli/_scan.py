"""``hipaalog scan``: find PHI in existing log files (JSON lines or text, gzip too) without showing it.

Prints where PHI is (file, line, field, character offsets) and how much of each kind, never the
values (a field path whose keys are PHI is printed with those keys redacted). Exit status: 0
nothing found, 1 PHI found, 2 a path could not be read. A CI gate for the logs a test run wrote,
and an audit tool for old logs.
"""

from __future__ import annotations

import argparse
import gzip
import io
import os
import sys
from collections import Counter
from collections.abc import Iterator
from typing import IO, Any, Final

import orjson

HELP = "find PHI in log files (JSON lines or text, gzip too): counts by kind and places, never values"

_GZIP_MAGIC = b"\x1f\x8b"
_HIPAALOG_MARKERS = ("appId", "microservice")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Paths, policy and output options."""
    parser.add_argument(
        "paths", nargs="+", metavar="PATH", help="log files or directories (searched recursively); - for stdin"
    )
    parser.add_argument("--json", action="store_true", help="print the report as one JSON object")
    parser.add_argument("--quiet", action="store_true", help="print only the summary, not each place")
    parser.add_argument(
        "--max-findings", type=int, default=1000, metavar="N", help="list at most N places (default 1000)"
    )
    parser.add_argument("--policy", metavar="FILE", help="a JSON file of redaction options (as for hipaalog.Redactor)")
    parser.add_argument(
        "--allow", action="append", default=[], metavar="FIELD", help="a field name never reported (repeatable)"
    )


def open_log(path: str) -> IO[bytes]:
    """``path`` opened for reading bytes, gunzipped when it is gzip (by content, not name); ``-`` is stdin."""
    if path == "-":
        return sys.stdin.buffer
    with open(path, "rb") as probe:
        magic = probe.read(2)
    if magic == _GZIP_MAGIC:
        return gzip.open(path, "rb")  # type: ignore[return-value]
    return open(path, "rb")


def read_lines(handle: IO[bytes]) -> Iterator[str]:
    """The lines of ``handle`` as text (UTF-8, undecodable bytes replaced); closes it unless it is stdin."""
    text = io.TextIOWrapper(handle, encoding="utf-8", errors="replace", newline="")
    try:
        yield from text
    finally:
        if handle is sys.stdin.buffer:
            text.detach()
        else:
            text.close()


def iter_files(paths: list[str]) -> Iterator[str]:
    """The files named by ``paths``, directories expanded recursively in sorted order."""
    for path in paths:
        if path != "-" and os.path.isdir(path):
            for root, dirs, files in os.walk(path):
                dirs.sort()
                for name in sorted(files):
                    yield os.path.join(root, name)
        else:
            yield path


def parse_line(line: str) -> tuple[Any, bool]:
    """``(value, is_json)``: the JSON object or array of a line (a prefix before ``{`` allowed), else the text."""
    start = line.find("{")
    if start < 0 and line.startswith("["):
        start = 0
    if start >= 0:
        try:
            return orjson.loads(line[start:]), True
        except orjson.JSONDecodeError:
            pass
    return line, False


def load_policy(path: str | None, allow: list[str]) -> dict[str, Any]:
    """The redaction options from ``--policy`` and ``--allow``."""
    policy: dict[str, Any] = {}
    if path:
        with open(path, "rb") as handle:
            loaded = orjson.loads(handle.read())
        if not isinstance(loaded, dict):
            raise ValueError(f"{path}: a policy file holds one JSON object of redaction options")
        policy.update(loaded)
    if allow:
        policy["allow_fields"] = [*policy.get("allow_fields", []), *allow]
    return policy


FILE_TRUSTED_FIELDS: Final[frozenset[str]] = frozenset()
"""Fields of a hipaalog line a file tool leaves alone: none. Those hipaalog fills itself when it writes a record
(``timestamp``, ``appId``, ``trace_id``...) are read like any field: a file may have been written by anything."""


def run(args: argparse.Namespace) -> int:
    """Scan; 0 when nothing is found, 1 when PHI is found, 2 when a path cannot be read."""
    from ..exceptions import ConfigError
    from ..redaction import Redactor, default_redactor, find_phi

    missing = [p for p in args.paths if p != "-" and not os.path.exists(p)]
    if missing:
        print(f"hipaalog scan: no such file or directory: {', '.join(missing)}", file=sys.stderr)
        return 2
    try:
        policy = load_policy(args.policy, args.allow)
        redactor = Redactor(policy) if policy else default_redactor()
    except (OSError, ValueError, ConfigError) as exc:
        print(f"hipaalog scan: {exc}", file=sys.stderr)
        return 2

    by_kind: Counter[str] = Counter()
    places: list[dict[str, Any]] = []
    stats = {"files": 0, "lines": 0, "lines_with_phi": 0, "unreadable": 0}
    shown = 0
    out = sys.stdout
    for path in iter_files(args.paths):
        try:
            handle = open_log(path)
        except OSError as exc:
            stats["unreadable"] += 1
            print(f"hipaalog scan: {path}: {exc.strerror or exc}", file=sys.stderr)
            continue
        stats["files"] += 1
        try:
            for number, raw in enumerate(read_lines(handle), 1):
                stats["lines"] += 1
                value, is_json = parse_line(raw.rstrip("\r\n"))
                record = is_json and isinstance(value, dict) and any(m in value for m in _HIPAALOG_MARKERS)
                findings = find_phi(value, redactor=redactor, skip=FILE_TRUSTED_FIELDS if record else frozenset())
                if not findings:
                    continue
                stats["lines_with_phi"] += 1
                for finding in findings:
                    by_kind[finding.kind] += 1
                    if shown < args.max_findings:
                        shown += 1
                        # A path names the keys on the way to the value: a key that is PHI is shown redacted.
                        field = redactor.redact_text(finding.path)
                        place = {"file": path, "line": number, "kind": finding.kind, "field": field}
                        if finding.span is not None:
                            place["span"] = list(finding.span)
                        places.append(place)
                        if not args.json and not args.quiet:
                            where = field if is_json else "text"
                            span = f" chars {finding.span[0]}-{finding.span[1]}" if finding.span else ""
                            out.write(f"{path}:{number}: {finding.kind} in {where}{span}\n")
        except (OSError, EOFError, gzip.BadGzipFile) as exc:
            stats["unreadable"] += 1
            print(f"hipaalog scan: {path}: cannot read: {exc}", file=sys.stderr)

    total = sum(by_kind.values())
    if args.json:
        report = {
            **stats,
            "findings": total,
            "by_kind": dict(by_kind.most_common()),
            "places": places,
            "places_omitted": max(0, total - len(places)),
        }
        out.write(orjson.dumps(report, option=orjson.OPT_INDENT_2).decode() + "\n")
    else:
        if total and shown < total and not args.quiet:
            out.write(f"... and {total - shown} more places\n")
        kinds = ", ".join(f"{kind} {count}" for kind, count in by_kind.most_common()) or "none"
        out.write(
            f"scanned {stats['files']} file(s), {stats['lines']} line(s): {total} PHI finding(s) on "
            f"{stats['lines_with_phi']} line(s) ({kinds})\n"
        )
    if total:
        return 1
    return 2 if stats["unreadable"] else 0
