"""Building the ``audit`` object of each event from the caller's arguments.

Arguments are normalized, never trusted: patients become keyed pseudonyms, every text argument
(action, resource, method, format, rule, field names, reasons, destinations, details, an unknown
outcome) is redacted before it is sealed or told on stderr, changed fields keep their names only,
an export counts patients instead of listing them. The actor (who acted: a workforce identifier)
is kept as given, so that the trail says who, unless it holds personal data the redactor finds (a
patient signing in to a portal with an e-mail address): it is then written as a keyed pseudonym
``USER:<key id>:<digest>``, the same for every event of that user. A log-in source is kept when it
is an IP address (or pseudonymized, on request) and redacted as text otherwise. A wrong
argument never raises; it is counted (``audit-invalid-argument``) and the record is still
written, with what could not be used marked in its text.
"""

from __future__ import annotations

import ipaddress
import logging
import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any, Final

from .. import _diagnostics
from .._audit_schema import AUDIT_OUTCOMES
from .._pseudonym import Pseudonymizer

__all__ = ["EventBuilder", "Outcome"]

Outcome = str
"""``"success"``, ``"failure"`` or ``"denied"`` (``True``/``False`` are read as success/failure)."""

_TOKEN: Final = re.compile(r"\APATIENT:[^:\s]{1,64}:[a-z2-7]{16}\Z")
_OUTCOME_ALIASES: Final = {
    "ok": "success",
    "succeeded": "success",
    "allowed": "success",
    "fail": "failure",
    "failed": "failure",
    "error": "failure",
    "deny": "denied",
    "forbidden": "denied",
    "refused": "denied",
}
_MAX_TEXT: Final = 1024

Built = tuple[dict[str, Any], str, int]
"""(audit object, message, level number)."""


def _invalid(detail: str) -> None:
    _diagnostics.problem("audit-invalid-argument", detail)


def _text(value: object, name: str) -> str:
    if isinstance(value, str):
        return value[:_MAX_TEXT]
    if value is None:
        _invalid(f"{name} is missing")
        return ""
    return str(value)[:_MAX_TEXT]


def _outcome(value: object, shown: Callable[[object], str] = str) -> tuple[str, str]:
    """(outcome, note for an unusable value); ``shown`` gives the text of that value (redacted)."""
    if value is True:
        return "success", ""
    if value is False:
        return "failure", ""
    if isinstance(value, str):
        lowered = value.strip().lower()
        if lowered in AUDIT_OUTCOMES:
            return lowered, ""
        if lowered in _OUTCOME_ALIASES:
            return _OUTCOME_ALIASES[lowered], ""
    text = shown(value)[:40]
    _invalid(f"outcome must be success, failure or denied, not {text!r}")
    return "failure", f"[hipaalog: unknown outcome {text!r}]"


def _level(outcome: str, *, raised: bool = False) -> int:
    return logging.WARNING if raised or outcome != "success" else logging.INFO


