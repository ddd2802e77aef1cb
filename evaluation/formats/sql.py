"""SQL as drivers and databases log it: positional parameters, inline literals, Postgres ``STATEMENT:`` lines."""

from __future__ import annotations

from ..record import Record, py_date, py_tuple
from ._ctx import Ctx

__all__ = ["RECIPES"]


def phi(ctx: Ctx) -> Record:
    p = ctx.fake.patient()
    rec = Record(format="sql", shape="", msg="", logger=ctx.pick(["sqlalchemy.engine.Engine", "db", "psycopg"]))
    shape = ctx.pick(["params_tuple", "params_dict", "insert_literal", "postgres", "where_literal"])
    rec.shape = shape
    rec.plant_all([(p.family, "NAME"), (p.given, "NAME")])
    if shape == "params_tuple":
        rec.msg = "SELECT id, mrn FROM patients WHERE last_name = ? AND first_name = ? AND birth_date = ? args=%r"
        rec.args = [py_tuple(p.family, p.given, py_date(p.dob))]
        rec.plant(f"datetime.date({p.dob.year}, {p.dob.month}, {p.dob.day})", "DOB")
    elif shape == "params_dict":
        rec.msg = "[SQL: UPDATE patients SET phone=%%(phone)s, email=%%(email)s WHERE mrn = %%(mrn)s]\n[parameters: %s]"
        rec.args = [{"phone": p.phone, "email": p.email, "mrn": p.mrn, "first": p.given, "last": p.family}]
        rec.plant_all([(p.phone, "PHONE"), (p.email, "EMAIL"), (p.mrn, "MRN")])
    elif shape == "insert_literal":
        values = [p.mrn, p.family, p.given, p.dob.isoformat(), p.ssn_digits if ctx.chance(0.5) else p.ssn, p.zip]
        rec.plant_all([(p.mrn, "MRN"), (values[3], "DOB"), (values[4], "SSN"), (p.zip, "ZIP")])
        quoted = ", ".join(f"'{v}'" for v in values)
        rec.msg = f"INSERT INTO patient (mrn, family, given, birth_date, ssn, zip) VALUES ({quoted})"
    elif shape == "postgres":
        ssn = p.ssn_digits
        rec.plant_all([(ssn, "SSN")])
        rec.msg = (
            'ERROR:  duplicate key value violates unique constraint "patients_ssn_key"\n'
            f"DETAIL:  Key (ssn)=({ssn}) already exists.\n"
            f"STATEMENT:  INSERT INTO patients (last_name, first_name, ssn) VALUES ('{p.family}', '{p.given}', '{ssn}')"
        )
        rec.logger = "postgres"
    else:
        phone = p.phone_digits
        rec.plant(phone, "PHONE")
        rec.msg = "slow query (%d ms): SELECT * FROM members WHERE last_name = '%s' AND given = '%s' OR phone = '%s'"
        rec.args = [ctx.rng.randint(200, 9000), p.family, p.given, phone]
    return rec


def benign(ctx: Ctx) -> Record:
    rec = Record(format="sql", shape="", msg="", logger=ctx.pick(["sqlalchemy.engine.Engine", "db", "alembic"]))
    shape = ctx.pick(["params_tuple", "statement", "migration"])
    rec.shape = shape
    if shape == "params_tuple":
        rec.msg = "SELECT * FROM encounters WHERE status = ? AND updated_at > ? LIMIT ? args=%r"
        rec.args = [py_tuple(ctx.pick(["finished", "planned"]), ctx.timestamp().isoformat(), ctx.pick([50, 100, 500]))]
    elif shape == "statement":
        table = ctx.pick(["patients", "claims", "encounters", "observations"])
        rec.msg = f"SELECT count(*) FROM {table} WHERE tenant_id = %s; rows=%d elapsed=%.3fs"
        rec.args = [ctx.rng.randint(1, 40), ctx.rng.randint(0, 100000), ctx.rng.random()]
    else:
        rec.msg = "Running upgrade %s -> %s, add index ix_patients_last_name"
        rec.args = [ctx.request_id()[:12], ctx.request_id()[:12]]
    return rec


RECIPES = [("sql", phi, benign)]
