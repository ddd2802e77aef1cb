"""References to a person's photo in text: file names, object keys and URLs of a face picture.

Safe Harbor's identifier (Q) is a full-face photograph or a comparable image. A log rarely holds the image but
often its reference: ``photos/jane_roe.jpg``, ``headshot_19500203.png``, ``s3://bucket/patients/E1234567/face.jpg``,
``id_card_front.jpeg``. A path, URL or file name is a person's photo when one of its words names a face picture
(``photo``, ``headshot``, ``selfie``, ``portrait``, ``avatar``, ``face``, ``mugshot``, an identity card's or a
passport's image) and it is an image file or a folder of such pictures followed by more of the key. Then each of
its segments that is more than generic words (a name, a record number, a date: how the picture is found) is
masked, and its folders of generic words, its host and its extension stay (``photos/[REDACTED:PHOTO].jpg``). A
word of a thing's picture (``logo``, ``product``, ``icon``, ``default``) keeps it: ``static/img/logo.png`` stays,
but not beside a given name and a surname, a birth date or a record number (``photos/logo_jane_okafor.jpg``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import pairwise
from typing import Final

from ._detector import BaseDetector, Span
from ._gate import PATH
from ._lexicon import ENGLISH
from ._name_table import GIVEN, SURNAME_RANK

__all__ = ["PhotoRefDetector"]

_FACE_WORD: Final = re.compile(
    r"[PpHhSsAaFfMmIiLl](?:hoto|HOTO|eadshot|EADSHOT|elfie|ELFIE|ortrait|ORTRAIT|vatar|VATAR|ace|ACE|ugshot|UGSHOT"
    r"|d[-_]?card|D[-_]?CARD|icen[cs]e[-_]?(?:front|back|photo)|ICEN[CS]E[-_]?(?:FRONT|BACK|PHOTO)"
    r"|assport|ASSPORT)"
)
"""Where a word of a face picture may start (screened first; the token's words decide)."""
_TOKEN_CHARS: Final = r"[^\s\"'<>|(){}\[\],;`]"
_TOKEN_STOPS: Final = (" ", "\t", "\n", "\r", '"', "'", "<", ">", "|", "(", ")", "{", "}", "[", "]", ",", ";", "`")
"""What ends a reference (the characters :data:`_TOKEN_CHARS` leaves out)."""
_FORWARD: Final = re.compile(rf"{_TOKEN_CHARS}*")
_IMAGE_END: Final = re.compile(r"\.(?:jpe?g|png|heic|heif|webp|gif|bmp|tiff?)$", re.IGNORECASE)
_KEY_AFTER_FOLDER: Final = re.compile(
    r"(?:^|[/\\])(?:photos?|headshots?|selfies?|portraits?|avatars?|faces?|mugshots?)[/\\][^/\\]*[0-9]",
    re.IGNORECASE,
)
"""A folder of face pictures with a key after it holding a digit (``photos/E1234567``): no extension needed."""
_WORD: Final = re.compile(r"[a-z]+")
_FACE_WORDS: Final = frozenset(
    {
        "photo",
        "photos",
        "photograph",
        "headshot",
        "headshots",
        "selfie",
        "selfies",
        "portrait",
        "portraits",
        "avatar",
        "avatars",
        "face",
        "faces",
        "facephoto",
        "mugshot",
        "mugshots",
        "passport",
        "idcard",
    }
)
_SEGMENT: Final = re.compile(r"[^/\\]+")
_PART: Final = re.compile(r"[^\W_]+")
_VERSION: Final = re.compile(r"[vV][0-9]{1,2}|[A-Za-z]:")
"""Segments of no one: an API's version (``v1``), a drive (``C:``)."""
_GENERIC_WORDS: Final = _FACE_WORDS | frozenset(
    {
        *("uploads", "upload", "patients", "patient", "intake", "srv", "var", "data", "images", "image", "img"),
        *("media", "profile", "profiles", "user", "users", "member", "members", "people", "person", "front"),
        *("back", "id", "card", "cards", "original", "thumb", "thumbs", "thumbnail", "small", "large", "medium"),
        *("crop", "cropped", "tmp", "files", "file", "storage", "static", "public", "private", "api", "assets"),
        *("scans", "scan", "documents", "docs", "enrollment", "registration", "checkin", "kiosk", "raw"),
        *("license", "licence", "licenses", "licences", "identity", "verification", "mnt", "home", "opt"),
        *("jpg", "jpeg", "png", "heic", "webp", "photo", "idcard"),
    }
)
"""Words of a reference that say what it is and where it is kept, not whose it is."""
_THING_WORDS: Final = frozenset(
    {
        "logo",
        "logos",
        "icon",
        "icons",
        "favicon",
        "product",
        "products",
        "sku",
        "catalog",
        "catalogue",
        "brand",
        "banner",
        "sprite",
        "chart",
        "charts",
        "default",
        "placeholder",
        "blank",
        "generic",
        "stock",
        "sample",
        "team",
        "staff",
        "font",
        "fonts",
        "emoji",
        "clipart",
        "marketing",
        "hero",
        "background",
        "cover",
    }
)
"""Words of a thing's or a site's picture: a reference holding one is no person's photo."""


_WHOSE: Final = re.compile(r"19[0-9]{2}[-_.]?[01][0-9][-_.]?[0-3][0-9]|[A-Za-z]{1,3}[0-9]{6,}")
"""What says whose a picture is beside a thing's word: a birth date of the last century, a record number
(``E1234567``); not a day of this one (a product's upload) nor a plain number (a SKU's)."""


def _whose(text: str) -> bool:
    """Whether a segment of a reference holding a thing's word names a person all the same: a listed given name
    before a surname no dictionary holds, a birth date or a record number (``logo_jane_okafor``,
    ``product/E1234567``)."""
    if _WHOSE.search(text) is not None:
        return True
    parts = _WORD.findall(text.lower())
    for given, surname in pairwise(parts):
        if given in GIVEN and surname in SURNAME_RANK and surname not in ENGLISH and surname not in _THING_WORDS:
            return True  # a given name and a surname side by side; a brand of one surname (``serrano``) is no one
    return False


def _face_reference(token: str) -> bool:
    """Whether ``token`` (a path, URL or file name) is a reference to a person's face picture."""
    lowered = token.lower()
    image = _IMAGE_END.search(lowered) is not None
    if not image and _KEY_AFTER_FOLDER.search(lowered) is None:
        return False
    words = _WORD.findall(lowered.replace("id_card", "idcard").replace("id-card", "idcard"))
    licence_side = image and ("license" in lowered or "licence" in lowered) and ("front" in words or "back" in words)
    if _FACE_WORDS.isdisjoint(words) and not licence_side:
        return False  # an image of no face: a scan of a licence counts by its side (``license_front.jpg``)
    return _THING_WORDS.isdisjoint(words) or any(_whose(segment) for segment in _SEGMENT.findall(token))


def _identifying(token: str) -> Iterator[tuple[int, int]]:
    """The segments of a face picture's reference that say whose it is (offsets in ``token``)."""
    begin = 0
    scheme = token.find("://")
    if scheme >= 0:
        host_end = token.find("/", scheme + 3)
        if host_end < 0:
            return
        begin = host_end  # the host or bucket stays: a service's, as a folder of generic words would be
    for segment in _SEGMENT.finditer(token, begin):
        start, end = segment.span()
        text = segment[0]
        if end == len(token) and (extension := _IMAGE_END.search(text)) is not None:
            end -= len(extension[0])
            text = text[: len(text) - len(extension[0])]
        if not text or _VERSION.fullmatch(text) is not None:
            continue
        first = last = -1
        for part in _PART.finditer(token, start, end):
            if part[0].isalpha() and (part[0].lower() in _GENERIC_WORDS or part[0].lower() in _THING_WORDS):
                continue  # "photos", "patients", "portrait", "id_card_front", "logo": no one's
            if first < 0:
                first = part.start()
            last = part.end()
        if first >= 0:
            yield first, last  # "yusra-al-haddad" of "yusra-al-haddad_passport", "19800326" of "headshot_19800326"


class PhotoRefDetector(BaseDetector):
    """The parts of a person's photo reference that identify them (``uploaded photos/jane_roe.jpg``,
    ``key=s3://b/E1234567/face.jpg``)."""

    gate = PATH
    name = "photo_ref"
    kinds = ("PHOTO",)

    def find(self, text: str) -> Iterator[Span]:
        done = 0
        for hit in _FACE_WORD.finditer(text):
            if hit.start() < done:
                continue
            start = done
            for stop in _TOKEN_STOPS:  # rfind per character: a regex anchored at the hit would rescan the token
                found = text.rfind(stop, start, hit.start())
                if found >= start:
                    start = found + 1
            end = _FORWARD.match(text, hit.start()).end()  # type: ignore[union-attr]
            while end > start and text[end - 1] in ".:!?":
                end -= 1  # the sentence's full stop, not the file's
            done = end
            token = text[start:end]
            if "=" in token[:40]:
                start += token.index("=") + 1  # "key=photos/roe.jpg": the value after a glued key
                token = text[start:end]
            if _face_reference(token):
                for low, high in _identifying(token):
                    yield start + low, start + high, "PHOTO"
