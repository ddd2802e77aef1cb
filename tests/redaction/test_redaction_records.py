"""No handler sees PHI: the record factory and the filter clean the LogRecord itself."""

from __future__ import annotations

import decimal
import logging
import subprocess
import sys
import traceback
import warnings
from collections.abc import Iterator
from typing import Any

import pytest
from opentelemetry.sdk._logs import LoggerProvider, LoggingHandler
from opentelemetry.sdk._logs.export import InMemoryLogRecordExporter, SimpleLogRecordProcessor

import hipaalog
from hipaalog.redaction import (
    RedactingFilter,
    Redactor,
    install_record_redaction,
    record_redaction_installed,
    redact_record,
    uninstall_record_redaction,
)
from hipaalog.redaction._records import is_redacted_record


class Keep(logging.Handler):
    """A third-party-style handler that keeps the records it is handed, as they are."""

    def __init__(self) -> None:
        super().__init__()
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@pytest.fixture
def keep() -> Iterator[Keep]:
    handler = Keep()
    logger = logging.getLogger("clinic.intake.forms")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger.propagate = False
    yield handler
    logger.removeHandler(handler)


def _log_phi(logger_name: str = "clinic.intake.forms") -> None:
    logging.getLogger(logger_name).info(
        "patient %s called", "Jane Doe", extra={"patient_ssn": "123-45-6789", "contact": {"email": "jane@ex.org"}}
    )


def test_record_factory_cleans_message_and_extra_fields(keep: Keep) -> None:
    """With the record factory installed, a plain handler gets the message and every extra field redacted."""
    install_record_redaction()
    _log_phi()
    record = keep.records[0]
    assert record.getMessage() == "patient [REDACTED:NAME] called"
    assert record.patient_ssn == "[REDACTED:SSN]"  # type: ignore[attr-defined]
    assert record.contact == {"email": "[REDACTED:EMAIL]"}  # type: ignore[attr-defined]
    assert record.hipaalog_redacted is True  # type: ignore[attr-defined]


class _Visit:
    def __repr__(self) -> str:
        return "Visit(ssn=219-09-9999, ward='4B')"


def test_a_percent_r_argument_prints_its_redacted_repr_as_percent_r_would(keep: Keep) -> None:
    """``%r`` of an object shows its repr, redacted, without the quotes of a string's repr; strings, bytes and
    containers keep theirs."""
    install_record_redaction()
    logging.getLogger("clinic.intake.forms").info("seen %r / %r / %r / %a", _Visit(), "ward", b"ok", _Visit())
    message = keep.records[0].getMessage()
    assert message == (
        "seen Visit(ssn=[REDACTED:SSN], ward='4B') / 'ward' / b'ok' / Visit(ssn=[REDACTED:SSN], ward='4B')"
    )


class _ShownError(Exception):
    def __repr__(self) -> str:
        return f"ShownError<{self.args[0]}>"


def test_an_exception_argument_prints_as_str_or_repr_would_print_it(keep: Keep) -> None:
    """``"failed: %s", error`` shows the error's message as ``str(error)`` would (no class name before it), redacted;
    ``%r`` shows ``repr(error)`` built from the redacted arguments; an exception with a repr of its own is described."""
    install_record_redaction()
    log = logging.getLogger("clinic.intake.forms")
    log.info("failed: %s", ValueError("timeout after 30 s"))
    log.info("failed: %s", ValueError("ssn 219-09-9999 rejected"))
    log.info("failed: %s / %r", KeyError("jane@ex.org"), KeyError("jane@ex.org"))
    log.info("failed: %r / %a", ValueError("ssn 219-09-9999 rejected", 3), ValueError("café"))
    log.info("failed: %r", _ShownError("ssn 219-09-9999"))
    assert [record.getMessage() for record in keep.records] == [
        "failed: timeout after 30 s",
        "failed: ssn [REDACTED:SSN] rejected",
        "failed: '[REDACTED:EMAIL]' / KeyError('[REDACTED:EMAIL]')",
        "failed: ValueError('ssn [REDACTED:SSN] rejected', 3) / ValueError('caf\\xe9')",
        "failed: _ShownError: ssn [REDACTED:SSN]",
    ]


def test_a_mapping_argument_with_percent_r_renders_the_same_way(keep: Keep) -> None:
    install_record_redaction()
    logging.getLogger("clinic.intake.forms").info("seen %(visit)r in %(ward)r", {"visit": _Visit(), "ward": "4B"})
    assert keep.records[0].getMessage() == "seen Visit(ssn=[REDACTED:SSN], ward='4B') in '4B'"


