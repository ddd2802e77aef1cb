"""Towns and postal codes found by their neighbours: codes, verbs of place, address blocks, the table of towns."""

from __future__ import annotations

import pytest

from hipaalog.redaction import redact_text


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("Member address changed: Quorvelby 48213", ["Quorvelby", "48213"]),
        ("recipient away (Tannenweg 9, 04109 Leipzig)", ["Tannenweg 9", "04109", "Leipzig"]),
        ("Member address changed: Brindlemouth K7L 3N6", ["Brindlemouth", "K7L 3N6"]),
        ("postcode=DK-8000 not served by courier partner", ["8000"]),
        ("zip code 602 00 outside service area", ["602 00"]),
    ],
)
def test_towns_and_codes_beside_each_other_are_masked(text: str, values: list[str]) -> None:
    out = redact_text(text)
    assert all(value not in out for value in values), out


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("patient relocated to Varnholt Bay last month", "Varnholt"),
        ("Pt was staying with her sister in Trondheim over the weekend.", "Trondheim"),
        ("mother says the family drove up from Częstochowa yesterday", "Częstochowa"),
        ("pt moved back to jyväskylä with spouse", "jyväskylä"),
        ("AMBULANCE DISPATCHED TO 4 ELM ROW IN KILMARNOCK", "KILMARNOCK"),
    ],
)
def test_towns_after_a_verb_of_where_a_person_is_are_masked(text: str, town: str) -> None:
    assert town not in redact_text(text)


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("Regards,\nTobiah Wren\n+44 7700 900461\nAshcombe Magna", ["Ashcombe Magna"]),
        ("Send to:\nIlse Vermeer\nGrachtpad 14\n3581 KT\nUtrecht", ["Grachtpad 14", "3581 KT", "Utrecht"]),
        ("Pickup: Rua do Sol 7\n        Covilhã, 6200-151\nDropoff: lobby", ["Rua do Sol 7", "Covilhã", "6200-151"]),
    ],
)
def test_the_last_lines_of_an_address_block_are_masked(text: str, values: list[str]) -> None:
    out = redact_text(text)
    assert all(value not in out for value in values), out


@pytest.mark.parametrize(
    "text",
    [
        "Dallas worker drained, handing off to Denver queue",
        "processed 48213 rows from staging",
        "Release Notes, 12, Team Alpha, 12345 Items",
        "deployed to Frankfurt today",
        "DOB 1985",
        "Jackson ObjectMapper failed in Phoenix LiveView",
        "Build summary\nmodule: scheduling\nstatus: passed\nduration: 42s",
        'Traceback (most recent call last):\n  File "<string>", line 2, in <module>\nKeyboardInterrupt',
        'Traceback (most recent call last):\n  File "<stdin>", line 1, in <module>\nZeroDivisionError',
        "worker 3 (pid 4412) stopped\nConnectionResetError",
        "Meeting notes\nAttendees: 9\nRoom 170\nCut",
        "the page moved from Glennmouth to Dianachester",
        "shard relocated to Quorvelby",
        "Watts-Haas, LLC\nSuite 254\nDecide",
        "Weekly report\nRegion: Ohio\nTotal: 24994\nSend although",
        "Chair continue.\n301 assume\nCenter",
        "Roy Ltd, Group",
        "Jenkins 89050",
        "retry 2 of 5 for Jenkins 89050",
        "Norway 41577",
        "Murray Inc 69730",
        "Williams Group 4397",
        "Wednesday 11718",
    ],
)
def test_towns_of_things_and_numbers_of_things_are_kept(text: str) -> None:
    assert redact_text(text) == text


@pytest.mark.parametrize(
    ("text", "town", "kept"),
    [
        ("patient moved to Saint-Gaudens in March", "Saint-Gaudens", "in March"),
        ("mother staying in Nowy Targ in August", "Nowy Targ", "in August"),
    ],
)
def test_a_month_after_a_town_stays_a_date(text: str, town: str, kept: str) -> None:
    out = redact_text(text)
    assert town not in out, out
    assert out.endswith(kept), out


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("Jane Roe\n12 Quill Street\nQuorvelby 48213", ["Quorvelby", "48213"]),
        ("12 Quill Street, Quorvelby 48213", ["Quorvelby", "48213"]),
        ("she lives in 04109 Leipzig", ["04109", "Leipzig"]),
    ],
)
def test_a_town_beside_its_code_on_an_address_line_or_about_a_person_is_masked(text: str, values: list[str]) -> None:
    out = redact_text(text)
    for value in values:
        assert value not in out, out
