"""Every field of an audit event is free of raw PHI: an actor id that is personal data (a patient signing in to a
portal with an e-mail address) is written as a keyed pseudonym, and a log-in source that is not an IP address is
redacted as text. Workforce ids and IP addresses stay as given."""

from __future__ import annotations

from pathlib import Path

import orjson

from hipaalog.integrity import verify_files

from .conftest import KEYS, StreamFactory

SSN = "219-09-9999"
EMAIL = "odalys.quist@example.org"
NAME = "Odalys Quist"


def _audits(path: Path) -> list[dict[str, object]]:
    return [orjson.loads(line)["audit"] for line in path.read_bytes().splitlines()]


def test_an_actor_holding_phi_is_written_as_its_pseudonym(make_stream: StreamFactory, tmp_path: Path) -> None:
    stream = make_stream()
    stream.access(EMAIL, "MRN-1", "read", "Observation", "success")
    stream.login(EMAIL, True, "10.9.8.7", "password")
    stream.login(f"ssn {SSN}", False, "10.9.8.7", "password")
    stream.alert("bulk-read", "many reads", actor=NAME)
    stream.change("dr.lee", "MRN-1", "Patient", ["birthDate"])
    data = (tmp_path / "audit.jsonl").read_bytes()
    assert EMAIL.encode() not in data and SSN.encode() not in data and b"Quist" not in data
    actors = [audit["actor"] for audit in _audits(tmp_path / "audit.jsonl")]
    assert actors[0] == actors[1] == stream.actor_token(EMAIL)  # one person, one token: the trail still groups
    assert str(actors[0]).startswith("USER:k1:") and str(actors[3]).startswith("USER:k1:")
    assert actors[4] == "dr.lee"  # a workforce id stays as given
    assert verify_files([tmp_path], keys=KEYS).ok


def test_a_source_that_is_not_an_address_is_redacted(make_stream: StreamFactory, tmp_path: Path) -> None:
    stream = make_stream()
    stream.login("dr.lee", True, f"kiosk of {NAME} ssn {SSN}", "password")
    stream.logout("dr.lee", "2001:db8::7", reason=f"mail {EMAIL}")
    stream.login("dr.lee", True, "10.9.8.7", "sso")
    sources = [audit["source"] for audit in _audits(tmp_path / "audit.jsonl")]
    data = (tmp_path / "audit.jsonl").read_bytes()
    assert SSN.encode() not in data and b"Quist" not in data and EMAIL.encode() not in data
    assert "[REDACTED:SSN]" in str(sources[0])
    assert sources[1:] == ["2001:db8::7", "10.9.8.7"]  # addresses as given (pseudonymize_source makes tokens)
