"""What every format builder shares: the seeded randomness, the fake people and benign filler."""

from __future__ import annotations

import datetime as dt
import json
import random
import uuid
from typing import Any

from ..people import Faker
from ..record import Record

__all__ = ["Ctx"]

_SERVICES = (
    "billing-api", "scheduler", "intake-worker", "claims-gateway", "fhir-proxy", "hl7-listener",
    "eligibility-svc", "notify", "labs-ingest", "portal-web", "auth", "audit-shipper",
)  # fmt: skip
_CLASSES = (
    "PatientRepository", "EncounterService", "ClaimSubmitter", "HL7Listener", "FhirClient",
    "EligibilityChecker", "AppointmentScheduler", "ObservationMapper", "MemberLookup", "ChartIndexer",
)  # fmt: skip
_HOSTS = ("fhir.example.org", "ehr.internal.example", "api.example.com", "hapi.example.net")


class Ctx:
    """One seeded source of randomness and the helpers the format builders use."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.fake = Faker(rng)

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    def pick(self, options: Any) -> Any:
        return self.rng.choice(list(options))

    def uuid(self) -> str:
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    def logical_id(self) -> str:
        return self.pick([self.uuid(), f"{self.rng.randint(1000, 999999)}", f"pat-{self.rng.getrandbits(40):x}"])

    def service(self) -> str:
        return self.pick(_SERVICES)

    def class_name(self) -> str:
        return self.pick(_CLASSES)

    def host(self) -> str:
        return self.pick(_HOSTS)

    def request_id(self) -> str:
        return f"{self.rng.getrandbits(64):016x}"

    def version(self) -> str:
        return f"{self.rng.randint(1, 9)}.{self.rng.randint(0, 30)}.{self.rng.randint(0, 20)}"

    def timestamp(self) -> dt.datetime:
        return dt.datetime(2026, self.rng.randint(1, 11), self.rng.randint(1, 28), self.rng.randint(0, 23),
                           self.rng.randint(0, 59), self.rng.randint(0, 59))  # fmt: skip

    def order_no(self) -> str:
        return self.pick([f"{self.fake.letters(2)}{self.fake.digits(7)}", f"ORD-{self.fake.digits(6)}"])

    def place_text(self, rec: Record, text: str, what: str, key: str = "body") -> Record:
        """Put a serialized payload where logs carry one: the message, a field, or JSON inside JSON."""
        shape = self.pick(["message", "message", "field", "json_twice"])
        if rec.shape:
            shape = rec.shape
        rec.shape = shape
        if shape == "message":
            rec.msg = self.pick([f"{what} %s", f"{what}: %s", f"{what} payload=%s"])
            rec.args = [text]
        elif shape == "field":
            rec.msg = what
            rec.extra = {**rec.extra, key: text}
        else:  # a JSON event (a queue message, a Lambda event) logged as text
            event = json.dumps({"source": self.service(), key: text})
            if self.chance(0.5):
                rec.msg = f"{what} event=%s"
                rec.args = [event]
            else:
                rec.msg = what
                rec.extra = {**rec.extra, "event": event}
        return rec
