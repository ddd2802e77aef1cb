"""Live monitoring of the audit stream: sliding-window rules that raise alert records as events arrive.

Attach a :class:`Monitor` to an audit stream (:meth:`Monitor.attach`, which subscribes it to
every record written) or feed it records with :meth:`Monitor.observe`; it is also a sink, so an
audit stream can ``forward`` to it. When a rule trips, the monitor records an ``alert`` audit
event (sealed into the attached stream's chain, with the evidence records' ``seq``) and hands
that record to its sinks (a file, stdout, a webhook sink, any :class:`hipaalog.typing.Sink`)
and to an optional callback.

Memory is bounded however long it runs: each rule keeps at most ``threshold`` entries per key,
and at most ``max_keys`` keys are tracked (the least recently active is dropped first, and the
drop is counted). Rules use the records' own timestamps, so replaying a stream gives the alerts
it would have given live.

Rules are built by factory functions: :func:`failed_logins`, :func:`users_from_source`,
:func:`success_after_failures`, :func:`denied_access`, :func:`break_glass`,
:func:`record_reopened` and :func:`bulk_export`; :func:`default_rules` returns a sensible set.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict, deque
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import orjson

from . import _diagnostics
from ._encoded import EncodedRecord
from ._levels import rfc5424_severity
from ._timestamps import rfc3339
from .exceptions import ConfigError
from .report._timeparse import parse_ts
from .typing import Sink

__all__ = [
    "Alert",
    "Monitor",
    "Rule",
    "break_glass",
    "bulk_export",
    "default_rules",
    "denied_access",
    "failed_logins",
    "record_reopened",
    "success_after_failures",
    "users_from_source",
]

_LEVELS = {"low": ("info", 20), "medium": ("warning", 30), "high": ("error", 40), "critical": ("critical", 50)}


@dataclass(frozen=True)
class Rule:
    """One sliding-window rule. Build rules with the factory functions rather than directly.

    Audit events whose ``event`` is ``event`` and whose ``outcome`` is in ``outcomes`` are
    counted per key (the values of the ``key`` fields). The rule trips when, within ``window``
    seconds, the count reaches ``threshold``, or the number of different values of ``distinct``
    does, or the sum of ``weight`` does. With ``trigger`` outcomes, events with those outcomes do
    not count: they trip the rule if the count has reached the threshold (a success after
    failures). After tripping, the key starts again from zero.
    """

    name: str
    event: str
    outcomes: frozenset[str]
    key: tuple[str, ...]
    threshold: int
    window: float
    severity: str = "high"
    distinct: str | None = None
    weight: str | None = None
    emergency_only: bool = False
    trigger: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        if not isinstance(self.threshold, int) or isinstance(self.threshold, bool) or self.threshold < 1:
            raise ConfigError(f"rule {self.name}: threshold must be a whole number of at least 1")
        if not isinstance(self.window, (int, float)) or self.window <= 0:
            raise ConfigError(f"rule {self.name}: window must be a positive number of seconds")
        if self.severity not in _LEVELS:
            raise ConfigError(f"rule {self.name}: severity must be one of {', '.join(_LEVELS)}")
        if not self.key:
            raise ConfigError(f"rule {self.name}: key needs at least one audit field")

    def __call__(self, audit: Mapping[str, Any]) -> tuple[str, str | None, int, bool] | None:
        """(key, distinct value, weight, is trigger) when ``audit`` concerns this rule, else None."""
        if audit.get("event") != self.event:
            return None
        outcome = audit.get("outcome")
        triggering = outcome in self.trigger
        if not triggering and outcome not in self.outcomes:
            return None
        if self.emergency_only and audit.get("emergency") is not True:
            return None
        parts = []
        for name in self.key:
            value = audit.get(name)
            if not isinstance(value, str) or not value:
                return None
            parts.append(value)
        distinct = None
        if self.distinct is not None:
            value = audit.get(self.distinct)
            if not isinstance(value, str):
                return None
            distinct = value
        weight = 1
        if self.weight is not None:
            raw = audit.get(self.weight)
            weight = raw if isinstance(raw, int) and not isinstance(raw, bool) and raw > 0 else 1
        return "\x1f".join(parts), distinct, weight, triggering

    def __repr__(self) -> str:
        how = f"distinct {self.distinct}" if self.distinct else (f"sum of {self.weight}" if self.weight else "events")
        return f"<Rule {self.name}: {self.threshold} {how} per {'+'.join(self.key)} within {self.window:g}s>"


def failed_logins(per: str = "actor", threshold: int = 10, window: float = 300.0) -> Rule:
    """Failed log-ins for one user (``per="actor"``) or from one source (``per="source"``)."""
    if per not in ("actor", "source"):
        raise ConfigError("failed_logins: per must be 'actor' or 'source'")
    return Rule(f"failed-logins-per-{per}", "login", frozenset({"failure", "denied"}), (per,), threshold, window)


def users_from_source(threshold: int = 5, window: float = 3600.0) -> Rule:
    """Failed log-ins for ``threshold`` different users from one source (password spraying)."""
    return Rule(
        "users-from-source", "login", frozenset({"failure", "denied"}), ("source",), threshold, window, distinct="actor"
    )


def success_after_failures(threshold: int = 5, window: float = 900.0) -> Rule:
    """A successful log-in for a user who had ``threshold`` failures within ``window`` before it."""
    return Rule(
        "success-after-failures",
        "login",
        frozenset({"failure", "denied"}),
        ("actor",),
        threshold,
        window,
        severity="critical",
        trigger=frozenset({"success"}),
    )


def denied_access(threshold: int = 5, window: float = 3600.0) -> Rule:
    """Access to records refused to one user ``threshold`` times."""
    return Rule("denied-access", "access", frozenset({"denied"}), ("actor",), threshold, window, severity="medium")


def break_glass(threshold: int = 1, window: float = 3600.0) -> Rule:
    """Emergency (break-glass) access: every use by default."""
    return Rule(
        "break-glass",
        "access",
        frozenset({"success", "failure", "denied"}),
        ("actor",),
        threshold,
        window,
        severity="medium",
        emergency_only=True,
    )


def record_reopened(threshold: int = 20, window: float = 3600.0) -> Rule:
    """One user opening one patient's record ``threshold`` times."""
    return Rule(
        "record-reopened", "access", frozenset({"success"}), ("actor", "patient"), threshold, window, severity="medium"
    )


