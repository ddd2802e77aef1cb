"""FHIR R4B resources, built and validated with ``fhir.resources``, logged as dicts or JSON text."""

from __future__ import annotations

import json
from typing import Any

from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.claim import Claim
from fhir.resources.R4B.encounter import Encounter
from fhir.resources.R4B.observation import Observation
from fhir.resources.R4B.operationoutcome import OperationOutcome
from fhir.resources.R4B.patient import Patient

from ..people import Patient as Person
from ..record import Record
from ._ctx import Ctx

__all__ = ["RECIPES"]

_LOINC = (
    ("8867-4", "Heart rate", "/min"),
    ("2339-0", "Glucose", "mg/dL"),
    ("8480-6", "Systolic blood pressure", "mm[Hg]"),
)


def _valid(model: Any, data: dict[str, Any]) -> dict[str, Any]:
    """``data`` after a round trip through the resource model (raises if it is not valid FHIR)."""
    return json.loads(model.model_validate(data).model_dump_json(exclude_none=True))


def _patient(ctx: Ctx, rec: Record, p: Person, pid: str) -> dict[str, Any]:
    rec.plant_all([(p.family, "NAME"), (p.given, "NAME")])
    data: dict[str, Any] = {
        "resourceType": "Patient",
        "id": pid,
        "meta": {"versionId": str(ctx.rng.randint(1, 9)), "lastUpdated": ctx.timestamp().isoformat() + "Z"},
        "identifier": [
            {
                "type": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v2-0203", "code": "MR"}]},
                "system": "urn:oid:2.16.840.1.113883.3.4321",
                "value": rec.plant(p.mrn, "MRN"),
            }
        ],
        "name": [{"use": "official", "family": p.family, "given": [p.given, p.middle]}],
        "gender": "female" if p.sex == "F" else "male",
        "birthDate": rec.plant(p.dob.isoformat(), "DOB"),
    }
    if ctx.chance(0.6):
        data["identifier"].append({"system": "http://hl7.org/fhir/sid/us-ssn", "value": rec.plant(p.ssn, "SSN")})
    if ctx.chance(0.7):
        data["telecom"] = [
            {"system": "phone", "value": rec.plant(p.phone, "PHONE"), "use": "home"},
            {"system": "email", "value": rec.plant(p.email, "EMAIL")},
        ]
        if ctx.chance(0.3):
            data["telecom"].append({"system": "url", "value": rec.plant(p.url, "URL")})
    if ctx.chance(0.7):
        data["address"] = [
            {
                "line": [rec.plant(p.street, "ADDRESS")],
                "city": rec.plant(p.city, "CITY"),
                "state": p.state,
                "postalCode": rec.plant(p.zip, "ZIP"),
            }
        ]
    return _valid(Patient, data)


def _ref(rec: Record, p: Person, pid: str, named: bool = True) -> dict[str, Any]:
    ref: dict[str, Any] = {"reference": f"Patient/{pid}"}
    if named:
        ref["display"] = f"{p.given} {p.family}"
        rec.plant_all([(p.given, "NAME"), (p.family, "NAME")])
    return ref


def _observation(ctx: Ctx, rec: Record, p: Person | None) -> dict[str, Any]:
    code, label, unit = ctx.pick(_LOINC)
    data: dict[str, Any] = {
        "resourceType": "Observation",
        "id": ctx.logical_id(),
        "status": "final",
        "code": {"coding": [{"system": "http://loinc.org", "code": code, "display": label}]},
        "valueQuantity": {"value": ctx.rng.randint(40, 180), "unit": unit},
    }
    if p is not None:
        data["subject"] = _ref(rec, p, ctx.logical_id())
        when = p.admitted
        data["effectiveDateTime"] = rec.plant(when.strftime("%Y-%m-%dT%H:%M:%S") + "-05:00", "DATE")
    else:
        data["subject"] = {"reference": f"Patient/{ctx.logical_id()}"}
    return _valid(Observation, data)


def _encounter(ctx: Ctx, rec: Record, p: Person | None) -> dict[str, Any]:
    data: dict[str, Any] = {
        "resourceType": "Encounter",
        "id": ctx.logical_id(),
        "status": "finished",
        "class": {"system": "http://terminology.hl7.org/CodeSystem/v3-ActCode", "code": "IMP"},
    }
    if p is not None:
        data["subject"] = _ref(rec, p, ctx.logical_id())
        data["period"] = {
            "start": rec.plant(p.admitted.strftime("%Y-%m-%dT%H:%M:%S") + "Z", "DATE"),
            "end": rec.plant(p.discharged.strftime("%Y-%m-%dT%H:%M:%S") + "Z", "DATE"),
        }
    else:
        data["subject"] = {"reference": f"Patient/{ctx.logical_id()}"}
    return _valid(Encounter, data)


