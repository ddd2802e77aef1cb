"""Addresses found by what ends them or by their script: the lines before a British, Canadian or Australian
postcode (``9 Tern Court, Lowmoor, SL8 6YT``; ``..., Ashby, NS K7C 1Y2``; ``..., Kelby, VIC, 3121``), and
addresses written in Cyrillic (``ул. Садовая, д. 5 кв. 12``), Japanese (``東京都港区芝5丁目3番2号``), Korean
(``서울특별시 중구 세종대로 110``) and Chinese (``广东省广州市天河路385号``).

:func:`address_hint` is the gate's cheap test; :func:`address_spans` finds them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

__all__ = ["address_hint", "address_spans"]

_UK_POSTCODE: Final = r"[A-Z]{1,2}[0-9][A-Z0-9]?[ ][0-9][ABD-HJLNP-UW-Z]{2}"
_CA_POSTCODE: Final = r"[ABCEGHJ-NPRSTVXY][0-9][A-Z][ ]?[0-9][A-Z][0-9]"
_CA_PROVINCES: Final = "AB|BC|MB|NB|NL|NS|NT|NU|ON|PE|QC|SK|YT"
_AU_STATES: Final = "NSW|VIC|QLD|SA|WA|TAS|NT|ACT"
_ANCHOR: Final = re.compile(
    rf"[ ]({_UK_POSTCODE}|(?:(?:{_CA_PROVINCES})[ ])?{_CA_POSTCODE}|(?:{_AU_STATES}),?[ ][0-9]{{4}}(?=[^0-9-]|$))"
    r"(?![A-Za-z0-9])"
)
"""A postcode that says what country an address is in, after a space (the search skips to spaces): British
(``SL8 6YT``), Canadian after its province or with its space (``NS K7C1Y2``, ``K7C 1Y2``), Australian after its
state (``VIC, 3121``)."""
_STATED: Final = re.compile(rf"(?:{_CA_PROVINCES}|{_AU_STATES})[ ,]")
_WORD: Final = r"[A-Z][A-Za-z'’.-]*"
_LINE: Final = rf"{_WORD}(?:[ ](?:of|on|upon|under|by|the|in|le|{_WORD})){{0,4}}"
_LINES_BEFORE: Final = re.compile(
    r"(?<![\w])(?:(?:Flat|Apartment|Apt\.?|Unit|Studio|Suite|Level)[ ][0-9]{1,4}[A-Za-z]?,?[ ])?"
    rf"(?:[0-9]{{1,5}}[A-Za-z]?(?:[/-][0-9]{{1,5}}[A-Za-z]?)?,?[ ])?{_LINE}"
    rf"(?:,[ ]?{_LINE}){{0,3}},?[ ]$"
)
"""The lines of an address before its postcode: the flat, the number and street, the locality and town."""
_WINDOW: Final = 160

_CYRILLIC: Final = re.compile(
    r"(?<![\w])(?:(?:г|гор|с|п|пос|пгт|д|дер|ст|ст-ца|клх|к|х|аул|село|місто|м|смт)\.?[ ][А-ЯЁІЇЄҐ][\w-]*"
    r"(?:[ ][А-ЯЁІЇЄҐ][\w-]*)?(?:[ ]?\([\w.]{1,12}\))?,[ ])?"
    r"(?:ул|улица|пер|переулок|ш|шоссе|наб|набережная|алл|аллея|пр|просп|проспект|пр-кт|б-р|бул|бульвар|пл|площадь"
    r"|туп|тупик|проезд|линия|мкр|вулиця|вул|провулок|узвіз|шосе|майдан|площа|набережна|проспект|алея|тупик"
    r"|проїзд|лінія|парк|сквер)\.?[ ]"
    r"[\w.-]+(?:[ ][\w.-]+){0,3},?[ ](?:д|дом|буд|будинок)\.?[ ]?[0-9]{1,4}[а-яА-Я]?(?:/[0-9]{1,4})?"
    r"(?:,?[ ](?:к|корп|стр|кв|квартира|офис)\.?[ ]?[0-9]{1,4}(?:/[0-9]{1,4})?)*"
    r"(?:,[ ][А-ЯЁІЇЄҐ][\w-]*(?:[ ][А-ЯЁІЇЄҐ][\w-]*)?(?=,[ ][0-9]{5,6}))?(?:,[ ][0-9]{5,6})?(?![0-9])"
)
"""A Russian or Ukrainian address: the town, the street type and name, the house (``д. 5``, ``буд. 7``), the
block and flat (``к. 2``, ``кв. 12``), the postcode."""
_KANJI_KANA: Final = r"\u3005\u3040-\u30ff\u4e00-\u9fff\uff21-\uff3a-"
"""Kanji, kana, the iteration mark, full-width capitals; ``ー`` reads as ``-``."""
_JAPANESE: Final = re.compile(
    rf"(?:[0-9]{{3}}-[0-9]{{4}}[ ]?)?[{_KANJI_KANA}]{{1,4}}[都道府県][{_KANJI_KANA}]{{1,24}}?"
    r"(?:[0-9０-９]{1,3}(?:丁目|-|－)[0-9０-９]{1,4}(?:番地?|-|－)?(?:[0-9０-９]{1,4}号?)?|[0-9０-９]{1,4}番地?)"
    rf"(?:[ 　][{_KANJI_KANA}A-Za-z]{{1,12}}[0-9]{{1,4}}(?:号室)?)?"
)
"""A Japanese address: the postcode, the prefecture, the city and district, the block numbers, the building."""
_KOREAN: Final = re.compile(
    r"[가-힣]{1,8}(?:특별시|광역시|특별자치시|특별자치도|도)[ ](?:[가-힣]{1,6}(?:시|군|구)[ ]){0,2}"
    r"[가-힣0-9]{1,12}(?:로|길|가|거리)[ ]?(?:지하[ ]?)?[0-9]{1,5}(?:-[0-9]{1,5})?(?:[ ]?\([가-힣0-9]{1,12}\))?"
)
"""A Korean road address: the province or city, the district, the road and building number, the ward."""
_SECTION: Final = r"(?:[0-9一二三四五六七八九十]{1,3}段)?"
_HOUSE: Final = r"[0-9]{1,5}(?:號|号)(?:之[0-9]{1,3})?(?:[0-9]{1,3}[樓楼])?"
_CHINESE: Final = re.compile(
    r"(?:[0-9]{3,6}[ ]?)?(?:[\u4e00-\u9fff]{1,7}(?:省|自治区))?(?:[\u4e00-\u9fff]{1,6}(?:市|县|區|区))"
    rf"[\u4e00-\u9fff]{{0,10}}?(?:路|街|道|巷|里|弄){_SECTION}(?:{_HOUSE}|[A-Za-z0-9]{{0,4}}座)"
    r"(?:[ ]?[0-9]{6}(?![0-9]))?"
    rf"|(?:[0-9]{{3,6}}[ ])?[\u4e00-\u9fff]{{2,10}}?(?:路|街|巷){_SECTION}{_HOUSE}"
)
"""A Chinese address: the province, the city or county, the road and number or block, the postcode."""
_SHIP: Final = re.compile(r"(?<![\w])US(?:S|NS|NV|CGC)[ ][\w'’-]+(?:[ ][\w'’-]+)?(?=,?[ ][AFD]PO[ ])")
"""A ship's name in a military address (``USNS Harlow, FPO AE 80859``): the ZIP code detector takes the rest."""


