"""What a text must hold for the place reader (``_places.py``) to find anything: the gate asks it first."""

from __future__ import annotations

import re
from typing import Final

__all__ = ["PLACE_SCREEN"]

PLACE_SCREEN: Final = re.compile(r"[0-9\n]|(?i:\b(?:in|from|near|to|of|outside|around|into)[ ])|, |\(")
"""A digit (a postal code), a line break (an address block), a preposition or a comma or parenthesis before a town."""
