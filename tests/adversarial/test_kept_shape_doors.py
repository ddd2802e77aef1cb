"""A patient's value dressed as a shape a rule keeps: a birth date after a host's ``last seen``, a person's mailbox
or telephone where a message id goes, a birth date under a key that says how the moment is written (``birthTs``,
``dob_epoch``), a name joined by a dash, a dot or an underscore after a person's cue, and a name column compared
in SQL by an operator or a function the literal reader does not list. Each rule's benign shape stays."""

from __future__ import annotations

import logging

import pytest

from .harness import Harness

LEAKING = [
    ("host wokafor-01 last seen 1961-04-03", "1961-04-03"),
    ("node mq-07.example.net last seen on 04/03/1958", "04/03/1958"),
    ("Message-ID: <w.okafor.1961@okafor-family.example>", "w.okafor.1961@okafor-family.example"),
    ("Message-ID: <wendell.okafor.born.1961.04.03.oakland@gmail.com>", "wendell.okafor.born"),
    ("In-Reply-To: <4155550193@vtext.example>", "4155550193"),
    ("pt roe-jane in ED", "roe-jane"),
    ("patient wendell-okafor admitted", "wendell-okafor"),
    ("member okafor_wendell lookup failed", "okafor"),
    ("user=wendell.okafor login failed", "okafor"),
    ("pt okafor.w.1961 seen", "okafor"),
    ("set dob_epoch to -275097600", "275097600"),
    ("birthTs is -275097600000", "275097600000"),
    ("SELECT * FROM p WHERE last_name <> 'Okafor'", "Okafor"),
    ("SELECT * FROM p WHERE last_name NOT IN ('Okafor', 'Baptiste')", "Baptiste"),
    ("SELECT * FROM p WHERE last_name SOUNDS LIKE 'Okafor'", "Okafor"),
    ("SELECT * FROM p WHERE last_name LIKE CONCAT('%', 'Okafor', '%')", "Okafor"),
    ("SELECT * FROM p WHERE last_name = ANY(ARRAY['Okafor'])", "Okafor"),
    ("SELECT * FROM p WHERE last_name IS NOT DISTINCT FROM 'Okafor'", "Okafor"),
    ("SELECT * FROM p WHERE last_name = CAST('Okafor' AS text)", "Okafor"),
    ("SELECT * FROM p WHERE last_name = _utf8'Okafor'", "Okafor"),
    ("SELECT * FROM p WHERE position('Okafor' in last_name) > 0", "Okafor"),
    ("SELECT * FROM p WHERE strpos(last_name, 'Okafor') > 0", "Okafor"),
    ("SELECT * FROM p WHERE 'Okafor' = last_name", "Okafor"),
    ("SELECT * FROM p WHERE first_name <> 'Wendell' AND status = 'open'", "Wendell"),
    ("SELECT * FROM p WHERE member_id NOT IN ('XK4471920') AND status = 'open'", "XK4471920"),
]
KEYED = [
    ("birthTs", "1961-04-03T00:00:00+00:00", "1961-04-03"),
    ("dob_epoch", -275097600, "275097600"),
    ("bornAt", "1961-04-03T08:15:00Z", "1961-04-03"),
    ("birth_dttm", "1961-04-03 08:15:00", "1961-04-03"),
    ("dobUnixMs", -275097600000, "275097600000"),
]
KEPT = [
    "node db-01.example.com last seen 2025-03-18",
    "host build-runner-lee-2 last seen 2025-03-18",
    "Message-ID: <20250318123456.4821.ops@mx.example.com>",
    "References: <1710771234.5678.1234@mail.yahoo.com>",
    "Message-ID: <CAF=Xk9pQ2mZ1abc@mail.gmail.com>",
    "from jane-roe-laptop",
    "contact mark-smith",
    "message from build-runner-lee-2",
    "to api-gateway",
    "for rose-gold theme",
    "user=svc-deploy login",
    "SELECT * FROM services WHERE name NOT IN ('billing-api', 'auth') LIMIT 5",
    "DELETE FROM sessions WHERE user_agent LIKE CONCAT('%', 'Mozilla', '%')",
    "SELECT count(*) FROM jobs WHERE queue = 'default' AND state <> 'failed' GROUP BY worker",
    "SELECT id FROM hosts WHERE hostname NOT LIKE 'db-%' AND address <> '10.0.0.7'",
    "SELECT * FROM orders WHERE created_at BETWEEN '2024-01-01' AND '2024-02-01' AND status <> 'cancelled'",
]
KEPT_KEYS = [("created_ts", "2025-03-18T10:00:00Z"), ("updated_at", "2025-03-18T10:00:00Z"), ("ts", 1742292000)]


def _line(harness: Harness, text: str, **extra: object) -> str:
    logging.getLogger("attack.app").info(text, extra=extra)
    lines = [line for line in harness.written().splitlines() if '"attack.app"' in line]
    return lines[-1]


@pytest.mark.parametrize(("text", "secret"), LEAKING)
def test_a_patients_value_in_a_kept_shape_is_masked(harness: Harness, text: str, secret: str) -> None:
    line = _line(harness, text)
    assert "REDACTED" in line
    assert secret not in line


@pytest.mark.parametrize(("key", "value", "secret"), KEYED)
def test_a_birth_date_under_a_key_naming_its_form_is_masked(
    harness: Harness, key: str, value: object, secret: str
) -> None:
    line = _line(harness, "event", **{key: value})
    assert secret not in line
    assert f'"{key}":' in line


@pytest.mark.parametrize("text", KEPT)
def test_the_benign_shape_stays(harness: Harness, text: str) -> None:
    assert f'"message":"{text}"' in _line(harness, text)


@pytest.mark.parametrize(("key", "value"), KEPT_KEYS)
def test_a_records_own_moment_stays(harness: Harness, key: str, value: object) -> None:
    line = _line(harness, "event", **{key: value})
    assert "REDACTED" not in line


LABELLED = [
    ({"field": "dob", "value": "1961-04-03"}, "1961-04-03"),
    ({"name": "mrn", "value": "A8812345"}, "A8812345"),
    ({"attribute": "zip", "v": "94611"}, "94611"),
    ({"name": "birthdate", "valueDate": "1961-04-03"}, "1961-04-03"),
    ({"columns": ["dob", "zip"], "rows": [["1961-04-03", "94611"]]}, "1961-04-03"),
    ({"column": "dob", "data": "1961-04-03"}, "1961-04-03"),
]
PLAIN_LABELLED = [{"field": "status", "value": "open"}, {"name": "retries", "value": "3"}]


@pytest.mark.parametrize(("value", "secret"), LABELLED)
@pytest.mark.parametrize("wrap", ["field", "nested"])
def test_a_labelled_value_inside_an_extra_dict_is_masked(
    harness: Harness, value: dict[str, object], secret: str, wrap: str
) -> None:
    """The quick path for clean dicts must not skip what a label says of its sibling."""
    extra = {"ctx": value} if wrap == "field" else {"ctx": {"inner": value}}
    line = _line(harness, "event", **extra)
    assert secret not in line
    assert "REDACTED" in line


@pytest.mark.parametrize("value", PLAIN_LABELLED)
def test_a_labelled_value_of_no_kind_stays(harness: Harness, value: dict[str, object]) -> None:
    line = _line(harness, "event", ctx=value)
    assert "REDACTED" not in line
