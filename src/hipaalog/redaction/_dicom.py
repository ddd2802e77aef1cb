"""DICOM attributes in text: tag dumps (dcmdump, pydicom), the DICOM JSON model and keywords as keys.

Each attribute is judged by its tag or keyword (:mod:`._dicom_tags`), never by its value, so a
patient id of digits, a birth date or a study date is read for what its tag says it is. Forms read:

* dcmdump and gdcmdump: ``(0010,0020) LO [12345678]  # 8, 1 PatientID`` (dcm4che's ``LO #8 [..]`` too);
* pydicom: ``(0010, 0020) Patient ID    LO: '12345678'``;
* the DICOM JSON model: ``"00100020": {"vr": "LO", "Value": ["12345678"]}`` (person names in
  ``{"Alphabetic": "..."}``);
* a keyword as a key: ``PatientID=12345678``, ``StudyDate: 20240105``, ``"AccessionNumber": "A123"``.

Attributes the table leaves out (modality, rows, columns, UIDs, transfer syntax, the institution,
physicians) are left to the other detectors. Each tag is found by one scan of the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

from ._detector import BaseDetector, Span
from ._dicom_tags import DICOM_KEYWORDS, DICOM_TAGS, KEYWORD
from ._gate import DICOM

__all__ = ["DicomDetector"]

_TAG: Final = re.compile(r"\((00[0-9A-Fa-f]{2}),[ ]?([0-9A-Fa-f]{4})\)")
"""A tag as the dumps write it: ``(0010,0020)``, ``(0010, 0020)``."""
_DCMDUMP: Final = re.compile(r"[ \t]+[A-Z]{2}[ \t]+(?:#[0-9]+[ \t]+)?\[([^\]\r\n]*)\]")
"""dcmdump's value: the VR, then the value in brackets."""
_PYDICOM: Final = re.compile(
    r"""[ \t]+[^\r\n:\[]{1,80}?[ \t]([A-Z]{2}):[ \t]*(?:'([^'\r\n]*)'|"([^"\r\n]*)"|((?:(?!\\[rn])[^\r\n])*))"""
)
"""pydicom's value: the attribute's name, the VR and a colon, then the value (quoted when text)."""
_JSON_TAG: Final = re.compile(r"\"((?:00[0-9A-Fa-f]{6}))\"[ ]*:[ ]*\{")
_JSON_VALUE: Final = re.compile(r"\"Value\"[ ]*:[ ]*\[([^\]]{0,1024})\]")
_JSON_STRING: Final = re.compile(r"\"((?:[^\"\\]|\\.){0,256})\"([ ]*:)?")
"""A string in a JSON array; one followed by a colon is a key (``"Alphabetic"``)."""
_KEYWORD_VALUE: Final = re.compile(
    r"""[ \t]*(?:"((?:[^"\\\r\n]|\\.){1,256})"|'([^'\r\n]{1,256})'"""
    r"""|\[([^\]\r\n]{1,256})\]|([^\s,;&"'<>()\[\]{}]{1,128}))"""
)
_NO_VALUE: Final = frozenset({"", "(no value available)", "None", "null", "(Sequence with explicit length #=0)"})


class DicomDetector(BaseDetector):
    """Identifying DICOM attributes (patient, study, visit, procedure step) in dumps, JSON and keyword form."""

    gate = DICOM
    name = "dicom"
    kinds = ("NAME", "MRN", "DOB", "DATE", "ADDRESS", "PHONE", "MEMBER_ID", "ACCOUNT", "ID")

    def find(self, text: str) -> Iterator[Span]:
        if "(00" in text:
            yield from self._dumps(text)
        if '"00' in text and '"Value"' in text:
            yield from self._json(text)
        if "=" in text or ":" in text:
            for found in KEYWORD.finditer(text):
                value = _KEYWORD_VALUE.match(text, found.end())
                if value is None:
                    continue
                group = next(index for index in (1, 2, 3, 4) if value[index] is not None)
                if value[group].strip() not in _NO_VALUE:
                    yield value.start(group), value.end(group), DICOM_KEYWORDS[found[1]]

    @staticmethod
    def _dumps(text: str) -> Iterator[Span]:
        for tag in _TAG.finditer(text):
            kind = DICOM_TAGS.get((tag[1] + tag[2]).upper())
            if kind is None:
                continue
            found = _DCMDUMP.match(text, tag.end())
            group = 1
            if found is None:
                found = _PYDICOM.match(text, tag.end())
                if found is None:
                    continue
                group = next(index for index in (2, 3, 4) if found[index] is not None)
            value = found[group].strip()
            if value not in _NO_VALUE:
                start = found.start(group) + found[group].index(value)
                yield start, start + len(value), kind

    @staticmethod
    def _json(text: str) -> Iterator[Span]:
        for tag in _JSON_TAG.finditer(text):
            kind = DICOM_TAGS.get(tag[1].upper())
            if kind is None:
                continue
            values = _JSON_VALUE.search(text, tag.end(), tag.end() + 256)
            if values is None or "{" in text[tag.end() : values.start()]:
                continue
            for string in _JSON_STRING.finditer(values[1]):
                if string[2] is None and string[1]:
                    yield values.start(1) + string.start(1), values.start(1) + string.end(1), kind
