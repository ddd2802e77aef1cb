"""Delivery costs: the caller's price per log call, throughput to a file and to rsyslog, memory under outage.

Usage::

    python benchmarks/bench_delivery.py [--records 200000] [--burst 1000000]

1. Caller cost: ``handler.handle(record)`` for hipaalog's SinkHandler (format + enqueue), beside
   formatting alone, the stdlib ``QueueHandler`` (formatting in ``prepare``, a ``QueueListener``
   writing the file) and the stdlib ``FileHandler`` (synchronous). Medians of repeats, round-robin.
2. Throughput: records per second from ``logger.info`` until ``flush()`` returns, to a file, to
   rsyslog over TCP and over RELP (started by the script when ``rsyslogd`` and its ``imrelp``
   module are installed), and to a loopback OTLP/HTTP receiver (protobuf and JSON). ``flush()``
   returns once every record is acknowledged: for TCP syslog that includes ``confirm_after``.
3. Memory: peak RSS of a child process that logs a burst of records while its sink is down, for
   SinkHandler (bounded queue and spill) to TCP syslog, RELP and OTLP, and for the stdlib
   QueueHandler (unbounded queue).
"""

from __future__ import annotations

import argparse
import glob
import http.server
import json
import logging
import logging.handlers
import os
import queue
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import benchmark_record, compare, machine_line, print_table

import hipaalog

IDENTITY = {"app_id": "claims", "platform": "k8s", "microservice": "claims-api"}
QUIET = {"stats_interval": 0, "handle_sigterm": False}


def caller_cost(workdir: Path) -> None:
    formatter = hipaalog.JsonFormatter(**IDENTITY)
    record = benchmark_record()

    sink_handler = hipaalog.SinkHandler([str(workdir / "sink.jsonl")], queue_size=1_000_000, **QUIET)
    sink_handler.setFormatter(formatter)

    stdlib_queue: queue.Queue[logging.LogRecord] = queue.Queue()
    queue_handler = logging.handlers.QueueHandler(stdlib_queue)
    queue_handler.setFormatter(formatter)
    file_for_listener = logging.FileHandler(workdir / "listener.jsonl")
    listener = logging.handlers.QueueListener(stdlib_queue, file_for_listener)
    listener.start()

    file_handler = logging.FileHandler(workdir / "sync.jsonl")
    file_handler.setFormatter(formatter)

    rows = compare(
        [
            ("formatting alone (JsonFormatter.encode_record)", lambda: formatter.encode_record(record)),
            ("hipaalog SinkHandler (format + enqueue)", lambda: sink_handler.handle(record)),
            ("stdlib QueueHandler (format in prepare + queue)", lambda: queue_handler.handle(record)),
            ("stdlib FileHandler (format + write, synchronous)", lambda: file_handler.handle(record)),
        ],
        inner=1000,
        repeats=15,
    )
    durable = hipaalog.SinkHandler(
        [str(workdir / "durable.jsonl")], spill_dir=workdir / "spill", durable=True, queue_size=1_000_000, **QUIET
    )
    durable.setFormatter(formatter)
    rows += compare(
        [("hipaalog SinkHandler durable=True (fsync per call)", lambda: durable.handle(record))], inner=30, repeats=5
    )
    print_table("Caller cost per log call", rows, "formatting alone (JsonFormatter.encode_record)")
    for handler in (sink_handler, durable, file_handler):
        handler.close()
    listener.stop()
    file_for_listener.close()


