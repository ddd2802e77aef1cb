"""Presidio side by side (``--presidio``): its analyzer over each unredacted line, spans replaced.

Only Presidio's pattern recognizers run: its person and location recognizers need a spaCy NER
model, which cannot be downloaded here (models come from a hub, not from the package registry),
so a blank English pipeline stands in and names, cities and street addresses are not detected.
Install with ``pip install presidio-analyzer``.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Sequence
from typing import Any

__all__ = ["redact_lines"]


def _analyzer() -> Any:
    import spacy
    from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
    from presidio_analyzer.nlp_engine import SpacyNlpEngine

    class BlankEngine(SpacyNlpEngine):  # type: ignore[misc]
        def load(self) -> None:
            self.nlp = {"en": spacy.blank("en")}

    logging.getLogger("tldextract").setLevel(logging.CRITICAL)  # it tries to fetch a list, then uses its own copy
    engine = BlankEngine(models=[{"lang_code": "en", "model_name": "blank"}])
    engine.load()
    registry = RecognizerRegistry()
    registry.load_predefined_recognizers(nlp_engine=engine)
    return AnalyzerEngine(nlp_engine=engine, registry=registry, supported_languages=["en"])


_ENVELOPE = frozenset({"timestamp", "level", "severity", "logger", "appId", "platform", "microservice", "eval_seq"})
"""hipaalog's own fields around the caller's content; Presidio is not run on them."""


def _redact_text(analyzer: Any, text: str) -> str:
    spans = sorted(analyzer.analyze(text, language="en"), key=lambda r: r.start)
    out, last = [], 0
    for span in spans:
        if span.start < last:
            continue
        out += [text[last : span.start], f"[REDACTED:{span.entity_type}]"]
        last = span.end
    out.append(text[last:])
    return "".join(out)


def _redact_value(analyzer: Any, value: Any) -> Any:
    if isinstance(value, str):
        return _redact_text(analyzer, value)
    if isinstance(value, dict):
        return {k: _redact_value(analyzer, v) for k, v in value.items()}
    if isinstance(value, list):
        return [_redact_value(analyzer, v) for v in value]
    return value


def redact_lines(lines: Sequence[str | None]) -> dict[str, Any]:
    """Each unredacted line with Presidio run on every string of the caller's content (message,
    fields, error), each span found replaced by ``[REDACTED:TYPE]``; and the time it took."""
    analyzer = _analyzer()
    out: list[str | None] = []
    started = time.perf_counter()
    for line in lines:
        if line is None:
            out.append(None)
            continue
        event = json.loads(line)
        cleaned = {k: v if k in _ENVELOPE else _redact_value(analyzer, v) for k, v in event.items()}
        out.append(json.dumps(cleaned))
    return {"lines": out, "total_seconds": time.perf_counter() - started}
