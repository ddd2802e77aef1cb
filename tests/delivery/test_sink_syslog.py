"""SyslogSink against a real rsyslog: RFC 5424 over UDP, TCP (octet counting) and TLS, field by field."""

from __future__ import annotations

import logging
import os
import re
import uuid
from pathlib import Path

import orjson
import pytest

from hipaalog import ConfigError, SinkError
from hipaalog.sinks import EncodedRecord, SyslogSink, create_sink
from hipaalog.sinks._rfc5424 import Rfc5424

from .._peers import free_port
from ._rsyslog import RSYSLOGD, Rsyslog, TlsFiles
from .conftest import MakeLogger

SD = re.compile(r'^\[hipaalog@32473 appId="(.*)" platform="(.*)" microservice="(.*)"\]$')


def url_for(transport: str, rsyslog: Rsyslog, tls: TlsFiles) -> str:
    if transport == "udp":
        return f"syslog+udp://127.0.0.1:{rsyslog.udp_port}?facility=local3&hostname=claims-host"
    if transport == "tcp":
        return f"syslog+tcp://127.0.0.1:{rsyslog.tcp_port}?facility=local3&hostname=claims-host"
    return f"syslog+tls://localhost:{rsyslog.tls_port}?facility=local3&hostname=claims-host&ca_file={tls.ca}"


@pytest.mark.peer("rsyslog")
@pytest.mark.parametrize("transport", ["udp", "tcp", "tls"])
def test_rsyslog_receives_every_field(
    transport: str, rsyslog: Rsyslog, tls_files: TlsFiles, make_logger: MakeLogger, tmp_path: Path
) -> None:
    """Facility, severity, timestamp, host, app, procid, msgid, structured data and the JSON line arrive intact."""
    marker = uuid.uuid4().hex
    copy = tmp_path / "copy.jsonl"
    log, handler = make_logger([url_for(transport, rsyslog, tls_files), str(copy)])
    log.info("claim %s accepted for Zoë", marker, extra={"amount": 12.5})
    log.warning("payer slow %s", marker)
    log.error("claim %s rejected", marker, extra={"codes": ["J06.9"]})
    handler.flush()
    received = rsyslog.wait_for(transport, marker, 3)
    sent = copy.read_bytes().splitlines()
    assert len(received) == 3
    for message, line in zip(received, sent, strict=True):
        record = orjson.loads(line)
        assert orjson.loads(message.msg) == record
        assert message.facility == "19"  # local3
        assert message.severity == str(record["severity"])
        assert message.timestamp == record["timestamp"]
        assert (message.hostname, message.app, message.procid) == ("claims-host", "claims", str(os.getpid()))
        assert message.msgid == log.name
        assert SD.match(message.sd).groups() == ("claims", "vm", "claims-api")  # type: ignore[union-attr]
    assert [m.severity for m in received] == ["6", "4", "3"]


@pytest.mark.peer("rsyslog")
def test_structured_data_is_escaped_and_utf8_survives(rsyslog: Rsyslog) -> None:
    """Quotes and brackets in SD values are escaped per RFC 5424; UTF-8 in MSG arrives as sent."""
    marker = uuid.uuid4().hex
    record = EncodedRecord(
        ('{"message":"Zoë ' + marker + ' ]\\"x"}').encode(), 20, 6, 1.7e9, "claims", "claims", "k8s", 'api"v2]'
    )
    sink = SyslogSink(f"syslog+tcp://127.0.0.1:{rsyslog.tcp_port}")
    sink.write([record])
    sink.close()
    [message] = rsyslog.wait_for("tcp", marker, 1)
    assert message.sd == '[hipaalog@32473 appId="claims" platform="k8s" microservice="api\\"v2\\]"]'
    assert orjson.loads(message.msg)["message"] == f'Zoë {marker} ]"x'


@pytest.mark.peer("rsyslog")
def test_octet_counting_keeps_a_newline_inside_one_message(rsyslog: Rsyslog) -> None:
    """RFC 6587 octet counting: a line break inside a record (a text formatter's traceback) stays in one message."""
    marker = uuid.uuid4().hex
    record = EncodedRecord(f"first {marker}\nsecond".encode(), 40, 3, 1.7e9, "claims", "claims", "k8s", "api")
    sink = SyslogSink(f"syslog+tcp://127.0.0.1:{rsyslog.tcp_port}")
    sink.write([record, record])
    sink.close()
    messages = rsyslog.wait_for("tcp", marker, 2)
    assert [m.msg for m in messages] == [f"first {marker}#012second"] * 2


@pytest.mark.peer("rsyslog")
def test_tcp_reconnects_after_the_receiver_restarts(tmp_path: Path) -> None:
    """A connection the receiver closed is noticed before writing: no message goes into a dead socket."""
    from .conftest import require

    require("rsyslog", RSYSLOGD is not None)
    server = Rsyslog(tmp_path / "rs", None)
    server.start()
    try:
        marker = uuid.uuid4().hex
        sink = SyslogSink(f"syslog+tcp://127.0.0.1:{server.tcp_port}")
        record = EncodedRecord(f'{{"m":"{marker}"}}'.encode(), 20, 6, 1.7e9, "claims", "claims", "k8s", "api")
        sink.write([record])
        assert len(server.wait_for("tcp", marker, 1)) == 1
        server.stop()
        with pytest.raises(SinkError):
            sink.write([record])  # nobody listens: an error, for the delivery layer to retry
        server.start()
        sink.write([record, record])
        sink.close()
        assert len(server.wait_for("tcp", marker, 3)) == 3
    finally:
        server.stop()


