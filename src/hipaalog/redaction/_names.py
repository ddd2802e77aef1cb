"""Person names without a cue word: a name model from census given names, surnames and an English lexicon.

A name is found where the words themselves say so: a given name followed by a surname, with an
optional middle name or initial (``Jane Roe``, ``Mary Ann Smith``, ``John Q. Public``), and
``Last, First`` (``Roe, Jane``; ``ROE, JANE``), both parts in the census tables (:mod:`._name_table`).
Name parts the tables lack count when no English dictionary, list of software or place knows them
(:mod:`._lexicon`): a listed given name before such a word (``Ian Fogaca``), two or three such words
(``Obiageli Nwachukwu``, ``ADEBOLA OKUNADE``), initials before one (``S. L. Okafor``), and a whole
value made of name parts (:func:`name_shaped`, for ``%s`` arguments and field values). Precision on
log text comes from what is left out:

* words of log text that are also names (``Grant Type``, ``Will Retry``, ``Page Service``,
  ``Chase Bank``): a surname that is a common log or English word does not count, and a given name
  that is also a common word (``Will``, ``May``, ``Mark``, ``Grant``) needs a frequent surname;
* compounds of English words (``Datacenter``), drugs, health-IT acronyms, places (``San Jose``);
* identifiers: a word glued to ``.``, ``/``, ``_``, ``@`` or a digit (module paths, URLs, class
  names such as ``JaneService``), and a run followed by ``(`` (a call or a constructor).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator
from typing import Final

from ._cues import NAMES, TITLES
from ._detector import BaseDetector, Span
from ._gate import PERSON
from ._lexicon import SOFTWARE, THING_AFTER, VOWELS, clinical_word, compound_word, unknown_word
from ._name_openings import aged_names, opening_names
from ._name_table import AMBIGUOUS_GIVEN, GIVEN, SURNAME_RANK, SURNAME_WORDS
from ._normalize import ascii_letters
from ._pinyin_names import has_pinyin_name, pinyin_name_spans
from ._placed_towns import placed_town
from ._script_names import script_name_spans

__all__ = ["PLACE_STARTS", "PersonNameDetector", "foreign_word", "has_unlisted_name", "name_shaped"]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


NOT_SURNAMES: Final = _words(
    """service client host post key price street field main test lock world bank spring grant bill mark will may
    page case chance handler session root channel mode level head body range day start begin close read pool job
    file port bridge link rule cost card cash check money number list row record red blue gold silver center
    centre church court house new old big small tall hard fast bad true null blank clear ready done german
    french english irish welsh monday tuesday wednesday thursday friday saturday sunday january february march
    april june july august september october november december summer winter autumn fall spring kafka jenkins
    azure ruby julia swift rust jasmine karma call type error info debug trace fatal warning state status event
    message queue cache store order value count index table cell node pod image volume disk path gateway proxy
    router switch route policy role group team account item product total amount payment invoice charge credit
    debit rate score note comment review rating home office station school hospital clinic health care medical
    lab general major minor street avenue road lane drive court way place park square plaza upper lower middle
    high low early late first last next prev previous final default custom standard basic advanced pro plus max
    min mini micro auth token access admin user users member guest public private shared local global remote
    master slave primary secondary backup mirror server worker manager controller builder factory provider
    adapter wrapper helper util utils model view form field label button menu panel dialog window frame tab
    header footer title text string integer float boolean date time stamp period week month year hour minute
    second moment today tomorrow yesterday christmas easter lee ltd inc llc plc llp corp gmbh pty sarl"""
)
"""Surnames of the census tables that log text uses as ordinary words, and companies' legal forms."""

PRODUCT_GIVEN: Final = (
    _words(
        """cassandra alexa siri cortana claude gemini ada athena hermes luigi django celery sentry mercury juno
        minerva nova aurora orion atlas vega electra zeus odin thor loki freya apollo artemis tesla mariadb
        sonic kirby mario zelda elmo alpha beta gamma delta omega sigma"""
    )
    | AMBIGUOUS_GIVEN
)
"""Given names that also name places, brands or software (``Cassandra Driver``, ``London Bridge``):
the surname after them must be frequent and no English word."""

