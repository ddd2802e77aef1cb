"""Towns and postal codes in free text, found by what surrounds them rather than by one sentence's shape.

A reader sees a town where the words around say so: a postal code beside it (``Zossen 12847``,
``10115 Berlin``, ``Staceymouth B6 0JS``), a verb of where a person is before it (``relocated to
Augsbuurt``, ``was staying with her sister in Aizawl``, ``drove up from Toruń``), the last lines of an
address block or a signature (a line of a postcode, a line with a house number, a line of one town
after a phone number), and the town's name itself when the table of towns lists it (``from Heinävesi``).
Postal codes are masked after their word (``zip``, ``postcode``, ``PLZ``...) in any country's shape
and beside a town. Kept: words no table lists and no dictionary misses (``to Main Lobby``), towns that
name a service (``Denver queue``, ``Jackson ObjectMapper``), numbers beside English words (``processed
12345 rows``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

from ._detector import BaseDetector, Span
from ._firms import COMPANY_FORMS, FIRM_WORDS, INSTITUTION_WORDS, PARTNERS, firm_before, institution_after
from ._gate import PLACE
from ._gazetteer import COUNTRIES, NONE, STRONG, WEAK, fold, town_evidence
from ._lexicon import ENGLISH
from ._name_table import AMBIGUOUS_GIVEN, GIVEN, SURNAME_RANK
from ._place_screen import PLACE_SCREEN
from ._placed_towns import placed_towns
from ._vocab import STATE_CODES, STATE_NAMES

__all__ = ["PlaceDetector", "towns_beside_person"]

_AFTER_LETTER: Final = (
    r"(?<=[A-Z])\d[A-Z] ?\d[A-Z]\d",  # Canada (K1A 9L9)
    r"(?<=[A-Z])[A-Z]?\d[A-Z\d]? ?\d[A-Z]{2}",  # United Kingdom (SW1A 1AA, B6 0JS)
    r"(?<=[AC-FHKNPRTV-Y])\d[\dW] ?[AC-FHKNPRTV-Y\d]{4}",  # Ireland (D02 X285)
    r"(?<=[A-Z])[A-Z]?-(?:\d{5}|\d{4})",  # a country's letters first (DK-3160, D-10115)
)
_AFTER_DIGIT: Final = (
    r"\d{3} ?[A-Z]{2}",  # Netherlands (3581 KT)
    *(r"\d{4}-\d{4}", r"\d{4}-\d{3}", r"\d{3}-\d{3}", r"\d-\d{3}", r"\d{2} \d{2}", r"\d{3,5}", r"\d{7}"),
)
"""Postal code shapes without their first character, which the regex matches first (so the engine skips to it)."""
_EDGE_AFTER: Final = r"(?![\w/:@+*~|^-]|\.\d|[ -]\d)"
_CODE: Final = re.compile(
    rf"[0-9A-Z](?<![\w.:/#@+*~|^-][0-9A-Z])(?:(?<=\d)(?:{'|'.join(_AFTER_DIGIT)})|{'|'.join(_AFTER_LETTER)}){_EDGE_AFTER}"
)
"""A postal code of any country's shape, on its own (not inside a word, a number, a time or a version, nor a field of
X12, HL7 or a pipe row between ``*``, ``~``, ``|``, ``^``: their readers know their fields)."""
_CODE_ANY_CASE: Final = re.compile(_CODE.pattern, re.IGNORECASE)
_WEAK_CODE: Final = re.compile(r"(?:[A-Z]{1,2}-)?\d{4}|\d{6}|\d{8}|\d{3} \d{2}", re.IGNORECASE)
"""Shapes that many other numbers share: a town must be listed, or the line be an address's, to count."""
_LABEL: Final = re.compile(
    r"(?<!\.)(?:CAP|CEP|(?i:zip|zip[ _-]?code|zipcode|post(?:al)?[ _-]?code|postcode|postal|plz|code postal|"
    r"c[oó]digo postal|kod pocztowy|post(?:nummer|nr|inumero)|pincode|pin code))[\"']?[ ]?[:=]?[ ]?[\"']?$"
)
_WORD: Final = re.compile(r"[^\W\d_](?:[^\W\d_]|['’.-](?=[^\W\d_]))*\.?")
_PARTICLES: Final = frozenset(
    (
        *("aan", "am", "an", "bei", "bij", "da", "das", "de", "del", "den", "der", "di", "do", "dos", "en"),
        *("i", "im", "la", "le", "les", "na", "nad", "ob", "of", "on", "pod", "sous", "sur", "the", "u", "upon"),
        *("van", "y", "zum"),
    )
)
_MAX_WORDS: Final = 4
_CUE: Final = re.compile(
    r"(?i:\b(?:lives?|living|lived|resides?|residing|resident|relocat\w*|moved|moving|stay(?:s|ed|ing)|born|"
    r"hometown|originally|grew up|travel\w*|drove|flew|came|coming|visiting|dispatch\w*|pick(?:ed)? ?up|"
    r"home|place|address|trip|went|returned|location|ship(?:s|ped|ping)?|deliver(?:s|ed|y|ing)?|mail(?:s|ed|ing)?)\b)"
)
_CUE_STEMS: Final = (
    *("liv", "resid", "reloca", "mov", "stay", "born", "hometown", "originally", "grew", "travel", "drove"),
    *("flew", "came", "coming", "visiting", "dispatch", "pick", "home", "place", "address", "trip", "went"),
    *("returned", "location", "ship", "deliver", "mail"),
)
"""Stems of the cue words, searched in the lower-case text before the cue regex is run at all."""
_WEAK_CUES: Final = frozenset(
    (
        *("address", "came", "coming", "dispatch", "drove", "flew", "home", "location", "pick", "place", "returned"),
        *("travel", "trip", "visiting", "went", "mov", "reloca", "stay", "ship", "deliver", "mail"),
    )
)
"""Cues that are a person's only in a text about one (``drove up from``; not ``traffic came from``,
``the page moved from``, ``the service relocated to``)."""
_PERSON: Final = re.compile(
    r"(?i:\b(?:patient|pt|member|caller|client|mother|father|mom|dad|wife|husband|spouse|son|daughter|sister|"
    r"brother|family|caregiver|she|he|her|his|my|i|i'm|me|subscriber|guardian|parent|child|recipient|contact|"
    r"ambulance|courier|resident|born|lives|living)\b)|\[REDACTED:NAME\]"
)
"""Words that say a text is about a person (``the family drove up from``, ``ambulance dispatched to``)."""
_FULL_NAME: Final = re.compile(r"\b([A-Z][^\W\d_A-Z]+) [A-Z][^\W\d_]+")


