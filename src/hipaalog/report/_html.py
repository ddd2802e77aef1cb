"""The report as one self-contained HTML page: inline CSS and SVG, no scripts, nothing fetched.

A Content-Security-Policy of ``default-src 'none'`` makes the browser refuse anything external,
so the page shows the same offline, attached to a ticket, or years later in an archive.
Every value from the logs is escaped.
"""

from __future__ import annotations

import datetime as dt
import re
from html import escape
from typing import Any
from zoneinfo import ZoneInfo

from ._charts import failures_over_time, heatmap, top_accessors
from ._model import Finding, Report, Severity
from ._triage import Group

__all__ = ["render_html"]

_COLOURS = {
    Severity.CRITICAL: "#7f1d1d",
    Severity.HIGH: "#dc2626",
    Severity.MEDIUM: "#d97706",
    Severity.LOW: "#2563eb",
    Severity.INFO: "#6b7280",
}
_SHOWN_SEQS = 16
_SHOWN_GROUPS = 12
"""Groups listed at the top of the page; the rest are one click away."""
_SEPARATORS = re.compile(r"([./@_:\-])")

_CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#111827;background:#f9fafb}
main{max-width:1100px;margin:0 auto;padding:24px}
h1{font-size:24px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 10px}
.meta{color:#4b5563;font-size:14px}
.banner{border-radius:8px;padding:12px 16px;margin:16px 0;font-weight:600}
.ok{background:#dcfce7;color:#14532d}.broken{background:#fee2e2;color:#7f1d1d;border:2px solid #b91c1c}
.unknown{background:#fef3c7;color:#78350f}
.counts{display:flex;gap:10px;flex-wrap:wrap}
.count{background:#fff;border:1px solid #e5e7eb;border-radius:8px;padding:8px 14px;min-width:80px}
.count b{display:block;font-size:22px}
.sev{display:inline-block;color:#fff;border-radius:4px;padding:1px 7px;font-size:12px;font-weight:600}
.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(560px,1fr));gap:16px}
figure{background:#fff;border:1px solid #e5e7eb;border-radius:8px;margin:0;padding:12px;overflow-x:auto}
figcaption{font-weight:600;margin-bottom:8px}
table{border-collapse:collapse;width:100%;background:#fff;font-size:13px}
th,td{border-bottom:1px solid #e5e7eb;padding:6px 8px;text-align:left;vertical-align:top}
th{background:#f3f4f6}
code{font-size:12px;word-break:break-all}
code.id{word-break:keep-all;overflow-wrap:normal}
.triage td.rank{font-weight:700;text-align:right}.triage td.score{font-variant-numeric:tabular-nums}
.also{color:#4b5563;font-size:12px}
details summary{cursor:pointer;color:#1d4ed8}
.muted{color:#6b7280}
"""


def _local(epoch: float | None, zone: ZoneInfo) -> str:
    if epoch is None:
        return "-"
    return dt.datetime.fromtimestamp(epoch, dt.timezone.utc).astimezone(zone).strftime("%Y-%m-%d %H:%M")


def _badge(severity: Severity) -> str:
    return f'<span class="sev" style="background:{_COLOURS[severity]}">{severity.label}</span>'


def _seqs(finding: Finding) -> str:
    shown = ", ".join(str(s) for s in finding.seqs[:_SHOWN_SEQS])
    more = finding.evidence_total - min(len(finding.seqs), _SHOWN_SEQS)
    if len(finding.seqs) <= _SHOWN_SEQS:
        tail = f" <span class='muted'>(+{more} without sequence numbers listed)</span>" if more > 0 else ""
        return f"<code>{shown}</code>{tail}"
    every = ", ".join(str(s) for s in finding.seqs)
    return (
        f"<code>{shown}</code> <details><summary>all {len(finding.seqs)} of {finding.evidence_total}</summary>"
        f"<code>{every}</code></details>"
    )


def _id(value: str) -> str:
    """An identifier that may wrap only after its separators (``.``, ``@``, ``-``, ...), never inside a word."""
    pieces = _SEPARATORS.split(value)  # words and, between them, the separators
    segments = ["".join(pieces[i : i + 2]) for i in range(0, len(pieces), 2)]
    return '<code class="id">' + "<wbr>".join(escape(s) for s in segments if s) + "</code>"


def _subject(finding: Finding) -> str:
    parts = []
    for label, value in (("user", finding.actor), ("source", finding.source), ("patient", finding.patient)):
        if value is not None:
            parts.append(f"{label} {_id(value)}")
    return "<br>".join(parts) or "-"


def _group_row(rank: int, group: Group, zone: ZoneInfo) -> str:
    lead = group.lead
    when = _local(group.start, zone)
    end = _local(group.end, zone)
    span = when if end == when else f"{when} &ndash;<br>{end}"
    rules = group.rules
    also = [f"{escape(rule)}{f' &times;{n}' if n > 1 else ''}" for rule, n in rules.items()]
    others = len(group.findings) - 1
    more = f'<div class="also">{others} more: {", ".join(also)}</div>' if others else ""
    subject = f"{group.kind} {_id(group.subject)}" if group.kind != "stream" else "the audit stream"
    return (
        f'<tr data-group="{rank}" data-kind="{group.kind}" data-subject="{escape(group.subject)}" '
        f'data-score="{group.score}"><td class="rank">{rank}</td><td class="score">{group.score:g}</td>'
        f"<td>{_badge(group.severity)}</td><td>{subject}</td>"
        f"<td><b>{escape(lead.rule)}</b>: {escape(lead.summary)}{more}</td><td>{span}</td>"
        f"<td>{group.evidence_total}</td></tr>"
    )


def _triage(report: Report, zone: ZoneInfo) -> str:
    groups = report.groups()
    if not groups:
        return '<p data-groups="0">Nothing to investigate: no rule reached its threshold.</p>'
    head = (
        '<table class="triage"><tr><th>#</th><th>risk</th><th>severity</th><th>who</th>'
        f"<th>what (strongest finding first)</th><th>when ({escape(zone.key)})</th><th>evidence</th></tr>"
    )
    rows = [_group_row(rank, group, zone) for rank, group in enumerate(groups, start=1)]
    shown = head + "".join(rows[:_SHOWN_GROUPS]) + "</table>"
    if len(rows) > _SHOWN_GROUPS:
        shown += (
            f"<details><summary>{len(rows) - _SHOWN_GROUPS} more group(s)</summary>"
            + head
            + "".join(rows[_SHOWN_GROUPS:])
            + "</table></details>"
        )
    return (
        f'<div data-groups="{len(groups)}">{shown}</div><p class="muted">Findings grouped by whom they are about '
        "and ranked by risk: the strongest rule counts in full, each other rule at half, repeats a point each. "
        "Every finding is listed below.</p>"
    )


def _integrity(report: Report) -> str:
    verdict = report.integrity
    if verdict.status == "verified":
        note = f'<br><span class="muted">{escape(verdict.note)}</span>' if verdict.note else ""
        return (
            f'<div class="banner ok" data-integrity="verified">Integrity chain verified: {verdict.records} sealed '
            f"records, no record modified, deleted, inserted, reordered or cut off.{note}</div>"
        )
    if verdict.status == "broken":
        rows = "".join(
            f"<tr><td>{escape(p.kind)}</td><td><code>{escape(p.file)}</code></td>"
            f"<td>{p.line if p.line is not None else '-'}</td>"
            f"<td>{p.seq if p.seq is not None else '-'}</td><td>{escape(p.detail)}</td></tr>"
            for p in verdict.problems[:200]
        )
        return (
            f'<div class="banner broken" data-integrity="broken">INTEGRITY CHAIN BROKEN: {len(verdict.problems)} '
            "problem(s). The records below may have been altered; findings are computed from what is there.</div>"
            f"<table><tr><th>kind</th><th>file</th><th>line</th><th>seq</th><th>detail</th></tr>{rows}</table>"
        )
    return (
        f'<div class="banner unknown" data-integrity="{escape(verdict.status)}">Integrity chain NOT verified '
        f"({escape(verdict.status)}): {escape(verdict.note)}</div>"
    )


def _findings(report: Report, zone: ZoneInfo) -> str:
    if not report.findings:
        return '<p data-findings="0">No findings: nothing in these records reached a rule\'s threshold.</p>'
    rows = []
    for finding in report.findings:
        when = _local(finding.start, zone)
        end = _local(finding.end, zone)
        span = when if end == when else f"{when} &ndash;<br>{end}"
        rows.append(
            f'<tr data-rule="{escape(finding.rule)}"><td>{_badge(finding.severity)}</td><td>{escape(finding.rule)}</td>'
            f"<td>{span}</td><td>{_subject(finding)}</td><td>{escape(finding.summary)}</td><td>{_seqs(finding)}</td></tr>"
        )
    return (
        f'<table data-findings="{len(report.findings)}"><tr><th>severity</th><th>rule</th>'
        f"<th>when ({escape(zone.key)})</th>"
        "<th>who</th><th>what</th><th>evidence (seq)</th></tr>" + "".join(rows) + "</table>"
    )


def _settings(settings: dict[str, Any], peaks: dict[str, Any]) -> str:
    rows = "".join(
        f"<tr><td>{escape(k)}</td><td><code>{escape(str(v))}</code></td></tr>" for k, v in sorted(settings.items())
    )
    peak_rows = "".join(
        f"<tr><td>{escape(rule)}</td><td>{v['peak']:g}</td><td>{v['threshold']:g}</td></tr>"
        for rule, v in sorted(peaks.items())
    )
    return (
        "<details><summary>Settings used and how close the data came to each threshold</summary>"
        f"<table><tr><th>rule</th><th>highest value seen</th><th>threshold</th></tr>{peak_rows}</table><br>"
        f"<table><tr><th>setting</th><th>value</th></tr>{rows}</table></details>"
    )


def render_html(report: Report) -> str:
    """The report as a complete HTML document."""
    config = report.config
    zone = ZoneInfo(config.timezone)
    charts = report.charts
    counts = report.counts()
    count_boxes = "".join(
        f'<div class="count" data-severity="{label}">'
        f'<b style="color:{_COLOURS[Severity.parse(label)]}">{n}</b>{label}</div>'
        for label, n in counts.items()
    )
    figures = []
    if charts:
        figures = [
            (
                "Successful log-ins by weekday and hour",
                heatmap(
                    "logins-heatmap",
                    charts["logins_by_weekday_hour"],
                    label="successful log-ins by weekday and hour",
                    hue="blue",
                    work_days=config.work_weekdays,
                    work_minutes=config.work_minutes,
                ),
            ),
            (
                "Failed log-ins by weekday and hour",
                heatmap(
                    "failures-heatmap",
                    charts["failed_logins_by_weekday_hour"],
                    label="failed log-ins by weekday and hour",
                    hue="red",
                    work_days=config.work_weekdays,
                    work_minutes=config.work_minutes,
                ),
            ),
            (
                "Failures over time (per day)",
                failures_over_time(
                    "failures-over-time", charts["by_day"], label="failed log-ins and denied access per day"
                ),
            ),
            (
                "Top accessors against their peers (distinct patients in their most unusual week)",
                top_accessors("top-accessors", charts["top_accessors"], label="top accessors against their peers"),
            ),
        ]
    figure_html = "".join(f"<figure><figcaption>{escape(title)}</figcaption>{svg}</figure>" for title, svg in figures)
    period = f"{_local(report.start, zone)} to {_local(report.end, zone)} ({escape(config.timezone)})"
    inputs = ", ".join(escape(i) for i in report.inputs[:10]) + (" ..." if len(report.inputs) > 10 else "")
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">"
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>Audit report {escape(period)}</title><style>{_CSS}</style></head><body><main>"
        "<h1>Audit review report</h1>"
        f'<div class="meta">{report.records} audit records, {period}; '
        f"streams: {escape(', '.join(report.streams) or '-')}; "
        f"inputs: {inputs}; {report.unreadable} unreadable line(s). Generated {_local(report.generated, zone)}.</div>"
        f"{_integrity(report)}"
        f"<h2>Investigate first</h2>{_triage(report, zone)}"
        f'<h2>All findings</h2><div class="counts">{count_boxes}</div><br>{_findings(report, zone)}'
        f'<h2>Activity</h2><div class="grid">{figure_html}</div>'
        '<h2>Method</h2><p class="muted">Patients appear only as pseudonym tokens. Peer comparisons use the '
        "median and the median absolute deviation (MAD) of each peer group's week; see docs/reports.md for every "
        "rule and threshold.</p>"
        f"{_settings(config.to_json(), report.peaks)}"
        "</main></body></html>\n"
    )
