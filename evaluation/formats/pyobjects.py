"""Python objects in log calls: dict, tuple, namedtuple, dataclass and multidict reprs, exceptions
(``KeyError`` args, ``OSError`` filenames, pydantic ``ValidationError``) and tracebacks logged as text."""

from __future__ import annotations

from ..record import Record, py_dataclass, py_date, py_multidict, py_namedtuple, py_tuple
from ._ctx import Ctx

__all__ = ["RECIPES"]


def reprs(ctx: Ctx) -> Record:
    p = ctx.fake.patient()
    rec = Record(format="repr", shape="", msg="", logger=ctx.pick(["app.views", "worker.tasks", "intake"]))
    rec.plant_all([(p.given, "NAME"), (p.family, "NAME")])
    shape = ctx.pick(["dict", "tuple", "namedtuple", "dataclass", "multidict", "extra_object"])
    rec.shape = shape
    if shape == "dict":
        payload = {"first": p.given, "last": p.family, "dob": rec.plant(p.dob.isoformat(), "DOB")}
        if ctx.chance(0.5):
            payload["ssn"] = rec.plant(p.ssn, "SSN")
        rec.msg = ctx.pick(["payload %s", "cache miss for %r", "validated: %s"]) + " (source=%s)"
        rec.args = [payload, ctx.service()]
    elif shape == "tuple":
        rec.msg, rec.args = "row %r", [py_tuple(p.mrn, p.family, p.given, py_date(p.dob))]
        rec.plant_all([(p.mrn, "MRN"), (f"datetime.date({p.dob.year}, {p.dob.month}, {p.dob.day})", "DOB")])
    elif shape == "namedtuple":
        row = py_namedtuple("PatientRow", mrn=p.mrn, last=p.family, first=p.given, phone=p.phone)
        rec.msg, rec.args = "loaded %s", [row]
        rec.plant_all([(p.mrn, "MRN"), (p.phone, "PHONE")])
    elif shape == "dataclass":
        obj = py_dataclass("Member", name=f"{p.given} {p.family}", member_id=p.member_id, email=p.email)
        rec.msg, rec.args = ctx.pick(["upsert %s", "eligibility check for %r"]), [obj]
        rec.plant_all([(p.member_id, "HEALTH_PLAN"), (p.email, "EMAIL")])
    elif shape == "multidict":
        form = py_multidict([("first_name", p.given), ("last_name", p.family), ("zip", p.zip)])
        rec.msg, rec.args = "POST /intake form=%s", [form]
        rec.plant(p.zip, "ZIP")
    else:
        rec.msg = "member loaded"
        rec.extra = {"member": py_dataclass("Member", name=f"{p.given} {p.family}", phone=p.phone, city=p.city)}
        rec.plant_all([(p.phone, "PHONE"), (p.city, "CITY")])
    return rec


def exceptions(ctx: Ctx) -> Record:
    p = ctx.fake.patient()
    rec = Record(
        format="exception", shape="", msg="", logger=ctx.pick(["app", "worker.tasks", "api.errors"]), level="error"
    )
    shape = ctx.pick(["keyerror", "oserror", "pydantic", "pydantic_text", "valueerror"])
    rec.shape = shape
    if shape == "keyerror":
        rec.msg = "lookup failed"
        rec.exc = {"type": "KeyError", "args": [py_tuple(p.family, p.given, p.dob.strftime("%m/%d/%Y"))]}
        rec.plant_all([(p.family, "NAME"), (p.given, "NAME"), (p.dob.strftime("%m/%d/%Y"), "DOB")])
    elif shape == "oserror":
        name = f"{p.ssn}_{ctx.pick(['front', 'back', 'card'])}.jpg"
        rec.msg = "upload failed"
        rec.exc = {"type": "FileNotFoundError", "args": [2, "No such file or directory", f"/srv/uploads/{name}"]}
        rec.plant(p.ssn, "SSN")
    elif shape in ("pydantic", "pydantic_text"):
        data = {
            "member_id": rec.plant(p.member_id, "HEALTH_PLAN"),
            "birth_date": rec.plant(p.dob.strftime("%m/%d/%Y"), "DOB"),
            "ssn": rec.plant(p.ssn_digits, "SSN"),
            "phone": rec.plant(p.phone_digits[:9], "PHONE"),
        }
        if shape == "pydantic":
            rec.msg, rec.exc = "invalid eligibility request", {"type": "ValidationError", "input": data}
        else:
            rec.msg, rec.extra = "request rejected", {"validation": {"$py": "validation_text", "input": data}}
    else:
        dob = ctx.fake.date_text(p.dob)
        rec.msg = "could not admit"
        rec.exc = {"type": "ValueError", "args": [f"invalid DOB {dob} for patient {p.family}, {p.given}"]}
        rec.plant_all([(dob, "DOB"), (p.family, "NAME"), (p.given, "NAME")])
    return rec


