"""No handler sees PHI: the record factory and the filter clean the LogRecord itself."""

from __future__ import annotations

import logging
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
    uninstall_record_redaction,
)


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
    """A filter built from a policy mapping applies it; a record already redacted is not redacted again."""
    flt = RedactingFilter({"strategies": {"SSN": "partial"}})
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "SSN %s", ("123-45-6789",), None)
    assert flt.filter(record) and record.getMessage() == "SSN ***-**-6789"
    record.msg = "SSN 987-65-4321"
    assert flt.filter(record) and record.getMessage() == "SSN 987-65-4321", "marked records are left alone"


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
    assert type(exc) is FileNotFoundError and exc.filename == "/exports/Jane Doe [REDACTED:SSN].pdf"
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
