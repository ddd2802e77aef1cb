"""The rest of a name beside a part already found, or beside the mask of a ``%s`` argument."""

from __future__ import annotations

import logging

import pytest

from hipaalog.redaction import Redactor
from hipaalog.redaction._name_neighbours import with_name_neighbours
from hipaalog.testing import capture

REDACTOR = Redactor()


@pytest.mark.parametrize(
    ("text", "left"),
    [
        ("eligibility check for [REDACTED:NAME] Quadflieg returned 0 plans", "Quadflieg"),
        ("statement for Vukovic, [REDACTED:NAME] reissued", "Vukovic"),
        ("statement for [REDACTED:NAME], Zdenka reissued", "Zdenka"),
        ("letter to Ottavio [REDACTED:NAME] queued", "Ottavio"),
        ("called [REDACTED:NAME] villalobos at home", "villalobos"),
        ("caregiver [REDACTED:NAME] da anunciação added", "anunciação"),
        ("fax cover for [REDACTED:NAME] R. dos Anjos failed", "Anjos"),
    ],
)
def test_a_name_part_beside_a_mask_is_masked(text: str, left: str) -> None:
    out = REDACTOR.redact_text(text)
    assert left not in out and out.count("[REDACTED:NAME]") == 2


def test_a_name_argument_masked_before_formatting_takes_its_neighbour() -> None:
    with capture() as logs:
        logging.getLogger("t.beside").warning("portal invite for %s Przybylska bounced", "Gwendolyn Achterberg")
    assert "Przybylska" not in logs.messages[-1] and "bounced" in logs.messages[-1]


def test_a_given_name_before_an_initial_and_surname_found_joins_them() -> None:
    text = "portal account linked to Tao U. Xia yesterday"
    assert REDACTOR.redact_text(text) == "portal account linked to [REDACTED:NAME] yesterday"
    assert REDACTOR.redact_text("Contact K. Lemaitre today").startswith("Contact [REDACTED:NAME]")


@pytest.mark.parametrize(
    "text",
    [
        "Patient [REDACTED:NAME] reachable at home",
        "[REDACTED:NAME], Portal user since 2019",
        "Mark [REDACTED:NAME] as reviewed",
        "[REDACTED:NAME] ambulated 20ft with walker",
        "[REDACTED:NAME] tolerated PO intake",
        "[REDACTED:NAME] via Kubernetes job",
        "sent to [REDACTED:NAME] and Medicare",
        "Pacjent [REDACTED:NAME] zadzwonił",  # lower case after a mask: a surname of the tables only
    ],
)
def test_log_words_beside_a_mask_are_kept(text: str) -> None:
    assert with_name_neighbours([], text) == []


def test_only_name_spans_have_neighbours() -> None:
    text = "call 4155550143 Ottavio"
    assert with_name_neighbours([(5, 15, "PHONE")], text) == [(5, 15, "PHONE")]
