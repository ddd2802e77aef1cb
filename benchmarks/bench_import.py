"""Start-up cost, side by side in one run: ``import hipaalog`` against structlog and python-json-logger,
``configure()`` and the ``dictConfig`` names, and the ``hipaalog --help`` command.

Each figure is the median over fresh interpreters (``python -X importtime``: the module's cumulative
import time, without the interpreter's own start-up). ``--help`` is wall time, shown next to an
interpreter that does nothing, since on a busy machine start-up alone dominates it.

Run: python benchmarks/bench_import.py [--repeats 9]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time

from _common import machine_line

IMPORTS = {
    "import hipaalog": "import hipaalog",
    "import structlog": "import structlog",
    "import pythonjsonlogger.json": "import pythonjsonlogger.json",
    "from hipaalog import JsonFormatter, SinkHandler": "from hipaalog import JsonFormatter, SinkHandler",
    "hipaalog.configure()": "import hipaalog; hipaalog.configure(app_id='a', platform='vm', microservice='m')",
}


def _top_level(code: str) -> dict[str, float]:
    """Cumulative import time (µs) of each top-level import while running ``code`` (``-X importtime``)."""
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", code], capture_output=True, text=True, check=True
    )
    found: dict[str, float] = {}
    for line in result.stderr.splitlines():
        parts = line.split("|")
        if len(parts) == 3 and parts[1].strip().isdigit() and parts[2][:1] == " " and parts[2][1:2] != " ":
            found[parts[2].strip()] = float(parts[1])
    return found


_STARTUP = frozenset(_top_level("pass"))
"""What the interpreter imports before any code runs (site, encodings, .pth files): counted for nobody."""


def import_us(code: str) -> float:
    """Cumulative import time (µs) of every module ``code`` imports, start-up imports left out."""
    return sum(us for name, us in _top_level(code).items() if name not in _STARTUP)


def wall_ms(argv: list[str]) -> float:
    """Wall time (ms) of one run of ``argv``."""
    start = time.perf_counter()
    subprocess.run(argv, capture_output=True, check=True)
    return (time.perf_counter() - start) * 1000


def main() -> None:
    """Print one table: median import costs and the command's start-up."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeats", type=int, default=9)
    repeats = parser.parse_args().repeats
    samples: dict[str, list[float]] = {name: [] for name in IMPORTS}
    bare: list[float] = []
    helps: list[float] = []
    for _ in range(repeats):  # interleaved, so that a busy moment hits every variant alike
        for name, code in IMPORTS.items():
            samples[name].append(import_us(code) / 1000)
        bare.append(wall_ms([sys.executable, "-c", "pass"]))
        helps.append(wall_ms([sys.executable, "-m", "hipaalog", "--help"]))
    print("\n### Start-up\n")
    print(machine_line() + f", median of {repeats} fresh interpreters\n")
    print("| what | median |")
    print("| --- | ---: |")
    for name in IMPORTS:
        print(f"| {name} | {statistics.median(samples[name]):.1f} ms |")
    print(f"| python -c pass (wall) | {statistics.median(bare):.0f} ms |")
    print(f"| python -m hipaalog --help (wall) | {statistics.median(helps):.0f} ms |")


if __name__ == "__main__":
    main()
