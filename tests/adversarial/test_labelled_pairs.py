"""A ``(field name, value)`` pair in any container (a set, a frozenset, a tuple, a list, a named tuple, a mapping's
items, a ``zip`` materialised, a pair alone) is one entry of a mapping: its name gives its value a kind, under a
generic name key (``name``) when the value reads as a person's name. Configuration pairs (``("timeout", 30)``,
``("name", "billing-api")``) and lists of field names (``["ssn", "dob"]``) stay as they are."""

from __future__ import annotations

import collections
from collections.abc import Callable
from typing import Any

import pytest

from hipaalog.redaction import Redactor

from .canaries import DEFAULT, Canary
from .harness import Harness

NAME = Canary("NAME", "Said Collin", "name", "patient")
REDACTOR = Redactor()
Entry = collections.namedtuple("Entry", "key value")

WRAPS: dict[str, Callable[[tuple[str, Any]], object]] = {
    "frozenset": lambda pair: [({"k": frozenset([pair])},)],
    "set": lambda pair: [({"k": {pair}},)],
    "tuple": lambda pair: ({"k": (pair,)},),
    "list": lambda pair: [{"k": [list(pair)]}],
    "alone": lambda pair: {"k": pair},
    "named-tuple": lambda pair: [Entry(*pair), Entry("page", 2)],
    "items": lambda pair: dict([pair, ("n", 1)]).items(),
    "zip": lambda pair: list(zip([pair[0], "page"], [pair[1], 2], strict=True)),
    "multidict": lambda pair: [pair, (pair[0], "other"), ("page", "1")],
}


@pytest.mark.parametrize("wrap", list(WRAPS), ids=list(WRAPS))
@pytest.mark.parametrize(
    ("pair", "canary"),
    [
        (("name", NAME.value), NAME),
        (("dob", DEFAULT.dob.value), DEFAULT.dob),
        (("mrn", DEFAULT.mrn.value), DEFAULT.mrn),
    ],
    ids=["name", "dob", "mrn"],
)
def test_pairs_in_containers_are_masked(harness: Harness, wrap: str, pair: tuple[str, str], canary: Canary) -> None:
    value = WRAPS[wrap](pair)
    harness.logger.warning("pairs %s", value, extra={"blob": value})
    harness.logger.warning("pairs %s", harness.tag)
    assert harness.leaks([canary]) == []
    assert harness.delivered()


@pytest.mark.parametrize(
    "value",
    [
        [("timeout", 30), ("name", "billing-api")],
        ("name", "billing-api"),
        frozenset([("name", "Order Service"), ("region", "us-east-1")]),
        [Entry("name", "payments-worker"), Entry("version", "2.4.1")],
        ["ssn", "dob"],
        ("mrn", "page"),
        [("created_at", "2024-01-02"), ("name", "nightly-export")],
    ],
)
def test_config_pairs_stay(harness: Harness, value: object) -> None:
    assert "REDACTED" not in repr(REDACTOR.redact(value))
    harness.logger.warning("config %s", value, extra={"config": value})
    written = harness.written()
    assert "REDACTED" not in written
    for word in ("billing-api", "Order Service", "payments-worker", "dob", "page", "nightly-export"):
        if word in repr(value):
            assert word in written
