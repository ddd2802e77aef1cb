"""Generate a split of the evaluation set: ``python -m evaluation.generate --split dev``.

A split is gzip-compressed JSONL (one :class:`~evaluation.record.Record` per line), made from one
seed; the same seed and library versions give the same bytes. ``--split frozen`` is written once
and committed with its SHA-256 in ``evaluation/data/MANIFEST.json``; nobody tunes on it.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import io
import json
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .formats import RECIPES, WEIGHTS, Ctx

__all__ = ["DATA", "SPLITS", "generate", "made_with", "main", "write_split"]

DATA = Path(__file__).parent / "data"
SPLITS = {"dev": (20261206, 2400), "frozen": (91157, 2400)}
"""Split name -> (seed, record count). Different seeds, same recipe mix."""

BENIGN_SHARE = 0.22


def generate(seed: int, count: int, prefix: str = "r") -> Iterator[dict[str, Any]]:
    """``count`` labelled records (as JSON objects) from ``seed``."""
    rng = random.Random(seed)
    ctx = Ctx(rng)
    recipes = [
        (fmt, phi, benign, WEIGHTS[fmt] / sum(1 for r in RECIPES if r[0] == fmt)) for fmt, phi, benign in RECIPES
    ]
    weights = [w for *_, w in recipes]
    for index in range(count):
        _fmt, phi, benign, _ = rng.choices(recipes, weights)[0]
        record = benign(ctx) if rng.random() < BENIGN_SHARE else phi(ctx)
        yield record.to_json(f"{prefix}-{index:05d}")


def encode(records: list[dict[str, Any]]) -> bytes:
    """The split's file bytes: JSONL, gzip with a fixed header so that the bytes depend on content only."""
    text = "".join(json.dumps(r, sort_keys=True, ensure_ascii=True) + "\n" for r in records)
    buffer = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buffer, mtime=0, compresslevel=9) as out:
        out.write(text.encode("ascii"))
    return buffer.getvalue()


def write_split(name: str, data_dir: Path = DATA, count: int | None = None) -> Path:
    """Generate split ``name`` (its first ``count`` records), write it to ``data_dir``, record its SHA-256."""
    seed, full = SPLITS[name]
    count = full if count is None else count
    records = list(generate(seed, count, prefix=name))
    blob = encode(records)
    data_dir.mkdir(parents=True, exist_ok=True)
    path = data_dir / f"{name}.jsonl.gz"
    path.write_bytes(blob)
    manifest_path = data_dir / "MANIFEST.json"
    manifest = json.loads(manifest_path.read_text()) if manifest_path.exists() else {}
    manifest[path.name] = {
        "sha256": hashlib.sha256(blob).hexdigest(),
        "records": count,
        "seed": seed,
        "made_with": made_with(),
    }
    manifest_path.write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n")
    return path


def made_with() -> dict[str, str]:
    """The versions of the libraries whose output goes into a split (a seed gives the same bytes only with these)."""
    from importlib.metadata import version

    return {name: version(name) for name in ("mimesis", "fhir.resources", "hl7apy", "hl7")}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=sorted(SPLITS), required=True)
    parser.add_argument("--data-dir", type=Path, default=DATA)
    parser.add_argument("--force", action="store_true", help="overwrite the frozen split (never do this to tune)")
    args = parser.parse_args(argv)
    target = args.data_dir / f"{args.split}.jsonl.gz"
    if args.split == "frozen" and target.exists() and not args.force:
        parser.error("the frozen split exists and is only ever scored; pass --force only to rebuild it on purpose")
    path = write_split(args.split, args.data_dir)
    print(f"wrote {path.name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
