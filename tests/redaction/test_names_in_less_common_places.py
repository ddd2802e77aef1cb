"""Names in less common places (before an age, after a word of another language, as alternatives, with particles)
are masked; eponyms written head first and a drug's brand name beside a drug word stay."""

from __future__ import annotations

import pytest

from hipaalog.redaction import Redactor
from hipaalog.redaction._drug_words import DrugWordDetector

REDACTOR = Redactor()


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Cynthia Lee, edad 90+, riesgo alto de caída", "Cynthia Lee"),
        ("Anae Lee is a 90-year-old male", "Anae Lee"),
        ("Mia Kent, 87 J., Sturzrisiko", "Mia Kent"),
        ("Paul Ode, 45 ans, admis", "Paul Ode"),
        ("Ed Park, age 91, fall risk", "Ed Park"),
        ("Hans-J. Paffrath, 64 años, alta", "Paffrath"),
        ("Nota: Giesela Spieß, 89 J., Sturzrisiko", "Giesela"),
        ('"Paul Ode, 45 ans"', "Paul Ode"),
    ],
)
def test_a_name_that_opens_a_sentence_before_an_age_is_masked(text: str, secret: str) -> None:
    assert secret not in REDACTOR.redact_text(text)


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Fallecimiento registrado: Frank English (cama 4)", "Frank English"),
        ("no coincide con Ron Rust", "Ron Rust"),
        ("Termin mit Lena Swift verschoben", "Lena Swift"),
        ("rendez-vous avec Hugo French", "Hugo French"),
        ("appuntamento con Irene Winter", "Irene Winter"),
        ("fallecido Frank English", "English"),
        ("Verstorbener Ron Rust", "Rust"),
    ],
)
def test_a_surname_that_is_a_word_after_a_cue_of_another_language_is_masked(text: str, secret: str) -> None:
    assert secret not in REDACTOR.redact_text(text)


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Jerónimo/Gerónimo Sanz ingresó ayer", "Sanz"),
        ("Patient: Jon/John Tate", "John Tate"),
        ("Liberto/Raimondo Lovato ingresó ayer", "Lovato"),
        ("Miguel/Matheus da Costa ingresó ayer", "Costa"),
        ("Theres/Wolf-Dieter Dehmel ingresó ayer", "Dehmel"),
        ("Patient de la O, Malorie", "Malorie"),
        ("Patientin de la O, Maria Julia", "Maria Julia"),
        ("paciente van der Mar, Calisto", "Calisto"),
    ],
)
def test_alternatives_and_particle_surnames_are_masked(text: str, secret: str) -> None:
    assert secret not in REDACTOR.redact_text(text)


@pytest.mark.parametrize(
    "text",
    [
        "Chase Bank, 45 ans de service",
        "Chase Bank, 45 ans.",
        "Build Agent, age 45 days",
        "Dan Pool, 78 years of uptime",
        "Verbindung mit Luna Service fehlgeschlagen nach 39s",
        "conectado con Azure Blob en 4 ms",
        "error de Grant Type en billing",
        "status: Frank English",
        "informe de Allen, Norman and Tucker y Garcia-Johnson",
        "de la A, Sección 12",
        "Kafka Connect/Debezium Server restarted",
        "Alpha/Beta Release 3",
    ],
)
def test_benign_text_in_those_shapes_stays(text: str) -> None:
    assert REDACTOR.redact_text(text) == text


@pytest.mark.parametrize(
    "text",
    [
        "Protocolo de Graves-Basedow actualizado",
        "Regel für Morbus Bechterew aktiviert",
        "Leitlinie Morbus Crohn überarbeitet",
        "Syndrom von Guillain-Barré",
        "maladie de Horton: protocole mis à jour",
        "síndrome de Sjögren: guía revisada",
        "enfermedad de Addison, pauta nueva",
        "malattia di Alzheimer - protocollo",
        "doença de Chagas: notificação",
        "maladie d'Addison confirmée",
        "Morbus Hodgkin Stadium II",
    ],
)
def test_an_eponym_written_head_first_stays(text: str) -> None:
    assert REDACTOR.redact_text(text) == text


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("síndrome de Ana Ruiz en consulta", "Ana Ruiz"),
        ("Dr. Graves-Basedow llamó", "Graves-Basedow"),
        ("paciente Maria Graves-Basedow ingresó", "Maria"),
    ],
)
def test_a_person_in_an_eponyms_shape_is_still_masked(text: str, secret: str) -> None:
    assert secret not in REDACTOR.redact_text(text)


@pytest.mark.parametrize(
    "text",
    [
        "formulary tier for Allegra: 3",
        "dose of Lyrica increased",
        "Rx Chantix 1mg",
        "NDC 0093-7146 Bonita",
        "Lyrica 75 mg capsule",
        "dosage of Allegra adjusted",
        "prescribed Lyrica for neuropathy",
        "tier 2: Allegra",
        "formulary tier for Allegra-D: 3",
    ],
)
def test_a_brand_name_beside_a_drug_word_stays(text: str) -> None:
    assert REDACTOR.redact_text(text) == text


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("formulary review for patient Allegra Smith", "Allegra Smith"),
        ("dose of Lyrica Jones increased", "Lyrica Jones"),
        ("Rx for Allegra Smith", "Allegra Smith"),
        ("refill for Maria", "Maria"),
        ("patient Allegra 10 mg given", "Allegra"),
        ("Mr. Lyrica 10 mg", "Lyrica"),
    ],
)
def test_a_person_beside_a_drug_word_is_still_masked(text: str, secret: str) -> None:
    assert secret not in REDACTOR.redact_text(text)


def test_the_drug_word_detector_only_keeps_one_word() -> None:
    spans = list(DrugWordDetector().find("dose of Lyrica increased; Allegra 180 mg"))
    assert [(start, end, kind) for start, end, kind in spans] == [(8, 14, "KEEP"), (26, 33, "KEEP")]
    assert list(DrugWordDetector().find("refill for Maria Lopez")) == []
