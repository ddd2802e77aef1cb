"""Names that a label, a greeting or a preposition of address points at, in free text of any language.

Three places in a sentence hold a person's name whatever its words are:

* after a label that names a part of a name: ``surname Öndólfur did not match``, ``last name 'saboor' has
  ...``, ``Nachname: Schenk``, ``apellido García``, ``family name "George" too long`` (quoted, any words;
  unquoted, one word that reads as a name part, so ``last name field is required`` stays);
* after a greeting, up to the comma or ``!`` that ends it: ``Thanks Kozina!``, ``welcome back, Fevroniya``,
  ``Dear takach,``, ``Hello reinaldo clavero, ...``, ``Bonjour Amélie,`` (not ``Hello World``, ``Hi team,``,
  ``thanks for waiting``: a word a dictionary knows is a name only when the census lists it as one);
* after a preposition that points at a person (``of``, ``to``, ``for``, ``from``, ``by``, ``with``, and
  ``pour``, ``para``, ``für``, ``voor``...), two or three capitalised words that are each a listed name part
  or a word no dictionary, software list or place knows (``chart of Victoria Coutts``, ``sms to Georges
  Lemoine``), or the same in lower case when both are such words (``pour otelina calixto``). A longer run
  of capitalised words is a title or a product (``for Blue Cross Blue Shield``) and stays.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from typing import Final

from ._detector import BaseDetector, Span
from ._firms import COMPANY_FORMS, firm_name
from ._gate import NAME, PERSON
from ._lexicon import VOWELS, clinical_word, compound_word, unknown_word
from ._name_table import GIVEN, SURNAME_RANK, SURNAME_WORDS
from ._names import COMMON_GIVEN, NOT_SURNAMES, PLACE_STARTS
from ._placed_towns import placed_town

__all__ = ["CUE_WORDS", "AddressedNameDetector", "has_addressed_name"]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_LABELS: Final = (
    r"sur[ ]?names?|last[ _-]?names?|first[ _-]?names?|given[ _-]?names?|family[ _-]?names?|middle[ _-]?names?"
    r"|maiden[ _-]?names?|birth[ _-]?names?|fore[ ]?names?|christian[ ]names?|legal[ ]names?|preferred[ ]names?"
    r"|patronymic|nachname|vorname|familienname|geburtsname|rufname|apellidos?|primer[ ]apellido"
    r"|segundo[ ]apellido|nombre[ ]de[ ]pila|nom[ ]de[ ]famille|nom[ ]de[ ]naissance|nom[ ]d'usage|pr[eé]nom"
    r"|cognome|sobrenome|apelido|achternaam|voornaam|familienaam|nazwisko|imi[eę]|efternamn|f[oö]rnamn"
    r"|efternavn|fornavn|etternavn|sukunimi|etunimi|p[rř][ií]jmen[ií]|priezvisko|vezet[eé]kn[eé]v"
    r"|keresztn[eé]v|soyad[ıi]?|otchestvo|фамилия|имя|отчество|прізвище|по[ ]батькові"
)
_GREETINGS: Final = (
    r"hi|hey|hello|dear|thanks|thank[ ]you|thx|welcome[ ]back|welcome|good[ ](?:morning|afternoon|evening|night)"
    r"|congratulations|congrats|happy[ ]birthday|goodbye|bye|bonjour|bonsoir|salut|merci|cher|ch[eè]re|hola"
    r"|buenos[ ]d[ií]as|buenas[ ](?:tardes|noches)|gracias|querid[oa]|estimad[oa]|hallo|guten[ ](?:tag|morgen)"
    r"|liebe|lieber|danke|ciao|buongiorno|gentile|grazie|ol[aá]|oi|obrigad[oa]|prezad[oa]|beste|hoi|hej|hei"
    r"|moi|witaj|merhaba|sayın|sayin"
)
_PREPOSITIONS: Final = r"of|to|for|from|by|with|pour|para|f[uü]r|fuer|voor|per|con|mit|dla|til|f[oö]r|com"
_FOREIGN: Final = r"pour|para|f[uü]r|fuer|voor|per|con|mit|dla|til|f[oö]r|com"
"""Prepositions of other languages: after them a name in lower case is read here (after English ones, by the
lower-case name rule of :mod:`._context`)."""

_PARTICLE: Final = r"(?:da|de|del|della|der|di|do|dos|das|du|la|le|van|von|den|ter|ten|bin|ibn|al|el|zu|y)"
_WORD: Final = r"[^\W\d_](?:[^\W\d_]|['’ʼ-](?=[^\W\d_]))*"
_CAP: Final = r"[A-Z](?:[a-z]|['’ʼ-](?=[A-Za-z]))+|[A-Z]{2,}(?:['’-][A-Z]+)?"

_OPEN: Final = "[ \\n\\t(\\[{:;,>\"'=|/-]"
"""What may stand before a cue (a cue at the start of a text is matched on its own, see :func:`_finditer`)."""


def _pattern(cue: str, tail: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The pattern of ``cue`` then ``tail`` after an opening character, and the same at a text's start."""
    return re.compile(rf"{_OPEN}({cue}){tail}"), re.compile(rf"({cue}){tail}")