def bulk_export(threshold: int = 500, window: float = 86400.0) -> Rule:
    """One user exporting ``threshold`` patients' records (summed over exports)."""
    return Rule("bulk-export", "export", frozenset({"success"}), ("actor",), threshold, window, weight="patients")


def default_rules() -> list[Rule]:
    """Failed log-ins per user (10 in 5 min) and per source (20 in 5 min), spraying (5 users in 1 h),
    success after 5 failures (15 min), 5 denials in 1 h, every break-glass access, 20 opens of one
    record in 1 h, 500 patients exported in a day."""
    return [
        failed_logins("actor", 10, 300.0),
        failed_logins("source", 20, 300.0),
        users_from_source(5, 3600.0),
        success_after_failures(5, 900.0),
        denied_access(5, 3600.0),
        break_glass(),
        record_reopened(20, 3600.0),
        bulk_export(500, 86400.0),
    ]


@dataclass(frozen=True)
class Alert:
    """A tripped rule: what, about whom, and the evidence records' sequence numbers."""

    rule: str
    severity: str
    key: str
    count: int
    threshold: int
    window: float
    first: float
    last: float
    seqs: tuple[int, ...]
    subject: dict[str, str] = field(default_factory=dict)
    detail: str = ""
    identity: dict[str, str] = field(default_factory=dict)
    """appId, platform and microservice of the record that tripped the rule."""

    @property
    def levelno(self) -> int:
        """The logging level of the alert record (medium: WARNING, high: ERROR, critical: CRITICAL)."""
        return _LEVELS[self.severity][1]


class _Window:
    """The entries of one (rule, key): (timestamp, seq, distinct value, weight)."""

    __slots__ = ("entries", "last", "total")

    def __init__(self) -> None:
        self.entries: deque[tuple[float, Any, str | None, int]] = deque()
        self.total = 0
        self.last = 0.0


