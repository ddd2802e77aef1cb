"""A SQL statement and its parameters logged as two records of one logger (SQLAlchemy's ``echo``)."""

from __future__ import annotations

import json
import logging
import threading
from typing import Any

import pytest

from hipaalog import JsonFormatter
from hipaalog.redaction import Redactor
from hipaalog.redaction._echo import StatementMemory, parameters_start

ENGINE = "sqlalchemy.engine.Engine"
ROW = ("Odalys Quist", "Mengerzeile 660", "San Modesto los bajos", "10863", "555-201-3344")
SECRETS = ("Odalys", "Quist", "Mengerzeile", "San Modesto", "10863", "555-201-3344")


def _formatter() -> JsonFormatter:
    return JsonFormatter(app_id="clinic", platform="test", microservice="echo")


def _record(msg: str, args: Any = None, name: str = ENGINE, thread: int | None = None) -> logging.LogRecord:
    record = logging.LogRecord(name, logging.INFO, __file__, 1, msg, args, None)
    if thread is not None:
        record.thread = thread
    return record


def _messages(records: list[logging.LogRecord]) -> list[str]:
    formatter = _formatter()
    return [json.loads(formatter.format(record))["message"] for record in records]


def _params(tag: str, params: object) -> logging.LogRecord:
    return _record("[%s] %r", (tag, params))


@pytest.mark.parametrize(
    ("statement", "params"),
    [
        (
            "INSERT INTO patient (name, street, city, zip, phone) VALUES (?, ?, ?, ?, ?)",
            _params("generated in 0.0002s", ROW),
        ),
        (
            "INSERT INTO patient (name, street, city, zip, phone) VALUES (:name, :street, :city, :zip, :phone)",
            _params("cached since 12.5s ago", dict(zip(("name", "street", "city", "zip", "phone"), ROW, strict=True))),
        ),
        (
            "INSERT INTO patient (name, street, city, zip, phone) VALUES "
            "(%(name)s, %(street)s, %(city)s, %(zip)s, %(phone)s)",
            _params("no key 0.0003s", dict(zip(("name", "street", "city", "zip", "phone"), ROW, strict=True))),
        ),
        (
            "INSERT INTO patient (name, street, city, zip, phone) VALUES "
            "($1::VARCHAR, $2::VARCHAR, $3::VARCHAR, $4::VARCHAR, $5::VARCHAR)",
            _params("generated in 0.0002s", ROW),
        ),
        (
            "UPDATE patient SET name=?, street=?, city=?, zip=?, phone=? WHERE patient.id = ?",
            _params("generated in 0.0004s", (*ROW, 7)),
        ),
        (
            "SELECT patient.id \nFROM patient \nWHERE patient.name = %(name_1)s AND patient.street = %(street_1)s "
            "AND patient.city = %(city_1)s AND patient.zip = %(zip_1)s AND patient.phone = %(phone_1)s",
            _params(
                "cached since 3.1s ago",
                dict(zip(("name_1", "street_1", "city_1", "zip_1", "phone_1"), ROW, strict=True)),
            ),
        ),
        (
            "SELECT patient.id \nFROM patient \nWHERE patient.name = ? AND patient.street = ? "
            "AND patient.city = ? AND patient.zip = ? AND patient.phone = ?",
            _params("cached since 3.1s ago", ROW),
        ),
        (
            "INSERT INTO patient (name, street, city, zip, phone) VALUES (?, ?, ?, ?, ?)",
            _record("%r", ([ROW, ("Milo Bexley", "Kirkeveien 3", "Lillehavn", "10864", "555-201-3345")],)),
        ),
        (
            "INSERT INTO patient (name, street, city, zip, phone) VALUES (?, ?, ?, ?, ?), (?, ?, ?, ?, ?)",
            _params(
                "generated in 0.0002s (insertmanyvalues) 1/1 (unordered)",
                (*ROW, "Milo Bexley", "Kirkeveien 3", "Lillehavn", "10864", "555-201-3345"),
            ),
        ),
    ],
)
def test_parameters_are_typed_by_the_statement_before_them(statement: str, params: logging.LogRecord) -> None:
    messages = _messages([_record(statement), params])
    assert messages[0] == statement
    prefix = params.getMessage()[:14].partition("'")[0]
    assert messages[1].startswith(prefix)
    for secret in (*SECRETS, "Kirkeveien", "Lillehavn") if "Milo" in params.getMessage() else SECRETS:
        assert secret not in messages[1], (secret, messages[1])


def test_a_record_in_between_forgets_the_statement() -> None:
    statement = _record("INSERT INTO patient (name, city) VALUES (?, ?)")
    params = ("Deploy Runner", "Springfield")
    messages = _messages([statement, _record("COMMIT"), _params("generated in 0.0002s", params)])
    assert "'Deploy Runner', 'Springfield'" in messages[2]