COMMON_GIVEN: Final = (
    _words(
        """will may mark june april august bill grant chase ray rose hope faith joy dawn art guy max page lane dean
    case chance sky summer autumn winter royal major king prince rich sunny star crystal amber ruby pearl jade
    ivy iris daisy lily holly heather violet olive penny ginger candy cherry brandy misty destiny harmony melody
    angel christian sterling price don frank jack jay lee sandy stone clay cash hunter mason carter porter
    parker miles forest river glen dale cliff rod gene wade drew bob sue pat jean kay grace general january july march
    september julia jasmine karma august tuesday asia china india georgia virginia carolina dakota florida austin
    houston dallas denver phoenix jackson madison lincoln washington berkeley cleveland jordan camden chester
    sharon paris london sydney victoria regina florence beverly shirley kent roman norman german french august
    hope noble young long early lane else an in"""
    )
    | PRODUCT_GIVEN
)
"""Given names that are also common words: they need a frequent surname after them."""

PARTICLES: Final = r"(?:da|de|del|della|der|di|do|dos|das|du|la|le|van|von|den|ter|ten|bin|ibn|al|el|zu|af|av)"
"""Lower-case particles inside a surname (``dos Santos``, ``van der Berg``): part of the word after them."""
_PARTICLE_WORDS: Final = frozenset(PARTICLES[3:-1].split("|"))
_FREQUENT: Final = 3000
_WORD: Final = r"[A-Z][a-z]+(?:['’-][A-Z]?[a-z]+)?"
_RUN: Final = re.compile(
    rf"[A-Z](?<![\w.'’@/\\$-][A-Z])(?<![^\x00-\x7f][A-Z])[a-z]+(?:['’-][A-Z]?[a-z]+)?"
    rf"(?:[ ](?:[A-Z]\.?(?![\w'’])|(?:{PARTICLES}[ ]){{0,2}}(?:Mc|Mac|O['’]|De|Van|Von|La|Le|Di|Da)?{_WORD}))+"
    r"(?![\w@/\\(-]|\.\w|['’]\w|[^\x00-\x7f])"
)
"""Runs of two capitalised words or more, joined by single spaces, not glued to an identifier (nor to a
non-ASCII character: the gate reads such a word as part of a longer one)."""
_CAPS_RUN: Final = re.compile(
    r"[A-Z](?<![\w.'’@/\\$-][A-Z])(?<![^\x00-\x7f][A-Z])[A-Z]+(?:[ ](?:[A-Z]\.?|[A-Z]{2,}(?:['’-][A-Z]+)?)){1,2}"
    r"(?![\w@/\\(-]|\.\w|['’]\w|[^\x00-\x7f]|[ ][A-Z])"
)
"""Two or three words in capitals, alone (``JENNIFER OKAFOR``; not a sentence in capitals)."""
_CAPS_PAIR: Final = re.compile(r"[ ](?<=[A-Z][ ])[A-Z]")
"""A capital, a space, a capital: what every :data:`_CAPS_RUN` match holds, searched for first (from each space)."""
_CAPS_FREQUENT: Final = 5000
_AFTER_COMMA: Final = re.compile(
    rf",[ ]?({_WORD}|[A-Z]{{2,}})(?:[ ]([A-Z]\.?|[A-Z][a-z]+|[A-Z]{{2,}}))?(?![\w@/\\(-]|[^\x00-\x7f])"
)
_LAST_BACK: Final = re.compile(r"((?:[a-z]+(?:['’-][A-Z]?[a-z]+)?|[A-Z]+['’-])?[A-Z]+)(?![\w.'’@/\\$-])")
"""On the text before the comma, reversed: the surname (``Roe``, ``ROE``, ``O'Brien``)."""


_FIRST_AFTER_COMMA: Final = re.compile(
    r"([^\W\d_][^\W\d_]*(?:-[^\W\d_]+)?)(?![\w'’@/\\(-]|\.\w|,[ ]?[A-Z]|[ ](?:and|or|&)[ ])"
)
_LAST_BEFORE_COMMA: Final = re.compile(r"([^\W\d_]+(?:['’-][^\W\d_]+)?)(?![\w'’.@/\\$-])")
"""``Last, First`` (``Osuntokun, Moradeke``, ``ŞENER, BAŞAY``) read from each ``", "``: the surname on the text
before it, reversed; the given name after it, not an item of a list (``A, B, C``, ``A, B and C``)."""
_LIST_BEFORE: Final = re.compile(r"(?:,|[ ]and|[ ]or|&)[ ]?$")