def test_opentelemetry_handler_never_receives_raw_phi() -> None:
    """OpenTelemetry's LoggingHandler (which ships every extra attribute) exports only redacted values."""
    exporter = InMemoryLogRecordExporter()
    provider = LoggerProvider()
    provider.add_log_record_processor(SimpleLogRecordProcessor(exporter))
    with warnings.catch_warnings():  # the SDK's handler is deprecated in favour of a contrib package
        warnings.simplefilter("ignore", DeprecationWarning)
        handler = LoggingHandler(logger_provider=provider)
    logger = logging.getLogger("clinic.otel")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger.propagate = False
    try:
        install_record_redaction()
        _log_phi("clinic.otel")
        provider.force_flush()
    finally:
        logger.removeHandler(handler)
        provider.shutdown()
    exported = exporter.get_finished_logs()[0].log_record
    assert exported.body == "patient [REDACTED:NAME] called"
    attributes = dict(exported.attributes or {})
    assert attributes["patient_ssn"] == "[REDACTED:SSN]"
    assert "jane@ex.org" not in str(attributes)


def test_exceptions_are_replaced_by_redacted_copies(keep: Keep) -> None:
    """An exception's message (and its cause's) is redacted on the record; its type is kept."""
    install_record_redaction()
    original = KeyError("no member 123-45-6789")
    try:
        try:
            raise original
        except KeyError as inner:
            raise ValueError("lookup failed for jane@ex.org") from inner
    except ValueError:
        logging.getLogger("clinic.intake.forms").exception("failed")
    record = keep.records[0]
    assert record.exc_info is not None
    exc = record.exc_info[1]
    assert isinstance(exc, ValueError) and str(exc) == "lookup failed for [REDACTED:EMAIL]"
    assert isinstance(exc.__cause__, KeyError) and "123-45-6789" not in str(exc.__cause__)
    assert str(original) == "'no member 123-45-6789'", "the application's exception object is not changed"
    formatted = logging.Formatter().format(record)
    assert "123-45-6789" not in formatted and "jane@ex.org" not in formatted


def test_filter_on_a_handler(keep: Keep) -> None:
    """RedactingFilter on a third-party handler cleans the records that handler sees."""
    keep.addFilter(RedactingFilter())
    _log_phi()
    record = keep.records[0]
    assert record.getMessage() == "patient [REDACTED:NAME] called"
    assert record.patient_ssn == "[REDACTED:SSN]"  # type: ignore[attr-defined]


def test_filter_takes_a_policy_and_redacts_once() -> None:
    """A filter built from a policy mapping applies it; a record already redacted is not redacted again, and
    what is set on it later is redacted as it is set."""
    flt = RedactingFilter({"strategies": {"SSN": "partial"}})
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "SSN %s", ("123-45-6789",), None)
    assert flt.filter(record) and record.getMessage() == "SSN ***-**-6789"
    assert is_redacted_record(record) and record.hipaalog_redacted is True  # type: ignore[attr-defined]
    assert "hipaalog_redacted" not in record.__dict__, "the marker is not a field a caller could collide with"
    record.msg, record.args = "SSN %s again", ("219-09-9999",)
    assert flt.filter(record) and record.getMessage() == "SSN ***-**-9999 again"


def test_clean_records_keep_their_template(keep: Keep) -> None:
    """A record without PHI keeps msg and args (message templates still group)."""
    install_record_redaction()
    logging.getLogger("clinic.intake.forms").info("batch %d done", 42)
    assert keep.records[0].msg == "batch %d done" and keep.records[0].args == (42,)


def test_make_log_record_is_redacted_too() -> None:
    """Records rebuilt from dicts (socket and queue listeners) are redacted as well."""
    install_record_redaction(Redactor())
    record = logging.makeLogRecord({"msg": "ok", "patient_email": "jane@ex.org"})
    assert record.patient_email == "[REDACTED:EMAIL]"  # type: ignore[attr-defined]


def test_install_and_uninstall() -> None:
    """Installing twice keeps one factory; uninstalling restores the previous one."""
    before = logging.getLogRecordFactory()
    install_record_redaction()
    install_record_redaction()
    assert record_redaction_installed()
    uninstall_record_redaction()
    assert logging.getLogRecordFactory() is before and not record_redaction_installed()


def test_configure_installs_record_redaction(identity_env: dict[str, str], keep: Keep, capsys: Any) -> None:
    """configure() redacts records for every handler by default; redact_records=False turns it off."""
    hipaalog.configure(sinks=["stderr"])
    assert record_redaction_installed()
    _log_phi()
    assert keep.records[-1].patient_ssn == "[REDACTED:SSN]"  # type: ignore[attr-defined]
    hipaalog.configure(sinks=["stderr"], redact_records=False)
    assert not record_redaction_installed()
    with pytest.raises(hipaalog.ConfigError, match="redact_records"):
        hipaalog.configure(sinks=["stderr"], redact_records="yes")  # type: ignore[arg-type]