def _about_person(text: str) -> bool:
    """Whether ``text`` speaks of a person: a word of persons, a mask of a name, or a given name and another word."""
    if _PERSON.search(text) is not None:
        return True
    for name in _FULL_NAME.finditer(text):
        given = name[1].lower()
        if given in GIVEN and given not in AMBIGUOUS_GIVEN and given not in ENGLISH:
            return True
    return False


_PREPOSITIONS: Final = frozenset(("in", "to", "from", "near", "outside", "around", "of", "into", "is"))
_INFRA: Final = frozenset(
    (
        *("api", "branch", "broker", "bucket", "build", "cluster", "database", "datacenter", "db", "dc", "endpoint"),
        *("gateway", "instance", "job", "jobs", "node", "nodes", "office", "pod", "pool", "queue", "region"),
        *("release", "replica", "server", "servers", "service", "shard", "site", "team", "worker", "workers"),
        *("zone", "warehouse", "depot", "plant", "hub", "store", "campus", "facility", "headquarters", "hq"),
    )
)
"""Nouns after a town that make it the name of a thing (``Denver queue``, ``Frankfurt region``)."""
_MARK: Final = re.compile(r"[,(:](?:(?<=[\w\]],) |(?<=['\"][,:]) ['\"]|(?<=\()['\"]?)")
"""A comma after a word (or a mask) and its space, an opening bracket, or the next quoted item of a repr
(``'Roe', 'Springfield'``, ``'home': 'Ansbach'``): where a town may follow a name."""
_FIELD_END: Final = frozenset(("", ")", ".", ";", "\n", ",", "'", '"'))
"""What may follow a town set off as a field: the end, a bracket, a stop, a comma, a quote closing a repr's item."""
_GENERIC: Final = re.compile(
    r"[iIfFnNtT](?<![\w-][iIfFnNtT])(?:(?<=[iI])[nN]|(?<=[fF])[rR][oO][mM]|(?<=[nN])[eE][aA][rR]|(?<=[tT])[oO]) "
)
"""``in``, ``from``, ``near`` or ``to`` in any case, and its space (from a character class: the engine skips to one)."""
_PHONE_LINE: Final = re.compile(r"[+(\d][\d ()+.\-x]{6,}|.*\[REDACTED:PHONE\]")
_LABELLED_LINE: Final = re.compile(r"[ \t]*(?:[A-Z][A-Za-z ]{0,20}:[ \t]*)?")
_STATE: Final = re.compile(rf"(?:[A-Z]{{2,3}}|{STATE_NAMES})")
_DIGIT_NEXT: Final = re.compile(r" [0-9]")
_CALENDAR: Final = frozenset(
    (
        *("january", "february", "march", "april", "may", "june", "july", "august", "september", "october"),
        *("november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"),
    )
)
"""Months and days, which the table also lists as towns (``March``, ``Sunday``): after ``in`` or ``on`` a date."""
_REGION_AFTER: Final = re.compile(rf", ?{_STATE.pattern}| \([A-Z]{{2,3}}\)")
"""What may follow a town on its line: a state or province (``, NY``, ``, Oregon``) or its code in brackets."""


