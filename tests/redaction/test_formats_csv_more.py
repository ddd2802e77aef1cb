"""CSV, TSV and pipe rows as applications log them: abbreviated and foreign headers, spreadsheet dates,
a row after a ``key=`` label, and benign tables with a ``name`` column."""

from __future__ import annotations

import logging

import pytest

from hipaalog import JsonFormatter
from hipaalog.redaction import Redactor
from hipaalog.redaction._keys import DEFAULT_CATALOGUE

REDACTOR = Redactor()


@pytest.mark.parametrize(
    ("key", "kind"),
    [
        ("pt_lnm", "NAME"),
        ("pt_fnm", "NAME"),
        ("phn_nbr", "PHONE"),
        ("HOME_PH", "PHONE"),
        ("cell_tel", "PHONE"),
        ("cty", "ADDRESS"),
        ("CITY_NM", "ADDRESS"),
        ("Patientennummer", "MRN"),
        ("num_dossier", "MRN"),
        ("nom_complet", "NAME"),
        ("mbr_nm", "NAME"),
        ("mbr_ln", "NAME"),
        ("pt_fn", "NAME"),
        ("gtor_nm", "NAME"),
        ("nok_nm", "NAME"),
        ("pt_ph", "PHONE"),
        ("ph_nbr", "PHONE"),
        ("dsch_dt", "DATE"),
    ],
)
def test_abbreviated_and_foreign_headers_are_typed(key: str, kind: str) -> None:
    assert DEFAULT_CATALOGUE.kind(key) == kind


@pytest.mark.parametrize("key", ["ph", "urine_ph", "ph_value", "tel_count", "name", "fn", "log_fn", "ln", "sub_id"])
def test_short_words_alone_stay_unknown(key: str) -> None:
    assert DEFAULT_CATALOGUE.kind(key) is None


@pytest.mark.parametrize(
    ("text", "secrets"),
    [
        (
            "svc_dt_cnt|phn_nbr|mbr_id|cty|pt_lnm|pt_fnm\r\n"
            "ACTIVE|417-555-0143|M4471920|North Katie|Quistbury|Odalys\r\n"
            '99213|"4175550188"|M4471921|Austinberg|Bexley|Milo',
            ("417-555-0143", "4175550188", "North Katie", "Quistbury", "Odalys", "Austinberg", "Bexley", "Milo"),
        ),
        (
            '\ufeff"MBR_NO"\t"HOME_PH"\t"CITY_NM"\t"tier"\n"00482913"\t"253.188.2269"\t"Obrienton"\t"HMO"',
            ("00482913", "253.188.2269", "Obrienton"),
        ),
        (
            "Telefon|Patientennummer|PLZ|Nachname\n0301234567|M99740345|10115|Quist",
            ("M99740345", "Quist"),
        ),
        ("code_postal,num_dossier,qty\n75011,472-7719-5,3", ("472-7719-5",)),
    ],
)
def test_rows_under_abbreviated_headers_are_masked(text: str, secrets: tuple[str, ...]) -> None:
    out = REDACTOR.redact_text(text)
    for secret in secrets:
        assert secret not in out, secret


@pytest.mark.parametrize(
    ("text", "secrets"),
    [
        ("row=8814;Quist;Odalys;08089;1962-05-01;A", ("Quist", "Odalys", "08089")),
        ("row=8557|Bexley|Milo|97801-6422|00656146|SSN-X|ACTIVE", ("Bexley", "Milo", "97801-6422", "00656146")),
        ("import row 12: 1726,Quist,Odalys,14-Jul-55,219-09-9999,A", ("Quist", "Odalys", "14-Jul-55")),
        ("line 88: 9735\tBexley, Milo\t219-09-9999\t05-Feb-1973\t1", ("Bexley, Milo", "05-Feb-1973")),
    ],
)
def test_headless_rows_with_spreadsheet_dates_and_labels(text: str, secrets: tuple[str, ...]) -> None:
    out = REDACTOR.redact_text(text)
    for secret in secrets:
        assert secret not in out, secret


