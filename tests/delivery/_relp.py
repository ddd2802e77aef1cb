"""A real rsyslogd with ``imrelp`` on a loopback port, writing what it acknowledged field by field."""

from __future__ import annotations

import glob
import signal
from pathlib import Path

from ._rsyslog import _TEMPLATE, Rsyslog

__all__ = ["IMRELP", "RelpRsyslog"]

IMRELP = next(iter(sorted(glob.glob("/usr/lib/*/rsyslog/imrelp.so") + glob.glob("/usr/lib/rsyslog/imrelp.so"))), None)
"""rsyslog's RELP input module (Debian package rsyslog-relp), if installed."""


class RelpRsyslog(Rsyslog):
    """rsyslogd with one ``imrelp`` input on ``tcp_port``; messages land in ``relp.log``.

    The main queue is direct: a message is written to the file before its acknowledgement is
    sent, so that a SIGKILL of rsyslog loses nothing it acknowledged.
    """

    def __init__(self, directory: Path) -> None:
        super().__init__(directory, None)

    def _config(self) -> str:
        d = self.dir
        return (
            f'global(workDirectory="{d}" maxMessageSize="64k")\n'
            'main_queue(queue.type="Direct")\n'
            'module(load="imrelp")\n'
            f'template(name="fields" type="string" string="{_TEMPLATE}\\n")\n'
            f'ruleset(name="relp") {{ action(type="omfile" file="{d}/relp.log" template="fields") }}\n'
            f'input(type="imrelp" address="127.0.0.1" port="{self.tcp_port}" ruleset="relp")\n'
        )

    def kill(self) -> None:
        """SIGKILL rsyslogd (no goodbye on any session)."""
        proc, self._proc = self._proc, None
        if proc is not None:
            proc.send_signal(signal.SIGKILL)
            proc.wait(10)
