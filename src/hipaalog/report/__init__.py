"""Audit reports: review audit streams for password guessing, unusual log-ins and unusual access.

:func:`build_report` verifies the integrity chain of the streams, then runs every rule over the
records; :func:`triage` groups the findings by subject and ranks them by risk; :func:`render_html`
and :meth:`Report.to_json` present the result. The rules and their
thresholds are described in ``docs/reports.md``.
"""

from __future__ import annotations

from ._analyze import Analyzer
from ._build import analyze_records, build_report, verify_integrity
from ._config import ReportConfig
from ._duck import EngineSettings
from ._html import render_html
from ._model import Finding, IntegrityProblem, IntegrityVerdict, Report, Severity
from ._triage import Group, triage

__all__ = [
    "Analyzer",
    "EngineSettings",
    "Finding",
    "Group",
    "IntegrityProblem",
    "IntegrityVerdict",
    "Report",
    "ReportConfig",
    "Severity",
    "analyze_records",
    "build_report",
    "render_html",
    "triage",
    "verify_integrity",
]
