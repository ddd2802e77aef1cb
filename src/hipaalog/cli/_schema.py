"""``hipaalog schema``: the record schema as JSON Schema or as an OpenSearch index template."""

from __future__ import annotations

import argparse
import sys

import orjson

STDOUT_IS_DATA = True
"""The schema document is printed as it is: the names it takes from the arguments are checked first."""
HELP = "print the record schema as JSON Schema or an OpenSearch index template"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """``--format`` and the declarations to include."""
    parser.add_argument(
        "--format",
        choices=("jsonschema", "opensearch"),
        default="jsonschema",
        help="jsonschema (draft 2020-12, default) or opensearch (composable index template)",
    )
    parser.add_argument(
        "--fields",
        metavar="FILE",
        help="a JSON Schema file declaring your own fields' types (as given to configure(fields=...))",
    )
    parser.add_argument("--field", action="append", default=[], metavar="NAME=TYPE", help="declare one field type")
    parser.add_argument(
        "--severity-style", choices=("rfc5424", "gcp", "otel"), default="rfc5424", help="as configured (opensearch)"
    )
    parser.add_argument("--index-pattern", action="append", metavar="PATTERN", help="index pattern (opensearch)")


def run(args: argparse.Namespace) -> int:
    """Print the schema for the declarations given."""
    from .._schema import JSON_TYPES, json_schema, load_declarations, opensearch_template
    from ..exceptions import ConfigError

    try:
        declared: dict[str, str | list[str]] = {}
        if args.fields:
            for name, types in load_declarations(args.fields).types.items():
                declared[name] = list(types) if len(types) > 1 else types[0]
        for item in args.field:
            name, sep, type_name = item.partition("=")
            if not sep or type_name not in JSON_TYPES:
                raise ConfigError(f"--field {item!r}: use NAME=TYPE with TYPE one of {', '.join(JSON_TYPES)}")
            declared[name] = type_name
        _check_names([*declared, *(args.index_pattern or ())])
        declarations = load_declarations(declared)
    except ConfigError as exc:
        print(f"hipaalog schema: {exc}", file=sys.stderr)
        return 2
    if args.format == "opensearch":
        document = opensearch_template(
            declarations, tuple(args.index_pattern or ("logs-*",)), severity_style=args.severity_style
        )
    else:
        document = json_schema(declarations)
    sys.stdout.write(orjson.dumps(document, option=orjson.OPT_INDENT_2).decode() + "\n")
    return 0


def _check_names(names: list[str]) -> None:
    """Refuse a field name or index pattern the default policy would redact: the document would print it."""
    from ..exceptions import ConfigError
    from ..redaction import default_redactor

    redact_text = default_redactor().redact_text
    for name in names:
        if redact_text(name) != name:
            raise ConfigError(f"{name!r} reads as PHI; a field name or index pattern must not hold any")
