"""The catalog of attacks: each plants canaries through one path and the harness greps what was written.

An attack *succeeds* when a canary is found in anything written (hipaalog's files, what a
third-party handler on the same logger received, a tool's output), when the log call raises into
the application, when the record never reaches the file, or when it takes longer than its budget.
Classes follow issue 11 (``1 objects`` ... ``11 time``); ``12 beyond`` holds paths found since.
"""

from __future__ import annotations

import contextlib
import io
import json
import logging
import os
import subprocess
import sys
import time
import urllib.parse
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pydantic

import hipaalog

from . import objects as o
from .canaries import Canaries
from .harness import Harness

__all__ = ["CASES", "OPEN", "Attack", "run_attack"]

AUDIT_KEY = "hex:" + "a1" * 32
PSEUDONYM_KEY = "hex:" + "b2" * 32


@dataclass(frozen=True)
class Attack:
    """One attack: its class, its name, and what it does to the harness."""

    klass: str
    name: str
    run: Callable[[Harness, Canaries], None]
    delivery: bool = True
    budget_s: float | None = None
    since: tuple[int, int] = (3, 10)

    @property
    def id(self) -> str:
        return f"{self.klass.split()[0]}-{self.name}"


CASES: list[Attack] = []


def attack(
    klass: str, *, delivery: bool = True, budget_s: float | None = None, since: tuple[int, int] = (3, 10)
) -> Callable[[Any], Any]:
    def register(run: Callable[[Harness, Canaries], None]) -> Callable[[Harness, Canaries], None]:
        if sys.version_info >= since:
            CASES.append(Attack(klass, run.__name__, run, delivery, budget_s, since))
        return run

    return register


def run_attack(case: Attack, h: Harness, c: Canaries) -> list[str]:
    """Run ``case``; what succeeded (an empty list when the attack failed everywhere)."""
    problems: list[str] = []
    started = time.perf_counter()
    with _stderr_into(h):
        try:
            case.run(h, c)
        except Exception as exc:
            problems.append(f"raised {type(exc).__name__} into the caller")
            h.add_text(str(exc))
        elapsed = time.perf_counter() - started
        h.handler.flush()
    if case.budget_s is not None and elapsed > case.budget_s:
        problems.append(f"took {elapsed:.2f} s (budget {case.budget_s} s)")
    if case.delivery and not h.delivered():
        problems.append("record not written")
    problems += h.leaks(c.all())
    return problems


@contextlib.contextmanager
def _stderr_into(h: Harness) -> Any:
    """File descriptor 2 into a file of the harness (hipaalog tells its problems there)."""
    import sys

    stream = sys.__stderr__
    if stream is not None:
        stream.flush()
    saved = os.dup(2)
    with open(h.directory / "stderr.txt", "ab") as target:
        os.dup2(target.fileno(), 2)
        try:
            yield
        finally:
            if stream is not None:
                stream.flush()
            os.dup2(saved, 2)
            os.close(saved)


# Classes still open: their tests are expected to fail (xfail strict) until the fix lands.
OPEN: dict[str, str] = {}


def _group(message: str, members: list[Exception]) -> Exception:
    import builtins

    return builtins.ExceptionGroup(message, members)  # type: ignore[attr-defined,no-any-return]


# ---- 1 objects serialised around redaction ------------------------------------------------------
@attack("1 objects")
def dataclass_extra(h: Harness, c: Canaries) -> None:
    h.logger.info("%s intake", h.tag, extra={"patient": o.Patient(c.name.value, c.ssn.value, c.email.value)})


@attack("1 objects")
def attrs_extra(h: Harness, c: Canaries) -> None:
    h.logger.info("%s intake", h.tag, extra={"patient": o.AttrsPatient(c.name.value, c.dob.value)})


@attack("1 objects")
def pydantic_extra(h: Harness, c: Canaries) -> None:
    h.logger.info("%s intake", h.tag, extra={"patient": o.PydanticPatient(patient_name=c.name.value, mrn=c.mrn.value)})


@attack("1 objects")
def namedtuple_extra(h: Harness, c: Canaries) -> None:
    h.logger.info("%s row", h.tag, extra={"row": o.PatientRow(c.name.value, c.phone.value)})


@attack("1 objects")
def namespace_extra(h: Harness, c: Canaries) -> None:
    h.logger.info("%s ns", h.tag, extra={"who": o.namespace(ssn=c.ssn.value, dob=c.dob.value)})


@attack("1 objects")
def slots_extra(h: Harness, c: Canaries) -> None:
    h.logger.info("%s slots", h.tag, extra={"who": o.SlotsPatient(c.ssn.value, c.email.value)})


