"""The rest of an address: the town, state and ZIP code after a US street, German streets named after a
person (``Marta-Kern-Platz 7``), Mexican and Brazilian street types with their flat numbers, address
lines under ``line1``, a ZIP+4 code beside a name, and CSV headers after a label."""

from __future__ import annotations

import pytest

from hipaalog.redaction import Redactor, redact

REDACTOR = Redactor()


@pytest.mark.parametrize(
    ("text", "secrets"),
    [
        ("pickup at 4411 Marlow Heights Apt. 12 North Benford 30211-4417", ["Benford", "30211", "4417"]),
        ("patient lives at 88 Quill Street Apt 3, Tessaview OR", ["Tessaview"]),
        ("statement mailed to 231 Harbor Way Suite 100 Lake Orin 02139", ["Orin", "02139"]),
        ("letter for her at 77 Copper Ridge, Fennimore KY", ["Fennimore"]),
        ("unparseable: 6120 Wexley Crossing Port Dellamy 84410-2231", ["Dellamy", "84410"]),
        ("addr=902 Tolland Pike Apt 8, Saint Brevard TX", ["Brevard"]),
    ],
)
def test_the_town_after_a_us_street_is_masked(text: str, secrets: list[str]) -> None:
    out = REDACTOR.redact_text(text)
    for secret in secrets:
        assert secret not in out, out


@pytest.mark.parametrize(
    ("text", "secrets"),
    [
        ("discharged to home address Lindnerstraße 12", ["Lindner"]),
        ("found at Agathe-Kühn-Straße 17/3, ID 55", ["Agathe", "Kühn", "17/3"]),
        ("living at Bruno-Wenz-Ring 4-12", ["Bruno", "Wenz", "4-12"]),
        ("mailing to Emma-Stolz-Allee 88)", ["Stolz", "88"]),
        ("Anschrift: Theodor-Bauer-Platz 3", ["Bauer"]),
        ("Anschrift: Spreeufer 14", ["Spreeufer"]),
        ("living at Diagonal Pinos 212 Edif. 13 , Depto. 88", ["Pinos", "212", "13", "88"]),
        ("pickup at Cerrada Norte Ibarra 55 301, callback soon", ["Ibarra", "55", "301"]),
        ("mailing to Privada Lerma 402 77)", ["Lerma", "402", "77"]),
        ("found at Circunvalación Oeste Robles 12 Interior 9", ["Robles", "Interior 9"]),
        ("living at Eje vial Sonora 19 Edif. 2 , Depto. 7", ["Sonora", "Depto. 7"]),
        ("residente en Prolongación Fresnos 77", ["Fresnos"]),
        ("mora na Ladeira Joana Prado, 81", ["Joana", "81"]),
        ("mora na Alameda Souto Lima, 1203", ["Souto", "1203"]),
    ],
)
def test_streets_named_in_other_ways_are_masked(text: str, secrets: list[str]) -> None:
    out = REDACTOR.redact_text(text)
    for secret in secrets:
        assert secret not in out, out


@pytest.mark.parametrize(
    "text",
    [
        "the Diagonal matrix has 5 entries",
        "monitoring 5 hosts; Token-Ring 4 adapters",
        "Transferring 5 files to the Spring 2024 bucket",
        "found at Agathe-Kühn-Straße 17/3, ID 55",
        "deployed 200 Main St Tuesday OK",
        "Retorno 5 pendiente",
        "addr=:6379 ready; 5 W wing elevator",
    ],
)
def test_look_alikes_keep_their_words(text: str) -> None:
    out = REDACTOR.redact_text(text)
    for word in ("Diagonal", "Token-Ring", "Transferring", "Spring 2024", "ID 55", "Tuesday", "Retorno 5", ":6379"):
        if word in text:
            assert word in out, out


def test_address_lines_under_line_keys_are_masked() -> None:
    out = redact({"home": {"line1": "4744 Kerkweg steeg", "line2": "Bus 3", "city": "Utrecht"}, "addr_line_1": "9 X"})
    assert out["home"]["line1"].startswith("[REDACTED")
    assert out["home"]["line2"].startswith("[REDACTED")
    assert out["addr_line_1"].startswith("[REDACTED")
    kept = {"line": 42, "lineno": 7, "line_count": 3, "pipeline1": "ok"}
    assert redact(kept) == kept


def test_a_zip_plus_four_beside_a_name_is_masked() -> None:
    out = redact({"demographics": ["Harriet Voss", "1961-03-04", "02139-4417"]})
    assert "02139-4417" not in str(out)
    assert "Harriet" not in str(out)


@pytest.mark.parametrize("delimiter", [",", "\t"])
def test_a_header_after_a_label_types_its_columns(delimiter: str) -> None:
    header = delimiter.join(["member_id", "patient", "email", "address", "city"])
    row = delimiter.join(["QX5512093", "Okafor, Bisi", "b.okafor@example.org", "41 Lantern Row", "Tinley Park"])
    out = REDACTOR.redact_text(f"export received: {header}\n{row}\n")
    assert "Tinley" not in out, out
    assert out.startswith(f"export received: {header}\n"), out
