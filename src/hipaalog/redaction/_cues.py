"""Cue words: the few words before (or after) a value that make it an identifier.

Cues are matched as whole words, never as substrings, and a word counts only when written in
lower case, Title Case or UPPER CASE (``dob``, ``Dob``, ``DOB``; not ``dOb``). The same tables
feed the gate (:mod:`._gate`), which looks for each phrase's key word in the text's word set, and
the detectors, which check the words just before a candidate value. So the gate selects a
detector whenever the detector could fire.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Final, NamedTuple

from ._near import word_regex

__all__ = [
    "AFTER_AGE",
    "BEFORE_AGE",
    "CLINICAL_WORDS",
    "CONTACT_PREPOSITIONS",
    "CONTACT_SENTENCE_WORDS",
    "CONTACT_WORDS",
    "CUED_IDS",
    "DATES",
    "DATE_BRIDGES",
    "FILE_EXTENSION",
    "FILE_EXTENSIONS",
    "NAMES",
    "NAME_PART_KEYS",
    "PERSON_KEYS",
    "PHONES",
    "QUERY_KEY",
    "SEARCH_KEYS",
    "YEARS_OF_AGE",
    "CueTable",
    "cased",
    "words_after",
    "words_before",
]

_STRIP: Final = ".,:;=#()[]{}\"'<>!?*|-–—"
_SENTENCE_END: Final = frozenset(".!?;")
_FILLERS: Final = frozenset(
    {"is", "was", "of", "on", "at", "the", "a", "an", "=", ":", "-", "to", "el", "le", "am", "em", "il", "op", "dnia"}
)
RECORD_VERBS: Final = frozenset(
    {"scanned", "captured", "entered", "updated", "changed", "set", "recorded", "provided", "presented", "verified"}
)
"""What was done to a document or a record, between its cue and its value (``id card scanned: D1234567``,
``MBI updated to 1EG4TE5MK73``): read through only before a value shaped like an identifier."""
INVENTORY_WORDS: Final = frozenset(
    {"server", "host", "node", "rack", "asset", "inventory", "switch", "router", "disk", "drive", "chassis", "blade"}
    | {"firewall", "appliance", "cert", "certificate", "git", "image", "docker", "release", "version", "build", "vm"}
)
"""Words before ``serial``, ``tag`` or ``device`` that make it the service's hardware or software (``server serial
SRV-0664101``, ``asset tag IT-264162``, ``git tag v2``), not a patient's device or car."""
_CLOCK: Final = re.compile(r"[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?(?:am|pm|AM|PM)?")
_DOTTED: Final = re.compile(r"(?:[A-Za-z]{1,2}\.)+")
"""An abbreviation written with dots (``d.o.b.``, ``e.g.``): its last dot ends no sentence."""
_SNAKE_KEY: Final = re.compile(r"[A-Za-z]+(?:_[A-Za-z]+)+[:=]?")
"""A snake_case key standing alone (``discharge_date``, ``member_id:``), read as its words."""
_NUMBER_ABBREVIATIONS: Final = ("-nr.", "-Nr.", "-NR.", "-no.", "-No.", "-NO.")
"""A number word glued to its cue by a dash (``Führerschein-Nr.``): its dot ends no sentence."""
NUMBER_WORDS: Final = frozenset({"number", "no", "num", "nbr", "nr", "id", "#", "ids"})
_ID_WORDS: Final = frozenset({"id", "ids"})


def _case_ok(word: str) -> bool:
    """Lower, Title or UPPER case, an acronym's plural (``MRNs``, ``VINs``), or no case at all (digits, a word
    of Arabic or Devanagari script)."""
    return (
        word.islower()
        or word.isupper()
        or word.istitle()
        or word.lower() == word.upper()
        or (word[-1] == "s" and word[:-1].isupper())
    )


def words_before(text: str, position: int, count: int = 5, window: int = 64) -> list[str]:
    """Up to ``count`` lowercase words ending just before ``position``; a mis-cased word ends the list.

    ``#`` splits words (``MRN#123`` -> ``mrn``, ``#``) and counts as a word of its own; ``=`` and ``_``
    split words (``data=MRN 00482913`` -> ``data``, ``mrn``; ``discharge_date 2024-03-12`` -> ``discharge``,
    ``date``). A word of
    more than three letters ending a sentence (``name.``) ends the list: abbreviations (``pt.``,
    ``Dr.``, ``no.``, ``d.o.b.``) do not.
    """
    start = position - window
    chunk = text[start:position] if start > 0 else text[:position]
    if "\n" in chunk:
        ended = max(chunk.rfind(".\n"), chunk.rfind("!\n"), chunk.rfind("?\n"))
        if ended >= 0:  # "Subject: ... son.\nDate:": a sentence ended with its line; no cue reaches past it
            chunk = chunk[ended + 2 :]
            start = 0
    if "#" in chunk:
        chunk = chunk.replace("#", " # ")
    if "=" in chunk:
        chunk = chunk.replace("=", " ")
    if "|" in chunk:  # "NTE|1||aged 97": a field separator (HL7, pipe tables) ends a word as a space does
        chunk = chunk.replace("|", " ")
    raw = chunk.split()
    if "_" in chunk:  # "discharge_date 2024-03-12": a snake_case key's words (no call: "remind_patient('Main'")
        raw = [part for word in raw for part in (word.split("_") if _SNAKE_KEY.fullmatch(word) else (word,)) if part]
    if start > 0 and raw:
        del raw[0]  # the first word may be cut
    out: list[str] = []
    for word in reversed(raw[-count - 2 :]):
        if (
            word[-1] in _SENTENCE_END
            and len(word) > 4
            and _DOTTED.fullmatch(word) is None
            and not word.endswith(_NUMBER_ABBREVIATIONS)
        ):
            break  # "... by name. Subclasses": a sentence ended; the words before it are not cues
        bare = word.strip(_STRIP) if word != "#" else "#"
        if not bare:
            continue
        if not (
            bare.islower()
            or bare.isupper()
            or bare.istitle()
            or bare.lower() == bare.upper()
            or (bare[-1] == "s" and bare[:-1].isupper())
        ):
            break  # inlined _case_ok (no case at all: digits, Arabic or Devanagari): runs for every candidate
        out.append(bare.lower())
        if len(out) == count:
            break
    out.reverse()
    return out


