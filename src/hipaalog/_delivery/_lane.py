"""The lane of one sink: a bounded queue, a worker thread, retries, the spill and the counters.

Each sink has its own lane, so a slow or failing sink only ever holds back its own records. The
application thread only appends to the queue (:meth:`Lane.put`); the worker takes batches, writes
them, retries with backoff, and when the retry budget is spent moves them to the spill, from which
it replays them in order once the sink answers again. While anything waits on disk, new records
are appended behind it, so a sink sees its records in the order they were logged.

With a spill directory, a pending ``flush()`` or shutdown cuts the retry schedule short: a failing
batch gets one more attempt, then goes to disk. For a sink that confirms writes later (see
``_unconfirmed``), written records stay in memory until confirmed, and those the peer lost are
written again (at-least-once).
"""

from __future__ import annotations

import math
import threading
from collections import deque
from collections.abc import Callable
from time import monotonic

from .. import _atfork, _diagnostics
from .._encoded import EncodedRecord
from ..typing import Sink
from ._attempt import Outcome, attempt
from ._backoff import Backoff
from ._counters import Counters
from ._options import DeliveryOptions
from ._spill import Spill, Token
from ._unconfirmed import Unconfirmed, settle_of

__all__ = ["Lane"]

_ACK_POLL = 0.05
"""Seconds between two questions to a sink about the records it has not confirmed yet."""