def _last_first(text: str) -> Iterator[tuple[int, int]]:
    """Where ``Last, First`` names someone though the tables lack a part: both capitalised alike and the pair a
    name no dictionary knows as :func:`_unlisted_name` reads it (``Osuntokun, Moradeke``; not ``Redis, Kafka``),
    or a listed given name after a surname, neither an English word (``Luo, Jie``)."""
    comma = text.find(", ")
    while comma > 0:
        after = _FIRST_AFTER_COMMA.match(text, comma + 2)
        before = _LAST_BEFORE_COMMA.match(text[max(0, comma - 40) : comma][::-1]) if after is not None else None
        position, comma = comma, text.find(", ", comma + 2)
        if after is None or before is None:
            continue
        last, first = before[1][::-1], after[1]
        start, end = position - len(last), after.end()
        capitals = last.isupper()
        if capitals != first.isupper() or not (
            capitals or (last[0].isupper() and first[0].isupper() and last[1:].islower() and first[1:].islower())
        ):
            continue
        if _LIST_BEFORE.search(text, max(0, start - 6), start) is not None:
            continue  # "Kafka, Redis, Waystar, Availity": a list
        words = [ascii_letters(first).title(), ascii_letters(last).title()]
        if not words[0].replace("-", "").isalpha():
            continue
        if _unlisted_name(words, capitals=capitals) or _listed_given_after_comma(words[0], words[1]):
            yield start, end


def _listed_given_after_comma(first: str, last: str) -> bool:
    """A listed given name that is no English word after a surname that is none either (``Luo, Jie``,
    ``Tanaka, Yui``, ``Langlois, Etienne``): given names the tables also hold as places, brands or
    three-letter words count after ``Last,``."""
    given, surname = first.lower(), last.lower()
    return (
        len(surname) > 1
        and given in GIVEN
        and unknown_word(given)
        and surname not in NOT_SURNAMES
        and (_foreign(last) or (surname in SURNAME_RANK and unknown_word(surname)))
    )


_INITIALS: Final = re.compile(
    r"[A-Z](?<![\w.'’@/\\$-][A-Z])(\.(?:[ ]?[A-Z]\.){0,2})[ ]((?:Mc|Mac|O['’])?[A-Z][a-z]+(?:['’-][A-Z]?[a-z]+)?)"
    r"(?![\w@/\\(-]|\.\w|['’]\w|[^\x00-\x7f])"
)
"""Initials and a surname (``S. L. Collins``, ``J. Okafor``): the surname must be listed (with two initials
or more) or a word no dictionary knows."""
_FOR_GIVEN: Final = re.compile(rf"f(?<![\w]f)(?:or|rom)[ ]({_WORD})(?=[ ]*(?:[,;:!.?\n)]|\\n|$))")
"""A given name alone after ``for`` or ``from`` at the end of a phrase (``reminder for Glynda``,
``Message from Marg: ...``)."""
_FILE_NAME: Final = re.compile(r"([A-Z](?<![A-Za-z0-9][A-Z])[a-z]+)_([A-Z][a-z]+)(?=[_.\-\s,;:)'\"]|$)")
"""A surname and a given name joined by ``_``: a file, an object or an enum member named after a person."""
_TIME_ZONE: Final = re.compile(
    r"(?:Africa|America|Antarctica|Arctic|Asia|Atlantic|Australia|Europe|Indian|Pacific|Etc)(?:/[A-Z][A-Za-z_-]*)?/$"
)
"""The area of an IANA time zone (``America/``, ``America/Argentina/``) right before a place's name."""
_IN_A_SENTENCE: Final = re.compile(
    r"(?:[ ](?<=[a-z][ ])|,[ ](?<=[a-z],[ ]))([A-Z][a-z]+(?:['’-][A-Z]?[a-z]+)?)"
    rf"(?:[ ]({_WORD}))?(?=[ ]?(?:[,.?!;:)\"']|$)|[ ][a-z]|'s[ ])"
)
"""A capitalised word, or two, inside a sentence: after a lower-case word, before punctuation, the
end or a lower-case word (``call Michelle?``, ``transferred Jozef Jakobik to the nurse line``). Each match opens
with the space (or comma) before the word: the engine tries it at spaces, not at every capital."""
_NEXT_WORD: Final = re.compile(r"[ ]([a-z]+)(?![\w-])")


