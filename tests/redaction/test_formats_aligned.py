"""Text tables aligned under a header: pandas reprs, tabulate output, database CLI results, reports."""

from __future__ import annotations

import pytest

from hipaalog.redaction import Redactor
from hipaalog.redaction._aligned_screen import aligned_table

REDACTOR = Redactor()

PANDAS_REPR = (
    "        mrn    zip           name         dob  visits\n"
    "0  A0048213  62704     Orrin Vale  1981-04-02       3\n"
    "1  B7730021  10013  Maya Sorensen  1975-11-30       4\n"
    "2       NaN   <NA>           None         NaT       1"
)
NO_INDEX = (
    "     mrn   zip          name        dob  visits\n"
    "A0048213 62704    Orrin Vale 1981-04-02       3\n"
    "B7730021 10013 Maya Sorensen 1975-11-30       4"
)
NARROW_NAMES = "medical_record_number zip_code\n             A0048213    62704\n             B7730021    10013"
ONE_ROW = "  medical_record_number zip_code        name  ward\n0              A0048213    62704  Orrin Vale    4B"
LEFT = "  mrn       zip   name         \n0 A0048213  62704 Orrin Vale   \n1 B7730021  10013 Maya Sorensen"
TRUNCATED = (
    "   patient_id  postal_code  ...        dept  score\n"
    "0   A0048213        62704  ...    oncology  70.16\n"
    "1   B7730021        10013  ...   radiology  46.39\n"
    "..       ...          ...  ...         ...    ...\n"
    "7   C5512090        94110  ...  cardiology  11.53\n"
    "\n"
    "[8 rows x 6 columns]"
)
WRAPPED = (
    "        mrn    zip  \\\n"
    "0  A0048213  62704   \n"
    "1  B7730021  10013   \n"
    "\n"
    "            name  visits  \n"
    "0     Orrin Vale       3  \n"
    "1  Maya Sorensen       4  "
)
MULTI_LEVEL = (
    "         patient             addr stay\n"
    "            name       mrn    zip  los\n"
    "0     Orrin Vale  A0048213  62704    3\n"
    "1  Maya Sorensen  B7730021  10013    4"
)
INDEX_NAMED = (
    "                   name    zip\n"
    "mrn                          \n"
    "A0048213    Orrin Vale  62704\n"
    "B7730021 Maya Sorensen  10013"
)
ONE_COLUMN = "    member_id\n0  W208238302\n1  W399764913"
ONE_COLUMN_NO_INDEX = "subscriber_id\n  W208238302\n  W399764913"
PSQL = (
    "   mrn    | first_name |  zip  | status\n"
    "----------+------------+-------+--------\n"
    " A0048213 | Orrin      | 62704 | active\n"
    "          |            |       |\n"
    " B7730021 | Maya       | 10013 | active\n"
    "(3 rows)"
)
MYSQL = (
    "+----------+-----------+-------+\n"
    "| mrn      | last_name | zip   |\n"
    "+----------+-----------+-------+\n"
    "| A0048213 | Vale      | 62704 |\n"
    "+----------+-----------+-------+\n"
    "1 row in set (0.00 sec)"
)
FANCY_GRID = (
    "╒════╤══════════╤═══════╤═══════════════╕\n"
    "│    │ mrn      │   zip │ name          │\n"
    "╞════╪══════════╪═══════╪═══════════════╡\n"
    "│  0 │ A0048213 │ 62704 │ Orrin Vale    │\n"
    "├────┼──────────┼───────┼───────────────┤\n"
    "│  1 │ B7730021 │ 10013 │ Maya Sorensen │\n"
    "╘════╧══════════╧═══════╧═══════════════╛"
)
RST = (
    "====  ==========  =====  ============\n"
    "  ..  LastName      ZIP  patient_id\n"
    "====  ==========  =====  ============\n"
    "   0  Vale        62704  A0048213\n"
    "====  ==========  =====  ============"
)
SQLITE_COLUMNS = (
    "mrn       zip    surname   visits\n"
    "--------  -----  --------  ------\n"
    "A0048213  62704  Vale      3\n"
    "B7730021  10013  Sorensen  4"
)
FIXED_REPORT = "ZIP_CODE PRIORITY MRN        PATIENT_NAME  COUNT\n62704    stat     A0048213   Vale, Orrin   123\n"
TABS = "mrn\t\tzip\t\tward\nA0048213\t62704\t\t4B\nB7730021\t10013\t\tICU"
TRANSPOSED = (
    "                 0              1\n"
    "mrn       A0048213       B7730021\n"
    "zip          62704          10013\n"
    "name     Orrin Vale  Maya Sorensen\n"
    "visits           3              4"
)
HEADERLESS = (
    "A0048213   Orrin Vale          1981-04-02  62704\n"
    "B7730021   Dr. Maya Sorensen   11/30/1975  10013\n"
    "C5512090   Quillon Abernathy   02.07.1969  94110"
)