def _mode(text: str) -> str:
    """``mixed``, ``lower`` or ``upper``: in one case, capitals say nothing about where a town's words are."""
    if text.islower():
        return "lower"
    if text.isupper() and len(_WORD.findall(text, 0, 200)) >= 3:
        return "upper"  # a line in capitals, not one abbreviation (``DOB 1985``)
    return "mixed"


def _town_word(word: str, mode: str, first: bool) -> bool:
    if mode == "mixed" and len(word) <= 4 and word.isupper():
        return False  # an abbreviation in a line of lower case (``DOB 1985``, ``MRN``)
    if mode == "mixed" and word[0].isupper():
        return True  # "La Gleize", "De Bilt": a particle that opens a town is written with a capital
    return not first if word.lower() in _PARTICLES else mode != "mixed"


def _words_after(text: str, position: int, mode: str) -> list[re.Match[str]]:
    found: list[re.Match[str]] = []
    while len(found) < _MAX_WORDS and (word := _WORD.match(text, position)) is not None:
        if not _town_word(word[0], mode, not found):
            break
        found.append(word)
        position = word.end()
        if not text.startswith(" ", position) or text.startswith("  ", position):
            break
        position += 1
    while found and found[-1][0].lower() in _PARTICLES:
        found.pop()
    return found


def _words_before(text: str, end: int, mode: str) -> list[re.Match[str]]:
    """Up to four words of a town ending at ``end``, one space apart, on one line."""
    found: list[re.Match[str]] = []
    position = end
    while len(found) < _MAX_WORDS and position > 0:
        begin = position
        while begin > 0 and (text[begin - 1].isalpha() or text[begin - 1] in "'’.-"):
            begin -= 1
        word = _WORD.fullmatch(text, begin, position)
        if word is None or (begin > 0 and text[begin - 1] not in " \n\t,(:;\"'"):
            break
        found.insert(0, word)
        if begin < 2 or text[begin - 1] != " " or text[begin - 2] == " ":
            break
        position = begin - 1
    while found and not _town_word(found[0][0], mode, True):
        found.pop(0)
    return found


def _best(words: list[re.Match[str]], *, from_start: bool) -> tuple[list[re.Match[str]], int]:
    """The run of ``words`` that reads most as a town (kept at the start or at the end), and its evidence."""
    best: tuple[list[re.Match[str]], int] = ([], NONE)
    for size in range(len(words), 0, -1):
        part = words[:size] if from_start else words[len(words) - size :]
        if part[0][0] in _PARTICLES or part[-1][0].lower() in _PARTICLES:
            continue  # a particle in lower case opens no town, and none ends one
        evidence = town_evidence([word[0].rstrip(".") for word in part])
        if evidence > best[1]:
            best = (part, evidence)
        if evidence == STRONG:
            break
    return best


def _thing_after(text: str, end: int) -> bool:
    """Whether the words after a town make it a thing's name (``Denver queue``, ``Jackson ObjectMapper``, ``Austin
    Regional Clinic``)."""
    word = _WORD.match(text, end + 1) if text.startswith(" ", end) else None
    if word is None:
        return False
    if word[0] in INSTITUTION_WORDS:
        return institution_after(text, end + 1)
    return word[0].lower() in _INFRA or (
        word[0][0].isupper() and not word[0].isupper() and word[0].lower() not in ENGLISH
    )


_FIRM: Final = COMPANY_FORMS | FIRM_WORDS
"""Words in or after a town's run that make it a company's name."""


class _Finds:
    def __init__(self, text: str = "") -> None:
        self.spans: list[Span] = []
        self.text = text

    def add(self, start: int, end: int, kind: str) -> None:
        self.spans.append((start, end, kind))

    def town(self, words: list[re.Match[str]], *, stated: bool = False) -> bool:
        """Record ``words`` as a town unless they name a country or a company (``Norway``, ``Francis LLC``); with
        ``stated``, a state's code and a ZIP code follow (``Erinhaven CO 33400``: Colorado, no company)."""
        phrase = " ".join(word[0] for word in words)
        if fold(phrase) in COUNTRIES:
            return False  # a country is no geography below a state
        after = _WORD.match(self.text, words[-1].end() + 1) if self.text.startswith(" ", words[-1].end()) else None
        if _FIRM.intersection(word[0].upper().rstrip(".") for word in words) or (
            not stated and after is not None and after[0].upper().rstrip(".") in _FIRM
        ):
            return False  # "Santiago Ltd", "to Francis LLC", "Williams Group": a company's name
        self.add(words[0].start(), words[-1].end(), "ADDRESS")
        return True