def words_after(text: str, position: int, count: int = 3) -> list[str]:
    """Up to ``count`` lowercase words starting at ``position`` (``-`` and ``.`` split words)."""
    chunk = text[position : position + 40].replace("-", " ").replace(".", " ")
    out = []
    for word in chunk.split()[:count]:
        bare = word.strip(_STRIP)
        if bare and _case_ok(bare):
            out.append(bare.lower())
        else:
            break
    return out


class Cue(NamedTuple):
    words: tuple[str, ...]
    kind: str
    needs_number_word: bool
    key: str
    id_is_no_number: bool = False


class CueTable:
    """Phrases (``"medical record"``, ``"member #"``) and the kind of value they announce.

    A phrase ending in a number word (``id``, ``number``, ``no``, ``#``) requires one; a phrase ending in the
    spelled-out ``number`` requires one that is not ``id`` (``group number`` for ``group no``, ``grp #``, but
    no ``group id``, which names consumer and user groups). Any phrase may be followed by number words and
    fillers (``is``, ``was``, ``of``, ``on``, ``at``).
    """

    def __init__(self, entries: Iterable[tuple[str, str]], *, key_words: dict[str, str] | None = None) -> None:
        self._by_last: dict[str, list[Cue]] = {}
        keys: set[str] = set()
        for phrase, kind in entries:
            words = phrase.split()
            needs = words[-1] in NUMBER_WORDS
            not_id = words[-1] == "number"
            if needs:
                words = words[:-1]
            key = (key_words or {}).get(phrase) or max(words, key=len)
            cue = Cue(tuple(words), kind, needs, key, not_id)
            self._by_last.setdefault(words[-1], []).append(cue)
            keys.add(key)
        for cues in self._by_last.values():
            cues.sort(key=lambda c: -len(c.words))
        self.key_words: frozenset[str] = frozenset(keys)
        """One word of every phrase: the gate selects the table's detectors when one of these is present."""
        self.last_words: frozenset[str] = frozenset(self._by_last)
        """The last word of every phrase (number words left out): :meth:`match` needs one of them."""
        self._screen = word_regex(self.last_words)
        self.alone: frozenset[str] = frozenset(
            word
            for word, cues in self._by_last.items()
            if any(len(cue.words) == 1 and not cue.needs_number_word for cue in cues)
            and word not in _FILLERS
            and word not in NUMBER_WORDS
            and not _CLOCK.fullmatch(word)
        )
        """The words that are a phrase by themselves: ``match([word])`` finds a kind exactly for these."""

    def before(self, text: str, position: int, count: int = 5) -> str | None:
        """``match(words_before(text, position, count))``, answered at once when no last word of a phrase
        is in the 64 characters before ``position`` (a word there is one of them, lowered, only if the
        lowered characters hold it between two characters that are no letters)."""
        if not self.may_match(text, position):
            return None
        return self.match(words_before(text, position, count))

    def may_match(self, text: str, position: int) -> bool:
        """Whether a last word of a phrase may be among the words before ``position`` (``False`` is certain:
        then :meth:`match` finds nothing in them, nor in any of their beginnings)."""
        start = position - 64
        chunk = text[start:position] if start > 0 else text[:position]
        return self._screen.search(chunk.lower()) is not None

    def match(self, words: list[str]) -> str | None:
        """The kind announced by the end of ``words`` (as returned by :func:`words_before`), or ``None``."""
        end = len(words)
        while end and (
            words[end - 1] in _FILLERS or ("0" <= words[end - 1][:1] <= "9" and _CLOCK.fullmatch(words[end - 1]))
        ):
            end -= 1  # "time of death 02:14 on": the time of day between a cue and its date
        numbered = False
        numbered_not_id = False
        while end and words[end - 1] in NUMBER_WORDS:
            numbered = True
            numbered_not_id = numbered_not_id or words[end - 1] not in _ID_WORDS
            end -= 1
        while end and words[end - 1] in _FILLERS:
            end -= 1
        if not end:
            return None
        for cue in self._by_last.get(words[end - 1], ()):
            size = len(cue.words)
            if size <= end and tuple(words[end - size : end]) == cue.words:
                if cue.id_is_no_number and not numbered_not_id:
                    continue
                if numbered or not cue.needs_number_word:
                    return cue.kind
        return None


def _split(text: str) -> list[str]:
    return text.split()


def cased(words: Iterable[str]) -> frozenset[str]:
    """Each word in lower case, Title Case and UPPER CASE, and a plural also as an acronym's (``MRNs``)."""
    out: set[str] = set()
    for word in words:
        out.update((word.lower(), word.title(), word.upper()))
        if len(word) > 2 and word[-1] == "s":
            out.add(word[:-1].upper() + "s")
    return frozenset(out)


