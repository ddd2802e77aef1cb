"""Property-based attacks: canaries planted in generated containers, encodings, exceptions and logging paths.

Each example runs through the default ``hipaalog.configure()`` with a real file sink and a
third-party handler; every byte written is searched for every canary of the set (digits-only forms
included). Bounded for CI by the ``adversarial-ci`` profile; ``nox -s adversarial`` runs longer.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import hipaalog
import hipaalog.audit

from .canaries import Canaries
from .conftest import PROFILE
from .harness import Harness, fresh_harness
from .strategies import canary_sets, containers, encoded_texts, text_leaves


def _bound(h: Harness, value: Any) -> None:
    with hipaalog.bind(planted=value):
        h.logger.info("%s bound", h.tag)


def _filtered(h: Harness, value: Any) -> None:
    class Enrich(logging.Filter):
        def filter(self, record: logging.LogRecord) -> bool:
            record.planted = value
            return True

    enrich = Enrich()
    h.logger.addFilter(enrich)
    try:
        h.logger.info("%s filtered", h.tag)
    finally:
        h.logger.removeFilter(enrich)


PATHS: dict[str, Callable[[Harness, Any], None]] = {
    "extra": lambda h, v: h.logger.info("%s extra", h.tag, extra={"planted": v}),
    "arg-s": lambda h, v: h.logger.info("%s arg %s", h.tag, v),
    "arg-r": lambda h, v: h.logger.info("%s arg %r", h.tag, v),
    "bind": _bound,
    "adapter": lambda h, v: logging.LoggerAdapter(h.logger, {"planted": v}).info("%s adapted", h.tag),
    "make-record": lambda h, v: h.logger.handle(
        logging.makeLogRecord({"name": h.logger.name, "msg": f"{h.tag} made", "levelno": 20, "planted": v})
    ),
    "filter": _filtered,
}


def _attack(canaries: Canaries, run: Callable[[Harness], None]) -> None:
    with fresh_harness() as h:
        run(h)
        leaks = h.leaks(canaries.all())
        assert h.delivered(), "the record was not written"
    assert leaks == []


@settings(settings.get_profile(PROFILE))
@given(data=st.data(), path=st.sampled_from(sorted(PATHS)))
def test_containers_on_every_logging_path(data: st.DataObject, path: str) -> None:
    """A canary inside generated containers and objects, handed to logging on any path, is never written."""
    canaries = data.draw(canary_sets())
    planted = data.draw(containers(canaries))
    _attack(canaries, lambda h: PATHS[path](h, planted))


@settings(settings.get_profile(PROFILE))
@given(data=st.data())
def test_encoded_text_in_messages(data: st.DataObject) -> None:
    """A canary in a message, JSON-encoded once or twice, percent-encoded, in full-width digits, NBSP or repr."""
    canaries = data.draw(canary_sets())
    text = data.draw(encoded_texts(canaries))
    _attack(canaries, lambda h: h.logger.info("%s got %s", h.tag, text))


def _raise(kind: str, text: str) -> BaseException:
    if kind == "note" and hasattr(BaseException, "add_note"):
        error = ValueError("bad row")
        error.add_note(text)
        return error
    if kind == "group" and hasattr(__builtins__, "get") and "ExceptionGroup" in dir(__import__("builtins")):
        return __import__("builtins").ExceptionGroup("batch", [ValueError(text)])
    if kind == "deep":
        error: BaseException = ValueError(text)
        for step in range(12):
            wrapped = RuntimeError(f"step {step}")
            wrapped.__cause__ = error
            error = wrapped
        return error
    if kind == "attribute":
        error = LookupError("not found")
        error.detail = text  # type: ignore[attr-defined]
        return error
    return ValueError(text)


@settings(settings.get_profile(PROFILE))
@given(data=st.data(), kind=st.sampled_from(["message", "note", "group", "deep", "attribute"]))
def test_exceptions_carry_no_canary(data: st.DataObject, kind: str) -> None:
    """A canary in an exception's message, note, group member, 12th cause or attribute is never written."""
    canaries = data.draw(canary_sets())
    text = data.draw(text_leaves(canaries))

    def run(h: Harness) -> None:
        try:
            raise _raise(kind, text)
        except BaseException:
            h.logger.exception("%s failed", h.tag)

    _attack(canaries, run)


