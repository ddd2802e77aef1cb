"""``hipaalog report FILE...``: review audit streams; HTML for people, ``--json`` for machines.

Exit status: 0 when no finding reached ``--fail-on`` (default ``high``), 1 when one did, 2 when
the report could not be made (missing input, no audit keys, bad settings).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import Any

STDOUT_IS_DATA = True
"""``--json`` prints the report itself (its subjects are its content, as in the HTML file); messages go to stderr."""
HELP = "review audit streams: password guessing, unusual log-ins and access; HTML or JSON"

_SEVERITIES = ("info", "low", "medium", "high", "critical", "never")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Inputs, outputs, the exit threshold, the calendar and the rule settings."""
    parser.add_argument(
        "inputs", nargs="+", metavar="FILE", help="audit segments (plain or .gz), directories, or s3://bucket/prefix"
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="PATH",
        help="where to write the report (default: audit-report.html; with --json: stdout)",
    )
    parser.add_argument("--json", action="store_true", help="write the report as JSON (for machines) instead of HTML")
    parser.add_argument("--html", metavar="PATH", help="with --json: also write the HTML page here")
    parser.add_argument(
        "--fail-on",
        default="high",
        choices=_SEVERITIES,
        help="exit 1 when a finding reaches this severity (default: high; 'never' always exits 0)",
    )
    parser.add_argument("--timezone", help="IANA time zone of working hours (default UTC), e.g. America/Chicago")
    parser.add_argument("--work-hours", help="local working hours, e.g. 07:00-19:00 (the default)")
    parser.add_argument("--work-days", help="working days, e.g. mon-fri (the default) or mon-sat")
    parser.add_argument("--config", metavar="FILE", help="JSON file of report settings (see docs/reports.md)")
    parser.add_argument("--peer-groups", metavar="FILE", help="JSON file mapping user id -> peer group name")
    parser.add_argument(
        "--units", metavar="FILE", help="JSON file mapping user id -> unit (their workstations are known)"
    )
    parser.add_argument(
        "--key",
        action="append",
        default=[],
        metavar="ID=KEY",
        help="audit key to verify the chain (repeatable; default: HIPAALOG_AUDIT_KEYS / HIPAALOG_AUDIT_KEY)",
    )
    parser.add_argument("--public-key", action="append", default=[], metavar="PEM", help="Ed25519 checkpoint key")
    parser.add_argument(
        "--anchor",
        action="append",
        default=[],
        metavar="FILE",
        help="checkpoints anchored off the host; a rolled-back or missing local checkpoints file then breaks the chain",
    )
    parser.add_argument(
        "--no-verify", action="store_true", help="do not verify the integrity chain (says so on the report)"
    )
    parser.add_argument(
        "--partial",
        action="store_true",
        help="the files are a contiguous part of a stream (e.g. last month's segments)",
    )
    parser.add_argument("--s3-endpoint", metavar="URL", help="endpoint of S3-compatible storage for s3:// inputs")
    parser.add_argument(
        "--engine",
        choices=("auto", "duckdb", "python"),
        default="auto",
        help="auto (default): duckdb when installed, else python; duckdb: columnar, every core "
        "(pip install 'hipaalog[report]'); python: streaming, one core",
    )
    parser.add_argument(
        "--memory-limit", default="1GB", metavar="SIZE", help="duckdb engine: memory it may use, e.g. 2GB (default 1GB)"
    )
    parser.add_argument("--threads", type=int, metavar="N", help="duckdb engine: worker threads (default: every core)")
    parser.add_argument(
        "--temp-dir", metavar="DIR", help="duckdb engine: where it spills beyond --memory-limit (default: its own)"
    )
    parser.add_argument(
        "--reverify",
        action="store_true",
        help="verify every record even when the segments carry the verification recorded when they were sealed",
    )


def _load_json(path: str, what: str) -> Any:
    from ..exceptions import ConfigError

    try:
        with open(path, encoding="utf-8") as fh:
            return json.load(fh)
    except OSError as exc:
        raise ConfigError(f"{what} {path}: {exc.strerror or exc}") from None
    except ValueError as exc:
        raise ConfigError(f"{what} {path} is not valid JSON: {exc}") from None


