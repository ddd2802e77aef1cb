"""Whether the words of a slug, a file name or a query value name a person (``jane-roe``,
``roe_jane_19800312.pdf``, ``q=jane+roe``), in any case and either order.

Each word is judged alone by the name tables and the English word list (:func:`part_kind`): a
listed given name that is no English word (``tomasz``), a listed given name that is also a word
(``rose``, ``john``), a listed surname that is no word (``kowalczyk``), one that is (``miller``), a
word no table, dictionary or list of software knows (``olukotun``), or anything else. A name is a
run of two to four such words (particles and initials inside); how much the run says by itself is
its *need*: what else must say it is a person's (a person's folder before it, a document word, a
date stamp or record number beside it) before it is masked (:func:`run_need`).
"""

from __future__ import annotations

import re
from typing import Final

from ._lexicon import ENGLISH, SOFTWARE, VOWELS
from ._name_table import GIVEN, SURNAME_RANK
from ._names import COMMON_GIVEN, NOT_SURNAMES, PARTICLES
from ._normalize import ascii_letters

__all__ = [
    "COMMON",
    "GIVEN_NAME",
    "MEDIUM",
    "OTHER",
    "PARTICLE",
    "PARTICLE_WORDS",
    "SHORT",
    "STRONG",
    "SURNAME",
    "TECH_WORDS",
    "UNKNOWN",
    "UNLISTED",
    "WEAK",
    "WORD_SURNAME",
    "enough",
    "part_kind",
    "run_need",
]

GIVEN_NAME, COMMON, SURNAME, WORD_SURNAME, UNKNOWN, SHORT, PARTICLE, OTHER = range(8)
"""What a word may be: a given name no dictionary holds, a given name that is also a word, a surname no
dictionary holds, a surname that is also a word, a word nothing knows, a name of two or three letters or a
word of three nothing knows (``yui``, ``li``, ``kir``: as often a code or an abbreviation), a particle
(``de``, ``van``), other."""


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


PARTICLE_WORDS: Final = frozenset(PARTICLES[3:-1].split("|")) | {"بن", "بنت", "ابن", "آل", "أبو", "ابو"}
"""Particles inside a name (``dos Santos``, ``van der Berg``; Arabic ``bin``, ``bint``, ``ibn``, ``al``, ``abu``)."""

TECH_WORDS: Final = _words(
    """api apis url uri urls sdk cli gui ui ux db dbs svc srv auth oauth oidc jwt json jsonl ndjson yaml yml toml ini
    xml csv tsv html htm css scss js mjs cjs ts tsx jsx py pyc rb rs go java kt php cfg conf config configs env envs
    dev prod stg stage uat qa tmp temp lib libs util utils pkg pkgs src dist bin obj img imgs svg ico woff woff2
    ttf eot min bundle vendor www http https ftp sftp ssh tcp udp dns ssl tls cert certs crt pem der pfx ipv
    kube kubectl helm npm pip pypi repo repos ci cd gh io os vm vms gpu cpu ram ssd aws gcp gcs azure ecr eks
    ecs iam sqs sns rds ec2 async sync cron etl ml ai nlp llm ocr pdf ehr emr fhir hl7 dicom icd cpt snomed
    loinc npi ndc rxnorm webhook webhooks healthz livez readyz metrics grpc rpc rest graphql websocket ws wss
    localhost uuid guid sha md5 hmac rsa aes gzip tgz zip tar deb rpm apk dmg exe dll msi jar war ear whl
    sdist amd64 arm64 x86 x64 linux darwin win32 win64 noarch musl glibc alpine bookworm bullseye buster jammy
    focal noble lts rc alpha beta nightly canary latest stable main master trunk head origin upstream fork
    webapp webui backend frontend middleware sidecar daemon daemonset statefulset replicaset cronjob configmap
    ingress egress nodeport clusterip loadbalancer namespace kubelet coredns kustomize argocd fluxcd ext cms
    cdn crm erp sso mfa otp pwa spa ssr seo kpi sla slo sli orm dao dto sql nas vpn vpc lan wan nat arn sts kms
    acm alb elb nlb waf ami ebs efs ses iot sms mms pos ach eft edi usb ota rom bios uefi tpm hsm pki ocsp csr mac"""
)
"""Words of software and infrastructure that no dictionary or name table vouches for."""