class Lane:
    """Delivers the records of one handler to one sink, on a thread of its own."""

    def __init__(self, sink: Sink, options: DeliveryOptions, spill: Spill | None) -> None:
        self.sink = sink
        self.name = str(getattr(sink, "name", type(sink).__name__))
        self.options = options
        self.spill = spill
        self._backoff = Backoff(options.backoff_initial, options.backoff_max)
        self._settle_sink = settle_of(sink)
        self._closed = False
        self._reset()
        if spill is not None:
            self.counters.recovered = spill.recovered
        _atfork.register(self)

    def _reset(self) -> None:
        self._lock = threading.RLock()  # re-entrant: a SIGTERM handler may flush from inside put()
        self._wake = threading.Condition(self._lock)
        self._space = threading.Condition(self._lock)
        self._settle = threading.Condition(self._lock)
        self.counters = Counters()
        self._items: deque[EncodedRecord] = deque()
        self._accepted = 0  # records that entered the queue (or, durable, the disk)
        self._dequeued = 0  # records that left the queue: taken by the worker or evicted
        self._settled = 0  # accepted records now delivered, spilled, failed or evicted
        self._inflight = 0
        self._flush_target = 0
        self._flush_gen = 0
        self._sink_flushed_gen = 0
        self._thread: threading.Thread | None = None
        self._inline = False
        self._idle = False
        self._stopping = False
        self._deadline = math.inf
        self._done = False
        self._abandoned = False
        self._failing = False
        self._replay_due = 0.0
        self._replay_attempt = 0
        self._replayed_last = False
        self._tries_started = 0
        self._tries = 0  # attempts finished (a flush waits for a fresh one when the sink is failing)
        self._replay: tuple[list[EncodedRecord], Token] | None = None
        self._unconfirmed = Unconfirmed()
        self._ack_due = 0.0

    # -- application side ------------------------------------------------------------------------
    def put(self, record: EncodedRecord) -> str | None:
        """Queue ``record`` for the sink. Returns the kind of problem to report if it was dropped."""
        if self.options.durable:
            return self._put_durable(record)
        with self._lock:
            self.counters.enqueued += 1
            if self._closed:
                self.counters.dropped += 1
                return "record-after-close"
            items = self._items
            problem = None
            if len(items) >= self.options.queue_size:
                accepted, problem = self._make_room()
                if not accepted:
                    return problem
            items.append(record)
            self._accepted += 1
            if self._thread is None and not self._inline:
                self._start()
            elif self._idle or len(items) == self.options.batch_size:
                self._wake.notify()
            inline = self._inline
        if inline:
            self._drain_inline()
        return problem

    def count_unencodable(self) -> None:
        """A record for this sink could not even be encoded: counted as enqueued and failed."""
        with self._lock:
            self.counters.enqueued += 1
            self.counters.failed += 1

    def start_if_backlog(self) -> None:
        """Start the worker now if records from an earlier process wait on disk."""
        with self._lock:
            if self._thread is None and self.spill is not None and self.spill.has_backlog():
                self._start()

    def _make_room(self) -> tuple[bool, str | None]:
        """Apply the overflow policy to a full queue (lock held): ``(record accepted, problem)``."""
        policy = self.options.overflow
        if policy == "drop_oldest":
            self._items.popleft()
            self._dequeued += 1
            self._settled += 1
            self.counters.dropped += 1
            self._settle.notify_all()
            return True, "record-dropped"
        if policy == "block":
            end = monotonic() + self.options.block_timeout
            while len(self._items) >= self.options.queue_size and not self._closed:
                remaining = end - monotonic()
                if remaining <= 0:
                    break
                self._wake.notify()
                self._space.wait(remaining)
            if len(self._items) < self.options.queue_size and not self._closed:
                return True, None
        self.counters.dropped += 1
        return False, "record-after-close" if self._closed else "record-dropped"

    def _put_durable(self, record: EncodedRecord) -> str | None:
        assert self.spill is not None
        with self._lock:
            self.counters.enqueued += 1
            if self._closed:
                self.counters.dropped += 1
                return "record-after-close"
        end = monotonic() + (self.options.block_timeout if self.options.overflow == "block" else 0.0)
        kind = "spill-full"
        while True:
            try:
                stored = self.spill.append([record])
            except OSError:
                stored, kind = False, "spill-failed"
            with self._lock:
                if stored:
                    self.counters.spilled += 1
                    self._accepted += 1
                    self._dequeued += 1  # straight to disk: it never waits in the queue
                    self._settled += 1
                    if self._thread is None and not self._inline:
                        self._start()
                    else:
                        self._wake.notify()
                    return None
                remaining = end - monotonic()
                if kind == "spill-failed" or remaining <= 0 or self._closed:
                    self.counters.dropped += 1
                    return kind
                self._space.wait(remaining)

    def _start(self) -> None:
        thread = threading.Thread(target=self._run, name=f"hipaalog {self.name}"[:64], daemon=True)
        try:
            thread.start()
        except RuntimeError:  # interpreter shutting down: deliver on the caller's thread instead
            self._inline = True
            return
        self._thread = thread

    # -- worker ----------------------------------------------------------------------------------
    def _run(self) -> None:
        try:
            while True:
                work = self._next()
                if work is None:
                    return
                try:
                    work()
                except Exception as exc:  # noqa: BLE001 - the worker must outlive its own bugs
                    _diagnostics.problem("delivery-error", f"{self.name}: {type(exc).__name__} in the delivery worker")
        finally:
            self._finish()

    def _next(self) -> Callable[[], None] | None:
        """Wait for the next piece of work: a batch, a replay from disk, or a sink flush."""
        with self._lock:
            linger_end: float | None = None
            while True:
                now = monotonic()
                n = len(self._items)
                flush_due = self._flush_gen > self._sink_flushed_gen and self._dequeued >= self._flush_target
                if flush_due and not self._replay_ready(now):
                    return self._flush_sink
                if self._replay_ready(now) and (not n or not self._replayed_last):
                    self._replayed_last = True  # alternate with new batches so the backlog drains
                    return self._replay_once
                if n:
                    self._replayed_last = False
                    if (
                        n >= self.options.batch_size
                        or self._stopping
                        or self._flush_target > self._dequeued
                        or (linger_end is not None and now >= linger_end)
                        or self.options.flush_interval <= 0
                    ):
                        batch = self._take(n)
                        return lambda: self._process(batch)
                    if linger_end is None:
                        linger_end = now + self.options.flush_interval
                    self._wake.wait(linger_end - now)
                    continue
                if self._unconfirmed:
                    if self._stopping and now >= self._deadline:
                        return self._give_up_unconfirmed
                    if now >= self._ack_due:
                        return self._check_acks
                if self._stopping and not self._unconfirmed:
                    return None
                timeout = None
                if self.spill is not None and self.spill.has_backlog():
                    timeout = max(0.0, self._replay_due - now)
                if self._unconfirmed:
                    ack_wait = max(0.0, min(self._ack_due, self._deadline) - now)
                    timeout = ack_wait if timeout is None else min(timeout, ack_wait)
                self._idle = True
                try:
                    self._wake.wait(timeout)
                finally:
                    self._idle = False

    def _replay_ready(self, now: float) -> bool:
        if self.spill is None or not self.spill.has_backlog():
            return False
        if self._stopping:
            return not self._failing and now < self._deadline
        return now >= self._replay_due

    def _take(self, n: int) -> list[EncodedRecord]:
        k = min(n, self.options.batch_size)
        popleft = self._items.popleft
        batch = [popleft() for _ in range(k)]
        self._dequeued += k
        self._inflight = k
        self._space.notify(k)
        return batch

    def _process(self, batch: list[EncodedRecord]) -> None:
        try:
            if self.spill is not None and self.spill.has_backlog():
                self._to_spill(batch)  # behind what waits on disk, to keep the order
            else:
                self._deliver(batch, patient=True)
        finally:
            with self._lock:
                self._inflight = 0

    def _deliver(self, batch: list[EncodedRecord], *, patient: bool) -> None:
        """Write ``batch``, retrying failures with backoff; spill or fail what cannot be delivered."""
        pending = batch
        attempts = 0
        while True:
            with self._lock:
                self._tries_started += 1
            outcome = attempt(self.sink, pending, keep=self._settle_sink is not None)
            if self._abandoned:
                return  # close() gave up on this batch and has counted and reported it
            with self._lock:
                self._tries += 1
            lost = self._written(outcome)
            if outcome.rejected:
                _diagnostics.problem(
                    "records-rejected",
                    f"{self.name}: {outcome.rejected} record(s) refused for good: "
                    + self._said(outcome.error, bare=True),
                    count=outcome.rejected,
                )
            if not outcome.retry and not lost:
                self._failing = False
                return
            pending = lost + outcome.retry  # what the peer lost was written first
            error = outcome.error or f"the connection was lost before {len(lost)} written record(s) were confirmed"
            attempts += 1
            self._failing = True
            gave_up = (
                not patient
                or self._stopping
                or attempts > self.options.retry_attempts
                or (self.spill is not None and self._flushing())
            )
            if self.spill is not None and gave_up:
                self._account(resent=outcome.maybe_sent)
                self._to_spill(pending)
                self._schedule_replay(1, outcome.retry_after)
                _diagnostics.problem("sink-unavailable", f"{self._said(error)}; {len(pending)} record(s) kept on disk")
                return
            if not patient or (self._stopping and monotonic() >= self._deadline):
                self._account(failed=len(pending), settled=len(pending))
                _diagnostics.problem(
                    "undelivered-at-close",
                    f"{self._said(error)}; {len(pending)} record(s) lost at shutdown (no spill_dir)",
                    count=len(pending),
                )
                return
            delay = self._backoff.delay(attempts, outcome.retry_after)
            self._account(retried=len(pending), resent=outcome.maybe_sent)
            _diagnostics.problem("sink-write-failed", f"{self._said(error)}; retry {attempts} in {delay:.1f}s")
            self._sleep(delay)

    def _flushing(self) -> bool:
        """Whether a ``flush()`` waits for records not yet delivered, spilled or failed."""
        return self._flush_target > self._settled

    def _written(self, outcome: Outcome) -> list[EncodedRecord]:
        """Count what one attempt on the queue's records wrote; return the records the peer lost."""
        if self._settle_sink is None:
            settled = outcome.delivered + outcome.rejected
            self._account(
                written=outcome.delivered, delivered=outcome.delivered, failed=outcome.rejected, settled=settled
            )
            return []
        with self._lock:
            self._unconfirmed.add(outcome.written)
        self._account(written=outcome.delivered, failed=outcome.rejected, settled=outcome.rejected)
        return self._collect()

    def _collect(self) -> list[EncodedRecord]:
        """Ask the sink what it confirmed or lost: count the confirmed, return the lost (oldest first)."""
        assert self._settle_sink is not None
        try:
            acknowledged, lost = self._settle_sink()
        except Exception as exc:  # noqa: BLE001 - asked again later
            acknowledged, lost = 0, 0
            _diagnostics.problem("sink-settle-failed", f"{self.name}: {type(exc).__name__} raised by settle()")
        with self._lock:
            self._ack_due = monotonic() + _ACK_POLL
            if self._abandoned:
                return []
            acked, records = self._unconfirmed.apply(acknowledged, lost)
            self.counters.delivered += acked
            self.counters.resent += len(records)
            if acked:
                self._settled += acked
                self._settle.notify_all()
            return records

    def _check_acks(self) -> None:
        """Between writes: collect confirmations, and write again what the peer lost."""
        lost = self._collect()
        if lost:
            with self._lock:
                self._inflight = len(lost)
            self._process(lost)

    def _give_up_unconfirmed(self) -> None:
        """At the shutdown deadline: keep on disk (or count as failed) what was never confirmed."""
        lost = self._collect()
        with self._lock:
            records = lost + self._unconfirmed.take_all()
        n = len(records)
        if not n:
            return
        if self.spill is not None:
            with self._lock:
                self.counters.resent += n  # the peer may have some of them already: at-least-once
            self._to_spill(records)
            return
        self._account(failed=n, settled=n)
        _diagnostics.problem(
            "undelivered-at-close", f"{self.name}: {n} written record(s) never confirmed before shutdown", count=n
        )

    def _said(self, error: str, *, bare: bool = False) -> str:
        """``error`` prefixed with the sink's name (once, even if the sink already named itself)."""
        text = error[len(self.name) + 2 :] if error.startswith(self.name + ": ") else error
        return text if bare else f"{self.name}: {text}"

    def _sleep(self, delay: float) -> None:
        """Wait ``delay`` seconds, less if the handler is closing (then until its deadline at most)."""
        with self._lock:
            end = monotonic() + delay
            while True:
                if self.spill is not None and (self._stopping or self._flushing()):
                    return  # one more attempt, then to disk
                if self._stopping:
                    end = min(end, self._deadline)
                remaining = end - monotonic()
                if remaining <= 0:
                    return
                self._wake.wait(remaining)

    def _to_spill(self, records: list[EncodedRecord]) -> None:
        assert self.spill is not None
        n = len(records)
        try:
            stored, why = self.spill.append(records), f"spill directory full ({self.options.spill_max_bytes} bytes)"
        except OSError as exc:
            stored, why = False, f"spill directory unusable ({exc.strerror or type(exc).__name__})"
        if stored:
            self._account(spilled=n, settled=n)
            return
        self._account(dropped=n, settled=n)
        _diagnostics.problem("record-dropped", f"{self.name}: {n} record(s) dropped: {why}", count=n)

    def _schedule_replay(self, attempt_no: int, retry_after: float | None) -> None:
        with self._lock:
            self._failing = True
            self._replay_attempt = attempt_no
            self._replay_due = monotonic() + self._backoff.delay(attempt_no, retry_after)

    def _replay_once(self) -> None:
        """Send the oldest batch on disk; acknowledge it once all of it is delivered or refused."""
        assert self.spill is not None
        if self._replay is None:
            records, token = self.spill.read(self.options.batch_size)
            if token is None:
                return
            self._replay = (records, token)
        records, token = self._replay
        with self._lock:
            self._tries_started += 1
        outcome = attempt(self.sink, records, keep=self._settle_sink is not None)
        if self._settle_sink is None:
            self._account(written=outcome.delivered, delivered=outcome.delivered, failed=outcome.rejected)
        else:
            with self._lock:  # off the disk, awaiting confirmation like a queued record
                self._unconfirmed.add(outcome.written)
                self._accepted += outcome.delivered
                self._dequeued += outcome.delivered  # they never wait in the queue
            self._account(written=outcome.delivered, failed=outcome.rejected)
        if outcome.rejected:
            _diagnostics.problem(
                "records-rejected",
                f"{self.name}: {outcome.rejected} record(s) refused for good: " + self._said(outcome.error, bare=True),
                count=outcome.rejected,
            )
        if outcome.retry:
            self._replay = (outcome.retry, token)
            self._account(retried=len(outcome.retry), resent=outcome.maybe_sent)
            self._schedule_replay(self._replay_attempt + 1, outcome.retry_after)
            _diagnostics.problem(
                "sink-write-failed", f"{self._said(outcome.error)}; {self.spill.backlog} record(s) wait on disk"
            )
            with self._lock:
                self._tries += 1
                self._settle.notify_all()
            return
        self._replay = None
        self.spill.ack(token)
        with self._lock:
            self._failing = False
            self._replay_attempt = 0
            self._replay_due = 0.0
            self._tries += 1
            self._settle.notify_all()
            self._space.notify_all()

    def _flush_sink(self) -> None:
        with self._lock:
            gen = self._flush_gen
        try:
            self.sink.flush()
        except Exception as exc:  # noqa: BLE001
            _diagnostics.problem("sink-flush-failed", f"{self.name}: {type(exc).__name__}")
        with self._lock:
            self._sink_flushed_gen = max(self._sink_flushed_gen, gen)
            self._settle.notify_all()

    def _finish(self) -> None:
        try:
            if self._abandoned:
                self.sink.close()  # close() gave up waiting and left the sink to us
            else:
                self.sink.flush()
        except Exception as exc:  # noqa: BLE001
            _diagnostics.problem("sink-flush-failed", f"{self.name}: {type(exc).__name__}")
        with self._lock:
            self._done = True
            self._settle.notify_all()

    def _account(
        self,
        *,
        written: int = 0,
        delivered: int = 0,
        failed: int = 0,
        spilled: int = 0,
        dropped: int = 0,
        retried: int = 0,
        resent: int = 0,
        settled: int = 0,
    ) -> None:
        with self._lock:
            if self._abandoned:
                return
            c = self.counters
            c.written += written
            c.delivered += delivered
            c.failed += failed
            c.spilled += spilled
            c.dropped += dropped
            c.retried += retried
            c.resent += resent
            if settled:
                self._settled += settled
                self._settle.notify_all()

    # -- without a worker (interpreter shutdown) -------------------------------------------------
    def _drain_inline(self) -> None:
        while True:
            with self._lock:
                if not self._items:
                    return
                batch = self._take(len(self._items))
            try:
                if self.spill is not None and self.spill.has_backlog():
                    self._to_spill(batch)
                else:
                    self._deliver(batch, patient=False)
            finally:
                with self._lock:
                    self._inflight = 0

    # -- control ---------------------------------------------------------------------------------
    def flush(self, deadline: float) -> bool:
        """Wait until what was queued before the call is delivered (or safe on disk, or given up)."""
        with self._lock:
            if self._thread is None or self._done:
                return True
            target = self._accepted
            self._flush_target = max(self._flush_target, target)
            self._flush_gen += 1
            gen = self._flush_gen
            probes = self._tries_started  # a failing sink is asked again after this call
            if self._failing:
                self._replay_due = 0.0  # try the failing sink now rather than after its backoff
            self._wake.notify()
            while not (
                self._settled >= target
                and self._sink_flushed_gen >= gen
                and (
                    self.spill is None
                    or not self.spill.has_backlog()
                    or (self._failing and (self._tries > probes or self._stopping))
                )
            ):
                remaining = deadline - monotonic()
                if self._done or remaining <= 0:
                    return self._done
                self._settle.wait(remaining)
            return True

    def stop(self, deadline: float) -> None:
        """Refuse new records; the worker delivers what is queued until ``deadline``, then exits.

        Give a ``deadline`` a little before the one :meth:`join` waits for, so that a last attempt
        that is still on its way when the worker gives up has time to end.
        """
        with self._lock:
            self._closed = True
            self._stopping = True
            self._deadline = deadline
            self._wake.notify_all()
            self._space.notify_all()
            self._settle.notify_all()

    def join(self, deadline: float) -> bool:
        """Wait for the worker to exit; ``False`` if it is still busy at ``deadline``."""
        thread = self._thread
        if thread is None or thread is threading.current_thread():
            return thread is None
        thread.join(max(0.0, deadline - monotonic()))
        return not thread.is_alive()

    def abandon(self) -> None:
        """After a worker missed the deadline: spill what is still queued, count what is in flight."""
        with self._lock:
            leftover = self._unconfirmed.take_all() + list(self._items)
            self._items.clear()
            inflight = self._inflight
        if leftover and self.spill is not None:
            self._to_spill(leftover)
        elif leftover:
            self._account(failed=len(leftover), settled=len(leftover))
        lost = inflight + (0 if self.spill is not None else len(leftover))
        with self._lock:
            self.counters.failed += inflight
            self._inflight = 0
            self._abandoned = True
        if lost:
            _diagnostics.problem(
                "undelivered-at-close",
                f"{self.name}: the sink did not finish in time; {lost} record(s) lost",
                count=lost,
            )

    def snapshot(self) -> dict[str, int]:
        """Counters plus the gauges ``queued`` (in memory, ``unconfirmed`` included) and ``backlog`` (on disk)."""
        with self._lock:
            out = self.counters.snapshot()
            out["unconfirmed"] = len(self._unconfirmed)
            out["queued"] = len(self._items) + self._inflight + out["unconfirmed"]
        out["backlog"] = self.spill.backlog if self.spill is not None else 0
        return out

    def _after_fork_in_child(self) -> None:
        """The child starts with an empty queue and counters; the parent still owns its records."""
        self._reset()
        if self.spill is not None:
            self.spill._after_fork_in_child()
