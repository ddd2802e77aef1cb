"""Ack-less streams (syslog over TCP): a receiver stopped mid-burst loses no batch; written is not acknowledged."""

from __future__ import annotations

import re
import select
import socket
import ssl
import struct
import threading
import time
import uuid
from collections import Counter
from pathlib import Path

import pytest

from hipaalog import ConfigError
from hipaalog.sinks import EncodedRecord, SyslogSink

from .._peers import require
from ._rsyslog import RSYSLOGD, Rsyslog, TlsFiles
from .conftest import MakeLogger, wait_until

RECORDS = 5000
ROUNDS = 4


def _burst(log: object, marker: str, start: int, stop: int, seconds: float) -> None:
    """Log ``stop - start`` records spread over ``seconds`` (full speed in short bursts)."""
    import logging

    assert isinstance(log, logging.Logger)
    step = 250
    pause = seconds / ((stop - start) / step)
    for base in range(start, stop, step):
        for i in range(base, min(stop, base + step)):
            log.info("claim %s", marker, extra={"n": i})
        time.sleep(pause)


def _received(server: Rsyslog, transport: str, marker: str) -> Counter[int]:
    import orjson

    return Counter(int(orjson.loads(m.msg)["n"]) for m in server.received(transport) if marker in m.msg)


@pytest.mark.peer("rsyslog")
@pytest.mark.parametrize(("transport", "rounds"), [("tcp", ROUNDS), ("tls", 2)])
def test_rsyslog_stopped_mid_burst_loses_no_batch(
    make_logger: MakeLogger, tmp_path: Path, tls_files: TlsFiles, transport: str, rounds: int
) -> None:
    """rsyslog over TCP (and TLS) stopped while batches are in flight, then restarted, several times: 0 lost."""
    require("rsyslog", RSYSLOGD is not None, "install the Debian packages rsyslog and rsyslog-gnutls")
    server = Rsyslog(tmp_path / "rs", tls_files if transport == "tls" else None)
    server.start()
    url = (
        f"syslog+tcp://127.0.0.1:{server.tcp_port}"
        if transport == "tcp"
        else f"syslog+tls://localhost:{server.tls_port}?ca_file={tls_files.ca}"
    )
    try:
        for round_no in range(rounds):
            marker = uuid.uuid4().hex
            log, handler = make_logger(
                [url],
                backoff_initial=0.05,
                backoff_max=0.2,
                queue_size=20_000,
            )
            writer = threading.Thread(target=_burst, args=(log, marker, 0, RECORDS, 0.5))
            writer.start()
            time.sleep(0.1 + 0.1 * round_no)
            server.stop()
            time.sleep(1.0)
            server.start()
            writer.join(30)
            handler.flush()
            assert wait_until(lambda: len(_received(server, transport, marker)) >= RECORDS, 15)  # noqa: B023
            handler.close()
            got = _received(server, transport, marker)
            missing = [n for n in range(RECORDS) if n not in got]
            stats = handler.stats()
            assert missing == [], f"round {round_no}: {len(missing)} lost, {stats}"
            assert stats["dropped"] == stats["failed"] == 0
            assert stats["delivered"] == RECORDS
            assert stats["resent"] >= sum(got.values()) - RECORDS  # every duplicate is a counted resend
            duplicates = sum(got.values()) - RECORDS
            print(f"{transport} round {round_no}: lost 0, duplicates {duplicates}, resent {stats['resent']}")
    finally:
        server.stop()


class ResetOnce:
    """A TCP peer whose first connection resets as soon as data arrives, unread; later ones read everything."""

    def __init__(self) -> None:
        self.listener = socket.socket()
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(8)
        self.listener.settimeout(0.2)
        self.port = int(self.listener.getsockname()[1])
        self.data = bytearray()
        self.connections = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.listener.accept()
            except OSError:
                continue
            self.connections += 1
            with conn:
                if self.connections == 1:
                    select.select([conn], [], [], 5)  # bytes have arrived: drop them with a reset
                    conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                    continue
                conn.settimeout(0.2)
                while not self._stop.is_set():
                    try:
                        chunk = conn.recv(65536)
                    except TimeoutError:
                        continue
                    if not chunk:
                        break
                    self.data += chunk

    def messages(self) -> list[bytes]:
        """The octet-counted messages received on the later connections."""
        out, data = [], bytes(self.data)
        while data:
            size, _, rest = data.partition(b" ")
            out.append(rest[: int(size)])
            data = rest[int(size) :]
        return out

    def close(self) -> None:
        self._stop.set()
        self._thread.join(5)
        self.listener.close()


def test_records_a_reset_connection_never_confirmed_are_written_again(make_logger: MakeLogger) -> None:
    """Written is not delivered: the batch a receiver reset unread is sent again, counted as resent, none lost."""
    peer = ResetOnce()
    try:
        log, handler = make_logger(
            [f"syslog+tcp://127.0.0.1:{peer.port}?confirm_after=0.3"], backoff_initial=0.01, backoff_max=0.02
        )
        for i in range(10):
            log.info("claim", extra={"n": i})
        handler.flush()
        stats = handler.sink_stats()[f"syslog+tcp://127.0.0.1:{peer.port}"]
        assert peer.connections == 2
        assert [b'"n":%d' % i in m for i, m in enumerate(peer.messages())] == [True] * 10
        assert (stats["written"], stats["resent"], stats["delivered"]) == (20, 10, 10)
        assert (stats["unconfirmed"], stats["queued"], stats["failed"]) == (0, 0, 0)
    finally:
        peer.close()


