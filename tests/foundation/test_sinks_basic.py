"""The stream and file sinks and the sink registry."""

from __future__ import annotations

import io
import os
from collections.abc import Sequence
from pathlib import Path

import pytest

from hipaalog import ConfigError, SinkError
from hipaalog.sinks import EncodedRecord, FileSink, Sink, StreamSink, create_sink, register_sink


def rec(text: str) -> EncodedRecord:
    return EncodedRecord(text.encode(), 20, 6, 0.0, "t", "a", "vm", "m")


def test_file_sink_appends_lines_with_owner_only_mode(tmp_path: Path) -> None:
    """Batches append as lines, the file is 0600, reopening appends rather than truncates."""
    path = tmp_path / "out.jsonl"
    sink = FileSink(path)
    sink.write([rec("1"), rec("2")])
    sink.close()
    FileSink(path, fsync=True).write([rec("3")])
    assert path.read_bytes() == b"1\n2\n3\n"
    assert os.stat(path).st_mode & 0o777 == 0o600


def test_file_sink_reports_write_errors_as_sink_errors(tmp_path: Path) -> None:
    """A path that cannot be opened raises SinkError, which the delivery layer counts."""
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(SinkError, match="file:"):
        FileSink(blocker / "child.jsonl").write([rec("1")])


def test_stream_sink_writes_text_and_binary_streams() -> None:
    """StreamSink writes to text and binary file objects alike."""
    text, binary = io.StringIO(), io.BytesIO()
    StreamSink(text).write([rec("a")])
    StreamSink(binary).write([rec("b")])
    assert (text.getvalue(), binary.getvalue()) == ("a\n", b"b\n")


@pytest.mark.parametrize(
    ("spec", "kind"),
    [
        ("stdout", StreamSink),
        ("stderr", StreamSink),
        ("file:///tmp/hipaalog-test/a.jsonl", FileSink),
        ({"type": "file", "path": "/tmp/hipaalog-test/b.jsonl"}, FileSink),
        ({"url": "file:///tmp/hipaalog-test/c.jsonl"}, FileSink),
    ],
)
def test_create_sink_from_urls_and_mappings(spec: object, kind: type) -> None:
    """URLs and mappings build the matching sink."""
    assert isinstance(create_sink(spec), kind)  # type: ignore[arg-type]


def test_registered_sink_types_are_used_by_name_and_scheme() -> None:
    """register_sink makes a third-party sink available as a type and a URL scheme."""

    class Memory:
        name = "memory"

        def __init__(self, url: str = "", **options: object) -> None:
            self.url, self.options, self.batches = url, options, []

        def write(self, batch: Sequence[EncodedRecord]) -> None:
            self.batches.append(list(batch))

        def flush(self) -> None:
            pass

        def close(self) -> None:
            pass

    register_sink("memory-test", Memory, schemes=("memtest",))
    by_type = create_sink({"type": "memory-test", "capacity": 3})
    by_url = create_sink("memtest://bucket")
    assert isinstance(by_type, Sink) and by_type.options == {"capacity": 3}  # type: ignore[attr-defined]
    assert by_url.url == "memtest://bucket"  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("spec", "needle"),
    [
        ("nowhere", "use a URL such as"),
        ({"path": "/x"}, "needs a 'type'"),
        ({"type": "nope"}, "unknown sink type 'nope'"),
        ({"type": "file"}, "sink 'file'"),
        ("file://remote-host/x", "local path"),
    ],
)
def test_bad_sink_specs_are_config_errors(spec: object, needle: str) -> None:
    """Unusable sink specifications say what to write instead."""
    with pytest.raises(ConfigError, match=needle):
        create_sink(spec)  # type: ignore[arg-type]
