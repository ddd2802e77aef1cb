"""Ordinary application records: structured ``extra`` fields, free text, logfmt, unformatted numbers."""

from __future__ import annotations

import json
from urllib.parse import quote_plus, urlencode

from ..match import leaked
from ..record import Record
from ._ctx import Ctx

__all__ = ["RECIPES"]


def structured(ctx: Ctx) -> Record:
    p = ctx.fake.patient()
    rec = Record(format="app", shape="fields", msg="", logger=ctx.pick(["app", "api", "scheduler", "portal"]))
    rec.msg = ctx.pick(["patient updated", "appointment booked", "member verified", "chart opened", "sync done"])
    pool = [
        (
            ctx.pick(["patient_name", "display_name", "full_name", "patientName"]),
            f"{p.given} {p.family}",
            [(p.given, "NAME"), (p.family, "NAME")],
        ),
        (ctx.pick(["dob", "birthDate", "date_of_birth"]), p.dob.isoformat(), [(p.dob.isoformat(), "DOB")]),
        (ctx.pick(["ssn", "social", "ssn_last"]), ctx.pick([p.ssn, p.ssn_digits]), None),
        (ctx.pick(["phone", "cell", "contact"]), ctx.pick([p.phone, p.phone_digits]), None),
        (ctx.pick(["email", "contact_email"]), p.email, [(p.email, "EMAIL")]),
        (ctx.pick(["mrn", "chart", "chart_no"]), p.mrn, [(p.mrn, "MRN")]),
        (ctx.pick(["mbr", "member_id", "subscriber"]), p.member_id, [(p.member_id, "HEALTH_PLAN")]),
        (ctx.pick(["acct", "account_number"]), p.account, [(p.account, "ACCOUNT")]),
        (ctx.pick(["client_ip", "remote_addr"]), p.ip, [(p.ip, "IP")]),
        (ctx.pick(["device_serial", "pump_sn"]), p.device_serial, [(p.device_serial, "DEVICE")]),
        ("vin", p.vin, [(p.vin, "VIN")]),
        ("profile", p.url, [(p.url, "URL")]),
    ]
    fields: dict[str, object] = {"request_id": ctx.request_id(), "service": ctx.service()}
    for key, value, planted in ctx.rng.sample(pool, ctx.rng.randint(2, 5)):
        if planted is None:
            planted = [(value, "SSN" if key.startswith("s") else "PHONE")]
        rec.plant_all(planted)
        fields[key] = value
    if ctx.chance(0.3):
        fields["patient"] = {
            "age": rec.plant(p.age_over_89, "AGE"),
            "city": rec.plant(p.city, "CITY"),
            "zip": rec.plant(p.zip, "ZIP"),
        }
    if ctx.chance(0.2):
        fields["address"] = {"line": rec.plant(p.street, "ADDRESS"), "city": rec.plant(p.city, "CITY")}
    shape = ctx.pick(["fields", "fields", "json_message", "json_twice", "query"])
    rec.shape = shape
    if shape == "fields":
        rec.extra = fields
    elif shape == "json_message":
        rec.msg, rec.args = f"{rec.msg} %s", [json.dumps(fields)]
    elif shape == "json_twice":  # a queue or Lambda event whose body is JSON text
        rec.extra = {"event": json.dumps({"body": json.dumps(fields), "source": ctx.service()})}
    else:
        flat = {k: v for k, v in fields.items() if not isinstance(v, dict)}
        rec.msg = f"GET /api/v1/lookup?{urlencode(flat)}"
        rec.phi = [(quote_plus(v), k) for v, k in rec.phi if leaked(quote_plus(v), rec.msg)]
    return rec


