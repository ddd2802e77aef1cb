"""A person's values in SQL procedure calls and casts: ``EXEC`` without brackets, ``CALL``, typed literals
(``DATE '...'``, ``N'...'``), named parameters (``@last = ...``, ``p_last => ...``) and short aliases of a
CTE (``'Roe'::text AS ln`` beside ``AS dob``); a system's own procedures and casts stay."""

from __future__ import annotations

import pytest

from hipaalog.redaction import redact_text


@pytest.mark.parametrize(
    ("text", "secrets"),
    [
        ("EXEC usp_find_patient 'Roe', 'Jane', '1950-02-03'", ["Roe", "Jane", "1950-02-03"]),
        ("EXEC usp_find_patient 'van der Horst', 'Willem', '2010-10-07'", ["Horst", "Willem", "2010-10-07"]),
        ("EXEC usp_find_patient 'Rodríguez', 'Enrique', '2020-09-30'", ["Rodr", "Enrique", "2020-09-30"]),
        ("CALL find_patient('Martins', 'Gael', DATE '2003-04-01')", ["Martins", "Gael", "2003-04-01"]),
        ("SELECT * FROM fn_patient('Winters', 'Anouk')", ["Winters", "Anouk"]),
        (
            "EXEC dbo.GetMember @lastName = 'Quillby', @firstName = N'Jane', @dob = '1950-02-03'",
            ["Quillby", "Jane", "1950-02-03"],
        ),
        (
            "find_member(p_last_name => 'de Bont', p_first_name => 'Yasmine', p_dob => DATE '1970-07-20')",
            ["Bont", "Yasmine", "1970-07-20"],
        ),
        (
            "WITH p AS (SELECT 'Brennan'::text AS ln, 'Bruce'::varchar AS fn, DATE '2003-04-29' AS dob) "
            "SELECT * FROM patients JOIN p USING (ln)",
            ["Brennan", "Bruce", "2003-04-29"],
        ),
    ],
)
def test_person_values_in_procedures_and_casts_are_masked(text: str, secrets: list[str]) -> None:
    out = redact_text(text)
    for secret in secrets:
        assert secret not in out, out


@pytest.mark.parametrize(
    "text",
    [
        "EXEC sp_who2",
        "EXEC sp_helpindex 'dbo.orders'",
        "EXEC sp_configure 'max degree of parallelism', 4",
        "EXEC msdb.dbo.sp_start_job @job_name = N'nightly_backup'",
        "EXEC dbo.usp_rebuild_indexes @fill = 90",
        "CALL refresh_materialized('daily_sales', '2024-05-01')",
        "WITH cfg AS (SELECT 'eu-west-1'::text AS region, 4 AS shards) SELECT * FROM cfg",
        "SELECT current_setting('work_mem')::text, '30'::int AS retries",
        "calling remind_patient('Weekly', 30)",
        "EXEC usp_notify_member 'Pending', 'Daily'",
    ],
)
def test_system_procedures_and_casts_stay(text: str) -> None:
    assert redact_text(text) == text
