"""http.server's request lines reach stderr redacted: a real server on loopback, a request with PHI in its query."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

SSN = "219-09-9999"
EMAIL = "odalys.quist@example.org"

SERVER = """
import threading, urllib.request
{imports}
server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), http.server.SimpleHTTPRequestHandler)
threading.Thread(target=server.serve_forever, daemon=True).start()
opener = urllib.request.build_opener(urllib.request.ProxyHandler({{}}))
try:
    opener.open(f"http://127.0.0.1:{{server.server_port}}/missing?ssn={SSN}&mail={EMAIL}", timeout=5)
except Exception as exc:
    print(type(exc).__name__)
server.shutdown()
"""


def _stderr(imports: str) -> str:
    code = textwrap.dedent(SERVER.format(imports=imports, SSN=SSN, EMAIL=EMAIL))
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=30, check=True)
    assert "HTTPError" in run.stdout  # the request reached the server: it answered 404
    return run.stderr


@pytest.mark.parametrize(
    "imports",
    [
        "import http.server\nimport hipaalog",  # loaded before hipaalog: replaced at import
        "import hipaalog\nimport http.server\n"  # loaded after: replaced by configure()
        'hipaalog.configure(app_id="a", platform="vm", microservice="m")',
    ],
    ids=["imported-first", "configured-after"],
)
def test_request_lines_are_redacted(imports: str) -> None:
    err = _stderr(imports)
    assert "GET /missing?ssn=" in err and "404" in err  # the lines are still written
    assert SSN not in err and EMAIL not in err and "quist" not in err


def test_the_standard_library_writes_them_raw() -> None:
    err = _stderr("import http.server")
    assert SSN in err  # what hipaalog replaces