def _claim(ctx: Ctx, rec: Record, p: Person) -> dict[str, Any]:
    data: dict[str, Any] = {
        "resourceType": "Claim",
        "id": ctx.logical_id(),
        "status": "active",
        "type": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/claim-type", "code": "institutional"}]},
        "use": "claim",
        "patient": _ref(rec, p, ctx.logical_id()),
        "billablePeriod": {
            "start": rec.plant(p.admitted.date().isoformat(), "DATE"),
            "end": rec.plant(p.discharged.date().isoformat(), "DATE"),
        },
        "created": ctx.timestamp().isoformat() + "Z",
        "provider": {"reference": f"Organization/{ctx.rng.randint(100, 999)}"},
        "priority": {"coding": [{"code": "normal"}]},
        "insurance": [
            {
                "sequence": 1,
                "focal": True,
                "identifier": {
                    "system": "urn:oid:2.16.840.1.113883.3.9999",
                    "value": rec.plant(p.member_id, "HEALTH_PLAN"),
                },
                "coverage": {"reference": f"Coverage/{ctx.logical_id()}"},
            }
        ],
        "total": {"value": ctx.rng.randint(100, 90000) / 10, "currency": "USD"},
    }
    return _valid(Claim, data)


def _bundle(ctx: Ctx, rec: Record, p: Person | None) -> dict[str, Any]:
    host = ctx.host()
    entries = []
    if p is not None:
        pid = ctx.logical_id()
        entries.append({"fullUrl": f"https://{host}/fhir/Patient/{pid}", "resource": _patient(ctx, rec, p, pid)})
    obs = _observation(ctx, rec, p)
    entries.append({"fullUrl": f"https://{host}/fhir/Observation/{obs['id']}", "resource": obs})
    data = {
        "resourceType": "Bundle",
        "type": "searchset",
        "total": len(entries),
        "link": [{"relation": "self", "url": f"https://{host}/fhir/Observation?_count=20&_getpages={ctx.uuid()}"}],
        "entry": entries,
    }
    return _valid(Bundle, data)


_BENIGN_DIAGNOSTICS = (
    "Patient.birthDate: minimum required = 1, but only found 0",
    "Unknown element 'maritalstatus' found at Patient.name[0]",
    "Observation.subject: reference to Patient/{id} could not be resolved",
    "HAPI-0389: Failed to call access method: version conflict on Encounter/{id}/_history/{v}",
    "Encounter.period.start: value must match the pattern of FHIR dateTime",
    "Claim.insurance[0].coverage: Coverage/{id} not found",
)


def _outcome(ctx: Ctx, rec: Record, p: Person | None) -> dict[str, Any]:
    if p is None:
        text = ctx.pick(_BENIGN_DIAGNOSTICS).format(id=ctx.logical_id(), v=ctx.rng.randint(1, 9))
    else:
        bad = ctx.fake.date_text(p.dob)
        text = ctx.pick(
            [
                f"Patient.birthDate: value '{bad}' is not a valid FHIR date",
                f"Patient.identifier[1].value: '{p.ssn}' does not match the SSN system format",
                f"Patient.telecom[0].value: '{p.phone}' is not a valid phone number",
            ]
        )
        for value in (bad, p.ssn, p.phone):
            if value in text:
                rec.plant(value, {bad: "DOB", p.ssn: "SSN", p.phone: "PHONE"}[value])
    data = {
        "resourceType": "OperationOutcome",
        "issue": [{"severity": "error", "code": "invalid", "diagnostics": text}],
    }
    return _valid(OperationOutcome, data)


def _make(ctx: Ctx, benign: bool) -> Record:
    rec = Record(format="fhir", shape="", msg="", logger=ctx.pick(["fhir.client", "ehr.sync", "app.fhir"]))
    p = None if benign else ctx.fake.patient()
    choices = ["Observation", "Encounter", "Bundle", "OperationOutcome"]
    if p is not None:
        choices += ["Patient", "Patient", "Claim"]
    kind = ctx.pick(choices)
    if kind == "Patient":
        assert p is not None
        resource = _patient(ctx, rec, p, ctx.logical_id())
    elif kind == "Claim":
        assert p is not None
        resource = _claim(ctx, rec, p)
    elif kind == "Observation":
        resource = _observation(ctx, rec, p)
    elif kind == "Encounter":
        resource = _encounter(ctx, rec, p)
    elif kind == "Bundle":
        resource = _bundle(ctx, rec, p)
    else:
        resource = _outcome(ctx, rec, p)
    what = ctx.pick([f"POST /fhir/{kind}", f"FHIR {kind} received", f"{kind} sync", f"upsert {kind}"])
    if ctx.chance(0.3):
        rec.shape = "dict_field"
        rec.msg = what
        rec.extra = {"resource": resource, "status": ctx.pick([200, 201, 400, 422])}
        return rec
    return ctx.place_text(rec, json.dumps(resource, separators=ctx.pick([(",", ":"), (", ", ": ")])), what)


def phi(ctx: Ctx) -> Record:
    return _make(ctx, benign=False)


def benign(ctx: Ctx) -> Record:
    return _make(ctx, benign=True)


RECIPES = [("fhir", phi, benign)]
