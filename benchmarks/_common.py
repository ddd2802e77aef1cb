"""Shared helpers for the benchmark scripts: medians of repeats, ratio tables, the benchmark record."""

from __future__ import annotations

import logging
import platform
import statistics
import sys
import time
from collections.abc import Callable, Sequence

__all__ = ["benchmark_record", "compare", "machine_line", "median_ns", "print_table"]


def benchmark_record() -> logging.LogRecord:
    """The record every formatter benchmark uses: one ``%s`` argument and five extra fields, one nested."""
    record = logging.LogRecord(
        name="claims.api",
        level=logging.INFO,
        pathname=__file__,
        lineno=42,
        msg="claim %s accepted",
        args=("C-20931",),
        exc_info=None,
        func="submit",
    )
    record.__dict__.update(
        {
            "request_id": "6f1c2a9e-3b7d-4f0e-9a51-0c8d2e4b7a13",
            "amount": 1289.5,
            "line_count": 4,
            "payer": "acme-health",
            "claim": {"type": "professional", "codes": ["99213", "J06.9"], "in_network": True},
        }
    )
    return record


def median_ns(func: Callable[[], object], *, inner: int = 2000, repeats: int = 15) -> float:
    """Median over ``repeats`` of the mean cost of one call, in nanoseconds."""
    samples = []
    for _ in range(repeats):
        start = time.perf_counter_ns()
        for _ in range(inner):
            func()
        samples.append((time.perf_counter_ns() - start) / inner)
    return statistics.median(samples)


def compare(
    variants: Sequence[tuple[str, Callable[[], object]]], *, inner: int = 2000, repeats: int = 21
) -> list[tuple[str, float]]:
    """Median per-call cost of each variant, in nanoseconds, measured round-robin.

    Each repeat times every variant once, in turn, so that a noisy neighbour slows them all alike
    instead of whichever happened to run at that moment.
    """
    samples: dict[str, list[float]] = {name: [] for name, _ in variants}
    for _ in range(repeats):
        for name, func in variants:
            start = time.perf_counter_ns()
            for _ in range(inner):
                func()
            samples[name].append((time.perf_counter_ns() - start) / inner)
    return [(name, statistics.median(samples[name])) for name, _ in variants]


def machine_line() -> str:
    """One line describing where the figures were taken."""
    return f"Python {sys.version.split()[0]} on {platform.machine()} ({platform.system()}), {time.strftime('%Y-%m-%d')}"


def print_table(title: str, rows: Sequence[tuple[str, float]], baseline: str) -> None:
    """A Markdown table of per-call medians and ratios against the row named ``baseline``."""
    base = dict(rows)[baseline]
    print(f"\n### {title}\n")
    print(machine_line() + "\n")
    print(f"| variant | median per call | ratio to {baseline} |")
    print("| --- | ---: | ---: |")
    for name, ns in rows:
        print(f"| {name} | {ns / 1000:.2f} µs | {ns / base:.2f}× |")
