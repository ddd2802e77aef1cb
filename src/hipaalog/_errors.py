"""Exceptions as structured data: type, message, frames, chained causes; never frame locals.

Exceptions that carry structured details are described through that structure, not only their
text (:func:`structured_message`): a pydantic ``ValidationError``'s inputs are redacted by the
field name in their ``loc``, a ``KeyError``'s missing key that looks like an identifier is masked,
an ``OSError``'s file names and a ``CalledProcessError``'s command are redacted piece by piece
(``219-09-9999_front.jpg``, ``--ssn 219099999``).
"""

from __future__ import annotations

import re
import signal
import subprocess
import traceback
from collections.abc import Sequence
from types import TracebackType
from typing import TYPE_CHECKING, Any, Final

if TYPE_CHECKING:
    from .redaction import Redactor

__all__ = [
    "MAX_CAUSES",
    "MAX_FRAMES",
    "clean_input",
    "describe_exception",
    "redact_argv",
    "redact_missing_key",
    "redact_path",
    "redacted_validation_error",
    "structured_message",
    "validation_errors",
]

MAX_FRAMES: Final = 50
"""Frames kept per exception: the innermost ones, where the error happened."""
MAX_CAUSES: Final = 8
MAX_GROUP_MEMBERS: Final = 10

_PATH_PIECES: Final = re.compile(r"([/\\_.,;:=+ ]+)")
_OPAQUE_KEY: Final = re.compile(r"\A[\W_]*(?:\d[\W_]*){7,}\Z|\A[A-Za-z]{1,3}[-_]?(?:\d[-_]?){5,}\d[A-Za-z]?\Z")
"""A missing key made mostly of 7 or more digits, or a short letter prefix and 6 or more digits (``H5811942``,
``PT-456997``): an identifier (a chart number, an SSN, a member id) more often than not."""
_MASKED_KEY: Final = "[REDACTED:ID]"
_KEY_ITEMS: Final = 16
_KEY_DEPTH: Final = 4
"""A tuple or set key's items read one by one, up to this many and this deep (the rest redacted as a whole)."""
_STRUCTURED: Final = (KeyError, subprocess.SubprocessError, OSError)


def _plain_type_name(exc_type: type[BaseException]) -> str:
    module = exc_type.__module__
    return exc_type.__qualname__ if module in ("builtins", "__main__") else f"{module}.{exc_type.__qualname__}"


def _type_name(exc_type: type[BaseException], redactor: Redactor | None = None) -> str:
    name = _plain_type_name(exc_type)
    if all(part.isidentifier() or part == "<locals>" for part in name.split(".")):
        return name
    # A class made at run time with a name built from data (type(f"Missing {email}", ...)): redacted.
    return (redactor or _default_redactor()).redact_text(name)


def _text_of(exc: BaseException) -> str:
    try:
        return str(exc)
    except Exception:  # noqa: BLE001 - a broken __str__ must not break logging
        return f"<unprintable {type(exc).__qualname__}>"


def _default_redactor() -> Redactor:
    from .redaction import default_redactor

    return default_redactor()


def redact_path(text: str, redactor: Redactor) -> str:
    """A file name redacted as a whole and piece by piece (``/scans/219-09-9999_front.jpg``)."""
    whole = redactor.redact_text(text)
    if whole != text:
        return whole
    pieces = _PATH_PIECES.split(text)
    clean = [piece if index % 2 else redactor.redact_text(piece) for index, piece in enumerate(pieces)]
    return "".join(clean)


