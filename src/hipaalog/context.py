"""Request-scoped fields on contextvars: bound once, present on every record of the request.

Values live in a :class:`contextvars.ContextVar`, so each asyncio task and each thread sees its
own; :func:`bind` works as a plain call or as a context manager. Bound values are ordinary caller
fields: they pass through schema checks and redaction like ``extra=`` does, and a bound name that
is a schema field (``level``, ``appId``...) is kept under the collision prefix (``extra_level``),
never overwriting the real value.

An asyncio task starts with a copy of its creator's fields; what it binds stays inside it. Threads
do not inherit context: start them with :func:`run_in_context` (or ``contextvars.copy_context().run``)
to carry it over. ``asyncio.to_thread`` copies the context by itself; ``loop.run_in_executor`` and
``ThreadPoolExecutor.submit`` do not.
"""

from __future__ import annotations

import contextvars
import functools
from collections.abc import Callable, Mapping
from types import MappingProxyType, TracebackType
from typing import Any, ParamSpec, TypeVar

from . import _diagnostics
from ._schema import COLLISION_PREFIX, RESERVED

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
        try:
            _fields.reset(self._token)
        except (ValueError, RuntimeError):
            # Left in another context than it was entered in, or left twice: restore what was
            # there before the block rather than raise into the application.
            previous = self._token.old_value
            _fields.set(_EMPTY if previous is contextvars.Token.MISSING else previous)
            _diagnostics.problem("context-unbalanced", "a bind() block was left outside the context it began in")


def bind(**fields: Any) -> _Binding:
    """Add ``fields`` to every record logged from the current context.

    ``bind(request_id=rid)`` lasts until the context ends (the request's task, say);
    ``with bind(request_id=rid): ...`` lasts until the block ends.
    """
    merged = dict(_fields.get())
    for name, value in fields.items():
        if name in RESERVED:
            name = COLLISION_PREFIX + name
        merged[name] = value
    return _Binding(_fields.set(MappingProxyType(merged)))


def unbind(*names: str) -> None:
    """Remove ``names`` from the current context's fields."""
    current = _fields.get()
    drop = set(names) | {COLLISION_PREFIX + name for name in names if name in RESERVED}
    if not drop.isdisjoint(current):
        _fields.set(MappingProxyType({k: v for k, v in current.items() if k not in drop}))


def clear() -> None:
    """Remove every bound field from the current context."""
    _fields.set(_EMPTY)


def bound() -> Mapping[str, Any]:
    """The fields bound in the current context (read-only)."""
    return _fields.get()


def _set_bound(fields: Mapping[str, Any]) -> None:
    """Make ``fields`` (a value :func:`bound` returned) the current context's fields again."""
    _fields.set(fields)


def run_in_context(func: Callable[P, R]) -> Callable[P, R]:
    """Wrap ``func`` so that it runs with a copy of the caller's current context.

    Use it to hand context to a thread: ``Thread(target=run_in_context(work))`` or
    ``executor.submit(run_in_context(work), ...)``.
    """
    ctx = contextvars.copy_context()

    @functools.wraps(func)
    def runner(*args: P.args, **kwargs: P.kwargs) -> R:
        # A fresh copy per call: two runs of the wrapper (two threads) never share bindings.
        return ctx.copy().run(func, *args, **kwargs)

    return runner
