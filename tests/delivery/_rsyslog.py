"""A real rsyslogd on loopback ports (UDP, TCP, TLS), writing what it receives field by field."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from .._peers import free_port

__all__ = ["FIELDS", "RSYSLOGD", "Received", "Rsyslog", "TlsFiles", "make_tls_files"]

RSYSLOGD = shutil.which("rsyslogd") or ("/usr/sbin/rsyslogd" if os.path.exists("/usr/sbin/rsyslogd") else None)
FIELDS = ("facility", "severity", "timestamp", "hostname", "app", "procid", "msgid", "sd", "msg")
_TEMPLATE = "|".join(
    (
        "%syslogfacility%",
        "%syslogseverity%",
        "%timereported:::date-rfc3339%",
        "%hostname%",
        "%app-name%",
        "%procid%",
        "%msgid%",
        "%structured-data%",
        "%msg%",
    )
)


@dataclass(frozen=True)
class TlsFiles:
    """A throwaway CA and a server certificate for ``localhost`` / ``127.0.0.1``."""

    ca: Path
    cert: Path
    key: Path
    other_ca: Path


def make_tls_files(directory: Path) -> TlsFiles:
    """Create the CA, the server key and certificate, and an unrelated CA, with openssl."""

    def openssl(*args: str) -> None:
        subprocess.run(["openssl", *args], cwd=directory, check=True, capture_output=True, timeout=60)

    ec = ("-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes")
    for name in ("ca", "other-ca"):
        openssl(
            "req", "-x509", *ec, "-keyout", f"{name}.key", "-out", f"{name}.pem", "-days", "2",
            "-subj", f"/CN=hipaalog test {name}",
            "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign",
        )  # fmt: skip
    (directory / "server.ext").write_text(
        "basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\n"
        "extendedKeyUsage=serverAuth\nsubjectAltName=DNS:localhost,IP:127.0.0.1\n"
        "authorityKeyIdentifier=keyid,issuer\nsubjectKeyIdentifier=hash\n"
    )
    openssl("req", *ec, "-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=localhost")
    openssl(
        "x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
        "-out", "server.pem", "-days", "2", "-extfile", "server.ext",
    )  # fmt: skip
    return TlsFiles(
        directory / "ca.pem", directory / "server.pem", directory / "server.key", directory / "other-ca.pem"
    )


@dataclass(frozen=True)
class Received:
    """One message as rsyslog parsed it."""

    facility: str
    severity: str
    timestamp: str
    hostname: str
    app: str
    procid: str
    msgid: str
    sd: str
    msg: str


class Rsyslog:
    """rsyslogd in the foreground with one output file per input (``udp.log``, ``tcp.log``, ``tls.log``)."""

    def __init__(self, directory: Path, tls: TlsFiles | None, *, tcp_port: int | None = None) -> None:
        assert RSYSLOGD is not None
        self.dir = directory
        self.dir.mkdir(parents=True, exist_ok=True)
        self.udp_port = free_port(socket.SOCK_DGRAM)
        self.tcp_port = tcp_port or free_port()
        self.tls_port = free_port() if tls else None
        self.tls = tls
        self._proc: subprocess.Popen[bytes] | None = None

    def _config(self) -> str:
        d = self.dir
        tls_global = (
            f' DefaultNetstreamDriverCAFile="{self.tls.ca}" DefaultNetstreamDriverCertFile="{self.tls.cert}"'
            f' DefaultNetstreamDriverKeyFile="{self.tls.key}"'
            if self.tls
            else ""
        )
        lines = [
            f'global(workDirectory="{d}" maxMessageSize="64k"{tls_global})',
            'module(load="imudp")',
            'module(load="imtcp" MaxSessions="200")',
            f'template(name="fields" type="string" string="{_TEMPLATE}\\n")',
        ]
        inputs = [("udp", "imudp", self.udp_port, ""), ("tcp", "imtcp", self.tcp_port, "")]
        if self.tls_port:
            driver = ' StreamDriver.Name="gtls" StreamDriver.Mode="1" StreamDriver.AuthMode="anon"'
            inputs.append(("tls", "imtcp", self.tls_port, driver))
        for name, module, port, extra in inputs:
            lines.append(f'ruleset(name="{name}") {{ action(type="omfile" file="{d}/{name}.log" template="fields") }}')
            lines.append(f'input(type="{module}" address="127.0.0.1" port="{port}" ruleset="{name}"{extra})')
        return "\n".join(lines) + "\n"

    def start(self) -> None:
        """Start and wait until the TCP inputs accept connections (bounded)."""
        conf = self.dir / "rsyslog.conf"
        conf.write_text(self._config())
        check = subprocess.run([str(RSYSLOGD), "-N1", "-f", str(conf)], check=False, capture_output=True, timeout=30)
        if check.returncode != 0:
            raise RuntimeError(f"rsyslog config rejected: {check.stderr.decode(errors='replace')}")
        stderr = open(self.dir / "rsyslogd.stderr", "ab")  # noqa: SIM115 - handed to the child process
        self._proc = subprocess.Popen(
            [str(RSYSLOGD), "-n", "-f", str(conf), "-i", str(self.dir / "rsyslogd.pid")],
            stdout=stderr,
            stderr=stderr,
        )
        stderr.close()
        deadline = time.monotonic() + 15
        ports = [p for p in (self.tcp_port, self.tls_port) if p]
        while ports and time.monotonic() < deadline:
            if self._proc.poll() is not None:
                raise RuntimeError(f"rsyslogd exited: {(self.dir / 'rsyslogd.stderr').read_text(errors='replace')}")
            try:
                with socket.create_connection(("127.0.0.1", ports[0]), timeout=0.5):
                    ports.pop(0)
            except OSError:
                time.sleep(0.05)
        if ports:
            self.stop()
            raise RuntimeError(f"rsyslogd did not listen on {ports}")

    def stop(self) -> None:
        """Stop rsyslogd (bounded)."""
        proc, self._proc = self._proc, None
        if proc is None:
            return
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(10)

    def received(self, transport: str) -> list[Received]:
        """Every message received on ``transport`` so far."""
        path = self.dir / f"{transport}.log"
        if not path.exists():
            return []
        out = []
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            parts = line.split("|", len(FIELDS) - 1)
            if len(parts) == len(FIELDS):
                out.append(Received(*parts))
        return out

    def wait_for(self, transport: str, needle: str, count: int, timeout: float = 15.0) -> list[Received]:
        """Messages on ``transport`` whose text contains ``needle``, once there are ``count`` (bounded)."""
        deadline = time.monotonic() + timeout
        while True:
            found = [r for r in self.received(transport) if needle in r.msg]
            if len(found) >= count or time.monotonic() > deadline:
                return found
            time.sleep(0.05)
