"""RelpSink against a real rsyslog (imrelp): acknowledged delivery, SIGKILL mid-batch, frames, settings."""

from __future__ import annotations

import logging
import os
import socket
import threading
import time
import uuid
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import orjson
import pytest

from hipaalog import ConfigError, SinkError
from hipaalog.sinks import EncodedRecord, RelpSink, create_sink
from hipaalog.sinks import _relpframe as frame

from .._peers import require
from ._relp import IMRELP, RelpRsyslog
from ._rsyslog import RSYSLOGD
from .conftest import MakeLogger, wait_until

RECORDS = 5000
ROUNDS = 3


@pytest.fixture
def relp_server(tmp_path: Path) -> Iterator[RelpRsyslog]:
    """An rsyslogd with imrelp on loopback, stopped after the test."""
    require("rsyslog-relp", RSYSLOGD is not None and IMRELP is not None, "install rsyslog and rsyslog-relp")
    server = RelpRsyslog(tmp_path / "relp")
    try:
        server.start()
    except RuntimeError as exc:
        require("rsyslog-relp", False, str(exc))
    yield server
    server.stop()


def numbers(server: RelpRsyslog, marker: str) -> Counter[int]:
    return Counter(int(orjson.loads(m.msg)["n"]) for m in server.received("relp") if marker in m.msg)


@pytest.mark.peer("rsyslog")
def test_rsyslog_acknowledges_every_record_with_its_fields(relp_server: RelpRsyslog, make_logger: MakeLogger) -> None:
    """Severity, app, msgid, structured data and the JSON line arrive; delivered == written, nothing resent."""
    marker = uuid.uuid4().hex
    log, handler = make_logger([f"relp://127.0.0.1:{relp_server.tcp_port}?facility=local3&window=7"])
    for i in range(20):
        log.log(logging.WARNING if i % 2 else logging.INFO, "claim %s", marker, extra={"n": i})
    handler.flush()
    stats = handler.stats()
    assert (stats["written"], stats["delivered"], stats["resent"], stats["failed"]) == (20, 20, 0, 0)
    received = [m for m in relp_server.received("relp") if marker in m.msg]  # acknowledged: already in the file
    assert [orjson.loads(m.msg)["n"] for m in received] == list(range(20))
    assert [m.severity for m in received] == ["6", "4"] * 10
    assert {(m.facility, m.app, m.procid, m.msgid) for m in received} == {("19", "claims", str(os.getpid()), log.name)}
    assert received[0].sd == '[hipaalog@32473 appId="claims" platform="vm" microservice="claims-api"]'


@pytest.mark.peer("rsyslog")
def test_rsyslog_killed_mid_batch_and_restarted_loses_nothing(
    relp_server: RelpRsyslog, make_logger: MakeLogger
) -> None:
    """SIGKILL of rsyslog while batches are unacknowledged, restart, several rounds: 0 lost, duplicates counted."""
    for round_no in range(ROUNDS):
        marker = uuid.uuid4().hex
        log, handler = make_logger(
            [f"relp://127.0.0.1:{relp_server.tcp_port}"], backoff_initial=0.05, backoff_max=0.2, queue_size=20_000
        )

        def burst() -> None:
            for i in range(RECORDS):
                log.info("claim %s", marker, extra={"n": i})  # noqa: B023
                if i % 250 == 0:
                    time.sleep(0.025)

        writer = threading.Thread(target=burst)
        writer.start()
        time.sleep(0.1 + 0.1 * round_no)
        relp_server.kill()
        time.sleep(1.0)
        relp_server.start()
        writer.join(30)
        handler.flush()
        assert wait_until(lambda: len(numbers(relp_server, marker)) >= RECORDS, 15)  # noqa: B023
        handler.close()
        got = numbers(relp_server, marker)
        stats = handler.stats()
        missing = [n for n in range(RECORDS) if n not in got]
        duplicates = sum(got.values()) - RECORDS
        assert missing == [], f"round {round_no}: {len(missing)} lost, {stats}"
        assert (stats["delivered"], stats["dropped"], stats["failed"]) == (RECORDS, 0, 0)
        assert duplicates <= stats["resent"]  # a duplicate is a record whose acknowledgement died with rsyslog
        print(f"round {round_no}: lost 0, duplicates {duplicates}, resent {stats['resent']}")


