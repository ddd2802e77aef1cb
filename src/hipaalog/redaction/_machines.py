"""A machine's own addresses: the IP and MAC of a ``Server``, a ``Host`` or a ``Printer`` are no one's PHI.

``Server(name='db-3', ip='10.2.3.4', mac='00:1a:2b:3c:4d:5e')`` and ``{"host": {"ip": ..., "mac": ...}}`` name
where a machine of the service sits on the network. A patient's device (``InsulinPump(ip=...)``,
``{"device": {"mac": ...}}``) is not one of these classes, so its addresses are still masked.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Mapping
from typing import Any, Final

from ._checks import ip_private
from ._keys import compact, tokens

__all__ = [
    "MACHINE_ADDRESS_FIELDS",
    "MAC_FIELDS",
    "inside_address",
    "machine_address_field",
    "machine_fields",
    "machine_line",
    "machine_words",
    "network_value",
]

_MACHINES: Final = frozenset(
    (
        "server", "servers", "host", "hosts", "node", "nodes", "router", "routers", "switch", "switches",
        "gateway", "gateways", "printer", "printers", "worker", "workers", "instance", "instances", "machine",
        "machines", "vm", "vms", "pod", "pods", "container", "containers", "broker", "brokers", "replica",
        "replicas", "proxy", "proxies", "upstream", "backend", "backends", "appliance", "firewall", "nas",
        "workstation", "endpoint", "endpoints", "balancer", "lb", "nic", "interface", "kiosk", "agent", "agents",
        "runner", "runners", "db", "database", "cache", "redis", "kafka", "peer", "peers",
    )
)  # fmt: skip
"""Last words of a class or field name that name a machine of the service (``DbServer``, ``print_host``)."""
MAC_FIELDS: Final = frozenset(("mac", "macaddress", "macaddr", "hwaddr", "hwaddress", "ether", "bssid"))
"""Field names (run together) of a network card's hardware address."""
MACHINE_ADDRESS_FIELDS: Final = (
    frozenset(
        ("ip", "ipaddress", "ipaddr", "ipv4", "ipv6", "address", "addr", "host", "hostname", "privateip", "publicip")
    )
    | MAC_FIELDS
)
"""Field names (run together) of where a machine is on the network."""
_ADDRESS_LAST: Final = frozenset(("ip", "ipv4", "ipv6", "mac", "hwaddr", "fqdn", "hostname"))
"""Last words of a field's name that say it holds a network address (``internal_ip``, ``eth0_mac``)."""


def machine_words(words: list[str]) -> bool:
    """Whether the words of a class or field name end with a machine's (``Server``, ``print_host``, ``Node``)."""
    return bool(words) and words[-1] in _MACHINES


def machine_address_field(name: str) -> bool:
    """Whether a field's name says it holds a network address (``ip``, ``external_ip``, ``mgmt_ip_address``)."""
    key = compact(name)
    if key in MACHINE_ADDRESS_FIELDS:
        return True
    words = tokens(name)
    return bool(words) and (words[-1].lower() in _ADDRESS_LAST or key.endswith(("ipaddress", "macaddress")))


def machine_fields(item: Mapping[Any, Any]) -> frozenset[str]:
    """The keys of a machine's mapping that hold its network addresses as text (``ip``, ``mac``, ``hostname``)."""
    return frozenset(
        k
        for k, v in item.items()
        if type(k) is str and type(v) is str and machine_address_field(k) and network_value(v)
    )


_MAC: Final = re.compile(r"[0-9A-Fa-f]{2}(?:([:-])[0-9A-Fa-f]{2}(?:\1[0-9A-Fa-f]{2}){4}|(?:[0-9A-Fa-f]{2}){5})")
_MAC_DOTTED: Final = re.compile(r"[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}")
_HOST: Final = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,62})(?:\.[A-Za-z0-9_-]{1,63}){0,126}\.?")
_MOST_HOST: Final = 253


def network_value(value: str) -> bool:
    """Whether ``value`` is written as a network address and nothing else: an IP (``10.2.3.4``, ``fe80::1%eth0``),
    a MAC (``00:1a:2b:3c:4d:5e``) or a host's name holding a letter (``db-3.internal``). A person's number, mailbox
    or street under a machine's ``hostname`` or ``address`` (``078-05-1120``, ``12 Elm St``) is none of these."""
    text = value.strip()
    if not text or len(text) > _MOST_HOST:
        return False
    if _MAC.fullmatch(text) or _MAC_DOTTED.fullmatch(text):
        return True
    try:
        ipaddress.ip_address(text.split("%", 1)[0])
    except ValueError:
        return _HOST.fullmatch(text) is not None and any(c.isalpha() for c in text)
    return True


_MACHINE_KEY: Final = re.compile(
    r"(?<![\w.-])(?:host|hostname|peer|upstream|downstream|server|node|backend|gateway|resolver|instance|pod|proxy"
    r"|broker|router|worker|replica)[ ]?[=:]"
)
"""A key of a line of text that names a machine (``host=``, ``peer=``, ``upstream:``)."""


def machine_line(text: str) -> bool:
    """Whether a line of ``key=value`` text is about a machine of the service: a key names one (``host=db-3``), so
    a private address beside it (``ip=10.1.2.3``) is that machine's."""
    return _MACHINE_KEY.search(text) is not None


def inside_address(value: str) -> bool:
    """Whether ``value`` is a private, link-local or loopback address (``10.1.2.3``, ``127.0.0.1``, ``::1``)."""
    if ip_private(value):
        return True
    try:
        return ipaddress.ip_address(value.split("%", 1)[0]).is_loopback
    except ValueError:
        return False
