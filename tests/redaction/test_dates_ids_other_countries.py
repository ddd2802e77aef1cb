"""Dates, ages, national identifiers and phone numbers as other countries write them in free text."""

from __future__ import annotations

import pytest

from hipaalog.redaction import Redactor

REDACTOR = Redactor()


def found(text: str) -> list[tuple[str, str]]:
    """``(value, kind)`` of each span the default scan reports (gated, as in production)."""
    return [(text[start:end], kind) for start, end, kind in REDACTOR._scanner.spans(text)]


def masked(text: str, secret: str) -> bool:
    return secret not in REDACTOR.redact_text(text)


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("dob APR-03-1951 printed", "APR-03-1951"),
        ("dob Nov-21-47 on the label", "Nov-21-47"),
        ("d.o.b. 3rd April 1951", "3rd April 1951"),
        ("D.O.B. 1951/04/03 confirmed", "1951/04/03"),
        ("born 1951.04.03 in the north", "1951.04.03"),
        ("enrolled today (b. 3 April 1951)", "3 April 1951"),
        ("DOB 03 Apr 51 per caller", "03 Apr 51"),
        ("geb. 9. Dezember 1949, wohnhaft", "9. Dezember 1949"),
        ("geboren am 3. März 1951", "3. März 1951"),
        ("nacida el 2 de agosto de 1950", "2 de agosto de 1950"),
        ("nascido em 2 de março de 1950", "2 de março de 1950"),
        ("née le 5 février 1949 à Lyon", "5 février 1949"),
        ("nata il 5 febbraio 1949", "5 febbraio 1949"),
        ("geboren op 5 maart 1949", "5 maart 1949"),
        ("urodzona 5 października 1949 r.", "5 października 1949"),
        ("doğum tarihi 5 Şubat 1949", "5 Şubat 1949"),
        ("DOB 1er janvier 1950", "1er janvier 1950"),
    ],
)
def test_birth_dates_in_more_shapes_and_languages(text: str, secret: str) -> None:
    assert masked(text, secret), REDACTOR.redact_text(text)


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("pt c/o productive cough since 03/02/25", "03/02/25"),
        ("hpi: 52 y/o with knee pain from 2025-01-19, worse on stairs", "2025-01-19"),
        ("cita confirmada para mi madre el 2026-03-04", "2026-03-04"),
        ("reschedule request for room 4 from 2026-05-11 to later", "2026-05-11"),
        ("Termin für Herrn Brandt am 14.05.2026 bestätigt", "14.05.2026"),
        ("verify: Ngozi Okafor, 1962/11/30", "1962/11/30"),
        ("verify: نجلاء حداد, 1962/11/30", "1962/11/30"),
        ("patient Ana Ruiz seen, next visit 3 décembre 2026", "3 décembre 2026"),
        ("patient Ana Ruiz, follow-up NOV-04-2026", "NOV-04-2026"),
        ("patient Ana Ruiz, labs 2026/11/04", "2026/11/04"),
    ],
)
def test_dates_tied_to_a_person_by_their_clause(text: str, secret: str) -> None:
    assert masked(text, secret), REDACTOR.redact_text(text)


@pytest.mark.parametrize(
    "text",
    [
        "no deploys since 2024-01-01",
        "cache valid from 2024-01-01 to 2024-02-01",
        "build from 2024-09-27 is broken",
        "el 2024-01-01 se publicó la versión 3",
        "libfoo 2024.01.02 released, see RFC 3339",
        "window 5 mars 2024 maintenance for the db cluster",
        "job ran 12 Mar 10:30 and exited",
        "rollout set 2 out 2024 plan",
    ],
)
def test_dates_of_systems_and_month_words_stay(text: str) -> None:
    assert REDACTOR.redact_text(text) == text


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("la paciente de 97 años vive sola", "97"),
        ("Frau Brandt ist 93 Jahre alt", "93"),
        ("die 94-jährige Patientin", "94"),
        ("elle a 95 ans et vit seule", "95"),
        ("la signora ha 101 anni", "101"),
        ("pacjentka ma 96 lat", "96"),
        ("hasta 92 yaşında", "92"),
        ("mevrouw is 94 jaar oud", "94"),
        ("Mr Okafor turned 96 on Sunday", "96"),
        ("âgée de 99 ans", "99"),
        ("edad: 91", "91"),
        ("outreach list includes Ana Ruiz (95)", "95"),
        ("outreach list includes [REDACTED:NAME] (93)", "93"),
        ("patient Ana Ruiz, 102, fell at home", "102"),
        ("list includes Tjitske van der Berg (101)", "101"),
    ],
)
def test_ages_over_89_in_other_languages_and_after_a_name(text: str, secret: str) -> None:
    out = REDACTOR.redact_text(text)
    assert secret not in out.replace("90+", ""), out


