"""Server certificates in a log line: their serials and ids are a machine's, never a person's device or licence."""

from __future__ import annotations

import re
from typing import Final

__all__ = ["MACHINE_CERTIFICATE", "certificate_serial"]

MACHINE_CERTIFICATE: Final = re.compile(
    r"(?=[TtSsXxAaHhCcPp])(?<![A-Za-z])(?:TLS|tls|SSL|ssl|[Xx]\.?509|ACM|acm|https|CSR|csr|PEM|pem)(?![A-Za-z])"
    r"|[a-z0-9](?:[a-z0-9-]*\.)+(?:com|org|net|io|dev|internal|local|example|cloud)(?![\w.-])"
)
"""A certificate of a server in the same text: TLS, SSL, X.509, ACM, https, a CSR, PEM, a host name."""
_CERTIFICATE_WORD: Final = re.compile(r"(?=[Cc])(?<![A-Za-z])(?i:cert|certs|certificate|certificates)(?![A-Za-z])")


def certificate_serial(text: str, start: int) -> bool:
    """Whether the serial at ``start`` is a server certificate's: a certificate word in the 80 characters before it
    and a sign of a machine's certificate (TLS, X.509, a host name) in the text."""
    return (
        _CERTIFICATE_WORD.search(text, max(0, start - 80), start) is not None
        and MACHINE_CERTIFICATE.search(text) is not None
    )
