"""Format builders: each module's ``RECIPES`` lists ``(format, make_phi_record, make_benign_record)``."""

from __future__ import annotations

from collections.abc import Callable

from ..record import Record
from . import access, applog, fhir, hl7v2, mail, pyobjects, sql, tabular, x12
from ._ctx import Ctx

__all__ = ["RECIPES", "WEIGHTS", "Ctx"]

Maker = Callable[[Ctx], Record]

RECIPES: list[tuple[str, Maker, Maker]] = [
    *fhir.RECIPES,
    *hl7v2.RECIPES,
    *x12.RECIPES,
    *sql.RECIPES,
    *tabular.RECIPES,
    *pyobjects.RECIPES,
    *mail.RECIPES,
    *access.RECIPES,
    *applog.RECIPES,
]

WEIGHTS = {
    "fhir": 14, "hl7v2": 12, "x12": 8, "sql": 8, "csv": 7, "repr": 7, "exception": 6, "traceback": 4,
    "email": 6, "access": 6, "app": 22,
}  # fmt: skip
"""Share of each format in a split (``app`` is spread over its three recipes)."""
