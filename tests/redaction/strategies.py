"""Hypothesis strategies for redaction: canary identifiers, benign text around them, JSON-like values."""

from __future__ import annotations

import string
from typing import Any

from hypothesis import assume
from hypothesis import strategies as st

from hipaalog.redaction._role_mail import role_mailbox

# -- canaries: identifiers every policy must catch without any cue -----------------------------------
_DIGITS = st.sampled_from(string.digits)


@st.composite
def ssns(draw: st.DrawFn) -> str:
    """A valid SSN written with dashes."""
    area = draw(st.integers(1, 899).filter(lambda n: n != 666))
    return f"{area:03d}-{draw(st.integers(1, 99)):02d}-{draw(st.integers(1, 9999)):04d}"


@st.composite
def phones(draw: st.DrawFn) -> str:
    """A dialable North American number, formatted."""
    area = draw(st.integers(2, 9)) * 100 + draw(st.integers(0, 8)) * 10 + draw(st.integers(0, 9))
    exchange = draw(st.integers(200, 999).filter(lambda n: n % 100 != 11))
    if area % 100 == 11:
        area += 1
    line = draw(st.integers(0, 9999))
    shape = draw(st.sampled_from(["({a}) {e}-{n}", "{a}-{e}-{n}", "{a}.{e}.{n}", "+1 {a} {e} {n}"]))
    return shape.format(a=area, e=exchange, n=f"{line:04d}")


@st.composite
def emails(draw: st.DrawFn) -> str:
    """An e-mail address."""
    local = draw(st.text(string.ascii_lowercase + string.digits, min_size=1, max_size=12))
    domain = draw(st.text(string.ascii_lowercase, min_size=2, max_size=10))
    assume(not role_mailbox(local, domain + ".com"))  # an organisation's role mailbox (hl7@, it@) is no one's
    return f"{local}@{domain}.{draw(st.sampled_from(['com', 'org', 'net', 'io']))}"


def _luhn_complete(body: str) -> str:
    total = 0
    for index, ch in enumerate(reversed(body)):
        value = int(ch)
        if index % 2 == 0:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return body + str((10 - total % 10) % 10)


@st.composite
def cards(draw: st.DrawFn) -> str:
    """A Visa-like 16-digit card number passing Luhn."""
    body = "4" + "".join(draw(st.lists(_DIGITS, min_size=14, max_size=14)))
    number = _luhn_complete(body)
    if number.count(number[0]) == len(number):
        number = _luhn_complete("41" + body[2:])
    return number


_MBI_LETTERS = "ACDEFGHJKMNPQRTUVWXY"


@st.composite
def mbis(draw: st.DrawFn) -> str:
    """A Medicare Beneficiary Identifier."""
    letter = st.sampled_from(_MBI_LETTERS)
    alnum = st.sampled_from(_MBI_LETTERS + string.digits)
    digit = st.sampled_from(string.digits)
    parts = [
        draw(st.sampled_from("123456789")),
        draw(letter),
        draw(alnum),
        draw(digit),
        draw(letter),
        draw(alnum),
        draw(digit),
        draw(letter),
        draw(letter),
        draw(digit),
        draw(digit),
    ]
    return "".join(parts)


CANARIES = st.one_of(ssns(), phones(), emails(), cards(), mbis())
"""Identifiers found anywhere, without a cue word."""

# -- digit shapes in every spelling, for the gate's screen ----------------------------------------------
_VIN_CHARS = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"
_VIN_VALUE = dict(
    zip("ABCDEFGHJKLMNPRSTUVWXYZ", [1, 2, 3, 4, 5, 6, 7, 8, 1, 2, 3, 4, 5, 7, 9, 2, 3, 4, 5, 6, 7, 8, 9], strict=True)
)
_VIN_WEIGHT = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2]


def _vin_complete(body: str) -> str:
    """``body`` (17 characters) with its check digit (position 9) set."""
    total = sum((int(c) if c.isdigit() else _VIN_VALUE[c]) * w for c, w in zip(body, _VIN_WEIGHT, strict=True))
    check = total % 11
    return body[:8] + ("X" if check == 10 else str(check)) + body[9:]


def _digits(draw: st.DrawFn, count: int) -> str:
    return "".join(draw(st.lists(_DIGITS, min_size=count, max_size=count)))


