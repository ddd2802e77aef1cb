"""Inline SVG charts drawn by hand: no scripts, no external assets, values in tooltips.

Every chart is one ``<svg>`` with ``data-chart`` naming it and ``data-marks`` counting the marks
drawn (cells, bars), so a test can check in a browser that the chart is there and not empty.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from typing import Any

__all__ = ["failures_over_time", "heatmap", "top_accessors"]

_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_FONT = 'font-family="system-ui, sans-serif" font-size="11"'


def _num(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _svg(name: str, size: tuple[float, float], label: str, body: list[str], marks: int) -> str:
    width, height = size
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" data-chart="{name}" data-marks="{marks}" '
        f'viewBox="0 0 {_num(width)} {_num(height)}" width="{_num(width)}" height="{_num(height)}" '
        f'role="img" aria-label="{escape(label)}"><title>{escape(label)}</title>' + "".join(body) + "</svg>"
    )


def _nice_ceiling(value: float) -> float:
    """The smallest of 1, 2, 5, 10, 20, 50, ... that is at least ``value`` (an axis top)."""
    step = 1.0
    while True:
        for factor in (1, 2, 5):
            if step * factor >= value:
                return step * factor
        step *= 10


def _shade(value: int, top: int, hue: str) -> str:
    """A colour from near-white to full ``hue`` (``"blue"`` or ``"red"``) by ``value / top``."""
    if value <= 0 or top <= 0:
        return "#f3f4f6"
    t = 0.15 + 0.85 * (value / top) ** 0.6
    if hue == "red":
        r, g, b = 254 - 69 * t, 226 - 198 * t, 226 - 198 * t
    else:
        r, g, b = 219 - 189 * t, 234 - 170 * t, 254 - 79 * t
    return f"#{int(r):02x}{int(g):02x}{int(b):02x}"


def heatmap(
    name: str,
    grid: Sequence[Sequence[int]],
    *,
    label: str,
    hue: str,
    work_days: frozenset[int],
    work_minutes: tuple[int, int],
) -> str:
    """Counts by weekday (rows) and hour (columns); working hours outlined."""
    cell, left, top_margin = 22, 40, 22
    width, height = left + 24 * cell + 10, top_margin + 7 * cell + 26
    top = max((max(row) for row in grid), default=0)
    body = [f'<g {_FONT} fill="#374151">']
    for hour in range(0, 24, 3):
        body.append(
            f'<text x="{left + hour * cell + cell / 2}" y="{top_margin - 7}" text-anchor="middle">{hour:02d}</text>'
        )
    marks = 0
    for day, row in enumerate(grid):
        y = top_margin + day * cell
        body.append(f'<text x="{left - 6}" y="{y + cell / 2 + 4}" text-anchor="end">{_DAYS[day]}</text>')
        for hour, value in enumerate(row):
            x = left + hour * cell
            body.append(
                f'<rect x="{x}" y="{y}" width="{cell - 2}" height="{cell - 2}" rx="3" fill="{_shade(value, top, hue)}">'
                f"<title>{_DAYS[day]} {hour:02d}:00-{hour:02d}:59: {value}</title></rect>"
            )
            marks += 1
    start, end = work_minutes
    if start < end:
        for work_day in sorted(work_days):
            box_x = left + start / 60 * cell - 1
            w = (end - start) / 60 * cell
            y = top_margin + work_day * cell - 1
            body.append(
                f'<rect x="{_num(box_x)}" y="{y}" width="{_num(w)}" height="{cell}" fill="none" '
                f'stroke="#111827" stroke-width="1" stroke-dasharray="3 2"/>'
            )
    body.append(
        f'<text x="{left}" y="{height - 6}">darker = more (busiest cell {top}); dashed = working hours</text></g>'
    )
    return _svg(name, (width, height), label, body, marks)


def failures_over_time(name: str, series: Sequence[dict[str, Any]], *, label: str) -> str:
    """Failed log-ins and denied access per day, stacked bars."""
    left, right, top_margin, bottom = 44, 12, 14, 42
    n = max(1, len(series))
    bar = max(3.0, min(24.0, 720 / n))
    width = left + n * bar + right
    plot_h = 170
    height = top_margin + plot_h + bottom
    top = max((d["failed_logins"] + d["denied"] for d in series), default=0)
    scale_top = _nice_ceiling(top)
    body = [f'<g {_FONT} fill="#374151">']
    for frac in (0, 0.5, 1):
        y = top_margin + plot_h - frac * plot_h
        body.append(f'<line x1="{left}" x2="{_num(width - right)}" y1="{_num(y)}" y2="{_num(y)}" stroke="#e5e7eb"/>')
        body.append(f'<text x="{left - 6}" y="{_num(y + 4)}" text-anchor="end">{_num(frac * scale_top)}</text>')
    marks = 0
    step = max(1, round(n / 8))
    for i, day in enumerate(series):
        x = left + i * bar
        base = top_margin + plot_h
        for key, colour in (("failed_logins", "#dc2626"), ("denied", "#f59e0b")):
            value = day[key]
            if value:
                h = value / scale_top * plot_h
                base -= h
                body.append(
                    f'<rect x="{_num(x + 0.5)}" y="{_num(base)}" width="{_num(bar - 1)}" '
                    f'height="{_num(h)}" fill="{colour}">'
                    f"<title>{escape(day['day'])}: {value} {key.replace('_', ' ')}</title></rect>"
                )
                marks += 1
        if i % step == 0:
            body.append(
                f'<text x="{_num(x + bar / 2)}" y="{top_margin + plot_h + 14}" text-anchor="middle">'
                f"{escape(day['day'][5:])}</text>"
            )
    legend_y = height - 10
    body.append(f'<rect x="{left}" y="{legend_y - 9}" width="10" height="10" fill="#dc2626"/>')
    body.append(f'<text x="{left + 14}" y="{legend_y}">failed log-ins</text>')
    body.append(f'<rect x="{left + 110}" y="{legend_y - 9}" width="10" height="10" fill="#f59e0b"/>')
    body.append(f'<text x="{left + 124}" y="{legend_y}">access denied</text>')
    body.append(f'<line x1="{left}" x2="{left}" y1="{top_margin}" y2="{top_margin + plot_h}" stroke="#9ca3af"/></g>')
    return _svg(name, (max(width, 320), height), label, body, marks)


def top_accessors(name: str, points: Sequence[dict[str, Any]], *, label: str) -> str:
    """Each user's busiest week (distinct patients) as a bar, with the peer median and the limit marked."""
    left, right, row, top_margin = 170, 110, 20, 10
    plot_w = 460
    height = top_margin + max(1, len(points)) * row + 34
    width = left + plot_w + right
    top = max((max(p["value"], p["limit"]) for p in points), default=1) or 1
    body = [f'<g {_FONT} fill="#374151">']
    marks = 0
    for i, p in enumerate(points):
        y = top_margin + i * row
        w = p["value"] / top * plot_w
        over = p["value"] >= p["limit"]
        colour = "#dc2626" if over else "#2563eb"
        over_attr = ' data-over="true"' if over else ""
        who = escape(str(p["actor"]))
        body.append(f'<text x="{left - 8}" y="{y + 13}" text-anchor="end">{who}</text>')
        body.append(
            f'<rect x="{left}" y="{y + 3}" width="{_num(max(w, 1))}" height="{row - 7}" rx="2" '
            f'fill="{colour}"{over_attr}>'
            f"<title>{who}: {p['value']} distinct patients in the week of {escape(str(p['week']))}; "
            f"peers ({escape(str(p['group']) or 'no group')}) median {_num(p['median'])}, limit {_num(p['limit'])}, "
            f"robust z {p['z']}</title></rect>"
        )
        marks += 1
        mx = left + p["median"] / top * plot_w
        lx = left + p["limit"] / top * plot_w
        body.append(
            f'<line x1="{_num(mx)}" x2="{_num(mx)}" y1="{y + 1}" y2="{y + row - 2}" stroke="#111827" stroke-width="2"/>'
        )
        body.append(
            f'<line x1="{_num(lx)}" x2="{_num(lx)}" y1="{y + 1}" y2="{y + row - 2}" '
            'stroke="#111827" stroke-dasharray="2 2"/>'
        )
        body.append(f'<text x="{_num(left + plot_w + 6)}" y="{y + 13}">{p["value"]} (z {p["z"]})</text>')
    legend_y = height - 10
    body.append(
        f'<line x1="{left}" x2="{left}" y1="{legend_y - 10}" y2="{legend_y + 1}" stroke="#111827" stroke-width="2"/>'
    )
    body.append(f'<text x="{left + 6}" y="{legend_y}">peer median</text>')
    body.append(
        f'<line x1="{left + 100}" x2="{left + 100}" y1="{legend_y - 10}" y2="{legend_y + 1}" '
        'stroke="#111827" stroke-dasharray="2 2"/>'
    )
    body.append(f'<text x="{left + 106}" y="{legend_y}">limit</text>')
    body.append(f'<rect x="{left + 150}" y="{legend_y - 9}" width="10" height="10" fill="#dc2626"/>')
    body.append(f'<text x="{left + 164}" y="{legend_y}">at or over the limit</text></g>')
    return _svg(name, (width, height), label, body, marks)
