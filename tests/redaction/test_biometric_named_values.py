"""Biometric templates' ids that name their modality, and template keys where a text verifies an identity."""

from __future__ import annotations

import pytest

from hipaalog.redaction import Redactor, redact

REDACTOR = Redactor()


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("enroll ok template=IRIS-e09888bde94d2a88", "e09888bde94d2a88"),
        ("enroll ok template=bio_ba51ada5cb11", "ba51ada5cb11"),
        ("match template=FACE-a81bc7d2e9 score=0.93", "a81bc7d2e9"),
        ("stored palm-3f2a91c7e4 for member", "3f2a91c7e4"),
        ("voiceprint:7d2e9a1b3c4f", "7d2e9a1b3c4f"),
        ("matched fp_9c1e4b7a20 ok", "9c1e4b7a20"),
        ("matched fingerprint_9c1e4b7a20 ok", "9c1e4b7a20"),
        ("tmpl: RETINA-77a0c3e9d1", "77a0c3e9d1"),
        ("identity verified selfie template=a81bc7d2e9f0", "a81bc7d2e9f0"),
        ("liveness passed vector_id=v_8f3a2b1c9d0e", "8f3a2b1c9d0e"),
    ],
)
def test_a_templates_id_is_masked(text: str, value: str) -> None:
    out = REDACTOR.redact_text(text)
    assert value not in out
    assert "[REDACTED:BIOMETRIC]" in out


@pytest.mark.parametrize(
    "text",
    [
        "cms render template=a81bc7d2e9f0 page=home",
        "cms template=email_v2_footer",
        "loaded face-api3d2c1b0a model",
        "voice-call-8f3a2b1c queued",
        "numpy fp_16 array",
        "commit 9c1e4b7a20f3 merged",
    ],
)
def test_a_cms_template_and_other_modalities_words_are_kept(text: str) -> None:
    assert REDACTOR.redact_text(text) == text


def test_a_template_id_under_its_key_and_in_a_nested_message_is_masked() -> None:
    out = redact({"event": "enrolled", "detail": {"msg": "template=IRIS-e09888bde94d2a88 stored"}})
    assert "e09888bde94d2a88" not in str(out)
