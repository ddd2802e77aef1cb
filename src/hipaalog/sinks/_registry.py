"""Building sinks from configuration: objects, URLs and mappings, plus third-party entry points."""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from importlib.metadata import entry_points
from typing import Any
from urllib.parse import unquote, urlsplit

from ..exceptions import ConfigError
from ..typing import Sink
from ._file import FileSink
from ._http import HttpSink
from ._relp import RelpSink
from ._stream import StreamSink
from ._syslog import SyslogSink

__all__ = ["ENTRY_POINT_GROUP", "create_sink", "register_sink"]

ENTRY_POINT_GROUP = "hipaalog.sinks"

SinkFactory = Callable[..., Sink]


def _file_from_url(url: str, **options: Any) -> Sink:
    parts = urlsplit(url)
    if parts.netloc not in ("", "localhost"):
        raise ConfigError(f"{url!r}: file URLs name a local path: file:///var/log/app.jsonl")
    return FileSink(unquote(parts.path), **options)


def _stdout(_url: str = "stdout", **options: Any) -> Sink:
    return StreamSink("stdout", **options)


def _stderr(_url: str = "stderr", **options: Any) -> Sink:
    return StreamSink("stderr", **options)


def _http_preset(preset: str) -> SinkFactory:
    def factory(url: str, **options: Any) -> Sink:
        return HttpSink(url, preset=preset, **options)

    return factory


_URL_SCHEMES: dict[str, SinkFactory] = {
    "file": _file_from_url,
    "stdout": _stdout,
    "stderr": _stderr,
    "syslog": SyslogSink,
    "syslog+udp": SyslogSink,
    "syslog+tcp": SyslogSink,
    "syslog+tls": SyslogSink,
    "relp": RelpSink,
    "http": HttpSink,
    "https": HttpSink,
}
"""URL scheme -> factory(url, **options)."""

_TYPES: dict[str, SinkFactory] = {
    "file": FileSink,
    "stream": StreamSink,
    "stdout": _stdout,
    "stderr": _stderr,
    "syslog": SyslogSink,
    "relp": RelpSink,
    "http": HttpSink,
    **{preset: _http_preset(preset) for preset in ("opensearch", "elasticsearch", "loki", "mezmo", "splunk", "otlp")},
}
"""``type`` key of a mapping -> factory(**options) (``url`` passed first when the mapping has one)."""


def register_sink(type_name: str, factory: SinkFactory, *, schemes: tuple[str, ...] = ()) -> None:
    """Make ``{"type": type_name, ...}`` (and URLs with ``schemes``) build sinks with ``factory``.

    ``factory(**options)`` is called for mappings; ``factory(url, **options)`` for URLs.
    """
    _TYPES[type_name] = factory
    for scheme in schemes:
        _URL_SCHEMES[scheme] = factory


def _entry_point(name: str) -> SinkFactory | None:
    for ep in entry_points(group=ENTRY_POINT_GROUP):
        if ep.name == name:
            factory = ep.load()
            if not callable(factory):
                raise ConfigError(f"entry point {ENTRY_POINT_GROUP}:{name} is not callable")
            return factory  # type: ignore[no-any-return]
    return None


def create_sink(spec: Sink | str | os.PathLike[str] | Mapping[str, Any]) -> Sink:
    """A sink from an object, a URL (``file:///var/log/app.jsonl``, ``stdout``), or a mapping.

    A mapping names its kind with ``type`` (``{"type": "file", "path": "/var/log/app.jsonl"}``);
    other keys are the sink's arguments. Unknown kinds are looked up in the ``hipaalog.sinks``
    entry-point group before failing with :class:`ConfigError`.
    """
    if isinstance(spec, os.PathLike):
        return FileSink(spec)
    if isinstance(spec, str):
        return _from_url(spec)
    if isinstance(spec, Mapping):
        return _from_mapping(spec)
    if isinstance(spec, Sink):
        return spec
    raise ConfigError(
        f"cannot use {type(spec).__name__} as a sink: give a Sink object, a URL string, or a mapping with 'type'"
    )


def _from_url(url: str) -> Sink:
    if url in ("stdout", "stderr", "-"):
        return StreamSink("stdout" if url == "-" else url)
    scheme = urlsplit(url).scheme if "://" in url or url.startswith("file:") else ""
    if not scheme:
        if url.startswith(("/", ".")) or os.sep in url:
            return FileSink(url)
        raise ConfigError(
            f"sink {url!r}: use a URL such as file:///var/log/app.jsonl, stdout, or syslog+tcp://host:514"
        )
    factory = _URL_SCHEMES.get(scheme) or _entry_point(scheme)
    if factory is None:
        known = ", ".join(sorted(_URL_SCHEMES))
        raise ConfigError(f"sink {url!r}: unknown scheme {scheme!r} (known: {known}, or a {ENTRY_POINT_GROUP} plugin)")
    try:
        return factory(url)
    except ConfigError:
        raise
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"sink {url!r}: {exc}") from exc


def _from_mapping(spec: Mapping[str, Any]) -> Sink:
    options = {str(k): spec[k] for k in spec}  # rebuilt key by key so dictConfig's cfg:// values resolve
    type_name = options.pop("type", None)
    url = options.pop("url", None)
    if type_name is None and url is not None:
        if options:
            scheme = urlsplit(str(url)).scheme
            factory = _URL_SCHEMES.get(scheme) or _entry_point(scheme)
            if factory is None:
                raise ConfigError(f"sink {url!r}: unknown scheme {scheme!r}")
            return _call(factory, f"sink {url!r}", str(url), **options)
        return _from_url(str(url))
    if not isinstance(type_name, str):
        raise ConfigError(
            f"a sink mapping needs a 'type' (one of {', '.join(sorted(_TYPES))}) or a 'url': {dict(spec)!r}"
        )
    factory = _TYPES.get(type_name) or _entry_point(type_name)
    if factory is None:
        raise ConfigError(
            f"unknown sink type {type_name!r} (known: {', '.join(sorted(_TYPES))}, or a {ENTRY_POINT_GROUP} plugin)"
        )
    if url is not None:
        return _call(factory, f"sink {type_name!r}", str(url), **options)
    return _call(factory, f"sink {type_name!r}", **options)


def _call(factory: SinkFactory, label: str, /, *args: Any, **options: Any) -> Sink:
    try:
        return factory(*args, **options)
    except ConfigError:
        raise
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"{label}: {exc}") from exc
