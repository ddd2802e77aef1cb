"""Values in JSON or Python repr text, read without parsing: where one ends, and the strings in it.

Readers of formats written as JSON or repr text (parsed HL7 segments, FHIR ``Parameters``, OTLP
attributes) use these to take a value whole: a string, a number, or a list or dict of components.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

from ._detector import Span

__all__ = ["NAMED_VALUE", "XML_NAMED_VALUE", "named_value_gate", "value_end", "value_spans"]


def _string_end(text: str, start: int) -> int:
    """The index just past the quoted string opening at ``start`` (backslash escapes skipped), or -1."""
    quote = text[start]
    position = start + 1
    size = len(text)
    while position < size:
        char = text[position]
        if char == "\\":
            position += 2
            continue
        if char == quote:
            return position + 1
        if char in "\r\n":
            return -1
        position += 1
    return -1


def value_end(text: str, start: int) -> int:
    """The index just past the JSON or repr value starting at ``start`` (a string, a list, a dict or a
    scalar), or -1 when it is not one."""
    if start >= len(text):
        return -1  # "f(key=": the text ends where the value would start
    char = text[start]
    if char in "\"'":
        return _string_end(text, start)
    if char in "[({":
        depth = 0
        position = start
        size = min(len(text), start + 4096)
        while position < size:
            char = text[position]
            if char in "\"'":
                position = _string_end(text, position)
                if position < 0:
                    return -1
                continue
            if char in "[({":
                depth += 1
            elif char in "])}":
                depth -= 1
                if depth == 0:
                    return position + 1
            position += 1
        return -1
    position = start
    while position < len(text) and text[position] not in ",]):}\r\n":
        position += 1
    return position


def value_spans(text: str, start: int, end: int, kind: str) -> Iterator[Span]:
    """The strings (or the scalar) of the value ``text[start:end]``, as spans of ``kind``."""
    if text[start] in "\"'":
        if end - start > 2:
            yield start + 1, end - 1, kind
        return
    if text[start] not in "[({":
        scalar = text[start:end].rstrip()
        if scalar and scalar not in ("null", "None", "true", "false", "True", "False"):
            yield start, start + len(scalar), kind
        return
    position = start + 1
    while position < end:
        if text[position] in "\"'":
            stop = _string_end(text, position)
            if stop < 0:
                return
            after = text[stop : stop + 2].lstrip()
            if stop - position > 2 and not after.startswith(":"):  # a key of the components' dict is no value
                yield position + 1, stop - 1, kind
            position = stop
            continue
        position += 1


NAMED_VALUE: Final = re.compile(
    r"""(["'])(?:name|key|field|attribute|attr|label|param|parameter|property|column)\1[ ]*:[ ]*"""
    r"""(["'])([^"'\\\r\n]{1,128})\2[ ]*,[ ]*"""
    r"""(["'])(value(?:[A-Z][A-Za-z]{1,30})?)\4[ ]*:[ ]*"""
    r"""(?:\{[ ]*(["'])(?:string|int|double|bool)Value\6[ ]*:[ ]*)?"""
)
"""A value named by a sibling: FHIR ``Parameters`` (``{"name": "birthdate", "valueDate": "..."}``, in
``parameter`` and ``part``), OTLP attributes (``{"key": "app.patient.display", "value": {"stringValue": ...}}``)
and an application's labelled values (``{"field": "zip", "value": ...}``).
The value itself starts where the match ends."""


XML_NAMED_VALUE: Final = re.compile(
    r"""<(?:[A-Za-z_][\w.-]{0,31}:)?name[ ]+value=(["'])([^"'<>]{1,128})\1[ ]*/>\s*"""
    r"""<(?:[A-Za-z_][\w.-]{0,31}:)?value[A-Z][A-Za-z]{1,30}[ ]+value=(["'])([^"'<>]{0,512})\3"""
)
"""The same in FHIR's XML form: ``<name value="birthdate"/><valueDate value="..."/>``."""


_LABELLED: Final = re.compile(r"[nkfalpc](?:ame|ey|ield|ttr|abel|aram|roperty|olumn)")
"""A word of a label key: the cheap test before :data:`NAMED_VALUE`."""


def named_value_gate(text: str) -> bool:
    """Whether ``text`` may hold a value named by a sibling ``name`` or ``key``."""
    if "alue" not in text:
        return False
    if "<name value=" in text or ":name value=" in text or "linkId" in text or "extension" in text:
        return True  # a QuestionnaireResponse's answers (by their question), a FHIR extension's (by its url)
    return _LABELLED.search(text) is not None and NAMED_VALUE.search(text) is not None
