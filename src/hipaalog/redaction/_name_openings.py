"""Names in less common places: before an age, after a word of another language, with alternatives or a particle.

* ``Cynthia Lee, edad 90+``, ``Anae Lee is a 90-year-old male``, ``Paul Ode, 45 ans``: two capitalised words that
  open a text or a sentence, then an age, are a person's, though the surname is a word (``Lee``, ``Ode``) or the
  given name is in no table;
* ``no coincide con Ron Rust``, ``Fallecimiento registrado: Frank English``: a listed given name and a listed surname
  that is also an English word, after a preposition of another language or a label in another language;
* ``Jerónimo/Gerónimo Sanz``: two given names as alternatives before a surname;
* ``de la O, Malorie``, ``van der Berg, Ilse``: a surname with its particles, a comma, a listed given name.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

from ._keys import PERSON_WORDS
from ._lexicon import SOFTWARE, unknown_word
from ._name_table import GIVEN, SURNAME_RANK
from ._normalize import ascii_letters

__all__ = ["aged_names", "has_opening_name", "opening_names"]

_UP: Final = "A-ZÀ-Þ"
_LOW: Final = "a-zß-ÿ"
_DIGIT: Final = re.compile(r"[0-9]")
_NAME_WORD: Final = rf"[{_UP}][{_LOW}]+(?:['’-][{_UP}]?[{_LOW}]+)?"
_AGE: Final = (
    r"(?:(?:(?i:age|aged|edad|idade|alter|âge|età|leeftijd)[ :]*[0-9]{1,3}\+?(?![0-9])"
    r"|[0-9]{1,3}\+?[ -]?(?i:years?|yrs?|y/?o|yo|años|anos|ans|jahre|j\.|anni|jaar|lat)(?![a-z])"
    r")(?=[ ]?(?:[,;:.)\]\"']|$))|[0-9]{1,3}[ -]year[ -]old)"
)
"""An age that closes its phrase (``edad 90+,``, ``45 ans.``; not ``45 ans de service``), or ``N-year-old``."""
_AGED: Final = re.compile(
    rf"[{_UP}](?:(?<![^\n.!?;:|>\"'\[(*-][{_UP}])|(?<=[\n.!?;:|>*-][ ][{_UP}]))"
    rf"(?P<first>[{_LOW}]+(?:-[{_UP}](?:[{_LOW}]+|\.))?)"
    rf"(?:[ ][A-Z]\.?)?[ ](?P<last>{_NAME_WORD})"
    rf"(?:,[ ]|[ ]\(|[ ](?:is|was|es|est|ist|è|é)[ ](?:(?:an?|un|una|une|ein|eine|uma|um)[ ])?){_AGE}"
)
"""Two capitalised words that open a text or a sentence, then an age (``Mia Kent, 87 J.``)."""
_FOREIGN_CUE: Final = re.compile(
    rf"[{_LOW}A-Z](?<![\w][{_LOW}A-Z])(?P<cue>[{_LOW}]*)(?P<colon>:?)[ ]"
    rf"(?P<first>[{_UP}][{_LOW}]+)[ ](?P<last>[{_UP}][{_LOW}]+)"
    rf"(?![\w'’@/.-]|[ ][{_UP}])"
)
"""A word, a label ending in a colon or not, then two capitalised words (``con Ron Rust``, ``fallecido Frank
English``): the word must be a preposition or a word of another language."""
_GIVEN_WORD: Final = rf"[{_UP}][{_LOW}]+(?:-[{_UP}](?:[{_LOW}]+|\.))?"
_SLASHED: Final = re.compile(
    rf"[{_UP}](?<![\w/][{_UP}])(?P<one>[{_LOW}]+(?:-[{_UP}](?:[{_LOW}]+|\.))?)/(?P<two>{_GIVEN_WORD})"
    rf"[ ](?:(?i:da|de|do|dos|das|del|van|von|der|la|le)[ ]){{0,2}}(?P<last>{_NAME_WORD})(?![\w/@'’-])"
)
"""Two given names as alternatives, then a surname (``Jerónimo/Gerónimo Sanz``)."""
_PARTICLE_COMMA: Final = re.compile(
    r"[dvl](?<![\w-][dvl])(?:e[ ]la|e[ ]los|e[ ]las|el|an[ ]der|an[ ]den|on[ ]der|an|on|e|a|os|as|u|i|e)[ ]"
    rf"[{_UP}][{_LOW}'’-]*,[ ](?P<first>[{_UP}][{_LOW}]+)(?:[ ](?P<second>[{_UP}][{_LOW}]+))?"
    rf"(?![\w'’-]|[ ][{_UP}][{_LOW}]|,[ ]?[{_UP}]|[ ](?:and|or|y|e|et|und|&)[ ])"
)
"""A surname with its particles, a comma and a given name (``de la O, Malorie``), not an item of a list."""
_PREPOSITIONS: Final = frozenset(
    (
        *("con", "mit", "avec", "para", "por", "pour", "chez", "par", "com", "bei", "für", "fuer", "von", "de"),
        *("di", "da", "à"),
    )
)
"""Prepositions of other languages before a person (``no coincide con Ron Rust``)."""
_WORD_SURNAMES: Final = frozenset(
    (
        *("lee", "grant", "park", "french", "english", "small", "winter", "welsh", "swift", "german", "mark"),
        *("rust", "irish", "summer"),
    )
)
"""Frequent surnames the name readers take for words that a foreign cue makes a person's (``con Ron Rust``); the
others they take for words (``Service``, ``Pool``, ``Key``) stay words."""
_FREQUENT: Final = 5000
_NOT_NAMES: Final = frozenset(
    ("the", "this", "that", "there", "then", "when", "what", "which", "and", "for", "with", "from", "new", "old")
)


def _given(word: str) -> bool:
    """A listed given name (each part of ``Marie-Louise``; ``Hans-J.`` by its first)."""
    parts = [part for part in ascii_letters(word).lower().split("-") if len(part) > 1 and part[-1] != "."]
    return bool(parts) and all(part in GIVEN for part in parts)


def _unknown(word: str) -> bool:
    """A word of four letters or more no dictionary knows (``Liberto``)."""
    return len(word) > 3 and unknown_word(ascii_letters(word).lower())


def _name_like(word: str) -> bool:
    """A listed surname or given name, or a word no dictionary knows (each part of a hyphenated one)."""
    parts = [part for part in ascii_letters(word).lower().split("-") if len(part) > 1 and part[-1] != "."]
    return bool(parts) and all(part in SURNAME_RANK or part in GIVEN or unknown_word(part) for part in parts)


_YEARS_ONLY: Final = re.compile(r"(?:,[ ]|[ ]\()[0-9]{1,3}\+?[ ]?(?i:years?|yrs?)$")
"""An age written only as a count of English years (``, 10 years``), which a thing's age or a duration takes too."""


