"""The hipaalog_caplog fixture, run for real in inner pytest sessions (pytester)."""

from __future__ import annotations

import logging

import pytest

pytest_plugins = ["pytester"]

IDENTITY = "app_id='claims', platform='vm', microservice='claims-api'"
IDENTITY_KEYS = "'app_id': 'claims', 'platform': 'vm', 'microservice': 'claims-api'"


def _run(pytester: pytest.Pytester, source: str, *args: str) -> pytest.RunResult:
    pytester.makepyfile(test_inner=source)
    # Peer plugins are left out: they cost time (hypothesis ~1 s per run) and warn without an ini file.
    quiet = ("-p", "no:cacheprovider", "-p", "no:asyncio", "-p", "no:faker", "-p", "no:hypothesispytest")
    return pytester.runpytest(*quiet, "--strict-markers", *args)


def test_captures_unconfigured_stdlib_logging_as_parsed_records(pytester: pytest.Pytester) -> None:
    """With nothing configured, stdlib records are captured as full hipaalog records (parsed dicts)."""
    result = _run(
        pytester,
        """
        import logging

        def test_it(hipaalog_caplog):
            hipaalog_caplog.set_level("info")
            logging.getLogger("claims.api").info("claim %s received", "c-1", extra={"amount": 12.5})
            (record,) = hipaalog_caplog.records
            assert record["message"] == "claim c-1 received"
            assert record["level"] == "info" and record["severity"] == 6
            assert record["logger"] == "claims.api" and record["amount"] == 12.5
            assert {"timestamp", "appId", "platform", "microservice"} <= set(record)
            assert hipaalog_caplog.messages == ["claim c-1 received"]
            assert hipaalog_caplog.lines[0].startswith(b'{"timestamp":')
        """,
    )
    result.assert_outcomes(passed=1)


def test_keeps_capturing_across_dictconfig_and_configure_without_duplicates(pytester: pytest.Pytester) -> None:
    """Capture survives the code under test calling dictConfig (any handlers) and configure(), one record per call."""
    result = _run(
        pytester,
        f"""
        import io, logging, logging.config
        import hipaalog

        log = logging.getLogger("claims.api")

        def test_it(hipaalog_caplog, tmp_path):
            log.warning("before any configuration")
            logging.config.dictConfig({{
                "version": 1,
                "disable_existing_loggers": False,
                "handlers": {{"text": {{"class": "logging.StreamHandler", "stream": "ext://sys.stderr"}}}},
                "root": {{"level": "INFO", "handlers": ["text"]}},
            }})
            log.info("after a plain-text dictConfig")
            json_formatter = {{"()": "hipaalog.JsonFormatter", {IDENTITY_KEYS}}}
            sink_handler = {{"class": "hipaalog.SinkHandler", "sinks": [str(tmp_path / "a")], "formatter": "json"}}
            logging.config.dictConfig({{
                "version": 1,
                "disable_existing_loggers": False,
                "formatters": {{"json": json_formatter}},
                "handlers": {{"out": sink_handler}},
                "root": {{"level": "INFO", "handlers": ["out"]}},
            }})
            log.info("after a hipaalog dictConfig")
            hipaalog.configure({IDENTITY}, sinks=["file://" + str(tmp_path / "b.jsonl")])
            log.info("after configure")
            assert hipaalog_caplog.messages == [
                "before any configuration",
                "after a plain-text dictConfig",
                "after a hipaalog dictConfig",
                "after configure",
            ]
            assert hipaalog_caplog.records[-1]["microservice"] == "claims-api"
        """,
    )
    result.assert_outcomes(passed=1)


def test_assert_logged_failure_shows_a_diff_against_the_nearest_record(pytester: pytest.Pytester) -> None:
    """A failed assert_logged names the criteria and lines up expected and actual values of the nearest record."""
    result = _run(
        pytester,
        """
        import logging

        def test_it(hipaalog_caplog):
            log = logging.getLogger("claims.api")
            log.error("payer timeout", extra={"payer": "acme", "attempt": 1})
            log.warning("claim slow", extra={"claim_id": "c-1", "duration_ms": 80})
            hipaalog_caplog.assert_logged(level="warning", message="claim slow", claim_id="c-2", duration_ms=80)
        """,
    )
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(
        [
            "*no record matched level='warning', message='claim slow', claim_id='c-2', duration_ms=80",
            "*2 record(s) captured; nearest is #1 (3/4 matched):",
            "*level        ok",
            "*claim_id     expected 'c-2', got 'c-1'",
            "*duration_ms  ok",
            '*nearest record: {"timestamp":*"claim_id":"c-1"*',
        ]
    )