@attack("1 objects")
def enum_extra(h: Harness, c: Canaries) -> None:
    h.logger.info("%s enum", h.tag, extra={"contact": o.enum_of(c.email.value)})


@attack("1 objects")
def custom_str_extra(h: Harness, c: Canaries) -> None:
    h.logger.info("%s shown", h.tag, extra={"note": o.Shown(c.ssn.text)})


@attack("1 objects")
def set_extra(h: Harness, c: Canaries) -> None:
    h.logger.info("%s set", h.tag, extra={"contacts": {c.email.value, c.ip.value}})


@attack("1 objects")
def frozenset_nested(h: Harness, c: Canaries) -> None:
    h.logger.info("%s fset", h.tag, extra={"batch": {"ids": frozenset([c.ssn.value])}})


@attack("1 objects")
def tuple_extra(h: Harness, c: Canaries) -> None:
    h.logger.info("%s tuple", h.tag, extra={"pair": (c.email.value, c.ssn.value)})


@attack("1 objects")
def bytes_extra(h: Harness, c: Canaries) -> None:
    h.logger.info("%s bytes", h.tag, extra={"body": c.ssn.text.encode()})


@attack("1 objects")
def bytearray_extra(h: Harness, c: Canaries) -> None:
    h.logger.info("%s bytearray", h.tag, extra={"body": bytearray(c.email.text.encode())})


@attack("1 objects")
def userdict_extra(h: Harness, c: Canaries) -> None:
    h.logger.info("%s userdict", h.tag, extra={"lookup": o.Lookup({c.ssn.key: c.ssn.value})})


@attack("1 objects")
def deep_nesting(h: Harness, c: Canaries) -> None:
    h.logger.info("%s deep", h.tag, extra={"deep": o.nested({c.ssn.key: c.ssn.value, "e": c.email.value}, 40)})


@attack("1 objects")
def dataclass_in_list(h: Harness, c: Canaries) -> None:
    patients = [o.Patient(c.name.value, c.ssn.value, c.email.value)]
    h.logger.info("%s list", h.tag, extra={"batch": {"patients": patients}})


@attack("1 objects")
def dataclass_bind(h: Harness, c: Canaries) -> None:
    with hipaalog.bind(patient=o.Patient(c.name.value, c.ssn.value, c.email.value)):
        h.logger.info("%s bound", h.tag)


@attack("1 objects")
def path_extra(h: Harness, c: Canaries) -> None:
    from pathlib import PurePosixPath

    h.logger.info("%s path", h.tag, extra={"scan": PurePosixPath("/scans") / c.email.value / "front.png"})


@attack("1 objects")
def structlog_native_dataclass(h: Harness, c: Canaries) -> None:
    _structlog_native(
        h, lambda log: log.info(f"{h.tag} native", patient=o.Patient(c.name.value, c.ssn.value, c.email.value))
    )


@attack("1 objects")
def structlog_stdlib_dataclass(h: Harness, c: Canaries) -> None:
    _structlog_stdlib(
        h, lambda log: log.info(f"{h.tag} stdlib", patient=o.Patient(c.name.value, c.ssn.value, c.email.value))
    )


@attack("1 objects")
def forked_child_dataclass(h: Harness, c: Canaries) -> None:
    _in_forked_child(
        h, lambda: h.logger.info("%s child", h.tag, extra={"p": o.Patient(c.name.value, c.ssn.value, c.email.value)})
    )


@attack("1 objects")
def dict_hiding_its_items(h: Harness, c: Canaries) -> None:
    h.logger.info("%s hidden", h.tag, extra={"data": o.HidingDict({c.ssn.key: c.ssn.value, "note": c.email.text})})


@attack("1 objects")
def list_hiding_its_items(h: Harness, c: Canaries) -> None:
    h.logger.info("%s hidden list", h.tag, extra={"data": o.HidingList([c.ssn.text, c.email.value])})


@attack("1 objects")
def very_deep_nesting(h: Harness, c: Canaries) -> None:
    h.logger.info("%s very deep", h.tag, extra={"deep": o.nested({c.ssn.key: c.ssn.value}, 300)})


# ---- 2 PHI as mapping keys ----------------------------------------------------------------------
@attack("2 keys")
def keys_nested(h: Harness, c: Canaries) -> None:
    h.logger.info("%s results", h.tag, extra={"results": {c.email.value: "sent", c.ssn.value: "ok"}})


@attack("2 keys")
def keys_top_level(h: Harness, c: Canaries) -> None:
    h.logger.info("%s top", h.tag, extra={c.email.value: "sent"})


