"""Month names as dates write them, in English and the languages of hipaalog's other cues.

Names are listed without their accents (``marz``, ``decembre``, ``agustos``, ``pazdziernika``):
text with accents is scanned as its reader's view, which drops them (:mod:`._normalize`). Each
name matches in lower case, Title Case and UPPER CASE, like the cue words.
"""

from __future__ import annotations

from typing import Final

from ._near import trie_alternation

__all__ = ["ENGLISH_MONTHS", "FOREIGN_MONTHS", "FOREIGN_WRITTEN", "MONTH_ALTERNATION", "cased_alternation"]


def _split(text: str) -> tuple[str, ...]:
    return tuple(text.split())


ENGLISH_MONTHS: Final = _split(
    "January February March April May June July August September October November December "
    "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec"
)

FOREIGN_MONTHS: Final = frozenset(
    _split(
        # Spanish
        "enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre noviembre diciembre "
        "ene abr ago dic "
        # Portuguese
        "janeiro fevereiro marco maio junho julho setembro outubro novembro dezembro fev mai set out dez "
        # French
        "janvier fevrier mars avril juin juillet aout septembre octobre novembre decembre janv fevr avr juil "
        # German
        "januar janner februar marz maerz april juni juli oktober dezember okt dez "
        # Italian
        "gennaio febbraio aprile maggio giugno luglio settembre ottobre dicembre gen mag giu lug ott "
        # Dutch
        "januari februari maart mei augustus mrt "
        # Polish (the genitive written in dates, and the nominative)
        "stycznia lutego marca kwietnia maja czerwca lipca sierpnia wrzesnia pazdziernika listopada grudnia "
        "styczen luty marzec kwiecien maj czerwiec lipiec sierpien wrzesien pazdziernik listopad grudzien "
        "sty lut kwi cze lip sie wrz paz lis gru "
        # Turkish
        "ocak subat mart nisan mayis haziran temmuz agustos eylul ekim kasim aralik "
        "oca sub nis haz tem agu eyl eki kas ara"
    )
)
"""Other languages' month names and their usual abbreviations, accents dropped (English ones left out)."""
_ACCENTED: Final = frozenset(
    _split(
        "märz mär février févr août décembre déc março październik października wrzesień września kwiecień "
        "sierpień styczeń grudzień paź şubat şub mayıs ağustos ağu eylül kasım aralık"
    )
)
"""The names above that have accents, as written: the pass over a whole text about a person reads it unchanged."""
FOREIGN_WRITTEN: Final = FOREIGN_MONTHS | _ACCENTED
"""Other languages' month names with and without their accents (``marz`` and ``märz``), in lower case."""


def cased_alternation(words: frozenset[str] | tuple[str, ...]) -> str:
    """A regex group matching any of ``words`` in lower case, Title Case or UPPER CASE."""
    forms = {form for word in words for form in (word.lower(), word.title(), word.upper())}
    return "(?:" + trie_alternation(forms) + ")"


MONTH_ALTERNATION: Final = cased_alternation(FOREIGN_MONTHS | _ACCENTED | {m.lower() for m in ENGLISH_MONTHS})
"""Any month name or abbreviation, English or not (no trailing dot)."""