def test_exceptions_with_structure_keep_their_type(keep: Keep) -> None:
    """An exception whose text comes from attributes (OSError's filename) keeps its type with the attribute
    redacted; notes added to an exception are redacted too."""
    install_record_redaction()
    error = FileNotFoundError(2, "No such file", "/exports/Jane Doe 123-45-6789.pdf")
    error.__notes__ = ["owner jane@ex.org"]  # add_note() from Python 3.11 on
    try:
        raise error
    except OSError:
        logging.getLogger("clinic.intake.forms").exception("export failed")
    exc = keep.records[0].exc_info[1]  # type: ignore[index]
    assert type(exc) is FileNotFoundError and exc.filename == "/exports/[REDACTED:NAME] [REDACTED:SSN].pdf"
    assert "123-45-6789" not in str(exc) and exc.__notes__ == ["owner [REDACTED:EMAIL]"]  # type: ignore[attr-defined]
    assert error.filename == "/exports/Jane Doe 123-45-6789.pdf", "the original exception is untouched"


def test_records_whose_arguments_do_not_fit(keep: Keep) -> None:
    """A message whose arguments do not fit its template is still redacted: the template's text is the message,
    the arguments are masked in place, and getMessage() now works."""
    install_record_redaction()
    logging.getLogger("clinic.intake.forms").info("SSN 123-45-6789 for %s %s", "only-one")  # noqa: PLE1206 - on purpose
    record = keep.records[0]
    assert record.getMessage() == "SSN [REDACTED:SSN] for %s %s" and record.args == ("[REDACTED]",)


class _Counting:
    """Wraps a built-in detector and counts the texts it is asked to scan."""

    def __init__(self, detector: Any, texts: list[str]) -> None:
        self._detector = detector
        self._texts = texts
        self.name, self.kinds, self.gate = detector.name, detector.kinds, detector.gate

    def find(self, text: str) -> Any:
        self._texts.append(text)
        return self._detector.find(text)


def _counting_pipeline(tmp_path: Any) -> tuple[list[str], logging.Logger, Any]:
    """The default configure() pipeline (record factory + JsonFormatter sharing one redactor) writing to a file,
    with every detector call recorded."""
    redactor = Redactor()
    texts: list[str] = []
    scanner = redactor._scanner
    scanner._builtin = tuple((_Counting(d, texts), bits) for d, bits in scanner._builtin)
    install_record_redaction(redactor)
    path = tmp_path / "out.jsonl"
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setFormatter(
        hipaalog.JsonFormatter(app_id="clinic", platform="test", microservice="intake", redaction=redactor)
    )
    logger = logging.getLogger("clinic.intake.double")
    logger.handlers[:] = [handler]
    logger.setLevel(logging.INFO)
    logger.propagate = False
    return texts, logger, path


def test_a_record_redacted_by_the_factory_is_not_scanned_again(tmp_path: Any) -> None:
    """The formatter runs no detector over what the record factory already redacted (message and extra fields)."""
    texts, logger, path = _counting_pipeline(tmp_path)
    record = logger.makeRecord(
        logger.name,
        logging.INFO,
        __file__,
        1,
        "patient SSN %s called from %s",
        ("123-45-6789", "(415) 555-0132"),
        None,
        extra={"note": "callback 415-555-0199 re SSN 123-45-6780", "clinic": "north"},
    )
    assert texts, "the factory scanned the record"
    texts.clear()
    logger.handle(record)
    logger.handlers[0].close()
    line = path.read_text(encoding="utf-8")
    assert texts == []
    for raw in ("123-45-6789", "555-0132", "555-0199", "123-45-6780"):
        assert raw not in line
    assert "[REDACTED:SSN]" in line and "[REDACTED:PHONE]" in line


def test_bound_context_phi_on_a_factory_record_is_still_redacted(tmp_path: Any) -> None:
    """Bound-context fields are not in the record the factory cleaned: the formatter still scans and redacts them."""
    texts, logger, path = _counting_pipeline(tmp_path)
    with hipaalog.context.bind(caller_note="patient SSN 321-54-9876, phone (415) 555-0177"):
        record = logger.makeRecord(logger.name, logging.INFO, __file__, 1, "lookup done", None, None)
        texts.clear()
        logger.handle(record)
    logger.handlers[0].close()
    line = path.read_text(encoding="utf-8")
    assert "321-54-9876" not in line and "555-0177" not in line
    assert "[REDACTED:SSN]" in line
    assert any("321-54-9876" in text for text in texts), "the context field was scanned by the formatter's pass"


def test_fields_added_by_an_earlier_record_factory_are_redacted(keep: Keep) -> None:
    """A field another record factory adds before hipaalog's (even one that drops a standard attribute) is redacted."""
    stock = logging.getLogRecordFactory()

    def enriching(*args: Any, **kwargs: Any) -> logging.LogRecord:
        record = stock(*args, **kwargs)
        del record.__dict__["processName"]  # same attribute count as a fresh record, one of them the caller's
        record.__dict__["member_email"] = "jane.doe@example.org"
        return record

    logging.setLogRecordFactory(enriching)
    install_record_redaction()
    logging.getLogger("clinic.intake.forms").info("visit booked")
    assert keep.records[0].member_email == "[REDACTED:EMAIL]"  # type: ignore[attr-defined]


