"""The tamper matrix: each kind of tampering is detected and located; an untouched stream verifies."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import orjson
import pytest

from hipaalog.integrity import Problem, VerifyResult, load_signing_key, verify_files
from hipaalog.integrity._checkpoint import make_checkpoint

from .conftest import AUDIT_KEY, KEYS, StreamFactory, write_sample

N = 20


@pytest.fixture
def stream_file(make_stream: StreamFactory, tmp_path: Path) -> Path:
    """A closed stream of N records with its checkpoints file beside it."""
    stream = make_stream(checkpoint_every=5)
    write_sample(stream, N)
    stream.close()
    return tmp_path / "audit.jsonl"


def lines_of(path: Path) -> list[bytes]:
    return path.read_bytes().splitlines(keepends=True)


def rewrite(path: Path, lines: list[bytes]) -> None:
    path.write_bytes(b"".join(lines))


def only(result: VerifyResult) -> Problem:
    assert not result.ok
    assert len(result.problems) == 1, [str(p) for p in result.problems]
    return result.problems[0]


def test_untouched_stream_verifies(stream_file: Path) -> None:
    """A stream as written verifies: every record, no problem, no warning."""
    result = verify_files([stream_file], keys=KEYS)
    assert result.ok and result.records == N and not result.warnings
    assert result.checkpoints >= 4
    assert (result.streams[0].first_seq, result.streams[0].last_seq) == (1, N)


def test_modified_record_is_located(stream_file: Path) -> None:
    """Changing one value in record 5 is reported as modified at line 5, seq 5, and nothing else."""
    lines = lines_of(stream_file)
    assert b'"outcome":"success"' in lines[4]
    lines[4] = lines[4].replace(b'"outcome":"success"', b'"outcome":"failure"')
    rewrite(stream_file, lines)
    problem = only(verify_files([stream_file], keys=KEYS))
    assert (problem.kind, problem.file, problem.line, problem.seq) == ("modified", str(stream_file), 5, 5)
    assert "confirmed by record seq 6" in problem.detail


def test_modified_last_record_is_caught_by_the_checkpoint(stream_file: Path) -> None:
    """The last record has no successor: the checkpoint confirms its chain value, so the change shows."""
    lines = lines_of(stream_file)
    lines[-1] = lines[-1].replace(b'"actor":"user', b'"actor":"admin')
    rewrite(stream_file, lines)
    problem = only(verify_files([stream_file], keys=KEYS))
    assert (problem.kind, problem.line, problem.seq) == ("modified", N, N)
    assert "checkpoint" in problem.detail


def test_altered_chain_value_is_reported_once(stream_file: Path) -> None:
    """A record whose chain field was rewritten is reported; its successor, intact, is not."""
    lines = lines_of(stream_file)
    record = orjson.loads(lines[6])
    lines[6] = lines[6].replace(record["chain"].encode(), b"0" * 64)
    rewrite(stream_file, lines)
    problem = only(verify_files([stream_file], keys=KEYS))
    assert (problem.kind, problem.line, problem.seq) == ("modified", 7, 7)


@pytest.mark.parametrize(("start", "count"), [(9, 1), (9, 3), (0, 1)])
def test_deleted_records_are_located(stream_file: Path, start: int, count: int) -> None:
    """Removing records leaves a gap reported as deleted, naming the missing seq and where they were."""
    lines = lines_of(stream_file)
    del lines[start : start + count]
    rewrite(stream_file, lines)
    problem = only(verify_files([stream_file], keys=KEYS))
    assert (problem.kind, problem.line, problem.seq) == ("deleted", start + 1, start + 1)
    assert f"{count} record(s) missing" in problem.detail


def test_forged_record_with_an_existing_seq_is_inserted(stream_file: Path) -> None:
    """A made-up record claiming seq 8 next to the genuine one is reported as inserted where it stands."""
    lines = lines_of(stream_file)
    forged = lines[7].replace(b'"actor":"user', b'"actor":"ghost')
    lines.insert(8, forged)
    rewrite(stream_file, lines)
    problem = only(verify_files([stream_file], keys=KEYS))
    assert (problem.kind, problem.line, problem.seq) == ("inserted", 9, 8)


def test_unsealed_line_is_inserted(stream_file: Path) -> None:
    """A JSON line without integrity fields is reported as inserted at its line."""
    lines = lines_of(stream_file)
    lines.insert(3, b'{"message":"nothing to see","audit":{"event":"login"}}\n')
    rewrite(stream_file, lines)
    problem = only(verify_files([stream_file], keys=KEYS))
    assert (problem.kind, problem.line, problem.seq) == ("inserted", 4, None)


def test_replayed_copy_is_inserted(stream_file: Path) -> None:
    """An exact copy of a genuine record placed later in the stream is reported as inserted."""
    lines = lines_of(stream_file)
    lines.insert(15, lines[2])
    rewrite(stream_file, lines)
    problem = only(verify_files([stream_file], keys=KEYS))
    assert (problem.kind, problem.line, problem.seq) == ("inserted", 16, 3)
    assert "copy" in problem.detail


def test_swapped_records_are_reordered(stream_file: Path) -> None:
    """Swapping records 5 and 6 is reported as one reordered record at one of those lines."""
    lines = lines_of(stream_file)
    lines[4], lines[5] = lines[5], lines[4]
    rewrite(stream_file, lines)
    problem = only(verify_files([stream_file], keys=KEYS))
    assert problem.kind == "reordered"
    assert problem.line in (5, 6) and problem.seq in (5, 6)


def test_record_moved_far_is_reordered(stream_file: Path) -> None:
    """Moving record 2 to the end is reported as that one record out of place."""
    lines = lines_of(stream_file)
    lines.append(lines.pop(1))
    rewrite(stream_file, lines)
    problem = only(verify_files([stream_file], keys=KEYS))
    assert (problem.kind, problem.line, problem.seq) == ("reordered", N, 2)


def test_truncated_stream_is_detected_by_the_checkpoint(stream_file: Path) -> None:
    """Cutting the last three records off is reported as truncated, naming the first missing seq."""
    rewrite(stream_file, lines_of(stream_file)[:-3])
    problem = only(verify_files([stream_file], keys=KEYS))
    assert (problem.kind, problem.seq, problem.line) == ("truncated", N - 2, N - 2)
    assert f"counts {N} records" in problem.detail


def test_torn_last_line_is_truncated(stream_file: Path) -> None:
    """A record cut in the middle of its line is reported as truncated."""
    data = stream_file.read_bytes()
    stream_file.write_bytes(data[:-40])
    result = verify_files([stream_file], keys=KEYS)
    assert not result.ok
    assert {p.kind for p in result.problems} == {"truncated"}
    assert any(p.line == N and "incomplete" in p.detail for p in result.problems)


def test_tampered_checkpoint_is_modified(stream_file: Path) -> None:
    """A checkpoint edited to hide a truncation fails its MAC and is reported in the checkpoints file."""
    checkpoints = Path(str(stream_file) + ".checkpoints")
    lines = lines_of(checkpoints)
    lines[-1] = lines[-1].replace(f'"count":{N}'.encode(), f'"count":{N - 3}'.encode())
    rewrite(checkpoints, lines)
    problem = only(verify_files([stream_file], keys=KEYS))
    assert (problem.kind, problem.file, problem.line) == ("modified", str(checkpoints), len(lines))


def test_without_checkpoints_truncation_cannot_be_seen_and_says_so(stream_file: Path) -> None:
    """With the checkpoints file gone, a cut stream verifies but a warning says truncation is undetectable."""
    Path(str(stream_file) + ".checkpoints").unlink()
    rewrite(stream_file, lines_of(stream_file)[:-3])
    result = verify_files([stream_file], keys=KEYS)
    assert result.ok
    assert any("no checkpoints" in w for w in result.warnings)


def test_wrong_key_makes_records_unverifiable_not_ok(stream_file: Path) -> None:
    """Records sealed with a key that was not given are unverifiable (one problem per run), never ok."""
    result = verify_files([stream_file], keys={"other": AUDIT_KEY})
    assert not result.ok
    kinds = [p.kind for p in result.problems]
    assert kinds.count("unverifiable") >= 2  # the records (one run) and each checkpoint's MAC key
    assert any(p.seq == 1 and f"{N} record(s)" in p.detail for p in result.problems)


def test_wrong_key_value_fails_every_record(stream_file: Path) -> None:
    """A key with the right id but the wrong value verifies nothing."""
    result = verify_files([stream_file], keys={"k1": "hex:" + "00" * 32})
    assert not result.ok and all(p.kind in ("modified", "unverifiable") for p in result.problems)


def test_signed_checkpoints_need_a_valid_signature(make_stream: StreamFactory, tmp_path: Path) -> None:
    """With a public key given, a checkpoint forged with the HMAC key but no signature is rejected."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    signing = Ed25519PrivateKey.generate()
    stream = make_stream(signing_key=signing, checkpoint_every=5)
    write_sample(stream, 10)
    stream.close()
    path = tmp_path / "audit.jsonl"
    public = signing.public_key()
    assert verify_files([path], keys=KEYS, public_keys=[public]).ok
    unsigned_view = verify_files([path], keys=KEYS)
    assert unsigned_view.ok and any("not checked" in w for w in unsigned_view.warnings)
    record = orjson.loads(lines_of(path)[6])
    forged = make_checkpoint(
        count=7,
        head=bytes.fromhex(record["chain"]),
        time="2030-01-01T00:00:00.000000Z",
        key_id="k1",
        key=bytes.fromhex(AUDIT_KEY[4:]),
        segment="audit.jsonl",
    )
    with open(str(path) + ".checkpoints", "ab") as fh:
        fh.write(forged + b"\n")
    assert verify_files([path], keys=KEYS).ok  # the MAC alone cannot tell an insider's forgery
    problem = only(verify_files([path], keys=KEYS, public_keys=[public]))
    assert problem.kind == "modified" and "not signed" in problem.detail
    other = load_signing_key(Ed25519PrivateKey.generate())
    stranger = verify_files([path], keys=KEYS, public_keys=[other.public_key()])
    assert not stranger.ok
    assert [p.kind for p in stranger.problems] == ["unverifiable", "unverifiable", "modified"]
    assert "signed by unknown key" in stranger.problems[0].detail


