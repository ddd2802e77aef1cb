"""Request-scoped fields on contextvars: bound once, present on every record of the request.

Values live in a :class:`contextvars.ContextVar`, so each asyncio task and each thread sees its
own; :func:`bind` works as a plain call or as a context manager. Bound values are ordinary caller
fields: they pass through schema checks and redaction like ``extra=`` does.

Threads do not inherit context: start them with :func:`run_in_context` (or
``contextvars.copy_context().run``) to carry it over.
"""

from __future__ import annotations

import contextvars
from collections.abc import Callable, Mapping
from types import MappingProxyType, TracebackType
from typing import Any, ParamSpec, TypeVar

__all__ = ["bind", "bound", "clear", "run_in_context", "unbind"]

_EMPTY: Mapping[str, Any] = MappingProxyType({})
_fields: contextvars.ContextVar[Mapping[str, Any]] = contextvars.ContextVar("hipaalog_context", default=_EMPTY)

P = ParamSpec("P")
R = TypeVar("R")


class _Binding:
    """Returned by :func:`bind`; leaving its ``with`` block restores the previous fields."""

    __slots__ = ("_token",)

    def __init__(self, token: contextvars.Token[Mapping[str, Any]]) -> None:
        self._token = token

    def __enter__(self) -> _Binding:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        _fields.reset(self._token)


def bind(**fields: Any) -> _Binding:
    """Add ``fields`` to every record logged from the current context.

    ``bind(request_id=rid)`` lasts until the context ends (the request's task, say);
    ``with bind(request_id=rid): ...`` lasts until the block ends.
    """
    merged = dict(_fields.get())
    merged.update(fields)
    return _Binding(_fields.set(MappingProxyType(merged)))


def unbind(*names: str) -> None:
    """Remove ``names`` from the current context's fields."""
    current = _fields.get()
    if any(name in current for name in names):
        _fields.set(MappingProxyType({k: v for k, v in current.items() if k not in names}))


def clear() -> None:
    """Remove every bound field from the current context."""
    _fields.set(_EMPTY)


def bound() -> Mapping[str, Any]:
    """The fields bound in the current context (read-only)."""
    return _fields.get()


def run_in_context(func: Callable[P, R]) -> Callable[P, R]:
    """Wrap ``func`` so that it runs with a copy of the caller's current context.

    Use it to hand context to a thread: ``Thread(target=run_in_context(work))`` or
    ``executor.submit(run_in_context(work), ...)``.
    """
    ctx = contextvars.copy_context()

    def runner(*args: P.args, **kwargs: P.kwargs) -> R:
        return ctx.copy().run(func, *args, **kwargs)

    return runner
