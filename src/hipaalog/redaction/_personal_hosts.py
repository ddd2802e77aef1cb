"""URLs whose host or path names one person: pages of a handle, sites on a person's subdomain, domains of a name.

* hosts whose first path segment is a person's handle (``t.me/jroe``, ``paypal.me/jroe``, ``cash.app/$jroe``,
  ``ko-fi.com/jroe``);
* hosts where a marker segment comes before it (``zoom.us/my/jane.roe``, ``venmo.com/u/Jane-Roe``,
  ``gofundme.com/f/help-jane-roe``, ``snapchat.com/add/jroe``, ``strava.com/athletes/4821``);
* hosts that give each person a subdomain (``jroe.wordpress.com/about``, ``jroe.github.io``,
  ``jroe.substack.com``), any path (on ``github.io`` the root or one page: ``org.github.io/project/`` is a project);
* a domain made of a listed given name and a word no dictionary knows (``felixtammerijn.com``,
  ``hugo-christiaens.net``): a person's own site. Not ``maxmind.com`` (``mind`` is a word) nor
  ``markdownguide.org`` (two words).
"""

from __future__ import annotations

from typing import Final

from ._lexicon import ENGLISH, compound_word, unknown_word
from ._name_table import AMBIGUOUS_GIVEN, GIVEN, SURNAME_RANK
from ._vocab import FIRST_NAMES

__all__ = ["firm_label", "frequent_surname", "given_and_unknown", "personal_host", "trade_label", "two_surnames"]

_FREQUENT_SURNAME: Final = 600
"""The surname rank below which a census given name (``torres``, ``davis``) is a surname first."""


def frequent_surname(word: str) -> bool:
    """Whether ``word`` is one of the most frequent surnames and not in hipaalog's list of given names (``lopez``,
    ``davis``; not ``martin``, ``felix``)."""
    return SURNAME_RANK.get(word, _FREQUENT_SURNAME) < _FREQUENT_SURNAME and word.title() not in FIRST_NAMES


def two_surnames(first: str, second: str) -> bool:
    """Whether two words are two surnames, the first a frequent one, the second no given name (``davis`` and
    ``polk``, ``harris`` and ``beach``): run together in a domain, a firm's name, not one person's."""
    if not frequent_surname(first):
        return False
    return frequent_surname(second) or (
        second in SURNAME_RANK and second not in GIVEN and second.title() not in FIRST_NAMES
    )


_HANDLE_FIRST: Final = frozenset(
    (
        *("t.me", "telegram.me", "paypal.me", "cash.app", "ko-fi.com", "buymeacoffee.com", "patreon.com"),
        *("twitch.tv", "keybase.io", "gravatar.com", "wa.me", "signal.me", "onlyfans.com", "venmo.com"),
    )
)
"""Hosts whose first path segment is one person's handle."""
_MARKED: Final = {
    "zoom.us": frozenset(("my",)),
    "venmo.com": frozenset(("u",)),
    "gofundme.com": frozenset(("f",)),
    "snapchat.com": frozenset(("add",)),
    "strava.com": frozenset(("athletes",)),
    "goodreads.com": frozenset(("user",)),
    "spotify.com": frozenset(("user",)),
    "sites.google.com": frozenset(("view", "site")),
    "open.spotify.com": frozenset(("user",)),
}
"""Hosts where a segment marks that the next one names a person (``zoom.us/my/<name>``)."""
_SUBDOMAIN: Final = frozenset(
    (
        *("wordpress.com", "blogspot.com", "substack.com", "github.io", "gitlab.io", "tumblr.com", "carrd.co"),
        *("neocities.org", "weebly.com", "wixsite.com", "bsky.social", "mystrikingly.com", "medium.com"),
    )
)
"""Hosts that give each person a subdomain of their own."""
_CODE_PAGES: Final = frozenset(("github.io", "gitlab.io"))
"""Subdomain hosts where an organisation publishes its projects, one folder each: a person's site is the root."""
_SHARED_LABELS: Final = frozenset(("www", "en", "m", "blog", "docs", "api", "status", "help", "support", "app"))
_NOT_HANDLES: Final = frozenset(("", "login", "signup", "help", "about", "s", "share", "i", "home", "settings"))


def _holds_word_of(word: str, shortest: int) -> bool:
    """Whether ``word`` opens or ends with an English word of ``shortest`` letters or more."""
    size = len(word)
    return any(word[:cut] in ENGLISH or word[size - cut :] in ENGLISH for cut in range(shortest, size + 1))


def _holds_word(rest: str) -> bool:
    """Whether ``rest`` opens or ends with an English word of four letters or more (``health``, ``chimp``)."""
    return _holds_word_of(rest, 4)