def _thing_after(text: str, end: int) -> bool:
    """Whether the word after ``end`` makes the word before it a name of a thing (``Carmen cluster``)."""
    match = _NEXT_WORD.match(text, end)
    return match is not None and match[1] in THING_AFTER


_LONE_SURNAME: Final = 500
"""A given name alone in a sentence is a person's unless it is also one of the 500 most frequent surnames."""
_SENTENCE_WORDS: Final = _words(
    """the this that these those there here then than when where what which who whom whose why how and but
    or nor for yet not all any each every some none one two three new old get set put post delete patch
    head options true false null none ok yes no on off up down in out to from by with without via per as at
    error warning info debug trace fatal critical exception traceback file line module class def return
    api http https url uri json xml html css sql id ids uuid"""
)
"""Words a sentence capitalises for other reasons than naming someone."""
_SELF_GIVEN: Final = re.compile(
    r"[TtIiMm](?<![\w][TtIiMm])(?:(?<=[Tt])his is|(?<=[Ii])t's|(?<=[Ii])t is|(?<=[Mm])y name is|(?<=I)'m|(?<=I) am)"
    rf"[ ]({_WORD})(?![\w'’-])"
)
"""A given name after ``this is``, ``I'm``, ``my name is`` (``Hi Dr. Welby, this is Kenji, my number is ...``)."""
_GIVEN_OPENS: Final = re.compile(
    r"([A-Z][a-z]{2,})[ ]([a-z]+(?:ed|es|s|ing)|is|was|has|had|will|can|did|does|c/o)(?![\w/'’-])"
)
"""A given name before a verb (``Ian ambulated``), tried where a text or a sentence opens."""
_SENTENCE_OPENS: Final = re.compile(r"[:;.!?\n][ ]?(?=[A-Z][a-z])")
"""Where a sentence opens after punctuation or a line break (``rn note: Ian ...``)."""
_FOR_SURNAME: Final = re.compile(r"f(?<![\w]f)or[ ]([A-Z][a-z]+)(?=[ ]*(?:[,;:!.?\n)]|\\n|$))")
"""A frequent surname alone after ``for`` at the end of a phrase (``pump paired for Holland``)."""
FOR_SURNAME_RANK: Final = 3000
"""How frequent a surname must be to count alone after ``for`` (the gate reads the same table)."""


def _with_particles(words: list[str]) -> list[str]:
    """``words`` with each particle joined to the word after it (``["Ana", "dos Santos"]``)."""
    if not any(word in _PARTICLE_WORDS for word in words):
        return words
    out: list[str] = []
    pending = ""
    for word in words:
        if word in _PARTICLE_WORDS:
            pending += word + " "
        else:
            out.append(pending + word)
            pending = ""
    return out


def _surname(word: str, common_given: bool, product: bool = False) -> bool:
    word = word.rpartition(" ")[2]  # "dos Santos" is judged by "Santos"
    bare = word.lower().removesuffix("'s").removesuffix("’s")  # Jane Roe's chart
    if bare in NOT_SURNAMES:
        return False
    rank = SURNAME_RANK.get(bare)
    if rank is None and ("'" in bare or "’" in bare):
        rank = SURNAME_RANK.get(bare.replace("'", "").replace("’", ""))
    if rank is None and ("-" in bare or "’" in bare or "'" in bare):
        parts = re.split(r"['’-]", bare)
        rank = min((SURNAME_RANK.get(p, 1 << 30) for p in parts if len(p) > 1), default=None)
        rank = None if rank == 1 << 30 else rank
    if rank is None:
        return False
    if product:
        return rank < _FREQUENT and bare not in SURNAME_WORDS
    return rank < _FREQUENT if common_given else True


def _given(word: str) -> bool:
    bare = word.lower()
    return bare in GIVEN or ("-" in bare and all(part in GIVEN for part in bare.split("-")))  # Mary-Jane


_DIGIT: Final = re.compile(r"[0-9]")


