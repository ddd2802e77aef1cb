"""What a report says: severities, findings, the integrity verdict, and the report as a whole."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ._config import ReportConfig
    from ._triage import Group

__all__ = ["Finding", "IntegrityProblem", "IntegrityVerdict", "Report", "Severity"]


class Severity(enum.IntEnum):
    """How urgently a reviewer should look; ordered, so ``>=`` compares urgency."""

    INFO = 0
    LOW = 1
    MEDIUM = 2
    HIGH = 3
    CRITICAL = 4

    @property
    def label(self) -> str:
        """The lowercase name used in JSON, HTML and on the command line."""
        return self.name.lower()

    @classmethod
    def parse(cls, text: str | Severity) -> Severity:
        """``"high"`` -> ``Severity.HIGH``; a ValueError names the choices for anything else."""
        if isinstance(text, Severity):
            return text
        try:
            return cls[str(text).strip().upper()]
        except KeyError:
            choices = ", ".join(s.label for s in cls)
            raise ValueError(f"unknown severity {text!r}; choose one of {choices}") from None


@dataclass
class Finding:
    """One thing a reviewer should look at.

    ``seqs`` are the sequence numbers of the evidence records (the first ``max_evidence`` of
    them; ``evidence_total`` counts all). Patients appear only as their pseudonym tokens.
    """

    rule: str
    severity: Severity
    summary: str
    start: float
    end: float
    seqs: list[int] = field(default_factory=list)
    evidence_total: int = 0
    actor: str | None = None
    source: str | None = None
    patient: str | None = None
    details: dict[str, Any] = field(default_factory=dict)
    streams: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready mapping (timestamps as RFC 3339 strings)."""
        from ._timeparse import format_ts

        out: dict[str, Any] = {
            "rule": self.rule,
            "severity": self.severity.label,
            "summary": self.summary,
            "start": format_ts(self.start),
            "end": format_ts(self.end),
        }
        for name in ("actor", "source", "patient"):
            value = getattr(self, name)
            if value is not None:
                out[name] = value
        out["seqs"] = list(self.seqs)
        out["evidence_total"] = self.evidence_total
        if self.streams:
            out["streams"] = list(self.streams)
        if self.details:
            out["details"] = dict(self.details)
        return out


@dataclass(frozen=True)
class IntegrityProblem:
    """One place where the integrity chain does not hold (as reported by the verifier)."""

    kind: str
    file: str
    line: int | None
    seq: int | None
    detail: str

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready mapping."""
        return {"kind": self.kind, "file": self.file, "line": self.line, "seq": self.seq, "detail": self.detail}


@dataclass(frozen=True)
class IntegrityVerdict:
    """Whether the chain was checked and held.

    ``status`` is ``"verified"``, ``"broken"``, ``"unavailable"`` (no verifier installed) or
    ``"skipped"`` (the caller asked not to verify).
    """

    status: str
    records: int = 0
    problems: tuple[IntegrityProblem, ...] = ()
    note: str = ""

    @property
    def ok(self) -> bool:
        """True only when the chain was checked and holds."""
        return self.status == "verified"

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready mapping."""
        return {
            "status": self.status,
            "ok": self.ok,
            "records": self.records,
            "problems": [p.to_json() for p in self.problems],
            "note": self.note,
        }


@dataclass
class Report:
    """The outcome of reviewing one or more audit streams."""

    inputs: list[str]
    records: int
    findings: list[Finding]
    integrity: IntegrityVerdict
    start: float | None
    end: float | None
    streams: list[str]
    unreadable: int
    config: ReportConfig
    charts: dict[str, Any]
    peaks: dict[str, dict[str, float]]
    generated: float
    engine: str = "python"
    """The engine that ran the rules: ``"duckdb"`` or ``"python"`` (with why, when duckdb fell back)."""

    def counts(self) -> dict[str, int]:
        """Number of findings per severity label, every label present."""
        out = {s.label: 0 for s in sorted(Severity, reverse=True)}
        for finding in self.findings:
            out[finding.severity.label] += 1
        return out

    def groups(self) -> list[Group]:
        """The findings grouped by subject and ranked by risk (what to investigate first)."""
        from ._triage import triage

        return triage(self.findings)

    def highest(self) -> Severity | None:
        """The most urgent severity among the findings, or None when there are none."""
        return max((f.severity for f in self.findings), default=None)

    def reaches(self, threshold: Severity) -> bool:
        """Whether any finding is at least as urgent as ``threshold``."""
        top = self.highest()
        return top is not None and top >= threshold

    def to_json(self) -> dict[str, Any]:
        """The whole report as a JSON-ready mapping (the ``--json`` output)."""
        from ._timeparse import format_ts

        return {
            "report": "hipaalog-audit-report/1",
            "generated": format_ts(self.generated),
            "inputs": list(self.inputs),
            "streams": list(self.streams),
            "period": {
                "start": format_ts(self.start) if self.start is not None else None,
                "end": format_ts(self.end) if self.end is not None else None,
            },
            "records": self.records,
            "unreadable_lines": self.unreadable,
            "engine": self.engine,
            "integrity": self.integrity.to_json(),
            "counts": self.counts(),
            "triage": [g.to_json() for g in self.groups()],
            "findings": [f.to_json() for f in self.findings],
            "config": self.config.to_json(),
            "peaks": dict(self.peaks),
            "charts": dict(self.charts),
        }