def _throughput(handler: hipaalog.SinkHandler, records: int) -> float:
    handler.setFormatter(hipaalog.JsonFormatter(**IDENTITY))
    log = logging.Logger("bench.delivery")
    log.addHandler(handler)
    started = time.perf_counter()
    for i in range(records):
        log.info("claim %s accepted", "C-20931", extra={"seq": i, "amount": 1289.5})
    handler.flush()
    elapsed = time.perf_counter() - started
    stats = handler.stats()
    handler.close()
    if stats["delivered"] != records:
        print(f"(warning: {stats['delivered']} of {records} delivered: {stats})")
    return records / elapsed


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _start_rsyslog(workdir: Path) -> tuple[subprocess.Popen[bytes], int, int | None] | None:
    """rsyslogd with imtcp (and imrelp when installed): ``(process, tcp port, relp port or None)``."""
    binary = shutil.which("rsyslogd") or ("/usr/sbin/rsyslogd" if os.path.exists("/usr/sbin/rsyslogd") else None)
    if binary is None:
        return None
    port = _free_port()
    relp_port = _free_port() if glob.glob("/usr/lib/*/rsyslog/imrelp.so") else None
    relp = (
        f'module(load="imrelp")\ninput(type="imrelp" address="127.0.0.1" port="{relp_port}" ruleset="in")\n'
        if relp_port
        else ""
    )
    conf = workdir / "rsyslog.conf"
    conf.write_text(
        f'global(workDirectory="{workdir}" maxMessageSize="64k")\n'
        'module(load="imtcp")\n'
        'template(name="raw" type="string" string="%msg%\\n")\n'
        f'ruleset(name="in") {{ action(type="omfile" file="{workdir}/rsyslog.out" template="raw") }}\n'
        f'input(type="imtcp" address="127.0.0.1" port="{port}" ruleset="in")\n' + relp
    )
    proc = subprocess.Popen(
        [binary, "-n", "-f", str(conf), "-i", str(workdir / "rsyslog.pid")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 10
    waiting = [p for p in (port, relp_port) if p]
    while waiting and time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", waiting[0]), timeout=0.2).close()
            waiting.pop(0)
        except OSError:
            time.sleep(0.05)
    if not waiting:
        return proc, port, relp_port
    proc.kill()
    return None


class _Collector(http.server.BaseHTTPRequestHandler):
    """Answers every OTLP export with an empty success, as a Collector does (the body is read, not decoded)."""

    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length", "0")))
        json_body = self.headers.get("Content-Type") == "application/json"
        reply = b"{}" if json_body else b""
        self.send_response(200)
        self.send_header("Content-Type", self.headers.get("Content-Type", "application/x-protobuf"))
        self.send_header("Content-Length", str(len(reply)))
        self.end_headers()
        self.wfile.write(reply)


def throughput(workdir: Path, records: int) -> None:
    rows = [("file", _throughput(hipaalog.SinkHandler([str(workdir / "t.jsonl")], **QUIET), records))]
    started = _start_rsyslog(workdir)
    if started is None:
        print("\n(rsyslogd not installed: no rsyslog figure)")
    else:
        proc, port, relp_port = started
        try:
            handler = hipaalog.SinkHandler([f"syslog+tcp://127.0.0.1:{port}"], **QUIET)
            rows.append(("rsyslog over TCP (octet counting)", _throughput(handler, records)))
            if relp_port is None:
                print("\n(rsyslog-relp not installed: no RELP figure)")
            else:
                handler = hipaalog.SinkHandler([f"relp://127.0.0.1:{relp_port}"], **QUIET)
                rows.append(("rsyslog over RELP (each message acknowledged)", _throughput(handler, records)))
        finally:
            proc.send_signal(signal.SIGTERM)
            proc.wait(10)
    collector = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Collector)
    threading.Thread(target=collector.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{collector.server_address[1]}"
        for encoding in ("protobuf", "json"):
            handler = hipaalog.SinkHandler([{"type": "otlp", "url": url, "encoding": encoding}], **QUIET)
            rows.append((f"OTLP/HTTP {encoding}, gzip (loopback receiver)", _throughput(handler, records)))
    finally:
        collector.shutdown()
        collector.server_close()
    print(f"\n### Throughput, {records:,} records from one thread until flush() returns\n")
    print(machine_line() + "\n")
    print("| sink | records per second |")
    print("| --- | ---: |")
    for name, rate in rows:
        print(f"| {name} | {rate:,.0f} |")


BURST_CHILD = r"""
import json, logging, logging.handlers, queue, resource, socket, sys, threading, time
import hipaalog

kind, records, spill = sys.argv[1], int(sys.argv[2]), sys.argv[3]
with socket.socket() as probe:
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]  # nothing listens: the sink is down
formatter = hipaalog.JsonFormatter(app_id="claims", platform="k8s", microservice="claims-api")
sinks = {
    "hipaalog": f"syslog+tcp://127.0.0.1:{port}",
    "hipaalog-relp": f"relp://127.0.0.1:{port}",
    "hipaalog-otlp": {"type": "otlp", "url": f"http://127.0.0.1:{port}"},
}
if kind.startswith("hipaalog"):
    handler = hipaalog.SinkHandler(
        [sinks[kind]], queue_size=10_000, retry_attempts=0, spill_dir=spill,
        spill_max_bytes="64MiB", stats_interval=0, handle_sigterm=False,
    )
    handler.setFormatter(formatter)
else:
    class Down(logging.Handler):
        def emit(self, record):
            time.sleep(3600)  # the listener's handler hangs on a peer that is down
    q = queue.Queue()
    handler = logging.handlers.QueueHandler(q)
    handler.setFormatter(formatter)
    logging.handlers.QueueListener(q, Down()).start()
log = logging.Logger("burst")
log.addHandler(handler)
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
started = time.perf_counter()
for i in range(records):
    log.info("claim %s accepted", "C-20931", extra={"seq": i, "amount": 1289.5})
elapsed = time.perf_counter() - started
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
stats = handler.stats() if kind.startswith("hipaalog") else {}
print(json.dumps({"base_kib": base, "peak_kib": peak, "seconds": elapsed, "stats": stats}))
sys.stdout.flush()
import os
os._exit(0)
"""


def burst_memory(workdir: Path, records: int) -> None:
    rows = []
    for kind, label in (
        ("hipaalog", "hipaalog SinkHandler, TCP syslog (queue 10,000, spill 64 MiB)"),
        ("hipaalog-relp", "hipaalog SinkHandler, RELP (queue 10,000, spill 64 MiB)"),
        ("hipaalog-otlp", "hipaalog SinkHandler, OTLP protobuf (queue 10,000, spill 64 MiB)"),
        ("stdlib", "stdlib QueueHandler (unbounded queue.Queue)"),
    ):
        spill = workdir / f"spill-{kind}"
        out = subprocess.run(
            [sys.executable, "-c", BURST_CHILD, kind, str(records), str(spill)],
            capture_output=True,
            text=True,
            timeout=1800,
            check=True,
        )
        result = json.loads(out.stdout.strip().splitlines()[-1])
        on_disk = sum(p.stat().st_size for p in spill.rglob("*.seg")) if spill.exists() else 0
        rows.append((label, result, on_disk))
    print(f"\n### Peak memory during a burst of {records:,} records with the sink down\n")
    print(machine_line() + "\n")
    print("| handler | RSS growth during the burst | peak RSS | spill on disk | dropped (counted) | seconds |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for label, result, on_disk in rows:
        growth = (result["peak_kib"] - result["base_kib"]) / 1024
        dropped = result["stats"].get("dropped", "n/a (not counted)")
        dropped_text = f"{dropped:,}" if isinstance(dropped, int) else dropped
        print(
            f"| {label} | {growth:,.1f} MiB | {result['peak_kib'] / 1024:,.1f} MiB | {on_disk / 2**20:,.1f} MiB "
            f"| {dropped_text} | {result['seconds']:.1f} |"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=200_000, help="records for the throughput runs")
    parser.add_argument("--burst", type=int, default=1_000_000, help="records in the outage burst")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        caller_cost(workdir)
        throughput(workdir, args.records)
        burst_memory(workdir, args.burst)


if __name__ == "__main__":
    main()
