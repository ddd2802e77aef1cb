"""Synthetic audit data: weeks of a made-up clinic's activity, with incidents planted on top.

For tests, benchmarks and ``hipaalog demo --audit``. Every identifier is invented; patients
appear only as pseudonym tokens made with a fixed demo key.
"""

from __future__ import annotations

from ._clinic import Clinic, Incident
from ._write import WrittenStream, write_stream

__all__ = ["Clinic", "Incident", "WrittenStream", "write_stream"]
