"""Triage: findings grouped by whom they are about, each group ranked by a risk score that combines its rules.

A person with a critical finding comes first; a person flagged by several different rules comes
before a person flagged by one; the same rule firing again adds little (repeated ordinary
findings collapse into one row with a count). Groups are about a user, else a source (password
attacks from outside), else a patient (many staff around one record), else the stream itself
(a broken integrity chain).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ._model import Finding, Severity

__all__ = ["WEIGHTS", "Group", "triage"]

WEIGHTS = {Severity.CRITICAL: 100.0, Severity.HIGH: 40.0, Severity.MEDIUM: 12.0, Severity.LOW: 4.0, Severity.INFO: 1.0}
"""Risk points of one rule's finding by severity. A group scores its strongest rule in full, each other
rule at half, and one point per repeated finding (at most ten)."""
_REPEAT_POINTS = 1.0
_MAX_REPEATS = 10


@dataclass
class Group:
    """Every finding about one subject, and how urgent they are together."""

    kind: str
    """``"user"``, ``"source"``, ``"patient"`` or ``"stream"``."""
    subject: str
    findings: list[Finding] = field(default_factory=list)
    indices: list[int] = field(default_factory=list)
    """Positions of the findings in the report's full list."""
    score: float = 0.0

    @property
    def severity(self) -> Severity:
        """The most urgent severity among the group's findings."""
        return max(f.severity for f in self.findings)

    @property
    def lead(self) -> Finding:
        """The finding that weighs most (the first to read)."""
        return max(self.findings, key=lambda f: (WEIGHTS[f.severity], -f.start))

    @property
    def rules(self) -> dict[str, int]:
        """Findings per rule, strongest rule first."""
        counts: dict[str, int] = {}
        for finding in sorted(self.findings, key=lambda f: -WEIGHTS[f.severity]):
            counts[finding.rule] = counts.get(finding.rule, 0) + 1
        return counts

    @property
    def start(self) -> float:
        """When the earliest finding starts."""
        return min(f.start for f in self.findings)

    @property
    def end(self) -> float:
        """When the latest finding ends."""
        return max(f.end for f in self.findings)

    @property
    def evidence_total(self) -> int:
        """Evidence records over every finding of the group."""
        return sum(f.evidence_total for f in self.findings)

    def seqs(self) -> list[int]:
        """Sequence numbers of the evidence of every finding, in order."""
        return sorted({s for f in self.findings for s in f.seqs})

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready mapping; ``findings`` are positions in the report's ``findings`` list."""
        from ._timeparse import format_ts

        return {
            "kind": self.kind,
            "subject": self.subject,
            "score": self.score,
            "severity": self.severity.label,
            "rules": self.rules,
            "summary": self.lead.summary,
            "start": format_ts(self.start),
            "end": format_ts(self.end),
            "evidence_total": self.evidence_total,
            "findings": list(self.indices),
        }


def _subject(finding: Finding) -> tuple[str, str]:
    if finding.actor is not None:
        return "user", finding.actor
    if finding.source is not None:
        return "source", finding.source
    if finding.patient is not None:
        return "patient", finding.patient
    return "stream", finding.rule


def score(findings: Iterable[Finding]) -> float:
    """The risk score of findings about one subject."""
    best: dict[str, float] = {}
    count = 0
    for finding in findings:
        count += 1
        best[finding.rule] = max(best.get(finding.rule, 0.0), WEIGHTS[finding.severity])
    ranked = sorted(best.values(), reverse=True)
    if not ranked:
        return 0.0
    repeats = min(count - len(ranked), _MAX_REPEATS)
    return round(ranked[0] + 0.5 * sum(ranked[1:]) + _REPEAT_POINTS * repeats, 1)


def triage(findings: list[Finding]) -> list[Group]:
    """Groups of ``findings`` by subject, highest risk first (then most urgent, then earliest)."""
    groups: dict[tuple[str, str], Group] = {}
    for index, finding in enumerate(findings):
        key = _subject(finding)
        group = groups.get(key)
        if group is None:
            group = groups[key] = Group(*key)
        group.findings.append(finding)
        group.indices.append(index)
    for group in groups.values():
        group.score = score(group.findings)
    return sorted(groups.values(), key=lambda g: (-g.score, -int(g.severity), g.start, g.subject))