@attack("2 keys")
def keys_in_list(h: Harness, c: Canaries) -> None:
    h.logger.info("%s list", h.tag, extra={"rows": [{c.ip.value: 1}, {c.phone.value: 2}]})


@attack("2 keys")
def keys_tuple(h: Harness, c: Canaries) -> None:
    h.logger.info("%s tuple key", h.tag, extra={"seen": {(c.ssn.value, 1): "x"}})


@attack("2 keys")
def keys_bind(h: Harness, c: Canaries) -> None:
    with hipaalog.bind(**{c.email.value: "x"}):
        h.logger.info("%s bound key", h.tag)


@attack("2 keys")
def keys_structlog(h: Harness, c: Canaries) -> None:
    _structlog_native(h, lambda log: log.info(f"{h.tag} keys", results={c.ssn.value: "ok"}))


@attack("2 keys")
def keys_non_string(h: Harness, c: Canaries) -> None:
    h.logger.info("%s int key", h.tag, extra={"by_id": {5: c.ssn.text}})


@attack("2 keys")
def keys_bytes(h: Harness, c: Canaries) -> None:
    h.logger.info("%s bytes key", h.tag, extra={"seen": {c.ssn.text.encode(): 1}})


@attack("2 keys")
def keys_enum(h: Harness, c: Canaries) -> None:
    h.logger.info("%s enum key", h.tag, extra={"seen": {o.enum_of(c.email.value): 1}})


# ---- 3 Python reprs in text ---------------------------------------------------------------------
@attack("3 reprs")
def repr_dict_arg(h: Harness, c: Canaries) -> None:
    h.logger.info("%s payload %s", h.tag, {c.name.key: c.name.value, c.dob.key: c.dob.value})


@attack("3 reprs")
def repr_name_arg(h: Harness, c: Canaries) -> None:
    h.logger.info("%s patient %r", h.tag, c.name.value)


@attack("3 reprs")
def repr_dataclass_fstring(h: Harness, c: Canaries) -> None:
    h.logger.info(f"{h.tag} got {o.Patient(c.name.value, c.ssn.value, c.email.value)!r}")


@attack("3 reprs")
def repr_pydantic_fstring(h: Harness, c: Canaries) -> None:
    h.logger.info(f"{h.tag} got {o.PydanticPatient(patient_name=c.name.value, mrn=c.mrn.value)!r}")


@attack("3 reprs")
def repr_namespace_arg(h: Harness, c: Canaries) -> None:
    h.logger.info("%s got %s", h.tag, o.namespace(dob=c.dob.value, mrn=c.mrn.value))


@attack("3 reprs")
def repr_list_of_pairs(h: Harness, c: Canaries) -> None:
    h.logger.info("%s pairs %s", h.tag, [(c.mrn.key, c.mrn.value), (c.dob.key, c.dob.value)])


@attack("3 reprs")
def repr_dataclass_arg(h: Harness, c: Canaries) -> None:
    h.logger.info("%s got %s", h.tag, o.Patient(c.name.value, c.ssn.value, c.email.value))


@attack("3 reprs")
def repr_mapping_args(h: Harness, c: Canaries) -> None:
    h.logger.info("%(tag)s patient %(who)s", {"tag": h.tag, "who": c.name.value})


@attack("3 reprs")
def repr_object_as_msg(h: Harness, c: Canaries) -> None:
    h.logger.info(o.Shown(f"{h.tag} {c.ssn.text}"))


@attack("3 reprs")
def repr_dict_as_msg(h: Harness, c: Canaries) -> None:
    h.logger.info({"event": h.tag, c.dob.key: c.dob.value, c.mrn.key: c.mrn.value})


# ---- 4 errors with structure --------------------------------------------------------------------
class _Form(pydantic.BaseModel):
    dob: str = pydantic.Field(pattern=r"^\d{4}-\d{2}-\d{2}$")
    ssn: str = pydantic.Field(pattern=r"^\d{3}-\d{2}-\d{4}$")
    mrn: int


def _log_exception(h: Harness, build: Callable[[], Any]) -> None:
    try:
        build()
    except BaseException:
        h.logger.exception("%s failed", h.tag)


@attack("4 errors")
def pydantic_validation_error(h: Harness, c: Canaries) -> None:
    digits = c.ssn.value.replace("-", "")
    _log_exception(h, lambda: _Form(dob=c.dob.value, ssn=digits, mrn=c.mrn.value + "x"))  # type: ignore[arg-type]


