"""The names a record carries from the code and the process that logged it, redacted.

``logging`` copies them onto the record, and formatters print them (``%(name)s``, ``%(threadName)s``,
``%(filename)s:%(lineno)d``, ``%(funcName)s``): the logger's, thread's, process's and task's names, and the
calling code's file, module and function. Any may come from data: a logger named ``patients.<email>``, code
compiled from a string under the name it was given (``compile(rule, f"<rule {patient}>", "exec")``), a
function made at run time, a filter that renames the record, a ``str`` subclass whose ``__str__`` says
something else than it holds. Each becomes plain text, redacted. A source file's path, file and module names
are the code's and stay as they are (a library module named after its authors); a record logs from few
places, so the code's names are redacted once per place.
"""

from __future__ import annotations

import functools
import os
from typing import Any, Final

from .._errors import redact_path
from ._name_paths import redact_name_path
from ._redactor import Redactor

__all__ = ["PLACES", "clean_name", "clean_place", "clean_places"]

PLACES: Final = ("pathname", "filename", "module", "funcName")
"""The record attributes that say where in the code it was logged."""
_UNREADABLE: Final = "<unreadable>"


def _text(value: object) -> str:
    """``value``'s own text: what a ``str`` holds (never its subclass's ``__str__``), else its printed form."""
    if isinstance(value, str):
        return str.__str__(value)
    try:
        return str(value)
    except Exception:  # noqa: BLE001 - a value whose __str__ raises is not shown
        return _UNREADABLE


def clean_name(value: Any, redactor: Redactor) -> Any:
    """A logger, thread, process or task name as plain redacted text (``None`` stays ``None``)."""
    return None if value is None else redact_name_path(redactor, _text(value))


def clean_place(name: str, value: Any, redactor: Redactor) -> Any:
    """One code-place attribute (``PLACES``) set on its own, as plain text, redacted as :func:`clean_places` does."""
    if value is None:
        return None
    text = _text(value)
    if name == "funcName":
        return _cached(redactor, text)
    return _cached_path(redactor, text) if text[:1] == "<" else text


def clean_places(pathname: Any, filename: Any, module: Any, func: Any, redactor: Redactor) -> tuple[Any, ...] | None:
    """The four code-place attributes as plain text, redacted, or ``None`` when all are ``str`` and stay as they are.

    A function's name is redacted as text; a path, file and module name only when the code was compiled from a
    string (the path is a ``<name>``, as ``<string>``): a source file's are the code's own.

    ``filename`` and ``module`` are derived from the clean ``pathname`` as ``logging`` derives them, when they were
    so derived: a module cut from ``<rule jane@example.com>`` at its last dot would no longer read as an address.
    """
    if type(pathname) is str and type(filename) is str and type(module) is str and type(func) is str:
        return _places(redactor, pathname, filename, module, func)
    texts = [None if v is None else _text(v) for v in (pathname, filename, module, func)]
    clean = _places(redactor, *[t or "" for t in texts]) or [t or "" for t in texts]
    return tuple(None if t is None else c for t, c in zip(texts, clean, strict=True))


@functools.lru_cache(maxsize=1024)
def _places(redactor: Redactor, pathname: str, filename: str, module: str, func: str) -> tuple[str, ...] | None:
    clean_func = redactor.redact_text(func)
    if pathname[:1] != "<":  # a source file: its path is the code's (library paths stay as they are)
        return None if clean_func == func else (pathname, filename, module, clean_func)
    clean_path = redact_path(pathname, redactor)
    if clean_path != pathname and filename == os.path.basename(pathname):
        clean_file = os.path.basename(clean_path)
        clean_module = os.path.splitext(clean_file)[0] if module == os.path.splitext(filename)[0] else module
    else:
        clean_file = filename
        clean_module = module
    clean = (clean_path, redact_path(clean_file, redactor), redactor.redact_text(clean_module), clean_func)
    return None if clean == (pathname, filename, module, func) else clean


@functools.lru_cache(maxsize=1024)
def _cached(redactor: Redactor, text: str) -> str:
    return redactor.redact_text(text)


@functools.lru_cache(maxsize=1024)
def _cached_path(redactor: Redactor, text: str) -> str:
    return redact_path(text, redactor)