_LEAD_CUES: Final = frozenset(
    {word.title() for word in NAMES.key_words if " " not in word}
    | TITLES
    | _words("Paciente Pacjent Pacjentka Patiente Patientin Paziente Patient Hasta Pt Pte")
)
"""Cue words and titles that may open a run of capitalised words (``Pacjent Tadeusz Wrzesniak``)."""


def _without_lead_cue(words: list[str]) -> tuple[list[str], int]:
    """``words`` without a cue or title that opens them, and the characters dropped."""
    if len(words) > 2 and words[0].rstrip(".") in _LEAD_CUES:
        return words[1:], len(words[0]) + 1
    return words, 0


def _unlisted_name(words: list[str], capitals: bool = False) -> bool:
    """Whether ``words`` (two or three, title case) are a whole name whose parts the tables may lack: each a
    name part (:func:`_name_part`), one at least a word no dictionary or software list knows, in capitals
    each of four letters or more with a vowel (``OLOLADE EDUN``, not ``PACS DICOM`` or ``AWS KMS``). A
    given name that is also a word needs a listed surname (``Will Zorbax`` is no name)."""
    if not 1 < len(words) < 4 or words[0].lower() in PLACE_STARTS or words[0].lower() in COMMON_GIVEN:
        return False
    bare = [word.rpartition(" ")[2].lower() for word in words]
    if not any(len(word) > 2 and unknown_word(word) for word in bare):
        return False
    if capitals and any(len(word) < 4 or VOWELS.isdisjoint(word) for word in bare):
        return False
    surname = words[-1]
    if not _name_part(surname, "surname"):
        return False
    middle_ok = all((len(word) == 2 and word.endswith(".")) or _name_part(word, "given") for word in words[1:-1])
    return middle_ok and _name_part(words[0], "given")


def has_unlisted_name(text: str) -> bool:
    """Whether ``text`` holds a run of capitalised words that :class:`PersonNameDetector` takes for a name
    no table lists (the gate asks, for texts without a listed given name)."""
    for match in _RUN.finditer(text):
        if _unlisted_name(_without_lead_cue(_with_particles(match[0].split(" ")))[0]):
            return True
    if ". " in text:
        for match in _INITIALS.finditer(text):
            if _foreign(match[2]) or (match[1].count(".") > 1 and _surname(match[2], False)):
                return True
    for match in _CAPS_RUN.finditer(text) if _CAPS_PAIR.search(text) is not None else ():
        if _unlisted_name([word.title() for word in match[0].split(" ")], capitals=True):
            return True
    if ", " in text:
        for _ in _last_first(text):
            return True
    return " " in text and has_pinyin_name(text)


def _foreign(word: str) -> bool:
    """A word no table, dictionary or list of software knows (``Kuziora``, ``Fogaca``): a name part of
    another country, judged by its last part after particles and each part of a double name."""
    bare = word.rpartition(" ")[2].lower().removesuffix("'s").removesuffix("’s")
    parts = [part for part in re.split(r"['’-]", bare) if part]
    return (
        bool(parts)
        and all(
            (
                len(part) > 2
                and part not in NOT_SURNAMES
                and part not in _SENTENCE_WORDS
                and unknown_word(part)
                and (part in SURNAME_RANK or part in GIVEN or not compound_word(part))  # "Datacenter": no name
                and (part in SURNAME_RANK or part in GIVEN or not clinical_word(part))  # "Semaglutide": a drug
            )
            or (part in SURNAME_RANK and part not in NOT_SURNAMES and unknown_word(part))
            for part in parts
        )
        and any(len(part) > 2 and unknown_word(part) for part in parts)
    )


foreign_word: Final = _foreign
"""A word no table, dictionary or list of software knows, read as a name part (``Kuziora``, ``Fogaca``)."""


_EVIDENCE: list[
    tuple[Callable[[str], tuple[tuple[int, int], ...]], Callable[[str], bool], Callable[[str, int, int], bool]]
] = []
""":func:`._name_evidence.name_runs` and :func:`._name_evidence.no_name`, imported on first use."""


