"""Shortcuts taken for speed answer exactly what the plain computations they stand for answer.

Each shortcut (a screen before a cue lookup, a regex rewritten so the engine can skip ahead, a
case-insensitive search done on lowered text) is checked against its plain form on hand-picked
texts and on generated ones built from the characters that matter (cue words, punctuation,
non-ASCII letters that lower to ASCII or to two characters).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from hipaalog.redaction._checks import PHONE_LOCAL
from hipaalog.redaction._cues import CUED_IDS, DATES, NAMES, PHONES, ZIPS, CueTable, words_before
from hipaalog.redaction._gate import FOREIGN_STREET
from hipaalog.redaction._near import initials_first, trie_alternation, word_regex
from hipaalog.redaction._streets import _STREET
from hipaalog.redaction._tabular import _PEOPLE_TABLES, _about_people, _delimiter

TABLES = {"names": NAMES, "ids": CUED_IDS, "dates": DATES, "phones": PHONES, "zips": ZIPS}

PIECES = [
    " ", "  ", ",", ".", ":", "#", "=", "-", "(", ")", "'", "\n", "\t", "|", ";", "/", "0", "12", "a", "Z", "x",
    "\u212a", "\u0130", "\u03a3", "é", "ß", "patient", "Patient", "PATIENT", "pAtient", "name", "named", "kin",
    "pt", "son", "mrn", "MRN", "member", "dob", "DOB", "born", "phone", "tel", "zip", "code", "f/u", "s/n",
    "follow-up", "geb.", "ss", "ssn", "for", "Dr", "Mrs", "user", "client", "PEOPLE", "Jane", "Roe",
]  # fmt: skip

texts = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)


def _plain_regex(words: list[str]) -> re.Pattern[str]:
    return re.compile(rf"(?<![a-z])(?:{trie_alternation(words)})(?![a-z])")


@pytest.mark.parametrize("name", sorted(TABLES))
@settings(max_examples=300, deadline=None)
@given(text=texts)
def test_word_regex_finds_what_the_lookbehind_form_finds(name: str, text: str) -> None:
    words = sorted(TABLES[name].last_words)
    lowered = text.lower()
    fast = [m.span() for m in word_regex(words).finditer(lowered)]
    assert fast == [m.span() for m in _plain_regex(words).finditer(lowered)]


SCREENED = {"foreign street": FOREIGN_STREET, "street": _STREET, "local phone": PHONE_LOCAL}
STREET_PIECES = [
    *PIECES, "Calle", "calle", "Rua", "ul.", "Ul.", "C/", "Via", "rue", "37", "5", "bis", "Mayor", "das", "Flores",
    "Niendorfweg", "straße", "strasse", "Fredry", "70/67", "28013", "Madrid", "(11)", "91234-5678", "612", "345",
    "8", "(916)", "123-45-67", "+", "98765", "43210",
]  # fmt: skip
street_texts = st.lists(st.sampled_from(STREET_PIECES), max_size=30).map("".join)


@pytest.mark.parametrize("name", sorted(SCREENED))
@settings(max_examples=400, deadline=None)
@given(text=street_texts)
def test_a_pattern_behind_its_initials_finds_what_it_finds_alone(name: str, text: str) -> None:
    screened = SCREENED[name]
    assert screened.pattern.startswith("(?=[")  # the look-ahead is there: a pattern that lost it would be slow
    plain = re.compile(screened.pattern[screened.pattern.index("])") + 2 :], screened.flags)
    assert [m.span() for m in screened.finditer(text)] == [m.span() for m in plain.finditer(text)]


@pytest.mark.parametrize(
    ("pattern", "initials"),
    [
        (r"(?<![\w/])(?:Calle|[Rr]ua|C/)[ ]", "(?=[CRr])"),
        (r"(?<!x)(?:\([1-9]|8[ ])", "(?=[(8])"),
        (r"[a-c](?:x|y)", "(?=[abc])"),
        (r"[\]^-]x", "(?=[\\-\\]\\^])"),
        (r"\w+x", ""),  # a category: any letter of any script
        (r"a?b", ""),  # an optional first item
        (r"(?i:ab)|c", ""),  # ignored case
        (r"[^a]b", ""),  # a negated set
    ],
)
def test_initials_are_the_characters_a_match_starts_with(pattern: str, initials: str) -> None:
    compiled = initials_first(pattern)
    assert compiled.pattern == initials + pattern


@pytest.mark.parametrize("name", sorted(TABLES))
@settings(max_examples=300, deadline=None)
@given(text=texts, count=st.integers(1, 5), data=st.data())
def test_cue_table_before_is_match_of_words_before(name: str, text: str, count: int, data: st.DataObject) -> None:
    table: CueTable = TABLES[name]
    position = data.draw(st.integers(0, len(text)))
    assert table.before(text, position, count) == table.match(words_before(text, position, count))


@pytest.mark.parametrize(
    ("text", "position", "kind"),
    [
        ("patient: Jane Roe", 9, "NAME"),
        ("x" * 80 + " patient Jane", 89, "NAME"),
        ("MRN# 00482913", 5, "MRN"),
        ("DOB 1980-03-12", 4, "DOB"),
        ("\u212ain Jane", 4, "NAME"),  # a Kelvin sign lowers to "k"
        ("inpatient Jane", 10, None),
    ],
)
def test_cue_table_before_examples(text: str, position: int, kind: str | None) -> None:
    table = {"NAME": NAMES, "MRN": CUED_IDS, "DOB": DATES}.get(kind or "NAME", NAMES)
    assert table.before(text, position) == kind == table.match(words_before(text, position))


@settings(max_examples=500, deadline=None)
@given(text=texts)
def test_about_people_is_the_case_insensitive_search(text: str) -> None:
    assert _about_people(text) == (_PEOPLE_TABLES.search(text) is not None)


@settings(max_examples=300, deadline=None)
@given(text=texts)
def test_delimiter_is_the_first_most_frequent(text: str) -> None:
    delimiters = ("\t", "|", ",", ";")
    expected = max(delimiters, key=text.count)
    assert _delimiter(text) == (expected, text.count(expected))


@pytest.mark.parametrize("name", sorted(TABLES))
@settings(max_examples=300, deadline=None)
@given(word=st.one_of(st.sampled_from(PIECES), texts))
def test_alone_is_a_match_of_one_word(name: str, word: str) -> None:
    table: CueTable = TABLES[name]
    for candidate in (word, word.lower(), *sorted(table.last_words)):
        assert (candidate in table.alone) == (table.match([candidate]) is not None)


_MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
    "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
MONTH_DATE_PLAIN = re.compile(
    rf"(?<![\w])(?:(?:{_MONTHS})\.?[ ][0-3]?[0-9](?:st|nd|rd|th)?,?[ ]"  # March 12, 1985
    rf"|(?:{_MONTHS}|{_MONTHS.upper()})-[0-3]?[0-9]-)"  # MAR-12-1985, Mar-12-1985
    r"(?:19|20)[0-9]{2}(?![\w/-])"
)
dates = st.lists(
    st.sampled_from(["Jan", "June", "Sept", "Sep", "September", "May", "xMay", "é", "_", ".", " ", ",", "1", "12",
                     "3rd", "31", "2020", "1999", "20", "-", "/", "x"]),
    max_size=16,
).map("".join)  # fmt: skip


@settings(max_examples=1000, deadline=None)
@given(text=dates)
@example(text="Jan-1-2020")  # the dashed form, once missing from the plain one
@example(text="SEPT-31-1999 Sept 3rd, 2020")
def test_month_date_matches_like_its_plain_form(text: str) -> None:
    from hipaalog.redaction._scanner import _MONTH_DATE

    assert [m.span() for m in _MONTH_DATE.finditer(text)] == [m.span() for m in MONTH_DATE_PLAIN.finditer(text)]


@pytest.mark.parametrize(
    ("words", "not_after"),
    [
        (["WHERE", "where", "SET", "set", "parameters", "params", "args"], "[A-Za-z_]"),
        (["dateOfBirth", "dob", "DOB", "birth_date", "birth", "born"], r"[A-Za-z0-9_/\x80-\U0010ffff]"),
        (["January", "Jan", "June", "Jun", "Sep", "Sept", "September"], r"[\w]"),
    ],
)
@settings(max_examples=300, deadline=None)
@given(data=st.data())
def test_first_char_alternation_matches_like_the_lookbehind_form(
    words: list[str], not_after: str, data: st.DataObject
) -> None:
    from hipaalog.redaction._near import first_char_alternation

    pieces = [*words, "x", "_", "/", " ", ".", "é", "1", *(word[:2] for word in words)]
    text = "".join(data.draw(st.lists(st.sampled_from(pieces), max_size=20)))
    plain = re.compile(rf"(?<!{not_after})(?:{'|'.join(map(re.escape, words))})(?![a-z])")
    fast = re.compile(first_char_alternation(words, not_after) + "(?![a-z])")
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]


REWRITTEN = {
    "escapes": (
        r"(?:\\(?:u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|U[0-9a-fA-F]{8}|[\\\"'/bfnrtv.-]))+",
        "_normalize",
        "_ESCAPES",
    ),
    "percent": (r"(?:%[0-9A-Fa-f]{2})+", "_normalize", "_PERCENT"),
    "repr": (r"(?<![\w'\"])b?'(?:[^'\\\n]|\\.){0,512}'(?![\w'])", "_normalize", "_REPR_STRING"),
    "intl": (
        r"(?<![\w+])\+[2-9][0-9]{0,2}(?:[-. ]?\(0\))?(?:[-. ]?[0-9]){7,12}(?![\w-]|\.[0-9])",
        "_numbers",
        "_PHONE_INTL",
    ),
}
SHAPES = ["\\", "u00e9", "x41", '"', "'", "b", "b'", "n", "%", "%2", "%40", "+", "+44", " ", "-", "(0)", "12",
          "345", "a", "_", "\n"]  # fmt: skip


@pytest.mark.parametrize("name", sorted(REWRITTEN))
@settings(max_examples=500, deadline=None)
@given(text=st.lists(st.sampled_from(SHAPES), max_size=30).map("".join))
def test_rewritten_regexes_match_like_their_plain_forms(name: str, text: str) -> None:
    import importlib

    plain, module, attribute = REWRITTEN[name]
    fast = getattr(importlib.import_module(f"hipaalog.redaction.{module}"), attribute)
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in re.finditer(plain, text)]


SEARCHED_ONLY = {
    "_DATE_IN_PARENS": r"[a-z] \((?:[0-9]|[A-Z][a-z]{2,8}\.? [0-9])",
    "_DATE_AFTER_ON": r"[a-z] (?:on|On|ON) (?:[0-9]|[A-Z][a-z]{2,8}\.? [0-9])",
    "_BARE_STATE_ZIP": r"[a-z][ ][A-Z]{2}[ ]+[0-9]{5}",
}
GATE_PIECES = ["a", "z", "Z", " ", "(", "1", "on", "On", "ON", "Jan", "uary", ".", "CA", "94043", "  ", "é", "x "]


@pytest.mark.parametrize("name", sorted(SEARCHED_ONLY))
@settings(max_examples=500, deadline=None)
@given(text=st.lists(st.sampled_from(GATE_PIECES), max_size=20).map("".join))
def test_gate_regexes_match_somewhere_exactly_when_their_plain_forms_do(name: str, text: str) -> None:
    from hipaalog.redaction import _gate

    assert (getattr(_gate, name).search(text) is None) == (re.search(SEARCHED_ONLY[name], text) is None)


HINT_PIECES = ["1", "23", " ", "  ", "^", "MR", "MRN", "SS", "HOSP", "^^^", "x", "|", "-", "4 1 5", "A", "JANE", "Q."]


@settings(max_examples=1000, deadline=None)
@given(text=st.lists(st.sampled_from(HINT_PIECES), max_size=24).map("".join))
def test_hints_hold_wherever_their_patterns_match(text: str) -> None:
    from hipaalog.redaction._hl7 import _CX, _CX_TYPE
    from hipaalog.redaction._names import _CAPS_PAIR, _CAPS_RUN
    from hipaalog.redaction._numbers import _PHONE_SPACED, _SPACED_HINT

    assert _CX.search(text) is None or _CX_TYPE.search(text) is not None
    assert _PHONE_SPACED.search(text) is None or _SPACED_HINT.search(text) is not None
    assert _CAPS_RUN.search(text) is None or _CAPS_PAIR.search(text) is not None


FOREIGN_PIECES = [*STREET_PIECES, "Ul", "os", "Eje vial", "C.", " de ", "Piazzale", "Av.", "R.", "Lindenstraße",
                  "«", "Marta-Kern-Platz", "weg", "Weg", "9", "_", "foo.", "Callejón", "boulevard",
                  "Birkenweg  12"]  # fmt: skip


@settings(max_examples=1500, deadline=None)
@given(text=st.lists(st.sampled_from(FOREIGN_PIECES), max_size=24).map("".join))
@example(text="foo.Calle 5")
@example(text="«Calle 5")
@example(text="Eje vial 5")
@example(text="x Kern-Platz 7")
def test_street_hint_is_the_foreign_street_search(text: str) -> None:
    from hipaalog.redaction._streets import _street_hint

    assert _street_hint(text) == (FOREIGN_STREET.search(text) is not None)


@pytest.mark.parametrize(
    ("pattern", "strings"),
    [
        (r"[Cc]a(?:ll|rr)e", {"Calle", "calle", "Carre", "carre"}),
        (r"Av\.?(?=[ ])", {"Av", "Av."}),
        (r"x{1,2}[0-1]", {"x0", "x1", "xx0", "xx1"}),
    ],
)
def test_expansions_are_every_string_a_small_pattern_matches(pattern: str, strings: set[str]) -> None:
    from hipaalog.redaction._near import expansions

    assert expansions(pattern) == strings
    with pytest.raises(ValueError, match="cannot list"):
        expansions(r"\w+")


MONTH_YEAR_PIECES = ["March", "marzo", "Mar.", " ", "  ", "de ", ",", "1948", "19", "20", "18", "2", "0", "x", "\n"]


@settings(max_examples=800, deadline=None)
@given(text=st.lists(st.sampled_from(MONTH_YEAR_PIECES), max_size=16).map("".join))
@example(text="marzo de 1948")
@example(text="March,  1899")
def test_month_year_matches_only_where_a_year_follows_a_space(text: str) -> None:
    from hipaalog.redaction._context import _MONTH_YEAR, _YEAR_AFTER_SPACE

    assert _MONTH_YEAR.search(text) is None or _YEAR_AFTER_SPACE.search(text) is not None


COLON_PIECES = [":", "::", "a", "F", "0", "12", "ab", "fe80", "%eth0", ".", "1.2.3.4", " ", "-", "g", "07:14:37", "x"]


@settings(max_examples=1500, deadline=None)
@given(text=st.lists(st.sampled_from(COLON_PIECES), max_size=24).map("".join))
@example(text="00:1a:2b:3c:4d:5e")
@example(text="2001:db8::8a2e:370:7334")
def test_colon_screens_hold_wherever_mac_and_ipv6_candidates_are(text: str) -> None:
    from hipaalog.redaction._numbers import _IPV6, _MAC, _MAC_HINT, _TWO_COLONS

    assert _MAC.search(text) is None or _MAC_HINT.search(text) is not None
    if any(match[0].count(":") > 1 for match in _IPV6.finditer(text)):
        assert _TWO_COLONS.search(text) is not None


NATIONAL_PIECES = ["cpf", "CPF", "nhs", "t.c.", " kimlik", "tc", "ni", "no", " ", ".", ":", "é", "x", "9", "-", "#",
                   "123.456.789-09", "943 476 5919", "national", " insurance", "steuer-id"]  # fmt: skip


@settings(max_examples=1500, deadline=None)
@given(text=st.lists(st.sampled_from(NATIONAL_PIECES), max_size=16).map("".join))
@example(text="écpf 123.456.789-09")
@example(text="T.C. Kimlik No: 10000000146")
def test_national_cue_screen_holds_wherever_the_cue_regex_matches(text: str) -> None:
    from hipaalog.redaction._national import _ALNUM, _CUE, _FIRST_RUNS

    lowered = text.lower()
    if _CUE.search(lowered) is not None:
        assert not _FIRST_RUNS.isdisjoint(lowered.encode().translate(_ALNUM).split())


SENTENCE_PIECES = ["call", " ", ", ", "Michelle", "Jozef", "Jakobik", "O'Brien", "to", "?", ".", "'s ", "A", "x",
                   "\n", "Release", ",", "-", "é"]  # fmt: skip
_PLAIN_IN_A_SENTENCE = (
    r"([A-Z](?:(?<=[a-z][ ][A-Z])|(?<=[a-z],[ ][A-Z]))[a-z]+(?:['’-][A-Z]?[a-z]+)?)"
    r"(?:[ ]([A-Z][a-z]+(?:['’-][A-Z]?[a-z]+)?))?(?=[ ]?(?:[,.?!;:)\"']|$)|[ ][a-z]|'s[ ])"
)


@settings(max_examples=1500, deadline=None)
@given(text=st.lists(st.sampled_from(SENTENCE_PIECES), max_size=20).map("".join))
@example(text="call Anna Bob Carl")
@example(text="transferred Jozef Jakobik to the nurse line, ask Michelle?")
def test_words_in_a_sentence_are_found_from_the_space_before_them(text: str) -> None:
    from hipaalog.redaction._names import _IN_A_SENTENCE

    def groups(matches: Iterable[re.Match[str]]) -> list[tuple[tuple[int, int], tuple[int, int]]]:
        return [(m.span(1), m.span(2)) for m in matches]

    assert groups(_IN_A_SENTENCE.finditer(text)) == groups(re.finditer(_PLAIN_IN_A_SENTENCE, text))


PINYIN_PIECES = ["for", "From", "Dr.", " ", ", ", ",", "Fang", "Shao", "LEI", "HE", "Sun", "Java", "x", "Ab", "to"]


@settings(max_examples=1500, deadline=None)
@given(text=st.lists(st.sampled_from(PINYIN_PIECES), max_size=16).map("".join))
@example(text="for Fang Shao")
@example(text="by HE, LEI")
def test_pinyin_screen_holds_wherever_a_pair_matches(text: str) -> None:
    from hipaalog.redaction._pinyin_names import _PAIR, _TWO_SHORT_WORDS

    assert _PAIR.search(text) is None or _TWO_SHORT_WORDS.search(text) is not None
