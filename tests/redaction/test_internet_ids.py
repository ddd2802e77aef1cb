"""Addresses of the internet (IP, e-mail) and their look-alikes in infrastructure text."""

from __future__ import annotations

import pytest

from hipaalog.redaction import Redactor

REDACTOR = Redactor()


def kinds(text: str) -> list[tuple[str, str]]:
    """``(value, kind)`` of each span the default scan reports (gated, as in production)."""
    return [(text[start:end], kind) for start, end, kind in REDACTOR._scanner.spans(text)]


@pytest.mark.parametrize(
    "text",
    [
        "SELECT id FROM visits WHERE opened::date = '2025-03-04'::date",
        "SELECT (total)::bigint, 'x'::bytea, ''::cidr, price::decimal, ratio::float8",
        "WHERE a::text = b AND c::int > 2 AND d::uuid = e AND f::jsonb ? 'k' AND g::timestamptz < now()",
        "std::vector<int> v; Foo::bar(); ::feed",
        "error[E0425]: cannot find value `x` in module `crate::db::pool`",
    ],
)
def test_casts_and_scopes_are_not_ipv6(text: str) -> None:
    assert REDACTOR.redact_text(text) == text


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("login from 2001:db8:4b::17 refused", "2001:db8:4b::17"),
        ("peer [2001:db8::9c1:2%eth0]:22 closed", "2001:db8::9c1:2%eth0"),
        ("client ::ffff:198.51.100.23 connected", "::ffff:198.51.100.23"),
        ("route 2001:db8:a::/48 added", "2001:db8:a::"),
    ],
)
def test_ipv6_addresses_still_masked(text: str, value: str) -> None:
    assert (value, "IP") in kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "Celery worker celery@beat-2.jobs.svc.cluster.local ready.",
        "node worker7@ip-172-31-9-4.ec2.internal joined",
        "rabbit@mq-0.mq.default.svc joined the cluster",
        "printer lp@office.lan offline; backup@nas.home.arpa done; jenkins@build.corp up",
        "sshd: accepted key for deploy@localhost.localdomain",
        "worker1@host ready",
    ],
)
def test_node_names_on_site_local_domains_are_kept(text: str) -> None:
    assert REDACTOR.redact_text(text) == text


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("reply to odalys.quist@example.org", "odalys.quist@example.org"),
        ("bounce for m.bexley@mail.example.co.uk", "m.bexley@mail.example.co.uk"),
        ("contact oq@clinic.health", "oq@clinic.health"),
    ],
)
def test_internet_addresses_still_masked(text: str, value: str) -> None:
    assert (value, "EMAIL") in kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        '10.12.7.33 - - [02/Mar/2025:08:00:01 +0000] "GET /readyz HTTP/1.1" 200 2 "-" "kube-probe/1.30"',
        "upstream 172.17.0.4:8080 and 192.168.56.10 healthy; metadata at 169.254.169.254",
        "pod fd7a:115c:a1e0::3 and fe80::4a1:9%eth1 and ::ffff:10.9.8.7 reachable",
        "bind 127.0.0.1:5432 and [::1]:6379",
    ],
)
def test_private_addresses_are_kept(text: str) -> None:
    assert REDACTOR.redact_text(text) == text


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("login from 172.32.5.9 failed", "172.32.5.9"),
        ("login from 192.169.1.1 failed", "192.169.1.1"),
        ("login from 11.0.0.7 failed", "11.0.0.7"),
        ("login from 2001:db8:77::5 failed", "2001:db8:77::5"),
    ],
)
def test_public_neighbours_of_private_ranges_are_masked(text: str, value: str) -> None:
    assert (value, "IP") in kinds(text)


def test_private_ip_detector_masks_private_addresses_on_request() -> None:
    strict = Redactor({"detectors": ["default", "private_ip"]})
    text = "infusion pump 10.40.2.17 and fd00::2:9 and 192.168.8.4 offline"
    out = strict.redact_text(text)
    assert "10.40.2.17" not in out and "fd00::2:9" not in out and "192.168.8.4" not in out


def test_private_address_under_an_ip_key_is_masked() -> None:
    assert "10.40.2.17" not in REDACTOR.redact_text("client_ip=10.40.2.17 status=200")
    assert REDACTOR.redact({"remote_addr": "192.168.8.4"}) != {"remote_addr": "192.168.8.4"}


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("reply to odalys.quist@bücherei.example", "odalys.quist@bücherei.example"),
        ("reply to o.quist@почта.рф today", "o.quist@почта.рф"),
        ("reply to o.quist@ехample.org today", "o.quist@ехample.org"),  # Cyrillic е and х
        ("reply to o.quist@xn--bcherei-n2a.example", "o.quist@xn--bcherei-n2a.example"),
        ("bounce for o.quist@例え.jp", "o.quist@例え.jp"),
        ('To: "odalys quist"@example.org', '"odalys quist"@example.org'),
        ('from "o.q"@mail.example.net ok', '"o.q"@mail.example.net'),
        ("write odalys.quist [at] example [dot] com", "odalys.quist [at] example [dot] com"),
        ("odalys_q(at)clinic(dot)org", "odalys_q(at)clinic(dot)org"),
        ("odalys.quist[AT]example.net", "odalys.quist[AT]example.net"),
        ("mail odalys.quist at example dot com", "odalys.quist at example dot com"),
        ("email: odalys AT example DOT org", "odalys AT example DOT org"),
    ],
)
def test_addresses_in_other_scripts_quoted_or_spelled_out_are_masked(text: str, value: str) -> None:
    assert (value, "EMAIL") in kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "we are at example dot com and meet at noon",
        "look at this dot com bubble; installed python3.11 at site dot packages",
        "@app.route('/members') and decorator @dataclass(frozen=True)",
        "svc [at] build.local and agent (at) node-2.internal",
        'print("done")@line 3; x = a@b.c1',
    ],
)
def test_spelled_and_unicode_look_alikes_are_kept(text: str) -> None:
    assert REDACTOR.redact_text(text) == text


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("client ip 3405803845 refused", "3405803845"),
        ("IP address 3405803845 blocked", "3405803845"),
        ("src ip 0xcb007145 dropped", "0xcb007145"),
    ],
)
def test_an_address_written_as_one_number_after_ip_is_masked(text: str, value: str) -> None:
    assert (value, "IP") in kinds(text)


@pytest.mark.parametrize(
    "text",
    ["ip 167772161 (a private address)", "ip count 3405803845", "ip 12345 and zip 3405803845", "ptr 0xcb007145"],
)
def test_numbers_that_are_no_address_stay(text: str) -> None:
    assert REDACTOR.redact_text(text) == text