def address_hint(text: str) -> bool:
    """Whether ``text`` may hold one of these addresses (cheap: non-ASCII characters, or a postcode's shape)."""
    if "PO " in text and ("USS " in text or "USNS " in text or "USNV " in text or "USCGC " in text):
        return True
    if not text.isascii():
        return (
            "丁目" in text
            or "番" in text
            or "路" in text
            or "街" in text
            or "巷" in text
            or "號" in text
            or "号" in text
            or "거리 " in text
            or "로 " in text
            or "길 " in text
            or "가 " in text
            or "д. " in text
            or "буд. " in text
            or "д.1" in text
            or _ANCHOR.search(text) is not None
        )
    return _ANCHOR.search(text) is not None


def address_spans(text: str) -> Iterator[tuple[int, int]]:
    """Where the addresses are (start, end)."""
    if "PO " in text:
        for ship in _SHIP.finditer(text):
            yield ship.span()
    for anchor in _ANCHOR.finditer(text):
        start = anchor.start(1)
        window = max(0, start - _WINDOW)
        lines = _LINES_BEFORE.search(text, window, start)
        if lines is not None and ("," in lines[0] or lines[0][0].isdigit()):
            yield lines.start(), anchor.end()
        elif _STATED.match(anchor[1]) is not None:
            yield start, anchor.end()  # "NS K7C 1Y2", "VIC, 3121": a postcode after its province or state
    if text.isascii():
        return
    if "д." in text or "буд." in text:
        for match in _CYRILLIC.finditer(text):
            yield match.span()
    if "丁目" in text or "番" in text or "-" in text:
        for match in _JAPANESE.finditer(text):
            yield match.span()
    if "로" in text or "길" in text or "가" in text or "거리" in text:
        for match in _KOREAN.finditer(text):
            yield match.span()
    if "路" in text or "街" in text or "巷" in text or "道" in text or "號" in text or "号" in text:
        for match in _CHINESE.finditer(text):
            yield match.span()