@pytest.mark.parametrize(
    "text",
    [
        "la paciente de 87 años vive sola",
        "Frau Brandt ist 89 Jahre alt",
        "outreach list includes Ana Ruiz (88)",
        "hace 100 años se fundó el hospital",
        "fondato 100 anni fa",
        "the counter turned 120 ms later",
        "retry budget (120) exhausted",
        "Max Workers (100)",
        "ETA 95 for the batch",
        "loop turns 100 times",
        "Grace Period (120)",
        "Error Rate (99)",
        "Pool Size Limit (100)",
        "bp for Jane Roe, 120, 80, 72",
        "Jane Roe turned 45 last week",
    ],
)
def test_young_ages_durations_and_counts_stay(text: str) -> None:
    out = REDACTOR.redact_text(text)
    assert "90+" not in out, out


@pytest.mark.parametrize(
    ("text", "secret", "kind"),
    [
        ("Paciente Ana Ruiz, CPF 529.982.247-25", "529.982.247-25", "ID"),
        ("cadastro com CPF 31840627590 duplicado", "31840627590", "ID"),
        ("Erro ao salvar: CEP 01310-100 inválido", "01310-100", "ZIP"),
        ("Erro ao salvar: CEP 04538 inválido", "04538", "ZIP"),
        ("n° INSEE 2 84 12 75 112 047 33", "2 84 12 75 112 047 33", "SSN"),
        ("NIR 184127511204733 rejeté", "184127511204733", "SSN"),
        ("NHS number 401 023 1882 registered", "401 023 1882", None),
        ("nhs 4010231882 on referral", "4010231882", "ID"),
        ("SIN 130 692 544 on file", "130 692 544", "SSN"),
        ("DNI 48215736P caducado", "48215736P", "ID"),
        ("NIE Z3456781R pendiente", "Z3456781R", "ID"),
        ("Steuer-ID 47 036 892 816 fehlt", "47 036 892 816", "ID"),
        ("PESEL 02270803628 niepoprawny", "02270803628", "ID"),
        ("codice fiscale BNCMRA72C41H501X errato", "BNCMRA72C41H501X", "ID"),
        ("BSN 1112.22.333 onbekend", "1112.22.333", "ID"),
        ("Aadhaar 4821 7730 5519 linked", "4821 7730 5519", "ID"),
        ("PAN BNZPM2501F verified", "BNZPM2501F", "ID"),
        ("TC Kimlik No 27641835006 hatalı", "27641835006", "ID"),
        ("tc 27641835006 hatalı", "27641835006", "ID"),
        ("RFC BAMA720415QJ2 inválido", "BAMA720415QJ2", "ID"),
        ("CURP BAMA720415MDFRRN03 inválida", "BAMA720415MDFRRN03", "ID"),
        ("NI number QQ 12 34 56 C", "QQ 12 34 56 C", "SSN"),
        ("Cartão SUS 710190134117639 ativo", "710190134117639", "MEMBER_ID"),
    ],
)
def test_national_ids_after_their_word_in_text(text: str, secret: str, kind: str | None) -> None:
    assert masked(text, secret), REDACTOR.redact_text(text)
    if kind is not None:
        assert (secret, kind) in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "see RFC 3339 section 5.6",
        "tc 12345678901 queued",
        "sin 123 456 789 rad",
        "nie 12345678 mal",
        "cns 123456789012345 cluster",
        "the cep engine handled 12345 events",
        "PAN 1234 masked",
        "cf. section 12 of the manual",
        "rg 12345 --files",
    ],
)
def test_words_like_id_cues_with_no_id_stay(text: str) -> None:
    assert REDACTOR.redact_text(text) == text


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("emergency contact Ana Ruiz 0170 12345678", "0170 12345678"),
        ("Rückruf an Herrn Brandt unter 030 2345 6789 erbeten", "030 2345 6789"),
        ("Rückruf an Herrn Brandt unter (21) 98765-4321 erbeten", "(21) 98765-4321"),
        ('level=info caller="ana ruiz" cb=06 11 22 33 44 queue=triage', "06 11 22 33 44"),
        ("sms opt-out keyword STOP from 07912 345678", "07912 345678"),
        ("reminder sms to 8 (912) 345-67-89 sent", "8 (912) 345-67-89"),
        ("llamar al 655 12 34 56 mañana", "655 12 34 56"),
        ("whatsapp a 347 123 4567 per conferma", "347 123 4567"),
        ("contato: (21) 98765-4321", "(21) 98765-4321"),
    ],
)
def test_national_phone_numbers_after_a_contact_word(text: str, secret: str) -> None:
    assert masked(text, secret), REDACTOR.redact_text(text)