_MORE_ID_CUES: Final = (
    *(("mrns", "MRN"), ("mrn list", "MRN"), ("emr #", "MRN"), ("chart list", "MRN"), ("patientennummer", "MRN")),
    *(("fallnummer", "MRN"), ("expediente", "MRN"), ("historia clinica", "MRN"), ("historia clínica", "MRN")),
    *(("dossier medical", "MRN"), ("dossier médical", "MRN"), ("prontuario", "MRN"), ("prontuário", "MRN")),
    *(("accounts", "ACCOUNT"), ("accts", "ACCOUNT"), ("a/c", "ACCOUNT"), ("acc #", "ACCOUNT"), ("compte", "ACCOUNT")),
    *(("conta", "ACCOUNT"), ("cuenta", "ACCOUNT"), ("konto", "ACCOUNT"), ("kontonummer", "ACCOUNT")),
    *(("sub #", "MEMBER_ID"), ("pol #", "MEMBER_ID"), ("ins #", "MEMBER_ID"), ("subscribers", "MEMBER_ID")),
    *(("members", "MEMBER_ID"), ("adherent", "MEMBER_ID"), ("adhérent", "MEMBER_ID"), ("d'adhérent", "MEMBER_ID")),
    *(("d'adherent", "MEMBER_ID"), ("mitgliedsnummer", "MEMBER_ID"), ("versichertennummer", "MEMBER_ID")),
    *(("carteirinha", "MEMBER_ID"), ("poliza", "MEMBER_ID"), ("póliza", "MEMBER_ID"), ("apolice", "MEMBER_ID")),
    *(("apólice", "MEMBER_ID"), ("afiliado", "MEMBER_ID"), ("policies", "MEMBER_ID")),
    *(("policyholder", "MEMBER_ID"), ("policy holder", "MEMBER_ID"), ("cardholder", "MEMBER_ID")),
    *(("insured", "MEMBER_ID"), ("asegurado", "MEMBER_ID"), ("assuré", "MEMBER_ID"), ("segurado", "MEMBER_ID")),
    *(("krankenakte", "MRN"), ("krankenaktennummer", "MRN"), ("aktennummer", "MRN"), ("dossier patient", "MRN")),
    *(("numéro de dossier", "MRN"), ("numero de dossier", "MRN"), ("n° de dossier", "MRN"), ("no de dossier", "MRN")),
    *(("permis de conduire", "LICENSE"), ("führerschein", "LICENSE"), ("fuhrerschein", "LICENSE")),
    *(("führerscheinnummer", "LICENSE"), ("führerschein-nr", "LICENSE"), ("licencia de conducir", "LICENSE")),
    *(("licencia", "LICENSE"), ("licença", "LICENSE"), ("carteira de motorista", "LICENSE"), ("cnh", "LICENSE")),
    *(("carnet de conducir", "LICENSE"), ("patente di guida", "LICENSE"), ("licenca", "LICENSE")),
    *(("fuhrerscheinnummer", "LICENSE"), ("fuhrerschein-nr", "LICENSE"), ("assure", "MEMBER_ID")),
    *(("serials", "DEVICE"), ("ser #", "DEVICE"), ("seriennummer", "DEVICE"), ("serie", "DEVICE")),
    *(("série", "DEVICE"), ("meter", "DEVICE"), ("cpap", "DEVICE"), ("vins", "VEHICLE")),
    *(("lic", "LICENSE"), ("state id", "LICENSE"), ("id card", "LICENSE"), ("identity card", "LICENSE")),
    *(("permit", "LICENSE"), ("cgm", "DEVICE"), ("mbi", "MEMBER_ID"), ("certificate", "LICENSE")),
    *(("cert", "LICENSE"), ("hic", "MEMBER_ID"), ("hicn", "MEMBER_ID"), ("ins id", "MEMBER_ID")),
)
"""Abbreviations, plurals that open a list (``MRNs: a, b``) and the words of other languages for the same ids.
The words that also count things of no person (``compte``, ``conta``, ``serie``, ``meter``, ``state``,
``permit``) need a value shaped like an identifier (:data:`._context._SHAPED_CUES`)."""

CUED_IDS: Final = CueTable(
    [
        ("mrn", "MRN"),
        ("medical record", "MRN"),
        ("med rec", "MRN"),
        ("medrec", "MRN"),
        ("chart #", "MRN"),
        ("mr #", "MRN"),
        ("hospital number", "MRN"),
        ("hosp number", "MRN"),
        ("chart", "MRN"),
        ("health record", "MRN"),
        ("record number", "MRN"),
        ("encounter number", "ID"),
        ("enc number", "ID"),
        ("visit number", "ID"),
        ("claim number", "ID"),
        ("policy", "MEMBER_ID"),
        ("grp", "MEMBER_ID"),
        ("patient #", "PATIENT"),
        ("pt #", "PATIENT"),
        ("patient", "PATIENT"),
        ("pt", "PATIENT"),
        ("resident", "PATIENT"),
        *(("patienten", "PATIENT"), ("patientin", "PATIENT"), ("paciente", "PATIENT"), ("patiente", "PATIENT")),
        *(("paziente", "PATIENT"), ("pacjent", "PATIENT"), ("pacjenta", "PATIENT")),
        ("member #", "MEMBER_ID"),
        ("member", "MEMBER_ID"),
        ("mbr", "MEMBER_ID"),
        ("subscriber", "MEMBER_ID"),
        ("beneficiary", "MEMBER_ID"),
        ("medicaid", "MEMBER_ID"),
        ("medicare", "MEMBER_ID"),
        ("policy #", "MEMBER_ID"),
        ("insurance #", "MEMBER_ID"),
        ("plan member", "MEMBER_ID"),
        ("health plan", "MEMBER_ID"),
        ("plan number", "MEMBER_ID"),
        ("enrollee", "MEMBER_ID"),
        ("group number", "MEMBER_ID"),
        ("grp number", "MEMBER_ID"),
        ("insurance group", "MEMBER_ID"),
        ("plan group", "MEMBER_ID"),
        ("account #", "ACCOUNT"),
        ("account", "ACCOUNT"),
        ("acct", "ACCOUNT"),
        ("bank account", "ACCOUNT"),
        ("iban", "ACCOUNT"),
        ("license", "LICENSE"),
        ("licence", "LICENSE"),
        ("dl #", "LICENSE"),
        ("dl", "LICENSE"),
        ("dln", "LICENSE"),
        ("certificate #", "LICENSE"),
        ("birth certificate", "LICENSE"),
        ("death certificate", "LICENSE"),
        ("marriage certificate", "LICENSE"),
        ("passport", "LICENSE"),
        ("permit #", "LICENSE"),
        ("license plate", "VEHICLE"),
        ("plate", "VEHICLE"),
        ("tag #", "VEHICLE"),
        ("vin", "VEHICLE"),
        ("vehicle", "VEHICLE"),
        ("serial", "DEVICE"),
        ("s/n", "DEVICE"),
        ("device", "DEVICE"),
        *(("gerat", "DEVICE"), ("geraet", "DEVICE"), ("dispositivo", "DEVICE"), ("dispositif", "DEVICE")),
        *(("appareil", "DEVICE"), ("apparecchio", "DEVICE"), ("pumpe", "DEVICE")),
        *(("marcapasos", "DEVICE"), ("insulinpumpe", "DEVICE")),
        *(("herzschrittmacher", "DEVICE"), ("stimulateur", "DEVICE"), ("bomba de insulina", "DEVICE")),
        ("imei", "DEVICE"),
        ("pump", "DEVICE"),
        ("udi", "DEVICE"),
        ("sn", "DEVICE"),
        ("meid", "DEVICE"),
        ("transmitter", "DEVICE"),
        ("pacemaker", "DEVICE"),
        ("defibrillator", "DEVICE"),
        ("neurostimulator", "DEVICE"),
        ("glucometer", "DEVICE"),
        ("hearing aid", "DEVICE"),
        ("implant", "DEVICE"),
        ("mac", "DEVICE"),
        ("mac address", "DEVICE"),
        ("hwaddr", "DEVICE"),
        ("bssid", "DEVICE"),
        ("kennzeichen", "VEHICLE"),
        ("immatriculation", "VEHICLE"),
        ("matricula", "VEHICLE"),
        ("targa", "VEHICLE"),
        ("kenteken", "VEHICLE"),
        ("number plate", "VEHICLE"),
        ("rego", "VEHICLE"),
        *_MORE_ID_CUES,
        ("ssn", "SSN"),
        ("ss #", "SSN"),
        ("social security", "SSN"),
        ("social", "SSN"),
        ("soc sec", "SSN"),
        ("npi", "NPI"),
    ],
    key_words={
        "license plate": "plate",
        "number plate": "plate",
        "hearing aid": "hearing",
        "mac address": "mac",
        "social security": "security",
        "soc sec": "soc",
        "plan member": "member",
        "insurance group": "group",
        "plan group": "group",
        "health record": "record",
        "medical record": "medical",
        "bank account": "account",
        "mrn list": "mrn",
        "chart list": "chart",
        "dossier medical": "dossier",
        "dossier médical": "dossier",
        "führerschein-nr": "führerschein",
        "fuhrerschein-nr": "fuhrerschein",
        "n° de dossier": "dossier",
    },
)
"""Cues of identifiers written as a token with digits (``MRN 00123456``, ``member ID XGH1234567``)."""

