"""A TCP or TLS connection for a sink that only ever sends: lazy connect, dead-peer check."""

from __future__ import annotations

import contextlib
import select
import socket
import ssl

from ..exceptions import ConfigError

__all__ = ["Stream", "tls_context"]


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
    """

    def __init__(
        self, host: str, port: int, *, timeout: float, context: ssl.SSLContext | None, server_name: str | None
    ) -> None:
        self.host, self.port, self.timeout = host, port, timeout
        self.context, self.server_name = context, server_name or host
        self._sock: socket.socket | None = None

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

    def send(self, payload: bytes) -> None:
        """Send all of ``payload``; raises ``OSError`` (the connection is then dropped)."""
        if self._sock is not None and not self._alive(self._sock):
            self.close()
        try:
            if self._sock is None:
                self._sock = self._connect()
            self._sock.sendall(payload)
        except BaseException:
            self.forget()
            raise

    def close(self) -> None:
        """Close politely (TLS ``close_notify``, without waiting long for the peer's answer)."""
        sock, self._sock = self._sock, None
        if sock is None:
            return
        if isinstance(sock, ssl.SSLSocket):
            with contextlib.suppress(OSError, ValueError):
                sock.settimeout(min(self.timeout, 1.0))
                sock.unwrap()
        with contextlib.suppress(OSError):
            sock.close()

    def forget(self) -> None:
        """Drop the connection without a goodbye (after an error, or in a forked child)."""
        sock, self._sock = self._sock, None
        if sock is not None:
            with contextlib.suppress(OSError):
                sock.close()
