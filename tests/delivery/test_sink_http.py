"""HttpSink presets against loopback servers that answer like the real ingest APIs."""

from __future__ import annotations

import base64
import email.utils
import time
from collections.abc import Callable, Sequence
from urllib.parse import parse_qs, urlsplit

import pytest

from hipaalog import ConfigError, SinkError
from hipaalog.sinks import EncodedRecord, HttpSink, Preset, create_sink
from hipaalog.sinks._http import parse_retry_after

from ._ingest import Fault, Ingest
from ._rsyslog import TlsFiles
from .conftest import MakeLogger


def rec(seq: int, levelno: int = 20, created: float = 1_700_000_000.25) -> EncodedRecord:
    line = b'{"n":%d,"appId":"claims"}' % seq
    return EncodedRecord(line, levelno, 6, created, "claims.api", "claims", "k8s", "claims-api")


def test_opensearch_bulk_request_shape(ingest: Callable[..., Ingest]) -> None:
    """_bulk: gzip NDJSON of create actions with the index expanded from each record's UTC date, token as Bearer."""
    server = ingest("opensearch")
    sink = create_sink(
        {"type": "opensearch", "url": server.url, "index": "logs-%Y.%m.%d", "token": "t0k", "pipeline": "p1"}
    )
    sink.write([rec(0), rec(1, created=1_700_100_000.0)])
    sink.close()
    [request] = server.requests
    assert urlsplit(request.path).path == "/_bulk" and parse_qs(urlsplit(request.path).query) == {"pipeline": ["p1"]}
    assert request.headers["Content-Encoding"] == "gzip"
    assert request.headers["Content-Type"] == "application/x-ndjson"
    assert request.headers["Authorization"] == "Bearer t0k"
    assert [r["action"] for r in request.records] == [
        {"create": {"_index": "logs-2023.11.14"}},
        {"create": {"_index": "logs-2023.11.16"}},
    ]
    assert server.seqs() == [0, 1]


def test_elasticsearch_uses_api_keys_and_url_credentials_become_basic_auth(ingest: Callable[..., Ingest]) -> None:
    """elasticsearch sends ApiKey; user:password in a URL becomes Basic authentication and stays out of the name."""
    server = ingest("opensearch")
    es = HttpSink(server.url + "/logs/_bulk", preset="elasticsearch", token="a2V5")
    es.write([rec(0)])
    es.close()
    host = server.url.split("//")[1]
    basic = HttpSink(f"http://ingest:s3cret@{host}", preset="opensearch", index="logs")
    basic.write([rec(1)])
    basic.close()
    first, second = server.requests
    assert (first.path, first.headers["Authorization"]) == ("/logs/_bulk", "ApiKey a2V5")
    assert first.records[0]["action"] == {"create": {}}
    assert second.headers["Authorization"] == "Basic " + base64.b64encode(b"ingest:s3cret").decode()
    assert "s3cret" not in basic.name and "s3cret" not in repr(basic)


def test_loki_push_streams_labels_and_nanoseconds(ingest: Callable[..., Ingest]) -> None:
    """Loki: one stream per label set (app, microservice, platform, level + static), entries in time order."""
    server = ingest("loki")
    sink = create_sink({"type": "loki", "url": server.url, "labels": {"env": "prod"}, "tenant": "claims-team"})
    sink.write([rec(0, created=1_700_000_002.0), rec(1, 40), rec(2, created=1_700_000_001.5)])
    sink.close()
    [request] = server.requests
    assert request.path == "/loki/api/v1/push" and request.headers["X-Scope-OrgID"] == "claims-team"
    info = [r for r in request.records if r["labels"]["level"] == "info"]
    assert info[0]["labels"] == {
        "app": "claims",
        "microservice": "claims-api",
        "platform": "k8s",
        "level": "info",
        "env": "prod",
    }
    assert [(r["ts"], r["doc"]["n"]) for r in info] == [("1700000001500000000", 2), ("1700000002000000000", 0)]
    assert [r["doc"]["n"] for r in request.records if r["labels"]["level"] == "error"] == [1]


def test_mezmo_ingest_query_auth_and_lines(ingest: Callable[..., Ingest]) -> None:
    """Mezmo: hostname, now and tags in the query, the ingestion key as Basic user, each record as a line."""
    server = ingest("mezmo")
    sink = create_sink(
        {"type": "mezmo", "url": server.url, "token": "ingest-key", "hostname": "claims-1", "tags": ["a", "b"]}
    )
    sink.write([rec(0, 30)])
    sink.close()
    [request] = server.requests
    parts = urlsplit(request.path)
    query = parse_qs(parts.query)
    assert parts.path == "/logs/ingest" and query["hostname"] == ["claims-1"] and query["tags"] == ["a,b"]
    assert int(query["now"][0]) > 1_700_000_000_000
    assert request.headers["Authorization"] == "Basic " + base64.b64encode(b"ingest-key:").decode()
    [line] = request.records
    assert (line["app"], line["level"], line["timestamp"], line["doc"]["n"]) == (
        "claims",
        "WARNING",
        1_700_000_000_250,
        0,
    )