def test_clean_nested_extra_field_is_shared_and_phi_in_one_is_redacted(keep: Keep) -> None:
    """A nested ``extra`` value without PHI reaches handlers as the caller's own object; one with PHI as a copy."""
    install_record_redaction()
    clean = {"type": "professional", "codes": ["99213", "J06.9"], "in_network": True}
    dirty = {"type": "professional", "notes": ["callback 555-867-5309"]}
    logger = logging.getLogger("clinic.intake.forms")
    logger.info("claim accepted", extra={"claim": clean})
    logger.info("claim accepted", extra={"claim": dirty})
    assert keep.records[0].claim is clean  # type: ignore[attr-defined]
    assert keep.records[1].claim == {"type": "professional", "notes": ["callback [REDACTED:PHONE]"]}  # type: ignore[attr-defined]
    assert dirty["notes"] == ["callback 555-867-5309"]


# -- the LogRecord contract, attributes set later, reserved names (issues 11 and 13) ----------------------
def test_args_keep_their_shape_and_a_working_template(keep: Keep) -> None:
    """With PHI in an argument, args stay a tuple of the same length (redacted in place) and getMessage() works."""
    install_record_redaction()
    logging.getLogger("clinic.intake.forms").info('%s - "%s %s" %d', "203.0.113.7:52100", "GET", "/visits", 200)
    record = keep.records[0]
    assert isinstance(record.args, tuple) and len(record.args) == 4
    assert record.args[1:] == ("GET", "/visits", 200) and "203.0.113.7" not in str(record.args[0])
    assert record.getMessage() == '[REDACTED:IP]:52100 - "GET /visits" 200'


def test_a_number_argument_is_judged_as_the_caller_prints_it(keep: Keep) -> None:
    """A Decimal is a float in JSON, but in a message it prints as written: "219099999", not "219099999.0"."""
    install_record_redaction()
    logging.getLogger("clinic.intake.forms").info("ssn %s on file", decimal.Decimal("219099999"))
    logging.getLogger("clinic.intake.forms").info("total %s", decimal.Decimal("12.50"))
    assert keep.records[0].getMessage() == "ssn [REDACTED:SSN] on file"
    assert keep.records[1].getMessage() == "total 12.50"


def test_a_mapping_argument_is_judged_by_its_key(keep: Keep) -> None:
    """'%(phone)s' with {"phone": "4155550199"}: the key says what the value is, as a field name does."""
    install_record_redaction()
    logging.getLogger("clinic.intake.forms").info(
        "call back at %(phone)s, %(count)d tries", {"phone": "4155550199", "count": 3}
    )
    assert keep.records[0].getMessage() == "call back at [REDACTED:PHONE], 3 tries"


def test_uvicorn_access_formatter_reads_redacted_args(keep: Keep) -> None:
    """uvicorn's access formatter unpacks record.args: it formats a redacted access line instead of raising."""
    from uvicorn.logging import AccessFormatter

    install_record_redaction()
    logging.getLogger("clinic.intake.forms").info(
        '%s - "%s %s HTTP/%s" %d', "203.0.113.7:52100", "GET", "/visits?id=1", "1.1", 200
    )
    line = AccessFormatter('%(client_addr)s - "%(request_line)s" %(status_code)s', use_colors=False).format(
        keep.records[0]
    )
    assert line.endswith(' - "GET /visits?id=1 HTTP/1.1" 200 OK') and "203.0.113.7" not in line


def test_mapping_args_and_context_phi(keep: Keep) -> None:
    """Mapping args stay a mapping; a value that is PHI only in its sentence is masked in place."""
    install_record_redaction()
    logger = logging.getLogger("clinic.intake.forms")
    logger.info("%(what)s for patient %(who)s", {"what": "visit", "who": "Marisol Quintanilla"})
    logger.info("patient %s seen %d times", "Marisol Quintanilla", 3)
    mapped, positional = keep.records
    assert isinstance(mapped.args, dict) and mapped.args["what"] == "visit"
    assert mapped.args["who"].startswith("[REDACTED") and mapped.getMessage() == "visit for patient [REDACTED:NAME]"
    assert isinstance(positional.args, tuple) and positional.args[0].startswith("[REDACTED") and positional.args[1] == 3
    assert positional.getMessage() == "patient [REDACTED:NAME] seen 3 times"


def test_a_template_holding_phi_and_percent_signs(keep: Keep) -> None:
    """PHI in the template itself (an f-string) is redacted; a literal %% still prints one percent sign."""
    install_record_redaction()
    ssn = "219-09-9999"
    logging.getLogger("clinic.intake.forms").info(f"ssn {ssn} at %d%%", 5)
    record = keep.records[0]
    assert record.getMessage() == "ssn [REDACTED:SSN] at 5%" and record.args == (5,)


