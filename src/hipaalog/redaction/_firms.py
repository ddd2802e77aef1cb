"""Companies named after people: ``Hines Ltd``, ``Garza and Sons``, ``Walker, Kim and Simpson``, ``Wong Notifier 5.1``.

Surnames make up most firms' names, so the words after a run of name parts (a legal form, a firm word, a
product's version) or the shape of the run (three surnames listed as partners) say it names a company.
"""

from __future__ import annotations

import re
from typing import Final

from ._name_table import GIVEN, SURNAME_RANK

__all__ = [
    "BUSINESS_WORDS",
    "CELL_FIRM_ENDINGS",
    "COMPANY_FORMS",
    "FIRM_ENDS",
    "FIRM_WORDS",
    "INSTITUTION_WORDS",
    "PARTNERS",
    "firm_after",
    "firm_before",
    "firm_name",
    "in_partners",
    "institution_after",
    "partners_list",
]

COMPANY_FORMS: Final = frozenset(
    (
        *("LLC", "PLC", "INC", "LTD", "LLP", "LP", "CO", "CORP", "GMBH", "AG", "SA", "SAS", "SARL", "NV", "BV"),
        *("AB", "OY", "AS", "SRL", "SPA", "KG", "PTY", "ULC", "PC", "PA", "PLLC"),
        *("GBR", "KGAA", "OHG", "UG", "SL", "SLU", "LTDA", "EIRELI", "BVBA", "SPRL", "ASA", "APS", "OYJ", "KK"),
        *("PVT", "SNC", "EURL", "SASU", "SCA", "KFT", "ZRT", "SRO", "DOO", "OOO", "SCS", "SPZOO"),
    )
)
"""Legal forms of companies, which look like a state's code after a comma (``Watts-Haas, LLC``)."""
FIRM_WORDS: Final = frozenset(("GROUP", "HOLDINGS", "PARTNERS", "ASSOCIATES", "SONS", "BROTHERS", "BROS", "COMPANY"))
"""Words after a name that make it a firm's (``Williams Group``)."""
INSTITUTION_WORDS: Final = frozenset(
    (
        *("Hospital", "Hospitals", "Clinic", "Clinics", "Medical", "Health", "Healthcare", "Memorial"),
        *("University", "College", "Institute", "Foundation", "Pharmacy", "Laboratories", "Hospice"),
        *("Regional", "General", "Community"),
    )
)
"""Capitalised words right after a name that make it an institution's (``Johns Hopkins Hospital``, ``Mercy
Health``, ``Jordan Valley Medical Center``); in lower case (``Jane Roe hospital stay``) they do not."""
BUSINESS_WORDS: Final = frozenset(
    (
        *("Supply", "Supplies", "Logistics", "Imaging", "Labs", "Lab", "Foods", "Distribution", "Distributors"),
        *("Diagnostics", "Freight", "Equipment", "Packaging", "Solutions", "Dental", "Biotech", "Pharma"),
        *("Pharmaceuticals", "Industries", "Enterprises", "Technologies", "Trading", "Wholesale", "Manufacturing"),
        *("Logistica", "Logística", "Suministros", "Industrias", "Distribuidora", "Comercial", "Transportes"),
    )
)
"""Capitalised words of a trade that make the name before them a business's (``Lambert Packaging``,
``Valley Imaging``), after it as before a place (``Ortiz Supply, Fresno, CA``)."""
_QUALIFIERS: Final = frozenset(("Regional", "General", "Community", "Medical"))
"""Institution words that name one only before another capitalised word (``Regional Clinic``; not ``Regional area``)."""
_CAPITAL_WORD: Final = re.compile(r"([A-Z][a-z]+)(?:[ ]([A-Z][a-z]+))?")


def institution_after(text: str, start: int) -> bool:
    """Whether an institution's word opens at ``start`` (``Hospital``, ``Clinic``, ``Regional Clinic``)."""
    match = _CAPITAL_WORD.match(text, start)
    if match is None or (match[1] not in INSTITUTION_WORDS and match[1] not in BUSINESS_WORDS):
        return False
    return match[1] not in _QUALIFIERS or match[2] is not None