class EventBuilder:
    """Builds audit objects.

    Args:
        pseudonymizer: turns patient identifiers into ``PATIENT:<key id>:<digest>`` tokens.
        redact: applied to free text (reasons, destinations, alert details).
        pseudonymize_source: replace login source addresses by ``IP:<key id>:<digest>`` tokens.
    """

    def __init__(
        self,
        pseudonymizer: Pseudonymizer,
        redact: Callable[[str], str] | None = None,
        *,
        pseudonymize_source: bool = False,
    ) -> None:
        self.pseudonymizer = pseudonymizer
        self._redact = redact
        self.pseudonymize_source = pseudonymize_source

    def patient(self, value: object) -> str:
        """The pseudonym of a patient identifier (a token already made is kept as it is)."""
        if value is None or value == "":
            _invalid("patient is missing")
            return "PATIENT:none"
        text = value if isinstance(value, str) else str(value)
        if _TOKEN.match(text):
            return text
        return self.pseudonymizer.token("PATIENT", text.strip())

    def actor(self, value: object, name: str = "actor") -> str:
        """The actor as given, or its pseudonym ``USER:<key id>:<digest>`` when it holds personal data."""
        text = _text(value, name)
        if not text or self._redact is None:
            return text
        return text if self._free_text(text) == text else self.pseudonymizer.token("USER", text.strip())

    def _source(self, value: object) -> str:
        """A log-in source: an IP address as given (or its pseudonym), anything else redacted as text."""
        source = _text(value, "source_ip")
        if not source:
            return source
        try:
            ipaddress.ip_address(source.strip().strip("[]"))
        except ValueError:
            return self._free_text(source)
        return self.pseudonymizer.token("IP", source) if self.pseudonymize_source else source

    def _words(self, value: object, name: str) -> str:
        """A short text argument (action, resource, method...): redacted like free text."""
        return self._free_text(_text(value, name))

    def _outcome(self, value: object) -> tuple[str, str]:
        return _outcome(value, self._free_text)

    def _free_text(self, value: object) -> str:
        text = _text(value, "text")
        if self._redact is None or not text:
            return text
        try:
            redacted = self._redact(text)
        except Exception:  # noqa: BLE001 - fail closed: free text that cannot be inspected is not written
            _diagnostics.problem("audit-redaction-failed", "free text of an audit event could not be redacted")
            return "[REDACTED]"
        return redacted if isinstance(redacted, str) else "[REDACTED]"

    def _reason(self, audit: dict[str, Any], reason: object, note: str) -> None:
        text = self._free_text(reason) if reason is not None else ""
        if note:
            text = f"{text} {note}".strip()
        if text:
            audit["reason"] = text

    def access(
        self,
        actor: object,
        patient: object,
        action: object,
        resource: object,
        outcome: object,
        *,
        reason: object = None,
        emergency: bool = False,
    ) -> Built:
        """An access to a patient's record."""
        result, note = self._outcome(outcome)
        audit: dict[str, Any] = {
            "event": "access",
            "actor": self.actor(actor),
            "outcome": result,
            "patient": self.patient(patient),
            "action": self._words(action, "action"),
            "resource": self._words(resource, "resource"),
        }
        self._reason(audit, reason, note)
        if emergency:
            audit["emergency"] = True
        prefix = "break-glass " if emergency else ""
        message = f"{prefix}{audit['action']} {audit['resource']} ({result})"
        return audit, message, _level(result, raised=bool(emergency))

    def session(
        self, event: str, user: object, success: object, source_ip: object, method: object, *, reason: object = None
    ) -> Built:
        """A log-in (``event="login"``) or log-out."""
        result, note = self._outcome(success)
        source = self._source(source_ip)
        audit: dict[str, Any] = {
            "event": event,
            "actor": self.actor(user, "user"),
            "outcome": result,
            "source": source,
            "method": self._words(method, "method"),
        }
        self._reason(audit, reason, note)
        return audit, f"{event} via {audit['method']} ({result})", _level(result)

    def change(
        self,
        actor: object,
        patient: object,
        resource: object,
        fields: Iterable[object] | Mapping[object, object],
        outcome: object = "success",
        *,
        reason: object = None,
    ) -> Built:
        """A change to a patient's record: the names of the fields changed, never their values."""
        result, note = self._outcome(outcome)
        if isinstance(fields, (str, bytes)):
            names = [self._words(fields, "fields")]
        elif isinstance(fields, Mapping):
            names = [self._words(k, "fields") for k in fields]  # a mapping of field -> value: keep the names only
        else:
            try:
                names = [self._words(f, "fields") for f in fields]
            except TypeError:
                _invalid("fields must be a list of field names")
                names = []
        audit: dict[str, Any] = {
            "event": "change",
            "actor": self.actor(actor),
            "outcome": result,
            "patient": self.patient(patient),
            "resource": self._words(resource, "resource"),
            "fields": names,
        }
        self._reason(audit, reason, note)
        return audit, f"change {audit['resource']}: {len(names)} field(s) ({result})", _level(result)

    def export(
        self,
        actor: object,
        patients: int | Iterable[object],
        format: object,
        destination: object,
        outcome: object = "success",
        *,
        reason: object = None,
    ) -> Built:
        """An export of patients' records: how many, in what format, to where (the list is not kept)."""
        result, note = self._outcome(outcome)
        if isinstance(patients, bool) or not isinstance(patients, int):
            try:
                count = len(list(patients))  # type: ignore[arg-type]
            except TypeError:
                _invalid("patients must be a count or a collection of patient ids")
                count = 0
        else:
            count = max(0, patients)
        audit: dict[str, Any] = {
            "event": "export",
            "actor": self.actor(actor),
            "outcome": result,
            "patients": count,
            "format": self._words(format, "format"),
            "destination": self._free_text(destination),
        }
        self._reason(audit, reason, note)
        return audit, f"export of {count} patient(s) as {audit['format']} ({result})", _level(result)

    def alert(
        self,
        rule: object,
        detail: object = "",
        *,
        actor: object = "hipaalog",
        outcome: object = "success",
        evidence: Iterable[int] = (),
        level: int = logging.WARNING,
    ) -> Built:
        """An alert raised by a monitor: the rule, one line of detail, the evidence records' seq."""
        result, note = self._outcome(outcome)
        audit: dict[str, Any] = {
            "event": "alert",
            "actor": self.actor(actor),
            "outcome": result,
            "rule": self._words(rule, "rule"),
            "detail": self._free_text(detail) if detail else "",
            "evidence": [int(s) for s in evidence if isinstance(s, int) and not isinstance(s, bool)],
        }
        if note:
            audit["detail"] = f"{audit['detail']} {note}".strip()
        return audit, f"alert {audit['rule']}", level
