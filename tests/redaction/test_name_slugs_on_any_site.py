"""A URL path segment that is a given name and a surname and nothing else names a person on any site
(a care journal, an obituary, a booking page); slugs of words, places and code stay."""

from __future__ import annotations

import pytest

from hipaalog.redaction import Redactor

_REDACTOR = Redactor()


@pytest.mark.parametrize(
    ("url", "secret"),
    [
        ("https://www.caringbridge.org/visit/marialopez", "marialopez"),
        ("https://www.legacy.com/us/obituaries/name/maria-lopez-obituary?id=123", "maria-lopez"),
        ("https://calendly.com/maria-lopez/30min", "maria-lopez"),
        ("https://www.findagrave.com/memorial/12345/maria-lopez", "maria-lopez"),
        ("https://example.org/people/kevin-oconnor.html", "kevin-oconnor"),
        ("see https://book.example.net/ingrid-olsen/new for the visit", "ingrid-olsen"),
    ],
)
def test_a_name_slug_is_masked_on_any_site(url: str, secret: str) -> None:
    assert secret not in _REDACTOR.redact_text(url)


@pytest.mark.parametrize(
    "url",
    [
        "https://example.com/docs/getting-started",
        "https://shop.example.com/products/jordan-brand",
        "https://example.com/grace-period",
        "https://example.com/rose-garden",
        "https://example.com/san-diego",
        "https://docs.python.org/3/library/logging.html",
        "https://pypi.org/project/python-json-logger/",
        "https://example.com/victoria-station",
    ],
)
def test_slugs_of_words_places_and_code_stay(url: str) -> None:
    assert _REDACTOR.redact_text(url) == url


@pytest.mark.parametrize("action", ["search", "export?format=csv", "count", "_search", "$everything"])
def test_an_action_on_a_collection_of_people_stays(action: str) -> None:
    """``/patients/search`` acts on the collection: a word of the language there is no one's id or name."""
    url = f"https://api.example.com/v1/patients/{action}"
    assert _REDACTOR.redact_text(url) == url


@pytest.mark.parametrize("entry", ["12345", "H5811942/visits", "maria-lopez", "grace", "lopez"])
def test_an_entry_of_a_collection_of_people_is_masked(entry: str) -> None:
    masked = _REDACTOR.redact_text(f"https://api.example.com/v1/patients/{entry}")
    assert entry.split("/", maxsplit=1)[0] not in masked
