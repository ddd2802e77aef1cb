"""Key rules: which field names hold PHI, matched by their words, not by substrings.

A name is split into lowercase words (``patientSSN``, ``patient_ssn``, ``Patient-SSN`` all become
``patient ssn``) and is a PHI key when its *last* words form a catalogue term: ``patient_ssn`` is,
``ssn_check_enabled`` is not (it ends in ``enabled``), nor are ``dob_format`` or ``patient_count``.
A few generic words (``name``, ``id``, ``given``, ``family``) count only about a person: after a
person word in the same name (``patient_name``, ``memberId``) or anywhere below a person object
(``{"patient": {"name": ...}}``, a FHIR ``Patient`` resource, a FHIR reference under ``subject``).
HL7 v2 fields parsed into keys are judged by segment and position (``pid_5_1``, ``PID.7``, and a bare
field number below a segment key: ``{"pid": {"7": ...}}``); DICOM attributes by their keyword or tag
(``StudyDate``, ``"00100030"`` of the DICOM JSON model).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from typing import Final, NamedTuple

from ._dicom_tags import DICOM_KEYWORDS, DICOM_TAGS
from ._event_dates import EVENT_DATE_TERMS
from ._hl7_fields import CARE_SEGMENTS, hl7_field_kind, hl7_observation_kind
from ._identity_terms import IDENTITY_TERMS, MACHINE_CERTIFICATES, PHOTO_TERMS, PHOTO_THINGS
from ._organisations import ORG_WORDS, PLACE_TERMS
from ._values import THING_WORDS, phone_words, record_time

__all__ = ["INFRA_WORDS", "KeyCatalogue", "KeyInfo", "compact", "tokens"]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_TOKEN: Final = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+[0-9]*|[A-Z]+[0-9]*|[0-9]+")
_CACHE_LIMIT: Final = 8192

PERSON_WORDS: Final = _words(
    """patient patients pt member members subscriber subscribers beneficiary beneficiaries insured guarantor
    guarantors person persons people individual enrollee claimant policyholder cardholder dependent dependents
    spouse guardian parent parents mother father child children kin contact contacts decedent resident recipient
    caregiver relative relatives applicant donor newborn infant mom dad sibling household subject attendee
    attendees holder holders signer signers signatory witness witnesses sender requester requestor addressee
    invitee invitees visitor visitors who whom caller callers guest guests participant participants assignee assignees
    paciente pacientes patiente patientin paziente asegurado asegurada segurado assicurato assure assuree versicherter
    versicherte verzekerde titular titulaire firmante signataire unterzeichner testigo temoin testemunha testimone
    zeuge getuige destinatario destinataire empfanger empfaenger ontvanger remitente remetente mittente expediteur
    absender afzender cuidador aidant betreuer angehoriger angehoeriger"""
)
"""Words that make a key (and everything below it) about a person, in English and in the languages of
:data:`_FOREIGN` (accents dropped: ``Empfänger`` is ``empfanger``)."""

_PATIENT_WORDS: Final = frozenset(
    {"patient", "patients", "pt", "paciente", "pacientes", "patiente", "patientin", "paziente"}
)
PERSON_RESOURCES: Final = {"Patient": "PATIENT", "Person": "ID", "RelatedPerson": "ID", "Practitioner": "ID"}
"""FHIR ``resourceType`` values whose whole resource is about a person, and the kind of its ``id``."""
_HL7_SEGMENT_WORDS: Final = frozenset({"pid", "pd1", "nk1", "gt1", "in1", "in2", "pv1", "mrg"})
"""HL7 v2 segments with person fields: below one (a parsed message, ``{"pid": {"7": ...}}``), a field
named by its number alone is masked."""
_CARE_SEGMENT_WORDS: Final = frozenset(segment.lower() for segment in CARE_SEGMENTS)
_HL7_FIELD_SEGMENTS: Final = _HL7_SEGMENT_WORDS | _CARE_SEGMENT_WORDS
"""Segments whose fields a key may name (``obr_7``, ``evn_6``): the care ones count beside a patient."""
_HL7_GLUED: Final = re.compile("(" + "|".join(sorted(_HL7_FIELD_SEGMENTS)) + ")([0-9]{1,2})")
_HL7_FIRST: Final = frozenset(segment[0] for segment in _HL7_FIELD_SEGMENTS)

_INFRA: Final = _words(
    """server servers host hosts node nodes bind listen listener pod container gateway dns proxy local localhost
    upstream downstream broker db database redis smtp cluster service svc lb loadbalancer nat router vip memory
    base kafka backend frontend endpoint internal private public subnet vpc interface nic bridge docker"""
)
INFRA_WORDS: Final = _INFRA | {"client", "peer", "net", "network", "source", "destination", "url", "http"}
"""Qualifiers of a machine's field (``server.address``, ``client.port``): what follows is no person's."""
_CRYPTO: Final = _words(
    """cert certificate key keys tls ssl ssh public sha sha1 sha256 md5 file content build schema config hash gpg pgp
    signing"""
)

VERSION_WORDS: Final = frozenset({"ver", "release", "build", "revision", "firmware", "fw", "sdk"})
"""Field names whose dotted values are versions, not addresses (with any name ending in ``version``)."""
_NUMBERISH: Final = ("number", "num", "no", "nbr")


def _with_numbers(*bases: str) -> list[str]:
    return [base + suffix for base in bases for suffix in ("", *_NUMBERISH)]


_FOREIGN: Final = {
    "NAME": _words(
        """nachname vorname familienname geburtsname rufname apellido apellidos primerapellido segundoapellido
        nombre nombres nombrecompleto nom nomcomplet nomprenom prenom prenoms nomdefamille nomdenaissance nomdusage
        sobrenome nome nomecompleto cognome achternaam voornaam"""
    ),
    "DOB": _words(
        """geburtsdatum gebdatum geburtstag fechanacimiento fechadenacimiento fechanac datenaissance
        datedenaissance datanascimento datadenascimento datanasc datanascita datadinascita geboortedatum
        naissance nascita nacimiento geboren nascimento dtnascimento dtnasc datnasc fnac fecnac fechnac fnacimiento
        fenac dnaiss datenaiss datnaiss dtnaiss"""
    ),
    "DATE": _words(
        """sterbedatum fechadefuncion datedeces fechaatencion fechadeatencion fechaservicio fechadeservicio fechacita
        fechadecita fechaconsulta fechadeconsulta fechavisita fechadevisita fechaingreso fechadeingreso fechaegreso
        behandlungsdatum aufnahmedatum entlassdatum entlassungsdatum besuchsdatum termindatum datevisite
        datedevisite dateconsultation datedeconsultation datehospitalisation dataatendimento datadeatendimento
        dataconsulta datadaconsulta datainternacao datavisita dataricovero datadiricovero datadimissione
        opnamedatum ontslagdatum bezoekdatum"""
    ),
    "ACCOUNT": _words(
        """cuenta numerocuenta numerodecuenta kontonummer numerodecompte numerocompte numeroconta numerodaconta
        rekeningnummer konto kontonr conto numeroconto numerodiconto compte"""
    ),
    "VEHICLE": _words("kennzeichen nummernschild autokennzeichen matricula placa kenteken immatriculation targa"),
    "PHONE": _words(
        """telefon telefonnummer handynummer mobil mobilnummer mobiltelefon telefono celular movil numerotelefono
        telefonofijo telefonomovil numerodetelephone telephonefixe telephoneportable telefone telefoon
        telefoonnummer"""
    ),
    "EMAIL": _words("correo correoelectronico courriel"),
    "ADDRESS": _words(
        """strasse strase adresse anschrift hausnummer wohnort direccion domicilio calle ciudad localidad municipio
        colonia ville endereco logradouro bairro cidade morada indirizzo adres woonplaats ort stadt wohnadresse
        strassehausnummer commune citta comune localita plaats straat huisnummer ulica miasto miejscowosc adresse
        gorod ulitsa geburtsort lugardenacimiento lieudenaissance localdenascimento naturalidade luogodinascita
        geboorteplaats"""
    ),
    "ZIP": _words("plz postleitzahl codigopostal codpostal cep codicepostale"),
    "SSN": _words(
        "sozialversicherungsnummer numerosegurosocial nir numerosecuritesociale insee nino nationalinsurancenumber "
        "personnummer"
    ),
    "MEMBER_ID": _words(
        """versichertennummer krankenversichertennummer cartaosus afiliado numeroafiliado numerodeafiliado
        carteirinha numerocarteirinha numerobeneficiario"""
    ),
    "MRN": _words(
        "patientennummer patientenid fallnummer numdossier numerodossier numerodedossier dossierpatient "
        "numeroexpediente numexpediente historiaclinica prontuario cartellaclinica patientnummer"
    ),
    "ID": _words(
        "curp dni nif cpf codicefiscale bsn pesel aadhaar aadhar tckimlik tckimlikno tckn kimlikno steuerid "
        "steueridentifikationsnummer burgerservicenummer sofinummer"
    ),
    "AGE": _words("edad idade alter leeftijd wiek"),
}
"""Field names of healthcare exports in German, Spanish, French, Portuguese, Italian and Dutch (accents dropped;
``strase`` is ``Straße`` as the reader view of a text spells it, ``ß`` read as one ``s``)."""


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
        "DOB": [
            "dob",
            "dateofbirth",
            "birthdate",
            "birthday",
            "birthdatetime",
            "birthdt",
            "dobdate",
            "bday",
            "bdate",
            "born",
            "birth",
            "bornon",
            "birthyear",
            "yearofbirth",
            "yob",
            "geburtsjahr",
            "geboortejaar",
            "anonacimiento",
            "annodinascita",
        ],
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
            # event dates of claims and injuries, in the short forms claim files use
            "accidentdate",
            "dateofaccident",
            "accidentdt",
            "injurydt",
            "onsetdt",
            "dateofonset",
            "servicedt",
            "svcdate",
            "svcdt",
            "dateofsvc",
            "visitdt",
            "encounterdt",
            "proceduredt",
            "deathdt",
            "admdate",
            "admdt",
            "dischdate",
            "dischdt",
        ],
        "AGE": [
            "age",
            "ageyears",
            "ageinyears",
            "ageyrs",
            "ageyr",
            "yrsold",
            "ageatdeath",
            "ageatvisit",
            "yearsold",
            "agegroup",
            "ageband",
            "agerange",
            "agebracket",
            "ages",
            "valueage",
            "onsetage",
            "ageatonset",
        ],
        "PHONE": [
            *_with_numbers("phone", "telephone", "tel", "mobile", "cell", "cellphone", "mobilephone"),
            "homephone",
            "workphone",
            *_with_numbers("callback"),
            *(f"contact{suffix}" for suffix in _NUMBERISH),
            "contactphone",
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
            *_with_numbers("socsec", "soc_sec", "tin", "taxid", "tax_id"),
            "ssnfull",
            "fullssn",
            "ssnlast4full",
        ],
        "ADDRESS": [
            "address",
            "addresses",
            "addr",
            "streetaddress",
            "street",
            "streetline",
            "addressline",
            "addrline",
            "streetname",
            "streetnumber",
            "housenumber",
            "buildingnumber",
            "pobox",
            "postofficebox",
            "suburb",
            "apartmentnumber",
            "aptnumber",
            "aptno",
            "unitnumber",
            "line1",
            "line2",
            "line3",
            "city",
            "cityname",
            "county",
            "town",
            "townname",
            "residence",
            "neighborhood",
            "neighbourhood",
            "municipality",
            "locality",
            "addresslocality",
            "village",
            "hamlet",
            "borough",
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
        "ZIP": ["zip", "zipcode", "postalcode", "postcode", "postal", "zipplus4", "zip4", "zipext"],
        "MRN": [
            "mrn",
            "mrnnumber",
            "mrnid",
            "mrno",
            "mrnumber",
            "emrid",
            "emrnumber",
            "ehrnumber",
            "hospitalnumber",
            "hospitalno",
            "hospno",
            "medicalrecordnumber",
            "medicalrecordno",
            "medicalrecord",
            "medicalrecordid",
            *_with_numbers("chart"),
            "chartid",
            "healthrecordnumber",
            "ehrid",
            "empi",
            "medrec",
            *_with_numbers("mrn"),
            "mrnum",
            "mrnbr",
            "emrno",
            "emrnum",
            "emrnbr",
            # Spanish and Portuguese: the number of the clinical history (historia clínica, prontuário)
            "historiaclinica",
            "numerohistoria",
            "numerodehistoria",
            "numerohistoriaclinica",
            "numeroprontuario",
            "prontuario",
        ],
        "PATIENT": [
            "patientid",
            "patientnumber",
            "patientno",
            "patientnum",
            "patientidentifier",
            "ptid",
            "patid",
            "patno",
            "ptno",
            "ptnumber",
        ],
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
            "insid",  # not ``ins``, ``ins_no``: a count of inserts as often
            "medicaidid",
            *_with_numbers("medicaid"),
            *_with_numbers("medicare"),
            "medicareid",
            "hicn",
            "hic",  # a Medicare health insurance claim number under its short key
            "hicnumber",
            "cardholderid",
            "healthplanid",
            "healthplannumber",
            "healthplanbeneficiaryid",
            "healthplanbeneficiarynumber",
            # a health plan's group number: with the plan it narrows to one employer's few members
            *[base + suffix for base in ("group", "grp", "plangroup", "insurancegroup") for suffix in _NUMBERISH],
            "plangroup",
            "insurancegroup",
            "plangroupid",
            "insurancegroupid",
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
            # a hospital's account of one person's bills (Epic's HAR, a guarantor's account)
            *_with_numbers("billingaccount", "patientaccount", "guarantoraccount", "hospitalaccount"),
            "billingaccountid",
            "patientaccountid",
            "harid",
            "harnumber",
            "harno",
            "harnum",
            "guarantoraccountid",
            "hospitalaccountid",
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
            *_with_numbers("passport", "lic", "driverlic", "driverslic", "idcard", "stateid", "stateidcard"),
            # a permit's or an identity card's number, never the word alone (``permit=allow`` is a rule's)
            *[base + suffix for base in ("permit", "idcard") for suffix in (*_NUMBERISH, "id")],
        ],
        "NPI": _with_numbers("npi"),
        "DEA": _with_numbers("dea"),
        "VEHICLE": [
            "vin",
            "vinnumber",
            "vehicleid",
            "vehicleidentificationnumber",
            "licenseplate",
            "licenceplate",
            "plate",
            "platenumber",
            "plateno",
            "numberplate",
            "registrationplate",
            "regplate",
            "carplate",
            "vehiclereg",
            "vehicleregistration",
            "vehicleplate",
            # a car's plate as parking and transport logs abbreviate it (``veh_tag``, ``car_reg``)
            *[base + tail for base in ("veh", "vehicle", "car", "auto", "parking") for tail in ("tag", "plate", "reg")],
            *_with_numbers("licplate", "licenseplate", "licenceplate", "regplate"),
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
            # a phone's identifiers as mobile apps log them: the hardware's, the app install's, push and ad ids
            "udid",
            "deviceudid",
            "idfv",
            "adid",
            "advertisingidentifier",
            "installationid",
            "installid",
            "appinstallid",
            "appinstanceid",
            "firebaseinstanceid",
            "pushtoken",
            "pushid",
            "fcmtoken",
            "gcmtoken",
            "apnstoken",
            "apnsdevicetoken",
            "voiptoken",
            "fcmregistrationtoken",
            # a patient's device named by what it is (``cgm_sn``, ``hearingAidSerial``, ``dev_mac``)
            *[
                base + tail
                for base in ("dev", "cgm", "transmitter", "pump", "pacemaker", "hearingaid", "implant", "cpap", "icd")
                for tail in ("sn", "serial", "serialno", "serialnumber", "mac", "imei", "id")
            ],
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
    for kind, foreign in _FOREIGN.items():
        table.update(dict.fromkeys(foreign, kind))
    for term in EVENT_DATE_TERMS:
        table.setdefault(term, "DATE")  # admitted_at, discharged_on, next_visit, dos
    for term, kind in IDENTITY_TERMS.items():
        table.setdefault(term, kind)  # photo_path, fingerprint_id, nursing_license, fecha_alta
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
    "ref": "ID",
    "period": "DATE",
    "first": "NAME",
    "last": "NAME",
    "middle": "NAME",
    "number": "ID",
    "no": "ID",
    "num": "ID",
    "record": "ID",
    "years": "AGE",
}
"""Generic words that are PHI keys only about a person."""
_NAME_PARTS: Final = frozenset({"first", "last", "middle"})
"""Parts of a name that count alone below a person or right after a person word (``guarantor_last``)."""
_NOT_PERSON_IDS: Final = _words(
    "version request trace span correlation session transaction message event job task batch tenant schema"
)
_MACHINE_SERIALS: Final = (
    _CRYPTO
    | _INFRA
    | _words("instance vm ec2 disk drive volume chassis rack blade switch firewall appliance hsm license licence cpu")
)
"""Words before ``serial`` that make it a certificate's, a key's or a machine's of the service (``cert_serial``,
``instance_serial``, ``server_serial_number``), not the serial number of a patient's device."""
_SITE_WORDS: Final = _words("dc dcs az region regions zone site sites cloud colo hub hubs depot")
"""Words of a machine's or a network's site before a town's term (``dcCity``, ``az_city``, ``site_town``)."""
_ARCHIVE_WORDS: Final = _words(
    """archive archives file files compressed compress output out export exports backup backups bundle bundles
    download downloads upload uploads attachment attachments package packages artifact artifacts dump snapshot"""
)
"""Words of a file before ``zip`` (``archiveZip``, ``export_zip``): a compressed file, not a postal code."""
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
    "serial": _MACHINE_SERIALS,
    "serialnumber": _MACHINE_SERIALS,
    "serialno": _MACHINE_SERIALS,
    "serialnum": _MACHINE_SERIALS,
    "identifier": _words("license licence spdx package bundle artifact"),
    **dict.fromkeys(PLACE_TERMS, ORG_WORDS | _SITE_WORDS),
    **dict.fromkeys(("zip", "zipcode"), _ARCHIVE_WORDS),
    **dict.fromkeys(PHOTO_TERMS, PHOTO_THINGS),
    **{term: _CRYPTO for term in IDENTITY_TERMS if term.startswith("fingerprint")},
    "certificateid": _CRYPTO | _INFRA | MACHINE_CERTIFICATES,
}
"""Terms that a qualifying word before them makes harmless (``server_ip``, ``cert_fingerprint``, ``vendor_city``,
``SPDX-License-Identifier``),
unless a person word comes before too."""
_PERSON_ONLY_PREFIX: Final = frozenset(
    {"age", "ages", "ageyears", "ageinyears", "ageyrs", "ageyr", "yrsold", "plate", "dob"}
)
"""Terms that count bare or after person words only (``age``, ``patient_age``; not ``max_age``)."""
_COUNTED_IDS: Final = frozenset({"MRN", "SSN", "MEMBER_ID", "PATIENT", "MBI"})
"""Kinds whose plural names a collection of identifiers (``mrns``, ``ssns``, ``patient_ids``)."""


