"""Names scored on evidence: table frequency, the line's case, initials, titles and person words beside them."""

from __future__ import annotations

import pytest

from hipaalog.redaction import Redactor
from hipaalog.redaction._name_evidence import cell_prior, name_runs, no_name, word_prior

REDACTOR = Redactor()


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("orderly Thaddeus K. brought the chart", "Thaddeus"),  # an initial after a given name
        ("Phoned Okonkwo family about the visit", "Okonkwo"),  # a person word after a word no table lists
        ("Called Baker family re: copay", "Baker"),  # a frequent surname that is also a word, between cues
        ("GIOVANNA ESPOSITO REQUESTED RECORDS", "GIOVANNA ESPOSITO"),  # capitals: no case to go on
        ("angelica moreno asked for a callback", "angelica moreno"),  # lower case: listed parts
        ("Dorothea M. Fisher signed the consent", "Dorothea M. Fisher"),  # a word after a middle initial
        ("Imogen's discharge summary is ready", "Imogen"),  # a possessive given name
        ("Referred by Quentrell Abiodun-Fasi MD", "Quentrell Abiodun-Fasi"),  # a title of a clinician after
        ("note for R. Oyelaran-Bakare", "Oyelaran-Bakare"),  # an initial before a name no table lists
        ("notified Gun Olofsson MD of the result", "Gun Olofsson"),  # a word joined to the name beside it
        ("Sven de Korte requested a refill", "Sven de Korte"),  # a particle between capitalised words
    ],
)
def test_names_with_evidence_around_them_are_masked(text: str, name: str) -> None:
    out = REDACTOR.redact_text(text)
    for part in name.replace(".", " ").split():
        if len(part) > 1:
            assert part not in out, out


@pytest.mark.parametrize(
    "text",
    [
        "Deploy window opens Saturday",
        "Quarterly Billing Review Starts Monday",
        "CONNECTION RESET BY PEER",
        "retrying upstream connection to cache",
        "route via San Mateo is congested",
        "Product team launched the Spring Sale banner",
        "deployed Zentrix build 14 to staging",
        "TLS handshake with Acme Corp API succeeded",
        "Loaded module com.example.Billing.Invoice",
        "café au lait — a long dash",
        "Rio de Janeiro office opens at nine",
        "ticket opened by Olofsson Support team",
        '<class><name value="Brightwater Mills Local"/></class>',
        '<location><name value="Harbor Mills Annex"/></location>',
    ],
)
def test_words_with_no_evidence_of_a_name_stay(text: str) -> None:
    assert REDACTOR.redact_text(text) == text


def test_priors_rank_listed_names_above_unknown_words_above_dictionary_words() -> None:
    assert word_prior("Margaret") > word_prior("Oyelaran") > 0 > word_prior("Invoice")
    assert word_prior("Tuesday") < 0 and word_prior("patient") < 0  # a day, a cue word
    assert word_prior("Çiçək") > 0  # Latin letters with marks no table spells


def test_a_glued_word_opens_no_name_and_makes_no_cue() -> None:
    assert name_runs("logger patient.Graham Lowe started") == ()
    assert name_runs("see docs/Harriet_Vance.md") == ()


def test_a_cell_opened_by_a_listed_given_name_reads_as_a_name_whatever_follows() -> None:
    assert cell_prior("Jonathan Tailor") >= 1.6 > cell_prior("follow up")


def test_the_shapes_lose_days_and_phrases_of_dictionary_words() -> None:
    assert no_name("Sunday") and no_name("Spring Sale")
    assert not no_name("Will") and not no_name("Grant Baker")  # a word alone, or a frequent surname after