@attack("4 errors")
def pydantic_errors_in_extra(h: Harness, c: Canaries) -> None:
    try:
        _Form(dob=c.dob.value, ssn="x", mrn=1)
    except pydantic.ValidationError as exc:
        h.logger.warning("%s invalid", h.tag, extra={"problems": exc.errors()})


@attack("4 errors")
def key_error(h: Harness, c: Canaries) -> None:
    by_mrn: dict[str, str] = {}
    _log_exception(h, lambda: by_mrn[c.mrn.value])


@attack("4 errors")
def os_error_filename(h: Harness, c: Canaries) -> None:
    _log_exception(h, lambda: open(os.path.join(str(h.directory), "nope", f"{c.ssn.value}_front.jpg")))  # noqa: SIM115


@attack("4 errors")
def os_error_filename2(h: Harness, c: Canaries) -> None:
    missing = os.path.join(str(h.directory), "nope", "a")
    _log_exception(h, lambda: os.rename(missing, os.path.join(str(h.directory), "nope", c.email.value)))


@attack("4 errors")
def unicode_decode_object(h: Harness, c: Canaries) -> None:
    _log_exception(h, lambda: (c.ssn.text + " \xff").encode("latin-1").decode("utf-8"))


@attack("4 errors")
def called_process_error(h: Harness, c: Canaries) -> None:
    def run() -> None:
        raise subprocess.CalledProcessError(
            1, ["lookup", "--ssn", c.ssn.value.replace("-", "")], output=c.dob.text.encode()
        )

    _log_exception(h, run)


@attack("4 errors", since=(3, 11))
def exception_notes(h: Harness, c: Canaries) -> None:
    def run() -> None:
        error = ValueError("bad row")
        error.add_note(c.email.text)
        raise error

    _log_exception(h, run)


@attack("4 errors")
def exception_attribute(h: Harness, c: Canaries) -> None:
    def run() -> None:
        error = LookupError("patient not found")
        error.ssn = c.ssn.value  # type: ignore[attr-defined]
        raise error

    _log_exception(h, run)


@attack("4 errors")
def exception_dict_arg(h: Harness, c: Canaries) -> None:
    def run() -> None:
        raise ValueError({c.dob.key: c.dob.value, c.mrn.key: c.mrn.value})

    _log_exception(h, run)


@attack("4 errors")
def exception_str_raises(h: Harness, c: Canaries) -> None:
    class Odd(Exception):
        def __str__(self) -> str:
            raise RuntimeError("no text")

    def run() -> None:
        raise Odd(c.ssn.text)

    _log_exception(h, run)


# ---- 5 encodings ---------------------------------------------------------------------------------
@attack("5 encodings")
def json_twice(h: Harness, c: Canaries) -> None:
    event = json.dumps(json.dumps({"body": {c.ssn.key: c.ssn.value, c.dob.key: c.dob.value}}))
    h.logger.info("%s lambda event %s", h.tag, event)


@attack("5 encodings")
def json_once_field(h: Harness, c: Canaries) -> None:
    h.logger.info("%s body", h.tag, extra={"body": json.dumps({c.mrn.key: c.mrn.value, c.name.key: c.name.value})})


@attack("5 encodings")
def url_encoded(h: Harness, c: Canaries) -> None:
    h.logger.info("%s GET /search?q=%s", h.tag, urllib.parse.quote(c.email.value, safe=""))


@attack("5 encodings")
def url_query_fields(h: Harness, c: Canaries) -> None:
    query = urllib.parse.urlencode({c.ssn.key: c.ssn.value, c.dob.key: c.dob.value})
    h.logger.info("%s GET /patients?%s", h.tag, query)


@attack("5 encodings")
def full_width_digits(h: Harness, c: Canaries) -> None:
    wide = c.ssn.value.translate({ord(d): chr(0xFF10 + int(d)) for d in "0123456789"})
    h.logger.info("%s ssn %s", h.tag, wide)


@attack("5 encodings")
def nbsp_separators(h: Harness, c: Canaries) -> None:
    h.logger.info("%s ssn %s", h.tag, c.ssn.value.replace("-", "\u00a0"))


@attack("5 encodings")
def phone_with_slash(h: Harness, c: Canaries) -> None:
    h.logger.info("%s call %s", h.tag, c.phone.value.replace("-", "/", 1))


@attack("5 encodings")
def ssn_glued_underscore(h: Harness, c: Canaries) -> None:
    h.logger.info("%s uploaded %s_front.jpg", h.tag, c.ssn.value)


@attack("5 encodings")
def mrn_prefixed(h: Harness, c: Canaries) -> None:
    h.logger.info("%s chart MRN-%s", h.tag, c.mrn.value)