PHONES: Final = CueTable(
    [
        ("phone", "PHONE"),
        ("tel", "PHONE"),
        ("telephone", "PHONE"),
        ("cell", "PHONE"),
        ("mobile", "PHONE"),
        ("ph", "PHONE"),
        ("call", "PHONE"),
        ("contact", "PHONE"),
        ("callback", "PHONE"),
        ("caller id", "PHONE"),
        ("callerid", "PHONE"),
        ("sms", "PHONE"),
        ("text", "PHONE"),
        ("home", "PHONE"),
        ("work", "PHONE"),
        ("voicemail", "PHONE"),
        ("whatsapp", "PHONE"),
        ("texted", "PHONE"),
        ("telefone", "PHONE"),
        ("telefono", "PHONE"),
        ("celular", "PHONE"),
        ("movil", "PHONE"),
        ("handy", "PHONE"),
        ("telefon", "PHONE"),
        ("portable", "PHONE"),
        ("fax", "FAX"),
        ("faxed", "FAX"),
    ]
)
"""Cues of a phone number written as ten bare digits (``phone 4155550132``)."""

_MORE_DATE_CUES: Final = (
    *(("disch", "DATE"), ("discharge dt", "DATE"), ("date of procedure", "DATE"), ("procedure dt", "DATE")),
    *(("collection date", "DATE"), ("date of collection", "DATE"), ("specimen collected", "DATE")),
    *(("sample collected", "DATE"), ("specimen drawn", "DATE"), ("blood drawn", "DATE"), ("labs drawn", "DATE")),
    *(("administered", "DATE"), ("vaccinated", "DATE"), ("immunized", "DATE"), ("pt checked in", "DATE")),
    *(("patient checked in", "DATE"), ("inpatient", "DATE"), ("inpatient stay", "DATE")),
    *(("hospital stay", "DATE"), ("no-show", "DATE"), ("no-showed", "DATE"), ("date of visit", "DATE")),
    *(("visite", "DATE"), ("date de visite", "DATE"), ("date de la visite", "DATE"), ("besuchsdatum", "DATE")),
    *(("behandlungsdatum", "DATE"), ("fecha de atencion", "DATE"), ("fecha de atención", "DATE")),
    *(("appointments", "DATE"), ("appts", "DATE"), ("visits", "DATE"), ("admissions", "DATE"), ("encounters", "DATE")),
    *(("svc dates", "DATE"), ("adm", "DATE"), ("triage", "DATE"), ("ed arrival", "DATE")),
    *(("er arrival", "DATE"), ("arrival date", "DATE"), ("lab collection", "DATE"), ("specimen", "DATE")),
    *(("lab draw", "DATE"), ("blood draw", "DATE"), ("procedure performed", "DATE"), ("exam performed", "DATE")),
    *(("op date", "DATE"), ("post-op", "DATE"), ("postop", "DATE"), ("infusion given", "DATE"), ("dose given", "DATE")),
    *(("vaccine given", "DATE"), ("injection given", "DATE"), ("rx written", "DATE"), ("prescribed", "DATE")),
    *(("telehealth", "DATE"), ("televisit", "DATE"), ("tele-visit", "DATE"), ("seen in clinic", "DATE")),
    *(("discharged home", "DATE"), ("mri", "DATE"), ("x-ray", "DATE"), ("xray", "DATE"), ("ct scan", "DATE")),
    *(("ultrasound", "DATE"), ("mammogram", "DATE"), ("echocardiogram", "DATE"), ("biopsy", "DATE")),
    *(("exame", "DATE"), ("examen", "DATE"), ("d'examen", "DATE"), ("untersuchung", "DATE")),
    *(("dates of service", "DATE"), ("service dates", "DATE"), ("visit dates", "DATE"), ("dates of visit", "DATE")),
    *(("data do atendimento", "DATE"), ("data da consulta", "DATE"), ("data de alta", "DATE")),
    *(("d/c date", "DATE"), ("dc date", "DATE"), ("d/c'd", "DATE"), ("dc'd", "DATE"), ("date of discharge", "DATE")),
    *(("date of admission", "DATE"), ("fecha de servicio", "DATE"), ("fecha del servicio", "DATE")),
    *(("fecha de alta", "DATE"), ("fecha de ingreso", "DATE"), ("fecha de egreso", "DATE"), ("egreso", "DATE")),
    *(("date de soins", "DATE"), ("date des soins", "DATE"), ("date de sortie", "DATE"), ("date d'admission", "DATE")),
    *(("date d'entrée", "DATE"), ("date de la consultation", "DATE"), ("date de consultation", "DATE")),
    *(("leistungsdatum", "DATE"), ("entlassungsdatum", "DATE"), ("aufnahmedatum", "DATE"), ("behandlungstag", "DATE")),
    *(("data do serviço", "DATE"), ("data de internação", "DATE"), ("data da internação", "DATE")),
    *(("data do servico", "DATE"), ("data de internacao", "DATE"), ("data da internacao", "DATE")),
    *(("date d'entree", "DATE"), ("pronounced dead", "DATE"), ("sent home", "DATE"), ("pt expired", "DATE")),
    *(("patient expired", "DATE"), ("resident expired", "DATE")),
    *(("dc'd home", "DATE"), ("d/c'd home", "DATE")),
    *(("d/c home", "DATE"), ("dc home", "DATE"), ("discharged to", "DATE"), ("date of demise", "DATE")),
    *(("fecha de fallecimiento", "DATE"), ("fecha de defuncion", "DATE"), ("fecha de defunción", "DATE")),
    *(("date de décès", "DATE"), ("date de deces", "DATE"), ("décédé le", "DATE"), ("decede le", "DATE")),
    *(("verstorben am", "DATE"), ("sterbedatum", "DATE"), ("todesdatum", "DATE"), ("entlassen am", "DATE")),
    *(("data do óbito", "DATE"), ("data do obito", "DATE"), ("data di morte", "DATE"), ("data del decesso", "DATE")),
    *(("data di dimissione", "DATE"), ("dimesso il", "DATE"), ("overlijdensdatum", "DATE"), ("ontslagdatum", "DATE")),
)
"""Events of care written short (``disch``, ``adm.``, ``op date``; not ``svc`` alone, a service's too), of a
specimen, a dose or an image (``specimen drawn``, ``infusion given``, ``MRI``), plurals that open a list
(``appointments``) and dates of a visit in other languages; not ``checked in``, ``collected`` or ``follow up``
alone (code is checked in, garbage collected, a vendor followed up)."""

