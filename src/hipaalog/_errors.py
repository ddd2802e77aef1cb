"""Exceptions as structured data: type, message, frames, chained causes; never frame locals."""

from __future__ import annotations

import traceback
from types import TracebackType
from typing import Any, Final

__all__ = ["MAX_CAUSES", "MAX_FRAMES", "describe_exception"]

MAX_FRAMES: Final = 50
"""Frames kept per exception: the innermost ones, where the error happened."""
MAX_CAUSES: Final = 8
MAX_GROUP_MEMBERS: Final = 10


def _type_name(exc_type: type[BaseException]) -> str:
    module = exc_type.__module__
    if module in ("builtins", "__main__"):
        return exc_type.__qualname__
    return f"{module}.{exc_type.__qualname__}"


def _message(exc: BaseException) -> str:
    try:
        return str(exc)
    except Exception:  # noqa: BLE001 - a broken __str__ must not break logging
        return f"<unprintable {type(exc).__qualname__}>"


def _frames(tb: TracebackType | None) -> tuple[list[dict[str, Any]], int]:
    frames = [
        {"file": frame.f_code.co_filename, "line": lineno, "function": frame.f_code.co_name}
        for frame, lineno in traceback.walk_tb(tb)
    ]
    omitted = max(0, len(frames) - MAX_FRAMES)
    return frames[omitted:], omitted


def describe_exception(exc: BaseException, _depth: int = 0, _seen: set[int] | None = None) -> dict[str, Any]:
    """``{"type", "message", "stack", "cause"?, "exceptions"?}`` for ``exc``."""
    seen = _seen if _seen is not None else set()
    seen.add(id(exc))
    frames, omitted = _frames(exc.__traceback__)
    described: dict[str, Any] = {"type": _type_name(type(exc)), "message": _message(exc), "stack": frames}
    if omitted:
        described["frames_omitted"] = omitted
    members = getattr(exc, "exceptions", None)
    if isinstance(members, (list, tuple)) and isinstance(exc, BaseException) and _depth < MAX_CAUSES:
        described["exceptions"] = [
            describe_exception(member, _depth + 1, seen)
            for member in members[:MAX_GROUP_MEMBERS]
            if isinstance(member, BaseException) and id(member) not in seen
        ]
    cause = exc.__cause__
    if cause is None and not exc.__suppress_context__:
        cause = exc.__context__
    if cause is not None and id(cause) not in seen and _depth < MAX_CAUSES:
        described["cause"] = describe_exception(cause, _depth + 1, seen)
    return described