def free_text(ctx: Ctx) -> Record:
    p = ctx.fake.patient()
    rec = Record(format="app", shape="text", msg="", logger=ctx.pick(["app", "scheduler", "nurse.portal", "intake"]))
    d = ctx.fake.date_text(p.dob)
    when = p.admitted.strftime("%m/%d/%Y")
    templates = [
        (
            f"Scheduled follow-up for {p.given} {p.family} on {when}",
            [(p.given, "NAME"), (p.family, "NAME"), (when, "DATE")],
        ),
        (f"{p.given} {p.family} ({d}) checked in at front desk", [(p.given, "NAME"), (p.family, "NAME"), (d, "DOB")]),
        (f"could not match {p.family}, {p.given} born {d}", [(p.family, "NAME"), (p.given, "NAME"), (d, "DOB")]),
        (f"callback requested at {p.phone_digits}", [(p.phone_digits, "PHONE")]),
        (f"duplicate social {p.ssn_digits} on intake form", [(p.ssn_digits, "SSN")]),
        (f"{p.age_over_89}-year-old patient admitted to 4N", [(p.age_over_89, "AGE")]),
        (
            f"shipping kit to {p.street}, {p.city}, {p.state} {p.zip}",
            [(p.street, "ADDRESS"), (p.city, "CITY"), (p.zip, "ZIP")],
        ),
        (f"sent statement for acct {p.account} to {p.email}", [(p.account, "ACCOUNT"), (p.email, "EMAIL")]),
        (f"eligibility: mbr {p.member_id} active, chart {p.mrn}", [(p.member_id, "HEALTH_PLAN"), (p.mrn, "MRN")]),
        (f"Message from {p.given}: please call me back", [(p.given, "NAME")]),
        (f"pump {p.device_serial} paired for {p.family}", [(p.device_serial, "DEVICE"), (p.family, "NAME")]),
        (f"login from {p.ip} for {p.email}", [(p.ip, "IP"), (p.email, "EMAIL")]),
        (f"pt is {p.age_over_89} y/o, fall risk high", [(p.age_over_89, "AGE")]),
        (f"linked profile {p.url} to member", [(p.url, "URL")]),
        (f"transport benefit: vehicle {p.vin} registered", [(p.vin, "VIN")]),
        (f"insulin pump serial {p.device_serial} reported occlusion", [(p.device_serial, "DEVICE")]),
    ]
    text, planted = ctx.pick(templates)
    rec.msg = text
    rec.plant_all(planted)
    return rec


def logfmt(ctx: Ctx) -> Record:
    p = ctx.fake.patient()
    rec = Record(format="app", shape="logfmt", msg="", logger=ctx.pick(["gateway", "edge"]))
    parts = [f"ts={ctx.timestamp().isoformat()}Z", f"svc={ctx.service()}", f'patient="{p.given} {p.family}"']
    rec.plant_all([(p.given, "NAME"), (p.family, "NAME")])
    if ctx.chance(0.5):
        parts.append(f"phone={rec.plant(p.phone_digits, 'PHONE')}")
    if ctx.chance(0.5):
        parts.append(f"dob={rec.plant(p.dob.strftime('%Y%m%d'), 'DOB')}")
    parts.append(f"addr={rec.plant(p.ip, 'IP')}:{ctx.pick([443, 8443])}")
    rec.msg = " ".join(parts)
    return rec


def benign(ctx: Ctx) -> Record:
    rec = Record(format="app", shape="", msg="", logger=ctx.pick(["app", "redis", "gunicorn.error", "kafka", "celery"]))
    choice = ctx.rng.randint(0, 7)
    rec.shape = "text" if choice < 5 else "fields"
    if choice == 0:
        port, db, pool = ctx.pick([6379, 6380]), ctx.rng.randint(0, 15), ctx.rng.randint(1, 50)
        rec.msg = f"connected to redis addr=:{port} db={db} pool={pool}"
    elif choice == 1:
        rec.msg = f"{ctx.class_name()} started in {ctx.rng.random() * 5:.2f}s (version {ctx.version()})"
    elif choice == 2:
        rec.msg = f"order {ctx.order_no()} shipped by {ctx.service()} at {ctx.timestamp():%H:%M:%S}"
    elif choice == 3:
        rec.msg = f"Booting worker with pid: {ctx.rng.randint(100, 65000)}"
    elif choice == 4:
        low, high, generation = ctx.rng.randint(0, 11), ctx.rng.randint(12, 23), ctx.rng.randint(1, 400)
        rec.msg = f"consumer group {ctx.service()} rebalanced: partitions=[{low}, {high}] generation={generation}"
    elif choice == 5:
        rec.msg = "cache stats"
        rec.extra = {
            "hits": ctx.rng.randint(0, 10**6),
            "misses": ctx.rng.randint(0, 10**5),
            "service": ctx.service(),
            "node": f"ip-10-0-{ctx.rng.randint(0, 255)}-{ctx.rng.randint(0, 255)}.ec2.internal",
        }
    elif choice == 6:
        rec.msg = "request finished"
        rec.extra = {
            "method": ctx.pick(["GET", "POST"]),
            "route": "/fhir/Patient/{id}",
            "status": 200,
            "duration": ctx.rng.randint(1, 900),
            "trace_parent": f"00-{ctx.request_id()}{ctx.request_id()}-{ctx.request_id()}-01",
        }
    else:
        rec.msg = "feature flags loaded"
        rec.extra = {
            "flags": {"new_scheduler": ctx.chance(0.5), "fhir_r4b": True},
            "build": ctx.version(),
            "commit": f"{ctx.rng.getrandbits(40):010x}",
        }
    return rec


RECIPES = [("app", structured, benign), ("app", free_text, benign), ("app", logfmt, benign)]