DATES: Final = CueTable(
    [
        ("dob", "DOB"),
        ("date of birth", "DOB"),
        ("birth date", "DOB"),
        ("birthdate", "DOB"),
        ("birthday", "DOB"),
        ("born", "DOB"),
        ("birth", "DOB"),
        ("admitted", "DATE"),
        ("admission", "DATE"),
        ("admission date", "DATE"),
        ("admit date", "DATE"),
        ("admit", "DATE"),
        ("discharged", "DATE"),
        ("discharge", "DATE"),
        ("discharge date", "DATE"),
        ("date of death", "DATE"),
        ("died", "DATE"),
        ("death", "DATE"),
        ("deceased", "DATE"),
        ("death date", "DATE"),
        ("dos", "DATE"),
        ("date of service", "DATE"),
        ("service date", "DATE"),
        ("date of svc", "DATE"),
        ("svc date", "DATE"),
        ("visit date", "DATE"),
        ("seen", "DATE"),
        ("visited", "DATE"),
        ("appointment", "DATE"),
        ("appointment date", "DATE"),
        ("surgery", "DATE"),
        ("surgery date", "DATE"),
        ("procedure date", "DATE"),
        ("date of injury", "DATE"),
        ("injury date", "DATE"),
        ("doi", "DATE"),
        ("appt", "DATE"),
        ("appt date", "DATE"),
        ("follow-up", "DATE"),
        ("followup", "DATE"),
        ("f/u", "DATE"),
        ("dod", "DATE"),
        ("passed away", "DATE"),
        ("time of death", "DATE"),
        ("onset", "DATE"),
        ("hospitalized", "DATE"),
        ("hospitalised", "DATE"),
        ("accident", "DATE"),
        ("date of accident", "DATE"),
        ("rescheduled", "DATE"),
        ("visit", "DATE"),
        ("eligible", "DATE"),
        ("eligibility", "DATE"),
        ("geb", "DOB"),
        ("geb.", "DOB"),
        ("geboren", "DOB"),
        ("geburtsdatum", "DOB"),
        ("nacido", "DOB"),
        ("nacida", "DOB"),
        ("fecha de nacimiento", "DOB"),
        ("ne", "DOB"),
        ("nee", "DOB"),
        ("date de naissance", "DOB"),
        ("data de nascimento", "DOB"),
        ("nascido", "DOB"),
        ("nascida", "DOB"),
        ("nato", "DOB"),
        ("nata", "DOB"),
        ("data di nascita", "DOB"),
        ("d.o.b", "DOB"),
        ("dogum", "DOB"),
        ("dogum tarihi", "DOB"),
        ("urodzony", "DOB"),
        ("urodzona", "DOB"),
        ("data urodzenia", "DOB"),
        ("geboortedatum", "DOB"),
        ("reschedule", "DATE"),
        ("verify", "DOB"),
        ("verified", "DOB"),
        ("verification", "DOB"),
        ("d/c", "DATE"),
        ("cita", "DATE"),
        ("consulta", "DATE"),
        ("termin", "DATE"),
        ("rdv", "DATE"),
        ("rendez-vous", "DATE"),
        ("appuntamento", "DATE"),
        ("afspraak", "DATE"),
        ("wizyta", "DATE"),
        ("randevu", "DATE"),
        ("ingreso", "DATE"),
        ("ingresado", "DATE"),
        ("ingresada", "DATE"),
        ("internado", "DATE"),
        ("internada", "DATE"),
        ("aufnahme", "DATE"),
        ("aufgenommen", "DATE"),
        ("entlassung", "DATE"),
        ("entlassen", "DATE"),
        ("admis", "DATE"),
        ("admise", "DATE"),
        ("ricovero", "DATE"),
        ("ricoverato", "DATE"),
        ("ricoverata", "DATE"),
        ("dimissione", "DATE"),
        ("opname", "DATE"),
        ("ontslag", "DATE"),
        ("fallecido", "DATE"),
        ("fallecida", "DATE"),
        ("verstorben", "DATE"),
        ("gestorben", "DATE"),
        ("deces", "DATE"),
        ("decede", "DATE"),
        ("decedee", "DATE"),
        ("falecido", "DATE"),
        ("falecida", "DATE"),
        ("svc dt", "DATE"),
        ("service dt", "DATE"),
        ("admit dt", "DATE"),
        ("adm dt", "DATE"),
        ("disch dt", "DATE"),
        ("dc dt", "DATE"),
        ("visit dt", "DATE"),
        ("appt dt", "DATE"),
        ("death dt", "DATE"),
        ("proc dt", "DATE"),
        ("encounter", "DATE"),
        ("encounter date", "DATE"),
        ("enc date", "DATE"),
        ("appointment for", "DATE"),
        ("appt for", "DATE"),
        ("appointment scheduled for", "DATE"),
        ("appt scheduled for", "DATE"),
        ("appointment booked for", "DATE"),
        ("appt booked for", "DATE"),
        ("appointment set for", "DATE"),
        ("visit scheduled for", "DATE"),
        ("surgery scheduled for", "DATE"),
        ("admission scheduled for", "DATE"),
        *_MORE_DATE_CUES,
    ],
    key_words={
        "birth date": "birth",
        "admission date": "admission",
        "admit date": "admit",
        "discharge date": "discharge",
        "death date": "death",
        "service date": "service",
        "visit date": "visit",
        "appointment date": "appointment",
        "surgery date": "surgery",
        "procedure date": "procedure",
        "injury date": "injury",
        "appt date": "appt",
        "passed away": "away",
        "time of death": "death",
        "date of accident": "accident",
        "fecha de nacimiento": "nacimiento",
        "date de naissance": "naissance",
        "data de nascimento": "nascimento",
        "data di nascita": "nascita",
        "dogum tarihi": "dogum",
        "data urodzenia": "urodzenia",
        "encounter date": "encounter",
        "enc date": "enc",
        "appointment for": "appointment",
        "appt for": "appt",
        "appointment scheduled for": "appointment",
        "appt scheduled for": "appt",
        "appointment booked for": "appointment",
        "appt booked for": "appt",
        "appointment set for": "appointment",
        "visit scheduled for": "visit",
        "surgery scheduled for": "surgery",
        "admission scheduled for": "admission",
        "discharge dt": "discharge",
        "date of procedure": "procedure",
        "procedure dt": "procedure",
        "collection date": "collection",
        "date of collection": "collection",
        "specimen collected": "specimen",
        "sample collected": "sample",
        "specimen drawn": "specimen",
        "blood drawn": "blood",
        "labs drawn": "labs",
        "pt checked in": "checked",
        "patient checked in": "checked",
        "inpatient stay": "inpatient",
        "hospital stay": "hospital",
        "date of visit": "visit",
        "date de visite": "visite",
        "date de la visite": "visite",
        "fecha de atencion": "atencion",
        "fecha de atención": "atención",
        "data do atendimento": "atendimento",
        "data da consulta": "consulta",
        "data de alta": "alta",
        "dates of service": "service",
        "service dates": "service",
        "visit dates": "visit",
        "dates of visit": "visit",
        "date d'admission": "admission",
        "date d'entrée": "entrée",
        "date d'entree": "entree",
    },
)
"""Cues of a date about a person: birth (``DOB``) and events of care or death (``DATE``)."""

