"""The ``hipaalog`` command: one module per subcommand, imported only when it runs.

Each ``hipaalog.cli._<name>`` module defines ``HELP`` (one line), ``add_arguments(parser)`` and
``run(args) -> int`` (the exit code).
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from ._printout import redacted_printout

__all__ = ["main"]

COMMANDS: tuple[tuple[str, str], ...] = (
    ("demo", "log a few records from a made-up claims service to stdout"),
    ("schema", "print the record schema as JSON Schema or an OpenSearch index template"),
    ("report", "review audit streams: password guessing, unusual log-ins and access; HTML or JSON"),
    ("verify", "check audit streams' integrity chain: modified, deleted, inserted, reordered, truncated records"),
    ("scan", "find PHI in log files (JSON lines or text, gzip too): counts by kind and places, never values"),
    ("redact", "rewrite a log file (JSON lines or text, gzip too) with its PHI redacted"),
)
"""(name, one-line help) of every subcommand; the module is ``hipaalog.cli._<name>``."""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="hipaalog", description="Structured, PHI-safe JSON logging: tools for its records."
    )
    from .. import __version__

    parser.add_argument("--version", action="version", version=f"hipaalog {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name, help_text in COMMANDS:
        sub.add_parser(name, help=help_text, description=help_text)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code. What it prints is redacted (see ``_printout``)."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    # Parse the command name first, then let its module add its own arguments.
    known = {name for name, _ in COMMANDS}
    command = next((a for a in args_list if not a.startswith("-")), None)
    module = importlib.import_module(f"hipaalog.cli._{command}") if command in known else None
    with redacted_printout(stdout=not getattr(module, "STDOUT_IS_DATA", False)):
        parser = _parser()
        if module is None:
            parser.parse_args(args_list)  # prints usage or version and exits
            return 2
        sub_parser = next(
            action
            for action in parser._subparsers._group_actions  # type: ignore[union-attr]
            if isinstance(action, argparse._SubParsersAction)
        ).choices[str(command)]
        module.add_arguments(sub_parser)
        args = parser.parse_args(args_list)
        try:
            return int(module.run(args))
        except KeyboardInterrupt:
            return 130
        except BrokenPipeError:
            return 0
