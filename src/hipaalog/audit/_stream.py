"""``AuditStream``: one sealed, durable, rotating, checkpointed audit stream per file path.

The path of one audit event: build the ``audit`` object (pseudonyms, redaction) and the
``hipaalog/1`` core fields, serialize them (outside any lock), then under the sealer's lock
assign ``seq`` and ``chain``, rotate if due, append and fsync. Only then does the call return
True. Afterwards the sealed line goes to capture taps, listeners and forwarding targets.
"""

from __future__ import annotations

import atexit
import logging
import os
import sys
import threading
import time
import weakref
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import orjson

from .. import _diagnostics
from .._audit_schema import AUDIT_LOGGER
from .._encoder import Encoder
from .._finished import FinishedLine
from .._identity import resolve_identity
from .._jsonable import sanitize, to_json_native
from .._pseudonym import Pseudonymizer
from .._schema import COLLISION_PREFIX
from .._timestamps import rfc3339
from ..exceptions import ConfigError
from ..integrity._checkpoint import load_signing_key, make_checkpoint
from ..integrity._keys import check_key_id, load_secret
from ..integrity._names import checkpoints_path
from ..integrity._seal import GENESIS, SealedLine, Sealer, unseal
from ..typing import Sink
from ._events import Built, EventBuilder
from ._rotations import Rotations, leftover_segments
from ._segments import SegmentWriter, cut_torn_tail, tail_line

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from ..redaction import Redactor

if sys.platform != "win32":
    import fcntl

__all__ = ["AuditStream", "Listener"]

Listener = Callable[[dict[str, Any]], None]
"""Called with each audit record (parsed) after it was written durably."""

_INTEGRITY_NAMES = ("audit", "seq", "key_id", "chain")
_OPTIONS = orjson.OPT_NON_STR_KEYS | orjson.OPT_UTC_Z
_open_streams: weakref.WeakSet[AuditStream] = weakref.WeakSet()


def _close_all_at_exit() -> None:
    for stream in list(_open_streams):
        stream.close(timeout=5.0)


atexit.register(_close_all_at_exit)


def _taps_notify(line: bytes) -> None:
    """Give the sealed line to the encoder's capture taps (the pytest plugin, schema checks)."""
    from .. import _encoder

    for tap in list(_encoder._taps):
        try:
            tap(line)
        except Exception:  # noqa: BLE001
            _diagnostics.problem("tap-failed", "a capture tap raised")


