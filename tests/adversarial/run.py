"""Run the attack catalog outside pytest and print how many attacks succeed, by class.

``python -m tests.adversarial.run [--json] [--show]`` from the repository root; the hipaalog
imported is whichever is on ``sys.path`` (an older checkout's ``src`` on ``PYTHONPATH`` measures it).
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import tempfile
from collections import Counter
from pathlib import Path

from .canaries import DEFAULT
from .cases import CASES, run_attack
from .harness import Harness


def run_all(show: bool = False) -> dict[str, dict[str, int]]:
    """``{class: {"cases": n, "succeeded": k}}`` over the whole catalog, one run."""
    import hipaalog

    root = logging.getLogger()
    kept = list(root.handlers)
    tried: Counter[str] = Counter()
    won: Counter[str] = Counter()
    for case in CASES:
        with tempfile.TemporaryDirectory() as directory:
            harness = None
            try:
                harness = Harness(Path(directory))
                problems = run_attack(case, harness, DEFAULT)
            except Exception as exc:
                problems = [f"harness broke: {type(exc).__name__}"]
            finally:
                if harness is not None:
                    harness.close()
                root.handlers[:] = kept
                hipaalog.context.clear()
        tried[case.klass] += 1
        if problems:
            won[case.klass] += 1
            if show:
                print(f"  {case.id}: {problems[0][:160]}", file=sys.stderr)
    return {k: {"cases": tried[k], "succeeded": won[k]} for k in sorted(tried, key=lambda k: int(k.split()[0]))}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--json", action="store_true", help="print the table as JSON")
    parser.add_argument("--show", action="store_true", help="print the first problem of each succeeding attack")
    args = parser.parse_args()
    table = run_all(args.show)
    if args.json:
        print(json.dumps(table, indent=2))
    else:
        for klass, row in table.items():
            print(f"{klass:<20} {row['succeeded']:>3} / {row['cases']}")
        won, tried = sum(r["succeeded"] for r in table.values()), sum(r["cases"] for r in table.values())
        print(f"{'total':<20} {won:>3} / {tried}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
