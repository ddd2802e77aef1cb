"""Delivery policy, apart from any protocol: queues, batching, retries, spill and accounting.

:class:`~hipaalog.SinkHandler` builds one :class:`Lane` per sink from :class:`DeliveryOptions`;
sinks never see queues or retries, and nothing here knows how a sink talks to its peer.
"""

from __future__ import annotations

from ._backoff import Backoff
from ._counters import COUNTER_NAMES, Counters
from ._lane import Lane
from ._options import OVERFLOW_POLICIES, DeliveryOptions
from ._spill import Spill, spill_key

__all__ = [
    "COUNTER_NAMES",
    "OVERFLOW_POLICIES",
    "Backoff",
    "Counters",
    "DeliveryOptions",
    "Lane",
    "Spill",
    "spill_key",
]
