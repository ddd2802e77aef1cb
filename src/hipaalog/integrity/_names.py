"""File names of an audit stream: the active segment, rotated segments, checkpoints.

For the active segment ``DIR/audit.jsonl``: rotated segments are ``DIR/audit.<first seq, 12
digits>.jsonl`` (``.gz`` once compressed), checkpoints go to ``DIR/audit.jsonl.checkpoints``.
A stream is named by its active segment's path; every other file maps back to it.
"""

from __future__ import annotations

import os
import re
from typing import Final

__all__ = [
    "CHECKPOINTS_SUFFIX",
    "checkpoints_path",
    "is_checkpoints",
    "rotated_first_seq",
    "rotated_name",
    "stream_of",
]

CHECKPOINTS_SUFFIX: Final = ".checkpoints"
_ROTATED: Final = re.compile(
    r"^(?P<stem>.+)\.(?P<first>\d{12})(?:-\d+)?(?P<suffix>\.(?!gz\Z)[A-Za-z0-9]+)?(?P<gz>\.gz)?\Z"
)


def _split(active: str) -> tuple[str, str, str]:
    directory, name = os.path.split(active)
    stem, suffix = os.path.splitext(name)
    if not stem:  # a name such as ".audit": no suffix to keep
        stem, suffix = name, ""
    return directory, stem, suffix


def rotated_name(active: str | os.PathLike[str], first_seq: int, duplicate: int = 0) -> str:
    """The path a segment gets when rotated, from the sequence number of its first record.

    ``duplicate`` > 0 adds ``-N`` after the number (only when that name is taken already).
    """
    directory, stem, suffix = _split(os.fspath(active))
    extra = f"-{duplicate}" if duplicate else ""
    return os.path.join(directory, f"{stem}.{first_seq:012d}{extra}{suffix}")


def rotated_first_seq(path: str | os.PathLike[str]) -> int | None:
    """The first sequence number written in a rotated segment's name, or ``None``."""
    match = _ROTATED.match(os.path.basename(os.fspath(path)))
    return int(match.group("first")) if match else None


def checkpoints_path(active: str | os.PathLike[str]) -> str:
    """Where the checkpoints of the stream whose active segment is ``active`` are written."""
    return os.fspath(active) + CHECKPOINTS_SUFFIX


def is_checkpoints(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` is named like a checkpoints file."""
    name = os.fspath(path)
    return name.endswith((CHECKPOINTS_SUFFIX, CHECKPOINTS_SUFFIX + ".gz"))


def stream_of(path: str | os.PathLike[str]) -> str:
    """The active segment path of the stream ``path`` belongs to (segment or checkpoints file)."""
    text = os.fspath(path)
    if text.endswith(".gz"):
        text = text[:-3]
    if text.endswith(CHECKPOINTS_SUFFIX):
        return text[: -len(CHECKPOINTS_SUFFIX)]
    directory, name = os.path.split(text)
    match = _ROTATED.match(name)
    if match:
        return os.path.join(directory, match.group("stem") + (match.group("suffix") or ""))
    return text