def test_assert_logged_when_nothing_was_captured(pytester: pytest.Pytester) -> None:
    """assert_logged on an empty capture says that nothing was captured."""
    result = _run(
        pytester,
        """
        def test_it(hipaalog_caplog):
            hipaalog_caplog.assert_logged(message="anything")
        """,
    )
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*no record matched message='anything'", "*nothing was captured"])


def test_assert_not_logged_lists_the_offending_records(pytester: pytest.Pytester) -> None:
    """assert_not_logged fails with the matching records; with no match it passes."""
    result = _run(
        pytester,
        """
        import logging, re

        def test_passes(hipaalog_caplog):
            logging.getLogger("x").warning("fine")
            hipaalog_caplog.assert_not_logged(level="error")

        def test_fails(hipaalog_caplog):
            logging.getLogger("x").error("card declined for claim c-1")
            hipaalog_caplog.assert_not_logged(message=re.compile("declined"))
        """,
    )
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines(["*1 record(s) matched message=re.compile('declined'):", '*#0: {*"card declined*'])


def test_find_matches_regex_predicate_nested_and_subset(pytester: pytest.Pytester) -> None:
    """find() matches by equality, compiled regex, predicate, dotted or __ paths and dict subsets."""
    result = _run(
        pytester,
        """
        import logging, re

        def test_it(hipaalog_caplog):
            log = logging.getLogger("claims")
            log.warning("slow", extra={"duration_ms": 80, "payer": {"id": "p-1", "tier": "gold"}})
            log.warning("fast", extra={"duration_ms": 3, "payer": {"id": "p-2", "tier": "gold"}})
            try:
                raise ValueError("bad")
            except ValueError:
                log.exception("failed")
            find = hipaalog_caplog.find
            assert [r["message"] for r in find(duration_ms=lambda v: v > 50)] == ["slow"]
            assert [r["message"] for r in find(message=re.compile("^f"))] == ["fast", "failed"]
            assert [r["message"] for r in find(payer={"tier": "gold"})] == ["slow", "fast"]
            assert [r["message"] for r in find(**{"payer.id": "p-2"})] == ["fast"]
            assert [r["message"] for r in find(error__type="ValueError")] == ["failed"]
            assert [r["message"] for r in find(level=logging.ERROR)] == ["failed"]
            assert find(missing_field=None) == []
            assert len(find()) == 3
            hipaalog_caplog.clear()
            assert hipaalog_caplog.records == []
        """,
    )
    result.assert_outcomes(passed=1)


def test_schema_violations_fail_the_test_unless_marked(pytester: pytest.Pytester) -> None:
    """A declared-type violation fails the test (field and types shown, value not); the marker relaxes it."""
    result = _run(
        pytester,
        f"""
        import logging
        import pytest
        import hipaalog

        def emit(tmp_path):
            fields = {{"member_ssn_last4": "integer"}}
            hipaalog.configure({IDENTITY}, fields=fields, sinks=[str(tmp_path / "x")])
            logging.getLogger("claims").info("member", extra={{"member_ssn_last4": "SECRET-VALUE"}})

        def test_strict(hipaalog_caplog, tmp_path):
            emit(tmp_path)

        @pytest.mark.hipaalog_allow_violations
        def test_relaxed(hipaalog_caplog, tmp_path):
            emit(tmp_path)
            assert hipaalog_caplog.violations()[0][1]["field"] == "member_ssn_last4"

        def test_without_fixture(tmp_path):
            emit(tmp_path)
        """,
    )
    result.assert_outcomes(passed=2, failed=1)
    result.stdout.fnmatch_lines(
        [
            "*test_strict*",
            "*1 declared-type violation(s) in the records logged by this test*",
            "*record #0: field 'member_ssn_last4' expected integer, got string",
        ]
    )
    assert "SECRET-VALUE" not in result.stdout.str()


