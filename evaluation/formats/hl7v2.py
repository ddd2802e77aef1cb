"""HL7 v2.5.1 messages (ADT^A01/A04/A08, ORU^R01, ACK), built with hl7apy, logged the ways they travel.

Shapes: real CR separators, LF-joined as printed, JSON text with escaped ``\\r``, the repr of an MLLP
frame (``b'\\x0bMSH|...\\x1c\\r'``) and parsed dicts (``pid_5_1``, ``PID.7``, nested segment maps).
"""

from __future__ import annotations

import json
import warnings
from typing import Any

import hl7
from hl7apy.core import Message

from ..people import Patient as Person
from ..record import Record, py_bytes
from ._ctx import Ctx

__all__ = ["RECIPES"]

_FACILITIES = ("EPIC", "CERNER", "MEDITECH", "LABSYS", "RADNET")


def _ts(moment: Any) -> str:
    return moment.strftime("%Y%m%d%H%M%S")


def _msh(ctx: Ctx, m: Message, kind: str, structure: str) -> None:
    m.msh.msh_3 = ctx.pick(_FACILITIES)
    m.msh.msh_4 = ctx.pick(["MAIN", "NORTH", "WEST"]) + "HOSP"
    m.msh.msh_5 = ctx.pick(["HIPAALOGAPP", "INTEGRATION", "LIS"])
    m.msh.msh_6 = ctx.pick(["MAINHOSP", "RECV"])
    m.msh.msh_7 = _ts(ctx.timestamp())
    m.msh.msh_9 = f"{kind}^{structure}"
    m.msh.msh_10 = ctx.pick([f"MSG{ctx.fake.digits(8)}", ctx.request_id()[:12].upper()])
    m.msh.msh_11 = "P"


def _pid(rec: Record, seg: Any, p: Person, ctx: Ctx) -> None:
    seg.pid_1 = "1"
    seg.pid_3 = f"{rec.plant(p.mrn, 'MRN')}^^^{ctx.pick(_FACILITIES)}^MR"
    family, given = (p.family.upper(), p.given.upper()) if ctx.chance(0.5) else (p.family, p.given)
    rec.plant_all([(family, "NAME"), (given, "NAME")])
    seg.pid_5 = f"{family}^{given}^{p.middle}"
    seg.pid_7 = rec.plant(p.dob.strftime("%Y%m%d"), "DOB")
    seg.pid_8 = p.sex
    if ctx.chance(0.7):
        seg.pid_11 = (
            f"{rec.plant(p.street, 'ADDRESS')}^^{rec.plant(p.city, 'CITY')}^{p.state}^{rec.plant(p.zip, 'ZIP')}"
        )
    if ctx.chance(0.7):
        area, number = p.phone_digits[:3], p.phone_digits[3:]
        seg.pid_13 = f"^PRN^PH^^^{area}^{number}"
        rec.plant(number, "PHONE")
    if ctx.chance(0.5):
        seg.pid_18 = rec.plant(p.account, "ACCOUNT")
    if ctx.chance(0.6):
        seg.pid_19 = rec.plant(p.ssn_digits if ctx.chance(0.5) else p.ssn, "SSN")


def _adt(ctx: Ctx, rec: Record, p: Person) -> Message:
    event = ctx.pick(["A01", "A04", "A08"])
    m = Message("ADT_A01", version="2.5.1")
    _msh(ctx, m, "ADT", f"{event}^ADT_A01")
    m.evn.evn_2 = _ts(ctx.timestamp())
    _pid(rec, m.pid, p, ctx)
    m.pd1.pd1_4 = f"{ctx.fake.digits(6)}^{ctx.fake.family().upper()}^{ctx.fake.given().upper()}^^^DR"
    if ctx.chance(0.6):
        relative = ctx.fake.given()
        nk1 = m.add_segment("NK1")
        nk1.nk1_1 = "1"
        nk1.nk1_2 = f"{p.family}^{relative}"
        nk1.nk1_3 = ctx.pick(["SPO^Spouse", "CHD^Child", "PAR^Parent"])
        rec.plant_all([(p.family, "NAME"), (relative, "NAME")])
    m.pv1.pv1_1 = "1"
    m.pv1.pv1_2 = ctx.pick(["I", "O", "E"])
    m.pv1.pv1_3 = f"{ctx.pick(['4N', 'ICU', 'ER'])}^{ctx.rng.randint(100, 499)}^{ctx.rng.randint(1, 2)}"
    m.pv1.pv1_44 = rec.plant(_ts(p.admitted), "DATE")
    if ctx.chance(0.5):
        m.pv1.pv1_45 = rec.plant(_ts(p.discharged), "DATE")
    if ctx.chance(0.5):
        guarantor = ctx.fake.given()
        m.gt1.gt1_1 = "1"
        m.gt1.gt1_3 = f"{p.family}^{guarantor}"
        m.gt1.gt1_6 = rec.plant(p.phone, "PHONE")
        rec.plant_all([(p.family, "NAME"), (guarantor, "NAME")])
    if ctx.chance(0.6):
        ins = m.add_group("ADT_A01_INSURANCE")
        ins.in1.in1_1 = "1"
        ins.in1.in1_2 = ctx.pick(["BCBS001", "AETNA", "UHC", "MEDICARE"])
        ins.in1.in1_8 = p.group_no
        ins.in1.in1_16 = f"{p.family}^{p.given}"
        ins.in1.in1_18 = p.dob.strftime("%Y%m%d")
        ins.in1.in1_36 = rec.plant(p.member_id, "HEALTH_PLAN")
        rec.plant_all([(p.family, "NAME"), (p.given, "NAME"), (p.dob.strftime("%Y%m%d"), "DOB")])
    return m