def _counted(singular: str) -> bool:
    """Whether a plural of ``singular`` names identifiers (``mrns``, ``patient_ids``; not ``charts``, ``socials``)."""
    return singular in ("mrn", "ssn", "mbi") or singular.endswith(("id", "number", "no", "num"))


_DATE_RANGE_ENDS: Final = _words("from to start end begin thru through until low high min max")
"""Words after a date's name that make it one end of a range (``dosFrom``, ``service_date_to``, ``admitDtStart``):
the value is still that date."""
_DATE_KINDS: Final = frozenset({"DATE", "DOB"})
_DATE_MOMENTS: Final = _words(
    """ts tstamp timestamp time datetime dttm dtm epoch epochs epochms epochsec unix unixtime unixts millis ms msec sec
    secs seconds utc gmt local iso8601 rfc3339 at on"""
)
"""Words after a date's name that say how the moment is written (``birthTs``, ``dob_epoch``, ``birth_dttm``,
``dob_unix_ms``, ``bornAt``): the value is still that date."""
_LEADING: Final = _words("new old prev previous orig original raw input current curr entered clean parsed")
"""Qualifiers before a term that still leave it about the person (``old_dob``, ``prev_age``)."""
_TRAILING: Final = _LEADING | _words(
    """str string txt text val value num no nbr number iso fmt formatted display cleaned normalized norm plain
    encrypted enc decrypted submitted provided masked parts part digits segments pieces chunks components
    known lastknown latest prior former reported a b c area group serial int integer long bigint dec decimal bytes
    utf8 ascii repr json"""
)
"""Qualifiers after a term that say how the value is spelled or where it came from, not what it is
(``mrn_no``, ``dob_str``, ``ssn_int``, ``last_name_raw``, ``patientLastNameValue``, ``ssn_encrypted_plain``), or that
it is split into pieces (``ssn_parts``, ``phone_digits``, ``ssn_a``/``ssn_b``/``ssn_c``, ``ssn_area``/``ssn_group``/
``ssn_serial``)."""
_ABBREVIATIONS: Final = {
    "nm": "name",
    "dt": "date",
    "dte": "date",
    "rec": "record",
    "med": "medical",
    "cd": "code",
    "fnm": "firstname",
    "lnm": "lastname",
    "mnm": "middlename",
    "phn": "phone",
    "cty": "city",
    "mbr": "member",
    "subscr": "subscriber",
    "gtor": "guarantor",
    "gtr": "guarantor",
    "nok": "kin",
    "dsch": "discharge",
}
"""Short words field names use for longer ones (``pt_nm``, ``dt_of_birth``, ``med_rec_num``, ``zip_cd``, ``pt_lnm``,
``phn_nbr``, ``cty``)."""
_VEHICLE_WORDS: Final = frozenset({"veh", "vehicle", "car", "auto"})
_GLUED_TAILS: Final = frozenset(
    {"no", "nbr", "num", "number", "str", "val", "value", "nm", "dt", "dte", "cd", "ts", "dttm"} | _DATE_RANGE_ENDS
)
"""Last words a key run together in lower case is read by (``citynm``, ``postcd``, ``dosfrom``): only these, so that
``buildno`` or ``cacheage`` is never split into a term."""
_PERSON_SHORT: Final = {"ph": "phone", "tel": "phone", "fn": "firstname", "ln": "lastname"}
"""Short words read only after the word that says whose they are (``home_ph``, ``pt_ph``, ``mbr_ln``) or before a
number word (``ph_nbr``): a lone ``ph`` is an acidity, ``fn`` a function, ``addr_ln`` a line."""
_COMPOUND_HEADS: Final = {
    "patienten": "patient",
    "versicherten": "insured",
    "mitglieds": "member",
    "kunden": "person",
    "klienten": "person",
    "bewohner": "resident",
    "angehorigen": "relative",
    "betreuten": "person",
    "eltern": "parent",
    "mutter": "mother",
    "vater": "father",
    "kindes": "child",
    "ehepartner": "spouse",
    "empfangers": "recipient",
    "absender": "sender",
}
"""German person words that open a compound field name, as the English person word they stand for
(``Patientenname``, ``Kundentelefon``, ``Versichertenname``, ``Mitgliedsnummer``)."""
_COMPOUND_TAILS: Final = {"nummer": "number", "nr": "number", "mail": "email", "vorname": "firstname"}
"""German last words of such a compound, as the English word the catalogue knows (others: the catalogue's own)."""
_HEAD_FIRST: Final = {
    "name": _words("first last middle given family full maiden legal preferred birth nick"),
    "date": _words("birth death service svc admission admit discharge injury accident onset visit encounter procedure"),
    "phone": _words("home work cell mobile primary alt other"),
    "address": _words("home mailing street residential billing"),
}
"""Head words written before their qualifier (``name_last``, ``date_birth``, ``phone_home``): read reversed."""


