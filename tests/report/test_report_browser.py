"""The HTML report in a real headless Chromium: it loads with no console errors, fetches nothing, draws its charts.

The browser is driven over the DevTools protocol on loopback (see ``_cdp.py``); a screenshot of
the report is kept as ``test-artifacts/audit-report.png``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from hipaalog.report import IntegrityVerdict, Report, analyze_records, render_html

from .._peers import require_binary
from ._cdp import Browser, Page
from .conftest import Dataset, World
from .test_report_rules import BASE, Stream

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"

pytestmark = pytest.mark.peer("chromium")

CHARTS_JS = """
[...document.querySelectorAll('svg[data-chart]')].map(svg => {
  const box = svg.getBoundingClientRect();
  const marks = [...svg.querySelectorAll('rect')].filter(r => {
    const b = r.getBBox();
    return b.width > 0 && b.height > 0 && getComputedStyle(r).visibility !== 'hidden';
  });
  const filled = marks.filter(r => (r.getAttribute('fill') || 'none') !== 'none');
  return {name: svg.dataset.chart, declared: Number(svg.dataset.marks), width: box.width, height: box.height,
          drawn: filled.length, red: filled.filter(r => r.getAttribute('fill') === '#dc2626').length,
          over: svg.querySelectorAll('rect[data-over]').length};
})
"""


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Browser]:
    """One headless Chromium for the module, with a throwaway profile."""
    binary = require_binary("chromium", "chromium", "chromium-browser")
    chromium = Browser(binary, tmp_path_factory.mktemp("chromium") / "profile")
    yield chromium
    chromium.close()


def _open(browser: Browser, path: Path) -> Page:
    page = browser.page()
    page.open(path.as_uri())
    return page


def test_the_harness_sees_console_errors_and_blocked_fetches(browser: Browser, tmp_path: Path) -> None:
    """A page with a console error and a fetch its policy forbids shows both (so a clean result means something)."""
    page_file = tmp_path / "bad.html"
    page_file.write_text(
        '<!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        'script-src \'unsafe-inline\'"></head><body><img src="http://127.0.0.1:9/x.png">'
        "<script>console.error('planted error')</script></body></html>",
        encoding="utf-8",
    )
    with _open(browser, page_file) as page:
        errors = page.errors()
    assert any("planted error" in e for e in errors), errors
    assert any("Content Security Policy" in e for e in errors), errors


def test_report_loads_cleanly_draws_its_charts_and_is_screenshotted(
    browser: Browser, planted: Dataset, tmp_path: Path
) -> None:
    """The planted report shows no console error, loads no resource, and every chart has visible marks."""
    html = tmp_path / "audit-report.html"
    html.write_text(render_html(planted.report), encoding="utf-8")
    with _open(browser, html) as page:
        _check_report_page(page, planted)


def _check_report_page(page: Page, planted: Dataset) -> None:
    assert page.errors() == []
    assert page.evaluate("performance.getEntriesByType('resource').length") == 0
    assert page.evaluate("document.querySelectorAll('script, img, link, iframe, object').length") == 0
    charts = {c["name"]: c for c in page.evaluate(CHARTS_JS)}
    assert set(charts) == {"logins-heatmap", "failures-heatmap", "failures-over-time", "top-accessors"}
    for chart in charts.values():
        assert chart["width"] > 200 and chart["height"] > 100, chart
        assert chart["drawn"] >= chart["declared"] > 0, chart
    assert charts["logins-heatmap"]["declared"] == 7 * 24
    assert charts["failures-over-time"]["red"] >= 10  # failed log-ins on most working days
    assert charts["top-accessors"]["declared"] == 15
    assert charts["top-accessors"]["over"] == 1  # the snooper, over the limit
    rows = page.evaluate("document.querySelectorAll('tr[data-rule]').length")
    assert rows == len(planted.report.findings)
    assert page.evaluate("document.querySelector('[data-integrity]').dataset.integrity") == "verified"
    shot = page.screenshot(ARTIFACTS / "audit-report.png")
    assert shot.startswith(b"\x89PNG\r\n\x1a\n")
    assert len(shot) > 50_000


def test_hostile_names_in_the_log_stay_text(browser: Browser, tmp_path: Path) -> None:
    """User ids and sources carrying markup are shown as text: no element is created, nothing runs."""
    stream = Stream()
    actor = "<img src=x onerror=console.error('xss-actor')>"
    source = '"><script>console.error("xss-source")</script>'
    for i in range(10):
        stream.login(BASE + 20 * i, actor, "failure", source=source)
    analyzer = analyze_records(stream.records)
    report = Report(
        inputs=["hand-made"],
        records=analyzer.records,
        findings=analyzer.finish(),
        integrity=IntegrityVerdict("skipped", note="hand-made records"),
        start=analyzer.first,
        end=analyzer.last,
        streams=["clinic/ehr"],
        unreadable=0,
        config=analyzer.config,
        charts=analyzer.chart_data(),
        peaks=analyzer.peaks(),
        generated=BASE,
    )
    html = tmp_path / "hostile.html"
    html.write_text(render_html(report), encoding="utf-8")
    with _open(browser, html) as page:
        assert page.errors() == []
        assert page.evaluate("document.querySelectorAll('script, img').length") == 0
        text = page.evaluate("document.body.innerText")
    assert actor in text
    assert source in text


FIRST_ROW_JS = """
(() => {
  const row = document.querySelector('tr[data-group]');
  const box = row.getBoundingClientRect();
  return {rank: row.dataset.group, subject: row.dataset.subject, top: box.top, bottom: box.bottom,
          height: window.innerHeight, text: row.innerText, scrolled: window.scrollY};
})()
"""

UNBROKEN_IDS_JS = """
[...document.querySelectorAll('code.id')].map(code => {
  const pieces = [...code.childNodes].filter(n => n.nodeType === Node.TEXT_NODE).map(node => {
    const range = document.createRange();
    range.selectNodeContents(node);
    const lines = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
    return {text: node.textContent, lines: lines.size};
  });
  const whole = document.createRange();
  whole.selectNodeContents(code);
  const lines = new Set([...whole.getClientRects()].map(r => Math.round(r.top))).size;
  return {id: code.innerText, pieces, lines};
})
"""


def _open_on_screen(browser: Browser, path: Path, width: int, height: int) -> Page:
    """Open ``path`` in a tab whose screen is ``width`` x ``height`` CSS pixels."""
    page = browser.page()
    page.call("Emulation.setDeviceMetricsOverride", width=width, height=height, deviceScaleFactor=1, mobile=False)
    page.open(path.as_uri())
    return page


def test_the_highest_risk_group_is_on_the_first_screen(browser: Browser, world: World, tmp_path: Path) -> None:
    """On a 1280x800 laptop screen, without scrolling, the first row shown is the highest-risk group."""
    html = tmp_path / "world-report.html"
    html.write_text(render_html(world.report), encoding="utf-8")
    with _open_on_screen(browser, html, 1280, 800) as page:
        row = page.evaluate(FIRST_ROW_JS)
        assert page.errors() == []
        page.screenshot(ARTIFACTS / "audit-report-triage.png")
    top = world.groups[0]
    assert (row["rank"], row["subject"]) == ("1", top.subject)
    assert row["scrolled"] == 0
    assert 0 < row["top"] < row["bottom"] <= row["height"], row
    assert "success-after-failures" in row["text"]
    assert "critical" in row["text"]


def test_long_user_ids_do_not_break_inside_a_word(browser: Browser, tmp_path: Path) -> None:
    """On a narrow screen a long user id wraps only after its separators, each word on one line."""
    stream = Stream()
    actor = "ward-a.nurse.night.01.wolfeschlegelsteinhausenbergerdorffvoralternwaren@hospital.example"
    for i in range(10):
        stream.login(BASE + 20 * i, actor, "failure", source="203.0.113.7")
    analyzer = analyze_records(stream.records)
    report = Report(
        inputs=["hand-made"],
        records=analyzer.records,
        findings=analyzer.finish(),
        integrity=IntegrityVerdict("skipped", note="hand-made records"),
        start=analyzer.first,
        end=analyzer.last,
        streams=["clinic/ehr"],
        unreadable=0,
        config=analyzer.config,
        charts=analyzer.chart_data(),
        peaks=analyzer.peaks(),
        generated=BASE,
    )
    html = tmp_path / "long-ids.html"
    html.write_text(render_html(report), encoding="utf-8")
    with _open_on_screen(browser, html, 420, 900) as page:
        ids = page.evaluate(UNBROKEN_IDS_JS)
    mine = [i for i in ids if i["id"] == actor]
    assert len(mine) == 2  # the triage row and the finding
    for shown in mine:
        assert "".join(p["text"] for p in shown["pieces"]) == actor
        assert all(p["lines"] == 1 for p in shown["pieces"]), shown
    assert max(i["lines"] for i in mine) > 1  # the screen is narrow enough that the id does wrap