def _listed_pair(first: str, last: str) -> bool:
    """A listed given name and a name-like surname, neither a software's name (``Kafka``)."""
    if ascii_letters(first).lower() in SOFTWARE or ascii_letters(last).lower() in SOFTWARE:
        return False
    return _given(first) and _name_like(last)


def aged_names(text: str, common_given: frozenset[str], word_surnames: frozenset[str]) -> Iterator[tuple[int, int]]:
    """Where a name opens ``text`` or a sentence of it before an age (``Ed Park, age 91``), whatever its words; a
    given name that is also a word (``common_given``: ``Chase``) needs a surname that is none (``word_surnames``:
    ``Bank``)."""
    if " " in text and _DIGIT.search(text) is not None:
        for found in _AGED.finditer(text):
            first, last = text[found.start() : found.end("first")], found["last"]
            if first.lower() in _NOT_NAMES or last.lower() in _NOT_NAMES:
                continue
            if _YEARS_ONLY.search(text, found.end("last"), found.end()) is not None and not _listed_pair(first, last):
                continue  # "Apache Kafka, 10 years.", "Spring Boot, 10 years.": a thing's years, not an age
            if _given(first) and first.lower() in common_given:
                good = _name_like(last) and last.lower() not in word_surnames  # "Chase Bank, 45 ans."
            elif _given(first):
                good = _name_like(last) or last.lower() not in word_surnames  # "Paul Ode, 45 ans"
            else:
                good = unknown_word(ascii_letters(first).lower()) and _name_like(last)  # "Anae Lee is a 90-year-old"
            if good:
                yield found.start(), found.end("last")


def _slashed_names(text: str) -> Iterator[tuple[int, int]]:
    """Where two given names as alternatives come before a surname (``Jon/John Tate``)."""
    for found in _SLASHED.finditer(text) if "/" in text else ():
        one, two = text[found.start() : found.end("one")], found["two"]
        if not (_name_like(one) and _name_like(two) and _name_like(found["last"])):
            continue
        if _given(one) or _given(two) or (_unknown(one) and _unknown(two)):
            yield found.start(), found.end()


def opening_names(text: str, word_surnames: frozenset[str]) -> Iterator[tuple[int, int]]:
    """Where ``text`` holds a person's name after a word of another language, as alternatives, or with particles
    (``word_surnames``: surnames that are also words, kept only when :data:`_WORD_SURNAMES` lists them)."""
    if " " not in text:
        return
    for found in _FOREIGN_CUE.finditer(text):
        cue = text[found.start() : found.end("cue")].lower()
        if cue not in _PREPOSITIONS and not (len(cue) > 3 and unknown_word(ascii_letters(cue))):
            continue  # "status: Frank English", "in Frank English": an English word before
        last = ascii_letters(found["last"]).lower()
        if not _given(found["first"]) or SURNAME_RANK.get(last, _FREQUENT) >= _FREQUENT:
            continue
        if last not in word_surnames or last in _WORD_SURNAMES:
            yield found.start("first"), found.end()
    yield from _slashed_names(text)
    if ", " in text:
        yield from _particle_names(text)


def _person_word_before(text: str, start: int) -> bool:
    """Whether a person word (``paciente``, ``Patientin``) comes right before ``start``."""
    before = text[max(0, start - 16) : start].split()
    return bool(before) and before[-1].rstrip(":").lower() in PERSON_WORDS


def _particle_names(text: str) -> Iterator[tuple[int, int]]:
    """Where a surname with particles comes before a comma and a given name (``de la O, Malorie``; a name no table
    lists after a person word: ``paciente van der Mar, Calisto``)."""
    for found in _PARTICLE_COMMA.finditer(text):
        first, second = found["first"], found["second"]
        if _given(first) or (_unknown(first) and _person_word_before(text, found.start())):
            yield found.start(), found.end() if second is not None and _given(second) else found.end("first")


def has_opening_name(text: str) -> bool:
    """Whether ``text`` holds a name this module reads with no listed given name to tell the gate (``Giesela Spieß,
    89 J.``, ``Liberto/Raimondo Lovato``, ``van der Mar, Calisto``)."""
    if " " not in text:
        return False
    if next(aged_names(text, frozenset(), frozenset()), None) is not None:
        return True
    if next(_slashed_names(text), None) is not None:
        return True
    return ", " in text and next(_particle_names(text), None) is not None