def test_other_loggers_and_threads_neither_use_nor_clear_the_statement() -> None:
    formatter = _formatter()
    statement = "INSERT INTO patient (name, city) VALUES (?, ?)"
    benign = "[generated in 0.1s] ('Deploy Runner', 'Springfield')"
    lines = [
        formatter.format(_record(statement, thread=1)),
        formatter.format(_record(benign, name="app.worker", thread=1)),
        formatter.format(_record(benign, thread=2)),
        formatter.format(_record("[generated in 0.1s] ('Odalys Quist', 'San Modesto los bajos')", thread=1)),
    ]
    messages = [json.loads(line)["message"] for line in lines]
    assert "'Deploy Runner', 'Springfield'" in messages[1]
    assert "'Deploy Runner', 'Springfield'" in messages[2]
    assert "Quist" not in messages[3]
    assert "San Modesto" not in messages[3]


@pytest.mark.parametrize(
    ("statement", "params"),
    [
        ("INSERT INTO vendor (name, street, city) VALUES (?, ?, ?)", ("Acme Supply", "Mengerzeile 660", "Springfield")),
        ("INSERT INTO stores (name, city) VALUES (:name, :city)", ("Northside", "Springfield")),
        ("SELECT config.value FROM config WHERE config.name = ?", ("cache.ttl",)),
        ("INSERT INTO service (name, region) VALUES (?, ?)", ("billing-api", "us-east-1")),
        ("SELECT job.id FROM job WHERE job.queue = ? AND job.state = ?", ("reports", "PENDING")),
    ],
)
def test_parameters_of_other_tables_stay(statement: str, params: object) -> None:
    messages = _messages([_record(statement), _params("generated in 0.0002s", params)])
    assert messages == [statement, f"[generated in 0.0002s] {params!r}"]


def test_the_memory_is_bounded_and_thread_safe() -> None:
    memory = StatementMemory(Redactor()._tabular.parameter_kinds, cap=8)  # type: ignore[union-attr]
    statement = "INSERT INTO patient (name, city) VALUES (?, ?)"

    def log(worker: int) -> None:
        for index in range(200):
            memory.parameters_for((f"engine{index}", worker), statement)

    threads = [threading.Thread(target=log, args=(worker,)) for worker in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(memory) == 8
    memory.parameters_for(("engine", 9), statement)
    found = memory.parameters_for(("engine", 9), "[generated in 0.1s] ('Odalys Quist', 'Lillehavn')")
    assert found is not None
    assert found[1] == len("[generated in 0.1s] ")
    assert found[0][0] == ["NAME", "ADDRESS"]
    assert memory.parameters_for(("engine", 9), "[generated in 0.1s] ('Odalys Quist', 'Lillehavn')") == found
    memory.parameters_for(("engine", 9), "COMMIT")  # another record of the logger and thread: forgotten
    assert memory.parameters_for(("engine", 9), "[generated in 0.1s] ('Odalys Quist', 'Lillehavn')") is None


def test_where_parameters_start() -> None:
    assert parameters_start("[cached since 3.1s ago] ('a',)") == len("[cached since 3.1s ago] ")
    assert parameters_start("{'a': 1}") == 0
    assert parameters_start("[SQL parameters hidden due to hide_parameters=True]") == -1
    assert parameters_start("COMMIT") == -1


def test_two_formatters_sharing_one_redactor_both_type_the_parameters() -> None:
    """Two handlers (a file and stdout) format the same records with one redactor: each reads the statement."""
    redactor = Redactor()
    first, second = (
        JsonFormatter(app_id="clinic", platform="test", microservice="echo", redaction=redactor) for _ in range(2)
    )
    statement = _record("INSERT INTO patient (name, street, city, zip, phone) VALUES (?, ?, ?, ?, ?)")
    params = _params("generated in 0.0002s", ROW)
    for record in (statement, params):
        shown = [json.loads(formatter.format(record))["message"] for formatter in (first, second)]
    assert not [secret for secret in SECRETS for message in shown if secret in message]


def test_a_plain_handler_behind_the_record_factory_gets_the_parameters_typed() -> None:
    """Third-party handlers (OpenTelemetry's, a test's) see the records the factory redacted: typed there too."""
    from hipaalog.redaction import install_record_redaction, uninstall_record_redaction

    seen: list[str] = []

    class Keep(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            seen.append(record.getMessage())

    logger = logging.getLogger("sqlalchemy.engine.Engine.factory-test")
    handler = Keep()
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger.propagate = False
    install_record_redaction()
    try:
        logger.info("INSERT INTO patient (name, street, city, zip, phone) VALUES (?, ?, ?, ?, ?)")
        logger.info("[%s] %r", "generated in 0.0002s", ROW)
        logger.info("COMMIT")
        logger.info("[%s] %r", "generated in 0.0002s", ("Mengerzeile 660",))
    finally:
        uninstall_record_redaction()
        logger.removeHandler(handler)
    assert not [secret for secret in SECRETS for message in seen[:2] if secret in message]
    assert seen[3] == "[generated in 0.0002s] ('Mengerzeile 660',)"  # after COMMIT the statement is forgotten
