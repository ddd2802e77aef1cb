"""A day's distinct patients per person judged as columns: each person against their own days and their unit's.

The columnar engine hands the replay one local day as arrays (:class:`DayCounts`: each person's count
and the summary of their earlier active days); :func:`judge_day` computes for everyone at once what
:meth:`~hipaalog.report._analyze.Analyzer._close_volume_day` computes person by person (the unit's
surge from the median of the others' ratios, each baseline's limit), with the same floating-point
operations in the same order, so both engines reach the same limits. Only the people at or above
their limit go back to the analyzer's per-person code, which writes their findings.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from ._baseline import OWN_MIN_DAYS
from ._stats import MAD_TO_SIGMA

__all__ = ["DayCounts", "DayJudgement", "judge_day"]


@dataclass
class DayCounts:
    """One local day's distinct patients per person, as columns of the same length."""

    actors: list[str]
    counts: Any
    """Distinct patients of the day (int64)."""
    sizes: Any
    """How many earlier active days (up to the kept 60) the person's summary covers (int64)."""
    medians: Any
    """Median of those days (float64; 0 where there are none)."""
    mads: Any
    """Median absolute deviation of those days (float64; 0 where there are none)."""

    def __len__(self) -> int:
        return len(self.actors)

    @classmethod
    def from_columns(cls, columns: dict[str, Any]) -> DayCounts:
        """From DuckDB's ``fetchnumpy()`` of ``actor, n, size, median, mad`` (NULL summaries read as 0)."""
        return cls(
            actors=list(columns["actor"]),
            counts=np.asarray(columns["n"], dtype=np.int64),
            sizes=np.asarray(columns["size"], dtype=np.int64),
            medians=np.ma.filled(columns["median"], 0.0).astype(np.float64),
            mads=np.ma.filled(columns["mad"], 0.0).astype(np.float64),
        )


@dataclass
class DayJudgement:
    """What :func:`judge_day` found: per person (in :class:`DayCounts` order) the unit's surge and how many
    others of the unit it was measured on, each baseline's limit, and who reached it."""

    surge: Any
    mates: Any
    limit: Any
    above: Any
    """Each limit before the configured minimum is applied (the streaming analyzer's ``max`` keeps the minimum
    itself, an ``int``, only where it is the larger)."""
    scale: Any
    baseline: Any
    """Whether the person has enough of their own days to be judged against them."""
    peak: float | None
    """The highest count / limit among the judged (None when nobody was)."""
    reached: Any
    """Indexes of the people at or above their limit."""


def _median_of_others(ordered: Any, skip: Any) -> tuple[Any, Any]:
    """For each entry of ``skip`` (the position of one's own value in ``ordered``, or ``len(ordered)`` for none):
    the median of ``ordered`` without that value, and how many values that is (see ``median_of_others``)."""
    k = len(ordered)
    others = k - (skip < k).astype(np.int64)
    if k == 0:
        return np.zeros(len(skip)), others
    mid = others // 2

    def at(j: Any) -> Any:
        j = np.where(j >= skip, j + 1, j)
        return ordered[np.clip(j, 0, k - 1)]

    upper = at(mid)
    lower = at(mid - 1)
    middle = np.where(others % 2 == 1, upper, (lower + upper) / 2.0)
    return np.where(others > 0, middle, 0.0), others


def judge_day(
    day: DayCounts,
    units: Sequence[str],
    *,
    day_z: float,
    day_ratio: float,
    day_min: float,
    baseline_days: int,
    surge_mates: int,
) -> DayJudgement:
    """Judge every person of ``day`` (``units[i]`` is person i's unit, ``""`` for none)."""
    counts = day.counts.astype(np.float64)
    own = day.sizes >= OWN_MIN_DAYS
    median = np.where(own, day.medians, 0.0)
    mad = np.where(own, day.mads, 0.0)
    scale = np.maximum(np.maximum(MAD_TO_SIGMA * mad, 0.1 * median), 1.0)
    ratio = counts / np.maximum(median, 1.0)
    surge = np.ones(len(day))
    mates = np.zeros(len(day), dtype=np.int64)
    codes: dict[str, int] = {}
    code = np.fromiter((codes.setdefault(unit, len(codes)) for unit in units), dtype=np.int64, count=len(day))
    order = np.argsort(code, kind="stable")
    bounds = np.searchsorted(code[order], np.arange(len(codes) + 1))
    for start, end in itertools.pairwise(bounds.tolist()):
        members = order[start:end]
        mine = own[members]
        ordered = np.sort(ratio[members[mine]])
        skip = np.full(len(members), len(ordered), dtype=np.int64)
        skip[mine] = np.searchsorted(ordered, ratio[members[mine]], side="left")
        others, count = _median_of_others(ordered, skip)
        mates[members] = count
        surge[members] = np.where(count >= surge_mates, np.maximum(1.0, others), 1.0)
    baseline = own & (day.sizes >= baseline_days)
    above = np.maximum(median + day_z * scale, day_ratio * median) * surge
    limit = np.maximum(above, day_min)
    peak = float(np.max(counts[baseline] / limit[baseline])) if baseline.any() else None
    reached = np.flatnonzero(baseline & (counts >= limit))
    return DayJudgement(surge, mates, limit, above, scale, baseline, peak, reached)
