"""ASC X12 5010 transactions written by hand to the spec: 270/271 eligibility and 837P claims.

Segments end with ``~`` and elements are separated by ``*``; the subscriber is ``NM1*IL`` (name and
member id), ``DMG*D8`` carries the birth date, ``N3``/``N4`` the address, ``REF`` further ids.
"""

from __future__ import annotations

import json

from ..people import Patient as Person
from ..record import Record
from ._ctx import Ctx

__all__ = ["RECIPES"]


def _envelope(ctx: Ctx, body: list[str], code: str) -> list[str]:
    stamp = ctx.timestamp()
    control = f"{ctx.rng.randint(1, 999999999):09d}"
    group = {"270": "HS", "271": "HB"}.get(code, "HC")
    head = [
        f"ISA*00*          *00*          *ZZ*{ctx.pick(['SUBMITTERID', 'CLEARHOUSE1']):<15}*ZZ*"
        f"{ctx.pick(['PAYERID', 'RECEIVER01']):<15}*{stamp:%y%m%d}*{stamp:%H%M}*^*00501*{control}*0*P*:",
        f"GS*{group}*SENDER*RECEIVER*{stamp:%Y%m%d}*{stamp:%H%M}*1*X*"
        f"005010X{'279A1' if code in ('270', '271') else '222A1'}",
        f"ST*{code}*0001*005010X{'279A1' if code in ('270', '271') else '222A1'}",
    ]
    tail = [f"SE*{len(body) + 2}*0001", "GE*1*1", f"IEA*1*{control}"]
    return head + body + tail


def _subscriber(ctx: Ctx, rec: Record, p: Person) -> list[str]:
    family, given = p.family.upper(), p.given.upper()
    rec.plant_all([(family, "NAME"), (given, "NAME")])
    segs = [f"NM1*IL*1*{family}*{given}*{p.middle}***MI*{rec.plant(p.member_id, 'HEALTH_PLAN')}"]
    if ctx.chance(0.5):
        segs.append(f"REF*SY*{rec.plant(p.ssn_digits, 'SSN')}")
    if ctx.chance(0.7):
        segs.append(f"N3*{rec.plant(p.street.upper(), 'ADDRESS')}")
        segs.append(f"N4*{rec.plant(p.city.upper(), 'CITY')}*{p.state}*{rec.plant(p.zip, 'ZIP')}")
    segs.append(f"DMG*D8*{rec.plant(p.dob.strftime('%Y%m%d'), 'DOB')}*{p.sex}")
    return segs


def _270(ctx: Ctx, rec: Record, p: Person) -> list[str]:
    body = [
        f"BHT*0022*13*{ctx.fake.digits(10)}*{ctx.timestamp():%Y%m%d*%H%M}",
        "HL*1**20*1",
        f"NM1*PR*2*{ctx.pick(['AETNA', 'CIGNA', 'HUMANA', 'MEDICARE'])}*****PI*{ctx.fake.digits(5)}",
        "HL*2*1*21*1",
        f"NM1*1P*2*{ctx.pick(['CITY CLINIC', 'GENERAL HOSPITAL'])}*****XX*1{ctx.fake.digits(9)}",
        "HL*3*2*22*0",
        f"TRN*1*{ctx.fake.digits(9)}*9{ctx.fake.digits(9)}",
    ]
    body += _subscriber(ctx, rec, p)
    body.append(f"DTP*291*D8*{ctx.timestamp():%Y%m%d}")
    body.append("EQ*30")
    return body


def _271(ctx: Ctx, rec: Record, p: Person) -> list[str]:
    body = _270(ctx, rec, p)[:-2]
    body.append(f"DTP*346*D8*{rec.plant(p.admitted.strftime('%Y%m%d'), 'DATE')}")
    body += [f"EB*1*IND*30**{ctx.pick(['GOLD PPO', 'BASIC HMO'])}", f"EB*C*IND*30***23*{ctx.rng.randint(100, 5000)}"]
    return body


def _837(ctx: Ctx, rec: Record, p: Person) -> list[str]:
    body = [
        f"BHT*0019*00*{ctx.fake.digits(8)}*{ctx.timestamp():%Y%m%d*%H%M}*CH",
        f"NM1*41*2*{ctx.pick(['BILLING SERVICE INC', 'CLAIMS CO'])}*****46*{ctx.fake.digits(9)}",
        "HL*1**20*1",
        f"NM1*85*2*{ctx.pick(['CITY CLINIC', 'GENERAL HOSPITAL'])}*****XX*1{ctx.fake.digits(9)}",
        "HL*2*1*22*0",
        "SBR*P*18*******CI",
    ]
    body += _subscriber(ctx, rec, p)
    account = rec.plant(p.account, "ACCOUNT")
    body += [
        f"CLM*{account}*{ctx.rng.randint(50, 9000)}***11:B:1*Y*A*Y*Y",
        f"DTP*472*D8*{rec.plant(p.admitted.strftime('%Y%m%d'), 'DATE')}",
        f"REF*EA*{rec.plant(p.mrn, 'MRN')}",
        f"HI*ABK:{ctx.pick(['J449', 'E119', 'I10'])}",
        "LX*1",
        f"SV1*HC:{ctx.pick(['99213', '99214', '80053'])}*{ctx.rng.randint(50, 400)}*UN*1***1",
    ]
    return body


def _999(ctx: Ctx) -> list[str]:
    return [
        f"AK1*HS*{ctx.rng.randint(1, 999)}*005010X279A1",
        f"AK2*270*{ctx.fake.digits(4)}*005010X279A1",
        f"IK5*{ctx.pick(['A', 'E', 'R'])}",
        f"AK9*{ctx.pick(['A', 'E', 'R'])}*1*1*1",
    ]


def _make(ctx: Ctx, benign: bool) -> Record:
    rec = Record(format="x12", shape="", msg="", logger=ctx.pick(["edi.gateway", "clearinghouse", "eligibility"]))
    if benign:
        segs = _envelope(ctx, _999(ctx), "999")
    else:
        p = ctx.fake.patient()
        code = ctx.pick(["270", "271", "837"])
        segs = _envelope(ctx, {"270": _270, "271": _271, "837": _837}[code](ctx, rec, p), code)
    sep = ctx.pick(["~", "~\n", "~\r\n"])
    text = sep.join(segs) + "~"
    shape = ctx.pick(["message", "field", "json"])
    rec.shape = shape
    what = ctx.pick(["sending 270 to payer", "271 response", "837 batch", "EDI transaction", "X12 rejected"])
    if shape == "message":
        rec.msg, rec.args = f"{what}: %s", [text]
    elif shape == "field":
        rec.msg, rec.extra = what, {"x12": text, "segments": len(segs)}
    else:
        rec.msg, rec.args = f"{what} %s", [json.dumps({"payload": text, "trace": ctx.request_id()})]
    return rec


def phi(ctx: Ctx) -> Record:
    return _make(ctx, benign=False)


def benign(ctx: Ctx) -> Record:
    return _make(ctx, benign=True)


RECIPES = [("x12", phi, benign)]
