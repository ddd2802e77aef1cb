"""``hipaalog verify``: check audit streams' integrity chain and checkpoints; exit 1 on any problem."""

from __future__ import annotations

import argparse
import os
import sys

import orjson

HELP = "check audit streams' integrity chain: modified, deleted, inserted, reordered, truncated records"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Files, keys, public keys and output format."""
    parser.add_argument(
        "files",
        nargs="+",
        metavar="FILE",
        help="segments (plain or .gz, in any order), checkpoints files, or directories holding them",
    )
    parser.add_argument(
        "--key",
        action="append",
        default=[],
        metavar="ID=KEY",
        help="an audit key (repeat for rotated keys): k1=hex:..., k1=env:VAR; default: $HIPAALOG_AUDIT_KEYS "
        "or $HIPAALOG_AUDIT_KEY",
    )
    parser.add_argument(
        "--public-key",
        action="append",
        default=[],
        metavar="PEM",
        help="Ed25519 public key (PEM file); every checkpoint must then be signed by one of these",
    )
    parser.add_argument(
        "--checkpoints", action="append", default=[], metavar="FILE", help="a checkpoints file kept elsewhere"
    )
    parser.add_argument(
        "--anchor",
        action="append",
        default=[],
        metavar="FILE",
        help="checkpoints anchored off the host (a second sink's copy, or S3Archive.download_checkpoints); "
        "the local checkpoints file must then hold them all",
    )
    parser.add_argument(
        "--partial",
        action="store_true",
        help="the files are a contiguous part of the stream (no records expected before or after them)",
    )
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    parser.add_argument("--max-problems", type=int, default=1000, metavar="N", help="list at most N problems")


def run(args: argparse.Namespace) -> int:
    """Verify; 0 when every stream holds, 1 on any problem, 2 on a usage error."""
    from ..exceptions import ConfigError
    from ..integrity import verify_files
    from ..integrity._keys import parse_key_list

    missing = [path for path in [*args.files, *args.checkpoints, *args.anchor] if not os.path.exists(path)]
    if missing:
        print(f"hipaalog verify: no such file or directory: {', '.join(missing)}", file=sys.stderr)
        return 2
    try:
        keys = parse_key_list(",".join(args.key)) if args.key else None
        result = verify_files(
            args.files,
            keys,
            public_keys=args.public_key,
            checkpoints=args.checkpoints,
            anchors=args.anchor,
            partial=args.partial,
            max_problems=max(1, args.max_problems),
        )
    except ConfigError as exc:
        print(f"hipaalog verify: {exc}", file=sys.stderr)
        return 2
    if args.json:
        sys.stdout.write(orjson.dumps(result.to_json(), option=orjson.OPT_INDENT_2).decode() + "\n")
        return 0 if result.ok else 1
    for stream in result.streams:
        span = f" (seq {stream.first_seq}-{stream.last_seq})" if stream.first_seq is not None else ""
        print(
            f"{stream.stream}: {stream.records} record(s){span} in {len(stream.files)} segment(s), "
            f"{stream.checkpoints} checkpoint(s)"
        )
    for problem in result.problems:
        print(f"  {problem}")
    if result.problems_omitted:
        print(f"  ... and {result.problems_omitted} more problem(s)")
    for warning in result.warnings:
        print(f"warning: {warning}")
    if result.ok:
        print(f"OK: {result.records} record(s) verified")
        return 0
    total = len(result.problems) + result.problems_omitted
    kinds = sorted({p.kind for p in result.problems})
    print(f"FAILED: {total} problem(s) ({', '.join(kinds)})")
    return 1