def test_a_container_argument_is_redacted_through_its_structure(keep: Keep) -> None:
    """A dict argument is redacted as a value (field names decide), then shown."""
    install_record_redaction()
    payload = {"dob": "03/07/1984", "patient_name": "Marisol Quintanilla", "client": {"ip": "203.0.113.7"}}
    logging.getLogger("clinic.intake.forms").info("payload %s", payload)
    record = keep.records[0]
    shown = "{'dob': '[REDACTED:DOB]', 'patient_name': '[REDACTED:NAME]', 'client': {'ip': '[REDACTED:IP]'}}"
    assert record.getMessage() == f"payload {shown}" and isinstance(record.args, dict)
    assert record.args["client"] == {"ip": "[REDACTED:IP]"} and payload["client"] == {"ip": "203.0.113.7"}


def test_reserved_marker_cannot_be_forged_or_collide(keep: Keep) -> None:
    """extra={"hipaalog_redacted": ...} neither raises nor skips redaction."""
    install_record_redaction()
    logging.getLogger("clinic.intake.forms").info(
        "ssn %s", "219-09-9999", extra={"hipaalog_redacted": True, "contact": "jane@ex.org"}
    )
    record = keep.records[0]
    assert record.getMessage() == "ssn [REDACTED:SSN]" and record.contact == "[REDACTED:EMAIL]"  # type: ignore[attr-defined]


class _Lazy:
    """Like Django's SimpleLazyObject when loading the wrapped object fails: reading __class__ raises."""

    @property  # type: ignore[misc]
    def __class__(self) -> type:
        raise RuntimeError("user could not be loaded")


def test_a_value_whose_class_property_raises_does_not_raise(keep: Keep) -> None:
    """The log call does not raise; the record is kept, that value alone is masked or shown redacted."""
    install_record_redaction()
    logging.getLogger("clinic.intake.forms").info("request done", extra={"user": _Lazy(), "path": "/visits"})
    record = keep.records[0]
    assert record.getMessage() == "request done" and record.path == "/visits"  # type: ignore[attr-defined]
    assert isinstance(record.user, str)  # type: ignore[attr-defined]


def test_attributes_a_filter_sets_later_are_redacted(keep: Keep) -> None:
    """A logging.Filter that adds attributes, rewrites msg or sets exc_text after creation cannot add raw PHI."""

    class Enrich(logging.Filter):
        def filter(self, record: logging.LogRecord) -> bool:
            record.user_email = "jane@ex.org"
            record.msg = f"{record.msg} for ssn 219-09-9999"
            record.exc_text = "Traceback: DOB 03/07/1984"
            return True

    install_record_redaction()
    logger = logging.getLogger("clinic.intake.forms")
    enrich = Enrich()
    logger.addFilter(enrich)
    try:
        logger.info("visit")
    finally:
        logger.removeFilter(enrich)
    record = keep.records[0]
    assert record.user_email == "[REDACTED:EMAIL]"  # type: ignore[attr-defined]
    assert record.getMessage() == "visit for ssn [REDACTED:SSN]"
    assert record.exc_text == "Traceback: DOB [REDACTED:DOB]"


def test_make_log_record_message_and_bytes_extras(keep: Keep) -> None:
    """makeLogRecord's msg and args are redacted as they are filled; bytes become redacted text; PHI in a field
    name is redacted in the name."""
    install_record_redaction()
    record = logging.makeLogRecord(
        {"name": "clinic.intake.forms", "msg": "ssn %s", "args": ("219-09-9999",), "body": b"email jane@ex.org"}
    )
    record.__dict__["jane@ex.org"] = "sent"
    assert record.getMessage() == "ssn [REDACTED:SSN]" and record.body == "email [REDACTED:EMAIL]"  # type: ignore[attr-defined]
    assert "jane@ex.org" not in record.__dict__ and record.__dict__["[REDACTED:EMAIL]"] == "sent"


def test_logger_names_are_redacted(keep: Keep) -> None:
    """A logger named after a patient does not carry the PHI into the record."""
    install_record_redaction()
    named = logging.getLogger("clinic.intake.forms.jane@ex.org")
    named.info("visit")
    assert "jane@ex.org" not in keep.records[0].name and "[REDACTED:EMAIL]" in keep.records[0].name


SSN_TEXT, EMAIL, SSN_DIGITS, MRN, DOB_TEXT = "ssn 219-09-9999", "jane@ex.org", "219099999", "00482913", "DOB 03/07/1984"
"""Planted values held in names, so that the source lines a traceback shows do not hold them."""


def _raise_group() -> None:
    raise ExceptionGroup("batch", [ValueError(SSN_TEXT), KeyError(EMAIL)])  # noqa: F821


@pytest.mark.skipif(sys.version_info < (3, 11), reason="exception groups from Python 3.11 on")
def test_exception_group_members_are_redacted(keep: Keep) -> None:
    """Every member of an exception group reaches handlers redacted; the group keeps its type."""
    install_record_redaction()
    try:
        _raise_group()
    except Exception:
        logging.getLogger("clinic.intake.forms").exception("batch failed")
    group = keep.records[0].exc_info[1]  # type: ignore[index]
    assert type(group).__name__ == "ExceptionGroup"
    shown = "".join(traceback.format_exception(group))
    assert "219-09-9999" not in shown and "jane@ex.org" not in shown and "[REDACTED:SSN]" in shown