@attack("5 encodings")
def json_ascii_escapes(h: Harness, c: Canaries) -> None:
    h.logger.info("%s raw %s", h.tag, json.dumps({"note": c.email.text}).replace("@", "\\u0040"))


@attack("5 encodings")
def form_encoded_plus(h: Harness, c: Canaries) -> None:
    form = urllib.parse.urlencode({"q": c.phone.text, c.name.key: c.name.value})
    h.logger.info("%s POST /search body=%s", h.tag, form)


# ---- 6 IPs after '=' -------------------------------------------------------------------------------
@attack("6 ip-after-equals")
def ip_peer_equals(h: Harness, c: Canaries) -> None:
    h.logger.info("%s peer=%s", h.tag, c.ip.value)


@attack("6 ip-after-equals")
def ip_forwarded(h: Harness, c: Canaries) -> None:
    h.logger.info("%s Forwarded: for=%s;proto=https", h.tag, c.ip.value)


# ---- 7 cache poisoning --------------------------------------------------------------------------
@attack("7 cache")
def cache_neighbour_build(h: Harness, c: Canaries) -> None:
    h.logger.info("%s deploy", h.tag, extra={"build": "1.4.2", "origin": c.ip.value})
    h.logger.info("%s again %s", h.tag, c.ip.value)


@attack("7 cache")
def cache_static_field(h: Harness, c: Canaries) -> None:
    h.handler.close()
    h.handler = hipaalog.configure(
        app_id="adversary",
        platform="vm",
        microservice="attack",
        sinks=[str(h.path)],
        static_fields={"user_agent": "ua"},
    )
    logging.getLogger().addHandler(h.third)
    h.logger.info("%s from", h.tag, extra={"user_agent_api": c.ip.value})
    h.logger.info("%s client %s", h.tag, c.ip.value)


@attack("7 cache")
def ip_under_build_field(h: Harness, c: Canaries) -> None:
    h.logger.info("%s deploy", h.tag, extra={"build": c.ip.value})
    h.logger.info("%s client %s", h.tag, c.ip.value)


# ---- 8 what other handlers see ------------------------------------------------------------------
@attack("8 other-handlers", since=(3, 11))
def group_members(h: Harness, c: Canaries) -> None:
    def run() -> None:
        raise _group("batch failed", [ValueError(c.ssn.text), KeyError(c.email.value)])

    _log_exception(h, run)


@attack("8 other-handlers", since=(3, 11))
def nested_groups(h: Harness, c: Canaries) -> None:
    def run() -> None:
        inner = _group("inner", [ValueError(c.dob.text)])
        raise _group("outer", [inner, TypeError("plain")])

    _log_exception(h, run)


@attack("8 other-handlers")
def ninth_cause(h: Harness, c: Canaries) -> None:
    def run() -> None:
        error: BaseException = ValueError(c.ssn.text)
        for step in range(11):
            try:
                raise error
            except BaseException as exc:
                try:
                    raise RuntimeError(f"step {step}") from exc
                except RuntimeError as outer:
                    error = outer
        raise error

    _log_exception(h, run)


@attack("8 other-handlers")
def deep_context_chain(h: Harness, c: Canaries) -> None:
    def run() -> None:
        error = ValueError(c.email.text)
        for step in range(14):
            wrapped = RuntimeError(f"while handling {step}")
            wrapped.__context__ = error
            error = wrapped  # type: ignore[assignment]
        raise error

    _log_exception(h, run)


@attack("8 other-handlers")
def make_log_record(h: Harness, c: Canaries) -> None:
    record = logging.makeLogRecord(
        {"name": "attack.app", "msg": f"{h.tag} {c.ssn.text}", "levelno": 20, "levelname": "INFO", "who": c.email.value}
    )
    h.logger.handle(record)


@attack("8 other-handlers")
def filter_sets_attribute(h: Harness, c: Canaries) -> None:
    class Enrich(logging.Filter):
        def filter(self, record: logging.LogRecord) -> bool:
            record.user_email = c.email.value
            record.patient = o.Patient(c.name.value, c.ssn.value, c.email.value)
            return True

    enrich = Enrich()
    h.logger.addFilter(enrich)
    try:
        h.logger.info("%s enriched", h.tag)
    finally:
        h.logger.removeFilter(enrich)


@attack("8 other-handlers")
def filter_rewrites_message(h: Harness, c: Canaries) -> None:
    class Rewrite(logging.Filter):
        def filter(self, record: logging.LogRecord) -> bool:
            record.msg = f"{record.msg} for {c.ssn.text}"
            return True

    rewrite = Rewrite()
    h.logger.addFilter(rewrite)
    try:
        h.logger.info("%s rewritten", h.tag)
    finally:
        h.logger.removeFilter(rewrite)


