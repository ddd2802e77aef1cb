"""PHI redaction: key rules and value detectors covering the 18 HIPAA Safe Harbor identifiers.

>>> from hipaalog.redaction import redact
>>> redact({"patientSsn": "123-45-6789", "note": "call (415) 555-0132"})
{'patientSsn': '[REDACTED:SSN]', 'note': 'call [REDACTED:PHONE]'}

:class:`Redactor` takes a policy (strategies per kind, pseudonym keys, allowlisted fields, custom
rules); :func:`find_phi` reports where PHI is without showing it; :class:`RedactingFilter` and
:func:`install_record_redaction` clean ``LogRecord`` objects before any handler sees them.
See ``docs/redaction.md``.
"""

from __future__ import annotations

from ._api import default_redactor, find_phi, redact, redact_text
from ._builtin import DEFAULT_DETECTORS
from ._detector import BaseDetector, Detector, by_callable, by_pattern, register_detector, registered_detectors
from ._kinds import KINDS, SAFE_HARBOR, UNINSPECTED
from ._records import (
    RedactingFilter,
    install_record_redaction,
    record_redaction_installed,
    redact_record,
    uninstall_record_redaction,
)
from ._redactor import Finding, KeyRule, Redactor, by_key
from ._strategies import STRATEGIES

__all__ = [
    "DEFAULT_DETECTORS",
    "KINDS",
    "SAFE_HARBOR",
    "STRATEGIES",
    "UNINSPECTED",
    "BaseDetector",
    "Detector",
    "Finding",
    "KeyRule",
    "RedactingFilter",
    "Redactor",
    "by_callable",
    "by_key",
    "by_pattern",
    "default_redactor",
    "find_phi",
    "install_record_redaction",
    "record_redaction_installed",
    "redact",
    "redact_record",
    "redact_text",
    "register_detector",
    "registered_detectors",
    "uninstall_record_redaction",
]
