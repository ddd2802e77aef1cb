"""The scorer: recall and damage are counted right, the manifest is enforced, the real pipeline runs."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from evaluation.match import leaked
from evaluation.record import raw_text
from evaluation.score import ManifestError, load_split, main, render_markdown, run_revision, score

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "evaluation" / "data"


@pytest.fixture(scope="module")
def records() -> list[dict]:
    return load_split("dev")[:600]


def _line(text: str) -> str:
    return json.dumps({"timestamp": "2026-01-01T00:00:00Z", "message": text, "eval_seq": 1})


def test_a_pass_through_redactor_scores_zero(records: list[dict]) -> None:
    lines = [_line(raw_text(r)) for r in records]
    result = score(records, lines, lines)
    assert result["recall"] == 0.0
    assert all(k["recall"] == 0.0 for k in result["kinds"].values())
    assert all(f["recall"] in (0.0, None) for f in result["formats"].values())
    assert result["benign_altered"] == 0.0
    assert result["planted_not_in_record"] == 0


def test_a_mask_everything_redactor_scores_full_recall_and_full_damage(records: list[dict]) -> None:
    baseline = [_line(raw_text(r)) for r in records]
    masked = [_line("[REDACTED]") for _ in records]
    result = score(records, masked, baseline, total_seconds=2.0)
    assert result["recall"] == 1.0
    assert result["name_recall"] == 1.0
    assert result["benign_altered"] == 1.0
    assert result["records_per_s"] == len(records) / 2.0


def test_benign_damage_counts_exactly_the_altered_benign_records(records: list[dict]) -> None:
    baseline = [_line(raw_text(r)) for r in records]
    benign = [i for i, r in enumerate(records) if r["benign"]]
    lines = list(baseline)
    lines[benign[0]] = _line(raw_text(records[benign[0]]) + " changed")
    lines[benign[1]] = _line("[REDACTED:ADDRESS] " + raw_text(records[benign[1]]))
    lines[benign[2]] = None  # lost
    result = score(records, lines, baseline)
    assert result["benign_altered"] == pytest.approx(3 / len(benign))
    assert result["lost_records"] == 1
    by_format = {name: f["benign_altered"] for name, f in result["formats"].items() if f["benign_altered"]}
    assert by_format  # damage is attributed to the formats of those records


def test_one_leak_is_counted_under_its_kind_and_format(records: list[dict]) -> None:
    target = next(r for r in records if any(p["kind"] == "SSN" for p in r["phi"]))
    ssn = next(p["value"] for p in target["phi"] if p["kind"] == "SSN")
    lines = [_line("[REDACTED]") if r is not target else _line(f"kept {ssn}") for r in records]
    result = score(records, lines, lines)
    assert result["kinds"]["SSN"]["leaked"] == 1
    assert result["leaks"] == [{"id": target["id"], "kind": "SSN", "value": ssn}]
    assert result["formats"][target["format"]]["recall"] < 1.0


def test_leaks_are_found_in_transformed_forms_and_only_as_whole_tokens() -> None:
    assert leaked("219-09-9999", "ssn 219099999 kept")
    assert leaked("Roe", '{"name": "ROE"}')
    assert leaked("Jane", "greeting\\nJane,")
    assert not leaked("Jane", "Janet")
    assert not leaked("92", "9206835332")
    assert not leaked("(415) 555-0134", "4155550134999")


def test_the_scorer_refuses_files_that_do_not_match_the_manifest(tmp_path: Path) -> None:
    shutil.copy(DATA / "MANIFEST.json", tmp_path)
    blob = bytearray((DATA / "dev.jsonl.gz").read_bytes())
    blob[-9] ^= 1
    (tmp_path / "dev.jsonl.gz").write_bytes(bytes(blob))
    with pytest.raises(ManifestError, match="does not match"):
        load_split("dev", tmp_path)


def test_the_committed_splits_match_their_manifest() -> None:
    manifest = json.loads((DATA / "MANIFEST.json").read_text())
    assert {"dev.jsonl.gz", "frozen.jsonl.gz"} <= set(manifest)
    for name in ("dev", "frozen"):
        assert len(load_split(name)) == manifest[f"{name}.jsonl.gz"]["records"]
    assert manifest["dev.jsonl.gz"]["seed"] != manifest["frozen.jsonl.gz"]["seed"]
    assert sum(p.stat().st_size for p in DATA.iterdir()) < 2_000_000


def test_the_real_pipeline_writes_one_line_per_record(records: list[dict]) -> None:
    sample = records[:40]
    out = run_revision(sample)
    assert all(line is not None for line in out["lines"]) and all(b is not None for b in out["baseline"])
    result = score(sample, out["lines"], out["baseline"], total_seconds=out["total_seconds"])
    assert result["records_per_s"] > 0
    assert result["recall"] > 0.2  # the default redaction catches something on any revision


def test_side_by_side_run_of_another_revision(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--split", "dev", "--limit", "30", "--ref", "HEAD", "--json", str(tmp_path / "r.json")]) == 0
    report = capsys.readouterr().out
    assert "| dev | working tree" in report and "| dev | HEAD |" in report
    results = json.loads((tmp_path / "r.json").read_text())["results"]["dev"]
    assert set(results) >= {"HEAD"} and len(results) == 2


def test_runs_as_a_script_too() -> None:
    out = subprocess.run(
        [sys.executable, "evaluation/score.py", "--split", "dev", "--limit", "20"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    assert "| kind | planted |" in out.stdout


def test_markdown_has_a_row_per_kind_and_format(records: list[dict]) -> None:
    lines = [_line("[REDACTED]") for _ in records]
    text = render_markdown({"dev": {"a": score(records, lines, lines)}})
    assert "| NAME |" in text and "| fhir |" in text and "100.0%" in text


def test_format_filter_scores_only_that_format(tmp_path: Path) -> None:
    out = tmp_path / "r.json"
    assert main(["--split", "dev", "--format", "x12", "--limit", "15", "--json", str(out)]) == 0
    (result,) = json.loads(out.read_text())["results"]["dev"].values()
    assert set(result["formats"]) == {"x12"} and result["records"] == 15
