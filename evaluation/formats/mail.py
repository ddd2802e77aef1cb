"""Outgoing e-mail as notification services log it: headers with display names, RFC 2047 encoded words
(Q encoding, built with the standard library's ``email.header``) and a greeting in the body."""

from __future__ import annotations

from email.charset import QP, Charset
from email.header import Header

from ..record import Record
from ._ctx import Ctx

__all__ = ["RECIPES"]


def _encoded_word(text: str) -> str:
    """``text`` as one Q-encoded word (``=?utf-8?q?Jane_Roe?=``), the way mailers write a display name."""
    charset = Charset("utf-8")
    charset.header_encoding = QP
    return Header(text, charset).encode()


def phi(ctx: Ctx) -> Record:
    p = ctx.fake.patient()
    rec = Record(format="email", shape="", msg="", logger=ctx.pick(["notify.mailer", "smtp", "reminders"]))
    rec.plant_all([(p.given, "NAME"), (p.family, "NAME"), (p.email, "EMAIL")])
    display = f"{p.given} {p.family}"
    encoded = ctx.chance(0.4)
    to = f"{_encoded_word(display) if encoded else display} <{p.email}>"
    when = p.admitted
    greeting = ctx.pick([f"Dear {p.given},", f"Hi {p.given},", f"Dear Mr./Ms. {p.family},", f"Hello {display},"])
    body = [
        greeting,
        "",
        f"This is a reminder of your appointment on {when:%B %d, %Y} at {when:%I:%M %p}.",
        f"Call {p.phone} to reschedule." if ctx.chance(0.5) else "Reply to this message to reschedule.",
    ]
    rec.plant(f"{when:%B %d, %Y}", "DATE")
    if "Call" in body[-1]:
        rec.plant(p.phone, "PHONE")
    headers = [
        "From: Riverside Clinic <no-reply@clinic.example>",
        f"To: {to}",
        f"Subject: Appointment reminder for {p.given}" if ctx.chance(0.5) else "Subject: Appointment reminder",
        f"Message-ID: <{ctx.request_id()}@mail.clinic.example>",
        "MIME-Version: 1.0",
        "Content-Type: text/plain; charset=utf-8",
    ]
    rec.shape = "encoded_word" if encoded else "plain"
    text = "\n".join([*headers, "", *body])
    if ctx.chance(0.5):
        rec.msg, rec.args = "sending message:\n%s", [text]
    else:
        rec.msg, rec.extra = "queued reminder", {"to": to, "body": "\n".join(body)}
        rec.shape += "_fields"
    return rec


def benign(ctx: Ctx) -> Record:
    rec = Record(format="email", shape="plain", msg="", logger=ctx.pick(["notify.mailer", "smtp"]))
    stamp = ctx.timestamp()
    rec.msg = "\n".join(
        [
            "sending message:",
            f"Date: {stamp:%a, %d %b %Y %H:%M:%S} +0000",
            f"Subject: [{ctx.service()}] nightly export finished",
            f"Message-ID: <{ctx.request_id()}.{ctx.rng.randint(1000, 9999)}@mail.clinic.example>",
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=utf-8",
            "",
            f"Export {ctx.order_no()} finished in {ctx.rng.randint(1, 500)} s ({ctx.rng.randint(0, 90000)} rows).",
        ]
    )
    if ctx.chance(0.5):
        rec.shape = "relay"
        size, queue_id = ctx.rng.randint(300, 90000), ctx.request_id()[:10].upper()
        rec.msg = f"relay {ctx.host()}:587 accepted message ({size} bytes): 250 2.0.0 OK queued as {queue_id}"
    return rec


RECIPES = [("email", phi, benign)]