class PersonNameDetector(BaseDetector):
    """``First [Middle] Last`` and ``Last, First`` from census given names and surnames, no cue needed."""

    gate = PERSON
    name = "person_name"
    kinds = ("NAME",)

    def find(self, text: str) -> Iterator[Span]:
        if not text.isascii():
            yield from script_name_spans(text)  # "for Ювеналий Петров", "cardholder 엄지영"
        if not _EVIDENCE:
            from ._name_evidence import firm_not_person, name_runs, no_name  # it imports this module

            _EVIDENCE.append((name_runs, no_name, firm_not_person))
        runs, vetoed, firm = _EVIDENCE[0]
        for start, end in aged_names(text, COMMON_GIVEN, NOT_SURNAMES):
            if not placed_town(text, start, end):
                yield start, end, "NAME"  # "Ed Park, age 91": an age after it outweighs a place's word
        for start, end in opening_names(text, NOT_SURNAMES):
            if not placed_town(text, start, end):
                yield start, end, "NAME"  # "con Ron Rust", "Jon/John Tate", "de la O, Maria Julia"
        for start, end in runs(text):
            if not placed_town(text, start, end):  # "in Andrade Grande": a town of another locale
                yield start, end, "NAME"  # "nurse Biagio C.", "Called Miller family": scored on all the evidence
        for start, end, kind in self._shapes(text):
            if not vetoed(text[start:end]) and not firm(text, start, end) and not placed_town(text, start, end):
                yield start, end, kind

    def _shapes(self, text: str) -> Iterator[Span]:
        for match in _RUN.finditer(text):
            words = _with_particles(match[0].split(" "))
            offset = match.start()
            name, skipped = _without_lead_cue(words)
            if _unlisted_name(name):  # "Akinwale Ayoola", "Yves Lejeune": every word a name part no table lists
                yield offset + skipped, match.end(), "NAME"
                continue
            index = 0
            while index < len(words) - 1:
                found = self._name_at(words, index)
                if found:
                    start = offset + sum(len(w) + 1 for w in words[:index])
                    end = start + len(" ".join(words[index : index + found]))
                    yield start, end, "NAME"
                    index += found
                else:
                    index += 1
        for match in _CAPS_RUN.finditer(text) if _CAPS_PAIR.search(text) is not None else ():
            start = match.start()
            if start > 1 and text[start - 1] == " " and text[start - 2].isupper():
                continue  # part of a longer run of capitals
            words = match[0].split(" ")
            first, last = words[0].lower(), words[-1].lower()
            if (
                first in GIVEN
                and first not in COMMON_GIVEN
                and last not in NOT_SURNAMES
                and SURNAME_RANK.get(last, _CAPS_FREQUENT) < _CAPS_FREQUENT
            ) or _unlisted_name([word.title() for word in words], capitals=True):
                yield start, match.end(), "NAME"
        if ". " in text:
            for match in _INITIALS.finditer(text):  # "S. L. Collins", "V. Okafor"
                surname = match[2]
                if (match[1].count(".") > 1 and _surname(surname, False)) or _foreign(surname):
                    yield match.start(), match.end(), "NAME"
        if "_" in text:
            for match in _FILE_NAME.finditer(text):  # "Jones_Renee_insurance_card.jpg"
                if match.start() and text[match.start() - 1] == "/" and _TIME_ZONE.search(text, 0, match.start()):
                    continue  # "America/Sao_Paulo": a time zone's place, no one's name
                one, two = match[1], match[2]
                if (_given(one) and _surname(two, False)) or (_surname(one, False) and _given(two)):
                    yield match.start(), match.end(), "NAME"
        for match in _IN_A_SENTENCE.finditer(text):  # "call Michelle?", "transferred Jozef Jakobik to"
            first = match[1].lower()
            if first not in GIVEN or first in COMMON_GIVEN or first in _SENTENCE_WORDS:
                continue
            before = text[max(0, match.start(1) - 24) : match.start(1)].split()
            if not before or not before[-1][0].islower():
                continue  # "Release Alpha Build": a capitalised word before, a title, not a sentence
            last = match[2]
            if last is None:
                if _thing_after(text, match.end(1)):
                    continue  # "deploy to Carmen cluster": a thing of the system named like a person
                if SURNAME_RANK.get(first, _LONE_SURNAME) >= _LONE_SURNAME:  # "per Meghan," (not "per Jones,")
                    yield match.start(1), match.end(1), "NAME"
            elif last.lower() not in NOT_SURNAMES and last.lower() not in _SENTENCE_WORDS and not _given(last):
                yield match.start(1), match.end(2), "NAME"
        for opening in self._openings(text):  # "rn note: Ian ambulated 20ft", "Walter refused meds"
            opener = _GIVEN_OPENS.match(text, opening)
            if opener is None:
                continue
            given = opener[1].lower()
            if (
                given in GIVEN
                and given not in COMMON_GIVEN
                and given not in SOFTWARE
                and opener[2] not in _SENTENCE_WORDS
            ):
                yield opener.start(1), opener.end(1), "NAME"
        if "is " in text or "I'm " in text or "I am " in text or "'s " in text:
            for match in _SELF_GIVEN.finditer(text):  # "this is Kenji, ...": a caller naming themselves
                given = match[1].lower()
                if given in GIVEN and given not in COMMON_GIVEN:
                    yield match.start(1), match.end(1), "NAME"
        if "for " in text or "from " in text:
            for match in _FOR_GIVEN.finditer(text):
                given = match[1].lower()
                if given in GIVEN and given not in COMMON_GIVEN:
                    yield match.start(1), match.end(1), "NAME"
            for match in _FOR_SURNAME.finditer(text) if "for " in text else ():
                surname = match[1].lower()
                frequent = SURNAME_RANK.get(surname, FOR_SURNAME_RANK) < FOR_SURNAME_RANK
                if frequent and surname not in NOT_SURNAMES and (surname not in GIVEN or surname in AMBIGUOUS_GIVEN):
                    yield match.start(1), match.end(1), "NAME"
        if ", " in text:
            for start, end in _last_first(text):
                yield start, end, "NAME"  # "Osuntokun, Moradeke": parts no table lists
        for start, end in pinyin_name_spans(text):
            yield start, end, "NAME"  # "for Fang Shao": two pinyin syllables after a person's cue
        if "," in text:
            for match in _AFTER_COMMA.finditer(text):
                first = match[1]
                if not _given(first):
                    continue
                back = _LAST_BACK.match(text[max(0, match.start() - 40) : match.start()][::-1])
                if back is None:
                    continue
                last = back[1][::-1]
                if last.isupper() != first.isupper() or (last.isupper() and len(last) < 2):
                    continue
                common = first.lower() in COMMON_GIVEN or last.lower() in COMMON_GIVEN
                if _surname(last, common, first.lower() in PRODUCT_GIVEN):
                    end = match.end(1)
                    middle = match[2]
                    if middle and (len(middle.rstrip(".")) == 1 or _given(middle)):
                        end = match.end(2)
                    yield match.start() - len(last), end, "NAME"

    @staticmethod
    def _openings(text: str) -> Iterator[int]:
        """Where the text and its sentences open (before a capital)."""
        if text[:1].isupper():
            yield 0
        if ": " in text or ". " in text or "\n" in text or "; " in text or "! " in text or "? " in text:
            for match in _SENTENCE_OPENS.finditer(text):
                yield match.end()

    @staticmethod
    def _name_at(words: list[str], index: int) -> int:
        """How many words from ``words[index]`` make a name (0: none starts there)."""
        first = words[index]
        if not _given(first) or first.lower() in PLACE_STARTS:  # San Francisco, Santa Clara
            return 0
        common = first.lower() in COMMON_GIVEN
        product = first.lower() in PRODUCT_GIVEN
        after = index + 1
        initial = len(words[after].rstrip(".")) == 1
        if after < len(words) - 1 and (initial or _given(words[after])):
            last = words[after + 1]
            if _surname(last, common, product) or (initial and not common and last.lower() not in NOT_SURNAMES):
                return 3  # Harold Q. Bexley: a middle initial vouches for a surname the tables lack
        if len(words[after].rstrip(".")) > 1 and _surname(words[after], common, product):
            return 2
        if common or product:
            return 0
        if after < len(words) - 1 and _given(words[after]) and _foreign(words[after + 1]):
            return 3  # Ana Luisa Montano
        return 2 if _foreign(words[after]) else 0  # Ian Fogaca: a given name, then a surname no table lists


