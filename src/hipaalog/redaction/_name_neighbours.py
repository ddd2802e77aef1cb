"""The rest of a name beside a part already found: ``Tao [REDACTED:NAME]``, ``[REDACTED:NAME] Hecker``.

A name arrives in pieces: one detector finds ``U. Xia`` and none ``Tao``; a ``%s`` argument holding the
surname is masked before the message is formatted (``270 inquiry for Jane [REDACTED:NAME] born ...``);
``Last, First`` has its surname masked and its given name left (``[REDACTED:NAME], Nasuf``). A word
right beside a name found, or beside hipaalog's mask of one, is that name's part when it reads as one:

* after it (particles and a middle initial between allowed: ``[REDACTED:NAME] C. da Rocha``), or after
  its comma: a capitalised word no dictionary knows (``Hecker``), a listed given name or surname that
  is no common word; in lower case, a listed surname or a word after a particle (``fonseca``,
  ``da conceição``), beside a mask only;
* before it: a listed given name that is no common word, or, beside a mask, a capitalised word no
  dictionary knows; before its comma, a surname (``Vukovic, [REDACTED:NAME]``).

Words of log text are kept: ``[REDACTED:NAME] reachable at``, ``Patient [REDACTED:NAME]``,
``[REDACTED:NAME], Portal user``, ``Mark [REDACTED:NAME] as reviewed``.
"""

from __future__ import annotations

import re
from typing import Final

from ._cues import NAMES, TITLES
from ._detector import Span
from ._lexicon import VOWELS, clinical_word, compound_word, unknown_word
from ._name_table import GIVEN, SURNAME_RANK
from ._names import COMMON_GIVEN, NOT_SURNAMES, PARTICLES, foreign_word

__all__ = ["with_name_neighbours"]

_NAME_MARK: Final = "[REDACTED:NAME]"
_WORD: Final = r"[^\W\d_](?:[^\W\d_]|['’-](?=[^\W\d_]))*"
_AFTER: Final = re.compile(
    rf"(,?[ ])(?:[A-Z]\.[ ])?(Ste?\.[ ]|Saint[ ]|(?:e[ ]|y[ ])?(?:{PARTICLES}[ ]){{0,2}})"
    rf"(?!(?:e|y|{PARTICLES})[ ]|Ste?\.)({_WORD})(?![\w’-]|'[^\W\d_])"
)
"""A word after a name: a middle initial, particles (``da``, ``van der``), a joining ``e`` or ``y`` of a double
surname (``Araújo e Rocha``, ``Clerc y Vallet``) or a saint's prefix (``St. Clair``) between."""
_SAINT_TAIL: Final = re.compile(r"\.[ ]([A-Z][a-z]+)(?![\w’-]|'[^\W\d_])")
"""The rest of a saint's surname when a detector stopped at its prefix (``Brit St`` of ``Brit St. John``)."""
_SAINTS: Final = frozenset(("St. ", "Ste. ", "Saint "))
_BEFORE: Final = re.compile(rf"(?<![\w'’.-])({_WORD})(,?)[ ]$")


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_INITIAL: Final = re.compile(r"[A-Z]\.[ ]")
_SENTENCE_ENDS: Final = frozenset(".:;!?\n")


def _opens_at(text: str, position: int) -> bool:
    """Whether a sentence opens at ``position`` (its capitalised first word is no name part by its case alone:
    ``Pacjent``): the text's start, a line break just before it, or a closing mark and spaces only between.

    What ``(?:^|[.:;!?\\n][ ]*)$`` searched over ``text[:position]`` answers, in time that does not grow with
    ``position`` (that search tried every position before it: quadratic over a text full of names).
    """
    if position == 0 or text[position - 1] == "\n":
        return True
    index = position - 1
    while index >= 0 and text[index] == " ":
        index -= 1
    return index >= 0 and text[index] in _SENTENCE_ENDS


_NOT_NAMES: Final = (
    _words(
        """the a an and or but for to from in on at by with of is was are were has had have not no yes per via
    patient pt member caller user admin staff nurse doctor provider dob mrn ssn born age male female
    mr mrs ms mx dr miss prof jr sr ii iii iv md rn np do phd esq attn cc signed seen team physician surgeon
    attending"""
    )
    | NAMES.key_words
    | {title.lower() for title in TITLES}
)
"""Words of log text beside a name that no table or dictionary list may still hold."""