def run_verify(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    import os

    environ = {k: v for k, v in os.environ.items() if not k.startswith("HIPAALOG_AUDIT")}
    environ.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "hipaalog", "verify", *args],
        check=False,
        capture_output=True,
        text=True,
        timeout=60,
        env=environ,
    )


def test_cli_exit_codes_and_locations(stream_file: Path) -> None:
    """hipaalog verify exits 0 on a sound stream, 1 naming file:line and kind on a tampered one."""
    good = run_verify(str(stream_file), "--key", f"k1={AUDIT_KEY}")
    assert good.returncode == 0, good.stdout + good.stderr
    assert f"OK: {N} record(s) verified" in good.stdout
    lines = lines_of(stream_file)
    del lines[11]
    rewrite(stream_file, lines)
    bad = run_verify(str(stream_file), "--key", f"k1={AUDIT_KEY}")
    assert bad.returncode == 1
    assert f"{stream_file}:12: seq 12 deleted" in bad.stdout
    assert "FAILED: 1 problem(s) (deleted)" in bad.stdout


def test_cli_json_and_keys_from_the_environment(stream_file: Path) -> None:
    """--json prints the result as JSON; keys may come from HIPAALOG_AUDIT_KEYS."""
    result = run_verify("--json", str(stream_file.parent), env={"HIPAALOG_AUDIT_KEYS": f"k1={AUDIT_KEY}"})
    assert result.returncode == 0, result.stderr
    document = orjson.loads(result.stdout)
    assert document["ok"] is True and document["records"] == N
    assert document["streams"][0]["checkpoints"] >= 4