class FakeRelp:
    """A RELP server in a thread answering each ``syslog`` command with ``answer(n)`` (``None``: hang up)."""

    def __init__(self, answer: object, *, open_reply: bytes = b"200 OK\nrelp_version=0\ncommands=syslog") -> None:
        self.answer = answer
        self.open_reply = open_reply
        self.sessions = 0
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.listener.settimeout(0.2)
        self.port = int(self.listener.getsockname()[1])
        self.messages: list[bytes] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.listener.accept()
            except OSError:
                continue
            with conn:
                self._session(conn)

    def _session(self, conn: socket.socket) -> None:
        buf = bytearray()
        conn.settimeout(5)
        while True:
            try:
                parsed = frame.parse(buf)
                if parsed is None:
                    chunk = conn.recv(65536)
                    if not chunk:
                        return
                    buf += chunk
                    continue
            except OSError:
                return
            txnr, command, data = parsed
            if command == b"open":
                self.sessions += 1
                conn.sendall(frame.encode(txnr, b"rsp", self.open_reply))
            elif command == b"close":
                conn.sendall(frame.encode(txnr, b"rsp") + frame.encode(0, b"serverclose"))
                return
            else:
                self.messages.append(data)
                reply = self.answer(len(self.messages))  # type: ignore[operator]
                if reply is None:
                    return
                if reply == b"serverclose":  # acknowledge, then end the session on our own
                    conn.sendall(frame.encode(txnr, b"rsp", b"200 OK") + frame.encode(0, b"serverclose"))
                    return
                conn.sendall(frame.encode(txnr, b"rsp", reply))

    def close(self) -> None:
        self._stop.set()
        self._thread.join(5)
        self.listener.close()


def record(n: int) -> EncodedRecord:
    return EncodedRecord(b'{"n":%d}' % n, 20, 6, 1.7e9, "claims", "claims", "k8s", "api")


def test_a_refused_message_is_rejected_for_good_and_the_others_delivered() -> None:
    """A non-200 answer refuses that message for good; the rest of the batch is acknowledged."""
    server = FakeRelp(lambda n: b"500 message too large" if n == 2 else b"200 OK")
    sink = RelpSink(f"relp://127.0.0.1:{server.port}")
    try:
        with pytest.raises(SinkError, match="refused 1 message") as info:
            sink.write([record(0), record(1), record(2)])
        assert (info.value.rejected, info.value.failed) == ([1], None)
        sink.close()
    finally:
        server.close()


def test_a_session_that_ends_before_the_acknowledgements_fails_the_unacknowledged_only() -> None:
    """The server hangs up after acknowledging two of four: those two delivered, two retryable, then all go."""
    answers = iter([b"200 OK", b"200 OK", None])
    server = FakeRelp(lambda n: next(answers, b"200 OK"))
    sink = RelpSink(f"relp://127.0.0.1:{server.port}", window=4)
    try:
        with pytest.raises(SinkError, match="not acknowledged") as info:
            sink.write([record(i) for i in range(4)])
        assert info.value.retryable and info.value.failed == [2, 3]
        assert info.value.maybe_sent == [2, 3]  # both went out; the server may have taken them
        sink.write([record(2), record(3)])  # a new session
        sink.close()
        assert [orjson.loads(m.split(b"] ", 1)[1])["n"] for m in server.messages] == [0, 1, 2, 2, 3]
    finally:
        server.close()


def test_messages_of_a_window_never_sent_are_not_counted_as_maybe_sent() -> None:
    """The session ends in the first of two windows: its unanswered message may have arrived, the next window's not."""
    answers = iter([b"200 OK", None])
    server = FakeRelp(lambda n: next(answers, b"200 OK"))
    sink = RelpSink(f"relp://127.0.0.1:{server.port}", window=2)
    try:
        with pytest.raises(SinkError, match="not acknowledged") as info:
            sink.write([record(i) for i in range(4)])
        assert (info.value.failed, info.value.maybe_sent) == ([1, 2, 3], [1])
        sink.close()
    finally:
        server.close()


