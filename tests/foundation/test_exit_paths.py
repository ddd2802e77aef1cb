"""What a process prints on its way out reaches stderr redacted: ``sys.exit(text)``, ``exit(text)``, a
``KeyboardInterrupt``, argparse's error line, a crashing ``multiprocessing`` child's header, and the request
lines of an ``http.server`` loaded only after ``configure()``. Each case is a real child process."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

SSN = "219-09-9999"
EMAIL = "odalys.quist@example.org"
NAME = "Odalys Quist"
IDENTITY = 'app_id="a", platform="vm", microservice="m"'


def _run(code: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code), *args], capture_output=True, text=True, timeout=60, check=False
    )


def _clean(text: str) -> bool:
    return SSN not in text and EMAIL not in text and "Quist" not in text and "219099999" not in text


def test_python_prints_an_exit_message_raw_without_hipaalog() -> None:
    run = _run(f"import sys; sys.exit('no chart for ' + {EMAIL!r})")
    assert EMAIL in run.stderr  # what the cases below change


@pytest.mark.parametrize(
    "exit_call",
    [
        f"sys.exit('could not process patient {NAME} ssn {SSN}')",
        f"sys.exit(['ssn', {SSN!r}, {EMAIL!r}])",
        f"sys.exit(ValueError('no chart for {EMAIL}'))",
        f"exit('could not process {EMAIL}')",
        f"quit('ssn {SSN}')",
    ],
    ids=["sys.exit-text", "sys.exit-list", "sys.exit-exception", "exit", "quit"],
)
def test_an_exit_message_is_printed_redacted(exit_call: str) -> None:
    run = _run(f"import sys, hipaalog\n{exit_call}")
    assert run.returncode == 1
    assert _clean(run.stderr), run.stderr
    assert "[REDACTED:" in run.stderr  # the message is still printed, only its identifiers masked


def test_exit_codes_and_a_caught_exit_keep_their_values() -> None:
    assert _run("import sys, hipaalog; sys.exit(3)").returncode == 3
    assert _run("import sys, hipaalog; sys.exit()").returncode == 0
    run = _run(
        f"""
        import sys, hipaalog
        try:
            sys.exit("usage: tool FILE")
        except SystemExit as exc:
            print(repr(exc.code))
        try:
            sys.exit("ssn {SSN}")
        except SystemExit as exc:
            print(exc.code)
        """
    )
    assert run.stdout.splitlines() == ["'usage: tool FILE'", "ssn [REDACTED:SSN]"]


def test_a_keyboard_interrupt_is_printed_redacted_and_still_exits_as_interrupted() -> None:
    run = _run(
        f"""
        import hipaalog
        def wait_for(patient):
            raise KeyboardInterrupt("waiting for " + patient)
        wait_for({EMAIL!r})  # ssn {SSN}
        """
    )
    assert _clean(run.stderr), run.stderr
    assert "in wait_for" in run.stderr and "KeyboardInterrupt: waiting for [REDACTED:EMAIL]" in run.stderr
    assert run.returncode in (-2, 130, 0xC000013A)  # killed by SIGINT, as Python does it (Windows: its code)


def test_argparse_errors_are_printed_redacted() -> None:
    code = """
        import argparse, hipaalog
        parser = argparse.ArgumentParser(prog="intake")
        parser.add_argument("--age", type=int)
        parser.parse_args()
        """
    run = _run(code, "--age", f"ssn {SSN}")
    assert run.returncode == 2
    assert "intake: error: argument --age: invalid int value" in run.stderr
    assert _clean(run.stderr), run.stderr
    help_run = _run(code, "--help")
    assert "usage: intake [-h] [--age AGE]" in help_run.stdout  # help is printed as written


def test_a_crashing_child_process_named_after_a_patient_has_its_header_redacted() -> None:
    run = _run(
        f"""
        import multiprocessing as mp, hipaalog
        def boom():
            raise RuntimeError("failed")
        if __name__ == "__main__":
            p = mp.get_context("fork").Process(target=boom, name="intake for {EMAIL}")
            p.start(); p.join()
            print(mp.current_process().name, p.exitcode)
        """
    )
    assert _clean(run.stderr), run.stderr
    assert "Process intake for [REDACTED:EMAIL]:" in run.stderr and "RuntimeError: failed" in run.stderr
    assert run.stdout.split() == ["MainProcess", "1"]


SERVER = """
import threading, urllib.request
import hipaalog
hipaalog.configure({identity}, sinks=["stderr"])
import http.server  # loaded after configure(), and configure() is not called again
server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), http.server.SimpleHTTPRequestHandler)
threading.Thread(target=server.serve_forever, daemon=True).start()
opener = urllib.request.build_opener(urllib.request.ProxyHandler({{}}))
try:
    opener.open(f"http://127.0.0.1:{{server.server_port}}/missing?ssn={ssn}&mail={email}", timeout=5)
except Exception as exc:
    print(type(exc).__name__)
server.shutdown()
"""


def test_request_lines_of_an_http_server_loaded_after_configure_are_redacted() -> None:
    run = _run(SERVER.format(identity=IDENTITY, ssn=SSN, email=EMAIL))
    assert "HTTPError" in run.stdout
    assert "GET /missing?ssn=" in run.stderr and "404" in run.stderr
    assert _clean(run.stderr), run.stderr