@pytest.mark.parametrize(
    ("text", "secrets"),
    [
        (PANDAS_REPR, ("A0048213", "62704", "B7730021", "10013", "Orrin Vale", "1981-04-02")),
        (NO_INDEX, ("A0048213", "62704", "B7730021", "10013")),
        (NARROW_NAMES, ("A0048213", "62704", "B7730021", "10013")),
        (ONE_ROW, ("A0048213", "62704", "Orrin Vale")),
        (LEFT, ("A0048213", "62704", "B7730021", "10013")),
        (TRUNCATED, ("A0048213", "62704", "C5512090", "94110")),
        (WRAPPED, ("A0048213", "62704", "B7730021", "10013")),
        (MULTI_LEVEL, ("A0048213", "62704", "B7730021", "10013")),
        (INDEX_NAMED, ("A0048213", "B7730021", "62704", "10013")),
        (ONE_COLUMN, ("W208238302", "W399764913")),
        (ONE_COLUMN_NO_INDEX, ("W208238302", "W399764913")),
        (PSQL, ("A0048213", "62704", "B7730021", "10013")),
        (MYSQL, ("A0048213", "62704", "Vale")),
        (FANCY_GRID, ("A0048213", "62704", "B7730021", "10013")),
        (RST, ("A0048213", "62704", "Vale")),
        (SQLITE_COLUMNS, ("A0048213", "62704", "B7730021", "10013")),
        (FIXED_REPORT, ("A0048213", "62704")),
        (TABS, ("A0048213", "62704", "B7730021", "10013")),
        (TRANSPOSED, ("A0048213", "62704", "B7730021", "10013", "Maya Sorensen")),
    ],
    ids=[
        "pandas-repr",
        "pandas-no-index",
        "pandas-names-one-space-apart",
        "pandas-one-row-spaced-cell",
        "pandas-left-justified",
        "pandas-truncated",
        "pandas-wrapped",
        "pandas-multi-level",
        "pandas-index-names",
        "pandas-one-column",
        "pandas-one-column-no-index",
        "psql",
        "mysql",
        "tabulate-fancy-grid",
        "tabulate-rst",
        "sqlite-columns",
        "fixed-width",
        "tabs",
        "transposed",
    ],
)
def test_cells_under_phi_columns_are_masked(text: str, secrets: tuple[str, ...]) -> None:
    out = REDACTOR.redact_text(text)
    for secret in secrets:
        assert secret not in out, (secret, out)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        (PANDAS_REPR, ("visits", "NaN", "<NA>", "None", "NaT")),
        (TRUNCATED, ("oncology", "70.16", "[8 rows x 6 columns]")),
        (PSQL, ("active", "(3 rows)")),
        (SQLITE_COLUMNS, ("visits",)),
        (TRANSPOSED, ("visits           3              4",)),
    ],
)
def test_other_columns_and_empty_cells_are_kept(text: str, kept: tuple[str, ...]) -> None:
    out = REDACTOR.redact_text(text)
    for word in kept:
        assert word in out, (word, out)


def test_rows_without_a_header_are_typed_as_columns() -> None:
    """A column of names beside a column of birth dates: the ZIP codes and record numbers are the people's."""
    out = REDACTOR.redact_text(HEADERLESS)
    for secret in ("A0048213", "B7730021", "C5512090", "62704", "10013", "94110", "Orrin Vale", "1981-04-02"):
        assert secret not in out, (secret, out)