_LABEL_VALUE: Final = _pattern(
    rf"(?i:{_LABELS})",
    rf"(?:[ ]?[:=][ ]?|[ ](?:is|was|ist|est|es)[ ]|[ ])(?:(['\"‘“])({_WORD}(?:[ ]{_WORD}){{0,3}})['\"’”]|({_WORD}))",
)
_GREETING_NAME: Final = _pattern(
    rf"(?i:{_GREETINGS})",
    rf",?[ ]+({_WORD}(?:[ ](?:{_PARTICLE}[ ]){{0,2}}{_WORD}){{0,2}})(?=[ ]*(?:[,!.;:?)\n]|\\n|$))",
)
_PREPOSITION_NAME: Final = _pattern(
    rf"(?i:{_PREPOSITIONS})",
    rf"[ ]((?:{_CAP})(?:[ ](?:{_PARTICLE}[ ]){{0,2}}(?:{_CAP})){{1,2}})(?![\w'’ʼ-]|[ ][A-Z])",
)
_CAPITALISED_PAIR: Final = re.compile(r"[A-Z][a-z'’ʼ-]+[ ](?:[a-z]{1,4}[ ]){0,2}[A-Z][a-z]|[A-Z]{2,}[ ][A-Z]{2}")
"""Two capitalised words in a row (particles between): a name after a preposition needs them."""
_PREPOSITION_LOWER: Final = _pattern(
    rf"(?i:{_FOREIGN})",
    rf"[ ]([a-z][a-z'’ʼ-]{{2,}})[ ](?:{_PARTICLE}[ ]){{0,2}}([a-z][a-z'’ʼ-]{{2,}})(?![\w'’ʼ-])",
)

_ACTS: Final = (
    r"checked[ ](?:in|out)|logged[ ](?:in|out)|signed[ ](?:in|up|out|the)|cancell?ed|rescheduled|consented|declined"
    r"|accepted[ ]the|opted[ ](?:in|out)|arrived|no-showed|paid[ ](?:the|a|by|via|\$)|booked[ ](?:a|an|the)|missed"
    r"|(?:was|has[ ]been)[ ](?:admitted|discharged|seen|registered|transferred)"
)
_NAME_RUN: Final = (
    rf"(?:{_CAP})(?:[ ](?:{_PARTICLE}[ ]){{0,2}}(?:{_CAP})){{0,2}}"
    rf"|[a-z][a-z'’ʼ-]{{2,}}(?:[ ](?:{_PARTICLE}[ ]){{0,2}}[a-z][a-z'’ʼ-]{{2,}}){{1,2}}"
)
"""A name of one to three capitalised words, or of two or three in lower case (one is a user's login)."""
_BEFORE_ACT: Final = (
    re.compile(rf"[ ](?<=[\]:.!?>)-][ ])({_NAME_RUN})[ ]({_ACTS})(?![\w-])"),
    re.compile(rf"({_NAME_RUN})[ ]({_ACTS})(?![\w-])"),
)
"""One to three name words opening a sentence before what only a person does (``gustav schou checked in``,
``Uberto accepted the terms``); the act is the cue (group 2)."""


