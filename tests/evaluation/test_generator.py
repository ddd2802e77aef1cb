"""The evaluation set's generator: deterministic, labelled truthfully, independent of the detectors."""

from __future__ import annotations

import collections
import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pytest
from evaluation.generate import SPLITS, encode, generate, made_with, write_split
from evaluation.match import leaked
from evaluation.record import KINDS, build, raw_text
from evaluation.score import load_split

ROOT = Path(__file__).resolve().parents[2]


def test_same_seed_same_records_and_bytes() -> None:
    first, second = list(generate(7, 80)), list(generate(7, 80))
    assert first == second
    assert encode(first) == encode(second)
    assert list(generate(8, 80)) != first


def test_every_planted_value_occurs_in_its_raw_record() -> None:
    records = list(generate(11, 400))
    missing = [(r["id"], p) for r in records for p in r["phi"] if not leaked(p["value"], raw_text(r))]
    assert missing == []
    assert all(p["kind"] in KINDS for r in records for p in r["phi"])


def test_the_committed_dev_split_is_labelled_truthfully_and_covers_every_format_and_kind() -> None:
    records = load_split("dev")
    assert len(records) == SPLITS["dev"][1]
    missing = [(r["id"], p) for r in records for p in r["phi"] if not leaked(p["value"], raw_text(r))]
    assert missing == []
    formats = collections.Counter(r["format"] for r in records)
    assert set(formats) == {
        "fhir",
        "hl7v2",
        "x12",
        "sql",
        "csv",
        "repr",
        "exception",
        "traceback",
        "email",
        "access",
        "app",
    }
    kinds = {p["kind"] for r in records for p in r["phi"]}
    assert kinds == set(KINDS)
    benign = [r for r in records if r["benign"]]
    assert 0.15 < len(benign) / len(records) < 0.3
    assert all(not r["phi"] for r in benign)
    assert {r["format"] for r in benign} == set(formats)


def test_records_rebuild_into_the_python_objects_they_stand_for() -> None:
    records = load_split("dev")
    shapes = {r["shape"] for r in records if r["format"] in ("repr", "hl7v2")}
    assert {"namedtuple", "dataclass", "multidict", "tuple", "mllp"} <= shapes
    mllp = next(r for r in records if r["shape"] == "mllp")
    frame = build(mllp["args"])[0]
    assert isinstance(frame, bytes) and frame.startswith(b"\x0bMSH|") and frame.endswith(b"\x1c\r")
    row = build(next(r for r in records if r["shape"] == "namedtuple" and not r["benign"])["args"])[0]
    assert type(row).__name__ == "PatientRow" and row._fields[0] == "mrn"


def test_write_split_records_its_hash_and_the_library_versions_in_the_manifest(tmp_path: Path) -> None:
    path = write_split("dev", tmp_path, count=40)
    manifest = json.loads((tmp_path / "MANIFEST.json").read_text())
    entry = manifest[path.name]
    assert entry["records"] == 40 and entry["seed"] == SPLITS["dev"][0]
    assert entry["made_with"] == made_with()
    assert entry["sha256"] == hashlib.sha256(path.read_bytes()).hexdigest()
    assert load_split("dev", tmp_path) == list(generate(SPLITS["dev"][0], 40, prefix="dev"))


def test_the_seed_remakes_the_committed_dev_split() -> None:
    committed = json.loads((ROOT / "evaluation" / "data" / "MANIFEST.json").read_text())["dev.jsonl.gz"]
    if committed["made_with"] != made_with():
        pytest.skip(f"the committed dev split was made with {committed['made_with']}; other versions give other values")
    assert list(generate(committed["seed"], 300, prefix="dev")) == load_split("dev")[:300]


def test_the_generator_never_loads_hipaalog_or_faker() -> None:
    code = (
        "import sys; from evaluation.generate import generate; list(generate(3, 200)); "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('hipaalog', 'faker', 'tests')))"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_the_frozen_split_cannot_be_overwritten_by_accident(tmp_path: Path) -> None:
    from evaluation.generate import main

    (tmp_path / "frozen.jsonl.gz").write_bytes(b"x")
    with pytest.raises(SystemExit):
        main(["--split", "frozen", "--data-dir", str(tmp_path)])
    assert (tmp_path / "frozen.jsonl.gz").read_bytes() == b"x"
