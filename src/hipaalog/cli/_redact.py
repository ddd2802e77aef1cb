"""``hipaalog redact IN OUT``: rewrite a log file with its PHI redacted (JSON lines or text, gzip too).

JSON lines keep their structure; other lines are redacted as text. A hipaalog record's schema fields
are read like any other (a file may have been written by anything). The output is written next to its
destination and moved into place, so an
interrupted run leaves no half-written file. ``-`` reads stdin or writes stdout.
"""

from __future__ import annotations

import argparse
import gzip
import os
import sys
import tempfile
from typing import IO, Any

import orjson

from .._schema import TRUSTED_FIELDS

HELP = "rewrite a log file (JSON lines or text, gzip too) with its PHI redacted"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Input, output and policy options."""
    parser.add_argument("input", metavar="IN", help="log file to read (plain or gzip); - for stdin")
    parser.add_argument("output", metavar="OUT", help="file to write (gzip when it ends in .gz); - for stdout")
    parser.add_argument("--policy", metavar="FILE", help="a JSON file of redaction options (as for hipaalog.Redactor)")
    parser.add_argument(
        "--strategy",
        action="append",
        default=[],
        metavar="KIND=STRATEGY",
        help="strategy for one kind, e.g. SSN=partial, NAME=pseudonym (repeatable); KIND * sets the default",
    )
    parser.add_argument(
        "--pseudonym-key",
        metavar="KEY",
        help="key for pseudonyms: hex:..., base64:..., env:VAR (default $HIPAALOG_PSEUDONYM_KEY)",
    )
    parser.add_argument(
        "--allow", action="append", default=[], metavar="FIELD", help="a field name left as is (repeatable)"
    )
    parser.add_argument("--force", action="store_true", help="replace OUT if it exists")


def _policy(args: argparse.Namespace) -> dict[str, Any]:
    from ._scan import load_policy

    policy = load_policy(args.policy, args.allow)
    strategies = dict(policy.get("strategies", {}))
    for item in args.strategy:
        kind, sep, name = item.partition("=")
        if not sep or not kind or not name:
            raise ValueError(f"--strategy {item!r}: write KIND=STRATEGY, for example SSN=partial")
        if kind.strip() == "*":
            policy["strategy"] = name.strip()
        else:
            strategies[kind.strip().upper()] = name.strip()
    if strategies:
        policy["strategies"] = strategies
    if args.pseudonym_key:
        policy["pseudonym_key"] = args.pseudonym_key
    return policy


def _redact_line(redactor: Any, body: str, trusted: frozenset[str], parse: Any) -> str:
    """One line redacted: JSON keeps its structure (and a prefix before it), text is redacted as text."""
    value, is_json = parse(body)
    if not is_json:
        return str(redactor.redact_text(body))
    prefix = body[: body.find("{")] if isinstance(value, dict) else ""
    if isinstance(value, dict) and any(marker in value for marker in ("appId", "microservice")):
        cleaned = redactor.redact_event(value)
        for key in TRUSTED_FIELDS - trusted:  # a file may have been written by anything: only ``trusted`` is taken
            if isinstance(value.get(key), str):
                cleaned[key] = redactor.redact_text(value[key])
    else:
        cleaned = redactor.redact(value)
    if cleaned == value:
        return body
    return prefix + orjson.dumps(cleaned).decode()


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.abspath(a) == os.path.abspath(b)


def run(args: argparse.Namespace) -> int:
    """Redact IN into OUT; 0 on success, 2 on a usage or read/write error."""
    from ..exceptions import ConfigError
    from ..redaction import Redactor
    from ._scan import FILE_TRUSTED_FIELDS, open_log, parse_line, read_lines

    if args.input != "-" and not os.path.isfile(args.input):
        print(f"hipaalog redact: no such file: {args.input}", file=sys.stderr)
        return 2
    if args.output != "-":
        if args.input != "-" and _same_file(args.input, args.output):
            print("hipaalog redact: IN and OUT are the same file; write elsewhere, then move it", file=sys.stderr)
            return 2
        if os.path.exists(args.output) and not args.force:
            print(f"hipaalog redact: {args.output} exists; use --force to replace it", file=sys.stderr)
            return 2
    try:
        redactor = Redactor(_policy(args))
    except (OSError, ValueError, ConfigError) as exc:
        print(f"hipaalog redact: {exc}", file=sys.stderr)
        return 2

    temporary: str | None = None
    raw: IO[bytes] | None = None
    lines = changed = 0
    try:
        sink: IO[bytes]
        if args.output == "-":
            sink = sys.stdout.buffer
        else:
            directory = os.path.dirname(os.path.abspath(args.output))
            fd, temporary = tempfile.mkstemp(prefix=".hipaalog-redact-", dir=directory)
            raw = os.fdopen(fd, "wb")
            sink = gzip.GzipFile(fileobj=raw, mode="wb") if args.output.endswith(".gz") else raw  # type: ignore[assignment]
        for raw_line in read_lines(open_log(args.input)):
            lines += 1
            body = raw_line.rstrip("\r\n")
            ending = raw_line[len(body) :]
            out = _redact_line(redactor, body, FILE_TRUSTED_FIELDS, parse_line)
            if out != body:
                changed += 1
            sink.write((out + ending).encode("utf-8"))
        if raw is None:
            sink.flush()
        else:
            sink.close()
            raw.close()
        if temporary is not None:
            os.replace(temporary, args.output)
            temporary = None
    except (OSError, EOFError, gzip.BadGzipFile) as exc:
        print(f"hipaalog redact: {exc}", file=sys.stderr)
        return 2
    finally:
        if raw is not None and not raw.closed:
            raw.close()
        if temporary is not None:
            try:
                os.unlink(temporary)
            except OSError:
                pass
    print(f"hipaalog redact: {lines} line(s), {changed} changed", file=sys.stderr)
    return 0