def test_a_session_the_server_ended_while_idle_is_replaced_before_writing() -> None:
    """serverclose between writes: the next write opens a new session instead of failing."""
    server = FakeRelp(lambda n: b"serverclose")
    sink = RelpSink(f"relp://127.0.0.1:{server.port}")
    try:
        sink.write([record(0)])
        time.sleep(0.1)
        sink.write([record(1)])
        assert server.sessions == 2 and len(server.messages) == 2
    finally:
        sink.close()
        server.close()


@pytest.mark.parametrize(
    ("open_reply", "needle"),
    [
        (b"500 too many sessions", "refused the session"),
        (b"200 OK\nrelp_version=0\ncommands=", "does not accept the syslog command"),
    ],
)
def test_a_session_the_server_refuses_is_a_retryable_error(open_reply: bytes, needle: str) -> None:
    """A refused open, or one without the syslog command, fails the batch (retryable) with the reason."""
    server = FakeRelp(lambda n: b"200 OK", open_reply=open_reply)
    sink = RelpSink(f"relp://127.0.0.1:{server.port}")
    try:
        with pytest.raises(SinkError, match=needle) as info:
            sink.write([record(0)])
        assert info.value.retryable and info.value.failed == [0]
    finally:
        sink.close()
        server.close()


def test_a_server_that_is_down_is_a_retryable_error() -> None:
    """Nothing listening: the whole batch fails, retryable."""
    with socket.create_server(("127.0.0.1", 0)) as taken:
        port = taken.getsockname()[1]
    sink = RelpSink(host="127.0.0.1", port=port, timeout=1.0)
    with pytest.raises(SinkError) as info:
        sink.write([record(0), record(1)])
    assert info.value.retryable and info.value.failed == [0, 1]
    sink.close()


def test_frames_are_parsed_as_they_arrive() -> None:
    """A frame split anywhere waits for the rest; two frames in one read come out one by one; txnr wraps."""
    data = frame.encode(7, b"rsp", b"200 OK") + frame.encode(0, b"serverclose")
    for cut in range(1, len(data)):
        buf, frames = bytearray(), []
        for part in (data[:cut], data[cut:]):
            buf += part
            while (parsed := frame.parse(buf)) is not None:
                frames.append(parsed)
        assert frames == [(7, b"rsp", b"200 OK"), (0, b"serverclose", b"")] and not buf
    assert frame.next_txnr(frame.MAX_TXNR) == 1 and frame.next_txnr(41) == 42


@pytest.mark.parametrize(
    "junk", [b"x rsp 0\n", b"1rsp 0\n", b"1 rs1p 0\n", b"1 rsp 3 abcd", b"1 rsp 0 \n", b"1 rsp x\n"]
)
def test_garbage_is_a_frame_error(junk: bytes) -> None:
    """Anything that is not a frame raises FrameError instead of waiting forever."""
    with pytest.raises(frame.FrameError):
        frame.parse(bytearray(junk))


@pytest.mark.parametrize(
    ("spec", "needle"),
    [
        ("relp://logs", "needs the port"),
        ({"type": "relp", "port": 2514}, "needs a host"),
        ("relp://logs:2514?colour=red", "option 'colour' is unknown"),
        ("relp://logs:2514?window=many", "use a number"),
        ({"type": "relp", "host": "logs", "port": 2514, "window": 0}, "window must be"),
        ({"type": "relp", "host": "logs", "port": 2514, "timeout": 0}, "timeout must be"),
        ({"type": "relp", "host": "logs", "port": 2514, "facility": "local9"}, "facility must be"),
    ],
)
def test_bad_relp_settings_are_config_errors(spec: object, needle: str) -> None:
    """Every unusable RELP setting is a ConfigError at configuration time."""
    with pytest.raises(ConfigError, match=needle):
        create_sink(spec)  # type: ignore[arg-type]


def test_relp_urls() -> None:
    """relp:// URLs build a RelpSink; keywords win over query options."""
    sink = create_sink({"url": "relp://10.0.0.5:2514?facility=local0&window=16", "window": 4})
    assert isinstance(sink, RelpSink)
    assert (sink.name, sink.window, sink.format.facility) == ("relp://10.0.0.5:2514", 4, 16)
