"""Eponyms written the way Spanish, German, French, Italian and Portuguese write them: the head word first.

``enfermedad de Addison``, ``maladie de Horton``, ``malattia di Alzheimer``, ``doença de Chagas``, ``Syndrom von
Guillain-Barré``, ``Morbus Bechterew``: a head word that names a condition, a particle (none after ``Morbus``), then
a surname, alone or two joined by a hyphen. A double eponym with a listed part and no given name (``Graves-Basedow``)
needs no head (``Protocolo de Graves-Basedow actualizado``). What is kept runs back over the capitalised words before
it (``Leitlinie Morbus Crohn``), so a name reader's longer run is kept whole; a given name or a title anywhere in that
run, or a capitalised word after the surname (``síndrome de Ana Ruiz``), leaves it a person's.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Final

from ._cues import TITLES
from ._normalize import ascii_letters
from ._vocab import FIRST_NAMES

__all__ = ["foreign_eponyms"]

_HEAD_WORDS: Final = (
    *("enfermedad", "enfermedades", "síndrome", "sindrome", "signo", "mal", "maladie", "syndrome", "signe"),
    *("malattia", "morbo", "segno", "doença", "doenca", "sinal", "syndrom", "krankheit", "zeichen", "tumeur"),
    *("tumor", "tumore", "linfoma", "lymphome", "lymphom", "sarcoma", "sarcome", "sarkom", "demencia", "démence"),
    *("demenza", "demência", "parálisis", "paralysie", "paralisi", "paralisia", "úlcera", "ulcère", "triada"),
    *("triade", "fenómeno", "phénomène", "fenomeno", "fenômeno", "phänomen", "prueba", "test", "escala", "score"),
)
"""Head words that name a condition, sign or test in those languages (lower case)."""
_HEADS: Final = "|".join(sorted(_HEAD_WORDS, key=len, reverse=True))
_SURNAME: Final = r"[A-ZÀ-Þ][a-zß-ÿ]+(?:-[A-ZÀ-Þ][a-zß-ÿ]+)?"
_HEADED: Final = re.compile(
    rf"(?i:\b(?:{_HEADS}))[ ](?:(?:de|di|del|von|du|da|do)[ ]|d['’])(?P<surname>{_SURNAME})(?![\w'’-]|[ ][A-ZÀ-Þ])"
    rf"|\bMorbus[ ](?P<morbus>{_SURNAME})(?![\w'’-]|[ ][A-ZÀ-Þ])"
)
"""A head word, a particle and a surname (``maladie de Horton``), or ``Morbus`` and a surname (``Morbus Crohn``)."""
_DOUBLE: Final = re.compile(r"[A-Z][a-zß-ÿ]+-[A-Z][a-zß-ÿ]+(?![\w'’-])")
"""Two capitalised words joined by a hyphen (``Graves-Basedow``), kept when a part is a listed eponym and the
other no given name."""
_ANY_PARTICLE: Final = re.compile(r"[ ](?:de|di|del|von|du|da|do)[ ][A-ZÀ-Þ]|[ ]d['’][A-ZÀ-Þ]|[ ]Morbus[ ]")
"""What every head-first eponym holds, searched for once (most texts hold none)."""
_ANY_DOUBLE: Final = re.compile(r"[a-zß-ÿ]-[A-Z]")
_RUN_BEFORE: Final = re.compile(r"((?:[A-ZÀ-Þ][\w'’.-]*|de|di|del|von|van|der|la|le|du|da|do)[ ])+$")
"""The capitalised words (and particles) right before the kept phrase, which a name reader may have joined to it."""


def _run_start(text: str, start: int) -> int | None:
    """Where the capitalised run before ``start`` opens, or None when a given name or a title is in it."""
    run = _RUN_BEFORE.search(text, max(0, start - 60), start)
    if run is None:
        return start
    for word in run[0].split():
        if word in FIRST_NAMES or word.rstrip(".") in TITLES:
            return None
    return run.start()


def foreign_eponyms(text: str, known: Callable[[str], bool]) -> Iterator[tuple[int, int]]:
    """Where ``text`` holds an eponym written head first, or a listed double eponym, with its capitalised run."""
    for found in _HEADED.finditer(text) if _ANY_PARTICLE.search(text) is not None or text[:7] == "Morbus " else ():
        surname = found["surname"] or found["morbus"]
        if found["surname"] and surname in FIRST_NAMES and not known(ascii_letters(surname)):
            continue  # "síndrome de Jane": someone's
        start = _run_start(text, found.start())
        if start is not None:
            yield start, found.end()
    for found in _DOUBLE.finditer(text) if "-" in text and _ANY_DOUBLE.search(text) is not None else ():
        one, two = ascii_letters(found[0]).split("-")
        if (known(one) and two not in FIRST_NAMES) or (known(two) and one not in FIRST_NAMES):
            start = _run_start(text, found.start())
            if start is not None:
                yield start, found.end()
