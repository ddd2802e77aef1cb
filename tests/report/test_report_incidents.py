"""The report over synthetic clinics: every planted incident found with its evidence; nothing on a clean baseline."""

from __future__ import annotations

import re

import orjson
import pytest

from hipaalog.report import Finding, render_html

from .conftest import Dataset

PLANTED_KINDS = (
    "password-guessing",
    "password-spraying",
    "account-takeover",
    "off-hours-login",
    "new-source-login",
    "snooping",
    "bulk-export",
    "repeated-opens",
    "break-glass",
    "access-denied",
)


def _about(finding: Finding, incident_subject: dict[str, str | None]) -> bool:
    return all(value is None or getattr(finding, name) == value for name, value in incident_subject.items())


def test_every_kind_of_incident_is_planted(planted: Dataset) -> None:
    """The synthetic clinic plants one incident of each kind, each with evidence records."""
    assert sorted(i.kind for i in planted.written.incidents) == sorted(PLANTED_KINDS)
    assert all(i.seqs for i in planted.written.incidents)


@pytest.mark.parametrize("kind", PLANTED_KINDS)
def test_planted_incident_is_found_with_its_evidence(planted: Dataset, kind: str) -> None:
    """A finding of the expected rule, about the incident's subject, cites every evidence record's seq."""
    incident = next(i for i in planted.written.incidents if i.kind == kind)
    subject = {"actor": incident.actor, "source": incident.source, "patient": incident.patient}
    if incident.rule == "many-users-from-source":
        subject = {"source": incident.source}
    matches = [f for f in planted.report.findings if f.rule == incident.rule and _about(f, subject)]
    assert matches, f"no {incident.rule} finding about {subject}"
    assert any(set(incident.seqs) <= set(f.seqs) for f in matches), (incident.seqs, [f.seqs[:20] for f in matches])


def test_every_finding_is_explained_by_a_planted_incident(planted: Dataset) -> None:
    """No finding on the planted stream points only at normal activity (no false positive beside the incidents)."""
    planted_seqs = {s for i in planted.written.incidents for s in i.seqs}
    unexplained = [f for f in planted.report.findings if not planted_seqs & set(f.seqs)]
    assert unexplained == []


def test_clean_baseline_of_the_same_size_raises_nothing(clean: Dataset, planted: Dataset) -> None:
    """The same clinic without incidents gives no finding at all, and its chain verifies."""
    assert clean.report.integrity.status == "verified"
    assert clean.report.records == clean.written.records
    assert abs(clean.report.records - planted.report.records) < 0.01 * planted.report.records
    assert clean.report.findings == [], [f.summary for f in clean.report.findings]
    peaks = clean.report.peaks
    assert all(p["peak"] < p["threshold"] for p in peaks.values()), peaks


def test_severities_rank_takeover_first(planted: Dataset) -> None:
    """Findings come most urgent first; a log-in after a burst of failures is critical."""
    severities = [int(f.severity) for f in planted.report.findings]
    assert severities == sorted(severities, reverse=True)
    assert planted.report.findings[0].rule == "success-after-failures"
    assert planted.report.findings[0].severity.label == "critical"


def test_patients_appear_only_as_pseudonyms(planted: Dataset) -> None:
    """Neither the JSON nor the HTML report holds a raw medical record number; patients are PATIENT: tokens."""
    text = orjson.dumps(planted.report.to_json()).decode() + render_html(planted.report)
    assert "MRN-" not in text
    patients = [f.patient for f in planted.report.findings if f.patient]
    assert patients
    assert all(re.fullmatch(r"PATIENT:k1:[a-z2-7]{16}", p) for p in patients)


def test_each_finding_explains_itself_in_one_line(planted: Dataset) -> None:
    """Every finding has a severity, a one-line summary naming its subject, and its time span."""
    for finding in planted.report.findings:
        assert "\n" not in finding.summary
        subject = finding.actor or finding.source or ""
        assert subject in finding.summary
        assert finding.start <= finding.end
        assert finding.evidence_total >= len(finding.seqs) > 0
