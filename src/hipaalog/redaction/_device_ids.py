"""A device's serial or id after its cue, with fewer than three digits in a row (``device id R58MK0VIE9EG``).

The cued-id reader takes values with three digits in a row; serials of phones, meters and pumps mix letters and
digits (``FA7ZP0VIGO6``, ``SM-TBKMBB3Z``) or are hexadecimal (``daccd1ecd43d76b2``). After ``device``, ``device
id``, ``deviceId``, ``serial``, ``s/n``, ``imei``, ``udid``, ``android id``, ``idfv``, ``hardware id`` or a device's
word in German, Spanish, French or Italian (``Gerät``, ``Pumpe``, ``dispositivo``, ``appareil``; then
``:``, ``=``, ``#`` or a space), a token of 8 to 64 letters, digits, ``-`` and ``:`` holding a digit and a letter
is the device's when it is written in capitals (a serial) or is hexadecimal of 12 digits or more (an Android id).
Kept: versions (``device v2.4.1``), words (``device paired``), names of devices of a system (``device nvme0n1p1``),
models (``device iPhone14,2``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

from ._cues import INVENTORY_WORDS
from ._detector import BaseDetector, Span
from ._gate import CUED, PLACE
from ._lexicon import ENGLISH
from ._machine_certificates import certificate_serial

__all__ = ["DeviceIdDetector"]

_CUE: Final = re.compile(
    r"(?=[DdSsIiUuAaHhMmPpTtGgCcNn])(?<![\w])(?i:(?:device(?:[ _-]?id)?|serial(?:[ _-]?(?:number|no\.?))?|"
    r"s/n|sn|ser|imei|udid|android[ _-]?id|idfv|hardware[ _-]?id|hwid|seriennummer|(?:meter|pump|transmitter|"
    r"glucometer|pacemaker|implant|cpap|cgm|hearing[ ]aid)(?:[ _-]?(?:id|serial|s/n|sn))?|n[uú]mero[ ]de[ ]s[eé]rie|"
    r"num[eé]ro[ ]de[ ]s[eé]rie|ger(?:a|ae)t|(?:insulin)?pumpe|dispositi(?:vo|f)|appareil|apparecchio|sensor|capteur)"
    r"(?![\w/]))(?:[ ](?:scanned|entered|recorded|updated|changed|set)(?=[ :=]))?"
    r"(?:[ ]to(?=[ ]))?[ ]?(?:[:=#][ ]?|(?:(?:id|no\.?|number)[ ]?[:=#]?[ ]?)|\(?)[\"']?"
)
"""A device's cue, what was done to it (``pacemaker scanned:``, ``CGM updated to``) and what stands before its value."""
_CUE_AFTER: Final = re.compile(r"[ ]?\((?i:serial(?:[ ]?(?:no|number|#))?|s/n|sn|imei|udi)\)")
"""A cue in parentheses right after the serial (``8M8Y2I0Q9P (s/n)``)."""
_TOKEN: Final = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9:-]{6,62})[A-Za-z0-9](?![\w.:@/-])")


_BEFORE_VALUE: Final = frozenset(" \t\n\"'([{=:,;#")
_HEX: Final = re.compile(r"[0-9a-f-]{12,64}|[0-9A-F-]{12,64}")


def _device_token(token: str) -> bool:
    """A serial in capitals with a digit (``FA7ZP0VIGO6``), or hexadecimal of 12 digits or more (an Android id)."""
    letters = sum(c.isalpha() for c in token)
    digits = sum(c.isdigit() for c in token)
    if not digits or len(token.replace("-", "").replace(":", "")) < 8:
        return False
    if _HEX.fullmatch(token) is not None:
        return letters > 0
    return letters > 0 and token.isupper() and not any(part.lower() in ENGLISH for part in token.split("-"))


class DeviceIdDetector(BaseDetector):
    """Serials and ids of devices after their cue, whatever their digits: ``device id FA7ZP0VIGO6``."""

    gate = CUED | PLACE  # a cue the gate's words know, or any digit (``android id``, ``idfv``)
    name = "device_id"
    kinds = ("DEVICE",)

    def find(self, text: str) -> Iterator[Span]:
        for cue in _CUE.finditer(text):
            if INVENTORY_WORDS.intersection(text[max(0, cue.start() - 24) : cue.start()].lower().split()[-1:]):
                continue  # "server serial SRV-0664101", "rack sn CN12345678": the service's hardware
            token = _TOKEN.match(text, cue.end())
            if token is not None and _device_token(token[0]) and not certificate_serial(text, cue.start()):
                yield token.start(), token.end(), "DEVICE"
        if "(" in text:
            for after in _CUE_AFTER.finditer(text):
                start = after.start()
                while start and (text[start - 1].isalnum() or text[start - 1] in "-:"):
                    start -= 1
                if (not start or text[start - 1] in _BEFORE_VALUE) and _device_token(text[start : after.start()]):
                    yield start, after.start(), "DEVICE"