class AuditStream:
    """An audit stream written to ``path``: every record sealed, durable, never filtered by level.

    Args:
        path: the active segment, for example ``/var/log/app/audit.jsonl``. One process writes a
            stream (a second writer is refused); give each worker process its own path.
        key: the HMAC key of the chain (at least 16 bytes: bytes, ``hex:...``, ``base64:...``,
            ``env:VAR``). Keep every key you ever used: verification needs them.
        key_id: written into each record; change it together with ``key`` to rotate keys.
        pseudonym_key: the key of patient pseudonyms (as for redaction), or ``pseudonymizer``.
        app_id, platform, microservice: identity, as for :func:`hipaalog.configure`.
        redaction: applied to the message, bound context and free text of the audit object.
        max_bytes, max_age: rotate the segment past this size, or when its first record is this
            many seconds old (``None``: never by age).
        compress: gzip rotated segments.
        fsync: ``fsync`` each record before the call returns (durable); off only for tests or
            storage that is durable by itself.
        checkpoint_path: where checkpoints go (default ``path + ".checkpoints"``); put it on other
            storage, or ship it, for the strongest truncation evidence.
        checkpoint_interval: a checkpoint at most this many seconds after a record (also when idle).
        checkpoint_every: and at least every this many records.
        signing_key: an Ed25519 private key (object, PEM bytes or path, ``hex:``, ``env:``) that
            signs checkpoints (needs the ``signing`` extra).
        anchors: where each checkpoint line also goes as it is made, off this disk: file paths (a
            second sink, such as another volume or a network mount: the line is appended and
            synced) and callables taking the line and the checkpoints path (``S3Archive.anchor``
            locks it in the WORM bucket). ``hipaalog verify --anchor`` then fails a local
            checkpoints file that was rolled back or removed. A failing anchor is counted
            (``anchor_failed``), never raised.
        on_rotate: called with the path of each rotated (and compressed) segment, for example
            ``S3Archive.submit``; also at start for segments left from before.
        forward: also send each sealed record to these, for search: ``logging.Handler`` objects
            (given a ``LogRecord`` whatever their level), sinks or sink specs (each delivered by its
            own non-blocking :class:`~hipaalog.SinkHandler`, with retries and spill, as the sealed
            line byte for byte), or ``"logging"`` (the ``hipaalog.audit`` logger's handlers).
        pseudonymize_source: replace log-in source addresses by keyed pseudonyms.
        block_timeout: how long an audit call retries a failing write before giving up (counted
            as ``audit-write-failed`` and reported by the call's False return).
        record_verification: when a segment is rotated, verify it once and keep the result beside it
            (a hidden ``.verified.json``, and with the ``report`` extra a Parquet sidecar of its
            columns), so ``hipaalog report`` trusts it while its digest matches instead of
            re-verifying every record.
    """

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        key: str | bytes,
        key_id: str = "k1",
        pseudonym_key: str | bytes | None = None,
        pseudonym_key_id: str = "k1",
        pseudonymizer: Pseudonymizer | None = None,
        app_id: str | None = None,
        platform: str | None = None,
        microservice: str | None = None,
        redaction: bool | Redactor | Mapping[str, Any] = True,
        static_fields: Mapping[str, Any] | None = None,
        max_bytes: int = 64 * 1024 * 1024,
        max_age: float | None = 86_400.0,
        compress: bool = True,
        fsync: bool = True,
        checkpoint_path: str | os.PathLike[str] | None = None,
        checkpoint_interval: float = 60.0,
        checkpoint_every: int = 1000,
        signing_key: object = None,
        anchors: Sequence[str | os.PathLike[str] | Callable[[bytes, str], None]] = (),
        on_rotate: Sequence[Callable[[str], None]] = (),
        forward: Sequence[logging.Handler | Sink | str | Mapping[str, Any]] = (),
        pseudonymize_source: bool = False,
        block_timeout: float = 30.0,
        replaces: AuditStream | None = None,
        record_verification: bool = True,
    ) -> None:
        self.path = os.path.abspath(os.fspath(path))
        self._key = load_secret(key, "audit key")
        self._key_id = check_key_id(key_id)
        if pseudonymizer is None:
            if pseudonym_key is None:
                raise ConfigError(
                    "audit events pseudonymize patients: give pseudonym_key= (or set HIPAALOG_PSEUDONYM_KEY), "
                    "the same key your redaction uses so tokens correlate"
                )
            pseudonymizer = Pseudonymizer({pseudonym_key_id: pseudonym_key})
        for name, value, low in (
            ("max_bytes", max_bytes, 1024),
            ("checkpoint_every", checkpoint_every, 1),
        ):
            if isinstance(value, bool) or not isinstance(value, int) or value < low:
                raise ConfigError(f"{name} must be an integer of at least {low}, not {value!r}")
        for name, number in (("checkpoint_interval", checkpoint_interval), ("block_timeout", block_timeout)):
            if isinstance(number, bool) or not isinstance(number, (int, float)) or number <= 0:
                raise ConfigError(f"{name} must be a positive number of seconds, not {number!r}")
        if max_age is not None and (isinstance(max_age, bool) or not isinstance(max_age, (int, float)) or max_age <= 0):
            raise ConfigError(f"max_age must be a positive number of seconds or None, not {max_age!r}")
        if not all(callable(hook) for hook in on_rotate):
            raise ConfigError("on_rotate must be a list of callables taking the rotated segment's path")
        self._anchors: list[str | Callable[[bytes, str], None]] = []
        for anchor in anchors:
            if callable(anchor):
                self._anchors.append(anchor)
            elif isinstance(anchor, (str, os.PathLike)) and os.fspath(anchor):
                self._anchors.append(os.path.abspath(os.fspath(anchor)))
            else:
                raise ConfigError(
                    f"anchors: {anchor!r} is neither a file path nor a callable taking (line, checkpoints path)"
                )
        self._signing_key: Ed25519PrivateKey | None = load_signing_key(signing_key) if signing_key is not None else None
        self.encoder = Encoder(
            resolve_identity(app_id, platform, microservice), static_fields=static_fields, redaction=redaction
        )
        redactor = self.encoder.redactor
        self._builder = EventBuilder(
            pseudonymizer,
            redactor.redact if redactor is not None else None,
            pseudonymize_source=pseudonymize_source,
        )
        self._owned_handlers: list[logging.Handler] = []  # built here for sink targets: closed with the stream
        self._forward = [self._forward_target(target) for target in forward]
        self.checkpoint_path = (
            os.path.abspath(os.fspath(checkpoint_path)) if checkpoint_path else checkpoints_path(self.path)
        )
        self.checkpoint_interval = float(checkpoint_interval)
        self.checkpoint_every = checkpoint_every
        self.block_timeout = float(block_timeout)
        self._listeners: list[Listener] = []
        self._counts = {
            "written": 0,
            "failed": 0,
            "checkpoints": 0,
            "rotations": 0,
            "forward_failed": 0,
            "anchor_failed": 0,
        }
        self._counts_lock = threading.Lock()
        self._unanchored = 0
        self._unanchored_since = 0.0
        self._closed = False
        self._pid = os.getpid()

        if replaces is not None:
            replaces.close()
        self._lock_fd = self._acquire_lock()
        try:
            self._writer = SegmentWriter(self.path, max_bytes=max_bytes, max_age=max_age, fsync=fsync)
            seq, head = self._recover()
        except OSError as exc:
            self._release_lock()
            raise ConfigError(f"audit stream {self.path}: cannot open: {exc.strerror or exc}") from exc
        except BaseException:
            self._release_lock()
            raise
        self._sealer = Sealer(self._key, self._key_id, seq=seq, head=head)
        self._rotations = Rotations(
            on_rotate, compress=compress, recorder=self._record_segment if record_verification else None
        )
        for leftover in leftover_segments(self.path):
            self._rotations.submit(leftover)
        self._stop = threading.Event()
        self._ticker = threading.Thread(target=self._tick_loop, name="hipaalog-audit-checkpoints", daemon=True)
        self._ticker.start()
        _open_streams.add(self)

    def _record_segment(self, path: str) -> None:
        """Verify a rotated segment once and record the result beside it (see :mod:`._sealed`)."""
        from ._sealed import file_digest, load_record, record_segment

        keys = {self._key_id: self._key}
        known = load_record(path)
        if known is not None and known.authentic(keys) and known.digest == file_digest(path):
            return  # recorded before a restart
        record_segment(path, self._key_id, keys)

    # -- opening ------------------------------------------------------------------------------
    def _acquire_lock(self) -> int | None:
        directory = os.path.dirname(self.path)
        try:
            os.makedirs(directory, mode=0o700, exist_ok=True)
            fd = os.open(self.path + ".lock", os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o600)
        except OSError as exc:
            raise ConfigError(f"audit stream {self.path}: cannot create its lock file: {exc.strerror or exc}") from exc
        if sys.platform == "win32":  # pragma: no cover - no advisory lock: one writer is the caller's duty
            return fd
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            raise ConfigError(
                f"audit stream {self.path} is already open (in this or another process): one writer per stream; "
                "give each process its own path, or close the other stream first"
            ) from None
        return fd

    def _release_lock(self) -> None:
        if self._lock_fd is not None:
            try:
                os.close(self._lock_fd)  # closing the descriptor releases the flock
            except OSError:
                pass
            self._lock_fd = None

    def _recover(self) -> tuple[int, bytes]:
        """Where the stream left off: the highest of the active tail, the checkpoints, the newest segment."""
        found: list[tuple[int, bytes]] = []
        last = self._writer.recover()
        unsealed = unseal(last) if last else None
        if unsealed is not None:
            found.append((unsealed.seq, unsealed.chain))
        if os.path.exists(self.checkpoint_path):
            cut_torn_tail(self.checkpoint_path)
            line = tail_line(self.checkpoint_path)
            position = _checkpoint_position(line) if line else None
            if position is not None:
                found.append(position)
        if unsealed is None:
            leftovers = leftover_segments(self.path)
            if leftovers:
                newest = _last_line_of(leftovers[-1])
                sealed = unseal(newest) if newest else None
                if sealed is not None:
                    found.append((sealed.seq, sealed.chain))
        if not found:
            return 0, GENESIS
        seq, head = max(found, key=lambda item: item[0])
        if unsealed is not None and seq > unsealed.seq:
            _diagnostics.problem(
                "audit-stream-shorter-than-checkpoint",
                f"{self.path} ends at seq {unsealed.seq} but a checkpoint counts {seq}; continuing from the checkpoint",
            )
        return seq, head

    # -- building records ---------------------------------------------------------------------
    def _forward_target(self, target: object) -> Callable[[SealedLine, dict[str, Any], str, int, float], None]:
        if target == "logging" or isinstance(target, logging.Handler):
            receiver: logging.Logger | logging.Handler = (
                target if isinstance(target, logging.Handler) else logging.getLogger(AUDIT_LOGGER)
            )

            def hand_over(
                sealed: SealedLine, audit: dict[str, Any], message: str, levelno: int, created: float
            ) -> None:
                receiver.handle(_log_record(sealed, audit, message, levelno, created))

            return hand_over
        # A sink (or sink spec) gets its own SinkHandler, so that a slow or failing network sink
        # is retried, spilled and counted on a worker thread instead of holding up the audit call.
        from .._formatter import JsonFormatter
        from .._handler import SinkHandler

        handler = SinkHandler([target], handle_sigterm=False)  # type: ignore[list-item]
        handler.setFormatter(JsonFormatter(encoder=self.encoder))
        self._owned_handlers.append(handler)

        def deliver(sealed: SealedLine, audit: dict[str, Any], message: str, levelno: int, created: float) -> None:
            handler.handle(_log_record(sealed, audit, message, levelno, created))

        return deliver

    def _serialize(self, audit: dict[str, Any], message: str, levelno: int, created: float) -> bytes:
        encoder = self.encoder
        event = encoder.base_event(created, levelno, logging.getLevelName(levelno).lower(), message, AUDIT_LOGGER)
        for name in _INTEGRITY_NAMES:
            if name in event:  # bound context or static fields named like an integrity field
                renamed = COLLISION_PREFIX + name
                while renamed in event:
                    renamed = COLLISION_PREFIX + renamed
                event[renamed] = event.pop(name)
        try:
            if encoder.declarations.types:
                encoder.declarations.check(event)
            if encoder.redactor is not None:
                event = encoder.redactor.redact_event(event)
            body = orjson.dumps(event, default=to_json_native, option=_OPTIONS)
        except Exception as exc:  # noqa: BLE001 - fail closed: keep the trusted fields only
            _diagnostics.problem("record-sanitized", f"audit record needed the slow path ({type(exc).__name__})")
            trusted = ("timestamp", "level", "severity", "message", "logger", "appId", "platform", "microservice")
            body = orjson.dumps(sanitize({k: event[k] for k in trusted if k in event}), option=_OPTIONS)
        return body[:-1] + b',"audit":' + orjson.dumps(audit, option=_OPTIONS) + b"}"

    # -- writing ------------------------------------------------------------------------------
    def _commit(self, sealed: SealedLine) -> None:
        """Under the sealer's lock: rotate if due, append the line; nothing after the write raises."""
        now = time.time()
        if self._writer.needs_rotation(len(sealed.line) + 1, now):
            self._rotate_locked(sealed.seq - 1, sealed.previous)
        self._writer.write(sealed.line, sealed.seq)
        if self._unanchored == 0:
            self._unanchored_since = time.monotonic()
        self._unanchored += 1
        if self._unanchored >= self.checkpoint_every:
            self._checkpoint_locked(sealed.seq, sealed.chain, os.path.basename(self.path))

    @staticmethod
    def _append_synced(path: str, line: bytes) -> None:
        fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o600)
        try:
            view = memoryview(line + b"\n")
            while view:
                view = view[os.write(fd, view) :]
            os.fsync(fd)
        finally:
            os.close(fd)

    def _anchor(self, line: bytes) -> None:
        """Hand a checkpoint line to every anchor; a failure is counted, never raised."""
        for anchor in self._anchors:
            try:
                if isinstance(anchor, str):
                    self._append_synced(anchor, line)
                else:
                    anchor(line, self.checkpoint_path)
            except Exception as exc:  # noqa: BLE001 - the checkpoint is written locally; the miss is counted
                self._count("anchor_failed")
                _diagnostics.problem("audit-anchor-failed", f"{anchor!r}: {type(exc).__name__}: {exc}")

    def _checkpoint_locked(self, count: int, head: bytes, segment: str) -> bool:
        try:
            line = make_checkpoint(
                count=count,
                head=head,
                time=rfc3339(time.time()),
                key_id=self._key_id,
                key=self._key,
                segment=segment,
                signing_key=self._signing_key,
            )
        except Exception as exc:  # noqa: BLE001 - the record is written; a missing checkpoint is counted
            _diagnostics.problem("audit-checkpoint-failed", f"{self.checkpoint_path}: {type(exc).__name__}: {exc}")
            return False
        try:
            self._append_synced(self.checkpoint_path, line)
        except Exception as exc:  # noqa: BLE001 - the record is written; a missing checkpoint is counted
            _diagnostics.problem("audit-checkpoint-failed", f"{self.checkpoint_path}: {type(exc).__name__}: {exc}")
            self._anchor(line)  # off the host, it still counts
            return False
        self._anchor(line)  # after the local copy: a crash in between leaves the anchor behind, never ahead
        self._unanchored = 0
        self._count("checkpoints")
        return True

    def _rotate_locked(self, count: int, head: bytes) -> None:
        try:
            rotated = self._writer.rotate()
        except OSError as exc:
            _diagnostics.problem("audit-rotate-failed", f"{self.path}: {exc.strerror or exc}; still writing to it")
            return
        if rotated is None:
            return
        self._count("rotations")
        self._checkpoint_locked(count, head, os.path.basename(rotated))
        self._rotations.submit(rotated)

    def _tick_loop(self) -> None:
        tick = max(0.05, min(self.checkpoint_interval / 2, 1.0))
        while not self._stop.wait(tick):
            try:
                self._sealer.locked(self._tick)
            except Exception as exc:  # noqa: BLE001 - the timer thread must survive anything
                _diagnostics.problem("audit-timer-failed", f"{type(exc).__name__}: {exc}")

    def _tick(self, seq: int, head: bytes, key_id: str) -> None:
        del key_id
        if self._closed:
            return
        if self._unanchored and time.monotonic() - self._unanchored_since >= self.checkpoint_interval:
            self._checkpoint_locked(seq, head, os.path.basename(self.path))
        if self._writer.needs_rotation(0, time.time()):
            self._rotate_locked(seq, head)

    def emit(self, built: Built) -> bool:
        """Seal and write one audit event ``(audit object, message, level)``; True once it is durable.

        Never raises. A failing write is retried for up to ``block_timeout`` seconds (the call
        blocks meanwhile); after that the event is counted as failed and False is returned.
        """
        audit, message, levelno = built
        if self._closed:
            _diagnostics.problem("audit-stream-closed", f"{self.path}: an audit event after close() was not written")
            self._count("failed")
            return False
        if os.getpid() != self._pid:
            _diagnostics.problem(
                "audit-after-fork",
                f"{self.path} belongs to process {self._pid}; configure the audit stream in each worker after fork",
            )
            self._count("failed")
            return False
        created = time.time()
        try:
            record = self._serialize(audit, message, levelno, created)
        except Exception as exc:  # noqa: BLE001 - never raises into the application
            _diagnostics.problem("audit-encode-failed", f"{type(exc).__name__}: {exc}")
            self._count("failed")
            return False
        deadline: float | None = None
        delay = 0.05
        while True:
            try:
                sealed = self._sealer.seal(record, self._commit)
                break
            except OSError as exc:
                now = time.monotonic()
                if deadline is None:
                    deadline = now + self.block_timeout
                    _diagnostics.problem("audit-write-retrying", f"{self.path}: {exc.strerror or exc}")
                if now >= deadline or self._closed:
                    _diagnostics.problem(
                        "audit-write-failed",
                        f"{self.path}: an event was not written in {self.block_timeout:g}s: {exc.strerror or exc}",
                    )
                    self._count("failed")
                    return False
                time.sleep(min(delay, deadline - now))
                delay = min(delay * 2, 1.0)
        self._count("written")
        self._after(sealed, audit, message, levelno, created)
        return True

    def _after(self, sealed: SealedLine, audit: dict[str, Any], message: str, levelno: int, created: float) -> None:
        _taps_notify(sealed.line)
        if self._listeners:
            record = orjson.loads(sealed.line)
            for listener in list(self._listeners):
                try:
                    listener(record)
                except Exception as exc:  # noqa: BLE001
                    _diagnostics.problem("audit-listener-failed", f"{type(exc).__name__}: {exc}")
        for forward in self._forward:
            try:
                forward(sealed, audit, message, levelno, created)
            except Exception as exc:  # noqa: BLE001 - the sealed copy is safe; the search copy is counted
                self._count("forward_failed")
                _diagnostics.problem("audit-forward-failed", f"{type(exc).__name__}: {exc}")

    # -- the events ---------------------------------------------------------------------------
    def access(
        self,
        actor: str,
        patient: str | int,
        action: str,
        resource: str,
        outcome: str | bool,
        *,
        reason: str | None = None,
        emergency: bool = False,
    ) -> bool:
        """Record that ``actor`` did ``action`` on ``patient``'s ``resource``; see :func:`hipaalog.audit.access`."""
        return self.emit(
            self._builder.access(actor, patient, action, resource, outcome, reason=reason, emergency=emergency)
        )

    def login(self, user: str, success: bool | str, source_ip: str, method: str, *, reason: str | None = None) -> bool:
        """Record a log-in attempt; see :func:`hipaalog.audit.login`."""
        return self.emit(self._builder.session("login", user, success, source_ip, method, reason=reason))

    def logout(self, user: str, source_ip: str, method: str = "user", *, reason: str | None = None) -> bool:
        """Record a log-out; see :func:`hipaalog.audit.logout`."""
        return self.emit(self._builder.session("logout", user, True, source_ip, method, reason=reason))

    def change(
        self,
        actor: str,
        patient: str | int,
        resource: str,
        fields: Sequence[str] | Mapping[str, object],
        outcome: str | bool = "success",
        *,
        reason: str | None = None,
    ) -> bool:
        """Record a change to a patient's record; see :func:`hipaalog.audit.change`."""
        return self.emit(self._builder.change(actor, patient, resource, fields, outcome, reason=reason))

    def export(
        self,
        actor: str,
        patients: int | Sequence[object],
        format: str,
        destination: str,
        outcome: str | bool = "success",
        *,
        reason: str | None = None,
    ) -> bool:
        """Record an export of patients' records; see :func:`hipaalog.audit.export`."""
        return self.emit(self._builder.export(actor, patients, format, destination, outcome, reason=reason))

    def alert(
        self,
        rule: str,
        detail: str = "",
        *,
        actor: str = "hipaalog",
        outcome: str = "success",
        evidence: Sequence[int] = (),
        level: int = logging.WARNING,
    ) -> bool:
        """Record an alert (from a monitor): the rule, a line of detail, the evidence records' ``seq``."""
        return self.emit(
            self._builder.alert(rule, detail, actor=actor, outcome=outcome, evidence=evidence, level=level)
        )

    def patient_token(self, patient: str | int) -> str:
        """The pseudonym this stream writes for ``patient`` (to search the audit trail for one patient)."""
        return self._builder.patient(patient)

    def actor_token(self, actor: str) -> str:
        """What this stream writes for ``actor``: the id as given, or its pseudonym when it holds personal data."""
        return self._builder.actor(actor)

    # -- control ------------------------------------------------------------------------------
    def subscribe(self, listener: Listener) -> None:
        """Call ``listener(record)`` with every record after it is written (a live monitor's feed)."""
        self._listeners.append(listener)

    def unsubscribe(self, listener: Listener) -> None:
        """Stop calling ``listener``."""
        try:
            self._listeners.remove(listener)
        except ValueError:
            pass

    def checkpoint(self) -> bool:
        """Write a checkpoint now (the timer writes them by itself)."""
        return self._sealer.locked(
            lambda seq, head, _kid: self._checkpoint_locked(seq, head, os.path.basename(self.path))
        )

    def rotate(self) -> str | None:
        """Rotate the active segment now; returns the rotated segment's path (before compression)."""

        def action(seq: int, head: bytes, _kid: str) -> str | None:
            try:
                rotated = self._writer.rotate()
            except OSError as exc:
                _diagnostics.problem("audit-rotate-failed", f"{self.path}: {exc.strerror or exc}")
                return None
            if rotated is not None:
                self._count("rotations")
                self._checkpoint_locked(seq, head, os.path.basename(rotated))
                self._rotations.submit(rotated)
            return rotated

        return self._sealer.locked(action)

    def use_key(self, key: str | bytes, key_id: str) -> None:
        """Seal from now on with a new key; keep the old one for verification."""
        key_bytes, kid = load_secret(key, "audit key"), check_key_id(key_id)

        def action(seq: int, head: bytes, _kid: str) -> None:
            if self._unanchored:
                self._checkpoint_locked(seq, head, os.path.basename(self.path))

        self._sealer.locked(action)
        self._sealer.use_key(key_bytes, kid)
        self._key, self._key_id = key_bytes, kid

    def drain(self, timeout: float | None = None) -> bool:
        """Wait until rotated segments were compressed and handed to ``on_rotate``; False on timeout."""
        return self._rotations.drain(timeout)

    def stats(self) -> dict[str, int]:
        """Counters: records written and failed, checkpoints, rotations, forwarding failures, last seq."""
        with self._counts_lock:
            counts = dict(self._counts)
        counts["seq"] = self._sealer.seq
        return counts

    def _count(self, name: str, n: int = 1) -> None:
        with self._counts_lock:
            self._counts[name] += n

    @property
    def seq(self) -> int:
        """The sequence number of the last record written."""
        return self._sealer.seq

    @property
    def key_id(self) -> str:
        """The id of the key sealing new records."""
        return self._sealer.key_id

    @property
    def closed(self) -> bool:
        """Whether :meth:`close` was called."""
        return self._closed

    def close(self, timeout: float = 10.0) -> None:
        """Write a final checkpoint, finish rotations (up to ``timeout`` s) and release the stream."""
        if self._closed or os.getpid() != self._pid:
            return
        self._stop.set()

        def final(seq: int, head: bytes, _kid: str) -> None:
            if self._unanchored or not os.path.exists(self.checkpoint_path):
                self._checkpoint_locked(seq, head, os.path.basename(self.path))
            self._closed = True
            self._writer.close()

        self._sealer.locked(final)
        if self._ticker is not threading.current_thread():
            self._ticker.join(timeout=2.0)
        self._rotations.close(timeout)
        for handler in self._owned_handlers:
            try:
                handler.close()
            except Exception as exc:  # noqa: BLE001 - closing never raises into the application
                _diagnostics.problem("sink-close-failed", f"{handler!r}: {type(exc).__name__}")
        self._release_lock()
        _open_streams.discard(self)

    def __enter__(self) -> AuditStream:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"AuditStream({self.path!r}, key_id={self.key_id!r}, seq={self.seq})"


def _log_record(
    sealed: SealedLine, audit: dict[str, Any], message: str, levelno: int, created: float
) -> logging.LogRecord:
    record = logging.LogRecord(AUDIT_LOGGER, levelno, "", 0, message, None, None)
    record.created = created
    record.msecs = (created - int(created)) * 1000
    record.audit = audit
    record.seq = sealed.seq
    record.chain = sealed.chain.hex()
    record.key_id = sealed.key_id
    record.hipaalog_line = FinishedLine(sealed.line)  # hipaalog formatters write these exact, sealed bytes
    return record


def _last_line_of(path: str) -> bytes | None:
    from ..integrity._reading import FileTrouble, read_lines

    last: bytes | None = None
    for item in read_lines(path):
        if isinstance(item, FileTrouble):
            break
        if item[2]:
            last = item[1]
    return last


def _checkpoint_position(line: bytes) -> tuple[int, bytes] | None:
    """(count, head) of a checkpoint line, unauthenticated: only where to resume (verify checks it)."""
    try:
        fields = orjson.loads(line)
        count, head = fields["count"], bytes.fromhex(fields["head"])
    except (ValueError, KeyError, TypeError):
        return None
    if type(count) is not int or count < 0 or len(head) != 32:
        return None
    return count, head
