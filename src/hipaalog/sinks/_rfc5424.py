"""RFC 5424 syslog messages from encoded records.

``<PRI>1 TIMESTAMP HOSTNAME APP-NAME PROCID MSGID [SD-ID appId=".." platform=".." microservice=".."] MSG``
where PRI is ``facility * 8 + severity``, TIMESTAMP the record's time (UTC, microseconds), MSGID
the logger name, and MSG the record's JSON line (``MSG-ANY``; a UTF-8 BOM in front on request).
"""

from __future__ import annotations

import os
import socket

from .._encoded import EncodedRecord
from .._timestamps import rfc3339
from ..exceptions import ConfigError

__all__ = ["FACILITIES", "Rfc5424", "parse_facility"]

FACILITIES = {
    "kern": 0, "user": 1, "mail": 2, "daemon": 3, "auth": 4, "syslog": 5, "lpr": 6, "news": 7, "uucp": 8,
    "cron": 9, "authpriv": 10, "ftp": 11, "ntp": 12, "security": 13, "console": 14, "solaris-cron": 15,
    **{f"local{n}": 16 + n for n in range(8)},
}  # fmt: skip
_BOM = b"\xef\xbb\xbf"
_SD_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "]": "\\]"})


def parse_facility(value: object) -> int:
    """A facility number from a name (``"local0"``) or a number 0-23."""
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 23:
        return value
    if isinstance(value, str):
        text = value.strip().lower()
        if text.isdigit() and int(text) <= 23:
            return int(text)
        if text in FACILITIES:
            return FACILITIES[text]
    raise ConfigError(f"facility must be a syslog facility name (user, local0 ... local7, ...) or 0-23, not {value!r}")


def header_token(text: str, limit: int) -> str:
    """A header field: printable US-ASCII without spaces, at most ``limit`` characters, ``-`` if empty."""
    token = "".join(c if "!" <= c <= "~" else "_" for c in text[:limit])
    return token or "-"


def _sd_id(value: str) -> str:
    if not value or len(value) > 32 or any(not ("!" <= c <= "~") or c in '="]' for c in value):
        raise ConfigError(f"sd_id {value!r}: 1-32 printable ASCII characters without '=', ']', '\"' or spaces")
    return value


class Rfc5424:
    """Builds one RFC 5424 message per record."""

    def __init__(
        self,
        *,
        facility: int | str = "user",
        hostname: str | None = None,
        app_name: str | None = None,
        msgid: str | None = None,
        sd_id: str = "hipaalog@32473",
        bom: bool = False,
    ) -> None:
        self.facility = parse_facility(facility)
        self.hostname = header_token(hostname or socket.gethostname(), 255)
        self.app_name = None if app_name is None else header_token(app_name, 48)
        self.msgid = None if msgid is None else header_token(msgid, 32)
        self.sd_id = _sd_id(sd_id)
        self.bom = bool(bom)
        self._tails: dict[tuple[str, str, str, str, int], bytes] = {}

    def _tail(self, record: EncodedRecord, pid: int) -> bytes:
        """Everything after the timestamp up to MSG; the same for every record of one logger."""
        key = (record.app_id, record.logger, record.platform, record.microservice, pid)
        tail = self._tails.get(key)
        if tail is None:
            app = self.app_name or header_token(record.app_id, 48)
            msgid = self.msgid or header_token(record.logger, 32)
            sd = (
                f'[{self.sd_id} appId="{record.app_id.translate(_SD_ESCAPES)}"'
                f' platform="{record.platform.translate(_SD_ESCAPES)}"'
                f' microservice="{record.microservice.translate(_SD_ESCAPES)}"]'
            )
            tail = f" {self.hostname} {app} {pid} {msgid} {sd} ".encode() + (_BOM if self.bom else b"")
            if len(self._tails) >= 1024:
                self._tails.clear()
            self._tails[key] = tail
        return tail

    def message(self, record: EncodedRecord) -> bytes:
        """The message for ``record`` (without transport framing)."""
        pri = self.facility * 8 + min(max(record.severity, 0), 7)
        head = f"<{pri}>1 {rfc3339(record.created)}".encode()
        return head + self._tail(record, os.getpid()) + record.line