def _surname_like(rest: str) -> bool:
    """A listed surname, or a word of five letters or more that no dictionary knows and holds no English word."""
    if rest in SURNAME_RANK and len(rest) >= 4:
        return True
    return len(rest) >= 5 and unknown_word(rest) and not compound_word(rest) and not _holds_word(rest)


def given_and_unknown(label: str, shortest: int = 3) -> bool:
    """Whether a host label is a listed given name (of ``shortest`` letters or more when run together) and a surname
    or a word no dictionary knows (``felixtammerijn``)."""
    if "-" in label:  # the hyphen is where the name parts meet: "jane-roe", not "daniels-henson" (two surnames)
        parts = label.split("-")
        return (
            len(parts) == 2
            and parts[0] in GIVEN
            and parts[0] not in AMBIGUOUS_GIVEN
            and parts[0] not in ENGLISH
            and _surname_like(parts[1])
        )
    word = label
    if not word.isalpha() or len(word) < 8 or _holds_word_of(word, 5):
        return False  # "patientpop", "kalispell": a word of the language opens or ends it
    if word in SURNAME_RANK or word in GIVEN:
        return False  # "richardson", "williamson": one surname, a firm's or a family's, not one person's
    for cut in range(shortest, len(word) - 3):
        given, rest = word[:cut], word[cut:]
        if given not in GIVEN or given in AMBIGUOUS_GIVEN or given in ENGLISH:
            continue
        if (len(given) >= 4 or rest in SURNAME_RANK) and _surname_like(rest):
            return not firm_label(word)
    return False


_TRADE_WORDS: Final = frozenset(
    (
        *("suministro", "suministros", "industria", "industrias", "industrie", "industries", "ferreteria"),
        *("distribuidora", "distribuidor", "distribuzione", "distribution", "comercial", "comercio", "commerciale"),
        *("transporte", "transportes", "transports", "trasporti", "transport", "logistica", "logistique", "logistik"),
        *("construcciones", "construcoes", "construtora", "costruzioni", "construction", "bouw", "batiment"),
        *("servicios", "servicos", "servizi", "services", "soluciones", "solucoes", "soluzioni", "solutions"),
        *("tecnologia", "tecnologias", "technologie", "technik", "importadora", "exportadora", "materiais"),
        *("materiales", "embalagens", "embalajes", "forniture", "fournitures", "impianti", "handel", "groothandel"),
        *("werke", "farmacia", "pharmacie", "apotheke", "laboratorio", "laboratoire", "inmobiliaria", "imobiliaria"),
        *("grupo", "gruppo", "groupe", "consultoria", "seguros", "alimentos", "alimentari", "ingenieria"),
        *("engenharia", "ingegneria", "metalurgica", "metalurgia", "textil", "tessile", "papeleria", "mobiliario"),
    )
)
"""Words of a trade, in the languages of the town lists, that make a host label a business's (``suministros``,
``industrias-mora``, ``ferreteria``); no person's site is named by one."""
_SHORTEST_TRADE: Final = 4


def trade_label(label: str) -> bool:
    """Whether a host label opens or ends with a trade's word, or is one in a hyphenated part (``industriasmora``,
    ``groothandel-mulder``, ``suministros``)."""
    if "-" in label:
        return any(part in _TRADE_WORDS for part in label.split("-"))
    size = len(label)
    return any(
        label[:cut] in _TRADE_WORDS or label[size - cut :] in _TRADE_WORDS
        for cut in range(_SHORTEST_TRADE, min(size, 15) + 1)
    )


def firm_label(word: str) -> bool:
    """Whether a host label is two surnames run together at some cut (``davispolk``: not ``davi`` and ``spolk``)."""
    return any(two_surnames(word[:cut], word[cut:]) for cut in range(4, len(word) - 3))


def personal_host(host: str, segments: list[str]) -> bool:
    """Whether a URL on ``host`` (lower case, no ``www.``) with path ``segments`` names one person."""
    labels = host.split(".")
    registered = ".".join(labels[-2:])
    if registered in _SUBDOMAIN and len(labels) > 2 and labels[-3] not in _SHARED_LABELS:
        return registered not in _CODE_PAGES or not segments  # not an org's project: facebook.github.io/react/
    first = segments[0].lower() if segments else ""
    if registered in _HANDLE_FIRST and first not in _NOT_HANDLES and first not in _MARKED.get(registered, ()):
        return True
    marks = _MARKED.get(host, _MARKED.get(registered))
    if marks is not None and len(segments) > 1 and first in marks:
        return True
    return len(labels) == 2 and given_and_unknown(labels[0]) and not trade_label(labels[0])