def redact_argv(argv: object, redactor: Redactor) -> object:
    """A command line redacted word by word, a word after a PHI option (``--ssn X``, ``--ssn=X``) as its kind."""
    if isinstance(argv, (str, bytes)):
        text = argv.decode("utf-8", "replace") if isinstance(argv, bytes) else argv
        return redactor.redact_text(text)
    if not isinstance(argv, Sequence):
        return redactor.redact_text(str(argv))
    clean: list[str] = []
    option: str | None = None
    for word in (str(item) for item in argv):
        if option is not None:
            clean.append(str(redactor.redact_field(option, word)) if word else word)
            option = None
            continue
        name, sep, value = word.lstrip("-").partition("=")
        is_phi_option = word.startswith("-") and name.replace("-", "").replace("_", "").isalnum()
        if is_phi_option and redactor.keys.kind(name) is not None:
            if sep:
                clean.append(f"{word[: len(word) - len(value)]}{redactor.redact_field(name, value)}")
            else:
                clean.append(word)
                option = name
        else:
            clean.append(redact_path(word, redactor))
    return tuple(clean) if isinstance(argv, tuple) else clean


def redact_missing_key(key: object, redactor: Redactor, depth: int = 0) -> object:
    """A ``KeyError``'s key: masked when it looks like an identifier (7 or more digits), else redacted; a tuple's or
    a set's items each so (``('H5811942',)``), bytes as their text, spaces around it left out."""
    if isinstance(key, bool) or key is None:
        return key
    if isinstance(key, (bytes, bytearray)):
        key = bytes(key).decode("utf-8", "replace")
    if isinstance(key, (tuple, frozenset)) and len(key) <= _KEY_ITEMS and depth < _KEY_DEPTH:
        items = key if isinstance(key, tuple) else sorted(key, key=repr)
        return tuple(redact_missing_key(item, redactor, depth + 1) for item in items)
    if isinstance(key, (int, str)) and _OPAQUE_KEY.match(str(key).strip()):
        return _MASKED_KEY
    if isinstance(key, str):
        return redactor.redact_text(key)
    return redactor.redact(key)


def validation_errors(exc: BaseException) -> list[Any] | None:
    errors = getattr(exc, "errors", None)
    if not callable(errors) or not type(exc).__module__.startswith(("pydantic", "pydantic_core")):
        return None
    try:
        found = errors()
    except Exception:  # noqa: BLE001 - not the errors() this module knows
        return None
    return found if isinstance(found, list) else None


def clean_input(field: str, value: Any, redactor: Redactor) -> Any:
    """A validation input redacted as a value of ``field``, then as a value of its own: a string that is a
    person's name and nothing else (``'Tadeusz Kuziora'`` in a field too long) is masked as a ``%s`` argument is."""
    clean = redactor.redact_field(field, value)
    if clean is value or clean == value:
        clean = redactor.redact(value)
    if type(value) is str and clean == value and redactor.names_values:
        from .redaction._names import name_shaped

        if name_shaped(value):
            clean = redactor.strategy_for("NAME").text("NAME", value)
    return clean


def _clean_error(error: dict[str, Any], redactor: Redactor) -> tuple[dict[str, Any], bool]:
    """One of ``errors()`` as pydantic's ``InitErrorDetails``, redacted, and whether redaction changed it."""
    loc = error.get("loc") or ()
    parts = tuple(loc) if isinstance(loc, (list, tuple)) else (loc,)
    clean_loc = tuple(redactor.redact_text(part) if isinstance(part, str) else part for part in parts)
    field = next((part for part in reversed(parts) if isinstance(part, str)), "input")
    raw = error.get("input")
    cleaned = clean_input(field, raw, redactor)
    message = str(error.get("msg", ""))
    clean_message = redactor.redact_text(message)
    if isinstance(raw, str) and raw and raw in clean_message:  # pydantic quotes some inputs in the message
        clean_message = clean_message.replace(raw, str(cleaned))
    changed = clean_loc != parts or clean_message != message or (cleaned is not raw and cleaned != raw)
    details: dict[str, Any] = {"type": error.get("type"), "loc": clean_loc, "input": cleaned}
    ctx = error.get("ctx")
    if isinstance(ctx, dict):
        details["ctx"] = ctx
        if clean_message != message:  # what the message quotes from ctx (a validator's ValueError) is redacted
            details["ctx"] = {
                key: redactor.redact_text(str(value)) if isinstance(value, (str, BaseException)) else value
                for key, value in ctx.items()
            }
    details["msg"] = clean_message
    return details, changed