def _line_of(text: str, start: int, end: int) -> tuple[int, int]:
    return text.rfind("\n", 0, start) + 1, (text.find("\n", end) % (len(text) + 1)) or len(text)


def _set_off_before(text: str, position: int) -> bool:
    """Whether what precedes ``position`` ends a field: the start, a line break, ``:``, ``,``, ``(``, ``;``."""
    while position > 0 and text[position - 1] in " \t":
        position -= 1
    return position == 0 or text[position - 1] in "\n:,(;-"


def _set_off_after(text: str, position: int) -> bool:
    """Whether what follows ``position`` ends a field: the end, a line break, ``,``, ``)``, ``.``, ``;``."""
    while position < len(text) and text[position] in " \t":
        position += 1
    return position == len(text) or text[position] in "\n,);."


_REGION_BEFORE: Final = re.compile(r", (?:[A-Z]{2,3}|\([A-Z]{2}\)) $")
"""A state or province code between a town and its code (``Billum, PA 5203``, ``Graglia (BI) 13895``)."""


def _region_skipped(text: str, start: int, mode: str) -> list[re.Match[str]]:
    """The town before a region code and its comma (``Billum, PA 5203``), or no words."""
    region = _REGION_BEFORE.search(text, max(0, start - 8), start)
    if region is None or mode == "upper":
        return []
    return _words_before(text, region.start(), mode)


_HOUSE: Final = re.compile(r"(?<![\w.-])\d{1,5}[A-Za-z]?(?:/\d{1,4})?(?![\w-])")


def _street_before(text: str, position: int, finds: _Finds) -> None:
    """The street before ``, `` and a town's field (``Brunnenring 4, 10115 Berlin``): its words and house number."""
    if not text.startswith(", ", position - 2):
        return
    end = position - 2
    start = end
    while start > 0 and text[start - 1] not in "\n:;(,=\"'[]{}":
        start -= 1
    while start < end and text[start] in " \t":
        start += 1
    segment = text[start:end]
    words = segment.split()
    if 2 <= len(words) <= 6 and _HOUSE.search(segment) is not None and _WORD.search(segment) is not None:
        finds.add(start, end, "ADDRESS")


_YEAR: Final = re.compile(r"19\d\d|20[0-3]\d")
_COMPACT_DATE: Final = re.compile(r"(?:19\d\d|20[0-3]\d)(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])")
"""``19610403``: a date written without separators, read as one unless a postal word labels it."""


def _counted(text: str, end: int) -> bool:
    """Whether an English word follows the number at ``end`` (``12345 Items``, ``30000 users``): a count."""
    word = _WORD.match(text, end + 1) if text.startswith(" ", end) else None
    return word is not None and word[0].lower() in ENGLISH and word[0].lower() not in _AREA


_AREA: Final = frozenset(("area", "region", "zone", "district", "vicinity"))


def _code_matches(text: str, mode: str) -> Iterator[re.Match[str]]:
    """Postal codes of any shape (letters in any case when the whole text is in one case)."""
    return (_CODE if mode == "mixed" else _CODE_ANY_CASE).finditer(text)


def _on_address_line(text: str, position: int, mode: str) -> bool:
    """Whether a street stands before ``position`` on its line or fills the line above (an address block)."""
    lines = text[:position].split("\n")
    if _street_line(lines[-1].strip(" ,"), mode):
        return True
    return len(lines) > 1 and _street_line(lines[-2].strip(), mode)


def _name_word(town: list[re.Match[str]]) -> bool:
    """Whether a town of one word is also a given name, a surname or a day (``Austin``, ``Jenkins``, ``Sunday``)."""
    if len(town) != 1:
        return False
    word = fold(town[0][0])
    return word in GIVEN or word in SURNAME_RANK or word in _CALENDAR


_STATE_BEFORE: Final = re.compile(r"(?<=[^\W\d_]) ([A-Z]{2}) $")
_US_ZIP: Final = re.compile(r"\d{5}(?:-\d{4})?")


