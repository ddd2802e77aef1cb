"""A person's dates in a request line's path with no host (``POST /api/v1/patients/<id>/visits/<date>``); a path
about no one keeps its dates (``GET /reports/2024-05-01``)."""

from __future__ import annotations

import pytest

from hipaalog.redaction import redact_text


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("POST /api/v1/patients/44862/visits/1935-12-17 HTTP/1.1", "1935-12-17"),
        ('"GET /api/members/4711/dob/1944-03-07 HTTP/1.1" 200 512', "1944-03-07"),
        ("PUT /charts/MR-20931/encounters/2019-06-02", "2019-06-02"),
    ],
)
def test_dates_after_a_person_in_a_request_path_are_masked(text: str, secret: str) -> None:
    out = redact_text(text)
    assert secret not in out, out


@pytest.mark.parametrize(
    "text",
    [
        "GET /reports/2024-05-01 200",
        "POST /exports/daily/2024-05-01 202",
        '"GET /backups/2024-05-01/manifest.json HTTP/1.1" 304 0',
        "GET /api/users/42/sessions/2024-05-01",
    ],
)
def test_request_paths_about_no_one_keep_their_dates(text: str) -> None:
    assert redact_text(text) == text
