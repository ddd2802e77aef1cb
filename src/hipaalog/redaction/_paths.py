"""Person names, and the dates and record numbers beside them, in URL paths, file names and object keys.

A folder or a file is often named after the person it holds: ``/uploads/jane-roe/card.png``,
``s3://intake/roe_jane_19800312.pdf``, ``/people/jane-roe/profile``, ``C:\\scans\\Roe, Jane\\lab.pdf``.
Each segment of a path (a file name without its extension) is cut into words on ``- _ . +``,
spaces and commas, and the words are judged by :mod:`._slugs`. A segment holding any other word
than name parts, document words (``insurance``, ``card``, ``referral``), dates and numbers is a
title, a product or a package (``how-to-reset-your-password``, ``python-json-logger``,
``payments-api-7d9f8b6c5-x2x9z``) and is left alone. Beside a name, a segment's date stamps and
record numbers are masked too, and so are the date stamps of the rest of its path.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

from ._cues import FILE_EXTENSION, FILE_EXTENSIONS
from ._detector import BaseDetector, Span
from ._gate import PATH
from ._slugs import COMMON, GIVEN_NAME, OTHER, PARTICLE, SHORT, enough, part_kind, run_need

__all__ = ["PathDetector", "path_name_spans"]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_SEG: Final = r"[^\s/\\\"'<>?#&|(){}\[\],;=*`]"
_PATH: Final = re.compile(rf"(?:[/\\]{_SEG}*)+")
"""A path: segments after ``/`` or ``\\`` (a segment with spaces is read on by :func:`_path_end`)."""
_SPACED_WORD: Final = re.compile(rf",?[ ]{_SEG}+")
_FILE_END: Final = re.compile(
    rf"\.(?:{FILE_EXTENSIONS}|{FILE_EXTENSIONS.upper()}|[a-z][a-z0-9]{{1,3}}|[A-Z][A-Z0-9]{{1,3}})(?=$|:[0-9])"
)
"""A file name's end: a document's extension, or any other of two to four letters and digits (``.log``, ``.py``,
``.html``, ``.j2``), last in its word or before a line number (``.py:12:``, as warnings and grep print it): a
name before it is read the same whatever the file holds."""
_SPACED_WORDS: Final = 4
_FILE_START: Final = re.compile(rf"{_SEG}*$")
"""On the text before an extension: the file name's characters back to its start."""
_EXTENSION: Final = re.compile(r"\.[A-Za-z][A-Za-z0-9]{0,4}$|\.[0-9][A-Za-z][A-Za-z0-9]{0,3}$")
_PART: Final = re.compile(r"[^\W_]+")
_TIME_ZONE: Final = re.compile(
    r"/(?:(?<=Africa/)|(?<=America/)|(?<=Antarctica/)|(?<=Arctic/)|(?<=Asia/)"
    r"|(?<=Atlantic/)|(?<=Australia/)|(?<=Europe/)|(?<=Indian/)|(?<=Pacific/))"
    r"(?:[A-Z][A-Za-z]+/)?[A-Z][A-Za-z]+(?:[_-][A-Za-z]+){0,3}(?![\w/])"
)
"""An IANA time zone's place after its area (``America/Santo_Domingo``, ``Asia/Ho_Chi_Minh``): no one's name."""
_DIGIT: Final = re.compile(r"[0-9]")
_JOINED_SEGMENT: Final = re.compile(
    rf"[/\\](?<![/\\]{{2}})(?:{_SEG}*[^\W\d_][-_+][^\W\d_]|[^\W\d_]+,?[ ](?!HTTP/)[^\W\d_]"
    rf"|[^\W\d_]{{2,}}\.(?:[^\W\d_]{{2,}}(?=[-_./\\])|[^\W\d_]{{6}}))"
)
"""A segment (not a host) with two words joined: by ``-``, ``_`` or ``+`` (``/jane-roe``), a space or a comma
after its first word (``/Jane Roe - referral.pdf``, ``/Roe, Jane/``), a dot before more of the path or
a word longer than an extension (``/jane.roe/``, ``/jane.roberts``). A text without one has no path worth
reading (one scan instead of a look at each slash)."""
_JOINED: Final = re.compile(r"[^\W\d_][-_+ ,.][^\W\d_]")
"""Two letters joined by a separator: a path without one has no segment of two words."""
_SEGMENTS: Final = re.compile(r"[^/\\]+")
_DATE_STAMP: Final = re.compile(
    r"(?<![0-9])(?:"
    r"(?:19|20)[0-9]{2}([-_.]?)(?:0[1-9]|1[0-2])\1(?:0[1-9]|[12][0-9]|3[01])"
    r"|(?:0[1-9]|[12][0-9]|3[01])([-_.])(?:0[1-9]|1[0-2])\2(?:19|20)[0-9]{2}"
    r"|(?:0[1-9]|1[0-2])([-_.]?)(?:0[1-9]|[12][0-9]|3[01])\3(?:19|20)[0-9]{2}"
    r")(?![0-9])"
)
"""A full date in a name (``19800312``, ``1980-03-12``, ``12.03.1980``, ``03121980``)."""
_ID: Final = re.compile(r"(?:[A-Za-z]{1,4})?[0-9]{5,}")
"""A record number: five digits or more, after up to four letters (``0340709``, ``MRN6549571``, ``E9726979``)."""
_YEAR: Final = re.compile(r"(?:19|20)[0-9]{2}")
_DATE_FOLDERS: Final = re.compile(
    r"[/\\](?:19|20)[0-9]{2}[/\\]((?:0?[1-9]|1[0-2])(?:[/\\](?:0?[1-9]|[12][0-9]|3[01]))?)(?=[/\\])"
)
"""Folders of a year, a month and perhaps a day (``/2024/06/25/``): beside a name, the month and day are masked."""
_INVERTED: Final = re.compile(r"[^\W\d_]+(?:[-'’ ][^\W\d_]+)?,[ ]?[^\W\d_]+(?:[ ][^\W\d_]+)?(?:$|[ ._-])")
"""A folder named ``Last, First`` (``Roe, Jane``): the comma says the words are a person's name."""