def redacted_validation_error(exc: BaseException, redactor: Redactor) -> BaseException | None:
    """pydantic's ``ValidationError`` rebuilt (same type, pydantic's own text) with each input redacted as a value
    of the field its ``loc`` names and PHI in locations and messages redacted; ``None`` when nothing changes.

    Raises when it cannot be rebuilt (the caller shows a stand-in).
    """
    errors = validation_errors(exc)
    if errors is None:
        return None
    cleaned = [_clean_error(error, redactor) for error in errors if isinstance(error, dict)]
    if not any(changed for _, changed in cleaned):
        return None
    from pydantic_core import PydanticCustomError

    line_errors: list[Any] = []
    for details, _ in cleaned:
        message = details.pop("msg")
        kind = details["type"]
        try:  # a known type: pydantic writes the message (and its link) from ctx
            probe = type(exc).from_exception_data("", [details]).errors()[0]  # type: ignore[attr-defined]
            known = probe["msg"] == message
        except Exception:  # noqa: BLE001 - a custom error type, or ctx that is not the known type's
            known = False
        if not known:  # the redacted message as it is (braces kept: no ctx to fill them)
            details.pop("ctx", None)
            details["type"] = PydanticCustomError(str(kind), message)
        line_errors.append(details)
    title = str(getattr(exc, "title", type(exc).__name__))
    hidden = bool(errors) and "input_value=" not in _text_of(exc)
    rebuilt: BaseException = type(exc).from_exception_data(title, line_errors, hide_input=hidden)  # type: ignore[attr-defined]
    return rebuilt


def _validation_message(exc: BaseException, errors: list[Any], redactor: Redactor) -> str:
    """pydantic's own text, of a copy rebuilt with redacted inputs when they hold PHI."""
    try:
        rebuilt = redacted_validation_error(exc, redactor)
    except Exception:  # noqa: BLE001 - cannot be rebuilt: the text from errors(), inputs redacted
        return _listed_message(exc, errors, redactor)
    return _text_of(exc if rebuilt is None else rebuilt)


def _listed_message(exc: BaseException, errors: list[Any], redactor: Redactor) -> str:
    """pydantic's text rebuilt from ``errors()``: each input redacted as a value of the field its ``loc`` names."""
    title = getattr(exc, "title", type(exc).__name__)
    lines = [f"{len(errors)} validation error{'s' if len(errors) != 1 else ''} for {redactor.redact_text(str(title))}"]
    for error in errors:
        if not isinstance(error, dict):
            continue
        details, _ = _clean_error(error, redactor)
        raw_input = error.get("input")
        shown = "[hipaalog: not shown]" if isinstance(raw_input, (dict, list)) else repr(details["input"])
        lines.append(".".join(str(part) for part in details["loc"]) or "(root)")
        lines.append(
            f"  {details['msg']} [type={error.get('type')}, input_value={shown}, input_type={type(raw_input).__name__}]"
        )
        if error.get("url"):
            lines.append(f"    For further information visit {error['url']}")
    return "\n".join(lines)


def structured_message(exc: BaseException, redactor: Redactor | None = None) -> str | None:
    """The message of ``exc`` redacted through the details it carries, or ``None`` when it carries none.

    ``redactor`` decides (default: hipaalog's default policy); the text that comes back may still be
    redacted as text by the caller. Never raises.
    """
    if not isinstance(exc, _STRUCTURED) and validation_errors(exc) is None:
        return None
    try:
        return _structured(exc, redactor or _default_redactor())
    except Exception:  # noqa: BLE001 - a detail that cannot be read: the text alone, redacted by the caller
        return None