@attack("8 other-handlers")
def bytes_extra_third_party(h: Harness, c: Canaries) -> None:
    h.logger.info("%s raw body", h.tag, extra={"payload": (c.dob.text + " " + c.mrn.text).encode()})


@attack("8 other-handlers")
def args_contract_uvicorn(h: Harness, c: Canaries) -> None:
    from uvicorn.logging import AccessFormatter

    access = logging.Handler()
    access.setFormatter(AccessFormatter('%(client_addr)s - "%(request_line)s" %(status_code)s', use_colors=False))
    seen: list[str] = []
    access.emit = lambda record: seen.append(access.format(record))  # type: ignore[method-assign]
    access.handleError = h.third.handleError  # type: ignore[method-assign]
    h.logger.addHandler(access)
    try:
        h.logger.info('%s - "%s %s HTTP/%s" %d', f"{c.ip.value}:52100", "GET", f"/{h.tag}", "1.1", 200)
    finally:
        h.logger.removeHandler(access)
    if not seen or f"/{h.tag}" not in seen[0]:
        h.third.errors.append("uvicorn's access formatter lost the request line")
    for line in seen:
        h.add_text(line)


@attack("8 other-handlers")
def args_tuple_filter(h: Harness, c: Canaries) -> None:
    class ReadArgs(logging.Filter):
        def filter(self, record: logging.LogRecord) -> bool:
            record.first_arg = record.args[0]  # type: ignore[index]
            return True

    reader = ReadArgs()
    h.third.addFilter(reader)
    try:
        h.logger.info("%s patient %s", h.tag, c.name.value)
    finally:
        h.third.removeFilter(reader)


@attack("8 other-handlers")
def template_with_percent(h: Harness, c: Canaries) -> None:
    h.logger.info(f"{h.tag} 100% done for {c.ssn.text} at %d%%", 5)


@attack("8 other-handlers")
def queue_handler_listener(h: Harness, c: Canaries) -> None:
    import logging.handlers
    import queue

    pipe: queue.SimpleQueue[logging.LogRecord] = queue.SimpleQueue()
    listener = logging.handlers.QueueListener(pipe, h.third)
    sender = logging.handlers.QueueHandler(pipe)
    h.logger.addHandler(sender)
    listener.start()
    try:
        h.logger.info(
            "%s queued %s", h.tag, c.name.value, extra={"who": o.Patient(c.name.value, c.ssn.value, c.email.value)}
        )
    finally:
        h.logger.removeHandler(sender)
        listener.stop()


# ---- 9 the tools -----------------------------------------------------------------------------------
def _audit(h: Harness) -> Any:
    return hipaalog.audit.configure(
        h.directory / "audit.jsonl",
        key=AUDIT_KEY,
        pseudonym_key=PSEUDONYM_KEY,
        app_id="adversary",
        platform="vm",
        microservice="attack",
    )


@attack("9 tools", delivery=False)
def audit_outcome_text(h: Harness, c: Canaries) -> None:
    _audit(h)
    try:
        hipaalog.audit.access(
            "dr.lee", patient=c.mrn.value, action="read", resource="Observation", outcome=f"denied for {c.email.value}"
        )
    finally:
        hipaalog.audit.close()


@attack("9 tools", delivery=False)
def audit_reason_and_resource(h: Harness, c: Canaries) -> None:
    _audit(h)
    try:
        hipaalog.audit.access(
            "dr.lee",
            patient=c.mrn.value,
            action="read",
            resource=f"Patient/{c.ssn.value}",
            outcome="success",
            reason=c.dob.text,
        )
        hipaalog.audit.change("dr.lee", patient=c.mrn.value, resource="Patient", fields={c.email.value: "x"})
        hipaalog.audit.login("dr.lee", success=True, source_ip="198.51.100.1", method=f"password for {c.email.value}")
    finally:
        hipaalog.audit.close()


@attack("9 tools", delivery=False)
def audit_export_destination(h: Harness, c: Canaries) -> None:
    _audit(h)
    try:
        hipaalog.audit.export("dr.lee", patients=3, format="csv", destination=f"mailto:{c.email.value}")
        hipaalog.audit.alert("bulk-read", detail=f"actor read {c.name.text}")
    finally:
        hipaalog.audit.close()


def _cli(h: Harness, *argv: str) -> int:
    from hipaalog.cli import main

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(list(argv))
    h.add_text(out.getvalue())
    return code