def _stated_zip(text: str, code: re.Match[str], mode: str) -> int | None:
    """Where the town ends before a US state's code and a ZIP code with no comma (``East Erinhaven CO 33400``)."""
    if mode != "mixed" or _US_ZIP.fullmatch(code[0]) is None:
        return None
    state = _STATE_BEFORE.search(text, max(0, code.start() - 4), code.start())
    return state.start() if state is not None and state[1] in STATE_CODES else None


def _codes(text: str, mode: str, finds: _Finds) -> None:
    """Postal codes after their word, and towns beside postal codes.

    Unlabelled, a town the table does not list, or one that is also a person's name or a day, counts only in a
    text about a person or on an address's line (a street before it).
    """
    about_person: bool | None = None
    for code in _code_matches(text, mode):
        start, end = code.span()
        labelled = _LABEL.search(text, max(0, start - 22), start) is not None
        weak = _WEAK_CODE.fullmatch(code[0]) is not None
        if not labelled and (_YEAR.fullmatch(code[0]) or _COMPACT_DATE.fullmatch(code[0])):
            continue  # "DOB 1985", "Vienna 2019", "dob 19610403": a year or a date, not a postal code
        before: list[re.Match[str]] = []
        stated = _stated_zip(text, code, mode)
        if stated is not None:
            before = _words_before(text, stated, mode)  # "East Erinhaven CO 33400": the town before the state
        elif text.startswith(", ", start - 2):
            before = _words_before(text, start - 2, mode)
        elif text.startswith(" ", start - 1):
            before = _words_before(text, start - 1, mode)
        if not before:
            before = _region_skipped(text, start, mode)
        after: list[re.Match[str]] = []
        if text.startswith(", ", end) or text.startswith(" ", end):
            after = _words_after(text, end + (2 if text.startswith(", ", end) else 1), mode)
        found = False
        for words, from_start in ((before, False), (after, True)):
            if not words:
                continue
            town, evidence = _best(words, from_start=from_start)
            if not town:
                continue
            if from_start:
                field = _set_off_before(text, start) and _set_off_after(text, town[-1].end())
            else:
                field = _set_off_before(text, town[0].start()) and _set_off_after(text, end)
            if not from_start and _counted(text, end):
                continue  # "Team Alpha, 12345 Items": a number of things
            if not from_start and firm_before(text, town[0].start()):
                if about_person is None:
                    about_person = _about_person(text)
                if not about_person:
                    continue  # "Valley Imaging, Fresno, CA 93721": where a business is, no one's address
            english = fold(" ".join(word[0] for word in town)) in ENGLISH
            if weak and mode != "mixed" and not (field or labelled):
                continue  # "nie 12345678 mal": in one case a town's capital says nothing
            by_state = stated is not None and not english  # "East Erinhaven CO 33400"; not "Batch Job CA 40000"
            strong_enough = evidence == STRONG or (
                evidence == WEAK and (field or labelled or by_state or not (weak or english))
            )
            if not labelled and stated is None and (evidence == WEAK or _name_word(town)):
                if about_person is None:
                    about_person = _about_person(text)
                if not about_person and not _on_address_line(text, min(start, town[0].start()), mode):
                    continue  # "Jenkins 89050", "Burundi 2854", "Wednesday 11718": a name or a word beside a number
            if strong_enough or (field and mode == "mixed" and not weak and fold(town[-1][0]) not in ENGLISH):
                if from_start and _thing_after(text, town[-1].end()):
                    continue
                if not finds.town(town, stated=stated is not None):
                    continue
                found = True
                _street_before(text, town[0].start() if not from_start else start, finds)
        if found or labelled:
            finds.add(start, end, "ZIP")


