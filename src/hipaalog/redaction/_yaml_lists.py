"""List items under a key in YAML, JSON or repr text: each item takes its parent key.

``emergency_contact:`` followed by ``- Hadrian Taddeo`` and ``- "4142970003"`` (or
``"emergency_contact": ["Hadrian Taddeo", "4142970003"]``) is a list of a person's values: under
a PHI key (``phones:``, ``aliases:``) every item is masked as that key's kind; under a key about
another person (``emergency_contact:``, ``guardians:``) an item that is a bare phone number, an SSN
or a name written alone is. Lists under other keys stay.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

from ._detector import BaseDetector, Span
from ._gate import KEYED_LIST
from ._json_values import value_end
from ._keys import DEFAULT_CATALOGUE, KeyCatalogue
from ._person_values import person_item_kind

__all__ = ["YamlListDetector"]

_KEY_LINE: Final = re.compile(r"^([ ]*)([A-Za-z_][\w.-]{0,63})[ ]*:[ ]*(?:#[^\n]*)?\r?$", re.MULTILINE)
"""A key on a line of its own: its value is the block below it."""
_ITEM: Final = re.compile(r"\n([ ]*)-[ ]+(?:\"([^\"\n]*)\"|'([^'\n]*)'|([^\n#]*?))[ ]*(?:#[^\n]*)?(?=\r?\n|$)")
"""An item of a block list: ``- value``, quoted or not."""
_ARRAY: Final = re.compile(r"""(["'])([A-Za-z_][\w.-]{0,63})\1[ ]*:[ ]*\[""")
"""A key and the array that is its value (JSON or repr)."""


class YamlListDetector(BaseDetector):
    """Items of YAML block lists under a PHI key or a key about another person."""

    gate = KEYED_LIST
    name = "yaml_list"
    kinds = ("NAME", "PHONE", "SSN", "ID")

    def __init__(self, catalogue: KeyCatalogue | None = None) -> None:
        self.catalogue = catalogue or DEFAULT_CATALOGUE

    def find(self, text: str) -> Iterator[Span]:
        if "[" in text:
            yield from self._arrays(text)
        if "- " not in text:
            return
        for key in _KEY_LINE.finditer(text):
            info = self.catalogue.info(key[2])
            if info.kind is None and not info.names_person:
                continue
            indent = len(key[1])
            position = key.end()
            while (item := _ITEM.match(text, position)) is not None and len(item[1]) >= indent:
                position = item.end()
                group = 2 if item[2] is not None else 3 if item[3] is not None else 4
                value = item[group]
                kind = info.kind if info.kind is not None else person_item_kind(value)
                if kind is not None and value.strip():
                    yield item.start(group), item.end(group), kind

    def _arrays(self, text: str) -> Iterator[Span]:
        for key in _ARRAY.finditer(text):
            info = self.catalogue.info(key[2])
            if info.kind is None and not info.names_person:
                continue
            position = key.end()
            for _ in range(64):
                while position < len(text) and text[position] in " \t\r\n,":
                    position += 1
                if position >= len(text) or text[position] not in "\"'":
                    break  # the end of the array, or an item that is no string (numbers are read by key)
                end = value_end(text, position)
                if end < 0:
                    break
                value = text[position + 1 : end - 1]
                kind = info.kind if info.kind is not None else person_item_kind(value)
                if kind is not None and value.strip():
                    yield position + 1, end - 1, kind
                position = end