def _raw_log(h: Harness, c: Canaries) -> str:
    path = h.directory / "old" / "old.log"
    path.parent.mkdir(exist_ok=True)
    record = {"appId": "a", "microservice": "m", "message": "x", "results": {c.email.value: "sent", c.ssn.value: "ok"}}
    path.write_text(json.dumps(record) + "\n" + json.dumps({c.ip.value: {"seen": 1}}) + "\n")
    return str(path)


@attack("9 tools", delivery=False)
def scan_prints_paths(h: Harness, c: Canaries) -> None:
    source = _raw_log(h, c)
    code = _cli(h, "scan", source)
    os.unlink(source)
    if code != 1:
        h.third.errors.append(f"scan did not report the PHI keys (exit {code})")


@attack("9 tools", delivery=False)
def scan_json_report(h: Harness, c: Canaries) -> None:
    source = _raw_log(h, c)
    _cli(h, "scan", "--json", source)
    os.unlink(source)


@attack("9 tools", delivery=False)
def redact_keeps_keys(h: Harness, c: Canaries) -> None:
    source = _raw_log(h, c)
    _cli(h, "redact", source, str(h.directory / "clean.jsonl"))
    os.unlink(source)


@attack("9 tools", delivery=False)
def assert_no_phi_keys(h: Harness, c: Canaries) -> None:
    from hipaalog.testing import capture

    unredacted = hipaalog.JsonFormatter(app_id="a", platform="vm", microservice="m", redaction=False)
    record = logging.LogRecord("attack.unredacted", logging.INFO, __file__, 1, "plain", None, None)
    record.results = {c.email.value: "sent", "nested": [{c.ssn.value: 1}]}
    with capture() as logs:
        unredacted.format(record)  # a line written with redaction off: the gate must catch its keys
    try:
        logs.assert_no_phi()
    except AssertionError as exc:
        h.add_text(str(exc))
    else:
        h.third.errors.append("assert_no_phi passed on a record with PHI keys")


# ---- 10 raises and losses -------------------------------------------------------------------------
@attack("10 raises")
def lazy_object_extra(h: Harness, c: Canaries) -> None:
    h.logger.info("%s user", h.tag, extra={"user": o.Fragile(c.email.value)})


@attack("10 raises")
def forged_marker(h: Harness, c: Canaries) -> None:
    h.logger.info("%s forged %s", h.tag, c.ssn.text, extra={"hipaalog_redacted": True, "contact": c.email.value})


@attack("10 raises")
def forged_line(h: Harness, c: Canaries) -> None:
    h.logger.info("%s line", h.tag, extra={"hipaalog_line": f'{{"message": "{c.ssn.text}"}}'.encode()})


@attack("10 raises")
def non_string_extra_key(h: Harness, c: Canaries) -> None:
    h.logger.info("%s numbers %s", h.tag, c.ssn.text, extra={"by_id": {5: "9", None: 1, 2.5: "x"}})


@attack("10 raises")
def broken_repr_extra(h: Harness, c: Canaries) -> None:
    h.logger.info("%s broken", h.tag, extra={"obj": o.BrokenRepr(c.ssn.value)})


# ---- 11 time --------------------------------------------------------------------------------------
@attack("11 time", budget_s=1.5)
def pipes(h: Harness, c: Canaries) -> None:
    h.logger.info("%s %s", h.tag, "PID|" * 16000)


@attack("11 time", budget_s=1.5)
def repeated_cue(h: Harness, c: Canaries) -> None:
    h.logger.info("%s %s", h.tag, "ssn=" * 16000)


# ---- 12 beyond the issue ---------------------------------------------------------------------------
@attack("12 beyond")
def logger_name(h: Harness, c: Canaries) -> None:
    logging.getLogger(f"patients.{c.email.value}").info("%s from a named logger", h.tag)


@attack("12 beyond")
def exception_type_name(h: Harness, c: Canaries) -> None:
    dynamic = type(f"Missing {c.email.value}", (LookupError,), {})

    def run() -> None:
        raise dynamic("lookup failed")

    _log_exception(h, run)


@attack("12 beyond")
def warning_text(h: Harness, c: Canaries) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("always")
        warnings.warn(f"{h.tag} {c.ssn.text}", UserWarning, stacklevel=1)


@attack("12 beyond")
def stack_info_text(h: Harness, c: Canaries) -> None:
    h.logger.info("%s where %s", h.tag, c.email.text, stack_info=True)