def test_captures_structlog_and_timed_paths(pytester: pytest.Pytester) -> None:
    """structlog's native path and hipaalog.timed are captured like stdlib records."""
    result = _run(
        pytester,
        f"""
        import io, logging
        import structlog
        import hipaalog
        from hipaalog.structlog import JsonRenderer

        def test_it(hipaalog_caplog):
            log = structlog.wrap_logger(structlog.BytesLogger(io.BytesIO()), processors=[JsonRenderer({IDENTITY})])
            log.info("from structlog", claim_id="c-1")
            with hipaalog.timed("db.select", threshold_ms=0):
                pass
            hipaalog_caplog.assert_logged(message="from structlog", claim_id="c-1", logger="root")
            hipaalog_caplog.assert_logged(level="warning", operation="db.select")
        """,
    )
    result.assert_outcomes(passed=1)


def test_capture_ends_with_the_test(pytester: pytest.Pytester) -> None:
    """After the test, logging is unpatched and the capture no longer grows."""
    result = _run(
        pytester,
        """
        import logging

        kept = []
        ORIGINAL = logging.Logger.callHandlers

        def test_first(hipaalog_caplog):
            assert logging.Logger.callHandlers is not ORIGINAL
            kept.append(hipaalog_caplog)
            logging.getLogger("x").warning("during")

        def test_second():
            assert logging.Logger.callHandlers is ORIGINAL
            logging.getLogger("x").warning("after")
            assert kept[0].messages == ["during"]
        """,
    )
    result.assert_outcomes(passed=2)


def test_set_level_is_restored_after_the_test(pytester: pytest.Pytester) -> None:
    """set_level changes a logger's level for the test only."""
    result = _run(
        pytester,
        """
        import logging

        def test_first(hipaalog_caplog):
            hipaalog_caplog.set_level("debug", logger="claims")
            logging.getLogger("claims").debug("visible")
            assert hipaalog_caplog.messages == ["visible"]

        def test_second():
            assert logging.getLogger("claims").level == logging.NOTSET
        """,
    )
    result.assert_outcomes(passed=2)


def test_capture_works_outside_pytest_and_sees_threads() -> None:
    """hipaalog.testing.capture() works as a plain context manager and sees records from other threads."""
    import threading

    from hipaalog.testing import capture

    original = logging.Logger.callHandlers
    with capture() as logs:
        worker = threading.Thread(target=logging.getLogger("worker").warning, args=("from a thread",))
        worker.start()
        worker.join()
        with capture() as inner:
            logging.getLogger("x").error("nested")
        assert logging.Logger.callHandlers is not original
    assert logging.Logger.callHandlers is original
    assert logs.messages == ["from a thread", "nested"]
    assert inner.messages == ["nested"]
    assert "2 record(s)" in repr(logs)


def test_captures_audit_events_once(pytester: pytest.Pytester) -> None:
    """Audit events are captured as sealed (pseudonymised) records, once, also when forwarded to logging."""
    result = _run(
        pytester,
        f"""
        import hipaalog.audit

        def test_it(hipaalog_caplog, tmp_path):
            hipaalog.audit.configure(
                tmp_path / "audit.jsonl", key="hex:" + "11" * 32, pseudonym_key="hex:" + "22" * 32,
                forward=["logging"], {IDENTITY},
            )
            try:
                assert hipaalog.audit.access("dr.lee", patient="MRN-0042", action="read",
                                             resource="Observation", outcome="success")
            finally:
                hipaalog.audit.close()
            (record,) = hipaalog_caplog.find(logger="hipaalog.audit")
            assert record["audit"]["event"] == "access" and record["audit"]["actor"] == "dr.lee"
            assert record["audit"]["patient"].startswith("PATIENT:") and "MRN-0042" not in str(record)
            assert record["seq"] == 1 and len(record["chain"]) == 64
        """,
    )
    result.assert_outcomes(passed=1)


def test_assert_no_phi_reports_kinds_and_places_never_values(pytester: pytest.Pytester) -> None:
    """With redaction switched off, assert_no_phi fails naming record, kind and place, and never prints the value."""
    result = _run(
        pytester,
        f"""
        import logging
        import hipaalog

        def test_it(hipaalog_caplog, tmp_path):
            hipaalog.configure({IDENTITY}, redaction=False, sinks=[str(tmp_path / "x")])
            log = logging.getLogger("claims")
            log.info("claim accepted", extra={{"claim_id": "CLM-1"}})
            ssn, email = "-".join(["219", "09", "9999"]), "jane.roe" + "@example.org"  # no literal in the traceback
            log.info("mailing " + email, extra={{"member_ssn": ssn}})
            hipaalog_caplog.assert_no_phi()
        """,
    )
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(
        [
            "*PHI found in 2 place(s) of the emitted records:",
            "*record #1 (logger 'claims', level 'info'): EMAIL at $.message chars 8-28",
            "*record #1 (logger 'claims', level 'info'): SSN at $.member_ssn",
        ]
    )
    assert "219-09-9999" not in result.stdout.str()
    assert "jane.roe@example.org" not in result.stdout.str()