PERSON_DIRS: Final = _words(
    """patients patient people persons person members member users user profiles profile clients client residents
    resident customers customer subscribers subscriber beneficiaries beneficiary enrollees enrollee dependents
    dependent guarantors guarantor contacts contact employees employee staff students student caregivers
    caregiver practitioners practitioner providers provider physicians doctors nurses home"""
)
"""Folders whose entries are people (``/people/jane-roe/``)."""
SHARE_DIRS: Final = _words("share shared s p invite invites link links")
"""Folders of a share link (``/share/hvl800101/angel-beasley-7172``): a slug under one, up to two segments down,
is what was shared, a person's page as often as not: one sign of a person."""
PERSONAL_DOCS: Final = _words(
    """insurance passport consent consents referral referrals intake selfie headshot signature birth
    certificate prescription prescriptions eob discharge xray xrays mri mammogram"""
)
"""Words of the papers that are about one person (``insurance_card.png``, ``Jane Roe - referral.pdf``): a
folder holding one, or a file named with one, is a person's."""
DOC_WORDS: Final = PERSONAL_DOCS | _words(
    """card cards license licence scan scans lab labs result results report reports chart charts note notes
    summary admission photo photos avatar portrait rx claim claims invoice invoices statement statements letter
    letters fax faxes medical history visit visits appointment appointments appt record records form forms
    vaccine vaccination vaccinations immunization imaging radiology pathology biopsy ultrasound dental driver
    drivers"""
)
"""Words of the documents kept about people: one beside a name says a little."""
_CUE_WORDS: Final = {"dob": "DOB", "mrn": "MRN", "ssn": "SSN", "pid": "ID", "pt": "ID", "patient": "ID"}
"""Words that say the value beside them is a person's (``roe_jane_dob_19800312``)."""
_NEUTRAL: Final = _words(
    """front back side copy final draft signed scanned page new old updated original thumb thumbnail small medium
    large full crop cropped file files document documents doc docs attachment attachments upload uploads
    uploaded export exports exported image images img pic v of and id ids dl"""
)
"""Words a person's file name may hold beside the name that say nothing either way (``id``: a folder of
Indonesian texts as often as a person's identity card)."""

_DATE, _ID_PART, _NEUTRAL_PART, _DOC, _CUE, _PROSE, _INITIAL, _NAME = range(8)


