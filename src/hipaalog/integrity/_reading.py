"""Reading segment files line by line: plain or gzip, with torn and damaged tails reported."""

from __future__ import annotations

import gzip
import os
import zlib
from collections.abc import Iterator
from dataclasses import dataclass

__all__ = ["FileTrouble", "expand_paths", "first_complete_line", "first_line", "is_gzip", "read_lines"]

_GZIP_MAGIC = b"\x1f\x8b"


@dataclass(frozen=True, slots=True)
class FileTrouble:
    """Reading stopped early: ``kind`` is ``"truncated"``, ``"modified"`` or ``"unverifiable"``."""

    kind: str
    line: int
    detail: str


def is_gzip(path: str) -> bool:
    """Whether the file at ``path`` starts as a gzip stream does (rotated segments may be compressed)."""
    with open(path, "rb") as fh:
        return fh.read(2) == _GZIP_MAGIC


def read_lines(path: str) -> Iterator[tuple[int, bytes, bool] | FileTrouble]:
    """``(line number, line without newline, ended with a newline)`` for each line, then any trouble.

    A trailing empty piece after the last newline is not a line.
    """
    number = 0
    try:
        opener = gzip.open if is_gzip(path) else open
        with opener(path, "rb") as handle:
            for raw in handle:
                number += 1
                if raw.endswith(b"\n"):
                    yield number, raw[:-1], True
                else:
                    yield number, raw, False
    except EOFError:
        yield FileTrouble("truncated", number + 1, "compressed segment ends early (cut off)")
    except (gzip.BadGzipFile, zlib.error) as exc:
        yield FileTrouble("modified", number + 1, f"compressed segment is damaged ({exc})")
    except OSError as exc:
        yield FileTrouble("unverifiable", number + 1, f"cannot read: {exc.strerror or exc}")


def first_line(path: str) -> bytes | None:
    """The first line of a segment (``None`` when it is empty or unreadable)."""
    for item in read_lines(path):
        if isinstance(item, FileTrouble):
            return None
        return item[1]
    return None


def first_complete_line(path: str, limit: int) -> bytes | None:
    """The first line of a plain or gzip file, without its newline, reading at most ``limit`` + 1 bytes.

    ``None`` when the file is empty or unreadable, or its first line is unfinished or longer than ``limit``.
    """
    try:
        opener = gzip.open if is_gzip(path) else open
        with opener(path, "rb") as handle:
            raw = handle.readline(limit + 1)
    except (OSError, EOFError, zlib.error):  # gzip.BadGzipFile is an OSError
        return None
    return raw[:-1] if raw.endswith(b"\n") else None


def expand_paths(paths: list[str]) -> list[str]:
    """Files as given, directories as the files in them (sorted; hidden files and lock files skipped)."""
    out: list[str] = []
    for path in paths:
        if os.path.isdir(path):
            for name in sorted(os.listdir(path)):
                full = os.path.join(path, name)
                if not name.startswith(".") and not name.endswith(".lock") and os.path.isfile(full):
                    out.append(full)
        else:
            out.append(path)
    return out