@pytest.mark.peer("rsyslog")
def test_tls_refuses_a_server_signed_by_another_ca(rsyslog: Rsyslog, tls_files: TlsFiles) -> None:
    """A certificate from an unknown CA is a retryable SinkError; nothing is sent in clear."""
    sink = SyslogSink(f"syslog+tls://localhost:{rsyslog.tls_port}", ca_file=str(tls_files.other_ca))
    record = EncodedRecord(b'{"m":"x"}', 20, 6, 1.7e9, "claims", "claims", "k8s", "api")
    with pytest.raises(SinkError, match=r"CERTIFICATE_VERIFY_FAILED|certificate verify failed") as info:
        sink.write([record])
    assert info.value.retryable
    sink.close()


def test_a_receiver_that_is_down_is_a_retryable_error() -> None:
    """TCP to a closed port raises a retryable SinkError for the whole batch."""
    sink = SyslogSink(f"syslog+tcp://127.0.0.1:{free_port()}", timeout=1.0)
    record = EncodedRecord(b'{"m":"x"}', 20, 6, 1.7e9, "claims", "claims", "k8s", "api")
    with pytest.raises(SinkError) as info:
        sink.write([record, record])
    assert info.value.retryable and info.value.failed is None
    sink.close()


@pytest.mark.peer("rsyslog")
def test_an_oversized_datagram_is_refused_not_truncated(rsyslog: Rsyslog) -> None:
    """Over UDP a message larger than one datagram is refused for good; the others are sent."""
    marker = uuid.uuid4().hex
    small = EncodedRecord(f'{{"m":"{marker}"}}'.encode(), 20, 6, 1.7e9, "claims", "claims", "k8s", "api")
    big = EncodedRecord(b'{"m":"' + b"x" * 70_000 + b'"}', 20, 6, 1.7e9, "claims", "claims", "k8s", "api")
    sink = SyslogSink(f"syslog+udp://127.0.0.1:{rsyslog.udp_port}")
    with pytest.raises(SinkError) as info:
        sink.write([small, big, small])
    sink.close()
    assert (info.value.rejected, info.value.failed) == ([1], None)
    assert len(rsyslog.wait_for("udp", marker, 2)) == 2


def test_rfc5424_header_fields_are_sanitized() -> None:
    """Header fields are printable ASCII without spaces and within their length limits; BOM on request."""
    fmt = Rfc5424(facility="local0", hostname="my host", bom=True)
    record = EncodedRecord(b"{}", logging.CRITICAL, 2, 0.0, "a logger with spaces", "x" * 60, "vm", "api")
    head, _, msg = fmt.message(record).partition(b"] ")
    fields = head.decode().split(" ")
    assert fields[0] == "<130>1" and fields[1] == "1970-01-01T00:00:00.000000Z"
    assert (fields[2], fields[3], fields[5]) == ("my_host", "x" * 48, "a_logger_with_spaces")
    assert msg == b"\xef\xbb\xbf{}"


def test_syslog_urls_and_options() -> None:
    """URLs choose the transport and default port; query options apply unless a keyword overrides them."""
    tls = create_sink("syslog+tls://logs.example.internal?facility=local0&verify=false")
    assert isinstance(tls, SyslogSink)
    assert (tls.transport, tls.port, tls.format.facility) == ("tls", 6514, 16)
    assert tls.name == "syslog+tls://logs.example.internal:6514"
    tcp = create_sink({"url": "syslog+tcp://10.0.0.5?facility=local0", "facility": "auth"})
    assert (tcp.port, tcp.format.facility) == (514, 4)  # type: ignore[attr-defined]
    udp = create_sink({"type": "syslog", "host": "::1", "port": 1514})
    assert udp.name == "syslog+udp://[::1]:1514"


@pytest.mark.parametrize(
    ("spec", "needle"),
    [
        ("syslog+tcp://logs?colour=red", "syslog URL option 'colour' is unknown"),
        ("syslog+tcp://logs?verify=maybe", "use true or false"),
        ({"type": "syslog", "host": "logs", "transport": "sctp"}, "transport must be udp, tcp or tls"),
        ({"type": "syslog"}, "needs a host"),
        ({"type": "syslog", "host": "logs", "facility": "local9"}, "facility must be"),
        ({"type": "syslog", "host": "logs", "sd_id": "bad id"}, "sd_id"),
        ({"type": "syslog", "host": "logs", "transport": "tls", "ca_file": "/nonexistent/ca.pem"}, "TLS files"),
    ],
)
def test_bad_syslog_settings_are_config_errors(spec: object, needle: str) -> None:
    """Every unusable syslog setting is a ConfigError at configuration time."""
    with pytest.raises(ConfigError, match=needle):
        create_sink(spec)  # type: ignore[arg-type]