def test_long_chains_are_redacted_to_the_end_or_cut() -> None:
    """Causes past the 8th are redacted; a chain longer than the limit is cut with a stand-in; loops end."""
    from hipaalog.redaction._records import _redacted_exception

    redactor = Redactor()
    error: BaseException = ValueError("ssn 219-09-9999")
    for step in range(12):
        wrapped = RuntimeError(f"step {step}")
        wrapped.__cause__ = error
        error = wrapped
    shown = "".join(traceback.format_exception(_redacted_exception(error, redactor)))
    assert "219-09-9999" not in shown and "[REDACTED:SSN]" in shown
    for step in range(30):
        wrapped = RuntimeError(f"more {step}")
        wrapped.__context__ = error
        error = wrapped
    shown = "".join(traceback.format_exception(_redacted_exception(error, redactor)))
    assert "219-09-9999" not in shown and "further causes left out" in shown
    loop_a, loop_b = ValueError("a jane@ex.org"), ValueError("b")
    loop_a.__context__, loop_b.__context__ = loop_b, loop_a
    assert "jane@ex.org" not in repr(_redacted_exception(loop_a, redactor).__context__.__context__)  # type: ignore[union-attr]


def test_structured_exception_details_are_redacted(keep: Keep) -> None:
    """OSError file names, a KeyError's identifier, UnicodeDecodeError bytes, a command and its output, attributes
    and pydantic's validation inputs never reach a handler raw."""
    import pydantic

    class Form(pydantic.BaseModel):
        dob: str = pydantic.Field(pattern=r"^\d{4}-\d{2}-\d{2}$")

    def failing() -> list[Any]:
        keyed: dict[str, int] = {}
        attribute = LookupError("not found")
        attribute.ssn = "219-09-9999"  # type: ignore[attr-defined]
        return [
            lambda: open(f"/nope/{SSN_TEXT[4:]}_front.jpg"),
            lambda: keyed[MRN],
            lambda: (SSN_TEXT + " \xff").encode("latin-1").decode(),
            lambda: (_ for _ in ()).throw(
                subprocess.CalledProcessError(1, ["lookup", "--ssn", SSN_DIGITS], output=DOB_TEXT.encode())
            ),
            lambda: (_ for _ in ()).throw(attribute),
            lambda: Form(dob=DOB_TEXT[4:]),
        ]

    install_record_redaction()
    for call in failing():
        try:
            call()
        except Exception:
            logging.getLogger("clinic.intake.forms").exception("failed")
    for record in keep.records:
        exc = record.exc_info[1]  # type: ignore[index]
        seen = f"{exc} {exc.args!r} {vars(exc)!r} {getattr(exc, 'filename', '')} {getattr(exc, 'object', '')!r}"
        seen += f" {getattr(exc, 'cmd', '')} {getattr(exc, 'output', '')!r} {record.exc_text}"
        for raw in ("219-09-9999", "219099999", "00482913", "03/07/1984"):
            assert raw not in seen, (type(exc), seen)
    assert type(keep.records[0].exc_info[1]) is FileNotFoundError  # type: ignore[index]
    assert str(keep.records[1].exc_info[1]) == "'[REDACTED:ID]'"  # type: ignore[index]


def test_redacted_records_copy_and_pickle(keep: Keep) -> None:
    """copy.copy (uvicorn) and pickle (multiprocessing queues) of a redacted record keep its redacted values."""
    import copy
    import pickle

    install_record_redaction()
    logging.getLogger("clinic.intake.forms").info("ssn %s", "219-09-9999", extra={"contact": "jane@ex.org"})
    record = keep.records[0]
    for twin in (copy.copy(record), pickle.loads(pickle.dumps(record))):
        assert twin.getMessage() == "ssn [REDACTED:SSN]" and twin.contact == "[REDACTED:EMAIL]"  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("msg", "args", "message"),
    [
        ("%*d items", (5, 3), "    3 items"),
        ("ssn %s", "219-09-9999", "ssn [REDACTED:SSN]"),
        ("mail %a", ("jane@ex.org",), "mail '[REDACTED:EMAIL]'"),
        ("%(who)r wrote", {"who": "jane@ex.org"}, "'[REDACTED:EMAIL]' wrote"),
        ("card %d", (4111111111111111,), "card [REDACTED:CARD]"),
        ("ssn 219-09-9999 for %s %s", ("only-one",), "ssn [REDACTED:SSN] for %s %s"),
        ("%(a)s and %s", {"a": "x"}, "%(a)s and %s"),
    ],
    ids=["star-width", "bare-argument", "ascii", "mapping-repr", "card-as-number", "too-few", "mixed"],
)
def test_clean_message_edge_cases(msg: str, args: Any, message: str) -> None:
    """Odd templates and arguments still give a working template whose message is redacted (same shape of args)."""
    from hipaalog.redaction._records import clean_message

    clean_msg, clean_args = clean_message(msg, args, Redactor())
    record = logging.LogRecord("x", logging.INFO, __file__, 1, clean_msg, None, None)
    record.args = clean_args
    assert record.getMessage() == message
    assert type(clean_args) is type(args)


