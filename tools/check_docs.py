"""Run every ```python block of README.md and docs/*.md, each file's blocks in one fresh process.

Blocks in one file share a namespace (later blocks may use names from earlier ones), run in a
temporary directory with the HIPAALOG_* identity variables set. A block whose first line is
``# doc: skip`` is not run (for fragments that need a server or a framework).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BLOCK = re.compile(r"^```python\n(.*?)^```", re.DOTALL | re.MULTILINE)


def blocks(path: Path) -> list[str]:
    """The runnable Python blocks of one Markdown file."""
    return [b for b in BLOCK.findall(path.read_text(encoding="utf-8")) if not b.startswith("# doc: skip")]


def main() -> int:
    """Run the blocks; report each file; non-zero exit on the first failure."""
    files = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
    env = dict(os.environ, HIPAALOG_APP_ID="docs", HIPAALOG_PLATFORM="vm", HIPAALOG_MICROSERVICE="docs-check")
    failures = 0
    for path in files:
        code = blocks(path)
        if not code:
            continue
        script = "\n\n".join(code)
        with tempfile.TemporaryDirectory() as workdir:
            result = subprocess.run(
                [sys.executable, "-c", script],
                cwd=workdir,
                env=env,
                check=False,
                capture_output=True,
                text=True,
                timeout=120,
            )
        status = "ok" if result.returncode == 0 else "FAILED"
        print(f"{path.relative_to(ROOT)}: {len(code)} block(s) {status}")
        if result.returncode != 0:
            failures += 1
            print(result.stdout[-2000:])
            print(result.stderr[-4000:])
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