@pytest.mark.parametrize(
    "text",
    [
        "NAMESPACE,NAME,READY,STATUS,RESTARTS,AGE\n"
        "prod,worker-1c23f1700-tDrUA,1/1,Running,3,9d\n"
        "kube-system,api-04487626d-TpKiJ,1/1,Running,5,27d",
        "sku;name;price;stock;updated\nSKU-59241;Jordan Sneakers;3.11;111;2026-11-30",
        "key=value,count,ratio\nalpha,3,0.5",
    ],
)
def test_benign_tables_with_a_name_column_are_kept(text: str) -> None:
    out = REDACTOR.redact_text(text)
    for cell in ("worker-1c23f1700-tDrUA", "api-04487626d-TpKiJ", "Jordan Sneakers", "alpha"):
        if cell in text:
            assert cell in out, cell


@pytest.mark.parametrize(
    ("message", "row"),
    [
        ("rejected upload:\n%s", "pt_lnm,pt_fnm,dob_dt,phn_nbr\r\nQuistbury,Odalys,14-Jul-55,4175550143"),
        ("import row 12: %s", "1726;Quistbury;Odalys;14-Jul-55;A"),
    ],
)
def test_a_csv_row_in_a_log_record_is_masked(message: str, row: str) -> None:
    formatter = JsonFormatter(app_id="app", platform="test", microservice="csv")
    record = logging.LogRecord("csv", logging.WARNING, "import.py", 1, message, (row,), None)
    out = formatter.format(record)
    for secret in ("Quistbury", "Odalys", "14-Jul-55", "4175550143"):
        assert secret not in out, secret
    assert message.partition("%s")[0].strip() in out  # the message's own words stay


@pytest.mark.parametrize(
    "text",
    [
        "sku\tname\tbrand\tprice\tupdated\nSKU-22501\tBandage Roll\tDunn-Simmons\t47.92\t2026-11-30\n"
        "SKU-60560\tAspirin 81mg\tPerez-Cameron\t42.08\t2026-11-30",
        "sku,name,vendor,price,updated\nSKU-40069,Jordan Sneakers,Braun LLC,56.57,2026-11-30\n"
        "SKU-10763,Bandage Roll,Guzman and Sons,47.55,2026-11-30",
    ],
)
def test_firms_in_a_product_table_are_kept(text: str) -> None:
    out = REDACTOR.redact_text(text)
    for cell in ("Bandage Roll", "Dunn-Simmons", "Perez-Cameron", "Braun LLC", "Guzman and Sons"):
        if cell in text:
            assert cell in out, cell


def test_full_name_header_in_french_and_a_quoted_nickname() -> None:
    text = 'nom_complet;date_naissance;qty\n"O\'Quist, Odalys";"1971-02-03";3\n"Milo ""Mi"" Bexley";1980-07-09;4'
    out = REDACTOR.redact_text(text)
    for secret in ("O'Quist", "Odalys", "Bexley", "1971-02-03", "1980-07-09"):
        assert secret not in out, secret


@pytest.mark.parametrize(
    ("text", "secrets", "kept"),
    [
        (
            "row=3382|Quistbury|Odalys|219-09-9999|1971-02-03|ACTIVE",
            ("Quistbury", "Odalys", "1971-02-03"),
            ("ACTIVE",),
        ),
        (
            'plan_cd,pt_fnm,phn_nbr,flag\r\n"HMO","Odalys","417-555-0143","PENDING"\r\n"PPO","Milo","417-555-0188","ACTIVE"',
            ("Odalys", "Milo", "417-555-0143"),
            ("HMO", "PPO", "PENDING", "ACTIVE"),
        ),
        ("BEXLEY|MILO|1980-07-09|LEEDS", ("BEXLEY", "MILO", "LEEDS"), ()),
    ],
)
def test_codes_in_capitals_beside_a_person_are_kept(text: str, secrets: tuple[str, ...], kept: tuple[str, ...]) -> None:
    out = REDACTOR.redact_text(text)
    for secret in secrets:
        assert secret not in out, secret
    for word in kept:
        assert word in out, word