def test_records_are_captured_after_redaction(pytester: pytest.Pytester) -> None:
    """With the default policy captured records hold masks, not the PHI the code logged; assert_no_phi passes."""
    result = _run(
        pytester,
        """
        import logging
        import hipaalog

        def test_it(hipaalog_caplog):
            hipaalog.bind(patient_email="jane.roe@example.org")
            logging.getLogger("claims").warning("call 415-555-0132", extra={"member_ssn": "219-09-9999"})
            (record,) = hipaalog_caplog.records
            assert "219-09-9999" not in str(record) and "555-0132" not in str(record)
            assert "jane.roe@example.org" not in str(record)
            assert record["member_ssn"].startswith("[REDACTED")
            hipaalog_caplog.assert_no_phi()
        """,
    )
    result.assert_outcomes(passed=1)


def test_configuration_made_in_one_test_does_not_carry_into_the_next(pytester: pytest.Pytester) -> None:
    """configure(redaction=False), a logger level, a bind() and a timing threshold end with the test that made them."""
    result = _run(
        pytester,
        f"""
        import logging
        import hipaalog
        from hipaalog.redaction import record_redaction_installed

        def test_first(hipaalog_caplog):
            hipaalog.configure({IDENTITY}, redaction=False, redact_records=False, loggers={{"payer": "error"}},
                               timing={{"db.*": 5}})
            hipaalog.bind(request_id="r-1")
            assert not record_redaction_installed()

        def test_second(hipaalog_caplog):
            root = logging.getLogger()
            assert not any(isinstance(h, hipaalog.SinkHandler) for h in root.handlers)
            assert logging.getLogger("payer").level == logging.NOTSET
            assert hipaalog.context.bound() == {{}}
            assert hipaalog.timing.thresholds() == {{}}
            hipaalog_caplog.set_level("info")
            logging.getLogger("claims").info("patient", extra={{"ssn": "219-09-9999"}})
            assert hipaalog_caplog.records[-1]["ssn"] == "[REDACTED:SSN]"
        """,
    )
    result.assert_outcomes(passed=2)


def test_records_of_handlers_the_test_added_are_written_while_it_is_captured(pytester: pytest.Pytester) -> None:
    """A stdout handler configured in a test is closed with it: its queued record lands in that test's output."""
    result = _run(
        pytester,
        f"""
        import logging
        import hipaalog

        def test_it(hipaalog_caplog):
            hipaalog.configure({IDENTITY}, sinks=["stdout"], handler_options={{"flush_interval": 30}})
            logging.getLogger("claims").warning("queued at the end of the test")
        """,
        "-rP",
    )
    result.assert_outcomes(passed=1)
    result.stdout.fnmatch_lines(["*Captured stdout teardown*", '*"message":"queued at the end of the test"*'])


def test_audit_stream_and_broken_handlers_of_a_test_end_with_it(pytester: pytest.Pytester) -> None:
    """An audit stream the test opened is closed after it; a handler that fails to close does not stop the rest."""
    result = _run(
        pytester,
        f"""
        import logging
        import hipaalog.audit

        class Stubborn(logging.Handler):
            def emit(self, record):
                pass
            def close(self):
                raise OSError("will not close")

        def test_first(hipaalog_caplog, tmp_path):
            hipaalog.audit.configure(
                tmp_path / "audit.jsonl", key="hex:" + "11" * 32, pseudonym_key="hex:" + "22" * 32, {IDENTITY},
            )
            logging.getLogger("claims").addHandler(Stubborn())
            logging.getLogger().addHandler(Stubborn())

        def test_second(hipaalog_caplog):
            assert hipaalog.audit.get_stream() is None
            assert logging.getLogger("claims").handlers == []
            assert not any(isinstance(h, Stubborn) for h in logging.getLogger().handlers)
        """,
    )
    result.assert_outcomes(passed=2)
