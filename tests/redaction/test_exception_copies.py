"""Exceptions whose constructor cannot be called again keep their type, their record and their redacted message."""

from __future__ import annotations

import json
import logging
import subprocess
import sys
import traceback
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from hipaalog import _diagnostics
from hipaalog.redaction import Redactor, install_record_redaction
from hipaalog.redaction._records import _redacted_exception
from hipaalog.testing import LogCapture, capture

NAME, SSN, EMAIL = "Ottilie Brandvold", "219-09-9999", "o.brandvold@example.net"
PHI = f"for patient {NAME} ssn {SSN} mail {EMAIL}"
RAW = (NAME.split()[1], SSN, EMAIL)


class KeywordOnly(Exception):
    def __init__(self, message: str, *, request: object, response: object) -> None:
        super().__init__(message)
        self.request, self.response = request, response


class ExtraArguments(Exception):
    def __init__(self, message: str, field: str, value: str) -> None:
        super().__init__(f"{message}: {field}={value}")
        self.field, self.value = field, value


class RaisesOnCopy(Exception):
    made = 0

    def __init__(self, message: str) -> None:
        RaisesOnCopy.made += 1
        if RaisesOnCopy.made > 1:
            raise RuntimeError("made once")
        super().__init__(message)


class Slotted(Exception):
    __slots__ = ("__owner", "who")

    def __init__(self, message: str, who: str) -> None:
        super().__init__(message)
        self.who = who
        self.__owner = who

    def __str__(self) -> str:
        return f"{self.args[0]} (owner {self.__owner})"


class NoReduce(Exception):
    def __reduce__(self) -> Any:
        raise TypeError("not picklable")


class Statement(Exception):
    """SQLAlchemy's StatementError: its text comes from the statement, the parameters and the driver's error."""

    def __init__(self, message: str, statement: str, params: dict[str, str], orig: BaseException) -> None:
        super().__init__(message)
        self.statement, self.params, self.orig = statement, params, orig

    def __str__(self) -> str:
        return f"({type(self.orig).__name__}) {self.orig}\n[SQL: {self.statement}]\n[parameters: {self.params!r}]"


def _httpx(phi: bool) -> BaseException:
    httpx = pytest.importorskip("httpx")
    query = f"?email={EMAIL}&ssn={SSN}" if phi else "?page=2"
    response = httpx.Response(503, request=httpx.Request("GET", f"https://api.example.net/v2/charts{query}"))
    try:
        response.raise_for_status()
    except httpx.HTTPStatusError as error:
        return error
    raise AssertionError("no error")


def _requests(phi: bool) -> BaseException:
    requests = pytest.importorskip("requests")
    response = requests.Response()
    response.status_code, response.reason = 404, "Not Found"
    response.url = f"https://api.example.net/v2/charts?email={EMAIL}" if phi else "https://api.example.net/v2/x"
    try:
        response.raise_for_status()
    except requests.HTTPError as error:
        return error
    raise AssertionError("no error")


def _client_error(phi: bool) -> BaseException:
    from botocore.exceptions import ClientError

    text = f"no object {PHI}" if phi else "no such object"
    return ClientError({"Error": {"Code": "NoSuchKey", "Message": text}}, "GetObject")


def _json(phi: bool) -> BaseException:
    document = f'{{"ssn": "{SSN}", name: "{NAME}"}}' if phi else '{"page": 2, size: 10}'
    try:
        json.loads(document)
    except json.JSONDecodeError as error:
        return error
    raise AssertionError("no error")


def _unicode(phi: bool) -> BaseException:
    text = f"{PHI} \xff" if phi else "page two \xff"
    try:
        text.encode("latin-1").decode()
    except UnicodeDecodeError as error:
        return error
    raise AssertionError("no error")


