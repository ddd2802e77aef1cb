"""Work done when a standard-library module is first imported: hipaalog replaces a few of their functions
(``http.server``'s request lines, argparse's error exit, ``multiprocessing``'s child bootstrap) whether they are
loaded before ``import hipaalog`` or long after it, without ever importing them itself.

:func:`when_imported` runs a callback at once when the module is loaded already, else right after the module's
code has run, through a finder on ``sys.meta_path`` that answers only for the modules it watches (any other
import costs one dictionary lookup).
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import sys
from collections.abc import Callable, Sequence
from types import ModuleType
from typing import Any

__all__ = ["when_imported"]

_WATCHED: dict[str, list[Callable[[], None]]] = {}


def when_imported(name: str, callback: Callable[[], None]) -> None:
    """Call ``callback()`` now when module ``name`` is loaded, else once its code has run. A callback never raises."""
    if name in sys.modules:
        _call(callback)
        return
    _WATCHED.setdefault(name, []).append(callback)
    if not any(isinstance(finder, _Watcher) for finder in sys.meta_path):
        sys.meta_path.insert(0, _Watcher())


def _call(callback: Callable[[], None]) -> None:
    try:
        callback()
    except Exception:  # noqa: BLE001 - an import of the application must never fail because of hipaalog
        pass


class _Watcher(importlib.abc.MetaPathFinder):
    """Finds watched modules with the finders after it and runs the callbacks after their code."""

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        callbacks = _WATCHED.get(fullname)
        if callbacks is None:
            return None
        spec = None
        for finder in sys.meta_path:
            if finder is self or not hasattr(finder, "find_spec"):
                continue
            spec = finder.find_spec(fullname, path, target)
            if spec is not None:
                break
        loader: Any = spec.loader if spec is not None else None
        if loader is None or not hasattr(loader, "exec_module"):
            return spec
        del _WATCHED[fullname]
        run = loader.exec_module

        def exec_module(module: ModuleType) -> None:
            run(module)
            for callback in callbacks:
                _call(callback)

        try:
            loader.exec_module = exec_module
        except (AttributeError, TypeError):  # a loader shared by its class (built-in, frozen): nothing to watch
            _WATCHED[fullname] = callbacks
        return spec