def _cued(text: str, mode: str, finds: _Finds, person: bool | None = None) -> None:
    """Towns after a verb of where a person is and a preposition (``relocated to Augsbuurt``); ``person`` says
    whether the text is about one (else its words decide, for the cues that need one)."""
    lower = text.lower()
    for stem in _CUE_STEMS:
        if stem in lower:
            break
    else:
        return
    about_person = person
    for cue in _CUE.finditer(text):
        if text.startswith(">", cue.end()) and cue.start() and text[cue.start() - 1] in "</":
            continue  # an element's name (``</address>``), not a word of the text: the markup's readers judge it
        stated = False  # a weak cue in a text about no person: its town counts before a state ("ship to: X, TX")
        if cue[0].lower().startswith(tuple(_WEAK_CUES)):
            if about_person is None:
                about_person = _about_person(text)
            stated = not about_person
        position = cue.end()
        if not stated and cue[0].lower() in _PLACE_LABELS and (label := _LABEL_GAP.match(text, position)) is not None:
            town, evidence = _best(_words_after(text, label.end(), mode), from_start=True)
            if town and evidence >= WEAK and _state_follows(text, town[-1].end()):
                finds.town(town, stated=True)  # "address Lake Jadeville, PA", "hometown: Keila, OR": no street
        limit = min(len(text), position + 60)
        while position < limit:
            word = _WORD.search(text, position, limit)
            if word is None or "\n" in text[position : word.start()]:
                break
            position = word.end()
            if word[0].lower() not in _PREPOSITIONS:
                continue
            gap = 2 if text.startswith(": ", position) else 1 if text.startswith(" ", position) else 0
            if not gap:
                continue
            words = _words_after(text, position + gap, mode)
            town, evidence = _best(words, from_start=True)
            if (
                len(words) > max(1, len(town))
                and (not town or _thing_after(text, town[-1].end()))
                and _coined_run(words, text)
            ):
                town, evidence = words, WEAK  # "lives in Rasun Anterselva", "moved to South Charlotte": one town
            if stated and not (town and _state_follows(text, town[-1].end())):
                continue
            dated = len(town) == 1 and (
                fold(town[0][0]) in _CALENDAR
                or (fold(town[0][0]) in ENGLISH and _DIGIT_NEXT.match(text, town[0].end()) is not None)
            )
            if town and evidence >= WEAK and not dated and not _thing_after(text, town[-1].end()):
                finds.town(town)  # and on: "dispatched to 4 Oak Row in Murcia" names a street, then a town
                position = town[-1].end()


_PLACE_LABELS: Final = frozenset(("address", "hometown", "home"))
"""Cues that may name a town right after them, with no preposition, when a state's code follows it."""
_LABEL_GAP: Final = re.compile(r"[:=]?[ ]")


def _coined_run(words: list[re.Match[str]], text: str) -> bool:
    """Whether two or more capitalised words after a verb of where a person is read as one town: shaped as one
    (``South Charlotte``, ``Lake Jamesside``), or in a text with a word of persons every word one no dictionary
    knows (``patient lives in Rasun Anterselva``; not ``service lives in Kubernetes``)."""
    if not all(word[0][:1].isupper() for word in words) or any(word[0].upper() in _FIRM for word in words):
        return False
    if _town_shaped(words):
        return True
    return all(fold(word[0]) not in ENGLISH for word in words) and _PERSON.search(text) is not None


_STATE_AFTER: Final = re.compile(r", ?([A-Z]{2})(?![\w-])")


def _state_follows(text: str, end: int) -> bool:
    """Whether a US state's code follows a town ending at ``end`` (``Jaredland, TX``)."""
    state = _STATE_AFTER.match(text, end)
    return state is not None and state[1] in STATE_CODES


_TOWN_SHAPE: Final = re.compile(
    r"[^\W\d_]{2,}(?:ville|ton|town|burg|burgh|borough|bury|wick|haven|field|ford|mouth|dale|port|land|stad|furt|"
    r"side|view|shire|chester|berg|heim|dorf|hausen|stead|worth|fort|ham|stein|bach|ingen|stedt|feld|hagen|"
    r"kirchen|hoven|drecht|huizen|wijk)|[^\W\d_]+-(?:la|le|les|sur|en|sous|lès)-"
)
"""How an unlisted town is shaped: a town's ending (``Jessicaberg``, ``Ronaldville``) or a French particle between
hyphens (``Millet-sur-Pichon``)."""
_PREFIXES: Final = frozenset(("north", "south", "east", "west", "new", "lake", "port", "mount", "fort", "saint"))


def _town_shaped(words: list[re.Match[str]]) -> bool:
    """Whether words no table lists read as a town (``Lake Jessicaberg``, ``North Ronaldville``, ``East Joanne``)."""
    if len(words) > 1 and words[0][0].lower() in _PREFIXES and words[-1][0][:1].isupper():
        return fold(words[-1][0]) not in ENGLISH  # "East Joanne"; not "North Wing", "West Lobby"
    return any(_TOWN_SHAPE.fullmatch(word[0].lower()) or _TOWN_SHAPE.match(word[0].lower()) for word in words)


def _person_town(town: list[re.Match[str]], evidence: int) -> bool:
    """Whether ``town`` is one in a text about a person: listed (and no English word), or shaped as one."""
    if evidence == STRONG:
        return True
    return evidence == WEAK and fold(" ".join(word[0] for word in town)) not in ENGLISH and _town_shaped(town)


