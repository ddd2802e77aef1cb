"""Robust statistics for peer comparison: median, MAD, and a robust z-score with a floor."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass

__all__ = ["MAD_TO_SIGMA", "PeerStats", "median", "median_of_others", "peer_stats"]

MAD_TO_SIGMA = 1.4826
"""MAD times this estimates the standard deviation of normally distributed data."""


def median(values: Sequence[float]) -> float:
    """The median (0.0 for no values)."""
    n = len(values)
    if n == 0:
        return 0.0
    ordered = sorted(values)
    mid = n // 2
    return float(ordered[mid]) if n % 2 else (ordered[mid - 1] + ordered[mid]) / 2.0


def median_of_others(ordered: Sequence[float], own: float | None) -> tuple[float, int]:
    """The median and the number of the sorted ``ordered`` without one value equal to ``own`` (None: without
    none): what :func:`median` gives for everyone else, in O(log n) instead of sorting them again."""
    skip = len(ordered) if own is None else bisect_left(ordered, own)
    n = len(ordered) - (skip < len(ordered))
    if n == 0:
        return 0.0, 0

    def at(k: int) -> float:
        return ordered[k + 1] if k >= skip else ordered[k]

    mid = n // 2
    return (float(at(mid)) if n % 2 else (at(mid - 1) + at(mid)) / 2.0), n


@dataclass(frozen=True)
class PeerStats:
    """Median, MAD and the scale used for z-scores of one peer group.

    ``scale`` is ``1.4826 * MAD`` but never below ``max(1, 0.1 * median)``: a group where
    almost everyone has the same value (MAD 0) would otherwise make any difference infinite.
    """

    size: int
    median: float
    mad: float
    scale: float

    def z(self, value: float) -> float:
        """How many robust standard deviations ``value`` lies above the median."""
        return (value - self.median) / self.scale

    def threshold(self, z: float, ratio: float, minimum: float) -> float:
        """The smallest value that counts as an outlier under the three conditions."""
        return max(self.median + z * self.scale, ratio * self.median, minimum)


def peer_stats(values: Sequence[float]) -> PeerStats:
    """Summarise a group's values."""
    mid = median(values)
    mad = median([abs(v - mid) for v in values])
    scale = max(MAD_TO_SIGMA * mad, 0.1 * mid, 1.0)
    return PeerStats(len(values), mid, mad, scale)