def _structured(exc: BaseException, redactor: Redactor) -> str | None:
    errors = validation_errors(exc)
    if errors is not None:
        return _validation_message(exc, errors, redactor)
    if isinstance(exc, KeyError) and len(exc.args) == 1:
        return repr(redact_missing_key(exc.args[0], redactor))
    if isinstance(exc, subprocess.CalledProcessError):  # subprocess's own wording, the command redacted
        command = redact_argv(exc.cmd, redactor)
        if isinstance(exc.returncode, int) and exc.returncode < 0:
            try:
                return f"Command '{command}' died with {signal.Signals(-exc.returncode)!r}."
            except ValueError:
                return f"Command '{command}' died with unknown signal {-exc.returncode}."
        return f"Command '{command}' returned non-zero exit status {exc.returncode}."
    if isinstance(exc, subprocess.TimeoutExpired):
        return f"Command '{redact_argv(exc.cmd, redactor)}' timed out after {exc.timeout} seconds"
    if isinstance(exc, OSError) and (exc.filename is not None or exc.filename2 is not None):
        head = f"[Errno {exc.errno}] {exc.strerror}" if exc.errno is not None else str(exc.strerror or "")
        first = redact_path(str(exc.filename), redactor) if exc.filename is not None else ""
        text = f"{head}: {first!r}"
        if exc.filename2 is not None:
            text += f" -> {redact_path(str(exc.filename2), redactor)!r}"
        return text
    return None


def _message(exc: BaseException, redactor: Redactor | None, redact: bool) -> str:
    structured = structured_message(exc, redactor) if redact else None
    return structured if structured is not None else _text_of(exc)


KEPT_TRACEBACK: Final = "_hipaalog_traceback"
"""Where a copy of an exception handed to other handlers without its traceback keeps it (see redaction)."""


def _kept_traceback(exc: BaseException) -> TracebackType | None:
    kept = getattr(exc, "__dict__", {}).get(KEPT_TRACEBACK)
    return kept if isinstance(kept, TracebackType) else None


def _frames(tb: TracebackType | None) -> tuple[list[dict[str, Any]], int]:
    frames = [
        {"file": frame.f_code.co_filename, "line": lineno, "function": frame.f_code.co_name}
        for frame, lineno in traceback.walk_tb(tb)
    ]
    omitted = max(0, len(frames) - MAX_FRAMES)
    return frames[omitted:], omitted


def describe_exception(
    exc: BaseException,
    _depth: int = 0,
    _seen: set[int] | None = None,
    *,
    redactor: Redactor | None = None,
    redact: bool = True,
) -> dict[str, Any]:
    """``{"type", "message", "stack", "cause"?, "exceptions"?}`` for ``exc``.

    The message of an exception with structured details comes from :func:`structured_message`
    (``redactor``: the policy that decides on those details, default hipaalog's default policy);
    ``redact=False`` (redaction switched off) writes every message and type name as it is.
    """
    seen = _seen if _seen is not None else set()
    seen.add(id(exc))
    frames, omitted = _frames(exc.__traceback__ or _kept_traceback(exc))
    described: dict[str, Any] = {
        "type": _type_name(type(exc), redactor) if redact else _plain_type_name(type(exc)),
        "message": _message(exc, redactor, redact),
        "stack": frames,
    }
    if omitted:
        described["frames_omitted"] = omitted
    members = getattr(exc, "exceptions", None)
    if isinstance(members, (list, tuple)) and isinstance(exc, BaseException) and _depth < MAX_CAUSES:
        described["exceptions"] = [
            describe_exception(member, _depth + 1, seen, redactor=redactor, redact=redact)
            for member in members[:MAX_GROUP_MEMBERS]
            if isinstance(member, BaseException) and id(member) not in seen
        ]
    cause = exc.__cause__
    if cause is None and not exc.__suppress_context__:
        cause = exc.__context__
    if cause is not None and id(cause) not in seen and _depth < MAX_CAUSES:
        described["cause"] = describe_exception(cause, _depth + 1, seen, redactor=redactor, redact=redact)
    return described