ZIPS: Final = CueTable(
    [
        ("zip", "ZIP"),
        ("zip code", "ZIP"),
        ("zipcode", "ZIP"),
        ("postal code", "ZIP"),
        ("post code", "ZIP"),
        ("postcode", "ZIP"),
        ("postal", "ZIP"),
        ("zips", "ZIP"),
        ("zip+4", "ZIP"),
        ("zip5", "ZIP"),
        ("zip4", "ZIP"),
        ("zip9", "ZIP"),
        ("zip codes", "ZIP"),
        ("postcodes", "ZIP"),
        ("cp", "ZIP"),
        ("plz", "ZIP"),
    ],
    key_words={"zip code": "zip", "post code": "post", "zip codes": "zip"},
)
"""Cues of a ZIP code without a state before it (``cp``: código or code postal; ``PLZ``)."""

CLINICAL_WORDS: Final = frozenset(
    {"patient", "pt", "hpi", "y/o", "yo", "c/o", "presenting", "pain", "symptoms", "symptom"}
    | {"fever", "cough", "nausea", "swelling", "rash", "bleeding", "dizziness", "sob", "complains"}
    | {"paciente", "patiente", "patientin", "paziente", "pacjent", "pacjentka", "hasta"}
)
"""Words of a clinical note about a person: a date after ``since``/``from`` in their clause is one of the
person's (``41 y/o presenting w/ rlq pain since 10/16/24``)."""
DATE_BRIDGES: Final = frozenset(
    {"since", "from", "until", "till", "thru", "through", "el", "le", "am", "on", "desde", "seit", "depuis"}
    | {"dal", "sinds", "od", "em", "op", "ab", "des", "du", "dia", "del", "vom", "au", "al", "a", "do", "to"}
)
"""Words between an event of a person's (a cue earlier in the clause) and its date (``cita para Jane Roe el
2026-10-22``, ``reschedule request Roe, Jane from 2024-09-27``)."""

CONTACT_WORDS: Final = frozenset(
    {"phone", "telephone", "tel", "mobile", "mob", "cell", "handy", "fax", "sms", "whatsapp", "call", "callback"}
    | {"contact", "nok", "kin", "emergency", "guardian", "caregiver", "spouse", "wife", "husband", "partner"}
    | {"mother", "father", "mom", "dad", "son", "daughter", "sister", "brother", "parent", "relative"}
    | {
        "cb",
        "caller",
        "reach",
        "reachable",
        "called",
        "phoned",
        "text",
        "texted",
        "dial",
        "ring",
        "voicemail",
        "landline",
    }
    | {"telefon", "telefone", "telefono", "telefonnummer", "ruckruf", "anruf", "anrufen", "erreichbar", "mobil"}
    | {"rappeler", "appeler", "joindre", "portable", "llamar", "contactar", "contacto", "contato", "ligar"}
    | {"celular", "movil", "chiamare", "richiamare", "cellulare", "bellen", "terugbellen", "zadzwonic", "komorka"}
    | {"arayin", "aranacak"}
)
"""Words that, up to six words before a number in another country's national form, make it a phone number
(``NOK: Jane Roe 07700 900123``, ``Rückruf an Frau Roe unter 030 1234567``, ``cb=06 12 34 56 78``)."""
CONTACT_SENTENCE_WORDS: Final = frozenset(
    {"phone", "telephone", "mobile", "cell", "sms", "fax", "whatsapp", "landline", "text", "voicemail", "caller"}
    | {"telefon", "telefone", "telefono", "ruckruf", "anruf", "rappeler", "appeler", "llamar", "ligar", "chiamare"}
)
"""Words that make a national-form number right after ``from``/``to``/``an``/``unter``/``au`` in their
sentence a phone number (``sms opt-out keyword STOP from 0373 971 4552``)."""
CONTACT_PREPOSITIONS: Final = frozenset(
    {"from", "to", "at", "on", "an", "unter", "au", "a", "al", "para", "per", "op", "na", "pod", "under", "via"}
)

