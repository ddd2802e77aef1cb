"""Header-less delimited rows of organisations and of towns with their state keep their text; rows naming a person
beside a firm or a state stay masked."""

from __future__ import annotations

import pytest

from hipaalog.redaction import Redactor

REDACTOR = Redactor()


@pytest.mark.parametrize(
    "text",
    [
        "Guzman & Lowery LLP\tSchwartzborough\tMA\t57908\t943-721-7853",
        "Allen Pharmacy;3167 Lewis Run Suite 466;South Chase;WA;88179",
        "Griffin PLC;1655 Erik Passage;Dunnport;MA;62884",
        "Hernandez Family Medicine\t972 Anthony Pass Suite 280\tNorth Antoniostad\tND\t92532\t419.697.2238x721",
        "Store #151;321 Walker Parks Apt. 775;Natalieport;OH;22359;+1-845-247-8489x3873",
        "Kellyport General Hospital;20618 Colon Tunnel Apt. 437;Schaeferborough;DC;14214;866-204-2928",
        "V80017;Brown, Davis and Roberts;686 Laura Wells;Heidibury;ME;51526;NET30",
        "Martin, Gonzales and Frost, LLC, Saudi Arabia, 1159, 685768.17",
        "Smith-Cantu, Inc, Wallis and Futuna, 111, 332980.56\nHaley-Wyatt, LLC, San Marino, 4175, 903810.17",
        "Gehringer Wiek AG, Port Katelyn, S6H2B1, Equatorial Guinea, 66",
        "Caldwellport\tMississippi\t75121\t67779\t6.6%",
        "Mathisport;Utah;96281;58745;11.3%\nNew Tracey;Maine;86357;91674;85.1%",
        "Dancer|Powers-Holmes|South Whitney|AK|184128\n"
        "Insurance account manager|Carney-Gonzalez|Kimberlyland|TX|94768\n"
        "Insurance broker|Parker LLC|West Andrew|IN|73428",
    ],
)
def test_an_organisations_row_keeps_its_text(text: str) -> None:
    assert REDACTOR.redact_text(text) == text


@pytest.mark.parametrize(
    ("text", "secrets"),
    [
        ("Hughes,Jeffrey,Morales and Sons,875 Green Extensions,Martinstad,GU,96643", ("Hughes", "Jeffrey", "96643")),
        ("Quinn Okafor|Parker LLC|04/12/1961|(417) 555-0143", ("Quinn Okafor", "04/12/1961", "555-0143")),
        ("Roe, Jane;Allen Pharmacy;1961-04-12;MRN4471920", ("Roe, Jane", "1961-04-12", "MRN4471920")),
        ("Dr. Jane Roe\tHernandez Family Medicine\t972 Anthony Pass\tNorth Antoniostad\t92532", ("Jane Roe", "92532")),
        ("Awodiran Osunleke|Parker LLC|1961-04-12|417-555-0143", ("Awodiran", "Osunleke", "417-555-0143")),
        ("Xiuying Wang;Kerr PLC;12.04.1961;+44 20 7946 0018", ("Xiuying", "12.04.1961", "7946 0018")),
        ("Okafor|Kansas|1961-04-12|417-555-0143", ("Okafor", "1961-04-12", "417-555-0143")),
        ("Roe|Georgia|1961-04-12|555-201-3344", ("Roe", "Georgia", "1961-04-12")),
        ("Parker LLC;billing;jroe1961@example.com;Springfield;12", ("jroe1961@example.com",)),
    ],
)
def test_a_person_beside_a_firm_stays_masked(text: str, secrets: tuple[str, ...]) -> None:
    redacted = REDACTOR.redact_text(text)
    for secret in secrets:
        assert secret not in redacted
