"""One score for "is this run of words a person's name?", from evidence rather than from a phrasing.

Each word gets a prior from what it is (:func:`word_prior`): a listed given name or surname (census
tables, by frequency), a word no dictionary, software list or drug list knows (a name part of another
country), or an English word (evidence against). A run of candidate words then adds what surrounds it
(:func:`name_runs`):

* case: in a line of mixed case, a capitalised word inside a sentence is evidence; in a line written
  all in capitals or all in lower case, capitalisation says nothing, so the run needs more of the rest;
  in a line of title case (most words capitalised) it says little;
* neighbours: another name part, an initial (``J.``), a particle (``van der``), a title before
  (``Dr``, ``Mrs``), a word about a person before (``patient``, ``nurse``, ``user``, ``Called``) or
  after (``family``, ``MD``, a possessive ``'s``);
* negative evidence: a word glued to an identifier (``.``, ``_``, ``/``, ``@``, digits), a word with
  capitals inside (``OrderService``), a run before ``(`` (a call).

The same prior judges a cell of a row (:func:`cell_prior`): the row readers add the column's evidence.
"""

from __future__ import annotations

import functools
import re
from typing import Final

from ._cues import NAMES, TITLES
from ._firms import firm_name
from ._lexicon import THING_AFTER, VOWELS, clinical_word, compound_word, unknown_word
from ._months import ENGLISH_MONTHS
from ._name_table import AMBIGUOUS_GIVEN, GIVEN, SURNAME_RANK, SURNAME_WORDS
from ._names import COMMON_GIVEN, NOT_SURNAMES, PARTICLES, PLACE_STARTS
from ._normalize import ascii_letters
from ._vocab import FIRST_NAMES

__all__ = ["cell_prior", "firm_not_person", "has_evidence_name", "name_runs", "no_name", "word_prior"]

_TOKEN: Final = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
"""A word of letters (any script), with inner apostrophes and hyphens (``O'Neil``, ``Marie-Luise``)."""

_PARTICLES: Final = frozenset(PARTICLES[3:-1].split("|"))
"""Lower-case words inside a name (``dos Santos``, ``van der Berg``): part of the run, no evidence alone."""


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_STOP: Final = _words(
    """the this that these those there here then than when where what which who whom whose why how and but or
    nor for yet not all any each every some none one two three new old get set put post delete patch head
    options true false null ok yes no on off up down in out to from by with without via per as at is was are be
    been has had have will can did does do error warning info debug trace fatal critical exception traceback
    file line module class def return api http https url uri json xml html css sql id ids uuid status event
    message request response user users admin system service server client ticket task job"""
)
"""Words that open sentences or name things in logs: never a name part here (``Error``, ``Status``)."""

_CALENDAR: Final = _words("monday tuesday wednesday thursday friday saturday sunday") | frozenset(
    month.lower() for month in ENGLISH_MONTHS if month.lower() not in GIVEN
)
"""Days and months: capitalised in every sentence, no one's name."""

_BEFORE_ALL: Final = (
    frozenset(word for word in NAMES.key_words if " " not in word)
    | frozenset(title.lower() for title in TITLES)
    | _words(
        """user nurse doctor physician provider clinician surgeon therapist called call calling phoned texted
        emailed paged messaged dear hi hello hey thanks thank welcome greetings cc attn attention re paciente
        patiente patientin paziente pacjent pacjentka hasta doente patienten referred signed by for to with from
        visited seen saw met notified reminded booked scheduled caller visitor owner holder author reviewer
        approver assignee reporter requester"""
    )
)
"""Words that stand before a person (lower case); looked for up to three words back."""
_WEAK_BEFORE: Final = frozenset(("by", "for", "to", "with", "from", "re", "cc"))
"""Words before a person that also stand before things (``by Tuesday``, ``to Payments``): weaker evidence."""
_AFTER: Final = _words("family md rn np pa do dds phd jr sr ii iii iv household residence himself herself")
"""Words right after a person (``Called Miller family``, ``Gun Olofsson MD``)."""
_TITLE_WORDS: Final = frozenset(title.lower() for title in TITLES) | {"dr", "mr", "mrs", "ms", "prof", "sr"}
_SENTENCE_END: Final = frozenset(".!?:;\n\r\t|,=\"'([{<>")
"""Characters after which a capitalised word may be capitalised for the sentence, not for a name."""
_GLUE_BEFORE: Final = frozenset("./\\_@$#&%*+~^")
_GLUE_AFTER: Final = frozenset("_/\\@(")