def _finditer(patterns: tuple[re.Pattern[str], re.Pattern[str]], text: str, group: int = 1) -> Iterator[re.Match[str]]:
    """Matches whose cue (``group``) is written as the gate reads it (one of its words in :data:`CUE_WORDS`)."""
    first = patterns[1].match(text)
    matches = patterns[0].finditer(text)
    for match in (first, *matches) if first is not None else matches:
        if not CUE_WORDS.isdisjoint(word.encode() for word in re.split(r"[^\w]+", match[group]) if word):
            yield match


_NOT_VALUES: Final = _words(
    "none null nil empty missing required invalid unknown undefined blank n/a na tbd test field fields value values "
    "is was not and or must should cannot can does did has have too contains containing length format mismatch "
    "matches match only with without the a an of for to from in on at by if when does missing"
)
"""Words after a label that are the sentence, not the value (``last name field is required``)."""
_GROUPS: Final = _words(
    "team all everyone everybody there world folks guys customer customers patient patients user users sir madam "
    "friend friends doctor admin support again back you again sender member members colleague colleagues client "
    "clients guest guests reader readers"
)
"""What a greeting also addresses: a group, a role, the world."""


def _ascii(word: str) -> str:
    """``word`` with the marks of its letters dropped (``Öndólfur`` -> ``Ondolfur``)."""
    if word.isascii():
        return word
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def _parts(word: str) -> list[str]:
    return [part for part in re.split(r"['’ʼ-]", _ascii(word).lower()) if part]


def _unlisted(part: str, *, drugs: bool = True) -> bool:
    """A word part no dictionary, software list, place or compound explains, with a vowel; with ``drugs``,
    no clinical word either (a greeting or a label vouches for ``Ysaline``, whose ending is a drug's)."""
    return (
        len(part) > 2
        and part.isascii()
        and unknown_word(part)
        and not compound_word(part)
        and not VOWELS.isdisjoint(part)
        and not (drugs and clinical_word(part))
    )


def _listed(part: str) -> bool:
    """A part the census lists as a given name that is no common word, or as a surname no word spells."""
    if part in GIVEN and part not in COMMON_GIVEN:
        return True
    return part in SURNAME_RANK and part not in NOT_SURNAMES and part not in SURNAME_WORDS and unknown_word(part)


def _other_script(word: str) -> bool:
    """A word of a script other than Latin (Cyrillic, Greek, Arabic, CJK...): no English word reads so."""
    return not _ascii(word).isascii()


def _name_part(word: str, *, vouched: bool) -> bool:
    """Whether ``word`` reads as a name part; ``vouched`` (a label or greeting says so) also takes any listed
    given name or surname (``Stone``, ``Mark``) written with a capital."""
    bare = word.lower()
    if bare in _NOT_VALUES or bare in _GROUPS:
        return False
    if _other_script(word):
        return True
    parts = _parts(word)
    if not parts:
        return False
    if all(_unlisted(p, drugs=not vouched) or _listed(p) for p in parts):
        return True
    return vouched and word[:1].isupper() and all(p in GIVEN or p in SURNAME_RANK for p in parts)