FACTORIES: dict[str, Callable[[bool], BaseException]] = {
    "httpx-status": _httpx,
    "requests-http": _requests,
    "botocore-client": _client_error,
    "json-decode": _json,
    "unicode-decode": _unicode,
    "called-process": lambda phi: subprocess.CalledProcessError(
        2, ["lookup", "--ssn", SSN] if phi else ["lookup", "--page", "2"], output=EMAIL.encode() if phi else b"ok"
    ),
    "keyword-only": lambda phi: KeywordOnly(f"failed {PHI}" if phi else "failed", request=1, response=2),
    "extra-arguments": lambda phi: ExtraArguments("bad", "email" if phi else "page", EMAIL if phi else "2"),
    "raises-on-copy": lambda phi: RaisesOnCopy(f"failed {PHI}" if phi else "failed"),
    "slots": lambda phi: Slotted(f"failed {PHI}" if phi else "failed", EMAIL if phi else "batch"),
    "no-reduce": lambda phi: NoReduce(f"failed {PHI}" if phi else "failed"),
    "statement": lambda phi: Statement(
        "m",
        "INSERT INTO patients (full_name, ssn) VALUES (%(full_name)s, %(ssn)s)",
        {"full_name": NAME, "ssn": SSN} if phi else {"batch": "7", "queue": "claims"},
        ValueError("duplicate key"),
    ),
}


@pytest.fixture
def captured() -> Iterator[LogCapture]:
    install_record_redaction()
    with capture() as cap:
        yield cap


def _type_name(exc: BaseException) -> str:
    cls = type(exc)
    return cls.__qualname__ if cls.__module__ in ("builtins", "__main__") else f"{cls.__module__}.{cls.__qualname__}"


def _log(exc: BaseException, message: str = "upstream call failed") -> None:
    RaisesOnCopy.made = 0
    try:
        raise exc
    except BaseException:
        logging.getLogger("clinic.exceptions").exception(message)


@pytest.mark.parametrize("kind", list(FACTORIES))
def test_an_exception_with_phi_keeps_its_record_type_and_message(kind: str, captured: LogCapture) -> None:
    """The record keeps its message and error; the error keeps the type name the application raised."""
    exc = FACTORIES[kind](True)
    _log(exc)
    record = captured.records[-1]
    assert record["message"] == "upstream call failed"
    assert record["error"]["type"] == _type_name(exc)
    shown = json.dumps(record)
    assert not [raw for raw in RAW if raw in shown], shown


@pytest.mark.parametrize("kind", list(FACTORIES))
def test_a_clean_exception_comes_out_as_written(kind: str, captured: LogCapture) -> None:
    """Without PHI the error's type and message are exactly those of the record written with redaction off."""
    exc = FACTORIES[kind](False)
    expected = str(exc)
    _log(exc)
    record = captured.records[-1]
    assert record["message"] == "upstream call failed"
    assert record["error"]["type"] == _type_name(exc)
    assert record["error"]["message"] == expected


@pytest.mark.parametrize("kind", list(FACTORIES))
def test_the_handler_sees_an_exception_of_the_type_raised(kind: str) -> None:
    """A third-party handler gets an instance of the same class (or a stand-in named like it), text redacted."""
    RaisesOnCopy.made = 0
    exc = FACTORIES[kind](True)
    clean = _redacted_exception(exc, Redactor())
    assert type(clean).__qualname__ == type(exc).__qualname__ and type(clean).__module__ == type(exc).__module__
    text = "".join(traceback.format_exception(type(clean), clean, clean.__traceback__))
    assert not [raw for raw in RAW if raw in text], text