@pytest.mark.parametrize("native", [True, False], ids=["native", "stdlib"])
@settings(settings.get_profile(PROFILE), max_examples=6)
@given(data=st.data())
def test_structlog_paths(native: bool, data: st.DataObject) -> None:
    """A canary in a structlog event (both paths) is never written."""
    from .cases import _structlog_native, _structlog_stdlib

    canaries = data.draw(canary_sets())
    planted = data.draw(containers(canaries, max_depth=2))
    route = _structlog_native if native else _structlog_stdlib
    _attack(canaries, lambda h: route(h, lambda log: log.info(f"{h.tag} event", planted=planted)))


def _jsonable(value: Any) -> Any:
    """A generated value as the JSON an old log line would hold (objects as their fields, sets as lists)."""
    import dataclasses
    import enum

    if isinstance(value, dict):
        return {str(_jsonable(k)) if not isinstance(k, str) else k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)) or type(value).__name__ == "deque":
        return [_jsonable(v) for v in value]
    if isinstance(value, bytes):
        return value.decode()
    if isinstance(value, enum.Enum):
        return _jsonable(value.value)
    if dataclasses.is_dataclass(value) or hasattr(value, "__attrs_attrs__") or hasattr(value, "model_dump"):
        return {"note": _jsonable(value.note)}
    if hasattr(value, "note"):
        return {"note": _jsonable(value.note)}
    if hasattr(value, "data"):
        return _jsonable(dict(value.data))
    return value if isinstance(value, (str, int, float, bool)) or value is None else str(value)


@settings(settings.get_profile(PROFILE))
@given(data=st.data(), record=st.booleans())
def test_scan_and_redact_never_print_a_canary(data: st.DataObject, record: bool) -> None:
    """Old log lines with canaries in values and keys: scan reports them without showing them, redact removes them."""
    import contextlib
    import io
    import json

    from hipaalog.cli import main

    canaries = data.draw(canary_sets())
    planted = {"planted": _jsonable(data.draw(containers(canaries, max_depth=3)))}
    planted["seen"] = {data.draw(text_leaves(canaries)): "ok"}  # and always one canary as a key
    line = {"appId": "a", "microservice": "m", "message": "x", **planted} if record else planted
    with fresh_harness() as h:
        source = h.directory / "old" / "app.log"
        source.parent.mkdir()
        source.write_text(json.dumps(line) + "\n", encoding="utf-8")
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            found = main(["scan", str(source)])
            main(["redact", str(source), str(h.directory / "clean.jsonl")])
        source.unlink()
        h.add_text(out.getvalue())
        leaks = h.leaks(canaries.all())
    assert found == 1 and leaks == []


@settings(settings.get_profile(PROFILE))
@given(data=st.data(), where=st.sampled_from(["outcome", "reason", "resource", "fields", "destination", "detail"]))
def test_audit_text_never_sealed_raw(data: st.DataObject, where: str) -> None:
    """A canary in any text argument of an audit event is neither sealed raw nor told on stderr."""
    from .cases import AUDIT_KEY, PSEUDONYM_KEY

    canaries = data.draw(canary_sets())
    text = data.draw(text_leaves(canaries))
    with fresh_harness() as h:
        hipaalog.audit.configure(
            h.directory / "audit.jsonl",
            key=AUDIT_KEY,
            pseudonym_key=PSEUDONYM_KEY,
            app_id="a",
            platform="vm",
            microservice="m",
        )
        try:
            if where in ("destination", "detail"):
                hipaalog.audit.export("dr.lee", 1, "csv", text if where == "destination" else "s3://exports")
                hipaalog.audit.alert("rule", detail=text if where == "detail" else "x")
            else:
                hipaalog.audit.access(
                    "dr.lee",
                    "MRN-1",
                    "read",
                    text if where == "resource" else "Observation",
                    text if where == "outcome" else "success",
                    reason=text if where == "reason" else None,
                )
                hipaalog.audit.change("dr.lee", "MRN-1", "Patient", [text] if where == "fields" else ["phone"])
        finally:
            hipaalog.audit.close()
        leaks = h.leaks(canaries.all())
    assert leaks == []