_SHAPED_WORD: Final = r"(?:Mc|Mac|O['’]|D['’])?[A-Z][a-z]+(?:['’-][A-Z]?[a-z]+)?"
_SHAPED_PARTICLES: Final = rf"(?:[ ](?i:{PARTICLES[3:-1]})){{0,2}}"
_SHAPED_NAME: Final = re.compile(
    rf"({_SHAPED_WORD})(?:[ ](?:[A-Z]\.?|{_SHAPED_WORD}))?{_SHAPED_PARTICLES}[ ]({_SHAPED_WORD})"
    rf"|((?:{_SHAPED_WORD}{_SHAPED_PARTICLES}[ ])?{_SHAPED_WORD}),[ ]?({_SHAPED_WORD})"
    rf"(?:[ ](?:[A-Z]\.?|{_SHAPED_WORD}))?"
)
"""A whole value that reads as a person's name: ``First [Middle|I.] [particles] Last`` or ``Last, First [M.]``."""
PLACE_STARTS: Final = _words(
    """san santa santo sao los las el la le rio porto puerto fort port mount mt saint st sankt new north south
    east west upper lower lake bay cape isla costa villa ciudad nueva nuevo bad"""
)
"""First words of place names (``San Jose``, ``Los Angeles``, ``Porto Alegre``): such a value is a place."""