def test_an_exception_that_cannot_be_copied_falls_back_alone(
    captured: LogCapture, monkeypatch: pytest.MonkeyPatch
) -> None:
    """When no copy can be made, that exception alone becomes a stand-in (its redacted text, its type name, its
    notes); its cause is still redacted on its own, and every record so handled is counted."""
    from hipaalog.redaction import _records

    def refuse(exc: BaseException) -> BaseException:
        raise TypeError("no copy")

    monkeypatch.setattr(_records, "copy_exception", refuse)
    for number in range(3):
        outer = KeywordOnly(f"retry {number} {PHI}", request=None, response=None)
        outer.__notes__ = [f"caller {EMAIL}"]  # add_note() from Python 3.11 on
        try:
            try:
                raise LookupError(f"member {SSN}")
            except LookupError as inner:
                raise outer from inner
        except KeywordOnly:
            logging.getLogger("clinic.exceptions").exception("sync failed", extra={"batch": number})
    record = captured.records[-1]
    assert record["message"] == "sync failed" and record["batch"] == 2
    assert record["error"]["type"] == _type_name(outer)
    assert record["error"]["message"].startswith("retry 2 for patient [REDACTED:NAME]")
    assert record["error"]["cause"]["type"] == "LookupError"
    assert record["error"]["notes"] == ["caller [REDACTED:EMAIL]"]
    assert not [raw for raw in RAW if raw in json.dumps(captured.records)]
    assert _diagnostics.counts().get("exception-stand-in") == 3
    assert "record-redaction-failed" not in _diagnostics.counts()


def test_an_exception_held_as_an_attribute_stays_an_exception() -> None:
    """SQLAlchemy's ``orig`` (the driver's error) is redacted as an exception, not turned into text."""
    orig = ValueError(f"duplicate key {EMAIL}")
    clean = _redacted_exception(Statement("m", "SELECT 1", {}, orig), Redactor())
    assert type(clean.orig) is ValueError  # type: ignore[attr-defined]
    assert str(clean.orig) == "duplicate key [REDACTED:EMAIL]"  # type: ignore[attr-defined]
    assert str(orig) == f"duplicate key {EMAIL}", "the application's exception is untouched"


def test_a_stand_in_is_named_after_the_class_and_matches_its_builtin_base() -> None:
    """A stand-in shows the original's module and name, and still matches ``except ValueError``."""
    from hipaalog.redaction._exc_copy import RedactedException, stand_in

    class ChartError(ValueError):
        pass

    twin = stand_in(ChartError("x"), "clean text")
    assert isinstance(twin, RedactedException) and isinstance(twin, ValueError)
    assert type(twin).__qualname__ == ChartError.__qualname__ and str(twin) == "clean text"
    assert twin.original_type == f"{ChartError.__module__}.{ChartError.__qualname__}"  # type: ignore[attr-defined]
    os_twin = stand_in(FileNotFoundError(2, "gone"), "clean")
    assert type(os_twin).__name__ == "FileNotFoundError" and str(os_twin) == "clean"


@pytest.mark.skipif(sys.version_info < (3, 11), reason="exception groups from Python 3.11 on")
def test_group_members_that_cannot_be_copied_stand_in_alone_and_stand_ins_pickle(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """In a group, a member that cannot be copied is a stand-in and the others keep their type; a stand-in
    survives pickling (multiprocessing queues) as a plain stand-in with its redacted text and type name."""
    import pickle

    from hipaalog.redaction._exc_copy import RedactedException

    group = ExceptionGroup("batch", [RaisesOnCopy(f"one {PHI}"), LookupError(f"two {EMAIL}")])  # noqa: F821
    RaisesOnCopy.made = 1
    clean = _redacted_exception(group, Redactor())
    first, second = clean.exceptions  # type: ignore[attr-defined]
    assert type(first).__name__ == "RaisesOnCopy" and type(second) is LookupError
    assert str(second) == "two [REDACTED:EMAIL]"
    monkeypatch.setattr("hipaalog.redaction._records.copy_exception", lambda exc: 1 / 0)
    stand_in = _redacted_exception(KeywordOnly(f"x {PHI}", request=1, response=2), Redactor())
    back = pickle.loads(pickle.dumps(stand_in))
    assert isinstance(back, RedactedException) and str(back) == str(stand_in) and EMAIL not in str(back)
    assert back.original_type == _type_name(KeywordOnly("x", request=1, response=2))
