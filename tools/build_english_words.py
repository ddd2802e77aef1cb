"""Build hipaalog's list of English words from Debian's ``wamerican`` (SCOWL) word list.

The name rules use it to tell a capitalised word that no table knows (``Kuziora``, ``Fogaca``: a
name part of another country) from an ordinary word written with a capital (``Payment``,
``Mercy``). Only lower-case, alphabetic entries of two letters or more are kept: the list's
capitalised entries are proper nouns, names among them::

    apt-get install wamerican
    python tools/build_english_words.py

writes ``src/hipaalog/redaction/english_words.txt`` (the SCOWL copyright notice at its head).
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "src" / "hipaalog" / "redaction" / "english_words.txt"
NOTICE = """\
# English words (lower case) of SCOWL, as Debian's wamerican package ships them; built by
# tools/build_english_words.py. SCOWL is Copyright 2000-2011 by Kevin Atkinson:
# Permission to use, copy, modify, distribute and sell these word lists, the associated scripts,
# the output created from the scripts, and its documentation for any purpose is hereby granted
# without fee, provided that the above copyright notice appears in all copies and that both that
# copyright notice and this permission notice appear in supporting documentation. Kevin Atkinson
# makes no representations about the suitability of this array for any purpose. It is provided
# "as is" without express or implied warranty.
"""
_WORD = re.compile(r"[a-z]{2,}")


def build(words_file: Path) -> list[str]:
    """The lower-case alphabetic words of ``words_file``, sorted, each once."""
    text = words_file.read_text(encoding="utf-8", errors="replace")
    return sorted({line for line in text.split() if _WORD.fullmatch(line)})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=Path, default=Path("/usr/share/dict/american-english"))
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    if not args.words.is_file():
        raise SystemExit(f"{args.words} not found: apt-get install wamerican")
    words = build(args.words)
    lines = [" ".join(words[i : i + 16]) for i in range(0, len(words), 16)]
    args.out.write_text(NOTICE + "\n".join(lines) + "\n", encoding="ascii")
    print(f"{len(words)} words -> {args.out}")


if __name__ == "__main__":
    main()