def _ascii(key: str) -> str:
    """``key`` with accents dropped and ``ß`` as ``ss`` (``Straße``, ``prénom``, ``dirección``: one word each)."""
    folded = unicodedata.normalize("NFKD", key.replace("ß", "ss").replace("ẞ", "SS"))
    return folded.encode("ascii", "ignore").decode("ascii")


def tokens(key: str) -> list[str]:
    """The lowercase words of a field name: ``"patientSSN_last4"`` -> ``["patient", "ssn", "last4"]``."""
    return [t.lower() for t in _TOKEN.findall(key if key.isascii() else _ascii(key))]


def compact(key: str) -> str:
    """The words of a field name run together: ``"Date-Of-Birth"`` -> ``"dateofbirth"``."""
    return "".join(tokens(key))


def _canonical(words: list[str]) -> list[str]:
    """``words`` as the catalogue spells them: qualifiers dropped, abbreviations written out, a head word
    written first moved last (``name_last_raw`` -> ``last name``), a trailing person word moved first
    (``dob_patient`` -> ``patient dob``)."""
    out = [_ABBREVIATIONS.get(word, word) for word in words]
    for index, word in enumerate(out):
        short = _PERSON_SHORT.get(word)
        if short is None:
            continue
        before = out[index - 1] if index else ""
        after = out[index + 1] if index + 1 < len(out) else ""
        phone_head = short == "phone" and (before in _HEAD_FIRST["phone"] or after in _NUMBERISH)
        if before in PERSON_WORDS or phone_head:
            out[index] = short  # HOME_PH, pt_ph, ph_nbr, mbr_ln
    while len(out) > 1 and out[-1].rstrip("0123456789") in _TRAILING:
        out.pop()
        if len(out) > 1 and out[-1] == "last" and words[-1] == "known":
            out.pop()  # "ssn_last_known", "phone_last_known": the person's, as last known
    if len(out) > 1 and out[-1] in _HEAD_FIRST.get(out[-2], ()):
        out[-2], out[-1] = out[-1], out[-2]
    if len(out) > 1 and out[-1] in PERSON_WORDS:
        out.insert(0, out.pop())
    return out


