"""Answers of a FHIR ``QuestionnaireResponse``, typed by the question they answer.

An intake form's answers carry no field name of their own: ``{"linkId": "dob", "text": "Date of birth",
"answer": [{"valueDate": "1961-03-04"}]}``. The question names them, by its ``linkId``, its ``definition``
(``...Patient#Patient.birthDate``) or its ``text``, each judged as a field name (:mod:`._keys`); a
question about a person alone (``Emergency contact``, ``Guardian``, ``Name``) is answered with their name
or number. Read in dicts, in JSON or repr text and in FHIR XML.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any, Final

from ._detector import Span
from ._json_values import value_end, value_spans
from ._keys import KeyCatalogue

__all__ = ["answer_kind", "question_kind", "questionnaire_spans"]

_GENERIC_NAMES: Final = frozenset({"name", "names", "fullname", "yourname"})
"""Question names that are a person's name in a form about someone (a key alone would be a thing's name)."""
_DIGITS: Final = re.compile(r"[+(]?[0-9][0-9 ().-]{6,}")

_JSON_QUESTION: Final = re.compile(
    r"""(["'])linkId\1\s*:\s*(["'])([^"'\\\r\n]{1,128})\2"""
    r"""((?:\s*,\s*(["'])(?:definition|text|prefix)\5\s*:\s*(["'])(?:[^"'\\\r\n]|\\.){0,256}\6){0,3})"""
    r"""\s*,\s*(["'])answer\7\s*:\s*(?=\[)"""
)
"""An item's ``linkId`` (and ``definition``/``text``) before its ``answer`` list, in JSON or repr text."""
_JSON_LABEL: Final = re.compile(r"""(["'])(definition|text)\1\s*:\s*(["'])((?:[^"'\\\r\n]|\\.){0,256})\3""")
_JSON_ANSWER_VALUE: Final = re.compile(r"""\{\s*(["'])value[A-Z][A-Za-z]{1,30}\1\s*:\s*""")
_XML_QUESTION: Final = re.compile(
    r"""<linkId[ ]+value=(["'])([^"'<>]{1,128})\1[ ]*/>((?:\s*<(?:definition|text|prefix)[ ]+value=(["'])"""
    r"""[^"'<>]{0,256}\4[ ]*/>){0,3})\s*<answer>"""
)
_XML_LABEL: Final = re.compile(r"""<(definition|text)[ ]+value=(["'])([^"'<>]{0,256})\2""")
_XML_ANSWER_VALUE: Final = re.compile(r"""\s*<value[A-Z][A-Za-z]{1,30}[ ]+value=(["'])([^"'<>]{0,512})\1""")
_FLAT: Final = re.compile(r"\s+")


def _label_kind(label: str, catalogue: KeyCatalogue) -> str | None:
    """The kind a question's ``linkId``, ``definition`` or ``text`` gives its answers."""
    label = label.strip()
    if not label or len(label) > 256:
        return None
    if "#" in label or label.startswith("http"):
        label = label.rsplit("#", 1)[-1].rsplit("/", 1)[-1]  # a definition: ...StructureDefinition/Patient#Patient.name
    info = catalogue.info(_FLAT.sub(" ", label))
    if info.kind is not None:
        return info.kind
    if info.compact in _GENERIC_NAMES:
        return "NAME"
    if info.names_person:
        return "PERSON"  # "Emergency contact", "Guardian": a name or a number, told by the answer
    return None


def question_kind(labels: tuple[str, ...], catalogue: KeyCatalogue) -> str | None:
    """The kind of a question's answers, from its ``linkId``, ``definition`` and ``text`` (first that tells)."""
    for label in labels:
        kind = _label_kind(label, catalogue)
        if kind is not None:
            return kind
    return None


def answer_kind(kind: str, value: Any) -> str | None:
    """The kind an answer ``value`` takes under a question of ``kind``: a person's is a number or a name."""
    if kind != "PERSON":
        return kind
    if isinstance(value, (int, float)) or (isinstance(value, str) and _DIGITS.fullmatch(value)):
        return "PHONE"
    return "NAME" if isinstance(value, str) else None


def item_kind(item: Mapping[Any, Any], catalogue: KeyCatalogue) -> str | None:
    """The kind of a ``QuestionnaireResponse.item`` dict's answers (``None``: nothing tells)."""
    labels = tuple(item[key] for key in ("linkId", "definition", "text") if type(item.get(key)) is str)
    return question_kind(labels, catalogue)


def questionnaire_spans(text: str, catalogue: KeyCatalogue) -> Iterator[Span]:
    """Answers in JSON, repr or FHIR XML text, typed by their question."""
    if "answer" not in text:
        return
    for found in _JSON_QUESTION.finditer(text):
        labels = (found[3], *(label[4] for label in _JSON_LABEL.finditer(found[4])))
        kind = question_kind(labels, catalogue)
        if kind is None:
            continue
        end = value_end(text, found.end())
        if end < 0:
            continue
        for value in _JSON_ANSWER_VALUE.finditer(text, found.end(), end):
            stop = value_end(text, value.end())
            if stop > value.end():
                shown = text[value.end() : stop].strip("\"'")
                taken = answer_kind(kind, shown)
                if taken is not None:
                    yield from value_spans(text, value.end(), stop, taken)
    if "<answer>" in text:
        for found in _XML_QUESTION.finditer(text):
            labels = (found[2], *(label[3] for label in _XML_LABEL.finditer(found[3])))
            kind = question_kind(labels, catalogue)
            if kind is None:
                continue
            answer = _XML_ANSWER_VALUE.match(text, found.end())
            if answer is not None and answer[2].strip():
                taken = answer_kind(kind, answer[2])
                if taken is not None:
                    yield answer.start(2), answer.end(2), taken