@pytest.mark.parametrize(
    "text",
    [
        "Package    Version\n---------- -------\nrequests   2.32.3\nurllib3    2.2.2\npandas     2.2.3",
        "USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND\n"
        "root           1  0.0  0.1 167744 11812 ?        Ss   09:12   0:03 /sbin/init\n"
        "postgres    4412  0.3  1.2 219000 90112 ?        Ss   09:13   0:41 postgres: checkpointer",
        "Filesystem      Size  Used Avail Use% Mounted on\n/dev/sda1        98G   41G   52G  45% /\n"
        "tmpfs           3.9G     0  3.9G   0% /dev/shm",
        "Proto Recv-Q Send-Q Local Address           Foreign Address         State\n"
        "tcp        0      0 0.0.0.0:22              0.0.0.0:*               LISTEN\n"
        "tcp        0      0 10.0.0.5:8080           10.0.0.9:51234          ESTABLISHED",
        "   service   | cpu  | p50_ms | age  |       name\n"
        "-------------+------+--------+------+-----------------\n"
        " Worker Pool | 56m  | 19.5   | 45s  | Aurora Borealis\n"
        " scheduler   | 15m  | 41.1   | 12   | default\n"
        "(2 rows)",
        "                       name    age\nhost                              \n"
        "db-primary     api-7d9f-xk2     5d\nlocalhost      cron-nightly     12",
        "step                      calls   total_s   mean_ms\n"
        "------------------------  -----  --------  -------\n"
        "load_config                   1     0.012     12.00\n"
        "First Pass                 4096     1.730      0.42",
        "          latency          bytes\ncount    50.000000      50.000000\nmean     48.213377  512034.220000\n"
        "std      29.114820  290311.560000\nmin       0.912311    1204.000000",
        "  region     date        requests\n0 us-east-1  2026-05-13     35276\n1 eu-west-2  2026-05-12     42333",
        "NAME                         READY   STATUS    RESTARTS   AGE\n"
        "api-981017-q9w8e             1/1     Running   2          232d\n"
        "worker-489456-xk2lp          1/1     Running   0          45d",
        "Name                         Stmts   Miss  Cover\n"
        "------------------------------------------------\n"
        "src/app/patient.py             133      5    51%\n"
        "------------------------------------------------\n"
        "TOTAL                          2598    119    52%",
        "|    id | region    | address      | version   |\n"
        "|-------|-----------|--------------|-----------|\n"
        "| 53617 | us-east-1 | 10.1.2.3:443 | 2.10.1    |\n"
        "|  3988 | eu-west-2 | 0.0.0.0:8080 | 0.15.8    |",
    ],
    ids=[
        "pip-list",
        "ps",
        "df",
        "netstat",
        "metrics-psql",
        "pandas-index-named",
        "timing",
        "describe",
        "metrics",
        "kubectl-header-after-name",
        "coverage-header-after-name",
        "markdown-sockets-under-address",
    ],
)
def test_tables_without_phi_columns_are_kept(text: str) -> None:
    assert REDACTOR.redact_text(text) == text


def test_a_field_name_over_its_error_is_no_table() -> None:
    """One word over lines of prose (pydantic's field name over its message) is not a one-column table."""
    text = (
        "1 validation error for Intake\nward\n  String should have at most 4 characters [type=string_too_long, "
        "input_value='Rosalind Ward 4', input_type=str]\n    For further information visit https://errors.example/"
    )
    out = REDACTOR.redact_text(text)
    assert "String should have at most 4 characters" in out, out
    assert "For further information visit" in out, out


def test_a_field_name_over_an_indented_value_is_no_table() -> None:
    """A value indented under one word and not aligned with it is no one-column frame's cell: only the date in it
    is masked, not the whole line."""
    out = REDACTOR.redact_text("1 validation error for Intake\nbirth_date\n  input_value='1984-03-07'")
    assert "input_value='" in out, out
    assert "1984-03-07" not in out, out


def test_the_screen_is_cheap_to_fail() -> None:
    """Text without a header-like line over another line never reaches the row splitting."""
    assert not aligned_table("one line only")
    assert not aligned_table("Traceback (most recent call last):\n  File 'x.py', line 3, in <module>")
    assert not aligned_table(
        "    return handler(request)\n  File 'x.py', line 9, in handler\n    raise ValueError(code)"
    )
    assert aligned_table(PANDAS_REPR)
    assert aligned_table(HEADERLESS)
