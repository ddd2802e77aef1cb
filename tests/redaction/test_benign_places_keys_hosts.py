"""Benign shapes kept: towns of other locales after a place word, a thing's own fields, firms' hosts and addresses.

Each kept shape has a person's value of the same shape beside it that stays masked.
"""

from __future__ import annotations

import pytest

from hipaalog.redaction import redact, redact_text

BENIGN_TEXTS = [
    "shipment received in Andrade Grande order=7082340",
    "order shipped from Novais de Sousa warehouse at 2025-06-29",
    "node at San Giuseppe Vesuviano datacenter reported 3 errors",
    "route planned from Fernandes de Barros branch at 2025-06-28",
    "depot closed in Melo de Rezende order=6765845",
    "region=sa-east-1 location=Sao Paulo pods=4 status=ok",
    "region=sa-east-1 location=São Paulo pods=4 status=ok",
    "DataCenter(id=9649656, dcCity='Sevilla', racks=12, opened='2026-04-06')",
    "export done archiveZip=exports/9649656.zip backup_zip=a.zip",
    "Server(hostname='db7', ip='10.32.130.31', rack=28)",
    "Printer(name='lobby', ip='192.168.4.20')",
    "Vendor(id=474502, name='Santos - ME', homepage='https://www.logistik-garcia.it/')",
    "Warehouse(id=7082340, lat=26.8757, lon=93.8693, updated='2025-06-29')",
    "Site(id=895914, lat=66.6955, lon=-138.1520, updated='2024-06-21')",
    "Product(ndc='40260-793-38', labeler='Garcia Viana', updated='2026-04-28')",
    "Device(model='X200', manufacturer='Cardoso Pires', installed='2025-06-29')",
    "Package(name='lib12', version='2.3.1', maintainer='Ortiz Group', released='2024-03-01')",
    "GET https://www.suministros.com/catalogo 200 266ms",
    "POST https://industrias.es/api/v1/orders 201",
    "GET https://www.industriasmora.es/catalogo 200",
    "webhook to https://ferreteria.miranda.pt/api/orders/7051035 failed",
    "ship to Organization Supply, Hartmanchester, CA 12464 po=474502",
    "ship to Lambert Packaging, South Gabrielchester, CA 46765 po=9649656",
    "ship to Valley Imaging, Fresno, CA 93721 po=12",
]


@pytest.mark.parametrize("text", BENIGN_TEXTS)
def test_benign_text_kept(text: str) -> None:
    assert redact_text(text) == text


def test_thing_keys_kept_in_a_mapping() -> None:
    item = {"dcCity": "Frankfurt", "archiveZip": "x.zip", "export_zip": "y.zip", "site_city": "Lyon"}
    assert redact(item) == item


PHI_TEXTS = [
    ("pt Jane Roe lives in Andrade Grande, seen 2024-01-02", ["Jane Roe", "Andrade Grande"]),
    ("pt Jane Roe lives in Novais de Sousa, seen 2024-01-02", ["Jane Roe", "Novais de Sousa"]),
    ("patient Jane Roe moved from San Giuseppe Vesuviano mrn=MRN1234567", ["Jane Roe", "Giuseppe", "MRN1234567"]),
    ("patient Jade Santos location=Sao Paulo mrn=MRN3836752", ["Jade Santos", "Paulo", "MRN3836752"]),
    ("message from Jade Santos in Aragão de Vargas about mrn=MRN3836752", ["Jade Santos", "MRN3836752"]),
    ("seen in Jane Roe's room", ["Jane Roe"]),
    ("Patient(mrn='MRN7395545', city='Sevilla', dob='1988-08-01')", ["Sevilla", "MRN7395545", "1988-08-01"]),
    ("Patient(mrn='MRN7395545', ip='10.1.2.3', dob='1988-08-01')", ["10.1.2.3", "1988-08-01"]),
    ("Session(user='Jane Roe', ip='203.0.113.9')", ["Jane Roe", "203.0.113.9"]),
    ("Member(id='MRN7395545', lat=40.7128, lon=-74.006, dob='1988-08-01')", ["40.7128", "-74.006"]),
    ("Patient(name='Garcia Viana', mrn='MRN7395545', dob='1988-08-01')", ["Garcia Viana", "1988-08-01"]),
    ("Package(name='lib12', maintainer='Jane Roe', patient='Ann Poe')", ["Ann Poe"]),
    ("patient Jane Roe homepage https://www.jane-roe.es/", ["jane-roe"]),
    ("mail to Jane Roe, Fresno, CA 93721 mrn=MRN1234567", ["Jane Roe", "Fresno", "93721"]),
]


@pytest.mark.parametrize(("text", "secrets"), PHI_TEXTS)
def test_person_values_of_the_same_shapes_masked(text: str, secrets: list[str]) -> None:
    out = redact_text(text)
    for secret in secrets:
        assert secret not in out, (secret, out)


def test_words_of_a_system_beside_a_person_are_no_town() -> None:
    out = redact_text("patient Jane Roe logged in Staging Env at 10:00")
    assert "Staging Env" in out and "Jane Roe" not in out


def test_person_keys_of_the_same_words_masked() -> None:
    out = redact({"patient_dcCity": "Sevilla", "patientZip": "94110", "homeZip": "94110", "zip": "94110"})
    assert all(value.startswith("[REDACTED") for value in out.values()), out
