"""A person's name in a file name with spaces and an extension that is no document's (``.log``, ``.py``,
``.html``): a stack frame of code compiled from such a file, a warning attributed to it.
The path reader stopped at the first space unless a document's extension ended the name, and the name after its
cue was read as a path's segment, so it reached hipaalog's file and other handlers raw. Paths with spaces that
name no one (a project, a font, an app) stay."""

from __future__ import annotations

import warnings

import pytest

import hipaalog

from .canaries import DEFAULT
from .harness import Harness

NAME = DEFAULT.name.value


@pytest.mark.parametrize("extension", ["py", "html", "log", "j2"])
def test_stack_frame_of_a_named_file(harness: Harness, extension: str) -> None:
    code = compile(
        "def run():\n    raise ValueError('lookup failed')\n", f"/uploads/patient {NAME}.{extension}", "exec"
    )
    space: dict[str, object] = {}
    exec(code, space)
    try:
        space["run"]()  # type: ignore[operator]
    except ValueError:
        harness.logger.exception("render %s", harness.tag)
    assert harness.leaks(DEFAULT.all()) == []
    assert harness.delivered()


def test_warning_attributed_to_a_named_file(harness: Harness) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("always")
        warnings.warn_explicit("lookup", UserWarning, f"/srv/reports/{NAME} referral.yaml", 3)
    harness.logger.info(harness.tag)
    assert harness.leaks(DEFAULT.all()) == []


@pytest.mark.parametrize(
    "text",
    [
        f'File "/uploads/patient {NAME}.py", line 2, in run',
        f"/uploads/{NAME} referral.html:3: UserWarning: lookup",
        f"C:\\scans\\patient {NAME}.log",
        f"wrote /exports/pt {NAME}.sql (12 rows)",
    ],
)
def test_named_file_in_text(text: str) -> None:
    assert NAME.split()[-1] not in hipaalog.redact(text)


@pytest.mark.parametrize(
    "text",
    [
        'File "/Users/dev/My Project/main.py", line 7, in <module>',
        "open /tmp/Build Output.log failed: [Errno 2]",
        "launching /Applications/Visual Studio Code.app",
        "C:\\Windows\\Fonts\\Times New Roman.ttf loaded",
        "export /exports/Acme Health.sql finished",
        "/home/app/venv/lib/python3.12/site-packages/pydantic/main.py:211: UserWarning: Field name shadows",
        "loading /var/lib/app/Howard University.cfg",
    ],
)
def test_paths_with_spaces_that_name_no_one_stay(text: str) -> None:
    assert hipaalog.redact(text) == text