@st.composite
def digit_shapes(draw: st.DrawFn) -> str:
    """An identifier made of digits in one of its spellings, glued to or apart from what surrounds it."""
    sep = st.sampled_from(["", " ", "-", ".", "  ", " -", ". ", ".."])
    kind = draw(st.sampled_from(["ssn", "phone", "card", "ipv4", "dea", "vin", "mbi", "age", "groups"]))
    if kind == "ssn":
        core = f"{draw(st.integers(1, 899)):03d}{draw(sep)}{_digits(draw, 2)}{draw(sep)}{_digits(draw, 4)}"
    elif kind == "phone":
        area = f"{draw(st.integers(2, 9))}{_digits(draw, 2)}"
        head = draw(st.sampled_from([f"({area})", f"({area}) ", f"1-{area}-", f"{area}"]))
        core = f"{head}{draw(sep)}{draw(st.integers(2, 9))}{_digits(draw, 2)}{draw(sep)}{_digits(draw, 4)}"
    elif kind == "card":
        number = _luhn_complete(draw(st.sampled_from("3456")) + _digits(draw, draw(st.integers(11, 17))))
        cuts = sorted(draw(st.sets(st.integers(1, len(number) - 1), max_size=len(number) - 1)))
        pieces = [number[a:b] for a, b in zip([0, *cuts], [*cuts, len(number)], strict=True)]
        core = draw(st.sampled_from([" ", "-"])).join(pieces)
    elif kind == "ipv4":
        core = ".".join(str(draw(st.integers(0, 255))) for _ in range(4))
    elif kind == "dea":
        d = [int(c) for c in _digits(draw, 6)]
        check = (d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5])) % 10
        core = (
            draw(st.sampled_from("ABFMX"))
            + draw(st.sampled_from(string.ascii_uppercase + "9"))
            + "".join(map(str, [*d, check]))
        )
    elif kind == "vin":
        body = "".join(draw(st.lists(st.sampled_from(_VIN_CHARS), min_size=13, max_size=13))) + _digits(draw, 4)
        core = _vin_complete(body)
    elif kind == "mbi":
        core = draw(mbis())
        if draw(st.booleans()):
            core = f"{core[:4]}-{core[4:7]}-{core[7:]}"
    elif kind == "age":
        core = f"{draw(st.integers(90, 119))}{draw(st.sampled_from(['yo', ' y/o', '-year-old', ' yrs', 'y', ' Y/O']))}"
    else:
        core = " ".join(_digits(draw, draw(st.integers(1, 4))) for _ in range(draw(st.integers(2, 6))))
    glue = st.sampled_from(["", " ", "x", "X", "-", "_", "(", ":", "=", ".", "/", "#", "é", "ab12", "\n"])
    return f"{draw(glue)}{core}{draw(glue)}"


# -- benign text -------------------------------------------------------------------------------------
BENIGN_WORDS = st.sampled_from(
    [
        "claim",
        "submitted",
        "ok",
        "retry",
        "status",
        "200",
        "404",
        "took",
        "35",
        "ms",
        "queue",
        "depth",
        "worker",
        "v2.14.1",
        "E11.9",
        "cache",
        "hit",
        "eligibility",
        "payer",
        "plan",
        "PPO",
        "batch",
        "total",
        "the",
        "and",
        "2024-06-11T10:15:30Z",
        "3f2a9c1e-8b7d-4c2a-9e1f-0a1b2c3d4e5f",
        "deployed",
        "Service",
        "Claims",
        "for",
    ]
)


@st.composite
def text_around(draw: st.DrawFn, canary: str) -> str:
    """``canary`` with benign words before and after it (spaces between)."""
    before = draw(st.lists(BENIGN_WORDS, max_size=6))
    after = draw(st.lists(BENIGN_WORDS, max_size=6))
    return " ".join([*before, canary, *after])


ARBITRARY_TEXT = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=120) | st.lists(
    BENIGN_WORDS
    | st.sampled_from(["SSN", "DOB", "patient", "Dr.", "age", "zip", "MRN", ":", "=", ",", "^"])
    | st.text(string.ascii_letters + string.digits + "-./:@()+ ", max_size=14),
    max_size=16,
).map(" ".join)
"""Text of every shape, including words that are cues and fragments of identifiers."""

KEYS = st.sampled_from(
    [
        "note",
        "detail",
        "claim_id",
        "status",
        "items",
        "payload",
        "ssn",
        "patientSsn",
        "dob",
        "email",
        "name",
        "patient",
        "address",
        "data",
        "x",
    ]
) | st.text(string.ascii_letters + "_", min_size=1, max_size=10)

LEAVES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(2**63), 2**63 - 1),
    st.floats(allow_nan=False, allow_infinity=False),
    ARBITRARY_TEXT,
)


def json_values(leaves: st.SearchStrategy[Any] = LEAVES) -> st.SearchStrategy[Any]:
    """Nested dicts and lists of ``leaves`` (JSON-like)."""
    return st.recursive(
        leaves,
        lambda children: st.lists(children, max_size=4) | st.dictionaries(KEYS, children, max_size=4),
        max_leaves=20,
    )


@st.composite
def values_with_canary(draw: st.DrawFn) -> tuple[Any, str]:
    """A JSON-like value with one canary somewhere inside (as a value, or inside a text value)."""
    canary = draw(CANARIES)
    leaf = draw(st.sampled_from(["bare", "text"]))
    planted = canary if leaf == "bare" else draw(text_around(canary))
    path = draw(st.lists(st.tuples(st.sampled_from(["dict", "list"]), KEYS), max_size=4))
    value: Any = planted
    for container, key in reversed(path):
        siblings = draw(st.dictionaries(KEYS, LEAVES, max_size=2))
        if container == "dict":
            siblings[key] = value
            value = siblings
        else:
            value = [*siblings.values(), value]
    return value, canary
