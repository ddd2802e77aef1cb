"""Role mailboxes: addresses that name a function of an organisation (``oncall@``, ``no-reply@``), not a person.

An address counts as a role mailbox when every word of its local part (split at ``.``, ``-`` and ``_``; a
``+tag`` is ignored) is a role word or up to three run together (``careteam``), or the words joined are one
(``no-reply``), and its domain is not a
free-mail provider's (``support@gmail.com`` is someone's own account). ``jane.support@`` or ``alerts7@`` hold
other words and stay masked. After a word of a mailing system's own addresses (``bounce``, ``reply``,
``unsubscribe``), parts that are numbers or hex tokens are ignored (``bounce-3441@``, ``reply+7e90d3@``).
"""

from __future__ import annotations

import re
from typing import Final

__all__ = ["ROLE_WORDS", "free_mail_domain", "role_mailbox"]

ROLE_WORDS: Final = frozenset(
    (
        # RFC 2142 and mail system mailboxes
        "postmaster", "hostmaster", "webmaster", "abuse", "noc", "security", "mailerdaemon", "bounce", "bounces",
        "noreply", "donotreply", "info", "admin", "administrator", "root", "sysadmin",
        # operations
        "alerts", "alert", "alerting", "alertmanager", "oncall", "pager", "pagerduty", "opsgenie",
        "monitoring", "monitor", "ops", "devops", "sre", "soc", "secops", "infra", "infrastructure", "platform",
        "team", "notifications", "notification", "notify", "status", "incident", "incidents", "escalation",
        "escalations", "reports", "reporting", "cron", "jobs", "scheduler", "system", "systems", "ci", "build",
        "builds", "deploy", "deploys", "release", "releases", "jenkins", "github", "prod", "production", "staging",
        "dev", "qa", "test", "audit",
        # help desks and departments
        "support", "helpdesk", "help", "servicedesk", "service", "it", "frontdesk", "billing", "claims",
        "appointments", "scheduling", "privacy", "compliance", "hipaa", "pharmacy", "lab", "labs", "interface",
        "interfaces", "integration", "integrations", "edi", "hl7", "fhir", "records", "intake", "referrals",
        # machines and their jobs
        "backup", "backups", "dba", "database", "db", "bot", "bots", "robot", "automation", "mailer", "daemon",
        "etl", "batch", "nightly", "sync", "scanner", "updates", "webhooks", "api", "git", "gitlab", "jira",
        "grafana", "prometheus", "nagios", "zabbix", "sentry", "datadog", "splunk", "storage", "network", "netops",
        "export", "exports", "job", "delivery", "mail", "cloud", "digest", "inbox", "mailbox", "messages",
        # functions of a clinic or a firm, and the nouns that name a unit
        "portal", "patient", "patients", "member", "members", "provider", "providers", "customer", "customers",
        "results", "result", "reminders", "reminder", "refills", "prescriptions", "rx", "survey", "surveys",
        "feedback", "contact", "enquiries", "inquiries", "orders", "shipping", "sales", "marketing", "news",
        "newsletter", "communications", "careers", "recruiting", "hr", "payroll", "benefits", "finance",
        "accounts", "payable", "receivable", "revenue", "cycle", "medical", "health", "care", "processing",
        "registration", "admissions", "him", "reception", "radiology", "imaging", "nursing", "telehealth", "mychart",
        "department", "dept", "office", "desk", "center", "centre", "unit", "hospital", "clinic", "laboratory",
        "operations", "administration", "engagement", "experience", "quality", "safety", "legal", "relations",
        "services", "request", "requests", "line", "officer", "control", "improvement", "planning", "coordination",
        "management", "social", "work", "dispatch", "handler", "inbound", "outbound", "fax", "efax", "scan", "hello",
        "world", "devnull", "null", "ehr", "emr", "epic", "cerner", "meditech", "scheduling", "referral",
        "authorization", "authorizations", "auth", "prior", "utilization", "review", "denials", "appeals", "coding",
        "release", "nurse", "nurses",
        # clinical departments
        "cardiology", "oncology", "pediatrics", "neurology", "orthopedics", "ortho", "dermatology", "surgery",
        "emergency", "icu", "nicu", "picu", "maternity", "obgyn", "physio", "rehab", "dialysis", "infusion",
        "urgentcare", "triage", "hospice", "homecare", "pathology", "anesthesia", "urology", "gastro", "endoscopy",
        "cath", "transplant", "wound", "dental", "vision", "optometry", "audiology", "respiratory", "therapy",
        "nutrition", "dietary", "chaplain", "volunteer", "volunteers", "mri", "ct", "case", "infection", "discharge",
        "ambulance",
        # mailing lists and their bounces
        "unsubscribe", "subscribe", "unsub", "listserv", "majordomo", "reply", "replies", "verp", "return", "returns",
    )
)  # fmt: skip
"""Words a role mailbox's local part is made of (``no-reply``, ``on-call``: read joined)."""