def tracebacks(ctx: Ctx) -> Record:
    """A traceback forwarded as text (a worker's result, a subprocess's stderr)."""
    benign = ctx.chance(0.35)
    rec = Record(
        format="traceback",
        shape="text",
        msg="",
        logger=ctx.pick(["celery.worker", "runner", "supervisor"]),
        level="error",
    )
    frames = [
        (f"/srv/app/{ctx.pick(['ehr', 'billing', 'intake'])}/{ctx.pick(['views', 'tasks', 'models', 'sync'])}.py",
         ctx.rng.randint(10, 900), ctx.pick(["admit", "post", "run", "handle", "_sync_patient", "__call__"]))
        for _ in range(ctx.rng.randint(2, 5))
    ]  # fmt: skip
    lines = ["Traceback (most recent call last):"]
    for path, line, func in frames:
        lines.append(f'  File "{path}", line {line}, in {func}')
        lines.append(
            f"    {ctx.pick(['result = handler(request)', 'return self.repo.get(key)', 'raise LookupError(key)'])}"
        )
    if benign:
        lines.append(ctx.pick([
            f"ConnectionError: HTTPSConnectionPool(host='{ctx.host()}', port=443): Max retries exceeded",
            f"TimeoutError: {ctx.class_name()}.fetch timed out after {ctx.rng.randint(1, 60)}s",
            f"KeyError: '{ctx.pick(['X-Request-Id', 'Authorization', 'tenant'])}'",
        ]))  # fmt: skip
    else:
        p = ctx.fake.patient()
        choice = ctx.rng.randint(0, 2)
        if choice == 0:
            lines.append(f"KeyError: ('{p.family}', '{p.given}', '{p.mrn}')")
            rec.plant_all([(p.family, "NAME"), (p.given, "NAME"), (p.mrn, "MRN")])
        elif choice == 1:
            lines.append(f"IntegrityError: duplicate key value (email)=({p.email}) already exists")
            rec.plant(p.email, "EMAIL")
        else:
            lines.append(f"ValueError: patient {p.given} {p.family} born {p.dob.strftime('%Y%m%d')} has no coverage")
            rec.plant_all([(p.family, "NAME"), (p.given, "NAME"), (p.dob.strftime("%Y%m%d"), "DOB")])
    rec.msg, rec.args = "task %s raised:\n%s", [ctx.request_id(), "\n".join(lines)]
    return rec


def benign_objects(ctx: Ctx) -> Record:
    rec = Record(format="repr", shape="", msg="", logger=ctx.pick(["app.views", "worker.tasks"]))
    shape = ctx.pick(["dict", "namedtuple", "keyerror", "headers"])
    rec.shape = shape
    if shape == "dict":
        config = {"service": ctx.service(), "version": ctx.version(), "pool": ctx.rng.randint(1, 64)}
        rec.msg, rec.args = "config %s (reload=%s)", [config, ctx.chance(0.5)]
    elif shape == "namedtuple":
        rec.msg = "endpoint %s"
        rec.args = [py_namedtuple("Endpoint", host=ctx.host(), port=ctx.pick([443, 8080, 5432]), path="/fhir/metadata")]
    elif shape == "keyerror":
        rec.level, rec.msg = "error", f"{ctx.class_name()} failed"
        rec.exc = {"type": "KeyError", "args": [ctx.pick(["X-Tenant-Id", "resourceType", "Authorization", "subject"])]}
    else:
        headers = {
            "Content-Type": "application/fhir+json",
            "Accept-Encoding": "gzip, deflate",
            "User-Agent": f"HAPI-FHIR/{ctx.version()} (FHIR Client; FHIR 4.0.1/R4; apache)",
            "X-Request-Id": ctx.request_id(),
        }
        rec.msg, rec.args = "request headers %s from %s", [headers, ctx.service()]
    return rec


def _benign_exception(ctx: Ctx) -> Record:
    rec = Record(format="exception", shape="", msg="", logger="app", level="error")
    rec.shape = ctx.pick(["keyerror", "valueerror"])
    if rec.shape == "keyerror":
        rec.msg = "missing header"
        rec.exc = {"type": "KeyError", "args": [ctx.pick(["X-Request-Id", "If-Match", "tenant"])]}
    else:
        rec.msg = f"{ctx.class_name()} rejected request"
        rec.exc = {
            "type": "ValueError",
            "args": [f"unsupported FHIR version {ctx.pick(['3.0.2', '5.0.0'])}; expected 4.0.1"],
        }
    return rec


def _benign_traceback(ctx: Ctx) -> Record:
    while True:
        rec = tracebacks(ctx)
        if rec.benign:
            return rec


RECIPES = [
    ("repr", reprs, benign_objects),
    ("exception", exceptions, _benign_exception),
    ("traceback", tracebacks, _benign_traceback),
]
