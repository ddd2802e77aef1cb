"""A record number in the path or object key of a person's document is masked; paths of builds, logs and
batches keep their numbers."""

from __future__ import annotations

import pytest

from hipaalog.redaction import Redactor

_REDACTOR = Redactor()


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("PutObject Key='charts/H5811942.pdf'", "H5811942"),
        ("GetObject: exports/patient_PT-456997.csv", "PT-456997"),
        ("upload to s3://phi-bucket/44-336-169/consent.pdf", "44-336-169"),
        ("{'Bucket': 'b', 'Key': 'intake/2024/E88806194_form.pdf'}", "E88806194"),
        ("{'Bucket': 'docs', 'Key': 'KH526056/insurance_card.jpg'}", "KH526056"),
        ("saved /mnt/scans/referrals/00482913.tif", "00482913"),
    ],
)
def test_a_record_number_in_a_persons_document_path_is_masked(text: str, secret: str) -> None:
    assert secret not in _REDACTOR.redact_text(text)


@pytest.mark.parametrize(
    "text",
    [
        "releases/v1.2.3/build-20240101.tar.gz",
        "/var/log/app/12345.log",
        "patient-service/build/123456",
        "s3://logs/2024/01/02/app-000123.gz",
        "/data/labs/batch_000123.csv",
        "charts/v2/index.js",
        "uploads/consent/template_v3.pdf",
        "consents/2024-05-01/summary.csv",
    ],
)
def test_numbers_in_paths_about_no_ones_papers_stay(text: str) -> None:
    assert _REDACTOR.redact_text(text) == text


def test_an_id_after_a_persons_folder_keeps_its_patient_kind() -> None:
    assert _REDACTOR.redact_text("GET /api/v1/patients/12345 200") == "GET /api/v1/patients/[REDACTED:PATIENT] 200"
