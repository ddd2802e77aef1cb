"""Copies of exceptions that never call the class's own constructor, and stand-ins named after the original.

``copy.copy`` rebuilds an exception as ``type(exc)(*exc.args)``: a class whose constructor takes
other arguments (keyword-only ``request=``/``response=``, a required extra argument), raises or has
side effects cannot be copied that way. :func:`copy_exception` makes the instance through the
nearest built-in base (its ``__new__``, ``__init__`` and ``__reduce__``: C code, no caller code),
then copies the instance's own attributes and slots. When even that fails, :func:`stand_in` makes
an instance of a :class:`RedactedException` subclass that carries the original's module, name and
qualified name, so that tracebacks and records show the type the application raised.
"""

from __future__ import annotations

import copy
import weakref
from typing import Any, Final

__all__ = ["RedactedException", "copy_exception", "link", "stand_in", "stand_in_of", "state"]

_HEAP: Final = 1 << 9
"""``Py_TPFLAGS_HEAPTYPE``: a class made at run time (a ``class`` statement); built-in bases lack it."""
_MAX_KINDS: Final = 512


class RedactedException(Exception):
    """Stands in for an exception whose message held PHI and which could not be copied faithfully."""

    def __init__(self, message: str, original: type[BaseException], original_type: str | None = None) -> None:
        super().__init__(message)
        self.original_type = original_type or f"{original.__module__}.{original.__qualname__}"

    def __reduce__(self) -> Any:  # pickled (a queue, a worker) as a plain stand-in: the named class is made here
        return (_unpickle, (str(self), self.original_type))


def _unpickle(message: str, original_type: str) -> RedactedException:
    return RedactedException(message, BaseException, original_type)


_KINDS: weakref.WeakKeyDictionary[type, type[RedactedException]] = weakref.WeakKeyDictionary()


def _builtin_base(cls: type) -> type:
    """The nearest class of ``cls``'s MRO that is built in (``ValueError``, ``OSError``, a C extension's type)."""
    return next(klass for klass in cls.__mro__ if not klass.__flags__ & _HEAP)


def _slots(cls: type) -> list[str]:
    names: list[str] = []
    for klass in cls.__mro__:
        declared = klass.__dict__.get("__slots__", ())
        for name in (declared,) if isinstance(declared, str) else declared:
            if name in ("__dict__", "__weakref__"):
                continue
            private = name.startswith("__") and not name.endswith("__")  # stored under its mangled name
            names.append(f"_{klass.__name__.lstrip('_')}{name}" if private else name)
    return names


def state(exc: BaseException) -> dict[str, Any]:
    """``exc``'s own attributes: its ``__dict__`` and the slots its classes declare."""
    found = dict(getattr(exc, "__dict__", None) or {})
    for name in _slots(type(exc)):
        try:
            found[name] = object.__getattribute__(exc, name)
        except AttributeError:
            continue  # a slot never set
    return found


def _bare_copy(exc: BaseException) -> BaseException:
    """``exc`` copied through its built-in base: arguments as that base reduces them, then attributes and slots."""
    cls = type(exc)
    base: Any = _builtin_base(cls)
    reduced = base.__reduce__(exc)
    args = reduced[1] if isinstance(reduced, tuple) and len(reduced) > 1 else exc.args
    twin: BaseException = base.__new__(cls, *args)
    base.__init__(twin, *args)
    own = getattr(exc, "__dict__", None)
    if own:
        twin.__dict__.update(own)
    for name in _slots(cls):
        try:
            value = object.__getattribute__(exc, name)
        except AttributeError:
            continue  # a slot never set
        object.__setattr__(twin, name, value)
    return twin


def link(twin: BaseException, exc: BaseException) -> BaseException:
    """``twin`` given ``exc``'s traceback, cause and context."""
    twin.__traceback__ = exc.__traceback__
    twin.__cause__, twin.__context__ = exc.__cause__, exc.__context__
    twin.__suppress_context__ = exc.__suppress_context__
    return twin


def copy_exception(exc: BaseException) -> BaseException:
    """A shallow copy of ``exc`` of the same type, its constructor not called. Raises when it cannot be made."""
    try:
        twin = _bare_copy(exc)
    except Exception:  # noqa: BLE001 - an extension type with a constructor of its own: its copy protocol
        twin = copy.copy(exc)
        if type(twin) is not type(exc):
            raise TypeError(type(exc).__qualname__) from None
        twin.args = exc.args  # a constructor may have rewritten them
    return link(twin, exc)


def _kind(original: type[BaseException], name: str | None) -> type[RedactedException]:
    """A :class:`RedactedException` subclass named as ``original`` (``name``: the full name to show instead)."""
    made = _KINDS.get(original) if name is None else None
    if made is not None:
        return made
    module, qualname = ("builtins", name) if name is not None else (original.__module__, original.__qualname__)
    namespace = {"__module__": module, "__qualname__": qualname, "__doc__": RedactedException.__doc__}
    base = _builtin_base(original)
    label = qualname.rpartition(".")[2]
    try:  # also an instance of the built-in base where it is laid out as Exception (except ValueError: still matches)
        if base in (Exception, BaseException) or not issubclass(base, Exception):
            raise TypeError(base.__qualname__)
        if base.__basicsize__ != Exception.__basicsize__:
            raise TypeError(base.__qualname__)
        made = type(label, (RedactedException, base), namespace)
        made("", original)  # its constructor takes a message
    except TypeError:
        made = type(label, (RedactedException,), namespace)
    if name is None and len(_KINDS) < _MAX_KINDS:
        _KINDS[original] = made
    return made


def stand_in_of(kind: type[BaseException], text: str) -> BaseException:
    """A stand-in of an exception of type ``kind`` that was never made, carrying ``text`` (already redacted)."""
    try:
        return _kind(kind, None)(text, kind, None)
    except Exception:  # noqa: BLE001 - a class whose name or module cannot be read: the plain stand-in
        return RedactedException(text, BaseException)


def stand_in(exc: BaseException, text: str, name: str | None = None) -> BaseException:
    """A stand-in for ``exc`` carrying ``text`` (already redacted), named as ``exc``'s type (or ``name``, a full
    name shown instead: a class named from data at run time, its name redacted)."""
    original = type(exc)
    try:
        twin: BaseException = _kind(original, name)(text, original, name)
    except Exception:  # noqa: BLE001 - a class whose name or module cannot be read: the plain stand-in
        twin = RedactedException(text, BaseException, name)
    return link(twin, exc)
