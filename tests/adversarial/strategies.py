"""Hypothesis strategies: canary sets, planted leaves, containers and objects around them, text encodings."""

from __future__ import annotations

import collections
import dataclasses
import json
import types
import urllib.parse
from collections.abc import Callable
from typing import Any, NamedTuple

import attrs
import pydantic
from hypothesis import strategies as st

import hipaalog

from .canaries import DEFAULT, Canaries, Canary, canaries_from
from .objects import Lookup, Shown, enum_of

__all__ = ["canary_sets", "containers", "encoded_texts", "leaves", "text_leaves"]

SELF_EVIDENT = frozenset({"SSN", "EMAIL", "PHONE", "IP"})
"""Kinds redaction knows without a field name or a cue word."""


_POOL: list[Canaries] = []


def canary_sets() -> st.SearchStrategy[Canaries]:
    """The hand-made set, or one of a pool of Faker-made ones (each value caught in plain sight)."""
    if not _POOL:
        _POOL.append(DEFAULT)
        _POOL.extend(made for seed in range(40) if (made := canaries_from(seed)) is not None)
    return st.sampled_from(_POOL)


def _texts(canary: Canary) -> list[str]:
    """The canary as text redaction catches in plain sight: after its cue, as ``key=value``, bare when self-evident."""
    forms = [canary.text, f"{canary.key}={canary.value}"]
    if canary.kind in SELF_EVIDENT:
        forms.append(canary.value)
    return [form for form in forms if _caught(form)]


def _caught(text: str) -> bool:
    if text not in _CAUGHT:
        _CAUGHT[text] = hipaalog.redact(text) != text
    return _CAUGHT[text]


_CAUGHT: dict[str, bool] = {}


def text_leaves(canaries: Canaries) -> st.SearchStrategy[str]:
    """One canary as a text caught in plain sight."""
    return st.sampled_from([text for canary in canaries.all() for text in _texts(canary)])


def leaves(canaries: Canaries) -> st.SearchStrategy[Any]:
    """One canary in a form redaction catches in plain sight (under its field name, or as text), or that text as a
    mapping key, in a set, as bytes, behind ``__str__`` or as an enum member's value."""
    fields = st.sampled_from([{c.key: c.value} for c in canaries.all()])
    texts = text_leaves(canaries)
    return st.one_of(
        fields,
        texts,
        texts.map(lambda t: {t: "seen"}),
        texts.map(lambda t: {t}),
        texts.map(lambda t: frozenset([t])),
        texts.map(lambda t: t.encode()),
        texts.map(Shown),
        texts.map(enum_of),
    )


@dataclasses.dataclass
class Box:
    note: Any


@attrs.define
class AttrsBox:
    note: Any


class ModelBox(pydantic.BaseModel):
    note: Any


class TupleBox(NamedTuple):
    note: Any


class SlotsBox:
    __slots__ = ("note",)

    def __init__(self, note: Any) -> None:
        self.note = note


_NAMES = st.sampled_from(["data", "payload", "item", "context", "value", "details", "row", "meta"])


def _wrap(inner: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """One level of container or object around ``inner``."""
    plain: list[st.SearchStrategy[Any]] = [
        st.builds(lambda k, v: {k: v}, _NAMES, inner),
        st.builds(lambda v: [v], inner),
        st.builds(lambda v: (v, 1), inner),
        st.builds(Box, inner),
        st.builds(AttrsBox, inner),
        st.builds(lambda v: ModelBox(note=v), inner),
        st.builds(TupleBox, inner),
        st.builds(SlotsBox, inner),
        st.builds(lambda v: types.SimpleNamespace(note=v), inner),
        st.builds(lambda v: Lookup({"note": v}), inner),
        st.builds(lambda v: collections.deque([v]), inner),
    ]
    return st.one_of(plain)


def containers(canaries: Canaries, max_depth: int = 4) -> st.SearchStrategy[Any]:
    """A planted leaf inside up to ``max_depth`` levels of generated containers and objects."""
    strategy = leaves(canaries)
    for _ in range(max_depth):
        strategy = st.one_of(strategy, _wrap(strategy))
    return strategy


def _full_width(text: str) -> str:
    return text.translate({ord(d): chr(0xFF10 + int(d)) for d in "0123456789"})


ENCODINGS: dict[str, Callable[[str], str]] = {
    "plain": lambda t: t,
    "json": json.dumps,
    "json-twice": lambda t: json.dumps(json.dumps(t)),
    "json-object": lambda t: json.dumps({"note": t}),
    "url": lambda t: urllib.parse.quote(t, safe=""),
    "query": lambda t: "q=" + urllib.parse.quote_plus(t),
    "full-width": _full_width,
    "nbsp": lambda t: t.replace(" ", "\u00a0"),
    "repr": repr,
}


def encoded_texts(canaries: Canaries) -> st.SearchStrategy[str]:
    """A planted text (caught in plain sight) in one of the encodings a reader undoes."""
    encodings = st.sampled_from(sorted(ENCODINGS))
    return st.tuples(text_leaves(canaries), encodings).map(lambda pair: ENCODINGS[pair[1]](pair[0]))