def _generic(text: str, mode: str, finds: _Finds, person: bool | None = None) -> None:
    """A town after ``in``, ``from``, ``near``, ``to`` or after a name and a comma, in a text about a person:
    a listed town, or one shaped as a town (``from Lake Jessicaberg``, ``(North Ronaldville)``).

    Towns alone name offices, warehouses and data centres (``deployed to Dallas``, ``Florence, Italy``), and so do
    towns in a text that names a company (``('Walton LLC', 'Laurenshire', 'PA')``): kept. ``person`` says the text
    is about one (another reader found the person), else its words decide; a town only shaped as one needs a word
    of persons (``patient``, ``caller``), not a name-shaped guess.
    """
    towns: list[tuple[list[re.Match[str]], int]] = []
    for prep in _GENERIC.finditer(text):
        town, evidence = _best(_words_after(text, prep.end(), mode), from_start=True)
        if town and evidence >= WEAK and not _thing_after(text, town[-1].end()):
            towns.append((town, evidence))
    for mark in _MARK.finditer(text):
        words = _words_after(text, mark.end(), mode)
        town, evidence = _best(words, from_start=True)
        if town and evidence >= WEAK and town == words and text[town[-1].end() : town[-1].end() + 1] in _FIELD_END:
            towns.append((town, evidence))
    if towns and (person or (person is None and _about_person(text))) and not _about_firm(text):
        said = person or _PERSON.search(text) is not None  # a word of persons, not a name-shaped guess ("Le Roux")
        for town, evidence in towns:
            if evidence == STRONG or (said and _person_town(town, evidence)):
                finds.town(town)


_FIRM_TOKENS: Final = (
    COMPANY_FORMS | FIRM_WORDS | frozenset(("HB", "KB", "SCOOP", "SCOM", "SAT", "SPK", "EI", "MEI", "EPP", "VOF"))
) - STATE_CODES
"""Legal forms and firm words as a token of a text says (``Olsen ApS``, ``Toft A/S``, ``Cuenca S.Coop.``,
``Cunha Pimenta - EI``, ``Bakker VOF``), but none that is also a state's code (``CO``, ``PA``)."""
_TOKEN_EDGES: Final = "()[]{}'\",;:"


def _about_firm(text: str) -> bool:
    """Whether ``text`` names a company (a legal form, ``&``, three partners): its names may be the firm's."""
    if " & " in text or PARTNERS.search(text) is not None:
        return True
    for token in text.split():
        token = token.strip(_TOKEN_EDGES)
        if token[:1].isupper() and token.replace(".", "").replace("/", "").upper() in _FIRM_TOKENS:
            return True
    return False


def towns_beside_person(text: str) -> list[Span]:
    """The towns of a text another reader found a person in (a name, a record number, hipaalog's mask of one):
    after a verb of where a person is, after ``in``/``from``/``near``/``to``, or set off after the person.
    Not in a text that names a company (``vendor Olsen ApS (Lake Jessicaberg, CA)``): its name may be the person
    found."""
    if PLACE_SCREEN.search(text) is None or _about_firm(text):
        return []
    mode = _mode(text)
    finds = _Finds(text)
    _cued(text, mode, finds, person=True)
    _generic(text, mode, finds, person=True)
    for start, end in placed_towns(text):  # "lives in Andrade Grande": a town the name readers leave out
        finds.add(start, end, "ADDRESS")
    return finds.spans


def _street_line(line: str, mode: str = "mixed") -> bool:
    """Whether a line may be a street's: short, with a number and a letter, none of the marks of code or markup."""
    if line.startswith("[REDACTED:ADDRESS]"):
        return True
    if not line or len(line) > _SHORT_LINE or _HAS_DIGIT.search(line) is None or _CODE_MARKS.search(line) is not None:
        return False  # a stack frame, a call, markup or a key=value pair: no street
    words = line.split()
    if len(words) > 8 or _HAS_LETTER.search(line) is None:
        return False
    return mode != "mixed" or any(word[:1].isupper() for word in words)  # "301 assume" in a sentence's case: no street


_SHORT_LINE: Final = 60
"""Lines of an address block are short; longer lines (code, prose, stack frames) are none of its."""
_HAS_DIGIT: Final = re.compile(r"[0-9]")
_CODE_MARKS: Final = re.compile(r"[:=\"<>{}()|;\\`]")
_HAS_LETTER: Final = re.compile(r"[^\W\d_]")


def _town_line(lines: list[str], index: int) -> bool:
    """Whether line ``index`` is short and opens with a town (``Leipzig`` under ``04109``; not ``Thousand deal``)."""
    if index >= len(lines):
        return False
    line = lines[index]
    if not line or len(line) > _SHORT_LINE or not line[0].isupper():
        return False
    words = line.split(",")[0].split()
    if not words or len(words) > 3:
        return False
    evidence = town_evidence(words)
    return evidence == STRONG or (evidence == WEAK and fold(" ".join(words)) not in ENGLISH)