def _label_names(text: str) -> Iterator[Span]:
    for match in _finditer(_LABEL_VALUE, text):
        if match[3] is not None:  # quoted: the whole quoted value, if its words read as a name
            words = match[3].split(" ")
            if any(w.lower() in _NOT_VALUES for w in words):
                continue
            yield match.start(3), match.end(3), "NAME"
        elif _name_part(match[4], vouched=True):
            yield match.start(4), match.end(4), "NAME"


def _greeted_names(text: str) -> Iterator[Span]:
    for match in _finditer(_GREETING_NAME, text):
        words = [w for w in match[2].split(" ") if not re.fullmatch(_PARTICLE, w)]
        if all(_name_part(w, vouched=True) for w in words):
            yield match.start(2), match.end(2), "NAME"


def _addressed_names(text: str) -> Iterator[Span]:
    for match in _finditer(_PREPOSITION_NAME, text):
        words = [w for w in match[2].split(" ") if not re.fullmatch(_PARTICLE, w)]
        if words[0].lower() in PLACE_STARTS:
            continue
        parts = [_parts(w) for w in words]
        if not all(p and all(_unlisted(x) or _listed(x) or x in GIVEN for x in p) for p in parts):
            continue
        if not any(_unlisted(x) or _listed(x) for p in parts for x in p):
            continue
        if words[0].isupper() and any(len(w) < 4 for w in words):
            continue  # "for AWS KMS": acronyms
        if _firm_form(words[-1]) or firm_name(text, match.start(2), match.end(2)):
            continue  # "for Pasquier Godard SARL", "from Andrade Ltda.": a company's name
        yield match.start(2), match.end(2), "NAME"


def _firm_form(word: str) -> bool:
    """Whether the last word of a run is a company's legal form (``SARL``, ``Ltda``), no clinician's credential."""
    form = word.replace(".", "").upper()
    return form in COMPANY_FORMS and form not in _CREDENTIAL_FORMS


def _addressed_lower_names(text: str) -> Iterator[Span]:
    for match in _finditer(_PREPOSITION_LOWER, text):
        first, last = _parts(match[2]), _parts(match[3])
        if first and last and all(_unlisted(p) for p in first) and all(_unlisted(p) or _listed(p) for p in last):
            yield match.start(2), match.end(3), "NAME"


def _acting_names(text: str) -> Iterator[Span]:
    for match in _finditer(_BEFORE_ACT, text, group=2):
        words = [w for w in match[1].split(" ") if not re.fullmatch(_PARTICLE, w)]
        if words[0].lower() in PLACE_STARTS or words[0].lower() in _NOT_VALUES:
            continue
        parts = [_parts(w) for w in words]
        if all(p and all(_unlisted(x) or _listed(x) for x in p) for p in parts):
            yield match.start(1), match.end(1), "NAME"


def has_addressed_name(text: str) -> bool:
    """Whether :class:`AddressedNameDetector` finds a name in ``text`` (the gate asks, when no other name
    detector is selected)."""
    for _ in AddressedNameDetector().find(text):
        return True
    return False


_CREDENTIAL_FORMS: Final = frozenset(("PA", "PC"))
"""Legal forms that also follow a clinician's name (``Jane Roe PA``)."""

_CUE_TEXT: Final = (
    "sur fore surname surnames last first given family middle maiden birth forename forenames christian legal "
    "preferred "
    "patronymic nachname vorname familienname geburtsname rufname apellido apellidos nombre nom prenom prénom "
    "cognome sobrenome apelido achternaam voornaam familienaam nazwisko imie imię efternamn fornamn förnamn "
    "efternavn fornavn etternavn sukunimi etunimi prijmeni příjmení priezvisko vezeteknev vezetéknév keresztnev "
    "keresztnév soyadı soyadi soyad otchestvo фамилия имя отчество прізвище батькові lastname firstname "
    "givenname familyname middlename last_name first_name given_name family_name middle_name maiden_name birth_name "
    "hi hey hello dear thanks thank thx welcome good congratulations congrats happy bye goodbye bonjour bonsoir "
    "salut merci cher chere chère hola buenos buenas gracias querido querida estimado estimada hallo guten liebe "
    "lieber danke ciao buongiorno gentile grazie ola olá oi obrigado obrigada prezado prezada beste hoi hej hei "
    "moi witaj merhaba sayın sayin "
    "of to for from by with pour para fur für fuer voor per con mit dla til for för com "
    "checked logged signed cancelled canceled rescheduled consented declined accepted opted arrived showed paid "
    "booked missed admitted discharged seen registered transferred"
)
CUE_WORDS: Final = frozenset(
    variant.encode() for word in _words(_CUE_TEXT) for variant in (word, word.title(), word.upper())
)
"""The words (UTF-8, as the gate splits a text) one of which every name this detector finds follows."""


