"""A record number in the path or object key of a person's document: ``charts/H5811942.pdf``,
``exports/patient_H5811942.csv``, ``s3://phi-bucket/44-336-169/consent.pdf``, ``intake/2024/E88806194_form.pdf``.

Storage keys name a person's files by their record number. In a path that holds a word of a person's papers or a
person's folder (``consent``, ``intake``, ``charts``, ``patient``, ``mrn``) as a segment of its own or a file name's
part, a segment or file-name part shaped as a record number (five digits or more after up to four letters, or digits
in 2-3-3 groups) is that person's. A path about nothing of the kind (``releases/v1.2.3/build-20240101.tar.gz``,
``/var/log/app/12345.log``) and years, dates and versions stay.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

from ._detector import BaseDetector, Span
from ._gate import PATH
from ._paths import PERSON_DIRS

__all__ = ["DocumentIdDetector"]

_PATH: Final = re.compile(r"[\w./\\:@-]*[/\\][\w./\\:@-]+")
"""A run of path characters holding a separator (an object key, a URL's path, a file's path)."""
_PART: Final = re.compile(r"[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*")
"""A segment's or file name's part between ``/``, ``_`` and ``.`` (dashes kept: ``44-336-169``, ``PT-456997``)."""
_RECORD: Final = re.compile(r"(?:[A-Za-z]{1,4}-?)?[0-9]{5,12}[A-Za-z]?|[0-9]{2,3}-[0-9]{3}-[0-9]{3}")
"""A record number: five to twelve digits after up to four letters (``H5811942``, ``PT-456997``), or 2-3-3 groups."""
_DATE: Final = re.compile(r"(?:19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])(?:[0-9]{2,6})?")
"""A date or a time stamp written as digits (``20240101``, ``20240101T``): a file's date, not a person's number."""
_PERSON_FOLDERS: Final = PERSON_DIRS | frozenset(("pt", "pts", "mrn", "mrns"))
"""A person's folder: the id in the segment right after it is read by the cued-id rule (``patients/<id>``, a
patient's kind); joined to it in a file name (``patient_H5811942.csv``) it is read here."""
_PERSON_PAPERS: Final = frozenset(
    (
        *("patient", "patients", "member", "members", "enrollee", "enrollees", "subscriber", "subscribers"),
        *("beneficiary", "beneficiaries", "dependent", "dependents", "mrn", "mrns", "chart", "charts", "consent"),
        *("consents", "intake", "insurance", "referral", "referrals", "demographics", "wound", "wounds", "xray"),
        *("xrays", "mri", "prescription", "prescriptions", "eob"),
    )
)
"""Words that make a path a person's papers, as a segment of their own or a file name's part."""


def _record_spans(text: str, start: int, end: int) -> Iterator[Span]:
    parts = [(found.start(), found.end(), found[0]) for found in _PART.finditer(text, start, end)]
    if not any(word.lower() in _PERSON_PAPERS for _, _, word in parts):
        return
    previous, previous_end = "", start
    for low, high, word in parts:
        after_folder = previous.lower() in _PERSON_FOLDERS and "/" in text[previous_end:low]
        if _RECORD.fullmatch(word) is not None and _DATE.fullmatch(word) is None and not after_folder:
            yield low, high, "ID"
        previous, previous_end = word, high


class DocumentIdDetector(BaseDetector):
    """A record number among the segments of a person's document path (``charts/H5811942.pdf``)."""

    gate = PATH
    name = "document_id"
    kinds = ("ID",)

    def find(self, text: str) -> Iterator[Span]:
        if "/" not in text and "\\" not in text:
            return
        for path in _PATH.finditer(text):
            start = path.start()
            host = text.find("://", start, path.end())
            if host >= 0:  # a URL: its host's labels are no folders (ferreteria.miranda.pt)
                start = text.find("/", host + 3, path.end())
                if start < 0:
                    continue
            yield from _record_spans(text, start, path.end())