CELL_FIRM_ENDINGS: Final = frozenset(
    ("llc", "plc", "inc", "ltd", "llp", "corp", "gmbh", "pty", "sarl", "group", "sons", "co", "company", "partners")
)
"""Last words (lower case) of a cell that make it a firm's name in a column of names (``Bennett PLC``,
``Guzman and Sons``): the forms and firm words above that no credential (``PA``) or short word (``AS``) shares."""

_CREDENTIALS: Final = frozenset(("PA", "PC"))
"""Legal forms that also follow a clinician's name (``Jane Roe, PA``: a physician assistant)."""
_AFTER: Final = re.compile(
    r"(?:,? ?(?:and|&) |,? )((?:[A-Za-z]{1,2}\.){2,4}(?:[A-Za-z]{1,2}(?![\w-]))?|[A-Za-z]{2,12})\.?(?![\w-])"
)
"""The word after a name, past a comma or an ``and`` (``Hines Ltd``, ``Watts-Haas, LLC``, ``Garza and Sons``), or a
dotted legal form (``Renaud Maillet S.A.R.L.``, ``Rossi S.p.A.``)."""
_DASHED_FORM: Final = re.compile(r"(?:EI|ME|EPP|LTDA|EIRELI|S/?A)(?![\w-])")
"""Brazilian legal forms written after a dash (``Cunha Pimenta - EI``, ``Moraes - ME``)."""
_VERSION: Final = re.compile(
    r" (?:[A-Z][a-z]{2,15} v?|v|(?!(?:[0-3]?[0-9]\.){2}[0-9]{2}(?![\w.])))[0-9]{1,4}\.[0-9]{1,3}\.[0-9]{1,3}(?![\w.])"
    r"| v[0-9]{1,4}\.[0-9]{1,3}(?![\w.])"
)
"""A product's three-part version after a name, with at most one word between (``Wong Notifier 5.17.89``); not a
reading (``Jane Doe 5.4``) nor a date (``Jane Doe 01.02.1980``, ``Jane Doe 1.2.80``)."""
PARTNERS: Final = re.compile(
    r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?, [A-Z][a-z]+(?:-[A-Z][a-z]+)? (?:and|&) [A-Z][a-z]+(?![\w,-])"
)
"""Three surnames as partners: ``Walker, Kim and Simpson`` (a list of people would name each one fully)."""


def firm_after(text: str, end: int) -> bool:
    """Whether what follows a run of name parts ending at ``end`` makes it a company's or a product's name."""
    if end >= len(text) or text[end] not in " ,":
        return False
    match = _AFTER.match(text, end)
    if match is None and text.startswith(" - ", end):
        dashed = _DASHED_FORM.match(text, end + 3)
        return dashed is not None  # "Cunha Pimenta - EI", "Souza - ME": a Brazilian firm's form after a dash
    if match is not None:
        word = match[1].replace(".", "").upper()
        joined = "and" in match[0] or "&" in match[0]
        if word in FIRM_WORDS or (
            not joined
            and word in COMPANY_FORMS
            and word not in _CREDENTIALS
            and (match[1].isupper() or word != "CO")
            and ("." not in match[1] or len(word) > 1)
        ):
            return True
        if joined and word in ("CO", "SONS", "BROTHERS", "DAUGHTERS"):
            return True
        if "&" in match[0] and _surname(match[1].lower()) and _surname(_last_word(text, end).lower()):
            return True  # "Johnson & Johnson", "Owens & Minor": two surnames joined by an ampersand
        if not joined and match[0][0] == " " and institution_after(text, end + 1):
            return True
    joined_firm = _JOINED_FIRM.match(text, end)
    if joined_firm is not None and joined_firm[1].replace(".", "").upper() in FIRM_ENDS:
        return True  # "Fanucci, Favata e Calbo SPA", "Ruiz, Soto y Vega S.L.": partners before a legal form
    return text[end] == " " and _VERSION.match(text, end) is not None


