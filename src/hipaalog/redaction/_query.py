"""Query parameters that name a person, on any path (``/v1/search?q=jane+roe``, ``?patient=Roe``,
``&first=Jane&last=Roe``), however the value was encoded (``+``, ``%20``, twice, inside a
``redirect_uri`` or ``next`` that holds a whole URL: the reader's view decodes them, :mod:`._normalize`).

Three sorts of parameter: the parts of a name (``first``, ``last``, ``given``, ``surname``...), whose
value is masked when it is a word a name may be; a person (``patient``, ``guarantor``, ``who``...),
whose value is masked when its words are a name (:mod:`._slugs`), one word enough; and a search
(``q``, ``query``, ``search``, ``name``, ``term``...), whose value is masked when it reads as a
person's full name by itself (``Jane Roe``, ``jane roe``, ``Roe, Jane``), not a condition, a drug or a
product (``q=type 2 diabetes``, ``name=cardiology``). Keys the catalogue knows (``dob``, ``email``,
``phone``, ``mrn``) are the key-value detector's; FHIR searches are :mod:`._fhir_search`'s.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

from ._cues import NAME_PART_KEYS, PERSON_KEYS, QUERY_KEY, SEARCH_KEYS
from ._detector import BaseDetector, Span
from ._gate import QUERY
from ._names import name_shaped
from ._slugs import OTHER, PARTICLE, SHORT, enough, part_kind, run_need

__all__ = ["QueryNameDetector", "query_key"]

_KEYS: Final = NAME_PART_KEYS | PERSON_KEYS | SEARCH_KEYS
_PAIR: Final = re.compile(r"(?<=[?&;])([\w.:\[\]-]{1,64})=(?=[^\W\d_])")
_WORDS: Final = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?(?:-[^\W\d_]+)?")
_GAP: Final = re.compile(r"(?:,?[ +]|%20)+")
"""What joins the words of a value: a space (``+`` and ``%20`` decoded, or not), a comma."""
_MAX_WORDS: Final = 5


def query_key(key: str) -> str:
    """The parameter's own name: lower case, without a chain, a modifier or brackets
    (``subject.name`` -> ``name``, ``name:exact`` -> ``name``, ``filter[name]`` -> ``name``)."""
    key = key.lower().rstrip("]")
    for mark in "[.":
        key = key.rpartition(mark)[2]
    if ":" in key:
        key = key.partition(":")[0] or key
    return key


def _value_words(text: str, start: int) -> list[tuple[int, int]]:
    """Spans of the words that open a value at ``start``: up to five, joined by spaces, ``+`` or commas."""
    words: list[tuple[int, int]] = []
    position = start
    while len(words) < _MAX_WORDS:
        word = _WORDS.match(text, position)
        if word is None:
            break
        words.append(word.span())
        gap = _GAP.match(text, word.end())
        if gap is None:
            break
        position = gap.end()
    return words


def _word_kind(word: str) -> int:
    """:func:`._slugs.part_kind` of a word, a double name judged by its parts (``Lloyd-Webber``,
    ``O'Brien``: the most telling part, any part that is no name makes it none)."""
    if "-" not in word and "'" not in word and "’" not in word:
        return part_kind(word)
    kinds = [part_kind(part) for part in re.split(r"['’-]", word) if len(part) > 1]
    return OTHER if not kinds or OTHER in kinds else min(kinds)


def _name_run(text: str, words: list[tuple[int, int]]) -> tuple[int, list[int]]:
    """How many words from the first make a run of name parts, and their kinds (particles left out)."""
    kinds: list[int] = []
    count = 0
    for start, end in words:
        kind = _word_kind(text[start:end])
        if kind == OTHER:
            break
        count += 1
        if kind != PARTICLE:
            kinds.append(kind)
    if count and part_kind(text[slice(*words[count - 1])]) == PARTICLE:
        kinds.append(SHORT)  # "john le": a particle last may be a surname (Lê)
    return count, kinds


class QueryNameDetector(BaseDetector):
    """A person's name as a query parameter's value on any path (``?q=jane+roe``, ``?patient=Roe``)."""

    gate = QUERY
    name = "query_name"
    kinds = ("NAME",)

    def find(self, text: str) -> Iterator[Span]:
        if QUERY_KEY.search(text) is None:
            return
        for pair in _PAIR.finditer(text):
            key = query_key(pair[1])
            if key not in _KEYS:
                continue
            words = _value_words(text, pair.end())
            if not words:
                continue
            end = self._name_end(text, key, words)
            if end is None and key not in NAME_PART_KEYS:
                end = self._shaped_end(text, words)
            if end is not None:
                yield pair.end(), end, "NAME"

    @staticmethod
    def _name_end(text: str, key: str, words: list[tuple[int, int]]) -> int | None:
        """Where the run of name parts that opens a value ends, when it names someone under ``key``."""
        count, kinds = _name_run(text, words)
        if not count:
            return None
        end = words[count - 1][1]
        if key in NAME_PART_KEYS:
            return end if count <= 2 else None  # first=Jane, last=dos Santos
        if key in PERSON_KEYS and count == 1:
            return end if kinds and kinds[0] != SHORT else None  # patient=Roe
        need = run_need(kinds)
        person = key in PERSON_KEYS
        return end if need is not None and enough(need, 2 if person else 1, person) else None

    @staticmethod
    def _shaped_end(text: str, words: list[tuple[int, int]]) -> int | None:
        """Where the longest opening of a value that is a full name as :func:`._names.name_shaped` reads
        one ends (``Maurits Chrodtrud``, ``Roe, Jane``), or ``None``."""
        for count in range(min(4, len(words)), 1, -1):
            value = text[words[0][0] : words[count - 1][1]].replace("+", " ")
            if name_shaped(value.replace("%20", " ")):
                return words[count - 1][1]
        return None
