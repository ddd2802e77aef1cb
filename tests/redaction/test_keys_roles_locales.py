"""Field names of a person's role (``subscriber_last``), of a claim's event dates, and of non-English exports.

Made-up values only. Each name must be read as PHI in a dict, in ``key=value`` text and as a CSV
header alike; the look-alikes beside them (pagination bounds, infrastructure dates) must not.
"""

from __future__ import annotations

import pytest

from hipaalog.redaction import Redactor

VALUES = {
    "NAME": "Ostervald",
    "DOB": "1958-03-14",
    "DATE": "2022-11-18",
    "ZIP": "80331",
    "PHONE": "6175550143",
    "ADDRESS": "Lindenweg",
    "EMAIL": "ingrid.o@example.org",
    "ID": "Z98765432",
}

ROLES_AND_EVENTS = [
    ("subscriber_last", "NAME"),
    ("subscriber_first", "NAME"),
    ("insuredFirst", "NAME"),
    ("guarantor_last", "NAME"),
    ("pt_middle", "NAME"),
    ("svc_date", "DATE"),
    ("service_dt", "DATE"),
    ("accident_date", "DATE"),
    ("dateOfAccident", "DATE"),
    ("injury_dt", "DATE"),
    ("onset_date", "DATE"),
]

LOCALES = [
    ("nachname", "NAME"),
    ("Vorname", "NAME"),
    ("geburtsdatum", "DOB"),
    ("PLZ", "ZIP"),
    ("Straße", "ADDRESS"),
    ("strasse", "ADDRESS"),
    ("telefon", "PHONE"),
    ("apellidos", "NAME"),
    ("primer_apellido", "NAME"),
    ("nombre", "NAME"),
    ("fecha_nacimiento", "DOB"),
    ("fecha_de_nacimiento", "DOB"),
    ("teléfono", "PHONE"),
    ("dirección", "ADDRESS"),
    ("codigo_postal", "ZIP"),
    ("correo_electronico", "EMAIL"),
    ("nom", "NAME"),
    ("prénom", "NAME"),
    ("date_naissance", "DOB"),
    ("date_de_naissance", "DOB"),
    ("sobrenome", "NAME"),
    ("data_nascimento", "DOB"),
    ("endereço", "ADDRESS"),
    ("cep", "ZIP"),
    ("cpf", "ID"),
]


@pytest.mark.parametrize(("key", "kind"), ROLES_AND_EVENTS + LOCALES)
def test_role_event_and_locale_names_are_phi_in_dicts(key: str, kind: str) -> None:
    assert Redactor().redact({key: VALUES[kind]}) == {key: f"[REDACTED:{kind}]"}


@pytest.mark.parametrize(("key", "kind"), ROLES_AND_EVENTS + LOCALES)
def test_role_event_and_locale_names_are_phi_in_key_value_text(key: str, kind: str) -> None:
    text = f"row {key}={VALUES[kind]} status=ok"
    assert Redactor().redact_text(text) == f"row {key}=[REDACTED:{kind}] status=ok"


@pytest.mark.parametrize("delimiter", [";", ",", "\t"])
def test_non_english_csv_headers(delimiter: str) -> None:
    header = delimiter.join(["Nachname", "Vorname", "Geburtsdatum", "PLZ", "Status"])
    row = delimiter.join([VALUES["NAME"], "Ingrid", "14.03.1958", VALUES["ZIP"], "aktiv"])
    out = Redactor().redact_text(f"{header}\n{row}")
    assert out.startswith(header + "\n")
    assert "Ostervald" not in out and "Ingrid" not in out and "14.03.1958" not in out and "80331" not in out
    assert out.endswith("aktiv")


def test_name_parts_below_a_person_are_names_but_bounds_are_not() -> None:
    record = {"guarantor": {"first": "Ingrid", "last": "Ostervald"}, "patients": {"first": 0, "last": 25}}
    assert Redactor().redact(record) == {
        "guarantor": {"first": "[REDACTED:NAME]", "last": "[REDACTED:NAME]"},
        "patients": {"first": 0, "last": 25},
    }


@pytest.mark.parametrize(
    "key", ["first", "last", "timestamp_last", "page_first", "name_service", "deploy_date", "rfc5424", "nss_version"]
)
def test_look_alikes_stay(key: str) -> None:
    record = {key: "queue-7"}
    assert Redactor().redact(record) == record
    assert Redactor().redact_text(f"{key}=queue-7") == f"{key}=queue-7"


@pytest.mark.parametrize(
    "text",
    [
        "last=Ostervald first=Ingrid dob=1958-03-14",
        "Last: Ostervald, First: Ingrid, MRN: 8812345",
        "first=Ingrid middle=Maren last=Ostervald ssn=287-65-4321",
    ],
)
def test_bare_name_parts_beside_another_person_field_in_text(text: str) -> None:
    out = Redactor().redact_text(text)
    assert "Ostervald" not in out and "Ingrid" not in out and "Maren" not in out


@pytest.mark.parametrize(
    "text",
    ["page first=1 last=9 ssn=287-65-4321", "cursor last=b7 first=a1 status=ok", "first=north last=south zone=eu"],
)
def test_bare_name_parts_without_a_person_or_a_word_stay(text: str) -> None:
    out = Redactor().redact_text(text)
    for part in text.split():
        if part.startswith(("first=", "last=")):
            assert part in out