_JOINED_FIRM: Final = re.compile(
    r"(?:,? (?:and|&|e|y|et|und|en|och|og|i) )[A-Z][a-z'-]+(?: [A-Z][a-z'-]+)?,? "
    r"((?:[A-Za-z]{1,2}\.){2,4}|[A-Za-z]{2,12}\.?)(?![\w-])"
)
"""The last partner of a firm, joined in any of a few languages, and the word after it (a legal form or a firm word
makes the run a firm's)."""
FIRM_ENDS: Final = (COMPANY_FORMS - _CREDENTIALS) | FIRM_WORDS


def partners_list(text: str, start: int) -> bool:
    """Whether the words opening at ``start`` are three capitalised surnames listed as a firm's partners; the last
    two frequent surnames, each as frequent a surname as a given name if it is one (``Dodd, Maureen and Roe``,
    ``Roe, Uli and Dodd`` are people)."""
    match = PARTNERS.match(text, start)
    if match is None:
        return False
    words = match[0].replace(",", "").split(" ")
    return _surname(words[1].lower()) and _surname(words[3].lower())


def _surname(word: str) -> bool:
    """A frequent surname, and as frequent a surname as a given name if it is one (``Kim``, ``George``)."""
    rank = SURNAME_RANK.get(word, _FREQUENT)
    return rank < _FREQUENT and (word not in GIVEN or rank < _RARE)


_RARE: Final = 2000
"""A given name whose surname rank is below this is as often a partner's surname (``and George``)."""
_FREQUENT: Final = 8000
"""Partners' surnames rank below this."""


def in_partners(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` lies inside a list of partners (:func:`partners_list`)."""
    low = max(0, start - 48)
    for match in PARTNERS.finditer(text, low, min(len(text), end + 48)):
        if match.start() <= start and end <= match.end() and partners_list(text, match.start()):
            return True
    return False


_AMPERSAND_BEFORE: Final = re.compile(r"([A-Z][a-z]+) & $")
"""A surname and an ampersand just before a name's start (``Johnson & ``)."""


def _last_word(text: str, end: int) -> str:
    """The word of letters that ends at ``end``."""
    start = end
    while start > 0 and text[start - 1].isalpha():
        start -= 1
    return text[start:end]


def firm_name(text: str, start: int, end: int) -> bool:
    """Whether the name parts at ``text[start:end]`` name a company (:func:`firm_after`, :func:`in_partners`);
    also when the last word found is the product's own (``Bell-Ryan Notifier 2.24.19``), or when a surname and an
    ampersand stand before one surname (the second of ``Johnson & Johnson``)."""
    last_space = text.rfind(" ", start, end)
    before = _AMPERSAND_BEFORE.search(text, max(0, start - 24), start) if text[start - 2 : start] == "& " else None
    return (
        firm_after(text, end)
        or (
            before is not None
            and last_space < start
            and _surname(before[1].lower())
            and _surname(text[start:end].lower())
        )
        or (last_space > start and firm_after(text, last_space))
        or ("," in text and in_partners(text, start, end))
    )


_FORM_BEFORE: Final = re.compile(r"(?:^|[ ,(])((?:[A-Za-z]{1,2}\.){1,4}[A-Za-z]{0,2}|[A-Za-z]{2,12}),?[ ]{1,2}$")
"""The word ending a company's name just before a place (``Chen Inc, ``, ``Grupo Merino S.L., ``)."""


_PLACED_TRADES: Final = BUSINESS_WORDS | INSTITUTION_WORDS.difference(_QUALIFIERS) | {"Medical"}
"""Trade and institution words that end a business's name before its town (``Acme Supply, Fresno, CA``)."""


def firm_before(text: str, start: int) -> bool:
    """Whether a company's name ends right before ``start`` with its legal form or a firm word (``Chen Inc, Lake
    Jill, PA``: the town where the company is)."""
    match = _FORM_BEFORE.search(text, max(0, start - 16), start)
    return match is not None and (match[1].replace(".", "").upper() in FIRM_ENDS or match[1] in _PLACED_TRADES)