_FREE_MAIL: Final = frozenset(
    (
        "gmail", "googlemail", "yahoo", "ymail", "rocketmail", "hotmail", "outlook", "live", "msn", "aol", "icloud",
        "me", "mac", "proton", "protonmail", "pm", "gmx", "web", "yandex", "zoho", "mail", "comcast", "verizon",
        "att", "sbcglobal", "qq", "163", "126", "naver", "hanmail", "rediffmail", "fastmail", "tutanota", "hey",
    )
)  # fmt: skip
"""Labels of free-mail providers' domains (``yahoo.co.uk``): a mailbox there is a person's own, whatever its name."""

_SECOND_LEVEL: Final = frozenset(("co", "com", "net", "org", "ac", "ne", "or"))
"""Labels under a country's code before the registered one (``yahoo.co.uk``, ``yahoo.com.br``)."""
_SEPARATORS: Final = re.compile(r"[.\-_]")
_NUMBERED: Final = frozenset(("bounce", "bounces", "reply", "replies", "unsubscribe", "unsub", "return", "verp"))
"""First words of the addresses a mailing system numbers per message (``bounce-3441@``, ``reply-7e90d3@``)."""
_TOKEN: Final = re.compile(r"[0-9a-f]*[0-9][0-9a-f]*")
"""A number or a hex token of such an address (``3441``, ``7e90d3``)."""


def _joined_roles(word: str, parts: int, shortest: int = 2) -> bool:
    """Whether ``word`` is up to ``parts`` role words run together (``careteam``, ``itsupport``,
    ``patientservices``); only the first may have two letters (``cici``, ``labit`` are names)."""
    if len(word) >= shortest and word in ROLE_WORDS:
        return True
    if parts < 2:
        return False
    return any(
        word[:cut] in ROLE_WORDS and _joined_roles(word[cut:], parts - 1, 3) for cut in range(shortest, len(word) - 2)
    )


def role_mailbox(local: str, domain: str) -> bool:
    """Whether ``local@domain`` is an organisation's role mailbox (see the module's description)."""
    base = local.split("+", 1)[0].lower()
    if not base:
        return False
    words = _SEPARATORS.split(base)
    if len(words) > 1 and "".join(words) in ROLE_WORDS:
        words = []  # a role written in parts: no-reply, on-call, do-not-reply, mailer-daemon
    if len(words) > 1 and words[0] in _NUMBERED:
        words = [word for word in words[1:] if not _TOKEN.fullmatch(word)] or words[:1]
    for word in words:
        if word not in ROLE_WORDS and not _joined_roles(word, 3):
            return False
    labels = domain.lower().split(".")[:-1]
    if len(labels) > 1 and labels[-1] in _SECOND_LEVEL:
        labels = labels[:-1]  # yahoo.co.uk: the provider's label is the one before "co"
    return not labels or labels[-1] not in _FREE_MAIL  # mail.example-health.org is the hospital's own host


def free_mail_domain(domain: str) -> bool:
    """Whether ``domain`` is a free-mail provider's own (``gmail.com``, ``yahoo.co.uk``), no host of it
    (``mail.gmail.com``)."""
    labels = domain.lower().rstrip(".").split(".")
    if len(labels) == 3 and labels[1] in _SECOND_LEVEL:
        del labels[1]  # yahoo.co.uk
    return len(labels) == 2 and labels[0] in _FREE_MAIL
