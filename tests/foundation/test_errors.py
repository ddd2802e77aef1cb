"""Exceptions become structured data: type, message, frames, causes; never locals."""

from __future__ import annotations

import sys
from typing import Any

import orjson
import pytest

from hipaalog import JsonFormatter
from hipaalog._errors import MAX_FRAMES

from ._records import IDENTITY, make_record


def described(exc: BaseException) -> dict[str, Any]:
    record = make_record(exc_info=(type(exc), exc, exc.__traceback__))
    return orjson.loads(JsonFormatter(**IDENTITY, redaction=False).format(record))["error"]  # type: ignore[no-any-return]


def _fail_with_local() -> None:
    secret_local = "local-value-7c1f"  # noqa: F841 - must never appear in the output
    raise ValueError("claim invalid")


def test_error_has_type_message_and_frames_without_locals() -> None:
    """error carries type, message and file/line/function frames, innermost last, and no locals."""
    try:
        _fail_with_local()
    except ValueError as exc:
        error = described(exc)
    assert error["type"] == "ValueError"
    assert error["message"] == "claim invalid"
    assert error["stack"][-1]["function"] == "_fail_with_local"
    assert set(error["stack"][-1]) == {"file", "line", "function"}
    assert "local-value-7c1f" not in orjson.dumps(error).decode()


def test_chained_causes_are_nested() -> None:
    """raise ... from ... and implicit context both appear as cause."""
    try:
        try:
            raise KeyError("payer")
        except KeyError as inner:
            raise RuntimeError("adjudication failed") from inner
    except RuntimeError as exc:
        error = described(exc)
    assert (error["type"], error["cause"]["type"]) == ("RuntimeError", "KeyError")


def test_cyclic_causes_terminate() -> None:
    """An exception whose cause chain loops back is described once per exception."""
    a, b = ValueError("a"), ValueError("b")
    a.__cause__, b.__cause__ = b, a
    error = described(a)
    assert error["cause"]["message"] == "b" and "cause" not in error["cause"]


def _recurse(n: int) -> None:
    if n == 0:
        raise RecursionError("deep")
    _recurse(n - 1)


def test_long_stacks_keep_the_innermost_frames_and_count_the_rest() -> None:
    """A 200-frame traceback keeps MAX_FRAMES frames and says how many were left out."""
    try:
        _recurse(200)
    except RecursionError as exc:
        error = described(exc)
    assert len(error["stack"]) == MAX_FRAMES
    assert error["frames_omitted"] > 0
    assert error["stack"][-1]["function"] == "_recurse"


@pytest.mark.skipif(sys.version_info < (3, 11), reason="ExceptionGroup is new in 3.11")
def test_exception_groups_list_their_members() -> None:
    """An ExceptionGroup lists its member exceptions."""
    group = ExceptionGroup("batch failed", [ValueError("one"), TypeError("two")])  # noqa: F821
    error = described(group)
    assert [e["type"] for e in error["exceptions"]] == ["ValueError", "TypeError"]


def test_module_qualified_type_names() -> None:
    """Exceptions outside builtins carry their module."""
    import json

    with pytest.raises(json.JSONDecodeError) as info:
        json.loads("{")
    assert described(info.value)["type"] == "json.decoder.JSONDecodeError"
