"""Run every ``examples/*.py``; each must exit 0, every JSON line it prints must be a valid record, and no
record may have failed on the way (``--- Logging error ---`` on stderr)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
from hipaalog._schema import json_schema  # noqa: E402


def main() -> int:
    """Run the examples and validate their output; non-zero exit on any failure."""
    validator = jsonschema.Draft202012Validator(json_schema())
    env = dict(os.environ, HIPAALOG_APP_ID="examples", HIPAALOG_PLATFORM="vm", HIPAALOG_MICROSERVICE="examples")
    failures = 0
    for example in sorted((ROOT / "examples").glob("*.py")):
        if example.name.startswith("_"):
            continue
        result = subprocess.run(
            [sys.executable, str(example)], cwd=ROOT, env=env, check=False, capture_output=True, text=True, timeout=300
        )
        records = 0
        problems = []
        for line in result.stdout.splitlines():
            if not line.startswith("{"):
                continue
            try:
                validator.validate(json.loads(line))
                records += 1
            except (ValueError, jsonschema.ValidationError) as exc:
                problems.append(str(exc).splitlines()[0])
        if "--- Logging error ---" in result.stderr:
            problems.append("a handler failed on a record (--- Logging error --- on stderr)")
        ok = result.returncode == 0 and records > 0 and not problems
        print(f"{example.name}: exit {result.returncode}, {records} valid record(s){'' if ok else ' FAILED'}")
        if not ok:
            failures += 1
            print("\n".join(problems[:5]))
            print(result.stderr[-3000:])
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
