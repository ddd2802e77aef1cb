"""Records to rsyslog's ``imrelp`` (or any RELP server): every message acknowledged before it counts."""

from __future__ import annotations

import contextlib
import select
import socket
import threading
from collections.abc import Sequence
from typing import Any
from urllib.parse import urlsplit

from .. import _atfork
from .._encoded import EncodedRecord
from ..exceptions import ConfigError, SinkError
from . import _relpframe as frame
from ._rfc5424 import Rfc5424
from ._url_options import apply_url

__all__ = ["RelpSink"]

_QUICKACK: int | None = getattr(socket, "TCP_QUICKACK", None)
_OFFER = b"relp_version=0\nrelp_software=hipaalog\ncommands=syslog"
_QUERY_OPTIONS = {
    "facility": str, "hostname": str, "app_name": str, "msgid": str, "sd_id": str, "timeout": float, "window": int,
}  # fmt: skip


class _SessionLost(Exception):
    """The session ended (closed, reset, timed out, or the server said something unexpected)."""


class RelpSink:
    """Sends each record as an RFC 5424 message over RELP and waits for the server's acknowledgement.

    Give a URL, ``relp://host:port`` (options may follow as a query: ``?facility=local0``), or
    ``host`` and ``port``. A record counts as delivered only once the server answered ``200`` for
    it. If the session ends first (the server stopped, was killed, or reset the connection), the
    records it had not acknowledged fail with a retryable :class:`~hipaalog.exceptions.SinkError`
    and are sent again on a new session: delivery is at-least-once, and the server may receive
    again a record whose acknowledgement was lost with the connection (at most the ``retried``
    count). A record the server answers with another status is refused for good.

    Args:
        facility, hostname, app_name, msgid, sd_id: the syslog header, as for :class:`SyslogSink`.
        timeout: seconds for connecting and for each acknowledgement.
        window: most messages sent before waiting for their acknowledgements.
    """

    def __init__(
        self,
        url: str | None = None,
        *,
        host: str | None = None,
        port: int | None = None,
        facility: int | str = "user",
        hostname: str | None = None,
        app_name: str | None = None,
        msgid: str | None = None,
        sd_id: str = "hipaalog@32473",
        timeout: float = 5.0,
        window: int = 128,
    ) -> None:
        merged: dict[str, Any] = {
            "facility": facility, "hostname": hostname, "app_name": app_name, "msgid": msgid, "sd_id": sd_id,
            "timeout": timeout, "window": window,
        }  # fmt: skip
        if url is not None:
            parts = urlsplit(url)
            if parts.scheme != "relp":
                raise ConfigError(f"{url!r}: use relp://host:port")
            host, port = apply_url(
                url,
                parts,
                label="RELP",
                known=_QUERY_OPTIONS,
                options=merged,
                defaults=RelpSink.__init__.__kwdefaults__ or {},
                host=host,
                port=port,
            )
        if not host:
            raise ConfigError("a RELP sink needs a host: relp://logs.example.internal:2514")
        if not port:
            raise ConfigError("a RELP sink needs the port of the server's imrelp input: relp://logs:2514")
        window, timeout = merged["window"], merged["timeout"]
        if isinstance(window, bool) or not isinstance(window, int) or not 1 <= window <= 100_000:
            raise ConfigError(f"window must be an integer from 1 to 100000, not {window!r}")
        if isinstance(timeout, bool) or not isinstance(timeout, (int, float)) or not 0 < timeout <= 3600:
            raise ConfigError(f"timeout must be a number of seconds above 0, not {timeout!r}")
        self.host, self.port = host, int(port)
        self.timeout, self.window = float(timeout), window
        self.format = Rfc5424(
            facility=merged["facility"],
            hostname=merged["hostname"],
            app_name=merged["app_name"],
            msgid=merged["msgid"],
            sd_id=merged["sd_id"],
            bom=False,
        )
        self._sock: socket.socket | None = None
        self._buf = bytearray()
        self._txnr = 0
        self._sent_upto = 0  # messages of the current write that went (or began to go) on the wire
        self._lock = threading.Lock()
        netloc = f"[{self.host}]" if ":" in self.host else self.host
        self.name = f"relp://{netloc}:{self.port}"
        _atfork.register(self)

    # -- the sink --------------------------------------------------------------------------------
    def write(self, batch: Sequence[EncodedRecord]) -> None:
        """Send the batch and wait for every acknowledgement; raises ``SinkError`` naming the rest."""
        messages = [self.format.message(record) for record in batch]
        acknowledged: set[int] = set()
        refused: dict[int, str] = {}
        with self._lock:
            self._sent_upto = 0
            try:
                self._ensure_session()
                for start in range(0, len(messages), self.window):
                    self._send_window(messages, start, acknowledged, refused)
            except (OSError, _SessionLost, frame.FrameError) as exc:
                self._forget()
                failed = [i for i in range(len(messages)) if i not in acknowledged and i not in refused]
                reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc) or type(exc).__name__
                raise SinkError(
                    f"{self.name}: {reason}; {len(failed)} message(s) not acknowledged",
                    failed=failed,
                    rejected=sorted(refused),
                    maybe_sent=[i for i in failed if i < self._sent_upto],
                ) from exc
        if refused:
            first = refused[min(refused)]
            raise SinkError(
                f"{self.name}: the server refused {len(refused)} message(s): {first}", rejected=sorted(refused)
            )

    def flush(self) -> None:
        """Nothing is buffered: ``write`` returns once the server acknowledged."""

    def close(self) -> None:
        """End the session politely (``close``, answered by the server), then the connection."""
        with self._lock:
            sock = self._sock
            if sock is None:
                return
            with contextlib.suppress(OSError, _SessionLost, frame.FrameError):
                sock.settimeout(min(self.timeout, 1.0))
                txnr = self._next()
                sock.sendall(frame.encode(txnr, b"close"))
                self._await(txnr)
            self._forget()

    def _after_fork_in_child(self) -> None:
        self._lock = threading.Lock()
        self._forget()  # closes our copy only: the parent's session goes on, and we never write into it

    def __repr__(self) -> str:
        return f"RelpSink({self.name!r})"

    # -- the session -----------------------------------------------------------------------------
    def _next(self) -> int:
        self._txnr = frame.next_txnr(self._txnr)
        return self._txnr

    def _ensure_session(self) -> None:
        if self._sock is not None and not self._idle_ok(self._sock):
            self._forget()
        if self._sock is not None:
            return
        self._sock = socket.create_connection((self.host, self.port), timeout=self.timeout)
        self._buf.clear()
        self._txnr = 0
        txnr = self._next()
        self._sock.sendall(frame.encode(txnr, b"open", _OFFER))
        status, data = self._await(txnr)
        if status != b"200":
            raise _SessionLost(f"the server refused the session ({data[:80].decode('ascii', 'replace')})")
        if b"commands=" in data and b"syslog" not in data.split(b"commands=", 1)[1].split(b"\n", 1)[0]:
            raise _SessionLost("the server does not accept the syslog command")

    def _idle_ok(self, sock: socket.socket) -> bool:
        """Between writes a server only ever says ``serverclose``, or closes: any data means the session is over."""
        try:
            readable, _, _ = select.select([sock], [], [], 0)
        except (OSError, ValueError):
            return False
        return not readable

    def _send_window(self, messages: list[bytes], start: int, acknowledged: set[int], refused: dict[int, str]) -> None:
        assert self._sock is not None
        waiting: dict[int, int] = {}
        parts = []
        for i in range(start, min(len(messages), start + self.window)):
            txnr = self._next()
            waiting[txnr] = i
            parts.append(frame.encode(txnr, b"syslog", messages[i]))
        self._sent_upto = start + len(parts)
        self._sock.sendall(b"".join(parts))
        while waiting:
            txnr, command, data = self._read()
            if command != b"rsp" or txnr not in waiting:
                raise _SessionLost(f"unexpected {command.decode('ascii', 'replace')} from the server")
            index = waiting.pop(txnr)
            if data[:3] == b"200":
                acknowledged.add(index)
            else:
                refused[index] = data[:80].decode("ascii", "replace") or "no status"

    def _await(self, txnr: int) -> tuple[bytes, bytes]:
        """The answer to command ``txnr``: ``(status, rest)``."""
        got, command, data = self._read()
        if command != b"rsp" or got != txnr:
            raise _SessionLost(f"unexpected {command.decode('ascii', 'replace')} from the server")
        return data[:3], data[4:]

    def _read(self) -> frame.Frame:
        assert self._sock is not None
        while True:
            parsed = frame.parse(self._buf)
            if parsed is not None:
                if parsed[1] == b"serverclose":
                    raise _SessionLost("the server closed the session")
                return parsed
            if _QUICKACK is not None:  # acknowledge at once: else the server's next answers wait for our
                with contextlib.suppress(OSError):  # delayed ACK (Nagle on its side), 40 ms a window
                    self._sock.setsockopt(socket.IPPROTO_TCP, _QUICKACK, 1)
            chunk = self._sock.recv(65536)
            if not chunk:
                raise _SessionLost("the server closed the connection")
            self._buf += chunk

    def _forget(self) -> None:
        sock, self._sock = self._sock, None
        self._buf.clear()
        if sock is not None:
            with contextlib.suppress(OSError):
                sock.close()