def _keys(items: list[str]) -> dict[str, str] | None:
    from ..exceptions import ConfigError

    if not items:
        return None
    keys: dict[str, str] = {}
    for item in items:
        for part in item.split(","):
            kid, sep, value = part.strip().partition("=")
            if not sep or not kid:
                raise ConfigError(
                    f"--key {part[:12]!r}...: use the form ID=KEY, for example k1=hex:... or k1=env:AUDIT_KEY"
                )
            keys[kid.strip()] = value.strip()
    return keys


def _config(args: argparse.Namespace) -> Any:
    from ..exceptions import ConfigError
    from ..report import ReportConfig

    settings: dict[str, Any] = {}
    if args.config:
        loaded = _load_json(args.config, "--config")
        if not isinstance(loaded, dict):
            raise ConfigError(f"--config {args.config}: expected a JSON object of settings")
        settings.update(loaded)
    for option, name, what in (("--peer-groups", "peer_groups", "group name"), ("--units", "units", "unit")):
        path = getattr(args, name)
        if not path:
            continue
        mapping = _load_json(path, option)
        if not isinstance(mapping, dict) or not all(isinstance(v, str) for v in mapping.values()):
            raise ConfigError(f"{option} {path}: expected a JSON object of user id -> {what}")
        settings[name] = mapping
    for name in ("timezone", "work_hours", "work_days"):
        value = getattr(args, name)
        if value:
            settings[name] = value
    try:
        return ReportConfig.from_mapping(settings)
    except TypeError as exc:
        raise ConfigError(f"report settings: {exc}") from None


def run(args: argparse.Namespace) -> int:
    """Build the report, write it, and return the exit status."""
    from ..exceptions import ConfigError
    from ..report import Severity, build_report, render_html
    from ..report._duck import EngineSettings

    try:
        config = _config(args)
        _check_outputs(args)
        settings = EngineSettings(memory_limit=args.memory_limit, threads=args.threads, temp_directory=args.temp_dir)
        report = build_report(
            args.inputs,
            config=config,
            keys=_keys(args.key),
            public_keys=args.public_key,
            anchors=args.anchor,
            verify=not args.no_verify,
            partial=args.partial,
            s3_endpoint=args.s3_endpoint,
            engine=args.engine,
            engine_settings=settings,
            trust_recorded=not args.reverify,
        )
    except ConfigError as exc:
        print(f"hipaalog report: error: {exc}", file=sys.stderr)
        return 2
    written: list[str] = []
    if args.json:
        text = json.dumps(report.to_json(), indent=2, ensure_ascii=False) + "\n"
        if args.output in (None, "-"):
            sys.stdout.write(text)
        else:
            _write(args.output, text)
            written.append(args.output)
        if args.html:
            _write(args.html, render_html(report))
            written.append(args.html)
    else:
        html_path = args.output or "audit-report.html"
        _write(html_path, render_html(report))
        written.append(html_path)
    counts = ", ".join(f"{n} {label}" for label, n in report.counts().items() if n) or "none"
    print(
        f"hipaalog report: {report.records} records ({report.engine} engine); integrity {report.integrity.status}; "
        f"findings: {counts}" + (f"; wrote {', '.join(written)}" if written else ""),
        file=sys.stderr,
    )
    if args.fail_on == "never":
        return 0
    return 1 if report.reaches(Severity.parse(args.fail_on)) else 0


def _check_outputs(args: argparse.Namespace) -> None:
    """Refuse to write a report over one of the files being reviewed."""
    from ..exceptions import ConfigError
    from ..report._reader import expand_inputs

    outputs = [p for p in (args.output, args.html) if p and p != "-"]
    if not outputs:
        return
    local = [i for i in args.inputs if not i.startswith("s3://")]
    inputs = {os.path.realpath(p) for p in expand_inputs(local)}
    for path in outputs:
        if os.path.realpath(path) in inputs:
            raise ConfigError(f"{path} is one of the audit files being reviewed; write the report elsewhere")


def _write(path: str, text: str) -> None:
    directory = os.path.dirname(path)
    if directory:
        os.makedirs(directory, exist_ok=True)
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(text)
