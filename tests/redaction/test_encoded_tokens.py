"""Encoded tokens (JWT, HTTP Basic, base64 blobs) are masked whole when what they decode to holds PHI."""

from __future__ import annotations

import base64
import json

import pytest

from hipaalog.redaction import Redactor
from hipaalog.redaction._tokens import decoded_token

REDACTOR = Redactor()


def _url64(value: str) -> str:
    return base64.urlsafe_b64encode(value.encode()).decode().rstrip("=")


def _jwt(claims: dict[str, object]) -> str:
    header = _url64(json.dumps({"alg": "RS256", "kid": "k7"}))
    return f"{header}.{_url64(json.dumps(claims))}.{_url64('not-a-real-signature')}"


def _basic(credentials: str) -> str:
    return base64.b64encode(credentials.encode()).decode()


@pytest.mark.parametrize(
    "claims",
    [
        {"sub": "a81f", "email": "odalys.quist@example.org"},
        {"sub": "a81f", "name": "Odalys Quist"},
        {"sub": "a81f", "given_name": "Odalys", "family_name": "Quist"},
        {"sub": "a81f", "birthdate": "1961-04-03"},
        {"sub": "a81f", "phone_number": "+1 617 555 0199"},
        {"sub": "odalys.quist@example.org", "scope": "openid"},
        {"sub": "a81f", "ext": {"patient_ssn": "287-65-4321"}},
    ],
)
def test_jwt_with_person_claims_is_masked_whole(claims: dict[str, object]) -> None:
    token = _jwt(claims)
    out = REDACTOR.redact_text(f"Authorization: Bearer {token}")
    assert token.split(".")[1] not in out and out.startswith("Authorization: Bearer [REDACTED")


@pytest.mark.parametrize(
    "claims",
    [
        {"sub": "svc-billing", "scope": "claims.read", "iat": 1733498112, "exp": 1733501712},
        {"iss": "https://auth.example.com/", "aud": "claims-api", "client_id": "batch-7", "azp": "batch-7"},
        {"sub": "a81f", "name": ""},
    ],
)
def test_jwt_without_person_claims_stays(claims: dict[str, object]) -> None:
    text = f"Authorization: Bearer {_jwt(claims)}"
    assert REDACTOR.redact_text(text) == text


def test_basic_credentials_of_a_person_are_masked_and_of_a_service_kept() -> None:
    person = _basic("odalys.quist@example.org:correct-horse")
    assert person not in REDACTOR.redact_text(f"Authorization: Basic {person}")
    service = f"Authorization: Basic {_basic('svc-reporting:s3cr3t-v4lue')}"
    assert REDACTOR.redact_text(service) == service


@pytest.mark.parametrize(
    "payload",
    [
        json.dumps({"ssn": "287-65-4321", "plan": "gold"}),
        json.dumps({"member": {"email": "o.quist@example.net"}}),
        "to=o.quist@example.net&plan=gold",
    ],
)
def test_base64_blobs_holding_phi_are_masked(payload: str) -> None:
    blob = base64.b64encode(payload.encode()).decode()
    assert blob not in REDACTOR.redact_text(f"queued body={blob} for retry")


@pytest.mark.parametrize(
    "text",
    [
        f"queued body={base64.b64encode(json.dumps({'service': 'claims-api', 'retries': 3}).encode()).decode()} ok",
        "sha256=n4bQgYhMfWWaL+qgxVrQFaO/TxsrC4Is0V1sFbDwCgg= verified",
        "GET /static/js/main.8f3a2b1cDeadBeef.js 200; csrf=Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5",
        "class com.acme.claims.ClaimsServiceImplementation2 loaded; Basic auth disabled",
        "nonce eyJub25jZSI6IjEyMyJ9 and broken eyJ!!!.eyJ???.x",
    ],
)
def test_tokens_without_phi_and_look_alikes_stay(text: str) -> None:
    assert REDACTOR.redact_text(text) == text


@pytest.mark.parametrize("token", ["", "====", "%%%%", "gA==", "A" * 20000, "wyg=", "eyJ"])
def test_decoding_is_bounded_and_never_raises(token: str) -> None:
    assert decoded_token(token) is None or isinstance(decoded_token(token), str)


@pytest.mark.parametrize("prefix", ["", "0x"])
def test_an_address_dumped_as_hexadecimal_is_masked(prefix: str) -> None:
    dumped = prefix + b"odalys.quist@example.org".hex()
    assert dumped not in REDACTOR.redact_text(f"recipient bytes {dumped} rejected")


@pytest.mark.parametrize(
    "text",
    [
        "sha1 2e4f40a1b2c3d4e5f60718293a4b5c6d7e8f9012 ok; color 402e40",
        "trace 40a2e1f0c0ffee4012345678 and node " + b"svc@build.local".hex(),
    ],
)
def test_hexadecimal_ids_and_site_local_names_stay(text: str) -> None:
    assert REDACTOR.redact_text(text) == text
