"""Cost of redaction: the full default pipeline against python-json-logger, and the text scan.

Run: ``python benchmarks/bench_redaction.py`` (or ``nox -s bench``). Prints per-call medians of
repeated runs and ratios. Every call sees a different record or message (numbers and ids vary),
so the clean-text cache does not hide the scanning cost; the cached case is shown on its own.

Targets (issue 3): the default pipeline (schema + redaction) at most 1.0x python-json-logger's
``JsonFormatter`` per log call on the benchmark record; a 200-byte message without PHI scanned in
at most 2 us.
"""

from __future__ import annotations

import io
import logging
import platform
import random
import statistics
import sys
import time
from collections.abc import Callable, Sequence

from pythonjsonlogger.json import JsonFormatter as PjlJsonFormatter

import hipaalog
from hipaalog.redaction import Redactor

REPEATS = 9
RECORDS = 2000


def benchmark_records(count: int) -> list[logging.LogRecord]:
    """The benchmark record: a message with one %s argument and five extra fields, one a nested dict."""
    rng = random.Random(3)
    records = []
    for n in range(count):
        claim = f"CLM-2024{rng.randint(100000, 999999)}-{n:04d}"
        record = logging.LogRecord("claims.api", logging.INFO, __file__, 42, "claim %s submitted", (claim,), None)
        record.claim_id = claim
        record.amount = round(rng.uniform(10, 5000), 2)
        record.status = rng.choice(["approved", "pending", "denied"])
        record.duration_ms = round(rng.uniform(1, 400), 1)
        payer = rng.choice(["Acme Health", "Blue Ridge Mutual", "Northwind Care"])
        record.payer = {"name": payer, "plan": "PPO", "tier": 2}
        records.append(record)
    return records


def clean_messages(count: int) -> list[str]:
    """Distinct 200-byte log messages without PHI (numbers, ids, versions, a timestamp, a URL path)."""
    rng = random.Random(5)
    out = []
    for _ in range(count):
        text = (
            f"GET /api/v1/claims/{rng.randint(1, 99999)}/status returned {rng.choice([200, 404, 503])} in "
            f"{rng.uniform(1, 900):.1f} ms for request {rng.getrandbits(128):032x} (attempt {rng.randint(1, 3)} of 3), "
            f"cache hit ratio 0.{rng.randint(10, 99)}, queue depth {rng.randint(0, 300)}, "
            f"worker claims-{rng.randint(1, 9)}"
        )
        out.append(text[:200].ljust(200, "."))
    return out


def phi_messages(count: int) -> list[str]:
    """Distinct 200-byte messages holding a name, an SSN, a phone number and a date of birth."""
    rng = random.Random(9)
    first = ["Maria", "James", "Linda", "Robert", "Susan", "David"]
    last = ["Garcia", "Smith", "Nguyen", "Johnson", "Patel", "Brown"]
    out = []
    for _ in range(count):
        text = (
            f"patient {rng.choice(first)} {rng.choice(last)} "
            f"(DOB 0{rng.randint(1, 9)}/{rng.randint(10, 28)}/19{rng.randint(30, 99)}, "
            f"SSN {rng.randint(100, 599)}-{rng.randint(10, 99)}-{rng.randint(1000, 9999)}) called from "
            f"({rng.randint(200, 989)}) 555-{rng.randint(1000, 9999)} about claim {rng.getrandbits(40):x}"
        )
        out.append(text[:200].ljust(200, "."))
    return out


def per_call(function: Callable[[object], object], items: Sequence[object]) -> float:
    """Median over repeats of the time per call, in microseconds."""
    timings = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        for item in items:
            function(item)
        timings.append((time.perf_counter() - start) / len(items))
    return statistics.median(timings) * 1e6


def main() -> None:
    records = benchmark_records(RECORDS)
    pjl = PjlJsonFormatter()
    identity = {"app_id": "claims", "platform": "vm", "microservice": "claims-api"}
    redacting = hipaalog.JsonFormatter(**identity)
    plain = hipaalog.JsonFormatter(**identity, redaction=False)
    for formatter in (pjl, redacting, plain):  # warm caches and code paths
        for record in records[:200]:
            formatter.format(record)

    pipeline = [
        ("python-json-logger JsonFormatter", per_call(pjl.format, records)),  # type: ignore[arg-type]
        ("hipaalog JsonFormatter, schema only (redaction=False)", per_call(plain.format, records)),  # type: ignore[arg-type]
        ("hipaalog JsonFormatter, full default pipeline", per_call(redacting.format, records)),  # type: ignore[arg-type]
    ]
    baseline = pipeline[0][1]

    redactor = Redactor()
    clean = clean_messages(20000)
    phi = phi_messages(5000)
    redactor.redact_text(clean[0])
    repeated = [clean[0]] * 20000
    scans = [
        ("200-byte message without PHI, each call a new message", per_call(redactor.redact_text, clean)),  # type: ignore[arg-type]
        ("200-byte message without PHI, seen before (cache hit)", per_call(redactor.redact_text, repeated)),  # type: ignore[arg-type]
        ("200-byte message with a name, SSN, phone and DOB", per_call(redactor.redact_text, phi)),  # type: ignore[arg-type]
    ]

    out = io.StringIO()
    out.write(f"Python {platform.python_version()} on {platform.machine()}, {platform.system()}; ")
    out.write(f"median of {REPEATS} runs over {RECORDS} records / 20000 messages\n\n")
    out.write("| per log call | us | x python-json-logger |\n| --- | ---: | ---: |\n")
    for name, value in pipeline:
        out.write(f"| {name} | {value:.2f} | {value / baseline:.2f} |\n")
    out.write("\n| scan (Redactor.redact_text) | us |\n| --- | ---: |\n")
    for name, value in scans:
        out.write(f"| {name} | {value:.2f} |\n")
    full = pipeline[2][1]
    out.write(
        f"\ntarget pipeline <= 1.0x python-json-logger: {'met' if full <= baseline else 'NOT met'} "
        f"({full / baseline:.2f}x); "
        f"target clean 200-byte scan <= 2 us: {'met' if scans[0][1] <= 2.0 else 'NOT met'} ({scans[0][1]:.2f} us)\n"
    )
    sys.stdout.write(out.getvalue())


if __name__ == "__main__":
    main()