def _oru(ctx: Ctx, rec: Record, p: Person) -> Message:
    m = Message("ORU_R01", version="2.5.1")
    _msh(ctx, m, "ORU", "R01^ORU_R01")
    result = m.oru_r01_patient_result
    _pid(rec, result.oru_r01_patient.pid, p, ctx)
    order = result.oru_r01_order_observation
    order.obr.obr_1 = "1"
    order.obr.obr_3 = ctx.order_no()
    order.obr.obr_4 = ctx.pick(["2345-7^Glucose^LN", "718-7^Hemoglobin^LN", "2160-0^Creatinine^LN"])
    order.obr.obr_7 = rec.plant(_ts(p.admitted), "DATE")
    obx = order.oru_r01_observation.obx
    obx.obx_1 = "1"
    obx.obx_2 = "NM"
    obx.obx_3 = order.obr.obr_4.value
    obx.obx_5 = str(ctx.rng.randint(3, 250))
    obx.obx_11 = "F"
    return m


def _ack(ctx: Ctx) -> Message:
    m = Message("ACK", version="2.5.1")
    _msh(ctx, m, "ACK", ctx.pick(["A01^ACK", "R01^ACK"]))
    m.msa.msa_1 = ctx.pick(["AA", "AE", "AR"])
    m.msa.msa_2 = f"MSG{ctx.fake.digits(8)}"
    return m


def _order_only(ctx: Ctx) -> Message:
    m = Message("ORU_R01", version="2.5.1")
    _msh(ctx, m, "ORU", "R01^ORU_R01")
    order = m.oru_r01_patient_result.oru_r01_order_observation
    order.obr.obr_1 = "1"
    order.obr.obr_3 = ctx.order_no()
    order.obr.obr_4 = ctx.pick(["2345-7^Glucose^LN", "718-7^Hemoglobin^LN"])
    order.obr.obr_7 = _ts(ctx.timestamp())
    return m


def _parsed(text: str, ctx: Ctx) -> dict[str, Any]:
    """The message as an integration engine logs it after parsing (python-hl7), in one of three key styles."""
    message = hl7.parse(text)
    style = ctx.pick(["flat", "dotted", "nested"])
    out: dict[str, Any] = {}
    for segment in message:
        name = str(segment[0])
        if name == "MSH":
            continue
        for index in range(1, len(segment)):
            value = str(segment[index])
            if not value:
                continue
            if style == "flat":
                parts = value.split("^")
                if len(parts) > 1:
                    for c, part in enumerate(parts, 1):
                        if part:
                            out[f"{name.lower()}_{index}_{c}"] = part
                else:
                    out[f"{name.lower()}_{index}"] = value
            elif style == "dotted":
                out[f"{name}.{index}"] = value
            else:
                out.setdefault(name.lower(), {})[str(index)] = value
    return {"hl7": out} if style == "nested" else out


def _make(ctx: Ctx, benign: bool) -> Record:
    rec = Record(format="hl7v2", shape="", msg="", logger=ctx.pick(["hl7.listener", "interface.engine", "mllp"]))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        if benign:
            m = ctx.pick([_ack, _order_only])(ctx)
        else:
            p = ctx.fake.patient()
            m = _adt(ctx, rec, p) if ctx.chance(0.6) else _oru(ctx, rec, p)
        text = m.to_er7()
    shape = ctx.pick(["cr_message", "cr_field", "lf", "escaped", "mllp", "parsed"])
    rec.shape = shape
    what = ctx.pick(["received HL7", "HL7 inbound", "ACK sent for", "forwarding message", "parse error in"])
    if shape == "cr_message":
        rec.msg, rec.args = f"{what} %s", [text]
    elif shape == "cr_field":
        rec.msg, rec.extra = what, {"hl7": text, "bytes": len(text)}
    elif shape == "lf":
        rec.msg, rec.args = f"{what}:\n%s", [text.replace("\r", "\n")]
    elif shape == "escaped":
        event = json.dumps({"channel": ctx.service(), "raw": text})
        if ctx.chance(0.5):
            rec.msg, rec.args = f"{what} %s", [event]
        else:
            rec.msg, rec.extra = what, {"event": event}
    elif shape == "mllp":
        frame = b"\x0b" + text.encode() + b"\x1c\r"
        rec.msg, rec.args = f"{what} %r", [py_bytes(frame)]
    else:
        rec.msg, rec.extra = what, {"parsed": _parsed(text, ctx)}
    return rec


def phi(ctx: Ctx) -> Record:
    return _make(ctx, benign=False)


def benign(ctx: Ctx) -> Record:
    return _make(ctx, benign=True)


RECIPES = [("hl7v2", phi, benign)]