def test_values_made_plain() -> None:
    """Record values that redaction leaves as objects become redacted JSON-like values; loggers stay."""
    import enum

    from hipaalog.redaction._records import _field, _plain

    redactor = Redactor()

    class Kind(enum.Enum):
        MAIL = "jane@ex.org"

    class Text(str):
        pass

    class Count(int):
        pass

    class FinishedLine(bytes):  # a caller's look-alike of hipaalog's type: only the real one is kept as it is
        pass

    from hipaalog._finished import FinishedLine as RealFinishedLine

    sealed = RealFinishedLine(b'{"seq":1}')
    assert _plain(b"ssn 219-09-9999", redactor) == "ssn [REDACTED:SSN]"
    assert _plain(memoryview(b"jane@ex.org"), redactor) == "[REDACTED:EMAIL]"
    assert _plain(sealed, redactor) is sealed
    assert _plain(FinishedLine(b"ssn 219-09-9999"), redactor) == "ssn [REDACTED:SSN]"
    assert _plain(Kind.MAIL, redactor) == "[REDACTED:EMAIL]"
    assert _plain(Text("ssn 219-09-9999"), redactor) == "ssn [REDACTED:SSN]"
    assert _plain(Count(5), redactor) == 5
    assert _plain(object(), redactor).startswith("<object object")
    logger = logging.getLogger("clinic.intake.forms")
    assert _field(redactor, "_logger", logger) is logger


class _Broken:
    """A stand-in redactor whose every method raises (hipaalog's never does): the record fails closed."""

    def __getattr__(self, name: str) -> Any:
        raise RuntimeError(name)


def test_a_record_that_cannot_be_redacted_fails_closed() -> None:
    """When redaction itself fails, the record keeps no caller content and the failure is counted."""
    from hipaalog import _diagnostics

    record = logging.LogRecord("x", logging.INFO, __file__, 1, "ssn %s", ("219-09-9999",), None)
    record.__dict__["contact"] = "jane@ex.org"
    redact_record(record, _Broken())  # type: ignore[arg-type]
    assert record.msg == "[REDACTED:UNINSPECTED]" and record.args is None
    assert record.__dict__["contact"] == "[REDACTED:UNINSPECTED]"
    assert _diagnostics.counts().get("record-redaction-failed", 0) >= 1


@pytest.mark.skipif(sys.version_info < (3, 11), reason="exception groups from Python 3.11 on")
def test_group_subclasses_with_other_constructors() -> None:
    """A group subclass whose constructor differs is replaced by a plain group of the redacted members."""
    from hipaalog.redaction._records import _redacted_exception

    base: Any = ExceptionGroup  # noqa: F821

    class Batch(base):  # type: ignore[misc,valid-type]
        def __new__(cls, errors: list[Exception]) -> Any:
            return super().__new__(cls, "batch", errors)

        def __init__(self, errors: list[Exception]) -> None:
            super().__init__("batch", errors)

    clean = _redacted_exception(Batch([ValueError(SSN_TEXT)]), Redactor())
    assert "219-09-9999" not in "".join(traceback.format_exception(clean))


def test_exceptions_handed_as_values(keep: Keep) -> None:
    """An exception passed in extra= is shown as its type and structure-aware message, redacted."""
    install_record_redaction()
    logging.getLogger("clinic.intake.forms").warning(
        "failed", extra={"cause": KeyError(MRN), "note": ValueError(EMAIL)}
    )
    record = keep.records[0]
    assert record.cause == "KeyError: '[REDACTED:ID]'"  # type: ignore[attr-defined]
    assert record.note == "ValueError: [REDACTED:EMAIL]"  # type: ignore[attr-defined]


def test_container_arguments_keep_their_python_shape(keep: Keep) -> None:
    """``%r`` of a tuple, named tuple or set reads as before: only the identifiers inside change."""
    import collections

    Row = collections.namedtuple("Row", "id ssn")
    install_record_redaction()
    logger = logging.getLogger("clinic.intake.forms")
    logger.info("params=%r", ("SELECT", 1))
    logger.info("row=%r tags=%r", Row(7, "219-09-9999"), {"a"})
    assert [r.getMessage() for r in keep.records] == [
        "params=('SELECT', 1)",
        "row=Row(id=7, ssn='[REDACTED:SSN]') tags={'a'}",
    ]