class BreaksMidBatch:
    """A TCP or TLS receiver whose first connection reads part of a batch, then closes with the rest unread.

    Its receive buffer is small, so a batch larger than the sender's kernel can hold is still being
    sent when the connection goes: the sender's write breaks off midway. Later connections read everything.
    """

    FIRST_READ = 65_536

    def __init__(self, tls: TlsFiles | None) -> None:
        self.context: ssl.SSLContext | None = None
        if tls is not None:
            self.context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            self.context.load_cert_chain(tls.cert, tls.key)
        self.listener = socket.socket()
        self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)  # inherited by accepted sockets
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(8)
        self.listener.settimeout(0.2)
        self.port = int(self.listener.getsockname()[1])
        self.first = bytearray()
        self.later = bytearray()
        self.connections = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                raw, _ = self.listener.accept()
            except OSError:
                continue
            self.connections += 1
            raw.settimeout(5)
            conn = self.context.wrap_socket(raw, server_side=True) if self.context is not None else raw
            with conn:
                if self.connections == 1:
                    while len(self.first) < self.FIRST_READ:
                        chunk = conn.recv(65536)
                        if not chunk:
                            break
                        self.first += chunk
                    time.sleep(0.2)  # the sender is blocked in its write: close under it, the rest unread
                    continue
                conn.settimeout(0.2)
                while not self._stop.is_set():
                    try:
                        chunk = conn.recv(1 << 20)
                    except TimeoutError:
                        continue
                    except OSError:
                        break
                    if not chunk:
                        break
                    self.later += chunk

    @staticmethod
    def numbers(data: bytes) -> list[int]:
        """The ``n`` of each complete octet-counted message in ``data`` (a cut last one is left out)."""
        out = []
        while data:
            size, _, rest = data.partition(b" ")
            if len(rest) < int(size):
                break
            found = re.search(rb'"n":(\d+)', rest[: int(size)])
            assert found is not None
            out.append(int(found.group(1)))
            data = rest[int(size) :]
        return out

    def close(self) -> None:
        self._stop.set()
        self._thread.join(5)
        self.listener.close()


@pytest.mark.parametrize("transport", ["tcp", "tls"])
def test_a_batch_cut_off_midway_is_written_again_and_counted_as_resent(
    make_logger: MakeLogger, tls_files: TlsFiles, transport: str
) -> None:
    """The receiver takes the start of a batch and closes: the batch goes again whole, 0 lost, duplicates <= resent."""
    peer = BreaksMidBatch(tls_files if transport == "tls" else None)
    records, blob = 400, "x" * 20_000  # 8 MB in one batch: more than the kernel's buffers hold
    url = (
        f"syslog+tcp://127.0.0.1:{peer.port}"
        if transport == "tcp"
        else f"syslog+tls://localhost:{peer.port}?ca_file={tls_files.ca}"
    )
    try:
        log, handler = make_logger([url], batch_size=records, flush_interval=5, backoff_initial=0.01, backoff_max=0.02)
        for i in range(records):
            log.info("claim", extra={"n": i, "blob": blob})
        handler.flush()
        assert wait_until(lambda: len(peer.numbers(bytes(peer.later))) >= records, 15)
        handler.close()
        first, later = peer.numbers(bytes(peer.first)), peer.numbers(bytes(peer.later))
        stats = handler.stats()
        assert peer.connections == 2
        assert later == list(range(records))  # the whole batch again, in order, on the new connection
        assert first == list(range(len(first))) and first  # the receiver kept the start of the first try
        assert (stats["delivered"], stats["retried"], stats["failed"]) == (records, records, 0)
        assert len(first) <= stats["resent"] <= records  # every duplicate counted, none counted twice
    finally:
        peer.close()


def test_records_stay_unconfirmed_while_the_receiver_has_not_taken_the_bytes() -> None:
    """A receiver that does not read: its TCP has not acknowledged every byte, so nothing is confirmed yet."""
    listener = socket.socket()
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    sink = SyslogSink(f"syslog+tcp://127.0.0.1:{listener.getsockname()[1]}", confirm_after=0.05)
    try:
        records = [EncodedRecord(b'{"m":"%s"}' % (b"x" * 1000), 20, 6, 1.7e9, "claims", "claims", "k8s", "api")] * 100
        sink.write(records)
        conn, _ = listener.accept()
        time.sleep(0.2)
        assert sink.settle() == (0, 0)  # older than confirm_after, but still in our send queue
        drained = threading.Event()

        def drain() -> None:
            conn.settimeout(0.5)
            try:
                while conn.recv(1 << 20):
                    pass
            except TimeoutError:
                drained.set()

        reader = threading.Thread(target=drain)
        reader.start()
        assert wait_until(lambda: sink.settle() == (100, 0), 3)
        reader.join(5)
        assert drained.is_set()
        conn.close()
    finally:
        sink.close()
        listener.close()


def test_udp_records_are_confirmed_as_sent_and_confirm_after_is_checked() -> None:
    """Over UDP there is nothing to wait for: settle() confirms what was sent. A bad confirm_after is a ConfigError."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as receiver:
        receiver.bind(("127.0.0.1", 0))
        sink = SyslogSink(f"syslog+udp://127.0.0.1:{receiver.getsockname()[1]}")
        record = EncodedRecord(b'{"m":"x"}', 20, 6, 1.7e9, "claims", "claims", "k8s", "api")
        sink.write([record, record, record])
        assert sink.settle() == (3, 0)
        assert sink.settle() == (0, 0)
        sink.close()
    for bad in (-1, 61, "soon", True):
        with pytest.raises(ConfigError, match="confirm_after must be"):
            SyslogSink("syslog+tcp://logs:514", confirm_after=bad)  # type: ignore[arg-type]