def _hl7_field(words: list[str]) -> tuple[str, int] | None:
    """The HL7 v2 segment and field a key names (``pid_5_1``, ``PID.7``, ``hl7.obr.7``, ``pid5``), or ``None``."""
    for index, word in enumerate(words):
        if word in _HL7_FIELD_SEGMENTS:
            if index + 1 < len(words) and words[index + 1].isdigit():
                return word.upper(), int(words[index + 1])
        elif word[:1] in _HL7_FIRST and (glued := _HL7_GLUED.fullmatch(word)) is not None:
            return glued[1].upper(), int(glued[2])
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
    beside_patient: str | None = None
    """The kind an HL7 observation field (``obr_7``) holds in a mapping or text that also holds a
    patient field (``pid_5``)."""
    patient_field: bool = False
    """Whether the name is the HL7 patient segment or one of its fields (``pid``, ``pid_3``, ``PID.7``)."""
    names_person: bool = False
    """Whether the name's last word is a person (``contact``, ``guardian``, ``emergency_contact``; not
    ``contact_count``): a bare phone number or SSN under it is theirs."""
    observation_segment: str | None = None
    """``OBR`` / ``OBX`` for a key naming that segment, whose numbered fields (``{"obr": {"7": ...}}``)
    are the patient's beside a ``pid``."""
    holds_name: bool = False
    """Whether a whole name under the key is a person's in text too (``who="Jane Roe"``, ``"display": ...``):
    the key names a person, or is ``display``."""
    thing: bool = False
    """Whether the name's last word says its value is a thing (``service``, ``region``, ``medication``):
    a value shaped like a name is not one there."""
    record_time: bool = False
    """Whether the name is a record's own time (``created_at``, ``ts``): its date is not the person's."""
    phone_word: int = 0
    """1: a bare ten-digit number under the key is a phone (``reach``, ``cb``); -1: never (``order_id``,
    ``bytes``); 0: only beside a person."""


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
        info = self._classify_key(key)
        if info.kind is None and (len(key) == 8 or key[:1].isupper()):
            dicom = DICOM_KEYWORDS.get(key) or DICOM_TAGS.get(key.upper())
            if dicom is not None:  # a DICOM attribute by keyword or tag: {"StudyDate": ...}, {"00100020": {...}}
                return info._replace(kind=dicom, kind_in_person=dicom, plain=False)
        return info

    def _classify_key(self, key: str) -> KeyInfo:
        words = tokens(key)
        if key[-1:] == "#" and words:
            words.append("number")  # "Account #", "MRN#": the number sign after a noun reads "number"
        joined = "".join(words)
        field = _hl7_field(words)
        if field is not None:
            segment, number = field
            hl7 = hl7_field_kind(segment, number)
            if hl7 is not None:
                return KeyInfo(hl7, hl7, None, joined, False, patient_field=segment == "PID")
            beside = hl7_observation_kind(segment, number)
            if beside is not None:
                return KeyInfo(None, None, None, joined, False, beside_patient=beside)
            if segment == "PID":
                return self._classify_words(words, joined)._replace(patient_field=True)
        return self._classify_words(words, joined)

    def _glued(self, word: str) -> list[str] | None:
        """The two words of a key written in lower case with its words run together, as SQL folds them
        (``ptdob``, ``patientage``, ``citynm``, ``postcd``, ``dosfrom``): a person or qualifying word before a
        catalogue term, or a term's head before a qualifier, short word or range end. ``None`` when neither."""
        for cut in range(2, len(word) - 1):
            head, tail = word[:cut], word[cut:]
            person = _COMPOUND_HEADS.get(head)
            if person is not None and (tail in self._terms or tail in _CONTEXTUAL or tail in _COMPOUND_TAILS):
                return [person, _COMPOUND_TAILS.get(tail, tail)]  # Patientenname, Kundentelefon, Mitgliedsnummer
            if (head in PERSON_WORDS or head in _LEADING or head in _VEHICLE_WORDS) and tail in self._terms:
                return [head, tail]
            if tail in _GLUED_TAILS and self._classify_words([head, tail], word).kind is not None:
                return [head, tail]
        return None

    def _classify_words(self, words: list[str], joined: str) -> KeyInfo:
        if joined in _HL7_SEGMENT_WORDS:
            return KeyInfo(None, None, "ID", joined, False, patient_field=joined == "pid")
        if joined in _CARE_SEGMENT_WORDS:
            return KeyInfo(None, None, None, joined, False, observation_segment=joined.upper())
        if joined.isdigit():  # a field by position: PHI below a person or an HL7 segment
            return KeyInfo(None, "ID", None, joined, True)
        if words[-2:] == ["assigned", "to"]:
            words = [*words[:-2], "assignee"]  # assignedTo, assigned_to: whom a device or a task is given to
        if len(words) > 1 and (words[-1] in _DATE_RANGE_ENDS or words[-1] in _DATE_MOMENTS):
            head = self._classify_words(words[:-1], "".join(words[:-1]))
            if head.kind in _DATE_KINDS:
                return head._replace(compact=joined)  # dosFrom, birthTs: a range's end or that date's moment
        person: str | None = None
        if any(w in _PATIENT_WORDS for w in words):
            person = "PATIENT"
        elif any(w in PERSON_WORDS for w in words):
            person = "ID"
        canonical = _canonical(words)
        alternative = canonical if canonical != words else None
        kind = self._match(words, None)
        if kind is None and alternative is not None:
            kind = self._match(alternative, None)
        if kind == "ID" and person == "PATIENT":
            kind = "PATIENT"
        kind_in_person = kind or self._match(words, "ID")
        if kind_in_person is None and alternative is not None:
            kind_in_person = self._match(alternative, "ID")
        plain = (
            kind is None
            and person is None
            and joined not in ("name", "names")
            and not joined.endswith("version")
            and joined not in VERSION_WORDS
        )
        if kind is None and words == [joined] and len(joined) > 4 and joined.isalpha() and joined.islower():
            glued = self._glued(joined)  # one word as written (not one made of two: assigned_to -> assignee)
            if glued is not None:
                return self._classify_words(glued, joined)
        names_person = person is not None and (words[-1] in _PATIENT_WORDS or words[-1] in PERSON_WORDS)
        return KeyInfo(
            kind,
            kind_in_person,
            person,
            joined,
            plain,
            names_person=names_person,
            holds_name=names_person or (bool(words) and words[-1] == "display"),
            thing=bool(words) and words[-1] in THING_WORDS,
            record_time=kind not in _DATE_KINDS and record_time(words),  # admitTs: the admission's, not the record's
            phone_word=phone_words(words),
        )

    def _match(self, words: list[str], person: str | None) -> str | None:
        for i in range(len(words)):
            suffix = "".join(words[i:])
            kind = self._terms.get(suffix)
            if kind is None and suffix[-1:].isdigit():
                suffix = suffix.rstrip("0123456789")
                kind = self._terms.get(suffix)
            if kind is None and suffix[-1:] == "s" and _counted(suffix[:-1]):
                kind = self._terms.get(suffix[:-1])  # "mrns", "member_ids": a collection of identifiers
                if kind in _COUNTED_IDS:
                    suffix = suffix[:-1]
                else:
                    kind = None
            prefix = words[:i]
            if kind is not None:
                blocked = _BLOCKED_BY.get(suffix)
                if blocked is not None and any(w in blocked for w in prefix) and PERSON_WORDS.isdisjoint(prefix):
                    return None  # server_ip, cert_fingerprint, vendor_city; not patient_office_city
                if suffix in _PERSON_ONLY_PREFIX and not all(w in PERSON_WORDS or w in _LEADING for w in prefix):
                    return None
                return kind
            contextual = _CONTEXTUAL.get(suffix)
            if contextual is not None and (person or any(w in PERSON_WORDS for w in prefix)):
                if contextual == "ID" and prefix and prefix[-1] in _NOT_PERSON_IDS:
                    return None  # versionId, requestId, traceId: about the record, not the person
                if suffix in _NAME_PARTS and prefix and prefix[-1] not in PERSON_WORDS:
                    return None  # "subscriber_last" is a surname, "timestamp_last" is not
                return contextual
        return None

    def names(self) -> Iterable[str]:
        """Every catalogue term (run-together form)."""
        return self._terms.keys()


DEFAULT_CATALOGUE: Final = KeyCatalogue()