@pytest.mark.parametrize(
    "text",
    [
        "invoice number 0123 4567 890 paid",
        "copied from 0123 4567 890 bytes",
        "sms worker processed 0123 4567 890 messages",
        "sms batch from 2024-01-01 10:00:00",
        "version from 612 34 56 78",
        "listening on 0.0.0.0:8080 from 10 20 30 40",
        "order 0170 12345678 shipped from warehouse",
    ],
)
def test_numbers_of_systems_near_contact_words_stay(text: str) -> None:
    assert REDACTOR.redact_text(text) == text


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("born March 1948 per intake", "March 1948"),
        ("geb. März 1948 laut Karte", "März 1948"),
        ("DOB 17/Mar/1948 on file", "17/Mar/1948"),
        ("fecha_nacimiento=25 de febrero de 1937 estado=ok", "febrero"),
        ("CPF do paciente 529.982.247-25 inválido", "529.982.247-25"),
        ("móvil 612 345 678 apagado", "612 345 678"),
        ("tel. portable 06.12.34.56.78 injoignable", "06.12.34.56.78"),
        ("contacto 55 1234 5678 sin respuesta", "55 1234 5678"),
        ("ligar para 11 91234-5678 amanhã", "11 91234-5678"),
        ("telefon 512-345-678 nie odpowiada", "512-345-678"),
        ("phone 98765 43210 switched off", "98765 43210"),
    ],
)
def test_more_ways_the_same_values_arrive(text: str, secret: str) -> None:
    assert masked(text, secret), REDACTOR.redact_text(text)


@pytest.mark.parametrize(
    "text",
    [
        "born in May 2020, the service grew",
        "released March 2024 with fixes",
        "version from 0.12.34.56 to 0.12.34.57",
        "call at 10 20 30 40 seconds",
    ],
)
def test_months_of_things_and_dotted_versions_stay(text: str) -> None:
    assert REDACTOR.redact_text(text) == text


def test_national_values_under_their_own_or_a_persons_keys() -> None:
    record = {
        "emergency_contact": "0151 23456789",
        "guardian": "(21) 98765-4321",
        "kin": "612 34 56 78",
        "contact_count": "0151 23456789",
        "pesel": "02270803628",
        "tc_kimlik_no": "27641835006",
        "aadhaar_number": "4821 7730 5519",
        "nino": "QQ123456C",
        "edad": 94,
        "alter": 85,
    }
    out = REDACTOR.redact(record)
    for key in ("emergency_contact", "guardian", "kin"):
        assert out[key] == "[REDACTED:PHONE]", out
    for key in ("pesel", "tc_kimlik_no", "aadhaar_number", "nino"):
        assert out[key].startswith("[REDACTED:"), out
    assert out["edad"] != 94
    assert out["alter"] == 85
    assert out["contact_count"] == "0151 23456789"
