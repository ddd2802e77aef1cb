"""CSV and TSV rows from imports and exports, with the header logged earlier, alongside, or not at all."""

from __future__ import annotations

from ..record import Record
from ._ctx import Ctx

__all__ = ["RECIPES"]


def phi(ctx: Ctx) -> Record:
    p = ctx.fake.patient()
    rec = Record(format="csv", shape="", msg="", logger=ctx.pick(["import.members", "etl.roster", "export"]))
    sep = ctx.pick([",", ",", "\t", "|"])
    columns = [
        ("mrn", p.mrn, "MRN"),
        ("last_name", p.family, "NAME"),
        ("first_name", p.given, "NAME"),
        ("dob", ctx.pick([p.dob.isoformat(), p.dob.strftime("%m/%d/%Y")]), "DOB"),
        ("member_id", p.member_id, "HEALTH_PLAN"),
        ("phone", ctx.pick([p.phone, p.phone_digits]), "PHONE"),
        ("zip", p.zip, "ZIP"),
        ("city", p.city, "CITY"),
    ]
    chosen = [c for c in columns if c[2] == "NAME" or ctx.chance(0.6)]
    for _, value, kind in chosen:
        rec.plant(value, kind)
    header = sep.join(name for name, _, _ in chosen)
    row = sep.join(value for _, value, _ in chosen)
    shape = ctx.pick(["with_header", "row_only", "row_field", "line_number"])
    rec.shape = f"{'tsv' if sep == chr(9) else 'csv'}_{shape}"
    if shape == "with_header":
        rec.msg, rec.args = "import preview:\n%s\n%s", [header, row]
    elif shape == "row_only":
        rec.msg, rec.args = "rejected row: %s", [row]
    elif shape == "row_field":
        rec.msg, rec.extra = "row failed validation", {"row": row, "line": ctx.rng.randint(2, 5000)}
    else:
        rec.msg = f"line {ctx.rng.randint(2, 5000)}: {row} (expected {len(chosen) + 1} columns)"
    return rec


def benign(ctx: Ctx) -> Record:
    rec = Record(format="csv", shape="", msg="", logger=ctx.pick(["import.members", "metrics", "export"]))
    sep = ctx.pick([",", "\t"])
    header = sep.join(["service", "endpoint", "count", "p95_ms", "version"])
    endpoint = ctx.pick(["/fhir/Patient", "/api/claims", "/healthz"])
    row = sep.join(
        [ctx.service(), endpoint, str(ctx.rng.randint(0, 99999)), f"{ctx.rng.random() * 900:.1f}", ctx.version()]
    )
    rec.shape = "csv_with_header" if ctx.chance(0.5) else "csv_row_only"
    if rec.shape == "csv_with_header":
        rec.msg, rec.args = "report:\n%s\n%s", [header, row]
    else:
        rec.msg, rec.args = "row %s", [row]
    return rec


RECIPES = [("csv", phi, benign)]