@attack("12 beyond")
def adapter_extra(h: Harness, c: Canaries) -> None:
    adapter = logging.LoggerAdapter(h.logger, {"patient": o.Patient(c.name.value, c.ssn.value, c.email.value)})
    adapter.info("%s adapted", h.tag)


@attack("12 beyond")
def filter_sets_exc_text(h: Harness, c: Canaries) -> None:
    class Attach(logging.Filter):
        def filter(self, record: logging.LogRecord) -> bool:
            record.exc_text = f"Traceback: {c.dob.text}"
            return True

    attach = Attach()
    h.logger.addFilter(attach)
    try:
        h.logger.error("%s with text", h.tag)
    finally:
        h.logger.removeFilter(attach)


@attack("12 beyond")
def thread_name(h: Harness, c: Canaries) -> None:
    import threading

    worker = threading.Thread(target=lambda: h.logger.info("%s from a worker", h.tag), name=f"job-{c.email.value}")
    worker.start()
    worker.join()


@attack("12 beyond")
def timed_operation_name(h: Harness, c: Canaries) -> None:
    with hipaalog.timed(f"lookup {c.email.value}", threshold_ms=0):
        h.logger.info("%s timed", h.tag)


@attack("12 beyond")
def str_raising_argument(h: Harness, c: Canaries) -> None:
    h.logger.info("%s value %s and %s", h.tag, o.BrokenRepr(c.ssn.value), c.ssn.text)


@attack("12 beyond")
def root_module_function(h: Harness, c: Canaries) -> None:
    logging.warning("%s via the module %s", h.tag, c.phone.text)


@attack("12 beyond")
def exception_as_extra(h: Harness, c: Canaries) -> None:
    h.logger.warning("%s failed", h.tag, extra={"error": ValueError(c.ssn.text), "cause": KeyError(c.mrn.value)})


@attack("12 beyond")
def exception_as_argument(h: Harness, c: Canaries) -> None:
    h.logger.warning("%s failed: %s", h.tag, LookupError(c.email.text))


@attack("12 beyond")
def partial_and_generator_extra(h: Harness, c: Canaries) -> None:
    import functools

    lookup = functools.partial(print, c.ssn.value)
    h.logger.info("%s callbacks", h.tag, extra={"callback": lookup, "rows": (row for row in [c.email.text])})


@attack("12 beyond")
def exc_info_instance(h: Harness, c: Canaries) -> None:
    h.logger.error("%s lookup", h.tag, exc_info=KeyError(c.mrn.value))


# ---- helpers for structlog and forked children --------------------------------------------------------
def _structlog_native(h: Harness, emit: Callable[[Any], None]) -> None:
    import structlog

    from hipaalog.structlog import JsonRenderer

    with open(h.directory / "structlog.jsonl", "wb") as out:
        structlog.configure(
            processors=[
                structlog.contextvars.merge_contextvars,
                JsonRenderer(app_id="adversary", platform="vm", microservice="attack"),
            ],
            logger_factory=structlog.BytesLoggerFactory(file=out),
            cache_logger_on_first_use=False,
        )
        try:
            emit(structlog.get_logger("attack.structlog"))
        finally:
            structlog.reset_defaults()
    if h.tag not in (h.directory / "structlog.jsonl").read_text("utf-8", "replace"):
        h.third.errors.append("structlog record not written")
    else:
        h.logger.info("%s structlog written", h.tag)


def _structlog_stdlib(h: Harness, emit: Callable[[Any], None]) -> None:
    import structlog

    from hipaalog.structlog import ProcessorFormatter

    path = h.directory / "structlog-stdlib.jsonl"
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setFormatter(ProcessorFormatter(app_id="adversary", platform="vm", microservice="attack"))
    logger = logging.getLogger("attack.structlog.stdlib")
    logger.addHandler(handler)
    structlog.configure(
        processors=[structlog.stdlib.ProcessorFormatter.wrap_for_formatter],
        logger_factory=structlog.stdlib.LoggerFactory(),
        wrapper_class=structlog.stdlib.BoundLogger,
        cache_logger_on_first_use=False,
    )
    try:
        emit(structlog.get_logger("attack.structlog.stdlib"))
    finally:
        structlog.reset_defaults()
        logger.removeHandler(handler)
        handler.close()


def _in_forked_child(h: Harness, emit: Callable[[], None]) -> None:
    h.handler.flush()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - runs in the child
        try:
            emit()
        finally:
            os._exit(0)
    os.waitpid(pid, 0)
    time.sleep(0.2)


@attack("12 beyond")
def cue_after_field_name(h: Harness, c: Canaries) -> None:
    h.logger.info("%s got data=%s", h.tag, c.mrn.text)
