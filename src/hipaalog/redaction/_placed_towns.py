"""Towns of other locales after a word that says a place follows (``in Andrade Grande``, ``at San Giuseppe
Vesuviano``, ``from Câmara Grande hub``, ``location=Sao Paulo``, ``depot=Port Angela``): a place, not a person's
name.

Towns of Portugal, Brazil, Italy, Spain and France are often made of surnames (``Novais de Sousa``) or carry a word
no person's name has (``Grande``, ``San``, ``Stazione``, ``Sainte``). Right after ``in``, ``at``, ``near``, ``from``
or a ``location`` key, a run of name parts is a town when it opens with a town's first word (or one stands just
before it), holds a town's word anywhere, or the gazetteer lists it; or when no given name opens it and a site's word
follows it (``from Novais de Sousa warehouse``), or it has two words or more after ``in``, ``at``, ``near`` or the
key. After a site's key (``warehouse=``, ``venue=``, ``depot=``) a town's English first word (``South``, ``Port``)
opens a town too. In a text about a person the town is still where they are: :func:`placed_towns` gives it to the
place reader.
"""

from __future__ import annotations

import re
from typing import Final

from ._gazetteer import listed_town
from ._lexicon import ENGLISH
from ._name_table import GIVEN, SURNAME_RANK
from ._normalize import ascii_letters

__all__ = ["placed_town", "placed_towns"]

_TOWN_WORDS: Final = frozenset(
    (
        *("grande", "pequeno", "nova", "novo", "velha", "velho", "alegre", "paulista", "stazione", "scalo", "terme"),
        *("vesuviano", "ligure", "salentino", "veneto", "laziale", "umbro", "sardo", "calabro", "ville", "bourg"),
        *("bains", "sul", "oeste", "leste", "ciudad", "pueblo"),
    )
)
"""Words of towns (accents dropped, lower case) that no run of a person's name holds, wherever they stand."""
_TOWN_OPENERS: Final = frozenset(
    ("sao", "san", "santo", "santa", "sant", "saint", "sainte", "vila", "porto", "lido", "borgo", "castel", "puerto")
)
"""Words that open a town's name (``San``, ``Vila``, ``Sainte``) and no person's."""
_CUE_BEFORE: Final = re.compile(
    r"(?:(?<![\w-])(?P<word>in|at|near|from|In|At|Near|From)[ ]|(?<![\w-])[Ll]ocation[ ]?[=:][ ]?"
    r"|(?<![\w-])(?P<site>(?i:warehouse|venue|site|depot|datacenter|data_center|plant|store|branch|hub|facility"
    r"|yard|terminal|region|campus))[ ]?[=:][ ]?['\"]?)"
    r"(?:(?P<lead>[A-Z][^\W\d_]{1,8})[ ])?$"
)
"""The place word right before a run (and a town word it may leave out of the run: ``at San Giuseppe``)."""
_SITE_OPENERS: Final = frozenset(("north", "south", "east", "west", "new", "lake", "port", "mount", "fort", "old"))
"""Words that open an English town's name (``Port Angela``, ``New Michael``): after a site's key, a town."""
_REACH: Final = 24
_SITE_AFTER: Final = re.compile(
    r"[ ](?:warehouse|depot|store|branch|plant|hub|office|site|datacenter|facility|factory|yard|terminal|port"
    r"|airport|station|center|centre|dc|region)s?(?![\w-])"
)
"""A site's word after a town (``from Novais de Sousa warehouse``)."""


def _listed(words: list[str]) -> bool:
    """Whether the gazetteer may say what ``words`` are: not one word that is also a name part (``from Harrison``)."""
    return len(words) > 1 or (words[0] not in GIVEN and words[0] not in SURNAME_RANK)


def placed_town(text: str, start: int, end: int) -> bool:
    """Whether the name parts at ``text[start:end]`` are a town right after a place word."""
    while start < end and text[start] == " ":
        start += 1
    cue = _CUE_BEFORE.search(text, max(0, start - _REACH), start)
    if cue is None:
        return False
    words = [ascii_letters(word).lower() for word in text[start:end].replace("-", " ").split()]
    lead = cue["lead"]
    if cue["site"] is not None and (lead is not None or len(words) > 1):
        opener = ascii_letters(lead).lower() if lead is not None else words[0]
        rest = words if lead is not None else words[1:]
        if (opener in _SITE_OPENERS or opener in _TOWN_OPENERS) and len(rest) == 1:
            return True  # "depot=Port Angela", "venue='South Joseph'": a site's town, a given name after its prefix
        # (not "depot=Port Wendell Okafor": a given name and a surname after the prefix are a person's)
    if lead is not None and ascii_letters(lead).lower() not in _TOWN_OPENERS:
        return False  # "in Jane Roe": a word before the run that is no town's belongs to the name
    if lead is not None or words[0] in _TOWN_OPENERS or (_listed(words) and listed_town(text[start:end])):
        return True
    if any(word in _TOWN_WORDS for word in words):
        return True
    if words[0] in GIVEN:
        return False  # "in Jane Roe's room", "from Richard": a given name opens a person's name
    return _SITE_AFTER.match(text, end) is not None or (cue["word"] not in ("from", "From") and len(words) > 1)


_RUN: Final = re.compile(
    r"(?:(?<![\w-])(?:in|at|near|from|In|At|Near|From)[ ]|(?<![\w-])[Ll]ocation[ ]?[=:][ ]?)"
    r"(?P<run>[A-Z][^\W\d_]+(?:[ ](?:(?:de|da|do|dos|das|di|del|della|la|le)[ ])?[A-Z][^\W\d_]+){0,3})"
)
"""A run of capitalised words (with the particles of a town between them) after a place word."""


def placed_towns(text: str) -> list[tuple[int, int]]:
    """Where :func:`placed_town` reads a town after a place word in ``text``: in a text about a person, where they
    are (the name readers leave these out)."""
    found: list[tuple[int, int]] = []
    for match in _RUN.finditer(text):
        words = [ascii_letters(word).lower() for word in match["run"].split() if word[:1].isupper()]
        keyed = match[0][:1] in "Ll"  # location=...: the key says a place follows
        listed = listed_town(match["run"])  # beside a person, "from Harrison" is where they are all the same
        if not (words[0] in _TOWN_OPENERS or not _TOWN_WORDS.isdisjoint(words) or listed) and (
            not (keyed or any(word in SURNAME_RANK for word in words)) or any(word in ENGLISH for word in words)
        ):
            continue  # "logged in Staging Env": a town's word or surnames, no word of the language, is a place
        if listed or placed_town(text, match.start("run"), match.end("run")):
            found.append((match.start("run"), match.end("run")))
    return found
