"""Rules that keep a benign shape (a machine's ``last seen`` date, a message id, a firm's town, a company's desk
before its role mailbox, a number written backwards) must not keep a patient's value written in that same shape:
a host named after a person, a person's mailbox pasted as a message id, a person cued before a firm-like name, a
person's name before a desk word, a reversed number said to be reversed after it."""

from __future__ import annotations

import pytest

from .harness import Harness

LEAKING = [
    ("host jane-roe-laptop last seen 1961-04-03", "1961-04-03"),
    ("pt roe-jane last seen 2024-03-07 in ED", "2024-03-07"),
    ("client Roe last seen 2024-03-07", "2024-03-07"),
    ("bounce (Message-ID <jane.roe1961@yahoo.com>)", "jane.roe1961@yahoo.com"),
    ("msgid <jroe@hotmail.com> from the portal", "jroe@hotmail.com"),
    ("msgid <janeroe@roe.example> queued", "janeroe@roe.example"),
    ("device jane_roe_ipad last seen 1961-04-03", "1961-04-03"),
    ("Message-ID: <jane.roe@gmail.com>", "jane.roe@gmail.com"),
    ("References: <abc@x.example> <jane.roe@family-roe.example>", "jane.roe@family-roe.example"),
    ("guarantor: Roe Inc, Springfield, IL 62704", "62704"),
    ("From: Roe Jane Sales <sales@roejane.example>", "Jane"),
    ("id 4718-22-635 reversed", "4718-22-635"),
    ("written backwards 4718-22-635", "4718-22-635"),
]
KEPT = [
    "node db-01.example.com last seen 2025-03-18",
    "host mark-db-02 last seen 2025-03-18",
    "host build-runner-lee-2 last seen 2025-03-18",
    "worker celery-worker-3 last seen 2025-03-18",
    "host mariadb-01 last seen 2025-03-18",
    "device X12 last seen 2024-03-07",
    "Message-ID: <CAF=Xk9pQ2mZ1abc@mail.gmail.com>",
    "Message-ID: <A1B2C3D4-E5F6-7890-ABCD-EF1234567890@icloud.com>",
    "bounce (Message-ID <20250318123456.4821.ops@mx.example.com>)",
    "References: <1710771234.5678.1234@mail.yahoo.com>",
    "vendor Chen Inc, Lake Jill, PA 56969",
    "From: Stryker Sales <sales@stryker.example>",
    "build 7468-29-332 deployed",
]


def _message(harness: Harness, text: str) -> str:
    harness.logger.info(text)
    lines = [line for line in harness.written().splitlines() if '"attack.app"' in line]
    return lines[-1]


@pytest.mark.parametrize(("text", "secret"), LEAKING)
def test_a_patients_value_in_a_kept_shape_is_masked(harness: Harness, text: str, secret: str) -> None:
    line = _message(harness, text)
    assert "REDACTED" in line
    assert secret not in line


@pytest.mark.parametrize("text", KEPT)
def test_the_benign_shape_each_rule_was_written_for_stays(harness: Harness, text: str) -> None:
    assert f'"message":"{text}"' in _message(harness, text)