def _blocks(text: str, mode: str, finds: _Finds) -> None:
    """The last lines of an address block or signature: a postcode line, a town line, the street above."""
    offsets: list[tuple[int, int]] = []
    labels: list[bool] = []  # whether a line opens with a label ("Total: 24891": a count, no postcode line)
    position = 0
    for line in text.split("\n"):
        head = _LABELLED_LINE.match(line)
        skip = head.end() if head is not None else 0
        labels.append(":" in line[:skip])
        offsets.append((position + skip, position + len(line.rstrip())))
        position += len(line) + 1
    lines = [text[a:b] for a, b in offsets]
    codes = _CODE if mode == "mixed" else _CODE_ANY_CASE
    for index, (start, end) in enumerate(offsets):
        line = lines[index]
        prev = lines[index - 1] if index else ""
        if not line or len(line) > _SHORT_LINE:
            continue
        if codes.fullmatch(line) and not labels[index] and (_street_line(prev, mode) or _town_line(lines, index + 1)):
            finds.add(start, end, "ZIP")  # "Total: 24891" is a count, not a block's postcode line
        if not line[0].isalpha():
            continue
        words = _words_after(text, start, mode)
        if not words:
            continue
        rest = text[words[-1].end() : end]
        state = _REGION_AFTER.fullmatch(rest)
        if rest and state is None:
            continue
        region = state[0].lstrip(", ") if state is not None else ""
        if len(region) == 2 and region not in STATE_CODES and not region.isupper():
            continue
        if region.upper().strip("()") in COMPANY_FORMS or COMPANY_FORMS.intersection(w[0].upper() for w in words):
            continue  # "Watts-Haas, LLC", "Johnson Inc": a company's name
        names = [word[0].rstrip(".") for word in words]
        evidence = town_evidence(names)
        code_above = index > 0 and not labels[index - 1] and codes.fullmatch(prev) is not None
        beside = code_above or _PHONE_LINE.fullmatch(prev) is not None or _street_line(prev, mode) or state is not None
        if evidence == WEAK and state is None and not code_above and fold(" ".join(names)) in ENGLISH:
            beside = beside and _about_person(text)  # "Room 170\nYoung": a word of the language under a number
        if evidence >= WEAK and beside and len(words) <= 3:
            finds.town(words)
            if _street_line(prev, mode) and index:
                finds.add(offsets[index - 1][0], offsets[index - 1][1], "ADDRESS")
    _streets_above(text, offsets, lines, finds, mode)


def _streets_above(
    text: str, offsets: list[tuple[int, int]], lines: list[str], finds: _Finds, mode: str = "mixed"
) -> None:
    """The street lines above a line that ends with a town and its postal code."""
    towns = {start for start, _end, kind in finds.spans if kind == "ADDRESS"}
    for index, (start, end) in enumerate(offsets):
        if not any(start <= town < end for town in towns) or index == 0:
            continue
        for above in (index - 1, index - 2):
            if above < 0 or not (
                _street_line(lines[above], mode)
                or (above == index - 1 and index >= 2 and _street_line(lines[index - 2], mode))
            ):
                break
            if len(lines[above].split()) > 6 or ":" in lines[above]:
                break
            finds.add(offsets[above][0], offsets[above][1], "ADDRESS")


_BESIDE: Final = (" (", ", ", " ", "-", ",")


def _codes_beside_towns(text: str, mode: str, finds: _Finds) -> None:
    """A postal code right after a town found by other evidence (``in Keila (31605)``, ``Faridabad-518952``)."""
    ends = {end for _start, end, kind in finds.spans if kind == "ADDRESS"}
    if not ends:
        return
    codes = _CODE if mode == "mixed" else _CODE_ANY_CASE
    for end in ends:
        for gap in _BESIDE:
            if text.startswith(gap, end):
                code = codes.match(text, end + len(gap))
                if code is not None:
                    finds.add(code.start(), code.end(), "ZIP")
                break


class PlaceDetector(BaseDetector):
    """Towns and postal codes by their neighbours: codes, verbs of place, address blocks, the table of towns."""

    gate = PLACE
    name = "places"
    kinds = ("ADDRESS", "ZIP")

    def find(self, text: str) -> Iterator[Span]:
        mode = _mode(text)
        finds = _Finds(text)
        _codes(text, mode, finds)
        _cued(text, mode, finds)
        _generic(text, mode, finds)
        if "\n" in text:
            _blocks(text, mode, finds)
        _codes_beside_towns(text, mode, finds)
        return iter(finds.spans)
