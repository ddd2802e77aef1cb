"""Generate the labelled redaction corpus: ``python tests/data/make_redaction_corpus.py``.

Writes ``tests/data/redaction_corpus.jsonl``, one record per line:

* ``{"id", "group": "text", "kind", "text", "phi": [...]}``: a log message holding identifiers of
  ``kind``; each string in ``phi`` must not survive redaction.
* ``{"id", "group": "fields", "kind", "record", "phi": [...]}``: a structured record whose PHI sits
  under PHI field names (any style, any depth, any JSON type).
* ``{"id", "group": "benign", "kind": "BENIGN", "text" or "record"}``: look-alikes that are not
  PHI (timestamps, UUIDs, versions, codes, invalid SSNs...); redaction must leave them unchanged.

Everything is synthetic: Faker with a fixed seed plus hand-made templates, so the file is
reproducible. The benign templates were written before the detectors were tuned and are not
edited to make them pass.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import string
from collections.abc import Callable
from pathlib import Path
from typing import Any

from faker import Faker

SEED = 20240611
PER_KIND = 40
OUT = Path(__file__).with_name("redaction_corpus.jsonl")

fake = Faker("en_US")
Faker.seed(SEED)
rng = random.Random(SEED)


# -- identifiers -------------------------------------------------------------------------------------
def luhn_digit(body: str) -> str:
    total = 0
    for index, ch in enumerate(reversed(body)):
        value = int(ch)
        if index % 2 == 0:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return str((10 - total % 10) % 10)


def ssn() -> str:
    area = rng.choice([n for n in range(1, 900) if n != 666])
    return f"{area:03d}-{rng.randint(1, 99):02d}-{rng.randint(1, 9999):04d}"


def nanp() -> tuple[str, str, str]:
    while True:
        area = f"{rng.randint(2, 9)}{rng.randint(0, 8)}{rng.randint(0, 9)}"
        if area[1:] != "11":
            break
    while True:
        exchange = f"{rng.randint(2, 9)}{rng.randint(0, 9)}{rng.randint(0, 9)}"
        if exchange[1:] != "11":
            break
    return area, exchange, f"{rng.randint(0, 9999):04d}"


def phone() -> str:
    a, e, n = nanp()
    return rng.choice(
        [
            f"({a}) {e}-{n}",
            f"{a}-{e}-{n}",
            f"{a}.{e}.{n}",
            f"+1 {a} {e} {n}",
            f"+1{a}{e}{n}",
            f"1-{a}-{e}-{n}",
            f"{a}-{e}-{n} x{rng.randint(10, 9999)}",
            f"({a}){e}-{n}",
            f"+1-{a}-{e}-{n}",
            f"001-{a}-{e}-{n}",
        ]
    )


def npi() -> str:
    body = rng.choice("12") + "".join(rng.choice(string.digits) for _ in range(8))
    return body + luhn_digit("80840" + body)


MBI_LETTERS = "ACDEFGHJKMNPQRTUVWXY"


def mbi() -> str:
    def a() -> str:
        return rng.choice(MBI_LETTERS)

    def an() -> str:
        return rng.choice(MBI_LETTERS + string.digits)

    def n() -> str:
        return rng.choice(string.digits)

    parts = [rng.choice("123456789") + a() + an() + n(), a() + an() + n(), a() + a() + n() + n()]
    return "-".join(parts) if rng.random() < 0.5 else "".join(parts)


def dea() -> str:
    first = rng.choice("ABFGMPRX")
    second = rng.choice(string.ascii_uppercase)
    d = [rng.randint(0, 9) for _ in range(6)]
    check = (d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5])) % 10
    return first + second + "".join(map(str, d)) + str(check)


def card() -> str:
    number = fake.credit_card_number(card_type=rng.choice(["visa", "mastercard", "amex", "discover"]))
    if len(number) == 16 and rng.random() < 0.5:
        sep = rng.choice(" -")
        number = sep.join(number[i : i + 4] for i in range(0, 16, 4))
    return number


def day_between(first_year: int, last_year: int) -> dt.date:
    """A day in the given years, from the seeded generator (never relative to today: the file stays reproducible)."""
    start = dt.date(first_year, 1, 1)
    return start + dt.timedelta(days=rng.randrange((dt.date(last_year, 12, 31) - start).days + 1))


def moment_between(first_year: int, last_year: int) -> dt.datetime:
    """A moment in the given years, to the microsecond."""
    day = day_between(first_year, last_year)
    return dt.datetime(day.year, day.month, day.day) + dt.timedelta(microseconds=rng.randrange(86_400_000_000))


def date_shapes(year_range: tuple[int, int]) -> str:
    day = day_between(*year_range)
    return rng.choice(
        [
            day.strftime("%m/%d/%Y"),
            day.isoformat(),
            day.strftime("%B %d, %Y").replace(" 0", " "),
            day.strftime("%d %b %Y"),
            day.strftime("%Y%m%d"),
            f"{day.month}/{day.day}/{day.strftime('%y')}",
        ]
    )


def code(letters: int, digits: int) -> str:
    return "".join(rng.choice(string.ascii_uppercase) for _ in range(letters)) + "".join(
        rng.choice(string.digits) for _ in range(digits)
    )


def digits(count: int) -> str:
    return "".join(rng.choice(string.digits) for _ in range(count))


# -- PHI in text -------------------------------------------------------------------------------------
def t(template: str, **values: str) -> tuple[str, list[str]]:
    return template.format(**values), list(values.values())


def gen_ssn() -> tuple[str, list[str]]:
    value = ssn()
    form = rng.random()
    if form < 0.5:
        return t(
            rng.choice(
                [
                    "verifying {v} for enrollment",
                    "eligibility lookup by SSN {v} returned 1 match",
                    "duplicate subscriber detected ({v})",
                    "W-9 on file with {v}",
                ]
            ),
            v=value,
        )
    if form < 0.75:
        return t("identity check: ssn {v} matched", v=value.replace("-", " "))
    return t(
        rng.choice(["SSN: {v}", "ssn {v} not found", "social security number {v} on claim"]), v=value.replace("-", "")
    )


def gen_phone() -> tuple[str, list[str]]:
    value = phone()
    if rng.random() < 0.2:
        a, e, n = nanp()
        bare = a + e + n
        return t(
            rng.choice(["callback requested, phone {v}", "mobile: {v}", "SMS reminder queued for cell {v}"]), v=bare
        )
    return t(
        rng.choice(
            [
                "patient called from {v} about a bill",
                "reminder sent to {v}",
                "contact number {v} updated",
                "voicemail left at {v}",
            ]
        ),
        v=value,
    )


def gen_fax() -> tuple[str, list[str]]:
    a, e, n = nanp()
    value = rng.choice([f"({a}) {e}-{n}", f"{a}-{e}-{n}", f"{a}.{e}.{n}"])
    return t(
        rng.choice(["records faxed to fax: {v}", "Fax {v} unreachable, retrying", "referral sent by fax {v}"]), v=value
    )


def gen_email() -> tuple[str, list[str]]:
    value = rng.choice(
        [
            fake.email(),
            fake.free_email(),
            fake.company_email(),
            fake.user_name() + "+portal@" + fake.free_email_domain(),
        ]
    )
    return t(
        rng.choice(["statement emailed to {v}", "password reset for {v}", "bounce from <{v}>", "user={v} logged in"]),
        v=value,
    )


def gen_ip() -> tuple[str, list[str]]:
    value = rng.choice([fake.ipv4_public(), fake.ipv4_private(), fake.ipv6(), fake.ipv4_public() + ":443"])
    core = value.split(":443")[0] if value.endswith(":443") else value
    return t(
        rng.choice(
            [
                "login from {v}",
                "portal session opened by {v}",
                "request from client {v} rejected",
                "X-Forwarded-For: {v}",
            ]
        ),
        v=value,
    )[0], [core]


def gen_url() -> tuple[str, list[str]]:
    domain = fake.domain_name()
    value = rng.choice(
        [
            f"https://portal.{domain}/patients/{digits(6)}/chart",
            f"https://{domain}/records?mrn={digits(8)}",
            f"https://{domain}/api/v2/members/{fake.uuid4()}/claims",
            f"http://{domain}/reset?email={fake.user_name()}%40{fake.free_email_domain()}",
            f"https://{domain}/search?name={fake.first_name()}+{fake.last_name()}&dob=1985-03-12",
            f"https://{fake.user_name()}:{fake.password(length=10, special_chars=False)}@{domain}/export",
            f"https://{domain}/lab/results/{digits(9)}.pdf",
        ]
    )
    return t(rng.choice(["GET {v} 200", "redirecting to {v}", "link {v} expired"]), v=value)


def gen_card() -> tuple[str, list[str]]:
    return t(
        rng.choice(["copay charged to card {v}", "payment with {v} declined", "card on file {v} expired"]), v=card()
    )


def gen_npi() -> tuple[str, list[str]]:
    return t(rng.choice(["rendering provider NPI {v}", "npi: {v} not enrolled", "NPI# {v} verified"]), v=npi())


def gen_mbi() -> tuple[str, list[str]]:
    return t(
        rng.choice(["Medicare eligibility for {v} active", "MBI {v} updated", "crossover claim {v} queued"]), v=mbi()
    )


def gen_dea() -> tuple[str, list[str]]:
    return t(rng.choice(["controlled substance order signed, DEA {v}", "prescriber {v} validated", "dea={v}"]), v=dea())


def gen_vin() -> tuple[str, list[str]]:
    return t(rng.choice(["auto claim for vehicle {v}", "VIN {v} decoded", "accident report lists {v}"]), v=fake.vin())


def gen_mrn() -> tuple[str, list[str]]:
    value = rng.choice([digits(8), "00" + digits(6), code(1, 7), digits(10)])
    return t(
        rng.choice(
            [
                "MRN {v} merged",
                "medical record number: {v}",
                "MRN#{v} not found",
                "chart # {v} locked",
                "record for mrn={v} archived",
            ]
        ),
        v=value,
    )


def gen_member() -> tuple[str, list[str]]:
    value = rng.choice([code(3, 9), "W" + digits(9), code(2, 8), digits(11)])
    return t(
        rng.choice(
            [
                "member ID {v} eligible",
                "subscriber id {v} terminated",
                "policy number {v} renewed",
                "Medicaid ID {v} pending",
                "member #{v} updated",
            ]
        ),
        v=value,
    )


def gen_account() -> tuple[str, list[str]]:
    value = rng.choice([digits(10), digits(4) + "-" + digits(4), code(2, 8)])
    return t(
        rng.choice(["account number {v} past due", "acct# {v} sent to collections", "statement for acct {v}"]), v=value
    )


def gen_license() -> tuple[str, list[str]]:
    value = rng.choice([code(1, 7), code(1, 8), digits(9), code(2, 6)])
    return t(
        rng.choice(
            [
                "driver's license {v} scanned at check-in",
                "license number {v} expired",
                "DL # {v} on file",
                "passport {v} verified",
            ]
        ),
        v=value,
    )


def gen_plate() -> tuple[str, list[str]]:
    value = rng.choice([f"{rng.randint(1, 9)}{code(3, 3)}", code(3, 4), f"{code(3, 0)} {digits(3)}"])
    return t(rng.choice(["parking validated for plate {v}", "license plate {v} recorded by valet"]), v=value)


def gen_device() -> tuple[str, list[str]]:
    mac = ":".join(f"{rng.randint(0, 255):02x}" for _ in range(6))
    value = rng.choice([f"SN-{digits(8)}", digits(15), code(2, 10), mac])
    return t(
        rng.choice(
            [
                "insulin pump serial number {v} paired",
                "device {v} connected",
                "IMEI {v} registered",
                "s/n {v} reported a fault",
            ]
        )
        if ":" not in value
        else "pump {v} paired over bluetooth",
        v=value,
    )


def gen_dob() -> tuple[str, list[str]]:
    value = date_shapes((1925, 2015))
    return t(
        rng.choice(
            [
                "DOB {v}",
                "date of birth: {v}",
                "born {v}",
                "patient DOB: {v} mismatch",
                "birthdate {v} corrected",
                "dob={v}",
            ]
        ),
        v=value,
    )


def gen_date() -> tuple[str, list[str]]:
    value = date_shapes((2019, 2024))
    return t(
        rng.choice(
            [
                "admitted {v}",
                "discharged on {v}",
                "date of service {v}",
                "died {v}",
                "seen on {v} by cardiology",
                "admission date: {v}",
                "DOS {v} billed",
            ]
        ),
        v=value,
    )


def gen_age() -> tuple[str, list[str]]:
    value = str(rng.randint(91, 105))
    return t(
        rng.choice(
            ["age {v}", "aged {v}, fall risk", "{v}-year-old female", "{v} y/o male", "{v} years old", "Age: {v}"]
        ),
        v=value,
    )


def gen_zip() -> tuple[str, list[str]]:
    zip_code = fake.zipcode() if rng.random() < 0.7 else fake.zipcode_plus4()
    city = fake.city()
    state = fake.state_abbr(include_territories=False)
    form = rng.random()
    if form < 0.4:
        return t(rng.choice(["ZIP {v}", "zip code: {v} outside service area", "postal code {v}"]), v=zip_code)
    return t("mailing to {c}, {s} {v}", c=city, s=state, v=zip_code)[0], [city, zip_code]


def gen_address() -> tuple[str, list[str]]:
    form = rng.random()
    if form < 0.5:
        street = fake.street_address()
        return t(
            rng.choice(["statement mailed to {v}", "address changed to {v}", "home visit at {v} scheduled"]), v=street
        )
    if form < 0.85:
        full = fake.address()
        lines = full.split("\n")
        city = lines[-1].rsplit(" ", 2)[0].rstrip(",")
        labels = [lines[0], lines[-1].rsplit(" ", 1)[-1]] + ([] if city in ("APO", "FPO", "DPO") else [city])
        return f"new address: {full}", labels
    box = f"PO Box {rng.randint(10, 99999)}"
    return t("remit to {v}", v=box)


def gen_name() -> tuple[str, list[str]]:
    first, last = fake.first_name(), fake.last_name()
    form = rng.randrange(10)
    if form == 0:
        return t("patient {f} {l} checked in", f=first, l=last)
    if form == 1:
        return t("Pt: {f} {l}", f=first, l=last)
    if form == 2:
        return t("seen by Dr. {f} {l}", f=first, l=last)
    if form == 3:
        return t("letter addressed to {t} {l}", t=rng.choice(["Mr.", "Ms.", "Mrs."]), l=last)[0], [last]
    if form == 4:
        return t("name: {f} {l}", f=first, l=last)
    if form == 5:
        return t("prior auth requested for {f} {l}", f=first, l=last)
    if form == 6:
        return t("{l}, {f} added to waitlist", l=last, f=first)
    if form == 7:
        return t("ADT^A01 PID|1||{m}^^^MRN||{L}^{F}^Q||", m=digits(7), L=last.upper(), F=first.upper())[0], [
            last.upper(),
            first.upper(),
        ]
    if form == 8:
        return t("emergency contact {f} {l} notified", f=first, l=last)
    return t("PATIENT: {F} {L}", F=first.upper(), L=last.upper())


def gen_hl7() -> tuple[str, list[str]]:
    first, last = fake.first_name().upper(), fake.last_name().upper()
    dob = day_between(1930, 2022).strftime("%Y%m%d")
    a, e, n = nanp()
    street = fake.street_address().upper()
    city = fake.city().upper()
    text = (
        f"MSH|^~\\&|EPIC|HOSP|||20240611101530||ADT^A04|{digits(8)}|P|2.5\rPID|1||{digits(7)}^^^MRN||{last}^{first}||{dob}|F|||"
        f"{street}^^{city}^MA^0{digits(4)}||({a}){e}-{n}|||||{ssn()}"
    )
    return text, [last, first, dob, street, f"({a}){e}-{n}"]


TEXT_KINDS: dict[str, Callable[[], tuple[str, list[str]]]] = {
    "SSN": gen_ssn,
    "PHONE": gen_phone,
    "FAX": gen_fax,
    "EMAIL": gen_email,
    "IP": gen_ip,
    "URL": gen_url,
    "CARD": gen_card,
    "NPI": gen_npi,
    "MBI": gen_mbi,
    "DEA": gen_dea,
    "VEHICLE": gen_vin,
    "MRN": gen_mrn,
    "MEMBER_ID": gen_member,
    "ACCOUNT": gen_account,
    "LICENSE": gen_license,
    "PLATE": gen_plate,
    "DEVICE": gen_device,
    "DOB": gen_dob,
    "DATE": gen_date,
    "AGE": gen_age,
    "ZIP": gen_zip,
    "ADDRESS": gen_address,
    "NAME": gen_name,
    "HL7": gen_hl7,
}


# -- PHI under field names ---------------------------------------------------------------------------
def gen_fields(index: int) -> tuple[str, dict[str, Any], list[str]]:
    first, last = fake.first_name(), fake.last_name()
    value_ssn = ssn()
    shape = index % 10
    if shape == 0:
        return "SSN", {"event": "enrollment", "patientSsn": value_ssn}, [value_ssn]
    if shape == 1:
        number = int(value_ssn.replace("-", ""))
        return "SSN", {"subscriber": {"SSN": number, "plan": "PPO"}}, [str(number)]
    if shape == 2:
        dob = day_between(1930, 2005).isoformat()
        return "DOB", {"patient": {"dateOfBirth": dob, "sex": "F"}, "count": 1}, [dob]
    if shape == 3:
        dob = day_between(1930, 2005).isoformat()
        return (
            "NAME",
            {
                "resourceType": "Patient",
                "id": f"pt-{digits(6)}",
                "birthDate": dob,
                "gender": "female",
                "name": [{"use": "official", "family": last, "given": [first]}],
                "telecom": [{"system": "phone", "value": phone()}],
                "identifier": [{"system": "urn:oid:2.16.840.1.113883.4.1", "value": value_ssn}],
            },
            [last, first, dob, value_ssn],
        )
    if shape == 4:
        email = fake.email()
        return (
            "EMAIL",
            {"user": {"e-mail": email, "role": "patient"}, "Patient_Email": email.upper()},
            [email, email.upper()],
        )
    if shape == 5:
        number = phone()
        return "PHONE", {"contact": {"phoneNumber": number}, "attempt": 2}, [number]
    if shape == 6:
        street = fake.street_address()
        city = fake.city()
        return "ADDRESS", {"member": {"homeAddress": {"line": [street], "city": city, "state": "MA"}}}, [street, city]
    if shape == 7:
        mrn = "00" + digits(6)
        patient = rng.randint(1_000_000, 9_999_999)
        return "MRN", {"encounter": {"mrn": mrn, "patient_id": patient, "ward": "4B"}}, [mrn, str(patient)]
    if shape == 8:
        member = code(3, 9)
        return (
            "MEMBER_ID",
            {"claims": [{"memberId": member, "amount": 125.0}, {"member_id": member, "amount": 80.5}]},
            [member],
        )
    age = rng.randint(91, 104)
    return "AGE", {"patient": {"first_name": first, "last_name": last, "age": age}}, [first, last, str(age)]


# -- benign look-alikes ------------------------------------------------------------------------------
def hexes(count: int) -> str:
    return "".join(rng.choice("0123456789abcdef") for _ in range(count))


def benign_text() -> str:
    status = rng.choice([200, 201, 204, 301, 400, 401, 403, 404, 409, 429, 500, 502, 503])
    ms = round(rng.uniform(0.3, 2500), 1)
    version = rng.choice(["1.2.3", "10.2.3.4", "v2.14.1", "4.0.0-rc.1", "2024.06.1", "3.11.7", "1.0.0.1234"])
    sha = hexes(40)
    timestamp = moment_between(2023, 2024).isoformat() + "Z"
    templates = [
        f"GET /api/v1/claims/{rng.randint(1, 999)} returned {status} in {ms} ms",
        f"request {fake.uuid4()} completed with status {status}",
        f"trace_id={hexes(32)} span_id={hexes(16)} sampled=true",
        f"deployed build {sha[:7]} (commit {sha}) to prod-{rng.randint(1, 9)}",
        f"claims-api version {version} starting, python 3.11.7",
        f"listening on 0.0.0.0:{rng.choice([8000, 8080, 8443, 9090])}",
        f"connected to db-{rng.randint(1, 12)}.internal.example.com:5432 after {rng.randint(1, 5)} attempts",
        f"batch processed {rng.randint(1, 50000)} claims in {round(rng.uniform(1, 600), 2)}s",
        f"total billed ${rng.randint(1, 99)},{rng.randint(100, 999)}.{rng.randint(10, 99)} "
        f"across {rng.randint(2, 400)} lines",
        f"diagnosis code "
        f"{rng.choice(['E11.9', 'I10', 'J45.909', 'S72.001A', 'Z00.00', 'M54.5', 'F32.A', 'C50.911'])} accepted",
        f"CPT {rng.choice(['99213', '99214', '0042T', '80053', '93000', '36415'])} "
        f"priced at {rng.randint(20, 400)}.00 USD",
        f"LOINC {rng.choice(['4548-4', '2345-7', '718-7', '2093-3', '13457-7'])} result normal",
        f"NDC {rng.choice(['0002-3227-30', '50090-2875-0', '0378-0208-01', '68180-0513-01'])} "
        f"dispensed, qty {rng.randint(1, 90)}",
        f"scheduled job ran at {timestamp}, next run in {rng.randint(1, 60)} min",
        f"cache hit ratio {round(rng.random(), 3)}, evictions {rng.randint(0, 9999)}",
        f"rate limit: {rng.randint(10, 1000)} requests per {rng.choice(['second', 'minute'])}, "
        f"burst {rng.randint(1, 50)}",
        f"epoch {rng.randint(1600000000, 1800000000)} converted",
        f"invalid SSN {rng.choice(['000', '666', '9' + digits(2)])}-{digits(2)}-{digits(4)} rejected by validator",
        f"test SSN {digits(3)}-00-{digits(4)} ignored",
        "phone number 123-456-7890 rejected: invalid area code",
        f"number {rng.choice(['055', '155', '011'])}-{digits(3)}-{digits(4)} is not dialable",
        f"retrying in {rng.randint(1, 30)}s (attempt {rng.randint(1, 5)} of 5)",
        f"worker claims-{rng.randint(1, 16)} heartbeat, queue depth {rng.randint(0, 300)}",
        f"eligibility check completed for payer acme-health plan PPO-GOLD in {ms} ms",
        f"prior authorization {code(2, 8)}-{digits(4)} approved for Acme Health",
        f"order ORD-{digits(8)} shipped via ground, weight {round(rng.uniform(0.1, 20), 2)} kg",
        f"memory usage {rng.randint(100, 4000)} MB of {rng.choice([4096, 8192, 16384])} MB",
        f"percentile p95={ms}ms p99={round(ms * 1.7, 1)}ms",
        f"TLS certificate expires {day_between(2025, 2026).isoformat()}",
        f"report generated for {rng.choice(['Q1', 'Q2', 'Q3', 'Q4'])} {rng.randint(2019, 2024)}",
        f"Epic interface engine reconnected after {rng.randint(1, 90)} s",
        f"user agent Mozilla/5.0 (Windows NT 10.0; Win64; x64) "
        f"Chrome/{rng.randint(100, 126)}.0.{rng.randint(1000, 6999)}.{rng.randint(10, 200)}",
        "feature flag ssn_check_enabled=true dob_format=iso",
        f"patient_count={rng.randint(0, 5000)} active_sessions={rng.randint(0, 900)}",
        f"age bucket {rng.choice(['18-25', '26-40', '41-64', '65-89'])} has {rng.randint(0, 9999)} members",
        f"patient age {rng.randint(18, 89)} within plan limits",
        f"kafka offset {rng.randint(100000, 99999999)} committed on partition {rng.randint(0, 31)}",
        f"checksum sha256:{hexes(64)} verified",
        f"container {hexes(12)} restarted (exit code {rng.choice([0, 1, 137, 143])})",
        f"loaded {rng.randint(1, 300)} rules from /etc/claims/rules.d in {ms} ms",
        "Retrying connection to Redis at localhost:6379",
        f"price table updated: {rng.randint(1, 999)} items, avg ${rng.randint(1, 500)}.{rng.randint(10, 99)}",
        f"HTTP/1.1 {status} OK content-length={rng.randint(0, 99999)}",
        "loopback check 127.0.0.1 ok",
        f"migrated schema to revision {digits(12)}",
        f"window 2024-01-01..2024-03-31 contains {rng.randint(0, 9999)} encounters",
        f"Claims Service started in {round(rng.uniform(0.5, 20), 2)} seconds",
        f"Processed file claims_{digits(8)}_{digits(4)}.csv ({rng.randint(1, 999)} rows)",
        f"ICD-10-CM {rng.choice(['2024', '2025'])} code set loaded",
        f"member portal login page rendered in {ms} ms",
    ]
    return rng.choice(templates)


def benign_record() -> dict[str, Any]:
    return rng.choice(
        [
            {
                "claim_id": f"CLM-{digits(8)}-{digits(4)}",
                "amount": round(rng.uniform(1, 9999), 2),
                "status": "approved",
                "duration_ms": round(rng.uniform(1, 900), 1),
                "payer": {"name": "Acme Health", "plan": "PPO", "tier": 2},
            },
            {
                "ssn_check_enabled": True,
                "dob_format": "iso-8601",
                "patient_count": rng.randint(0, 900),
                "max_age": 3600,
            },
            {
                "http": {"method": "GET", "path": "/v1/eligibility", "status": 200},
                "trace_id": hexes(32),
                "span_id": hexes(16),
            },
            {
                "job": "nightly-export",
                "rows": rng.randint(0, 10**6),
                "started": moment_between(2024, 2024).isoformat() + "Z",
            },
            {"service": {"name": "claims-api", "version": "10.2.3.4"}, "host": "ip-10-0-3-17.ec2.internal"},
            {"codes": {"icd10": "E11.9", "cpt": "99213", "ndc": "0002-3227-30", "loinc": "4548-4"}, "units": 2},
            {"queue": "claims.inbound", "depth": rng.randint(0, 500), "consumer_count": rng.randint(1, 8)},
            {"order_id": f"ORD-{digits(8)}", "items": [{"sku": code(3, 5), "qty": 2}, {"sku": code(3, 5), "qty": 1}]},
        ]
    )


# -- output ------------------------------------------------------------------------------------------
def generate(seed: int = SEED) -> list[dict[str, Any]]:
    """The corpus records for ``seed`` (the committed file uses :data:`SEED`)."""
    Faker.seed(seed)
    rng.seed(seed)
    records: list[dict[str, Any]] = []
    for kind, make in TEXT_KINDS.items():
        for n in range(PER_KIND if kind not in ("NAME", "ADDRESS") else PER_KIND * 2):
            text, phi = make()
            records.append({"id": f"{kind.lower()}-{n:03d}", "group": "text", "kind": kind, "text": text, "phi": phi})
    for n in range(100):
        kind, record, phi = gen_fields(n)
        records.append({"id": f"fields-{n:03d}", "group": "fields", "kind": kind, "record": record, "phi": phi})
    for n in range(400):
        records.append({"id": f"benign-text-{n:03d}", "group": "benign", "kind": "BENIGN", "text": benign_text()})
    for n in range(100):
        records.append({"id": f"benign-record-{n:03d}", "group": "benign", "kind": "BENIGN", "record": benign_record()})
    return records


def main() -> None:
    records = generate(SEED)
    with OUT.open("w", encoding="utf-8") as out:
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n")
    print(f"wrote {len(records)} records to {OUT.name}")


if __name__ == "__main__":
    main()