def test_splunk_hec_events(ingest: Callable[..., Ingest]) -> None:
    """Splunk HEC: the record is the event object, with time, host, source, sourcetype and index."""
    server = ingest("splunk")
    sink = create_sink({"type": "splunk", "url": server.url, "token": "hec", "index": "claims", "host": "claims-1"})
    sink.write([rec(0)])
    sink.close()
    [request] = server.requests
    [event] = request.records
    assert request.path == "/services/collector/event" and request.headers["Authorization"] == "Splunk hec"
    assert event == {
        "time": 1_700_000_000.25, "host": "claims-1", "source": "claims.api", "sourcetype": "_json",
        "index": "claims", "event": {"n": 0, "appId": "claims"},
    }  # fmt: skip


def test_generic_json_lines_without_gzip_and_with_headers(ingest: Callable[..., Ingest]) -> None:
    """jsonl: one record per line, plain when compress=False, extra headers sent."""
    server = ingest("jsonl")
    sink = HttpSink(server.url + "/v1/logs?source=claims", compress=False, headers={"X-Team": "claims"})
    sink.write([rec(0), rec(1)])
    sink.close()
    [request] = server.requests
    assert request.path == "/v1/logs?source=claims" and "Content-Encoding" not in request.headers
    assert (
        request.headers["X-Team"] == "claims"
        and request.body == b'{"n":0,"appId":"claims"}\n{"n":1,"appId":"claims"}\n'
    )


def test_large_batches_are_split_into_bounded_requests(ingest: Callable[..., Ingest]) -> None:
    """max_request_bytes splits a batch into several requests, in order."""
    server = ingest("jsonl")
    sink = HttpSink(server.url, max_request_bytes=1000)
    sink.write([rec(i) for i in range(40)])
    sink.close()
    assert len(server.requests) > 3 and server.seqs() == list(range(40))


def test_a_kept_alive_connection_closed_by_the_server_is_replaced(ingest: Callable[..., Ingest]) -> None:
    """A server that silently closes an idle keep-alive connection causes no failed write."""
    server = ingest("jsonl").then(Fault("close_after"))
    sink = HttpSink(server.url)
    sink.write([rec(0)])
    time.sleep(0.2)  # idle: the server's close arrives
    sink.write([rec(1)])
    sink.close()
    assert server.seqs() == [0, 1]


@pytest.mark.peer("openssl")
def test_https_with_a_private_ca(ingest: Callable[..., Ingest], tls_files: TlsFiles) -> None:
    """https verifies the server with ca_file; a server from another CA is a retryable error."""
    server = ingest("jsonl", cert=(str(tls_files.cert), str(tls_files.key)))
    good = HttpSink(server.url, ca_file=str(tls_files.ca))
    good.write([rec(0)])
    good.close()
    bad = HttpSink(server.url, ca_file=str(tls_files.other_ca), timeout=2)
    with pytest.raises(SinkError, match="CERTIFICATE_VERIFY_FAILED") as info:
        bad.write([rec(1)])
    bad.close()
    assert info.value.retryable and server.seqs() == [0]


def test_http_sink_through_the_handler_by_url_and_preset(
    make_logger: MakeLogger, ingest: Callable[..., Ingest]
) -> None:
    """A mapping with url and preset builds the sink; records arrive as the formatter wrote them."""
    server = ingest("loki")
    log, handler = make_logger([{"url": server.url, "preset": "loki"}])
    log.info("claim accepted", extra={"n": 9})
    handler.flush()
    [record] = server.stored
    assert (record["n"], record["appId"], record["message"]) == (9, "claims", "claim accepted")


def test_a_custom_preset_shapes_requests_for_another_api(ingest: Callable[..., Ingest]) -> None:
    """A Preset subclass instance decides path, headers and body; the sink keeps transport and retries."""

    class Wrapped(Preset):
        name = "wrapped"
        default_path = "/api/logs"

        def encode(self, batch: Sequence[EncodedRecord]) -> bytes:
            return b"".join(b"  " + r.line + b"\n" for r in batch)

    server = ingest("jsonl")
    sink = HttpSink(server.url, preset=Wrapped(), token="abc")
    sink.write([rec(0), rec(1)])
    sink.close()
    [request] = server.requests
    assert (request.path, request.headers["Authorization"]) == ("/api/logs", "Bearer abc")
    assert request.body.startswith(b"  {") and server.seqs() == [0, 1] and sink.name.startswith("http:wrapped:")


def test_retry_after_reads_seconds_and_dates() -> None:
    """Retry-After is delta-seconds or an HTTP date; garbage means no hint."""
    now = 1_700_000_000.0
    assert parse_retry_after("120") == 120.0
    assert parse_retry_after(email.utils.formatdate(now + 30, usegmt=True), now=now) == 30.0
    assert parse_retry_after("soon") is None and parse_retry_after(None) is None


@pytest.mark.parametrize(
    ("spec", "needle"),
    [
        ({"type": "http", "url": "ftp://logs"}, "needs an http:// or https:// URL"),
        ({"type": "http", "url": "https://logs", "preset": "graylog"}, "unknown HTTP preset 'graylog'"),
        ({"type": "opensearch", "url": "https://logs", "labels": {}}, "preset 'opensearch'"),
        ({"type": "loki", "url": "https://logs", "labels": {"bad-name": "x"}}, "Loki label names"),
        ({"type": "http", "url": "https://logs", "max_request_bytes": 0}, "max_request_bytes"),
    ],
)
def test_bad_http_settings_are_config_errors(spec: object, needle: str) -> None:
    """Every unusable HTTP sink setting is a ConfigError when the sink is built."""
    with pytest.raises(ConfigError, match=needle):
        create_sink(spec)  # type: ignore[arg-type]