class Monitor:
    """Watches audit records and emits an alert record when a rule trips inside its window.

    Args:
        rules: the rules (default :func:`default_rules`).
        sinks: where alert records go (sink objects, URLs or mappings, as ``configure`` takes them).
        on_alert: called with each :class:`Alert` (after the sinks); exceptions are counted, not raised.
        max_keys: most windows (keys) each rule keeps at once; the least recently active is
            dropped first and counted as ``monitor-window-dropped``.
        identity: appId, platform and microservice for alert records written without an
            attached stream (default: those of the record that tripped the rule).
        clock: a function giving the time for records without a readable timestamp.
        stream: an :class:`hipaalog.audit.AuditStream` to :meth:`attach` to.
    """

    def __init__(
        self,
        rules: Sequence[Rule] | None = None,
        *,
        sinks: Sequence[Sink | str | Mapping[str, Any]] = (),
        on_alert: Callable[[Alert], None] | None = None,
        max_keys: int = 10_000,
        identity: Mapping[str, str] | None = None,
        clock: Callable[[], float] = time.time,
        stream: Any = None,
    ) -> None:
        from .sinks import create_sink

        self.rules = list(default_rules() if rules is None else rules)
        for rule in self.rules:
            if not isinstance(rule, Rule):
                raise ConfigError(f"Monitor rules must be built with hipaalog.monitor's rule functions, not {rule!r}")
        if not isinstance(max_keys, int) or max_keys < 1:
            raise ConfigError("max_keys must be a whole number of at least 1")
        if isinstance(sinks, (str, bytes, Mapping)):
            raise ConfigError("sinks must be a list, for example sinks=['stdout']")
        self.sinks: list[Sink] = [create_sink(s) for s in sinks]
        self.on_alert = on_alert
        self.max_keys = max_keys
        self.identity = dict(identity) if identity else None
        self.clock = clock
        self.name = "monitor"
        self._windows: list[OrderedDict[str, _Window]] = [OrderedDict() for _ in self.rules]
        self._lock = threading.Lock()
        self._counts = {"observed": 0, "alerts": 0, "dropped_windows": 0, "unreadable": 0}
        self._since_sweep = 0
        self._stream: Any = None
        self._capture = threading.local()
        if stream is not None:
            self.attach(stream)

    def attach(self, stream: Any) -> None:
        """Watch every record ``stream`` (an :class:`hipaalog.audit.AuditStream`) writes, and seal alerts into it."""
        if not callable(getattr(stream, "subscribe", None)) or not callable(getattr(stream, "alert", None)):
            raise ConfigError("Monitor.attach needs an audit stream (hipaalog.audit.configure(...) returns one)")
        self.detach()
        stream.subscribe(self.observe)
        self._stream = stream

    def detach(self) -> None:
        """Stop watching the attached stream."""
        stream, self._stream = self._stream, None
        if stream is not None:
            stream.unsubscribe(self.observe)

    # -- feeding --------------------------------------------------------------------------------
    def observe_line(self, line: bytes | str) -> list[Alert]:
        """Take one serialized audit record; other lines are counted and ignored. Never raises."""
        try:
            record = orjson.loads(line)
        except orjson.JSONDecodeError:
            with self._lock:
                self._counts["unreadable"] += 1
            return []
        return self.observe(record) if isinstance(record, dict) else []

    def observe(self, record: Mapping[str, Any]) -> list[Alert]:
        """Take one audit record (a parsed line); returns the alerts it raised. Never raises."""
        try:
            audit = record.get("audit")
            if not isinstance(audit, Mapping):
                return []
            if audit.get("event") == "alert":
                captured = getattr(self._capture, "records", None)
                if captured is not None:
                    captured.append(record)
                return []
            ts = self._timestamp(record)
            with self._lock:
                self._counts["observed"] += 1
                tripped = [self._apply(i, rule, audit, record, ts) for i, rule in enumerate(self.rules)]
                self._since_sweep += 1
                if self._since_sweep >= 1000:
                    self._sweep(ts)
            alerts = [a for a in tripped if a is not None]
            for alert in alerts:
                self._deliver(alert)
            return alerts
        except Exception as exc:  # noqa: BLE001 - monitoring never breaks the audit path
            _diagnostics.problem("monitor-failed", f"{type(exc).__name__}: {exc}")
            return []

    def _timestamp(self, record: Mapping[str, Any]) -> float:
        value = record.get("timestamp")
        if isinstance(value, str):
            try:
                return parse_ts(value)
            except ValueError:
                pass
        return self.clock()

    def _apply(
        self, index: int, rule: Rule, audit: Mapping[str, Any], record: Mapping[str, Any], ts: float
    ) -> Alert | None:
        hit = rule(audit)
        if hit is None:
            return None
        key, distinct, weight, triggering = hit
        windows = self._windows[index]
        window = windows.get(key)
        if window is None:
            if triggering:
                return None
            window = windows[key] = _Window()
            if len(windows) > self.max_keys:
                windows.popitem(last=False)
                self._counts["dropped_windows"] += 1
                _diagnostics.problem(
                    "monitor-window-dropped",
                    f"rule {rule.name}: more than {self.max_keys} active windows; oldest dropped",
                )
        else:
            windows.move_to_end(key)
        entries = window.entries
        horizon = ts - rule.window
        while entries and entries[0][0] < horizon:
            old = entries.popleft()
            window.total -= old[3]
        seq = record.get("seq")
        if triggering:
            if len(entries) < rule.threshold:
                return None
            evidence = [*entries, (ts, seq, None, 0)]
            return self._trip(index, rule, key=key, evidence=evidence, record=record, count=len(entries))
        if distinct is not None:
            for i, entry in enumerate(entries):
                if entry[2] == distinct:
                    del entries[i]
                    window.total -= entry[3]
                    break
        entries.append((ts, seq, distinct, weight))
        window.total += weight
        window.last = ts
        reached = window.total if rule.weight else len(entries)
        if rule.trigger:
            while len(entries) > max(rule.threshold, 1) * 4:  # keep the recent failures only
                window.total -= entries.popleft()[3]
            return None
        if reached < rule.threshold:
            return None
        return self._trip(index, rule, key=key, evidence=list(entries), record=record, count=reached)

    def _trip(
        self,
        index: int,
        rule: Rule,
        *,
        key: str,
        evidence: list[tuple[float, Any, str | None, int]],
        record: Mapping[str, Any],
        count: int,
    ) -> Alert:
        del self._windows[index][key]  # start again from zero for this key
        self._counts["alerts"] += 1
        subject = dict(zip(rule.key, key.split("\x1f"), strict=False))
        seqs = tuple(e[1] for e in evidence if type(e[1]) is int)
        first, last = evidence[0][0], evidence[-1][0]
        who = ", ".join(f"{k} {v}" for k, v in subject.items())
        outcomes = "/".join(sorted(rule.outcomes))
        unit = (
            rule.weight
            if rule.weight
            else (f"distinct {rule.distinct} values" if rule.distinct else f"{outcomes} events")
        )
        if rule.trigger:
            detail = (
                f"{'/'.join(sorted(rule.trigger))} for {who} at {rfc3339(last)} after {count} {unit} since "
                f"{rfc3339(first)} (threshold {rule.threshold} within {rule.window:g}s; severity {rule.severity})"
            )
        else:
            detail = (
                f"{count} {unit} for {who} between {rfc3339(first)} and {rfc3339(last)} "
                f"(threshold {rule.threshold} within {rule.window:g}s; severity {rule.severity})"
            )
        identity = {k: str(record.get(k, "unknown")) for k in ("appId", "platform", "microservice")}
        return Alert(
            rule.name,
            rule.severity,
            key,
            count,
            rule.threshold,
            rule.window,
            first,
            last,
            seqs,
            subject,
            detail,
            identity,
        )

    def _sweep(self, now: float) -> None:
        """Drop windows whose newest entry has left the rule's window (least recently active first)."""
        self._since_sweep = 0
        for rule, windows in zip(self.rules, self._windows, strict=True):
            horizon = now - rule.window
            while windows:
                key, window = next(iter(windows.items()))
                if window.last >= horizon:
                    break
                del windows[key]

    def alert_record(self, alert: Alert) -> dict[str, Any]:
        """``alert`` as a ``hipaalog/1`` record of logger ``hipaalog.monitor`` (used without an attached stream)."""
        level, levelno = _LEVELS[alert.severity]
        ids = self.identity or alert.identity
        return {
            "timestamp": rfc3339(self.clock()),
            "level": level,
            "severity": rfc5424_severity(levelno),
            "message": f"alert {alert.rule}",
            "logger": "hipaalog.monitor",
            **ids,
            "audit": {
                "event": "alert",
                "actor": alert.subject.get("actor", "hipaalog.monitor"),
                "outcome": "success",
                "rule": alert.rule,
                "detail": alert.detail,
                "evidence": list(alert.seqs),
            },
        }

    def _sealed(self, alert: Alert) -> dict[str, Any] | None:
        """Record ``alert`` in the attached stream; the sealed record as written, or None."""
        stream = self._stream
        if stream is None:
            return None
        self._capture.records = []
        try:
            written = stream.alert(
                alert.rule,
                alert.detail,
                actor=alert.subject.get("actor", "hipaalog.monitor"),
                evidence=alert.seqs,
                level=alert.levelno,
            )
            captured: list[dict[str, Any]] = self._capture.records
        finally:
            self._capture.records = None
        if not written:
            _diagnostics.problem(
                "monitor-alert-not-sealed", f"alert {alert.rule} could not be written to the audit stream"
            )
            return None
        return captured[-1] if captured else None

    def _deliver(self, alert: Alert) -> None:
        record = self._sealed(alert) or self.alert_record(alert)
        line = orjson.dumps(record)
        encoded = EncodedRecord(
            line,
            alert.levelno,
            int(record.get("severity", 4)),
            self.clock(),
            str(record.get("logger", "hipaalog.monitor")),
            str(record.get("appId", "")),
            str(record.get("platform", "")),
            str(record.get("microservice", "")),
        )
        for sink in self.sinks:
            try:
                sink.write((encoded,))
            except Exception as exc:  # noqa: BLE001 - one failing sink never stops the others
                _diagnostics.problem("monitor-alert-undelivered", f"{sink.name}: {type(exc).__name__}: {exc}")
        if self.on_alert is not None:
            try:
                self.on_alert(alert)
            except Exception as exc:  # noqa: BLE001
                _diagnostics.problem("monitor-callback-failed", f"{type(exc).__name__}: {exc}")

    # -- the Sink protocol ----------------------------------------------------------------------
    def write(self, batch: Sequence[EncodedRecord]) -> None:
        """Observe each record of ``batch`` (the monitor as a sink on the audit stream)."""
        for record in batch:
            self.observe_line(record.line)

    def flush(self) -> None:
        """Flush the alert sinks."""
        for sink in self.sinks:
            try:
                sink.flush()
            except Exception as exc:  # noqa: BLE001
                _diagnostics.problem("monitor-sink-flush-failed", f"{sink.name}: {type(exc).__name__}")

    def close(self) -> None:
        """Close the alert sinks."""
        for sink in self.sinks:
            try:
                sink.close()
            except Exception as exc:  # noqa: BLE001
                _diagnostics.problem("monitor-sink-close-failed", f"{sink.name}: {type(exc).__name__}")

    # -- introspection --------------------------------------------------------------------------
    def retained(self) -> int:
        """Entries held across all windows right now (the monitor's memory, in entries)."""
        with self._lock:
            return sum(len(w.entries) for windows in self._windows for w in windows.values())

    def windows(self) -> int:
        """Windows (rule and key) held right now."""
        with self._lock:
            return sum(len(windows) for windows in self._windows)

    def stats(self) -> dict[str, int]:
        """Records observed, alerts raised, windows dropped for lack of room, unreadable lines."""
        with self._lock:
            return dict(self._counts)

    def __repr__(self) -> str:
        return f"<Monitor rules={[r.name for r in self.rules]} sinks={[s.name for s in self.sinks]}>"