def _name_part(word: str, position: str, listed_given: bool = False, foreign_surname: bool = False) -> bool:
    """Whether ``word`` may be the given name (``position`` "given") or the surname ("surname") of a value
    that is a name; after a listed given name (``listed_given``) any listed surname will do (``John Smith``)."""
    bare = word.lower()
    if bare in _SENTENCE_WORDS:
        return False
    if position == "given":
        if bare in GIVEN and (bare not in COMMON_GIVEN or foreign_surname):
            return True  # Julia Pires: a given name that is also a word, before a surname no dictionary holds
        if SURNAME_RANK.get(bare, _FREQUENT) < _FREQUENT and unknown_word(bare):
            return True  # a surname first (Nguyen Thi Lan, Wang Wei)
        if bare in COMMON_GIVEN:
            return False
    elif bare in NOT_SURNAMES:
        return False
    elif bare in SURNAME_RANK and (listed_given or unknown_word(bare)):
        return True
    return _foreign(word)


@functools.lru_cache(maxsize=4096)
def name_shaped(value: str) -> bool:
    """Whether ``value``, a whole value (a ``%s`` argument), is a person's name and nothing else.

    Every word must be a name part: a listed given name first, a listed surname last, or a word no
    dictionary, name table or list of software knows (``Tadeusz Kuziora``, ``Bento Silveira``); an
    English word (``Payment Failed``, ``Mercy Clinic``) or a place's first word (``San Jose``) says it
    is not. Capitals (``SARAH SCHACHT``) and lower case (``steven lewis``) read as title case; lower case
    needs a listed given name, or two words of four letters or more no dictionary or software list knows
    (``yejide odunsi``). Letters with marks read as ASCII (``Fogaça``).
    """
    if not 4 < len(value) <= 64 or not value[0].isalpha() or _DIGIT.search(value) is not None:
        return False
    text = ascii_letters(value.strip()).removesuffix("'s").removesuffix("’s")  # Lei Wan's
    if not text.replace(" ", "").replace(",", "").replace(".", "").replace("-", "").replace("'", "").isalpha():
        return False
    lower = text.islower()
    if text.isupper() or lower:
        text = " ".join(word.capitalize() if word not in _PARTICLE_WORDS else word for word in text.split(" "))
    match = _SHAPED_NAME.fullmatch(text)
    if match is None:
        return False
    given, surname = (match[1], match[2]) if match[1] else (match[4], match[3].split(" ")[-1])
    first = (match[1] or match[3]).lower()
    if first in PLACE_STARTS:
        return False
    listed = given.lower() in GIVEN and given.lower() not in COMMON_GIVEN
    if lower:  # "not found", "steven lewis": listed names, or two words no dictionary knows ("yejide odunsi")
        if listed:
            return _surname(surname, False) or _foreign(surname)
        return len(given) > 3 and len(surname) > 3 and _foreign(given) and _foreign(surname)
    if not _name_part(surname, "surname", listed):
        return False
    return _name_part(given, "given", foreign_surname=unknown_word(surname))
