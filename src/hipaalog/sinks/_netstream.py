"""A TCP or TLS connection for a sink that only ever sends: lazy connect, dead-peer check, confirmations."""

from __future__ import annotations

import contextlib
import errno
import select
import socket
import ssl
import struct
from collections import deque
from time import monotonic

from ..exceptions import ConfigError

__all__ = ["Stream", "tls_context"]

_TLS_PIECE = 16_384
"""Bytes handed to TLS at a time (one record): a send that breaks off may have sent that much of it."""


def tls_context(
    *, ca_file: str | None = None, cert_file: str | None = None, key_file: str | None = None, verify: bool = True
) -> ssl.SSLContext:
    """A client context that verifies the server against ``ca_file`` (or the system store)."""
    try:
        context = ssl.create_default_context(cafile=ca_file)
        if not verify:
            context.check_hostname = False
            context.verify_mode = ssl.CERT_NONE
        if cert_file:
            context.load_cert_chain(cert_file, key_file)
    except (OSError, ssl.SSLError) as exc:
        raise ConfigError(f"TLS files ({ca_file=}, {cert_file=}): {exc}") from exc
    return context


class Stream:
    """One outgoing connection, opened on first use and again after any failure.

    Receivers of syslog never answer on the connection, so a readable socket means the peer has
    closed it (or reset it): :meth:`send` notices that and reconnects *before* writing, instead of
    writing into a dead connection whose data the kernel would accept and then lose.

    Nothing on the wire confirms a message either, so the records of each send stay *unconfirmed*
    until the connection has outlived them by ``confirm_after`` seconds with every byte
    acknowledged by the peer's TCP (:meth:`settle`). A connection found closed or reset while
    records are unconfirmed loses them: :meth:`settle` reports them for sending again, and the
    next :meth:`send` fails so that they go out first, in order.

    After a :meth:`send` that raised, ``reached`` tells how many bytes of its payload may have
    reached the peer all the same (``0`` when none left, as when the connection could not open).
    """

    def __init__(
        self,
        host: str,
        port: int,
        *,
        timeout: float,
        context: ssl.SSLContext | None,
        server_name: str | None,
        confirm_after: float = 0.0,
    ) -> None:
        self.host, self.port, self.timeout = host, port, timeout
        self.context, self.server_name = context, server_name or host
        self.confirm_after = confirm_after
        self._sock: socket.socket | None = None
        self._unconfirmed: deque[tuple[float, int]] = deque()  # (sent at, records) on this connection
        self._lost = 0  # unconfirmed records of a connection that died, not yet reported
        self._fresh_loss = False  # the next send fails once, so that the lost records go first
        self.reached = 0

    def _connect(self) -> socket.socket:
        raw = socket.create_connection((self.host, self.port), timeout=self.timeout)
        if self.context is None:
            return raw
        try:
            return self.context.wrap_socket(raw, server_hostname=self.server_name)
        except BaseException:
            raw.close()
            raise

    def _alive(self, sock: socket.socket) -> bool:
        try:
            readable, _, _ = select.select([sock], [], [], 0)
        except (OSError, ValueError):
            return False
        if not readable:
            return True
        try:
            if isinstance(sock, ssl.SSLSocket):
                sock.setblocking(False)
                try:
                    return bool(sock.recv(1))
                finally:
                    sock.settimeout(self.timeout)
            return bool(sock.recv(1, socket.MSG_PEEK | socket.MSG_DONTWAIT))
        except (ssl.SSLWantReadError, BlockingIOError):
            return True  # TLS housekeeping (a session ticket), no application data
        except OSError:
            return False

    def send(self, payload: bytes, records: int = 0) -> None:
        """Send all of ``payload`` (``records`` messages); raises ``OSError`` (the connection is then dropped).

        Also raises ``ConnectionResetError``, without sending, once after the peer lost records
        of earlier sends, so that they are sent again before this payload.
        """
        self.reached = 0
        if self._sock is not None and not self._alive(self._sock):
            self._lose()
        if self._fresh_loss:
            self._fresh_loss = False
            raise ConnectionResetError(
                errno.ECONNRESET, "connection lost before the receiver confirmed earlier records"
            )
        try:
            if self._sock is None:
                self._sock = self._connect()
            self._send_all(self._sock, payload)
        except BaseException:
            self._lose()
            raise
        if records:
            self._unconfirmed.append((monotonic(), records))

    def _send_all(self, sock: socket.socket, payload: bytes) -> None:
        """``sendall``, keeping ``reached`` up to date in case it breaks off."""
        tls = isinstance(sock, ssl.SSLSocket)
        with memoryview(payload) as view:
            done, total = 0, len(view)
            while done < total:
                piece = view[done : done + _TLS_PIECE] if tls else view[done:]
                # a failed TCP send took nothing; a failed TLS write may have sent part of its piece
                self.reached = done + len(piece) if tls else done
                done += sock.send(piece)
        self.reached = total

    def settle(self) -> tuple[int, int]:
        """``(confirmed, lost)``: records of earlier sends now confirmed, or lost with their connection."""
        if self._unconfirmed and self._sock is not None and not self._alive(self._sock):
            self._lose()
        if self._lost:
            lost, self._lost, self._fresh_loss = self._lost, 0, False
            return 0, lost
        if not self._unconfirmed or (self._sock is not None and _unsent(self._sock)):
            return 0, 0
        cutoff = monotonic() - self.confirm_after
        confirmed = 0
        while self._unconfirmed and self._unconfirmed[0][0] <= cutoff:
            confirmed += self._unconfirmed.popleft()[1]
        return confirmed, 0

    def _lose(self) -> None:
        """The connection is gone, and with it whatever it had not confirmed."""
        lost = sum(n for _, n in self._unconfirmed)
        self._unconfirmed.clear()
        if lost:
            self._lost += lost
            self._fresh_loss = True
        self.forget()

    def close(self) -> None:
        """Close politely (TLS ``close_notify``, without waiting long for the peer's answer)."""
        self._unconfirmed.clear()
        self._lost, self._fresh_loss = 0, False
        sock, self._sock = self._sock, None
        if sock is None:
            return
        if isinstance(sock, ssl.SSLSocket):
            with contextlib.suppress(OSError, ValueError):
                sock.settimeout(min(self.timeout, 1.0))
                sock.unwrap()
        with contextlib.suppress(OSError):
            sock.close()

    def reset(self) -> None:
        """In a forked child: forget the parent's connection and what it had not confirmed."""
        self._unconfirmed.clear()
        self._lost, self._fresh_loss = 0, False
        self.forget()

    def forget(self) -> None:
        """Drop the connection without a goodbye (after an error)."""
        sock, self._sock = self._sock, None
        if sock is not None:
            with contextlib.suppress(OSError):
                sock.close()


def _unsent(sock: socket.socket) -> bool:
    """Whether the kernel still holds bytes the peer's TCP has not acknowledged (Linux; else ``False``)."""
    try:
        import fcntl
        import termios

        raw = fcntl.ioctl(sock.fileno(), termios.TIOCOUTQ, b"\0\0\0\0")
    except (ImportError, AttributeError, OSError, ValueError):
        return False
    return bool(struct.unpack("i", raw)[0])
