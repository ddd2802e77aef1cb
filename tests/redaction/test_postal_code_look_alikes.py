"""Numbers a postal-code reader must leave to others: a date written without separators after a date's word (the
word is not a town before a postal code), and a byte count after a ``.zip`` file name (the extension is no label)."""

from __future__ import annotations

import pytest

from hipaalog.redaction import redact_text


@pytest.mark.parametrize("cue", ["dob", "DOB", "born", "birth date", "dob\t"])
def test_a_compact_date_after_its_word_is_a_date_and_the_word_stays(cue: str) -> None:
    out = redact_text(f"{cue} 19610403, checked")
    assert "19610403" not in out
    assert out.startswith(cue.strip()), out
    assert "ADDRESS" not in out and "ZIP" not in out, out


@pytest.mark.parametrize("label", ["CEP", "zip", "postal code"])
def test_a_labelled_code_shaped_like_a_date_is_still_a_postal_code(label: str) -> None:
    assert redact_text(f"{label} 19610403") == f"{label} [REDACTED:ZIP]"


@pytest.mark.parametrize(
    "text",
    ["zip file report_2024.zip 48213 bytes", "uploaded archive.zip 48213 bytes written", "backup.ZIP 90210 bytes"],
)
def test_a_file_extension_is_not_a_postal_label(text: str) -> None:
    assert redact_text(text) == text


@pytest.mark.parametrize("text", ["patient_zip 12345", "zip: 12345", "home zip 90210"])
def test_zip_words_still_label_a_code(text: str) -> None:
    assert "[REDACTED:ZIP]" in redact_text(text)