BEFORE_AGE: Final = frozenset(
    {"age", "aged", "ages", "turned", "turns", "turning", "edad", "idade", "alter", "agee", "leeftijd", "wiek"}
)
YEARS_OF_AGE: Final = frozenset(
    {"anos", "ano", "jahre", "jahren", "jahrige", "jahriger", "jahrigen", "ans", "anni", "lat", "jaar", "jarige"}
    | {"yas", "yasinda", "yasindaki", "letni", "letnia"}
    | {"лет", "года", "år", "ar", "vuotta", "eves", "éves", "let", "rokov", "ετών"}
)
"""Words of other languages for years of age right after a number (``104 años``, ``94 Jahre``, ``96 ans``,
``92 yaşında``, ``93 лет``, ``95 år``, accents dropped): enough alone, as ``y/o`` is."""
AGE_OWNERS: Final = frozenset(
    {"pt", "patient", "member", "resident", "client", "she", "he", "mother", "father", "mom", "dad", "wife", "husband"}
    | {"grandmother", "grandfather", "grandma", "grandpa", "beneficiary", "subscriber", "enrollee"}
)
"""Words right before a number of years (``is``/``was`` between allowed) that make it someone's age (``pt 93 yrs``,
``she is 93.``, ``pt 93F``)."""
AFTER_AGE: Final = frozenset({"years", "year", "yrs", "yr", "yo", "y/o", "y", "yoa"}) | YEARS_OF_AGE
"""Words around a number that make it an age (``age 93``, ``turned 97``, ``93 years old``, ``93 y/o``, ``104 años``)."""

NAMES: Final = CueTable(
    [
        (word, "NAME")
        for word in _split(
            "patient pt name named member subscriber insured guarantor beneficiary resident caregiver guardian "
            "spouse wife husband mother father son daughter parent sibling sister brother kin nok decedent contact "
            "recipient cardholder claimant signer coworker attendee interpreter enrollee policyholder addressee "
            "grandmother grandfather grandson granddaughter aunt uncle nephew niece cousin stepson stepdaughter "
            "widow widower fiance fiancee"
        )
    ]
)
"""Cue words after which a capitalized word is a person's name (``patient Jane Doe``, ``name: John``)."""

TITLES: Final = frozenset(
    {"Dr", "Mr", "Mrs", "Ms", "Mx", "Miss", "Prof", "DR", "MR", "MRS", "MS", "MISS", "PROF", "MX"}
    | {"Frau", "Herr", "Fr", "Hr", "Sr", "Sra", "Srta", "Senor", "Senora", "Senorita", "Mme", "Mlle", "Madame"}
    | {"Monsieur", "Sig", "Sigra", "Signor", "Signora", "Pani", "Dhr", "Mevr", "Dott", "Dra", "Bay", "Bayan"}
    | {"senor", "senora", "senorita", "frau", "herr", "madame", "monsieur", "signora", "signor", "pani", "sra"}
    | {"srta", "mme", "mlle"}
)
"""Titles before a name, in English and other languages (case-sensitive: ``ms`` after a number is
milliseconds; letters with marks are read as ASCII, so ``Señora`` is ``Senora``)."""

FOR_WORDS: Final = frozenset({"for", "For", "FOR"})

STREET_TYPE_FIRST: Final = (
    r"(?:[Cc]alle|C/|[Aa]venida|Avda|[Rr]ua|[Pp]aseo|[Cc]arrer|[Cc]amino|[Cc]arretera|[Rr]onda|[Rr]ambla|[Pp]ra[cç]a"
    r"|[Tt]ravessa|[Ee]strada|[Ll]argo|[Vv]iale|[Cc]orso|[Pp]iazza(?:le)?|[Vv]icolo|Via|[Rr]ue|[Cc]hemin|[Aa]ll[ée]e"
    r"|[Ii]mpasse|[Qq]uai|[Uu]l\.|[Uu]lica|[Aa]leja|[Aa]l\.|[Pp]l\.|[Pp]lac|[Oo]s\.|[Oo]siedle|[Ss]okak|[Ss]ok\."
    r"|[Cc]adde(?:si)?|[Mm]ahallesi|[Ss]trada|[Bb]ulevardul|[Uu]litsa"
    r"|Andador|Callej[oó]n|Calzada|Cerrada|Circunvalaci[oó]n|Eje[ ]vial|Perif[eé]rico|Privada|Prolongaci[oó]n"
    r"|Viaducto|Alameda|Ladeira|Rodovia|Viela|Urbanizaci[oó]n|Glorieta|Pasadizo|Ca[ñn]ada|Ampliaci[oó]n|Peatonal"
    r"|Loteamento|C\.(?=[ ]de[l ]))"
)
STREET_TYPE_FIRST_WEAK: Final = (
    r"(?:Boulevard|Circuito|Continuaci[oó]n|Corredor|Diagonal|Pasaje|Retorno|Vereda|Esplanada|Borgo|Contrada|Canale"
    r"|Incrocio|Rotonda|Stretto|Cuesta|Trecho|S[ií]tio|Ch[aá]cara|Lagoa|Quadra|Conjunto|Residencial|Av\.?|Plaza"
    r"|Praia|Acceso|Bajada|Barrio|Carrera|Parque|R\.|Aeroporto|Condom[ií]nio|Col[oô]nia|Esta[cç][aã]o|Fazenda"
    r"|Jardim|Morro|N[uú]cleo|Passarela|P[aá]tio|Recanto|Setor|Trevo|Viaduto|Vila|Favela|Vial)"
)
"""Street types that are also words of other things (``Plaza Hotel 5``, ``Parque Central 3``): a street only
with a comma before its number (``Vila Nova, 12``), a flat or a town after it, or a postcode."""
STREET_TYPE_AFTER_NUMBER: Final = (
    r"(?:rue|avenue|av\.|boulevard|bd|chemin|all[ée]e|impasse|quai|place|route|cours|calle|via|rua|viale)"
)
STREET_TYPE_GLUED: Final = (
    r"(?:stra(?:ss|ß|s)e|str\.|weg|platz|gasse|allee|damm|ufer|chaussee|straat|laan|plein|gracht|steeg|gatan"
    r"|v[aä]gen|veien|vej|gr[aä]nd|stigen|backen)"
)
"""Street types of other countries: before the name (``Calle``, ``ul.``), after the building number
(``37, boulevard``), glued to the name's end (``Niendorfweg``)."""
STREET_TYPE_HYPHENED: Final = (
    r"(?:Stra(?:ss|ß|s)e|Str\.|Weg|Platz|Gasse|Allee|Ring|Damm|Ufer|Chaussee|Markt|Steig|Pfad)"
)
"""German street types after two or three hyphened names (``Marta-Kern-Platz 7``, ``Otto-Lenz-Ring 19-85``)."""
STREET_TYPE_WORDS: Final = frozenset(
    cased(
        _split(
            "calle avenida avda rua paseo carrer camino carretera ronda rambla praca travessa estrada viale corso "
            "piazza piazzale vicolo rue chemin allee impasse quai ulica aleja plac osiedle sokak cadde caddesi "
            "mahallesi strada bulevardul ulitsa avenue boulevard"
        )
    )
    | set(
        _split(
            "Andador Callejón Callejon Calzada Cerrada Circuito Circunvalación Circunvalacion Continuación "
            "Continuacion Corredor Diagonal Eje Pasaje Periférico Periferico Privada Prolongación Prolongacion "
            "Retorno Viaducto Alameda Ladeira Rodovia Viela Vereda Esplanada Borgo Contrada Canale Incrocio Rotonda "
            "Stretto Urbanización Urbanizacion Glorieta Cuesta Trecho Sítio Sitio Chácara Chacara Lagoa Quadra "
            "Conjunto Loteamento Residencial Plaza Praia Cañada Canada Pasadizo Acceso Bajada Barrio Carrera Parque "
            "Aeroporto Condomínio Condominio Colônia Colonia Estação Estacao Fazenda Jardim Morro Núcleo Nucleo "
            "Passarela Pátio Patio Recanto Setor Trevo Viaduto Vila Favela Peatonal Vial Ampliación Ampliacion"
        )
    )
    | {"Via", "Largo", "Place", "Route", "Cours", "C/", "ul", "Ul", "al", "Al", "pl", "Pl", "os", "Os", "Av", "av"}
    | {"Bd", "bd", "Sok", "sok", "Praça", "praça", "Allée", "allée"}
)
"""The street types above as the gate reads words (dots dropped; English look-alikes capitalised only)."""
STREET_GLUED_HINTS: Final = (
    "stras",
    "straß",
    "str.",
    "weg ",
    "platz",
    "gasse",
    "allee",
    "straat",
    "laan",
    "plein",
    "gracht",
    "steeg",
    "gatan",
    "vagen",
    "vägen",
    "veien",
    "vej ",
    "damm",
    "gränd",
    "grand",
    "stigen",
    "backen",
    "ufer ",
    "chaussee",
)
"""Substrings one of which a street glued to its type holds (``Birkenweg 7``): the gate looks for them first."""