_SPLIT: Final = re.compile(r"[^\w]+")
_LABEL_WORDS: Final = _words(
    "surname surnames forename forenames patronymic nachname vorname familienname geburtsname rufname apellido "
    "apellidos nombre nom prenom prénom cognome sobrenome apelido achternaam voornaam familienaam nazwisko imie imię "
    "efternamn fornamn förnamn efternavn fornavn etternavn sukunimi etunimi prijmeni příjmení priezvisko vezeteknev "
    "vezetéknév keresztnev keresztnév soyadı soyadi soyad otchestvo фамилия имя отчество прізвище батькові lastname "
    "firstname givenname familyname middlename"
)
"""Labels that are one word: their presence lets the label rule run."""
_LABEL_HEADS: Final = _words("sur fore last first given family middle maiden birth christian legal preferred")
"""First words of labels of two words (``last name``): the rule runs only if ``name`` is there too."""
_NAME_WORDS: Final = _words("name names")
_GREETING_WORDS: Final = _words(
    "hi hey hello dear thanks thank thx welcome good congratulations congrats happy bye goodbye bonjour bonsoir "
    "salut merci cher chere chère hola buenos buenas gracias querido querida estimado estimada hallo guten liebe "
    "lieber danke ciao buongiorno gentile grazie ola olá oi obrigado obrigada prezado prezada beste hoi hej hei "
    "moi witaj merhaba sayın sayin"
)
_FOREIGN_PREPOSITIONS: Final = _words("pour para fur für fuer voor per con mit dla til för com")
_PREPOSITION_WORDS: Final = _words("of to for from by with") | _FOREIGN_PREPOSITIONS
_ACT_WORDS: Final = _words(
    "checked logged signed cancelled canceled rescheduled consented declined accepted opted arrived showed "
    "paid booked missed admitted discharged seen registered transferred"
)
"""The lower-case words of each rule's cues (a text is split once; a rule runs when one of its words is there)."""


class AddressedNameDetector(BaseDetector):
    """Names after a label of a name part, a greeting, or a preposition that points at a person."""

    gate = NAME | PERSON
    name = "addressed_name"
    kinds = ("NAME",)

    def find(self, text: str) -> Iterator[Span]:
        words = frozenset(_SPLIT.split(text.lower()))  # one pass; each rule runs only if its cue may be there
        if not _LABEL_WORDS.isdisjoint(words) or (
            not _NAME_WORDS.isdisjoint(words) and not _LABEL_HEADS.isdisjoint(words)
        ):
            yield from _label_names(text)
        if not _GREETING_WORDS.isdisjoint(words):
            yield from _greeted_names(text)
        if not _PREPOSITION_WORDS.isdisjoint(words) and _CAPITALISED_PAIR.search(text) is not None:
            for span in _addressed_names(text):
                if not placed_town(text, span[0], span[1]):  # "from Novais de Sousa warehouse": a town
                    yield span
        if not _FOREIGN_PREPOSITIONS.isdisjoint(words):
            yield from _addressed_lower_names(text)
        if not _ACT_WORDS.isdisjoint(words):
            yield from _acting_names(text)
