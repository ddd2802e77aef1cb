"""``last seen`` after a machine: when a host, a device or a node was last heard from, no one's date of care.

``seen`` announces a visit (``pt seen 03/07/2024``, ``Jane Roe last seen 03/07/2024``). Monitoring writes
``last seen`` and ``first seen`` after the thing it watched (``node db-01.example.com last seen 2025-03-18``,
``Device(hostname='mq-07.example.net', last_seen=...)``, ``agent last seen on 2025-03-18``): the subject is a
machine's name (a word with a dot, a dash, a colon or an underscore between letters and digits) or a word for a
machine, not one spelling a person's name (``jane-roe-laptop``, ``roe_jane``). Pure numbers (``MRN 00482913 last
seen``) and plain words (``pt``, a surname, ``client Roe``: a counsellor's client) keep the cue, and so does a date
before machines reported in (``host wroe-01 last seen 1961-04-03``: a birth date in a monitor's words).
"""

from __future__ import annotations

import re
from typing import Final

from ._cues import words_before
from ._name_parts import names_someone

__all__ = ["seen_by_machine"]

_MACHINE_WORDS: Final = frozenset(
    (
        *("node", "nodes", "host", "hostname", "device", "devices", "agent", "agents", "sensor", "sensors"),
        *("client", "peer", "worker", "server", "instance", "pod", "container", "service", "endpoint"),
        *("gateway", "router", "probe", "beacon", "replica", "broker", "runner", "heartbeat", "machine"),
        *("vm", "cluster", "daemon", "process", "token", "session", "build", "printer", "scanner", "firmware"),
        *("serial", "mac", "ip", "hwaddr", "uuid", "station", "terminal", "kiosk", "tablet", "workstation"),
    )
)
"""Words for a machine (``node``, ``agent``, ``serial``): ``<word> [name] last seen`` is about the machine."""
_MACHINE_NAME: Final = re.compile(r"(?=[\w.:-]*[A-Za-z])(?=[\w.:-]*[.:_-])[\w.:-]+")
"""A machine's name: letters with a dot, colon, dash or underscore (``db-01.example.com``, ``10.0.0.7:8443``)."""
_DIGIT: Final = re.compile(r"[0-9]")
_MOMENTS: Final = frozenset(("last", "first"))
_FILLERS: Final = frozenset(("on", "at", "is", "was", "since"))
_YEAR: Final = re.compile(r"(?<![0-9])(1[0-9]{3}|20[0-9]{2})(?![0-9])")
_FIRST_SEEN_YEAR: Final = 1990
"""No monitor's ``last seen`` is older than this year: an earlier date there is someone's."""


def seen_by_machine(text: str, start: int) -> bool:
    """Whether the date at ``start`` follows ``last seen``/``first seen`` after a machine's name or word."""
    year = _YEAR.search(text, start, start + 10)
    if year is not None and int(year[1]) < _FIRST_SEEN_YEAR:
        return False
    words = words_before(text, start, 6)
    while words and words[-1] in _FILLERS:
        words.pop()
    if len(words) < 3 or words[-1] != "seen" or words[-2] not in _MOMENTS:
        return False
    subject = words[-3]
    if names_someone(subject):
        return False  # "jane-roe-laptop last seen", "pt roe-jane last seen": named after a person, or the person
    if subject in _MACHINE_WORDS or _MACHINE_NAME.fullmatch(subject) is not None:
        return True
    # "device X12 last seen"; not "client Roe last seen": a name in letters only is no machine's
    return len(words) > 3 and words[-4] in _MACHINE_WORDS and _DIGIT.search(subject) is not None
