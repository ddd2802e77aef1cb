"""A number printed by a ``%`` conversion that rewrites its digits, judged as the number it is.

``"ssn %x" % 536228174`` prints ``ssn 1ff6314e``: the digits a detector reads are gone, the value is not
(anyone can read it back). :func:`judged_in_decimal` prints the message again with those conversions
(``%x``, ``%X``, ``%o``, ``%e``, ``%E``, ``%g``, ``%G``) as plain ``%s``, and when the redactor masks something
in that text, that redacted text is the message to write. A number that identifies no one keeps its form.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Final

if TYPE_CHECKING:
    from .redaction import Redactor

__all__ = ["judged_in_decimal"]

_REWRITING: Final = re.compile(r"%(?:\([^)]*\))?[#0\- +]*(?:\*|[0-9]+)?(?:\.(?:\*|[0-9]+))?[hlL]?[xXoeEgG]")
"""A conversion that prints a number in other digits than its decimal ones."""
_SPEC: Final = re.compile(
    r"%(?:\((?P<key>[^)]*)\))?[#0\- +]*(?P<width>\*|[0-9]+)?(?:\.(?:\*|[0-9]+))?[hlL]?(?P<conv>.)"
)


def _as_text(spec: re.Match[str]) -> str:
    if spec["conv"] not in "xXoeEgG":
        return spec[0]
    return "%s" if spec["key"] is None else f"%({spec['key']})s"


def judged_in_decimal(template: str, args: Any, message: str, redactor: Redactor) -> str | None:
    """The message redacted as it reads with its numbers in decimal, when that masks something; else ``None``.

    ``message`` is ``template % args`` as printed. Never raises.
    """
    if _REWRITING.search(template) is None or "*" in template:
        return None
    try:
        shadow = _SPEC.sub(_as_text, template) % args
    except Exception:  # noqa: BLE001 - arguments that do not fit plain %s: the message as printed is judged
        return None
    if shadow == message:
        return None
    clean = redactor.redact_text(shadow)
    return None if clean == shadow else clean