# -- formats -------------------------------------------------------------------------------------
FHIR_KEYS: Final = frozenset({"resourceType", "family", "given", "display", "birthDate", "telecom", "identifier"})
"""Keys of FHIR resources (JSON keys, XML elements) whose presence as words selects the FHIR text detector."""
X12_HEADER: Final = re.compile(r"(?<![A-Za-z0-9])ISA([^A-Za-z0-9\s])")
"""The X12 interchange header, and the element separator it declares (``*`` mostly; ``|``, ``^`` too)."""
X12_MARKS: Final = ("NM1*", "DMG*", "N3*", "N4*", "REF*", "PER*", "DTP*", "DTM*", "SBR*", "CLM*", "CLP*", "COB*")
"""X12 segment ids with their element separator: one in the text selects the X12 detector."""
X12_OTHER_MARKS: Final = ("NM1|", "NM1^", "DMG|", "DMG^", "REF|", "REF^", "PER|", "PER^")
"""The same with the other element separators X12 allows (``|``, ``^``), when no ``ISA`` header declares one."""
X12_OTHER_SEPARATOR: Final = re.compile(r"(?<![A-Za-z0-9])(?:NM1|DMG|REF|PER)([|^])[0-9A-Z]{2,3}\1")
"""A name, demographics, reference or contact segment written with ``|`` or ``^`` between elements: its separator."""
MAIL_WORDS: Final = frozenset(
    {"To", "From", "Cc", "CC", "Bcc", "BCC", "TO", "FROM", "Dear", "DEAR", "Hi", "HI", "Hello", "HELLO", "Hey"}
    | {"Greetings", "Thanks", "Regards", "Sincerely", "Cheers", "Best"}
)
"""Header names and greetings that select the e-mail detector (with ``=?`` for RFC 2047 words)."""
TABLE_WORDS: Final = frozenset(
    {
        "INSERT",
        "insert",
        "REPLACE",
        "UPSERT",
        "STDIN",
        "SELECT",
        "select",
        "VALUES",
        "values",
        "STATEMENT",
        "args",
        "params",
        "PARAMS",
        "parameters",
        "Parameters",
        "bind",
        "input_value",
        "loc",
        "form",
        "WHERE",
        "where",
        "SET",
        "set",
        "datetime",
        "ImmutableMultiDict",
        "MultiDict",
    }
)
"""Words that select the positional-data detector (SQL statements and parameters, Python reprs)."""


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# -- paths and query parameters that name a person (:mod:`._paths`, :mod:`._query`) ---------------
FILE_EXTENSIONS: Final = (
    "pdf|png|jpe?g|gif|tiff?|bmp|heic|webp|dcm|dicom|docx?|xlsx?|csv|tsv|txt|rtf|odt|hl7|xml|json|zip|gz|msg|eml"
    "|mp[34]|mov|wav|m4a"
)
"""Extensions of the documents, images and exports a person's file is saved as (a regex alternation, lower
case; :data:`FILE_EXTENSION` reads them in lower or upper case)."""
FILE_EXTENSION: Final = re.compile(rf"\.(?:{FILE_EXTENSIONS}|{FILE_EXTENSIONS.upper()})(?![\w.])")
"""A document's extension, lower or upper case, ending a file name (a case-sensitive alternation: a case-blind
one scans several times slower)."""
NAME_PART_KEYS: Final = _words(
    """first last given family middle surname firstname lastname givenname familyname middlename fname lname
    mname forename forenames maiden maidenname first_name last_name given_name family_name middle_name"""
)
"""Query parameters whose value is one part of a person's name."""
PERSON_KEYS: Final = _words(
    """patient pt person who contact guarantor subscriber member holder policyholder client resident customer
    caller attendee recipient beneficiary dependent insured fullname full_name patientname patient_name
    personname person_name displayname display_name membername member_name"""
)
"""Query parameters whose value is a person (by name, when it is not a number)."""
SEARCH_KEYS: Final = _words(
    """q query search term terms s keyword keywords text filter lookup find name names display searchterm
    search_term searchtext search_text user username owner assignee author"""
)
"""Query parameters whose value is what someone typed to find something, or someone named loosely (``user``,
``owner``): a person's name among other things."""
QUERY_KEY: Final = re.compile(
    r"[?&;](?:[\w.:\[\]-]{0,40}[.:\[])?(?i:"
    + "|".join(sorted(NAME_PART_KEYS | PERSON_KEYS | SEARCH_KEYS, key=len, reverse=True))
    + r")\]?(?:[:.][\w-]+)?=[^\W\d_]"
)
"""One of these parameters with a value that opens with a letter: the gate's look, the detector's first step."""