def test_record_like_arguments_print_in_their_own_shape(keep: Keep) -> None:
    """A dataclass, attrs class, pydantic model, path or enum prints as the stdlib would print it when it holds
    nothing to mask (it was printed as the mapping of its fields: a benign line changed), and with only its
    identifiers masked when it does; a class's own ``__repr__`` is not trusted with a field the walk masked."""
    import dataclasses
    import datetime
    import enum
    import pathlib

    import attrs
    import pydantic

    @dataclasses.dataclass
    class Item:
        sku: str
        count: int

    @dataclasses.dataclass
    class Order:
        order_id: str
        placed: datetime.datetime
        price: decimal.Decimal
        first: Item
        secret: str = dataclasses.field(default="x", repr=False)

    @dataclasses.dataclass
    class Visit:
        patient: str
        ssn: str
        born: datetime.date

    @dataclasses.dataclass
    class Opaque:
        ssn: str

        def __repr__(self) -> str:
            return f"<Opaque {self.ssn}>"

    @attrs.define
    class Parcel:
        carrier: str
        kilos: float

    class Code(pydantic.BaseModel):
        system: str
        value: int

    class Ward(enum.Enum):
        EAST = "4B"

    order = Order("ORD-20931", datetime.datetime(2026, 1, 2, 3, 4, 5), decimal.Decimal("12.50"), Item("SKU-7", 2))
    benign = (order, Parcel("UPS", 2.5), Code(system="loinc", value=4), Ward.EAST, pathlib.PurePosixPath("/var/x"))
    install_record_redaction()
    logger = logging.getLogger("clinic.intake.forms")
    for value in benign:
        logger.info("%s | %r | %a", value, value, value)
    logger.info("%r", Visit("Marguerite Okonkwo-Lindqvist", "219099999", datetime.date(1961, 3, 4)))
    logger.info("%r", Opaque("219099999"))
    messages = [r.getMessage() for r in keep.records]
    assert messages[: len(benign)] == [f"{v} | {v!r} | {v!a}" for v in benign]
    assert messages[len(benign)].endswith(
        ".<locals>.Visit(patient='[REDACTED:NAME]', ssn='[REDACTED:SSN]', born='[REDACTED:DOB]')"
    )
    assert "219099999" not in messages[-1]


class _Unreadable:
    def __getattribute__(self, name: str) -> Any:
        raise RuntimeError(name)


def test_an_argument_logging_itself_cannot_read_makes_a_masked_record_not_a_raise(keep: Keep) -> None:
    """``LogRecord`` reads a lone argument (``isinstance(args[0], Mapping)``), so an object whose attributes raise
    makes the stdlib's own constructor raise into the log call; the factory makes the record without it."""
    install_record_redaction()
    logger = logging.getLogger("clinic.intake.forms")
    logger.info("visit %s for 219-09-9999", _Unreadable())
    assert keep.records[0].getMessage() == "visit %s for [REDACTED:SSN] [REDACTED:UNINSPECTED]"
    from hipaalog import _diagnostics

    assert _diagnostics.counts()["record-arguments-unread"] >= 1


def test_bytes_arguments_print_as_bytes(keep: Keep) -> None:
    """``%r`` of bytes stays a bytes repr, clean or with its identifiers masked (an MLLP frame, say)."""
    install_record_redaction()
    logger = logging.getLogger("clinic.intake.forms")
    logger.info("recv %r", b"\x0bMSH|^~\\&|LAB|HOSP\r\x1c\r")
    logger.info("recv %r", b"ssn 219-09-9999")
    assert [r.getMessage() for r in keep.records] == [
        "recv b'\\x0bMSH|^~\\\\&|LAB|HOSP\\r\\x1c\\r'",
        "recv b'ssn [REDACTED:SSN]'",
    ]


def test_a_sealed_audit_line_survives_record_redaction() -> None:
    """A record carrying the audit stream's sealed line keeps it byte for byte through a redacting filter."""
    from hipaalog._finished import FinishedLine

    record = logging.LogRecord("hipaalog.audit", logging.INFO, "", 0, "audit", None, None)
    sealed = FinishedLine(b'{"message":"audit","seq":1}')
    record.hipaalog_line = sealed
    RedactingFilter().filter(record)
    assert record.hipaalog_line is sealed  # type: ignore[attr-defined]


@pytest.mark.parametrize("key", ["H5811942", "ZX9931002", "PT-456997", "H37991363Z", "2190999990"])
def test_a_missing_key_shaped_as_an_identifier_is_masked(keep: Keep, key: str) -> None:
    """``patients[mrn]`` raising ``KeyError('H5811942')``: a short letter prefix and 6 or more digits is an id."""
    install_record_redaction()
    log = logging.getLogger("clinic.intake.forms")
    try:
        {}[key]
    except KeyError as error:
        log.exception("lookup failed: %s", error)
    record = keep.records[0]
    assert key not in record.getMessage() and key not in str(record.exc_info[1])  # type: ignore[index]


@pytest.mark.parametrize("key", ["user_12", "v2", "ENV12345", "sha256", "AB12345"])
def test_a_missing_key_shaped_as_code_stays(keep: Keep, key: str) -> None:
    install_record_redaction()
    try:
        {}[key]
    except KeyError as error:
        logging.getLogger("clinic.intake.forms").error("lookup failed: %s", error)
    assert keep.records[0].getMessage() == f"lookup failed: '{key}'"