_UNKNOWN: Final = 1.4
"""The prior of a word no table, dictionary or list knows."""
_WORD_GIVEN: Final = 0.5
"""The prior of a given name that is also a word or a place (``Will``, ``Spring``, ``Victoria``) at most."""
_THRESHOLD: Final = 3.5
"""What a run's score must reach to be a name."""
_CAPITALISED: Final = 1.0
_INITIAL: Final = 1.5
_TITLE: Final = 2.5
_CUE: Final = 1.5
_WEAK_CUE: Final = 0.5
_PARTICLE: Final = 1.0


@functools.lru_cache(maxsize=65536)
def word_prior(word: str) -> float:
    """How much ``word`` (any case, letters with marks allowed) reads as a name part: positive for listed
    given names and surnames (more for frequent ones) and for words no dictionary knows, negative for
    English, software and clinical words and for words logs use as names of things."""
    bare = ascii_letters(word).lower().removesuffix("'s").removesuffix("’s")
    if not bare.isascii():
        if len(bare) > 2 and all(ch.isascii() or ord(ch) < 0x370 for ch in bare):
            return _UNKNOWN  # Latin letters no table spells ("Çiçək", "Dumanlı"): a name part of another country
        return 0.0  # another script: the script reader judges it
    if len(bare) < 2:
        return 0.0
    if bare in _STOP or bare in _PARTICLES or bare in _BEFORE_ALL or bare in PLACE_STARTS:
        return -5.0
    parts = [part for part in re.split(r"['’-]", bare) if part]
    if len(parts) > 1:
        return min(word_prior(part) for part in parts if len(part) > 1) if any(len(p) > 1 for p in parts) else 0.0
    english = not unknown_word(bare)
    if bare in _CALENDAR:
        return -3.0
    prior = -3.0 if english else 0.0
    if bare in GIVEN:
        if bare in AMBIGUOUS_GIVEN:
            given = 0.8
        elif bare in COMMON_GIVEN or english:
            given = 0.4
        else:
            given = 2.0
        prior = max(prior, given)
    rank = SURNAME_RANK.get(bare)
    if rank is not None and bare not in NOT_SURNAMES:
        if english or bare in SURNAME_WORDS:
            frequency = 1.0 if rank < 1000 else 0.3  # Miller, Wells, Baker: a name where the rest says so
        else:
            frequency = 2.0 if rank < 2000 else 1.6 if rank < 20000 else 1.4
        prior = max(prior, frequency)
    if prior == 0.0 and not english:
        if bare in NOT_SURNAMES or clinical_word(bare) or compound_word(bare) or bare in PLACE_STARTS:
            return -3.0
        if len(bare) < 3 or VOWELS.isdisjoint(bare):
            return 0.0
        return _UNKNOWN  # a word no table or dictionary knows: a name part of another country
    return prior


def cell_prior(cell: str) -> float:
    """The prior of a whole cell of a row as a name: the mean of its words' priors (0 for no words)."""
    words = _TOKEN.findall(cell)
    if not words or len(words) > 4:
        return 0.0
    priors = [word_prior(word) for word in words if word.lower() not in _PARTICLES]
    if not priors:
        return 0.0
    mean = sum(priors) / len(priors)
    if len(priors) > 1 and max(priors) >= 2.0 and min(priors) > -5.0:
        return max(mean, 1.6)  # "Jonathan Tailor": a listed given name in the cell
    return mean


