"""Records to a syslog receiver as RFC 5424 messages over UDP, TCP (RFC 6587) or TLS (RFC 5425)."""

from __future__ import annotations

import contextlib
import socket
import threading
from collections.abc import Sequence
from typing import Any
from urllib.parse import urlsplit

from .. import _atfork
from .._encoded import EncodedRecord
from ..exceptions import ConfigError, SinkError
from ._netstream import Stream, tls_context
from ._rfc5424 import Rfc5424
from ._url_options import apply_url

__all__ = ["SyslogSink"]

_TRANSPORTS = {"syslog": "udp", "syslog+udp": "udp", "syslog+tcp": "tcp", "syslog+tls": "tls"}
_DEFAULT_PORTS = {"udp": 514, "tcp": 514, "tls": 6514}
_FRAMINGS = ("octet-counting", "non-transparent")
_MAX_UDP = 65_507
_QUERY_OPTIONS = {
    "facility": str, "hostname": str, "app_name": str, "msgid": str, "sd_id": str, "bom": bool, "ca_file": str,
    "cert_file": str, "key_file": str, "verify": bool, "server_name": str, "timeout": float, "framing": str,
    "confirm_after": float,
}  # fmt: skip


class SyslogSink:
    """Sends each record as one RFC 5424 message to a syslog receiver.

    Give a URL, ``syslog+udp://host:514``, ``syslog+tcp://host:514`` or ``syslog+tls://host:6514``
    (options may follow as a query: ``?facility=local0&ca_file=/etc/ssl/ca.pem``), or ``host``,
    ``port`` and ``transport`` (``"udp"``, ``"tcp"``, ``"tls"``).

    Args:
        facility: syslog facility by name or number (default ``user``).
        hostname, app_name, msgid: header fields; by default the machine's name, each record's
            ``appId`` and its logger name.
        sd_id: the SD-ID of the structured data element carrying ``appId``, ``platform`` and
            ``microservice`` (``hipaalog@32473`` uses the documentation enterprise number).
        bom: put the UTF-8 BOM in front of MSG (RFC 5424 ``MSG-UTF8``); off by default because
            JSON parsers downstream rarely expect it.
        framing: over TCP and TLS, ``"octet-counting"`` (RFC 6587 3.4.1, the default) or
            ``"non-transparent"`` (a newline after each message; records never contain one).
        ca_file, cert_file, key_file, verify, server_name: TLS settings (``verify=False`` turns off
            certificate checks: for tests only).
        timeout: seconds for connecting and sending.
        confirm_after: over TCP and TLS, how long a connection must outlive a write (with every
            byte acknowledged by the receiver's TCP) before its records count as delivered.

    UDP gives no delivery guarantee at all (a receiver that is down loses datagrams unnoticed)
    and a message must fit one datagram; use TCP or TLS when records must arrive. Syslog has no
    acknowledgements: over TCP and TLS, records written on a connection that is then reset or
    closed before ``confirm_after`` are sent again (:meth:`settle` tells the delivery layer), and
    a batch that fails midway is sent again whole (its messages that may have gone out are named
    in ``SinkError.maybe_sent``), so the receiver may see some messages twice.
    """

    def __init__(
        self,
        url: str | None = None,
        *,
        host: str | None = None,
        port: int | None = None,
        transport: str | None = None,
        facility: int | str = "user",
        hostname: str | None = None,
        app_name: str | None = None,
        msgid: str | None = None,
        sd_id: str = "hipaalog@32473",
        bom: bool = False,
        framing: str = "octet-counting",
        ca_file: str | None = None,
        cert_file: str | None = None,
        key_file: str | None = None,
        verify: bool = True,
        server_name: str | None = None,
        timeout: float = 5.0,
        confirm_after: float = 0.25,
    ) -> None:
        merged: dict[str, Any] = {
            "facility": facility, "hostname": hostname, "app_name": app_name, "msgid": msgid, "sd_id": sd_id,
            "bom": bom, "framing": framing, "ca_file": ca_file, "cert_file": cert_file, "key_file": key_file,
            "verify": verify, "server_name": server_name, "timeout": timeout, "confirm_after": confirm_after,
        }  # fmt: skip
        if url is not None:
            parts = urlsplit(url)
            if parts.scheme not in _TRANSPORTS:
                raise ConfigError(f"{url!r}: use syslog+udp://, syslog+tcp:// or syslog+tls://")
            transport = transport or _TRANSPORTS[parts.scheme]
            host, port = apply_url(
                url,
                parts,
                label="syslog",
                known=_QUERY_OPTIONS,
                options=merged,
                defaults=SyslogSink.__init__.__kwdefaults__ or {},
                host=host,
                port=port,
            )
        transport = (transport or "udp").lower()
        if transport not in _DEFAULT_PORTS:
            raise ConfigError(f"transport must be udp, tcp or tls, not {transport!r}")
        if not host:
            raise ConfigError("a syslog sink needs a host: syslog+tcp://logs.example.internal:514")
        if merged["framing"] not in _FRAMINGS:
            raise ConfigError(f"framing must be one of {', '.join(_FRAMINGS)}, not {merged['framing']!r}")
        self.host, self.port, self.transport = host, int(port or _DEFAULT_PORTS[transport]), transport
        self.timeout = float(merged["timeout"])
        confirm = merged["confirm_after"]
        if isinstance(confirm, bool) or not isinstance(confirm, (int, float)) or not 0 <= confirm <= 60:
            raise ConfigError(f"confirm_after must be a number of seconds from 0 to 60, not {confirm!r}")
        self.framing = merged["framing"]
        self.format = Rfc5424(
            facility=merged["facility"],
            hostname=merged["hostname"],
            app_name=merged["app_name"],
            msgid=merged["msgid"],
            sd_id=merged["sd_id"],
            bom=merged["bom"],
        )
        context = None
        if transport == "tls":
            context = tls_context(
                ca_file=merged["ca_file"],
                cert_file=merged["cert_file"],
                key_file=merged["key_file"],
                verify=merged["verify"],
            )
        self._stream = Stream(
            self.host,
            self.port,
            timeout=self.timeout,
            context=context,
            server_name=merged["server_name"],
            confirm_after=float(confirm),
        )
        self._udp: socket.socket | None = None
        self._udp_sent = 0  # datagrams sent since the last settle(): nothing more will ever be known
        self._lock = threading.Lock()
        netloc = f"[{self.host}]" if ":" in self.host else self.host
        self.name = f"syslog+{transport}://{netloc}:{self.port}"
        _atfork.register(self)

    def write(self, batch: Sequence[EncodedRecord]) -> None:
        """Send the batch; raises ``SinkError`` naming the records that did not go out."""
        messages = [self.format.message(record) for record in batch]
        with self._lock:
            if self.transport == "udp":
                self._send_datagrams(messages)
                return
            if self.framing == "octet-counting":
                frames = [b"%d %s" % (len(m), m) for m in messages]
            else:
                frames = [m + b"\n" for m in messages]
            try:
                self._stream.send(b"".join(frames), len(messages))
            except OSError as exc:
                raise SinkError(
                    f"{self.name}: {exc.strerror or type(exc).__name__}",
                    maybe_sent=range(_started(frames, self._stream.reached)),
                ) from exc

    def settle(self) -> tuple[int, int]:
        """``(confirmed, lost)`` among the records earlier writes accepted, oldest first.

        Over UDP every datagram sent counts as confirmed (nothing more can be known); over TCP and
        TLS see ``confirm_after``. Lost records are for the delivery layer to write again.
        """
        with self._lock:
            if self.transport == "udp":
                sent, self._udp_sent = self._udp_sent, 0
                return sent, 0
            return self._stream.settle()

    def _send_datagrams(self, messages: list[bytes]) -> None:
        too_big = [i for i, m in enumerate(messages) if len(m) > _MAX_UDP]
        for i, message in enumerate(messages):
            if i in too_big:
                continue
            try:
                if self._udp is None:
                    family, kind, proto, _, address = socket.getaddrinfo(self.host, self.port, type=socket.SOCK_DGRAM)[
                        0
                    ]
                    self._udp = socket.socket(family, kind, proto)
                    self._udp.connect(address)  # connected: an ICMP "port unreachable" comes back as an error
                self._udp.send(message)
                self._udp_sent += 1
            except OSError as exc:
                self._close_udp()
                failed = [j for j in range(i, len(messages)) if j not in too_big]
                raise SinkError(
                    f"{self.name}: {exc.strerror or type(exc).__name__}", failed=failed, rejected=too_big
                ) from exc
        if too_big:
            raise SinkError(f"{self.name}: message larger than one UDP datagram ({_MAX_UDP} bytes)", rejected=too_big)

    def _close_udp(self) -> None:
        if self._udp is not None:
            with contextlib.suppress(OSError):
                self._udp.close()
            self._udp = None

    def flush(self) -> None:
        """Nothing is buffered: every write goes out before it returns."""

    def close(self) -> None:
        """Close the connection."""
        with self._lock:
            self._stream.close()
            self._close_udp()

    def _after_fork_in_child(self) -> None:
        self._lock = threading.Lock()
        self._stream.reset()  # the parent's connection: never write into it, never say goodbye on it
        self._udp_sent = 0
        self._close_udp()

    def __repr__(self) -> str:
        return f"SyslogSink({self.name!r})"


def _started(frames: Sequence[bytes], reached: int) -> int:
    """How many of ``frames``, sent back to back, begin within the first ``reached`` bytes."""
    count = offset = 0
    for frame in frames:
        if offset >= reached:
            break
        count += 1
        offset += len(frame)
    return count
