"""Sinks by object, URL, mapping, and from third-party distributions through the hipaalog.sinks entry point."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

import pytest

from hipaalog.sinks import FileSink, HttpSink, SyslogSink, create_sink

from .conftest import MakeLogger

PLUGIN = '''
RECEIVED = []


class MemorySink:
    """A third-party sink: keeps lines in memory."""

    def __init__(self, url="", **options):
        self.name = f"memory:{url or options.get('label', '')}"
        self.options = options

    def write(self, batch):
        RECEIVED.extend(record.line for record in batch)

    def flush(self):
        pass

    def close(self):
        pass
'''


@pytest.fixture
def plugin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> object:
    """An installed distribution ``acme-sinks`` whose entry point ``acme`` is a sink factory."""
    (tmp_path / "acme_sinks.py").write_text(PLUGIN)
    dist = tmp_path / "acme_sinks-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: acme-sinks\nVersion: 1.0\n")
    (dist / "entry_points.txt").write_text("[hipaalog.sinks]\nacme = acme_sinks:MemorySink\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    importlib.invalidate_caches()
    yield importlib.import_module("acme_sinks")
    sys.modules.pop("acme_sinks", None)


def test_entry_point_sinks_work_by_type_and_by_url(plugin: object, make_logger: MakeLogger) -> None:
    """{"type": "acme"} and "acme://..." find the plugin; records reach it through the handler."""
    by_type = create_sink({"type": "acme", "label": "audit"})
    by_url = create_sink("acme://bucket")
    assert (by_type.name, by_url.name) == ("memory:audit", "memory:acme://bucket")
    log, handler = make_logger([{"type": "acme", "label": "audit"}])
    log.info("to the plugin", extra={"n": 1})
    handler.flush()
    assert [b'"n":1' in line for line in plugin.RECEIVED] == [True]  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("spec", "kind", "name"),
    [
        ("syslog+tcp://logs.internal:1514", SyslogSink, "syslog+tcp://logs.internal:1514"),
        ("syslog://logs.internal", SyslogSink, "syslog+udp://logs.internal:514"),
        ("https://search.internal:9200/_bulk", HttpSink, "http:jsonl:https://search.internal:9200/_bulk"),
        (
            {"type": "opensearch", "url": "https://search.internal"},
            HttpSink,
            "http:opensearch:https://search.internal:443/_bulk",
        ),
        ({"type": "loki", "url": "http://loki:3100"}, HttpSink, "http:loki:http://loki:3100/loki/api/v1/push"),
        (
            {"type": "splunk", "url": "https://hec:8088"},
            HttpSink,
            "http:splunk:https://hec:8088/services/collector/event",
        ),
        (
            {"type": "mezmo", "url": "https://logs.mezmo.com"},
            HttpSink,
            "http:mezmo:https://logs.mezmo.com:443/logs/ingest",
        ),
        (
            {"url": "https://x.internal/in", "preset": "elasticsearch"},
            HttpSink,
            "http:opensearch:https://x.internal:443/in",
        ),
        ({"type": "file", "path": "/var/log/app.jsonl", "max_bytes": "10MB"}, FileSink, "file:/var/log/app.jsonl"),
    ],
)
def test_built_in_sinks_by_url_and_mapping(spec: object, kind: type, name: str) -> None:
    """Each built-in sink is reachable from a URL or a mapping, with a stable name (the spill key)."""
    sink = create_sink(spec)  # type: ignore[arg-type]
    assert isinstance(sink, kind) and sink.name == name