def _case_mode(text: str) -> str:
    upper = text.upper()
    if upper == text:
        return "caps"
    if text.lower() == text:
        return "lower"
    return "mixed"


def _candidate(word: str, mode: str) -> bool:
    """Whether ``word`` may be a name part by its case in a text of case ``mode``."""
    if mode != "mixed":  # "au", "IL", "fue": in a line without case, short words no table lists are no evidence
        return len(word) > 3 or (len(word) == 3 and word_prior(word) != _UNKNOWN)
    first = word[0]
    if not first.isupper():
        return False
    rest = word[1:]
    if rest.isupper() and len(word) > 1:
        return len(word) > 2  # "KAIRYS" in a mixed line ("Name: KAIRYS, Ruta"); not "CO", "IL"
    inner = [i for i, ch in enumerate(rest, 1) if ch.isupper()]
    for i in inner:  # McDonald, O'Neil, Marie-Luise, DeAngelo: capitals after a prefix or a mark only
        if word[i - 1] in "'’-" or word[:i] in ("Mc", "Mac", "De", "Di", "La", "Le", "Van", "Von", "Da"):
            continue
        return False
    return True


def _glued(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    if before in _GLUE_BEFORE or before.isdigit() or after.isdigit() or after in _GLUE_AFTER:
        return True
    return after == "." and end + 1 < len(text) and text[end + 1].isalnum()


def _initial_at(text: str, position: int) -> int:
    """The end of an initial (``J.``, ``J``) opening at ``position`` followed by a space or the end, else -1."""
    if position >= len(text) or not text[position].isupper():
        return -1
    end = position + 1
    if end < len(text) and text[end] == ".":
        end += 1
    if end < len(text) and not (text[end] == " " or text[end] in ",;)\n"):
        return -1
    return end


@functools.lru_cache(maxsize=2048)
def name_runs(text: str) -> tuple[tuple[int, int], ...]:
    """Spans of ``text`` whose words read as a person's name by the evidence above."""
    mode = _case_mode(text)
    tokens = [
        (match.start(), match.end(), match[0])
        for match in _TOKEN.finditer(text)
        if match[0].isascii() or ascii_letters(match[0]).isascii()
    ]
    if not tokens:
        return ()
    if mode == "mixed":
        inner = tokens[1:]
        titled = sum(1 for _, _, word in inner if word[0].isupper() and len(word) > 2 and word_prior(word) < 0)
        title_case = titled > 1 and titled * 2 >= len(inner)  # "Scheduled Maintenance Window begins Sunday"
    else:
        title_case = False
    found: list[tuple[int, int]] = []
    failed: set[tuple[str, int, int]] = set()  # runs scored below the line, by everything their score reads
    index = 0
    count = len(tokens)
    while index < count:
        start, end, word = tokens[index]
        if _glued(text, start, end) or word.lower() in PLACE_STARTS:
            index = _skip_joined(text, tokens, index, mode)  # "patient.John Smith", "San Diego": one thing
            continue
        if not _candidate(word, mode) or word_prior(word) <= 0 or len(word) < 2:
            index += 1
            continue
        run = [index]
        cursor = index + 1
        while cursor < count and len(run) < 6:
            gap = text[tokens[cursor - 1][1] : tokens[cursor][0]]
            nxt = tokens[cursor][2]
            if gap not in (" ", ". ") or (gap == ". " and len(tokens[cursor - 1][2]) > 1):
                break
            lower = nxt.lower()
            if lower in _PARTICLES and cursor + 1 < count:
                run.append(cursor)
                cursor += 1
                continue
            single = len(nxt) == 1 and (nxt.isupper() or mode == "lower")
            after_initial = len(tokens[run[-1]][2]) == 1 and len(run) > 1 and mode == "mixed"
            floor = -5.0 if after_initial else 0.0  # "Berg J. Brand": a word after a middle initial is a surname
            if single or (
                _candidate(nxt, mode)
                and not _glued(text, tokens[cursor][0], tokens[cursor][1])
                and word_prior(nxt) > floor
            ):
                run.append(cursor)
                cursor += 1
                continue
            break
        while run and (tokens[run[-1]][2].lower() in _PARTICLES or len(tokens[run[-1]][2]) == 1):
            run.pop()  # a run ends on a name word, not on a particle or an initial
        if not run:
            index += 1
            continue
        context = _context_key(text, tokens, run)
        if context in failed:
            index = run[-1] + 1  # the same words in the same surroundings scored below the line before
            continue
        score = _score(text, tokens, run, mode, title_case)
        if score < _THRESHOLD:
            failed.add(context)
        if score >= _THRESHOLD:
            first, last = run[0], run[-1]
            if mode == "mixed" and not title_case:
                first, last = _widened(text, tokens, first, last)
            found.append((tokens[first][0], tokens[last][1]))
            run = [last]
        index = run[-1] + 1
    return tuple(found)


def _context_key(text: str, tokens: list[tuple[int, int, str]], run: list[int]) -> tuple[str, int, int]:
    """Everything :func:`_score` reads about ``run``: from just before the third word back to a few characters
    after the word that follows, and where the run lies in it (a text that repeats itself is scored once)."""
    first, last = run[0], run[-1]
    low = 0 if first < 3 else max(0, tokens[first - 3][0] - 2)
    high = tokens[min(len(tokens) - 1, last + 1)][1] + 4
    return text[low:high], tokens[first][0] - low, tokens[last][1] - low


def _joinable(text: str, token: tuple[int, int, str]) -> bool:
    """Whether a capitalised word beside a name found is part of it though the dictionary knows it (``Riff``
    before ``Lievens``): not a word logs use for things, a cue, a day, nor glued or capitalised for a sentence."""
    start, end, word = token
    if not word[:1].isupper() or word.isupper() or not _candidate(word, "mixed") or _glued(text, start, end):
        return False
    bare = ascii_letters(word).lower()
    if bare in _STOP or bare in _BEFORE_ALL or bare in _CALENDAR or bare in NOT_SURNAMES or bare in PLACE_STARTS:
        return False
    before = text[:start].rstrip(" ")
    return bool(before) and before[-1] not in _SENTENCE_END


def _widened(text: str, tokens: list[tuple[int, int, str]], first: int, last: int) -> tuple[int, int]:
    """A name's run widened by one capitalised word on each side that the run alone would not take."""
    if first > 0 and text[tokens[first - 1][1] : tokens[first][0]] == " " and _joinable(text, tokens[first - 1]):
        first -= 1
    if (
        last + 1 < len(tokens)
        and text[tokens[last][1] : tokens[last + 1][0]] == " "
        and _joinable(text, tokens[last + 1])
        and word_prior(tokens[last + 1][2]) < 0
    ):
        last += 1
    return first, last


def _skip_joined(text: str, tokens: list[tuple[int, int, str]], index: int, mode: str) -> int:
    """The index after ``tokens[index]`` and the candidate words joined to it by single spaces (in a line
    without case, the one word after it: ``san diego``)."""
    index += 1
    if mode != "mixed":
        return index + 1 if tokens[index - 1][2].lower() in PLACE_STARTS else index
    while (
        index < len(tokens)
        and text[tokens[index - 1][1] : tokens[index][0]] == " "
        and _candidate(tokens[index][2], mode)
    ):
        index += 1
    return index


def _score(text: str, tokens: list[tuple[int, int, str]], run: list[int], mode: str, title_case: bool) -> float:
    words = [tokens[i][2] for i in run]
    names = [w for w in words if len(w) > 1 and w.lower() not in _PARTICLES]
    if not names:
        return 0.0
    priors = [
        max(word_prior(w), 0.5) if i and len(words[i - 1]) == 1 and len(w) > 1 else word_prior(w)
        for i, w in enumerate(words)
        if len(w) > 1 and w.lower() not in _PARTICLES
    ]
    if mode != "mixed":  # no capital vouches for a word no table knows, least of all in lower case
        priors = [p - (0.4 if mode == "caps" else 0.8) if p == _UNKNOWN else p for p in priors]
    score = sum(priors[:3])
    first = run[0]
    initial_before = (
        first > 0
        and len(tokens[first - 1][2]) == 1
        and tokens[first - 1][2].isupper()
        and text[tokens[first - 1][1] : tokens[first][0]] in (". ", " ")
    )
    if len(names) > 1:
        score += 0.5
        if any(w.lower() in _PARTICLES for w in words):
            score += _PARTICLE  # "Sven de Korte": a particle between two capitalised words
    elif mode != "mixed" and not initial_before:
        score -= 0.5  # one word of a line without case: little to go on
    start = tokens[first][0]
    end = tokens[run[-1]][1]
    before_text = text[:start].rstrip(" ")
    at_opening = not before_text or before_text[-1] in _SENTENCE_END
    if mode == "mixed" and not title_case and not at_opening and not names[0].isupper():
        score += _CAPITALISED  # a capital inside a sentence (not a word in capitals: "CO", "MOLINE")
    if any(len(w) == 1 for w in words):
        score += _INITIAL
    elif initial_before:
        score += _INITIAL  # "J. Okafor"
    initial_end = _initial_at(text, end + 1) if text[end : end + 1] == " " else -1
    if initial_end > 0 and len(names) == 1:
        score += _INITIAL  # "nurse Biagio C."
    cue = 0.0
    for back in range(1, 4):
        if first - back < 0:
            break
        prev_start, prev_end, prev = tokens[first - back]
        if _glued(text, prev_start, prev_end) or text[prev_start - 1 : prev_start] == "<" or text[prev_end] == "=":
            break  # a tag or an attribute of markup (<name value="...">): no word of a sentence
        between = text[prev_end:start]
        if "  " in between or "\t" in between:
            break  # a column of a table before it ("Miss  Cover" of a coverage header): another cell
        lower = prev.lower()
        if back == 1 and lower in _TITLE_WORDS:
            cue = max(cue, _TITLE)
            break
        if lower in _BEFORE_ALL:
            cue = max(cue, _WEAK_CUE if lower in _WEAK_BEFORE else _CUE)
            break
        if "\n" in text[prev_end:start]:
            break
    score += cue
    if len(words) == 1 and cue < _CUE and _surname_pair(words[0]) and not _care_before(tokens, first):
        score -= _CUE  # "contract for Schroeder-Avery": two surnames alone are as often a firm's name
    following = run[-1] + 1
    if (
        following < len(tokens)
        and text[end : tokens[following][0]] in (" ", ", ")
        and tokens[following][2].lower() in _AFTER
    ):
        score += _CUE
    if words[-1].endswith(("'s", "’s")):
        score += _CUE  # "Yusuf's lab results"
    elif (
        len(names) == 1
        and cue < _CUE
        and following < len(tokens)
        and text[end : tokens[following][0]] == " "
        and tokens[following][2].lower() in THING_AFTER
    ):
        score -= 3.0  # "deploy to Jordan cluster", "Austin datacenter": a lone word naming a thing of the system
    if text[end : end + 1] == "(":
        score -= 3.0  # a call or a constructor
    if cue < _CUE and firm_name(text, start, end) and not _cared_for(text, start, end):
        score -= 5.0  # "Hines Ltd", "Garza and Sons", "Wong Notifier 5.1", "Walker, Kim and Simpson": a company
    return score


def _surname_pair(word: str) -> bool:
    """Whether ``word`` is two surnames joined by a hyphen, the first no given name (``Collins-Medina``; not
    ``Jean-Paul``, ``Mary-Jane``): alone, without a title or a strong cue, a firm's name as often as a person's."""
    first, dash, second = word.partition("-")
    if not dash or "-" in second or not first[:1].isupper() or not second[:1].isupper():
        return False
    if first in FIRST_NAMES:
        return False
    return SURNAME_RANK.get(first.lower()) is not None and SURNAME_RANK.get(second.lower()) is not None


_CARE_WORDS: Final = _words(
    """refill refills appointment appointments appt prescription prescriptions rx lab labs result results visit
    referral discharge admission consult checkup vaccine vaccination surgery scan reminder callback"""
)
"""Words of care that make a word after ``for``/``to`` a patient (``refill for Lopez-Hill``)."""


def _care_before(tokens: list[tuple[int, int, str]], first: int) -> bool:
    """Whether one of the three words before ``tokens[first]`` is about care (``refill for``, ``labs sent to``)."""
    for back in (1, 2, 3):
        if first - back < 0:
            return False
        word = tokens[first - back][2].lower()
        if word in _CARE_WORDS or clinical_word(word):
            return True
    return False


def has_evidence_name(text: str) -> bool:
    """Whether :func:`name_runs` finds a name in ``text`` (for the gate)."""
    return " " in text and bool(name_runs(text))


def no_name(span: str) -> bool:
    """Whether the words of ``span`` say it is no name: a day or a month alone (``Sunday``), or several words of
    the dictionary with at most a given name that is also a word (``Spring Sale``); the shape detectors' finds
    are dropped then."""
    words = [word for word in _TOKEN.findall(span) if len(word) > 1]
    if not words:
        return False
    bare = [ascii_letters(word).lower() for word in words]
    if len(words) == 1:
        return bare[0] in _CALENDAR  # a word alone: the shape that found it had its reasons ("from Will:")
    if max(word_prior(word) for word in words) > _WORD_GIVEN:
        return False
    return any(word in _CALENDAR or (word.isascii() and not unknown_word(word) and word not in GIVEN) for word in bare)


def firm_not_person(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` names a company (:func:`._firms.firm_name`) and no title nor word about a person
    stands up to three words before it (``Insurance holder Jane Roe Group plan`` is a person's)."""
    if not firm_name(text, start, end) or _cared_for(text, start, end):
        return False
    before = text[max(0, start - 48) : start].split()[-3:]
    return not any(ascii_letters(word).lower().strip(".:,") in _STRONG_BEFORE for word in before)


_CARE_BEFORE: Final = frozenset(
    (
        *("appointment", "appointments", "appt", "visit", "referral", "referred", "admission", "admitted"),
        *("discharged", "patient", "pt", "consult", "consultation", "checkin", "checked-in", "booked", "seen"),
    )
)
"""Words of a person's care up to three words before a name: a firm's ending after it is a name's (``appointment
for Jane Roe Ltd.``), not a company's."""


def _cared_for(text: str, start: int, end: int) -> bool:
    """Whether a name that a legal form follows is a person's: a given name and one surname after a word of care
    (``appointment for Robert Jones Ltd.``; not ``invoice from Roe & Sons Ltd.``, ``vendor Jane Roe Ltd``)."""
    words = text[start:end].split()
    if len(words) != 2:
        return False
    given = ascii_letters(words[0]).lower()
    if given not in GIVEN or given in AMBIGUOUS_GIVEN:
        return False
    before = text[max(0, start - 48) : start].split()[-3:]
    return any(ascii_letters(word).lower().strip(".:,") in _CARE_BEFORE for word in before)


_STRONG_BEFORE: Final = (_BEFORE_ALL - _WEAK_BEFORE) | _TITLE_WORDS
"""Words before a person that do not also stand before things."""
