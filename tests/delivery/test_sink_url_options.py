"""Syslog and RELP sinks read host, port and options from their URL the same way."""

from __future__ import annotations

import pytest

from hipaalog.exceptions import ConfigError
from hipaalog.sinks._relp import RelpSink
from hipaalog.sinks._syslog import SyslogSink


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("relp://logs:2514?bogus=1", "RELP URL option 'bogus' is unknown"),
        ("relp://logs:2514?window=many", "RELP URL option window='many': use a number"),
        ("relp://logs:port", "the port must be a number"),
        ("syslog+tcp://logs:514?verify=perhaps", "syslog URL option verify='perhaps': use true or false"),
        ("syslog+tcp://logs:514?bogus=1", "syslog URL option 'bogus' is unknown"),
    ],
)
def test_bad_url_options_say_what_to_fix(url: str, message: str) -> None:
    """An unknown option, a value of the wrong type or a bad port is a ConfigError naming the sink and the fix."""
    factory = RelpSink if url.startswith("relp") else SyslogSink
    with pytest.raises(ConfigError, match=message.replace("?", r"\?").replace("(", r"\(")):
        factory(url)