class _Segment:
    """One segment of a path cut into words: each word's span, label and, for a name part, its kind."""

    __slots__ = ("candidate", "cue", "dated", "doc", "inverted", "kinds", "labels", "numbered", "personal", "spans")

    def __init__(self, text: str, start: int, end: int) -> None:
        stem = _EXTENSION.search(text, start, end)
        stop = stem.start() if stem is not None and stem.start() > start else end
        dates = (
            [found.span() for found in _DATE_STAMP.finditer(text, start, stop)]
            if _DIGIT.search(text, start, stop)
            else []
        )
        self.spans: list[tuple[int, int]] = list(dates)
        self.labels: list[int] = [_DATE] * len(dates)
        self.kinds: list[int] = [OTHER] * len(dates)
        self.cue: str | None = None
        self.personal = False
        self.inverted = text.find(",", start, stop) >= 0 and _INVERTED.match(text, start, stop) is not None
        for part in _PART.finditer(text, start, stop):
            if dates and any(d_start <= part.start() < d_end for d_start, d_end in dates):
                continue
            self._judge(part[0], part.start(), part.end())
            if self.labels[-1] == _PROSE:
                break  # a title, a product, a package: nothing more to learn
        if dates:
            order = sorted(range(len(self.spans)), key=self.spans.__getitem__)
            self.spans = [self.spans[i] for i in order]
            self.labels = [self.labels[i] for i in order]
            self.kinds = [self.kinds[i] for i in order]
        labels = self.labels
        self.dated = bool(dates)
        self.numbered = _ID_PART in labels
        self.doc = _DOC in labels
        self.candidate = _NAME in labels and _PROSE not in labels

    def _add(self, start: int, end: int, label: int, kind: int = OTHER) -> None:
        self.spans.append((start, end))
        self.labels.append(label)
        self.kinds.append(kind)

    def _judge(self, word: str, start: int, end: int) -> None:
        if not word.isalpha():
            if _ID.fullmatch(word) is not None and _YEAR.fullmatch(word) is None:
                letters = word[: len(word) - len(word.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"))]
                self.cue = self.cue or _CUE_WORDS.get(letters.lower())  # MRN0091733
                self._add(start, end, _ID_PART)
            else:
                self._add(start, end, _NEUTRAL_PART)  # a year, a counter, a hash (7d9f8b6c5), a version (v2)
            return
        lower = word.lower()
        if len(word) == 1:
            self._add(start, end, _INITIAL)
        elif lower in _CUE_WORDS:
            self.cue = self.cue or _CUE_WORDS[lower]
            self._add(start, end, _CUE)
        elif lower in DOC_WORDS:
            self.personal = self.personal or lower in PERSONAL_DOCS
            self._add(start, end, _DOC)
        elif lower in _NEUTRAL:
            self._add(start, end, _NEUTRAL_PART)
        else:
            kind = part_kind(word)
            self._add(start, end, _PROSE if kind == OTHER else _NAME, kind)

    def names(self, points: int, stamps: int, person: bool) -> list[tuple[int, int]]:
        """Spans of the runs of name parts that make a name with ``points`` of other signs around the
        segment and ``stamps`` (dates elsewhere in the path); the segment's own words, dates and numbers
        add theirs. Dates and numbers count only beside a given name: coined words are dated too
        (``dask-cuda_20240311.csv``)."""
        if not self.candidate:
            return []
        points += (2 if self.cue or self.personal else 1 if self.doc else 0) + self.inverted
        stamps += self.dated + self.numbered
        person = person or self.cue is not None or self.doc or self.inverted
        found: list[tuple[int, int]] = []
        index = 0
        size = len(self.labels)
        while index < size:
            if self.labels[index] != _NAME:
                index += 1
                continue
            first = index
            kinds: list[int] = []
            while index < size and self.labels[index] in (_NAME, _INITIAL):
                if self.labels[index] == _NAME and self.kinds[index] != PARTICLE:
                    kinds.append(self.kinds[index])
                index += 1
            last = index - 1
            while self.labels[last] == _INITIAL:
                last -= 1
            if self.kinds[last] == PARTICLE:
                kinds.append(SHORT)  # "john-le": a particle last may be a surname (Lê)
            if all(self.spans[i][1] - self.spans[i][0] < 3 for i in range(first, last + 1)):
                continue  # ro_RO, ta_IN: a locale, a code
            need = run_need(kinds)
            given = GIVEN_NAME in kinds or COMMON in kinds
            if need is not None and enough(need, points + stamps if given else points, person):
                found.append((self.spans[first][0], self.spans[last][1]))
        return found


def path_name_spans(text: str, start: int, end: int) -> Iterator[Span]:
    """Names in the path ``text[start:end]`` (segments after ``/`` or ``\\``), with the dates and record
    numbers beside them and the date stamps of the whole path."""
    if _JOINED.search(text, start, end) is None:
        return  # no two words joined anywhere: no segment can hold a name
    bounds = [segment.span() for segment in _SEGMENTS.finditer(text, start, end)]
    if text.startswith("//", start) and bounds:
        del bounds[0]  # a host (scheme://host/...): the URL detector reads it
    if bounds:
        yield from _spans_of(text, bounds)


def _path_end(text: str, end: int) -> int:
    """Where a path that seems to end at ``end`` ends: its last segment goes on over spaces (up to four
    words) when a file name with an extension ends it (``/Jane Roe - referral.pdf``, ``/patient Jane Roe.log``)
    or another segment follows (``/Roe, Jane/lab.pdf``), and the path goes on after that segment."""
    while end < len(text) and text[end] in " ," and text[end - 1].isalpha():
        position = end
        for _ in range(_SPACED_WORDS):
            word = _SPACED_WORD.match(text, position)
            if word is None:
                return end
            position = word.end()
            extension = _FILE_END.search(text, word.start(), position)
            if extension is not None:
                return extension.end()
            if text[position : position + 1] in ("/", "\\"):
                following = _PATH.match(text, position)
                end = following.end() if following is not None else position
                break
        else:
            return end
    return end


def _spans_of(text: str, bounds: list[tuple[int, int]]) -> Iterator[Span]:
    """Names and what is beside them among the segments ``bounds`` of one path (or one file name)."""
    worth = [index for index, (start, end) in enumerate(bounds) if _worth(text, start, end)]
    if not worth:
        return
    segments: dict[int, _Segment] = {}

    def segment_at(index: int) -> _Segment:
        if index not in segments:
            segments[index] = _Segment(text, *bounds[index])
        return segments[index]

    dated_path: bool | None = None
    named = False
    for index in worth:
        segment = segment_at(index)
        if not segment.candidate:
            continue
        before = text[bounds[index - 1][0] : bounds[index - 1][1]].lower() if index else ""
        person = before in PERSON_DIRS
        shared = any(
            0 <= near < index and text[bounds[near][0] : bounds[near][1]].lower() in SHARE_DIRS
            for near in (index - 1, index - 2)
        )
        beside = [segment_at(near) for near in (index - 1, index + 1) if 0 <= near < len(bounds)]
        doc = 2 if any(near.personal for near in beside) else 1 if any(near.doc for near in beside) else 0
        if dated_path is None:
            dated_path = _DATE_STAMP.search(text, bounds[0][0], bounds[-1][1]) is not None
        stamps = 1 if dated_path and not segment.dated else 0
        names = segment.names((2 if person else 1 if shared else 0) + doc, stamps, person or doc > 0)
        if not names:
            continue
        named = True
        for name_start, name_end in names:
            yield name_start, name_end, "NAME"
        for (part_start, part_end), label in zip(segment.spans, segment.labels, strict=True):
            if label == _ID_PART:
                mrn = segment.cue == "MRN" or text[part_start : part_start + 3].upper() == "MRN"
                yield part_start, part_end, "MRN" if mrn else "ID"
    if named:
        for found in _DATE_STAMP.finditer(text, bounds[0][0], bounds[-1][1]):
            cue = segments[index].cue if (index := _index_of(bounds, found.start())) in segments else None
            yield found.start(), found.end(), "DOB" if cue == "DOB" else "DATE"
        for found in _DATE_FOLDERS.finditer(text, max(0, bounds[0][0] - 1), bounds[-1][1]):
            yield found.start(1), found.end(1), "DATE"  # .../2024/06/25/...: the month and day (a year may stay)


def _index_of(bounds: list[tuple[int, int]], position: int) -> int:
    """The index of the segment of ``bounds`` that holds ``position`` (-1: none)."""
    for index, (start, end) in enumerate(bounds):
        if start <= position < end:
            return index
    return -1


def _next_slash(text: str, start: int) -> int:
    """The index of the next ``/`` or ``\\`` from ``start`` (-1: none): a string search, not a regex scan."""
    slash = text.find("/", start)
    back = text.find("\\", start)
    return back if slash < 0 or 0 <= back < slash else slash


def _worth(text: str, start: int, end: int) -> bool:
    """Whether a segment may hold a name: words joined, not only a word and its extension (a cheap look
    before any word is judged)."""
    if end - start < 5:
        return False
    segment = text[start:end]
    if "-" in segment or "_" in segment or " " in segment or "+" in segment or "," in segment:
        return True
    dots = segment.count(".")
    return dots > 1 or (dots == 1 and end - start - segment.rfind(".") > 6)  # jane.roe, not app.js


class PathDetector(BaseDetector):
    """A person's name as a folder or file name (``/uploads/jane-roe/card.png``, ``roe_jane_19800312.pdf``,
    ``s3://bucket/intake/Roe, Jane/lab.pdf``), with the date stamps and record numbers beside it."""

    gate = PATH
    name = "path"
    kinds = ("NAME", "DATE", "DOB", "ID", "MRN")

    def find(self, text: str) -> Iterator[Span]:
        slash = _next_slash(text, 0) if _JOINED_SEGMENT.search(text) is not None else -1
        while slash >= 0:
            match = _PATH.match(text, slash)
            end = _path_end(text, match.end()) if match is not None else slash + 1
            if end - slash > 5 and not _TIME_ZONE.match(text, slash):
                yield from path_name_spans(text, slash, end)
            slash = _next_slash(text, end)
        if "." in text:
            for extension in FILE_EXTENSION.finditer(text):
                name = _FILE_START.search(text, max(0, extension.start() - 128), extension.start())
                if name is None or name.start() == extension.start():
                    continue
                start = name.start()
                if start and text[start - 1] in "/\\":
                    continue  # the last segment of a path: read with the path
                if text[start].isalpha() and any(ch in "-_+" for ch in text[start : extension.start()]):
                    yield from _spans_of(text, [(start, extension.end())])
