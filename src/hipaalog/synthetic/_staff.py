"""The made-up clinic's workforce: roles, names, schedules and workstations."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

__all__ = ["ROLES", "Role", "Staff", "hire"]

_SURNAMES = (
    "alvarez", "bennett", "chen", "dubois", "eriksen", "fischer", "garcia", "haddad", "ito", "jensen",
    "kowalski", "larsen", "mendes", "nakamura", "okafor", "patel", "quinn", "rossi", "schmidt", "tanaka",
    "usman", "varga", "weber", "xu", "yilmaz", "zhou", "abbott", "brooks", "castro", "diaz", "evans",
    "flores", "gupta", "hughes", "ibrahim", "jones", "kim", "lopez", "moreau", "novak",
)  # fmt: skip
_INITIALS = "abcdefghijklmnoprstvw"


@dataclass(frozen=True)
class Role:
    """A kind of workforce member and how they touch records."""

    name: str
    share: float
    prefix: str
    resources: tuple[tuple[str, float], ...]
    opens: tuple[int, int]
    """Record opens per patient touch (low, high)."""


ROLES: tuple[Role, ...] = (
    Role(
        "physician",
        0.22,
        "dr.",
        (
            ("Encounter", 0.36),
            ("Observation", 0.2),
            ("Condition", 0.16),
            ("MedicationRequest", 0.16),
            ("DiagnosticReport", 0.12),
        ),
        (3, 6),
    ),
    Role(
        "nurse",
        0.30,
        "rn.",
        (("Observation", 0.46), ("MedicationAdministration", 0.2), ("Encounter", 0.18), ("Patient", 0.16)),
        (2, 5),
    ),
    Role("front-desk", 0.16, "", (("Appointment", 0.56), ("Patient", 0.34), ("Coverage", 0.1)), (1, 3)),
    Role("billing", 0.12, "", (("Claim", 0.58), ("Coverage", 0.28), ("Patient", 0.14)), (1, 3)),
    Role("lab", 0.12, "", (("DiagnosticReport", 0.5), ("Specimen", 0.4), ("Patient", 0.1)), (1, 3)),
    Role("manager", 0.08, "", (("Schedule", 0.6), ("Patient", 0.4)), (1, 2)),
)


@dataclass
class Staff:
    """One workforce member."""

    user: str
    role: Role
    days: frozenset[int]
    """Weekdays worked (Monday 0)."""
    start_minute: int
    """Usual local start of the shift, minutes after midnight."""
    sources: tuple[str, ...]
    """Workstations used, the first most often."""
    panel: list[int] = field(default_factory=list)
    """Patients (indices) this physician follows, or this nurse's physicians' patients."""
    partners: list[int] = field(default_factory=list)
    """For a nurse: indices of the physicians they work with."""


def hire(count: int, rng: random.Random) -> list[Staff]:
    """``count`` staff with role shares as in :data:`ROLES` (at least one physician and one of each other role)."""
    staff: list[Staff] = []
    counts = [max(1, round(role.share * count)) for role in ROLES]
    while sum(counts) > count and max(counts) > 1:
        counts[counts.index(max(counts))] -= 1
    while sum(counts) < count:
        counts[1] += 1
    used: set[str] = set()
    workstation = 0
    for role, n in zip(ROLES, counts, strict=True):
        for _ in range(n):
            surname = rng.choice(_SURNAMES)
            base = f"{role.prefix}{surname}" if role.prefix else f"{rng.choice(_INITIALS)}{surname}"
            user = base
            suffix = 1
            while user in used:
                suffix += 1
                user = f"{base}{suffix}"
            used.add(user)
            part_time = rng.random() < 0.2
            days = frozenset(rng.sample(range(5), 3)) if part_time else frozenset(range(5))
            start = rng.randrange(7 * 60 + 30, 9 * 60 + 1)
            n_sources = rng.choice((1, 2, 2, 3))
            sources = []
            for _ in range(n_sources):
                workstation += 1
                sources.append(f"10.{20 + workstation // 250}.{workstation % 250 // 50}.{workstation % 50 + 10}")
            staff.append(Staff(user, role, days, start, tuple(sources)))
    return staff