def _name_part(word: str, lead: bool, surname: bool = False, mask: bool = True, particle: bool = False) -> bool:
    """Whether ``word`` beside a name is one of its parts (``lead``: it stands before the name; ``surname``:
    a comma follows it, ``Last, First``; ``mask``: the name is hipaalog's mask of it, not a span a detector
    bounded; ``particle``: ``da``, ``van``... stand between)."""
    bare = word.lower()
    if bare in _NOT_NAMES or len(bare) < 2:
        return False
    if word.islower():  # "[REDACTED:NAME] fonseca", "da conceição": a surname of the table, or after a particle
        return (
            mask
            and not lead
            and (particle or bare in SURNAME_RANK)
            and len(bare) > 3
            and unknown_word(bare)
            and not clinical_word(bare)
            and not compound_word(bare)
            and not VOWELS.isdisjoint(bare)
        )
    if not (word[0].isupper() and (word[1:].islower() or word.isupper())):
        return False  # "iPhone", "McKesson-Rx": no name's case
    if bare in GIVEN and bare not in COMMON_GIVEN and not surname:
        return True
    if (surname or not lead) and bare in SURNAME_RANK and bare not in NOT_SURNAMES and unknown_word(bare):
        return True
    return (mask or not lead) and foreign_word(word)  # "Pacjent Zbyszko Wrzesniak": the detector left it out


_HEIRS: Final = _words(
    "figli figlio filhos filho hijos hijo fils sons son söhne sohn zonen zoon cia compagnia irmaos hermanos"
)
"""Words of a family firm after ``e`` or ``y`` (``Rossi e Figli``, ``Gomes e Filhos``): no second surname."""


def _after_part(between: str, word: str, mask: bool, particle: bool) -> bool:
    """Whether ``word``, after a name and ``between`` it (particles, a joining ``e`` or ``y``, a saint's prefix), is
    that name's part: after a saint's prefix or a joining word, any capitalised word that is no log text."""
    if between in _SAINTS or between[:2] in {"e ", "y "}:
        bare = word.lower()
        return (
            word[:1].isupper()
            and word[1:].islower()
            and bare not in _NOT_NAMES
            and bare not in _HEIRS
            and len(bare) > 2
        )
    return _name_part(word, False, mask=mask, particle=particle)


def _given_before_initial(word: str) -> bool:
    """A capitalised word before a middle initial and a surname found (``Tao`` of ``Tao U. Xia``): any given
    name of the tables, even one that is also a word (``Taro``), and no cue of log text."""
    bare = word.lower()
    return word[:1].isupper() and word[1:].islower() and bare in GIVEN and bare not in _NOT_NAMES


def with_name_neighbours(found: list[Span], text: str) -> list[Span]:
    """``found`` and the parts of names beside its names and beside masks of names in ``text``."""
    names: list[tuple[int, int, bool]] = [(start, end, False) for start, end, kind in found if kind == "NAME"]
    if _NAME_MARK in text:
        position = text.find(_NAME_MARK)
        while position >= 0:
            names.append((position, position + len(_NAME_MARK), True))
            position = text.find(_NAME_MARK, position + 1)
    added: list[Span] = []
    for start, end, mask in names:
        after = _AFTER.match(text, end)
        if (
            after is not None
            and (after[1] == " " or after[3][:1].isupper())
            and _after_part(after[2], after[3], mask, after.start(3) > after.end(1))
        ):
            # a mask is never joined (the scanner keeps its own markers): the part is masked on its own
            added.append((end + len(after[1]) if mask else start, after.end(), "NAME"))
        elif not mask and (text.endswith(" St", start, end) or text.endswith(" Ste", start, end)):
            tail = _SAINT_TAIL.match(text, end)
            if tail is not None:
                added.append((start, tail.end(), "NAME"))  # "Brit St" found, ". John" left
        if start > 1 and text[start - 1] == " ":
            before = _BEFORE.search(text, max(0, start - 40), start)
            opening = before is not None and _opens_at(text, before.start(1))
            initial = not mask and _INITIAL.match(text, start) is not None  # "Tao U. Xia": a given name's place
            if before is not None and (
                _name_part(before[1], True, bool(before[2]), (mask or initial) and not opening)
                or (initial and not opening and not before[2] and _given_before_initial(before[1]))
            ):
                added.append((before.start(1), start - 1 if mask else end, "NAME"))
    return found + added if added else found
