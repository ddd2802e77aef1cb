"""Synthetic people and the identifiers that come with them, made with mimesis only.

Every value is fake. The generator draws its randomness from one ``random.Random`` per split, so a
seed gives the same people every time (mimesis providers are seeded from it).
"""

from __future__ import annotations

import datetime as dt
import random
import string
from dataclasses import dataclass

from mimesis import Address, Datetime, Internet, Person
from mimesis.enums import Gender
from mimesis.locales import Locale

__all__ = ["Faker", "Patient"]

_STATES = (
    "AL",
    "AZ",
    "CA",
    "CO",
    "FL",
    "GA",
    "IL",
    "MA",
    "MD",
    "MI",
    "MN",
    "NC",
    "NJ",
    "NY",
    "OH",
    "OR",
    "PA",
    "TX",
    "VA",
    "WA",
)
_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
_PROFILE_HOSTS = ("www.linkedin.com/in", "www.facebook.com", "twitter.com", "github.com", "www.instagram.com")
_PLAN_PREFIXES = ("XEH", "ZGP", "W", "YUB", "JQ", "MBR", "H")


@dataclass(frozen=True)
class Patient:
    """One synthetic person with every Safe Harbor identifier the formats need."""

    given: str
    family: str
    middle: str
    sex: str  # "F" or "M"
    dob: dt.date
    ssn: str  # 123-45-6789
    phone: str  # (415) 555-0134
    email: str
    street: str
    city: str
    state: str
    zip: str
    mrn: str
    member_id: str
    group_no: str
    account: str
    ip: str
    url: str
    device_serial: str
    vin: str
    age_over_89: int
    admitted: dt.datetime
    discharged: dt.datetime

    @property
    def phone_digits(self) -> str:
        return "".join(c for c in self.phone if c.isdigit())

    @property
    def ssn_digits(self) -> str:
        return self.ssn.replace("-", "")


class Faker:
    """Makes :class:`Patient` values and odd identifiers from one seeded ``random.Random``."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        seed = rng.randrange(2**31)
        self._person = Person(Locale.EN, seed=seed)
        self._address = Address(Locale.EN, seed=seed + 1)
        self._internet = Internet(seed=seed + 2)
        self._datetime = Datetime(Locale.EN, seed=seed + 3)

    # -- names -----------------------------------------------------------------------------------
    def _clean_name(self, make: object) -> str:
        for _ in range(50):
            value = make()  # type: ignore[operator]
            if isinstance(value, str) and len(value) >= 4 and value.isalpha() and value[0].isupper():
                return value
        raise RuntimeError("mimesis gave no usable name")  # pragma: no cover

    def given(self, sex: str | None = None) -> str:
        gender = {"F": Gender.FEMALE, "M": Gender.MALE}.get(sex or "")
        return self._clean_name(lambda: self._person.first_name(gender=gender))

    def family(self) -> str:
        return self._clean_name(self._person.last_name)

    # -- identifiers -------------------------------------------------------------------------------
    def ssn(self) -> str:
        area = self.rng.choice([n for n in range(1, 900) if n != 666])
        return f"{area:03d}-{self.rng.randint(1, 99):02d}-{self.rng.randint(1, 9999):04d}"

    def phone(self) -> str:
        area = self.rng.randint(201, 989)
        exchange = self.rng.randint(202, 989)
        return f"({area}) {exchange}-{self.rng.randint(0, 9999):04d}"

    def digits(self, n: int) -> str:
        return str(self.rng.randint(1, 9)) + "".join(self.rng.choice(string.digits) for _ in range(n - 1))

    def letters(self, n: int) -> str:
        return "".join(self.rng.choice(string.ascii_uppercase) for _ in range(n))

    def date_between(self, start: int, end: int) -> dt.date:
        return self._datetime.date(start=start, end=end)

    def vin(self) -> str:
        alphabet = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"
        return "".join(self.rng.choice(alphabet) for _ in range(17))

    def ip(self) -> str:
        while True:
            value = self._internet.ip_v4()
            first = int(value.split(".")[0])
            if first not in (0, 10, 127) and first < 224:
                return value

    def patient(self) -> Patient:
        sex = self.rng.choice("FM")
        given, family = self.given(sex), self.family()
        dob = self.date_between(1931, 2012)
        admitted = dt.datetime(
            self.rng.randint(2019, 2026), self.rng.randint(1, 12), self.rng.randint(1, 28),
            self.rng.randint(0, 23), self.rng.randint(0, 59),
        )  # fmt: skip
        discharged = admitted + dt.timedelta(days=self.rng.randint(1, 9), hours=self.rng.randint(0, 12))
        handle = f"{given.lower()}.{family.lower()}"
        url = f"https://{self.rng.choice(_PROFILE_HOSTS)}/{handle.replace('.', self.rng.choice(['-', '.', '']))}"
        if self.rng.random() < 0.3:
            url = f"https://{family.lower()}{given.lower()}.{self.rng.choice(['com', 'net', 'me'])}/"
        domain = (
            self._internet.hostname()
            if self.rng.random() < 0.3
            else self.rng.choice(["gmail.com", "yahoo.com", "outlook.com", "icloud.com", "proton.me", "aol.com"])
        )
        email_local = self.rng.choice(
            [handle, f"{given[0].lower()}{family.lower()}", f"{handle}{self.rng.randint(1, 99)}"]
        )
        return Patient(
            given=given,
            family=family,
            middle=self.rng.choice(string.ascii_uppercase),
            sex=sex,
            dob=dob,
            ssn=self.ssn(),
            phone=self.phone(),
            email=f"{email_local}@{domain}",
            street=f"{self._address.street_number()} {self._address.street_name()} {self._address.street_suffix()}",
            city=self._clean_city(),
            state=self.rng.choice(_STATES),
            zip=f"{self.rng.randint(1001, 99950):05d}",
            mrn=self.rng.choice([self.digits(8), "E" + self.digits(7), self.digits(10), "MR" + self.digits(6)]),
            member_id=self.rng.choice(_PLAN_PREFIXES) + self.digits(self.rng.randint(9, 11)),
            group_no=self.digits(6),
            account=self.digits(self.rng.choice([10, 12])),
            ip=self.ip(),
            url=url,
            device_serial=self.rng.choice(["SN", "PM", "INS"]) + self.digits(8),
            vin=self.vin(),
            age_over_89=self.rng.randint(90, 104),
            admitted=admitted,
            discharged=discharged,
        )

    def _clean_city(self) -> str:
        for _ in range(50):
            city = self._address.city()
            if len(city) >= 4 and all(part.isalpha() for part in city.split()):
                return city
        raise RuntimeError("mimesis gave no usable city")  # pragma: no cover

    # -- formatting helpers ------------------------------------------------------------------------
    def date_text(self, day: dt.date) -> str:
        """``day`` in one of the forms dates take in free text."""
        return self.rng.choice(
            [
                day.isoformat(),
                f"{day.month:02d}/{day.day:02d}/{day.year}",
                f"{day.year}{day.month:02d}{day.day:02d}",
                f"{_MONTHS[day.month - 1]} {day.day}, {day.year}",
                f"{day.day} {_MONTHS[day.month - 1][:3]} {day.year}",
            ]
        )
