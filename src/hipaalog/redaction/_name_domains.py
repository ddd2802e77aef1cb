"""Hosts written without a scheme, and hosts that spell the name of a person the same text names.

* a bare host (``janeroe.com``, ``jane-roe.net/blog``, ``signup from roejane.io``): found by its ending in a
  common top-level domain, not inside a URL, an address, a path or a dotted name of code (``os.path``);
* a host whose labels are a given name and a surname (``mathew.edwards.com``);
* a host label made of the words of a name written in the same text, in order or turned round, particles
  included (``Gretel Höfig`` and ``hofiggretel.org``, ``José Miguel da Rocha`` and ``darochajosemiguel.com``):
  the name must hold a listed given name, or be two or three words no dictionary holds, so a firm's words
  (``Acme Corp``, ``acmecorp.com``) are not a name.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

from ._gazetteer import fold
from ._lexicon import ENGLISH
from ._name_table import AMBIGUOUS_GIVEN, GIVEN, SURNAME_RANK
from ._vocab import FIRST_NAMES

__all__ = ["BARE_HOST_HINT", "bare_hosts", "dotted_name_host", "named_in_text"]

_TLDS: Final = (
    r"com|net|org|me|io|info|biz|co|name|online|site|xyz|page|blog|family|email|de|nl|ch|fr|it|es|pt|br|uk|at|be"
    r"|eu|us|ca|au|nz|ie|se|no|dk|fi|pl|cz|mx|ar|cl"
)
BARE_HOST_HINT: Final = re.compile(rf"\.(?:{_TLDS})(?![\w-])")
"""A top-level domain ending a word: a text that may hold a host without a scheme."""
_BARE_HOST: Final = re.compile(
    rf"[a-z0-9](?<![\w@./:%+-][a-z0-9])(?:[a-z0-9-]{{1,62}}\.){{1,2}}(?:{_TLDS})(?![\w@-])(?!\.[a-z0-9])"
    r"(/[^\s'\"<>()\[\]{},;|]*)?"
)
"""A host in small letters with one or two labels before its top-level domain, and its path (not after ``@``, a
dot, a slash or a scheme's colon: an address, a longer host, a path or a URL read elsewhere)."""
_UPPER: Final = "A-ZÀ-ÖØ-Þ"
_NAME_RUN: Final = re.compile(
    rf"[{_UPPER}](?<![\w'’-][{_UPPER}])[^\W\d_'’-]*(?:[ ](?:(?:da|de|del|della|der|di|do|dos|das|du|la|le|van|von"
    rf"|den|ter|ten)[ ])*[{_UPPER}][^\W\d_'’-]*){{1,4}}"
)
"""A run of two to five words (particles between them in small letters): a name's words, when one is a given name."""
_MAX_RUNS: Final = 32


def bare_hosts(text: str) -> Iterator[tuple[int, int, str, str]]:
    """``(start, end, host, path)`` of the hosts written without a scheme in ``text``."""
    for found in _BARE_HOST.finditer(text):
        path = found[1] or ""
        yield found.start(), found.end(), found[0][: len(found[0]) - len(path)], path


def _given(word: str) -> bool:
    return (word in GIVEN and word not in AMBIGUOUS_GIVEN) or word.title() in FIRST_NAMES


def dotted_name_host(host: str) -> bool:
    """Whether a host is a given name and a surname as two labels (``mathew.edwards.com``, not ``api.stripe.com``)."""
    labels = host.split(".")
    if len(labels) != 3:
        return False
    given, surname = labels[0], labels[1]
    return (
        _given(given)
        and given not in ENGLISH
        and (surname in SURNAME_RANK or surname.title() in FIRST_NAMES)
        and surname not in ENGLISH
    )


def named_in_text(label: str, text: str) -> bool:
    """Whether a host label (``-`` and ``.`` dropped) spells the words of a name in ``text``, in order or turned
    round at a word (``janeroe``, ``roejane``), two words at least: one of them a listed given name, or up to three
    words that are no word of English."""
    target = label.replace("-", "").replace(".", "")
    if len(target) < 6 or not target.isalpha():
        return False
    runs = 0
    for run in _NAME_RUN.finditer(text):
        runs += 1
        if runs > _MAX_RUNS:
            return False
        words = [fold(word).replace(" ", "") for word in run[0].split(" ")]
        if target[:2] not in "".join(words):
            continue  # the usual case: the run holds no word the label opens with
        if _spells(target, words):
            return True
    return False


def _spells(target: str, words: list[str]) -> bool:
    """Whether ``target`` is the words of a sub-run of ``words`` (two or more), in order or turned round."""
    size = len(words)
    for first in range(size):
        for last in range(first + 2, size + 1):
            part = words[first:last]
            if not any(_given(word) for word in part) and (len(part) > 3 or any(word in ENGLISH for word in part)):
                continue  # no given name: a name only of words no dictionary holds ("Gretel Höfig", not "Acme Corp")
            if "".join(part) == target:
                return True
            for cut in range(1, len(part)):
                if "".join(part[cut:] + part[:cut]) == target:
                    return True
    return False