_SHORT_SURNAME_RANK: Final = 5000
"""A surname of two or three letters counts as one when it is this frequent (``Li``, ``Roe``, ``Doe``)."""
_CLUSTER: Final = re.compile(r"[^aeiouy]{5}")
"""Five letters in a row without a vowel (``ctrlshft``): an abbreviation, not a name (``Vashchenko``,
``Strzelecki`` have four)."""


def _name_like(bare: str) -> bool:
    """Whether a word nothing knows could be a name part: three letters or more, with vowels between."""
    if not bare.isascii():
        return True  # another script (the tables are Latin): judged by what surrounds it
    return len(bare) >= 3 and not VOWELS.isdisjoint(bare) and _CLUSTER.search(bare) is None


def part_kind(word: str) -> int:
    """What ``word`` (letters only, any case, marks allowed) may be in a person's name."""
    bare = ascii_letters(word).lower()
    if bare in PARTICLE_WORDS:
        return PARTICLE
    if len(bare) < 2 or bare in TECH_WORDS or bare in SOFTWARE:
        return OTHER
    english = bare in ENGLISH
    given = bare in GIVEN
    surname = bare in SURNAME_RANK and bare not in NOT_SURNAMES
    if len(bare) <= 3 and bare.isascii():  # Li, Roe, Yui; or a code (ja, ko), an abbreviation (oss)
        if surname and SURNAME_RANK[bare] < _SHORT_SURNAME_RANK:
            return SURNAME
        if given and not english and bare not in COMMON_GIVEN:
            return GIVEN_NAME
        return SHORT if given or surname or (len(bare) == 3 and not english and _name_like(bare)) else OTHER
    if given and not english and bare not in COMMON_GIVEN and bare not in NOT_SURNAMES:
        return GIVEN_NAME
    if surname and not english:
        return SURNAME
    if given:
        return COMMON
    if surname:
        return WORD_SURNAME
    if not english and _name_like(bare):
        return UNKNOWN
    return OTHER


STRONG, MEDIUM, WEAK, UNLISTED = range(4)
"""Needs of a run. A listed given name that is no word with another listed name part says it alone
(``tomasz wrobel``, ``christopher miller``). One more sign is needed by a surname no dictionary holds
beside any name part (``hora ojasvi``), and by a given name beside a word nothing knows (``casper
thout``). Two are needed by listed parts that are also words (``rose smith``), and by words no table
lists (``velero restic``), one of them about a person."""


def run_need(kinds: list[int]) -> int | None:
    """The need of a run of name parts (``kinds``, particles left out), or ``None`` when it is no name:
    fewer than two parts, more than four, a part that is no name, or a surname that is also a word with
    no given name before or after it (``cuda core``)."""
    if not 2 <= len(kinds) <= 4 or OTHER in kinds or PARTICLE in kinds:
        return None
    given = GIVEN_NAME in kinds or COMMON in kinds
    if WORD_SURNAME in kinds and not given:
        return None
    listed = [kind for kind in kinds if kind in (GIVEN_NAME, COMMON, SURNAME, WORD_SURNAME)]
    if GIVEN_NAME in kinds and len(listed) == len(kinds):
        return STRONG
    if SURNAME in kinds or GIVEN_NAME in kinds or (COMMON in kinds and len(listed) < len(kinds)):
        return MEDIUM
    return WEAK if listed else UNLISTED


def enough(need: int, points: int, person: bool) -> bool:
    """Whether a run of that ``need`` is a name, given ``points`` of other signs (``person``: one of them
    says the thing is about a person, not only that it is dated or numbered)."""
    if need == STRONG:
        return True
    if need == MEDIUM:
        return points >= 1
    return points >= 2 and (person or need == WEAK)
