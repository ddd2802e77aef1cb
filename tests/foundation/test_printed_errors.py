"""Tracebacks the standard library prints itself (not through ``sys.excepthook``) reach stderr redacted:
a crashing ``multiprocessing`` child, a finalizer, ``traceback.print_exc()``, logging's "--- Logging error ---"."""

from __future__ import annotations

import io
import logging
import subprocess
import sys
import textwrap
import traceback
from pathlib import Path

import pytest

import hipaalog  # noqa: F401 - installs the redacting versions

EMAIL = "ilse.marwood@example.net"
SSN = "219-09-9999"

_CHILD = f"""
import multiprocessing as mp, sys
{{imports}}
def boom():
    raise ValueError("no chart for " + {EMAIL!r} + " ssn " + {SSN!r})
if __name__ == "__main__":
    p = mp.get_context(sys.argv[1]).Process(target=boom, name="worker-7")
    p.start(); p.join()
    print("exit", p.exitcode)
"""


def _run(code: str, *args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code), *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=cwd,
    )


def _child(tmp_path: Path, imports: str, method: str) -> subprocess.CompletedProcess[str]:
    script = tmp_path / "child_crash.py"  # spawn needs a main module it can import again
    script.write_text(_CHILD.replace("{imports}", imports))
    return subprocess.run(
        [sys.executable, str(script), method], capture_output=True, text=True, timeout=120, check=False
    )


def test_without_hipaalog_a_crashing_child_prints_raw(tmp_path: Path) -> None:
    run = _child(tmp_path, "", "spawn")
    assert EMAIL in run.stderr  # the path replaced below: multiprocessing's bootstrap calls print_exc()


@pytest.mark.parametrize("method", ["fork", "spawn", "forkserver"])
def test_a_crashing_child_prints_its_traceback_redacted(tmp_path: Path, method: str) -> None:
    if method not in __import__("multiprocessing").get_all_start_methods():
        pytest.skip(f"no {method} here")
    run = _child(tmp_path, "import hipaalog", method)
    assert "exit 1" in run.stdout
    assert EMAIL not in run.stderr and SSN not in run.stderr
    assert "Process worker-7:" in run.stderr and "in boom" in run.stderr
    assert "ValueError: no chart for [REDACTED:EMAIL] ssn [REDACTED:SSN]" in run.stderr


def test_print_exc_and_multiprocessing_finalizers_are_redacted() -> None:
    run = _run(
        f"""
        import traceback, hipaalog
        from multiprocessing import util
        class Chart: pass
        def closing():
            raise RuntimeError("closing chart of " + {EMAIL!r})
        chart = Chart()
        util.Finalize(chart, closing, exitpriority=1)
        try:
            raise KeyError({SSN!r})
        except KeyError:
            traceback.print_exc()
        """
    )
    assert EMAIL not in run.stderr and SSN not in run.stderr
    assert "KeyError: '[REDACTED:SSN]'" in run.stderr
    assert "RuntimeError: closing chart of [REDACTED:EMAIL]" in run.stderr


def test_a_logging_error_prints_its_message_and_arguments_redacted() -> None:
    run = _run(
        f"""
        import logging, sys, hipaalog
        log = logging.getLogger("intake")
        log.addHandler(logging.StreamHandler(sys.stdout))
        log.error("ssn %d for %s", {SSN!r}, {EMAIL!r})
        print("still running")
        """
    )
    assert run.returncode == 0 and "still running" in run.stdout
    assert EMAIL not in run.stderr and SSN not in run.stderr
    assert run.stderr.startswith("--- Logging error ---\nTraceback (most recent call last):")
    assert "TypeError: %d format: a real number is required, not str" in run.stderr
    assert 'Call stack:\n  File "<string>", line 5, in <module>\n' in run.stderr
    assert "Message: 'ssn %d for %s'\nArguments: ('[REDACTED:SSN]', '[REDACTED:EMAIL]')" in run.stderr


def test_a_logging_error_in_a_handler_that_cannot_write(capsys: pytest.CaptureFixture[str]) -> None:
    class Broken(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            try:
                raise OSError(f"disk full writing {record.getMessage()}")
            except OSError:
                self.handleError(record)

    logger = logging.getLogger("test.printed.broken")
    logger.propagate = False
    logger.addHandler(Broken())
    try:
        logger.warning("mail %s", EMAIL)
    finally:
        logger.handlers.clear()
        logger.propagate = True
    err = capsys.readouterr().err
    assert EMAIL not in err
    assert "OSError: disk full writing mail [REDACTED:EMAIL]" in err and "Arguments: ('[REDACTED:EMAIL]',)" in err


def test_text_printed_into_a_buffer_is_left_as_is() -> None:
    buffer = io.StringIO()
    try:
        raise ValueError(EMAIL)
    except ValueError:
        traceback.print_exc(file=buffer)
    assert f"ValueError: {EMAIL}" in buffer.getvalue()  # the caller reads it (logging.Formatter does)
    formatted = logging.Formatter().formatException((ValueError, ValueError(EMAIL), None))
    assert formatted == f"ValueError: {EMAIL}"


def test_functions_the_application_replaced_are_left_alone() -> None:
    run = _run(
        f"""
        import logging, sys, traceback
        def mine(*args, **kwargs):
            sys.stderr.write("mine\\n")
        traceback.print_exception = mine
        class Handler(logging.Handler):
            def handleError(self, record):
                sys.stderr.write("own handleError\\n")
            def emit(self, record):
                try:
                    raise OSError("no")
                except OSError:
                    self.handleError(record)
        import hipaalog
        try:
            raise ValueError({EMAIL!r})
        except ValueError:
            traceback.print_exc()
        logging.getLogger("x").addHandler(Handler())
        logging.getLogger("x").warning("hello")
        print(logging.Handler.handleError.__module__)
        """
    )
    assert run.stderr == "mine\nown handleError\n"
    assert run.stdout.strip() == "hipaalog._printed_errors"  # the base class's own one is the redacting one


def test_asyncio_never_retrieved_and_pool_errors_are_redacted(tmp_path: Path) -> None:
    script = tmp_path / "pools.py"  # process pools import the main module again
    script.write_text(
        textwrap.dedent(
            f"""
            import asyncio, gc, hipaalog
            from concurrent.futures import ProcessPoolExecutor
            async def lookup():
                raise ValueError("no chart for " + {EMAIL!r})
            async def main():
                asyncio.ensure_future(lookup())
                await asyncio.sleep(0.01)
            def work(ssn):
                raise KeyError("ssn " + ssn)
            if __name__ == "__main__":
                asyncio.run(main())
                gc.collect()
                with ProcessPoolExecutor(1) as pool:
                    pool.submit(work, {SSN!r}).result()
            """
        )
    )
    run = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=120, check=False)
    assert run.returncode == 1
    assert EMAIL not in run.stderr and SSN not in run.stderr
    assert "Task exception was never retrieved" in run.stderr  # asyncio's handler, through the last resort
    assert "ValueError: no chart for [REDACTED:EMAIL]" in run.stderr
    assert "KeyError: 'ssn [REDACTED:SSN]'" in run.stderr  # the worker's traceback, re-raised in the parent
