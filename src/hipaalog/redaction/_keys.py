"""Key rules: which field names hold PHI, matched by their words, not by substrings.

A name is split into lowercase words (``patientSSN``, ``patient_ssn``, ``Patient-SSN`` all become
``patient ssn``) and is a PHI key when its *last* words form a catalogue term: ``patient_ssn`` is,
``ssn_check_enabled`` is not (it ends in ``enabled``), nor are ``dob_format`` or ``patient_count``.
A few generic words (``name``, ``id``, ``given``, ``family``) count only about a person: after a
person word in the same name (``patient_name``, ``memberId``) or anywhere below a person object
(``{"patient": {"name": ...}}``, a FHIR ``Patient`` resource, a FHIR reference under ``subject``).
HL7 v2 fields parsed into keys are judged by segment and position (``pid_5_1``, ``PID.7``, and a bare
field number below a segment key: ``{"pid": {"7": ...}}``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Final, NamedTuple

from ._hl7_fields import hl7_field_kind

__all__ = ["KeyCatalogue", "KeyInfo", "compact", "tokens"]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_TOKEN: Final = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+[0-9]*|[A-Z]+[0-9]*|[0-9]+")
_CACHE_LIMIT: Final = 8192

PERSON_WORDS: Final = _words(
    """patient patients pt member members subscriber subscribers beneficiary beneficiaries insured guarantor
    guarantors person persons people individual enrollee claimant policyholder cardholder dependent dependents
    spouse guardian parent parents mother father child children kin contact contacts decedent resident recipient
    caregiver relative relatives applicant donor newborn infant mom dad sibling household subject"""
)
"""Words that make a key (and everything below it) about a person."""

_PATIENT_WORDS: Final = frozenset({"patient", "patients", "pt"})
PERSON_RESOURCES: Final = {"Patient": "PATIENT", "Person": "ID", "RelatedPerson": "ID", "Practitioner": "ID"}
"""FHIR ``resourceType`` values whose whole resource is about a person, and the kind of its ``id``."""
_HL7_SEGMENT_WORDS: Final = frozenset({"pid", "pd1", "nk1", "gt1", "in1", "in2", "pv1", "mrg"})
"""HL7 v2 segments with person fields: below one (a parsed message, ``{"pid": {"7": ...}}``), a field
named by its number alone is masked."""
_HL7_GLUED: Final = re.compile(r"(pid|pd1|nk1|gt1|in1|in2|pv1|mrg)([0-9]{1,2})")

_INFRA: Final = _words(
    """server servers host hosts node nodes bind listen listener pod container gateway dns proxy local localhost
    upstream downstream broker db database redis smtp cluster service svc lb loadbalancer nat router vip memory
    base kafka backend frontend endpoint internal private public subnet vpc interface nic bridge docker"""
)
_CRYPTO: Final = _words(
    """cert certificate key keys tls ssl ssh public sha sha1 sha256 md5 file content build schema config hash gpg pgp
    signing"""
)

VERSION_WORDS: Final = frozenset({"ver", "release", "build", "revision", "firmware", "fw", "sdk"})
"""Field names whose dotted values are versions, not addresses (with any name ending in ``version``)."""
_NUMBERISH: Final = ("number", "num", "no", "nbr")


def _with_numbers(*bases: str) -> list[str]:
    return [base + suffix for base in bases for suffix in ("", *_NUMBERISH)]


def _catalogue() -> dict[str, str]:
    terms: dict[str, list[str]] = {
        "NAME": [
            "firstname",
            "lastname",
            "givenname",
            "givennames",
            "familyname",
            "fullname",
            "middlename",
            "maidenname",
            "surname",
            "forename",
            "legalname",
            "preferredname",
            "birthname",
            "nickname",
            "fname",
            "lname",
            "initials",
            "displayname",
        ],
        "DOB": ["dob", "dateofbirth", "birthdate", "birthday", "birthdatetime", "birthdt", "dobdate"],
        "DATE": [
            "dateofdeath",
            "deathdate",
            "deceaseddate",
            "deceaseddatetime",
            "dod",
            "admissiondate",
            "admitdate",
            "admitdatetime",
            "admissiondatetime",
            "dischargedate",
            "dischargedatetime",
            "dateofservice",
            "servicedate",
            "visitdate",
            "encounterdate",
            "appointmentdate",
            "proceduredate",
            "surgerydate",
            "injurydate",
            "dateofinjury",
            "onsetdate",
            "effectivedatetime",
            "effectiveperiod",
            "occurrencedatetime",
            "occurrenceperiod",
            "performeddatetime",
            "performedperiod",
            "onsetdatetime",
            "abatementdatetime",
            "billableperiod",
            "servicedperiod",
            "serviceddate",
            "admitdt",
            "dischargedt",
        ],
        "AGE": ["age", "ageyears", "ageinyears", "ageatdeath", "ageatvisit"],
        "PHONE": [
            *_with_numbers("phone", "telephone", "tel", "mobile", "cell", "cellphone", "mobilephone"),
            "homephone",
            "workphone",
            "contactnumber",
            "contactphone",
            "callbacknumber",
            "telecom",
            "msisdn",
        ],
        "FAX": _with_numbers("fax"),
        "EMAIL": ["email", "emails", "emailaddress", "emailaddr", "emailid"],
        "SSN": [
            *_with_numbers("ssn", "socialsecurity", "social"),
            "socialsecuritynumber",
            "ssnlast",
            "ssnlast4",
            "ssnlastfour",
            "last4ssn",
            "taxpayerid",
            "itin",
        ],
        "ADDRESS": [
            "address",
            "addresses",
            "addr",
            "streetaddress",
            "street",
            "streetline",
            "addressline",
            "city",
            "county",
            "town",
            "residence",
            "neighborhood",
            "geolocation",
            "latitude",
            "longitude",
            "lat",
            "lon",
            "lng",
            "latlng",
            "latlon",
            "coordinates",
            "gps",
        ],
        "ZIP": ["zip", "zipcode", "postalcode", "postcode", "postal"],
        "MRN": [
            "mrn",
            "mrnnumber",
            "medicalrecordnumber",
            "medicalrecordno",
            "medicalrecord",
            "medicalrecordid",
            *_with_numbers("chart"),
            "chartid",
            "healthrecordnumber",
            "ehrid",
            "empi",
        ],
        "PATIENT": ["patientid", "patientnumber", "patientno", "patientnum", "patientidentifier", "ptid"],
        "MEMBER_ID": [
            "memberid",
            *_with_numbers("member", "mbr"),
            "mbrid",
            "subscriberid",
            *_with_numbers("subscriber"),
            "beneficiaryid",
            "beneficiarynumber",
            "insuredid",
            "enrolleeid",
            *_with_numbers("policy"),
            "policyid",
            "insuranceid",
            "insurancenumber",
            "medicaidid",
            *_with_numbers("medicaid"),
            *_with_numbers("medicare"),
            "medicareid",
            "hicn",
            "hicnumber",
            "cardholderid",
        ],
        "MBI": ["mbi", "medicarebeneficiaryidentifier", "medicarebeneficiaryid"],
        "ACCOUNT": [
            "accountnumber",
            "accountno",
            "accountnum",
            "acctnumber",
            "acctno",
            "acctnum",
            "acct",
            "bankaccount",
            "bankaccountnumber",
            "iban",
        ],
        "CARD": [
            "cardnumber",
            "cardno",
            "creditcard",
            "creditcardnumber",
            "ccnumber",
            "ccnum",
            "pan",
            "cvv",
            "cvc",
            "debitcard",
            "debitcardnumber",
        ],
        "LICENSE": [
            *_with_numbers("license", "licence", "dl"),
            "driverslicense",
            "driverlicense",
            "certificatenumber",
            "certificateno",
            "certno",
            "permitnumber",
            *_with_numbers("passport"),
        ],
        "NPI": _with_numbers("npi"),
        "DEA": _with_numbers("dea"),
        "VEHICLE": [
            "vin",
            "vinnumber",
            "vehicleid",
            "vehicleidentificationnumber",
            "licenseplate",
            "plate",
            "platenumber",
            "plateno",
        ],
        "DEVICE": [
            "deviceid",
            "deviceidentifier",
            "deviceserial",
            "deviceserialnumber",
            "devicesn",
            "pumpsn",
            "pumpserial",
            "serial",
            "serialnumber",
            "serialno",
            "udi",
            "imei",
            "meid",
            "macaddress",
            "macaddr",
            "advertisingid",
            "idfa",
            "gaid",
            "androidid",
            "devicetoken",
        ],
        "URL": ["website", "homepage", "personalurl", "profileurl", "socialprofile"],
        "IP": [
            "ip",
            "ipaddress",
            "ipaddr",
            "ipv4",
            "ipv6",
            "ipv4address",
            "ipv6address",
            "remoteaddr",
            "remoteaddress",
            "clientaddr",
            "clientaddress",
            "xforwardedfor",
            "forwardedfor",
        ],
        "BIOMETRIC": [
            "fingerprint",
            "fingerprints",
            "biometric",
            "biometrics",
            "biometricdata",
            "voiceprint",
            "retinascan",
            "irisscan",
            "faceprint",
            "facegeometry",
            "facialgeometry",
            "palmprint",
        ],
        "PHOTO": [
            "photo",
            "photos",
            "photograph",
            "photourl",
            "photoid",
            "selfie",
            "headshot",
            "faceimage",
            "portrait",
        ],
        "ID": [
            "identifier",
            "identifiers",
            "nationalid",
            "personid",
            "personnumber",
            "stateid",
            "studentid",
            "socialinsurancenumber",
            "nhsnumber",
            "healthcardnumber",
        ],
    }
    table: dict[str, str] = {}
    for kind, names in terms.items():
        for name in names:
            table[name] = kind
    # "license" alone is a software licence more often than not; only numbered forms count.
    table.pop("license")
    table.pop("licence")
    return table


_TERMS: Final = _catalogue()
_CONTEXTUAL: Final = {
    "name": "NAME",
    "names": "NAME",
    "given": "NAME",
    "family": "NAME",
    "display": "NAME",
    "id": "ID",
    "ids": "ID",
    "period": "DATE",
}
"""Generic words that are PHI keys only about a person."""
_NOT_PERSON_IDS: Final = _words(
    "version request trace span correlation session transaction message event job task batch tenant schema"
)
_BLOCKED_BY: Final[dict[str, frozenset[str]]] = {
    "ip": _INFRA,
    "ipaddress": _INFRA,
    "ipaddr": _INFRA,
    "ipv4": _INFRA,
    "ipv6": _INFRA,
    "address": _INFRA,
    "addr": _INFRA,
    "fingerprint": _CRYPTO,
    "fingerprints": _CRYPTO,
}
"""Terms that a qualifying word before them makes harmless (``server_ip``, ``cert_fingerprint``)."""
_PERSON_ONLY_PREFIX: Final = frozenset({"age", "ageyears", "ageinyears", "plate", "dob"})
"""Terms that count bare or after person words only (``age``, ``patient_age``; not ``max_age``)."""


def tokens(key: str) -> list[str]:
    """The lowercase words of a field name: ``"patientSSN_last4"`` -> ``["patient", "ssn", "last4"]``."""
    return [t.lower() for t in _TOKEN.findall(key)]


def compact(key: str) -> str:
    """The words of a field name run together: ``"Date-Of-Birth"`` -> ``"dateofbirth"``."""
    return "".join(tokens(key))


def _hl7_kind(words: list[str]) -> str | None:
    """The kind of an HL7 v2 field named by segment and position (``pid_5_1``, ``PID.7``, ``hl7.pid.19``, ``pid5``)."""
    for index, word in enumerate(words):
        if word in _HL7_SEGMENT_WORDS:
            if index + 1 < len(words) and words[index + 1].isdigit():
                return hl7_field_kind(word.upper(), int(words[index + 1]))
        elif word[:1] in "pnginm" and (glued := _HL7_GLUED.fullmatch(word)) is not None:  # first letters of ids
            return hl7_field_kind(glued[1].upper(), int(glued[2]))
    return None


class KeyInfo(NamedTuple):
    """What a field name says about the value under it.

    ``kind``: the PHI kind it holds (``None``: not a PHI key); ``kind_in_person``: the same below a
    person object; ``person``: whether the name is about a person, as the kind an ``id`` below it
    holds (``"PATIENT"`` for patients, ``"ID"`` for other people; ``None`` when it is not);
    ``compact``: its words run together; ``plain``: outside person objects the name says nothing
    (no kind, not a person, not ``name``, not a version field), so the value is redacted as any other.
    """

    kind: str | None
    kind_in_person: str | None
    person: str | None
    compact: str
    plain: bool


class KeyCatalogue:
    """Classifies field names; results are cached per name.

    Args:
        extra: further names (any style) and the kind each holds, for example ``{"claimantRef": "ID"}``.
        builtin: include hipaalog's catalogue of Safe Harbor field names.
    """

    __slots__ = ("_cache", "_terms", "reversed_verdicts")

    def __init__(self, extra: Mapping[str, str] | None = None, *, builtin: bool = True) -> None:
        self._terms: dict[str, str] = dict(_TERMS) if builtin else {}
        for name, kind in (extra or {}).items():
            key = compact(name)
            if key:
                self._terms[key] = kind
        self._cache: dict[str, KeyInfo] = {}
        self.reversed_verdicts: dict[str, bool] = {}
        """Key spelled backwards -> whether it is a PHI key (the gate reads keys from reversed text)."""

    @property
    def cache(self) -> dict[str, KeyInfo]:
        """The cache of classified names (read it for speed; :meth:`info` fills it)."""
        return self._cache

    def info(self, key: str) -> KeyInfo:
        """The :class:`KeyInfo` of ``key``."""
        found = self._cache.get(key)
        if found is None:
            found = self._classify(key)
            if len(self._cache) >= _CACHE_LIMIT:
                self._cache.clear()
            self._cache[key] = found
        return found

    def kind(self, key: str, person: str | None = None) -> str | None:
        """The kind of PHI a field called ``key`` holds (``None`` when it is not a PHI key).

        ``person``: the kind of an ``id`` in the enclosing person object, when there is one.
        """
        info = self.info(key)
        if person is None:
            return info.kind
        if info.kind is None and info.kind_in_person == "ID":
            return person
        return info.kind_in_person

    def _classify(self, key: str) -> KeyInfo:
        words = tokens(key)
        hl7 = _hl7_kind(words)
        if hl7 is not None:
            return KeyInfo(hl7, hl7, None, "".join(words), False)
        joined = "".join(words)
        if joined in _HL7_SEGMENT_WORDS:
            return KeyInfo(None, None, "ID", joined, False)
        if joined.isdigit():  # a field by position: PHI below a person or an HL7 segment
            return KeyInfo(None, "ID", None, joined, True)
        person: str | None = None
        if any(w in _PATIENT_WORDS for w in words):
            person = "PATIENT"
        elif any(w in PERSON_WORDS for w in words):
            person = "ID"
        kind = self._match(words, None)
        if kind == "ID" and person == "PATIENT":
            kind = "PATIENT"
        kind_in_person = kind or self._match(words, "ID")
        joined = "".join(words)
        plain = (
            kind is None
            and person is None
            and joined not in ("name", "names")
            and not joined.endswith("version")
            and joined not in VERSION_WORDS
        )
        return KeyInfo(kind, kind_in_person, person, joined, plain)

    def _match(self, words: list[str], person: str | None) -> str | None:
        for i in range(len(words)):
            suffix = "".join(words[i:])
            kind = self._terms.get(suffix)
            if kind is None and suffix[-1:].isdigit():
                suffix = suffix.rstrip("0123456789")
                kind = self._terms.get(suffix)
            prefix = words[:i]
            if kind is not None:
                blocked = _BLOCKED_BY.get(suffix)
                if blocked is not None and any(w in blocked for w in prefix):
                    return None
                if suffix in _PERSON_ONLY_PREFIX and not all(w in PERSON_WORDS for w in prefix):
                    return None
                return kind
            contextual = _CONTEXTUAL.get(suffix)
            if contextual is not None and (person or any(w in PERSON_WORDS for w in prefix)):
                if contextual == "ID" and prefix and prefix[-1] in _NOT_PERSON_IDS:
                    return None  # versionId, requestId, traceId: about the record, not the person
                return contextual
        return None

    def names(self) -> Iterable[str]:
        """Every catalogue term (run-together form)."""
        return self._terms.keys()


DEFAULT_CATALOGUE: Final = KeyCatalogue()
