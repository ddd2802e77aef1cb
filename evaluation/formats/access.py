"""Web access logs (combined log format, and the same request as structured fields)."""

from __future__ import annotations

from urllib.parse import quote

from ..record import Record
from ._ctx import Ctx

__all__ = ["RECIPES"]

_AGENTS = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36",
    "okhttp/4.12.0",
    "python-requests/2.31.0",
    "kube-probe/1.29",
)


def _line(ctx: Ctx, client: str, path: str, referrer: str) -> str:
    stamp = ctx.timestamp()
    status = ctx.pick([200, 200, 201, 304, 404, 500])
    return (
        f'{client} - - [{stamp:%d/%b/%Y:%H:%M:%S} +0000] "GET {path} HTTP/1.1" {status} {ctx.rng.randint(0, 90000)} '
        f'"{referrer}" "{ctx.pick(_AGENTS)}"'
    )


def phi(ctx: Ctx) -> Record:
    p = ctx.fake.patient()
    rec = Record(format="access", shape="", msg="", logger=ctx.pick(["gunicorn.access", "uvicorn.access", "nginx"]))
    if ctx.chance(0.15):  # a debug log of a multipart form body
        rec.shape = "multipart"
        boundary = f"----WebKitFormBoundary{ctx.request_id()}"
        parts = [("first_name", p.given), ("last_name", p.family), ("dob", p.dob.isoformat())]
        rec.plant_all([(p.given, "NAME"), (p.family, "NAME"), (p.dob.isoformat(), "DOB")])
        body = "".join(f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n' for k, v in parts)
        rec.msg, rec.args = "POST /intake body=%r", [body + f"--{boundary}--\r\n"]
        return rec
    client = rec.plant(p.ip, "IP")
    query = ctx.pick(["mrn", "dob", "email", "none"])
    path = f"/api/patients/{rec.plant(p.mrn, 'MRN')}/chart" if query == "none" else "/api/patients/search"
    if query == "mrn":
        path += f"?mrn={rec.plant(p.mrn, 'MRN')}"
    elif query == "dob":
        path += f"?family={rec.plant(p.family, 'NAME')}&birthdate={rec.plant(p.dob.isoformat(), 'DOB')}"
    elif query == "email":
        path += f"?email={rec.plant(quote(p.email, safe=''), 'EMAIL')}"
    referrer = (
        rec.plant(p.url, "URL") if ctx.chance(0.4) else f"https://portal.clinic.example/{ctx.pick(['home', 'chart'])}"
    )
    if ctx.chance(0.6):
        rec.shape = "combined"
        rec.msg = _line(ctx, client, path, referrer)
    else:
        rec.shape = "fields"
        rec.msg = "request"
        rec.extra = {"client_addr": client, "path": path, "referer": referrer, "status": 200}
    return rec


def benign(ctx: Ctx) -> Record:
    rec = Record(format="access", shape="combined", msg="", logger=ctx.pick(["gunicorn.access", "uvicorn.access"]))
    path = ctx.pick(
        ["/healthz", "/metrics", "/fhir/metadata", f"/api/claims/{ctx.uuid()}", "/static/app.js?v=" + ctx.version()]
    )
    rec.msg = _line(ctx, "-", path, "-")
    return rec


RECIPES = [("access", phi, benign)]
