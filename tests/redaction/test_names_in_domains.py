"""A person's own host: written without a scheme (``janeroe.com``), as two labels (``jane.roe.me``), after a role
mailbox (``info@jane-roe.net``) or spelling a name the same text holds (``Gretel Höfig``, ``hofiggretel.org``);
firms' and services' hosts stay."""

from __future__ import annotations

import pytest

from hipaalog.redaction import redact_text


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("signup from josephpalmer.net ok", "josephpalmer"),
        ("website: sabrina-gomes.io", "sabrina-gomes"),
        ("patient Mathew Edwards updated profile, homepage https://mathew.edwards.com", "mathew.edwards"),
        ("signup from tanya.morris.io ok", "tanya.morris"),
        ("contact Gretel Höfig <info@hofiggretel.org>", "hofiggretel"),
        ("contact Zacharie Regnier <info@zacharie-regnier.com>", "zacharie-regnier"),
        ("referral site=darochajosemiguel.com for member José Miguel da Rocha", "darochajosemiguel"),
        ("Milo Versluijs updated profile, homepage https://versluijsmilo.de", "versluijsmilo"),
        ("patient Jane Quillby blog www.quillbyjane.me/blog", "quillbyjane"),
    ],
)
def test_person_hosts_are_masked(text: str, secret: str) -> None:
    out = redact_text(text)
    assert secret not in out.lower(), out


@pytest.mark.parametrize(
    "text",
    [
        "vendor Acme Corp site acmecorp.com",
        "info@chang-wilson.com accepted",
        "noreply@compania.com bounced",
        "resolved alimentacion.es in 3ms",
        "fetch leone-gabba.it/api/v2/items ok",
        "vendor Torres Ltd site howard-levine.com",
        "import os.path; see docs.python.org/3/library",
        "webhook to hooks.slack.com and api.stripe.com ok",
        "tls handshake with storage.googleapis.com:443 failed",
    ],
)
def test_firm_and_service_hosts_stay(text: str) -> None:
    assert redact_text(text) == text