def test_cli_without_keys_or_files_is_a_usage_error(stream_file: Path) -> None:
    """No keys, or a missing file, exits 2 with a message saying what to give."""
    no_keys = run_verify(str(stream_file))
    assert no_keys.returncode == 2 and "HIPAALOG_AUDIT_KEYS" in no_keys.stderr
    missing = run_verify(str(stream_file) + ".nope", "--key", f"k1={AUDIT_KEY}")
    assert missing.returncode == 2 and "no such file" in missing.stderr


def test_cli_checks_signatures_with_a_public_key(make_stream: StreamFactory, tmp_path: Path) -> None:
    """--public-key PEM makes the CLI require signed checkpoints: the stream's own pass, a forged one fails."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    signing = Ed25519PrivateKey.generate()
    pem = tmp_path / "audit-signing.pub.pem"
    pem.write_bytes(
        signing.public_key().public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    )
    stream = make_stream(signing_key=signing, checkpoint_every=4)
    write_sample(stream, 8)
    stream.close()
    path = tmp_path / "audit.jsonl"
    good = run_verify(str(path), "--key", f"k1={AUDIT_KEY}", "--public-key", str(pem))
    assert good.returncode == 0, good.stdout + good.stderr
    impostor = tmp_path / "impostor.pub.pem"
    impostor.write_bytes(
        Ed25519PrivateKey.generate()
        .public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    )
    bad = run_verify(str(path), "--key", f"k1={AUDIT_KEY}", "--public-key", str(impostor))
    assert bad.returncode == 1 and "signed by unknown key" in bad.stdout
