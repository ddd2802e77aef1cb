"""hipaalog's own detectors, in the order they run, registered by name."""

from __future__ import annotations

from typing import Final

from ._addressed_names import AddressedNameDetector
from ._aligned import AlignedTableDetector
from ._biometric_values import BiometricDetector
from ._context import (
    AddressDetector,
    AgeDetector,
    CuedIdDetector,
    DateDetector,
    KeyValueDetector,
    NameDetector,
    ZipDetector,
)
from ._cued_addresses import CuedAddressDetector
from ._cued_phones import CuedPhoneDetector
from ._cued_places import CuedPlaceDetector
from ._detector import Detector, register_detector
from ._device_ids import DeviceIdDetector
from ._dicom import DicomDetector
from ._document_ids import DocumentIdDetector
from ._drug_words import DrugWordDetector
from ._email import MailDetector
from ._eponyms import EponymDetector
from ._fhir import FhirTextDetector
from ._fhir_search import FhirSearchDetector
from ._hl7 import Hl7Detector
from ._hl7_parsed import Hl7ParsedDetector
from ._iban import IbanDetector
from ._keys import DEFAULT_CATALOGUE, KeyCatalogue
from ._name_rows import NameRowDetector
from ._named_values import NamedValueDetector
from ._names import PersonNameDetector
from ._national import NationalIdDetector
from ._national_phones import NationalPhoneDetector
from ._ncpdp import NcpdpDetector
from ._numbers import (
    CardDetector,
    DeaDetector,
    EmailDetector,
    IPv4Detector,
    IPv6Detector,
    MacDetector,
    MbiDetector,
    NpiDetector,
    PhoneDetector,
    PrivateIpDetector,
    SsnDetector,
    UrlDetector,
    VinDetector,
)
from ._page_slugs import PageSlugDetector
from ._paths import PathDetector
from ._photo_names import PhotoNameDetector
from ._photo_refs import PhotoRefDetector
from ._places import PlaceDetector
from ._plates import PlateDetector
from ._query import QueryNameDetector
from ._sentence_keys import SentenceKeyDetector
from ._streets import ForeignAddressDetector
from ._tabular import TabularDetector
from ._tokens import TokenDetector
from ._typed_entity_text import TypedEntityTextDetector
from ._x12 import X12Detector
from ._xml import XmlDetector
from ._yaml_lists import YamlListDetector

__all__ = ["DEFAULT_DETECTORS", "builtin_detectors"]

_SHARED: Final[tuple[Detector, ...]] = (
    Hl7Detector(),
    Hl7ParsedDetector(),
    X12Detector(),
    NcpdpDetector(),
    DicomDetector(),
    FhirTextDetector(),
    FhirSearchDetector(),
    SsnDetector(),
    CardDetector(),
    IbanDetector(),
    PhoneDetector(),
    CuedPhoneDetector(),
    NationalPhoneDetector(),
    EmailDetector(),
    UrlDetector(),
    PathDetector(),
    PhotoRefDetector(),
    PhotoNameDetector(),
    PageSlugDetector(),
    DocumentIdDetector(),
    QueryNameDetector(),
    TokenDetector(),
    NpiDetector(),
    MbiDetector(),
    DeaDetector(),
    VinDetector(),
    PlateDetector(),
    MacDetector(),
    IPv6Detector(),
    IPv4Detector(),
    CuedIdDetector(),
    BiometricDetector(),
    DeviceIdDetector(),
    TypedEntityTextDetector(),
    NationalIdDetector(),
    DateDetector(),
    AgeDetector(),
    ZipDetector(),
    AddressDetector(),
    ForeignAddressDetector(),
    CuedAddressDetector(),
    CuedPlaceDetector(),
    PlaceDetector(),
    NameDetector(),
    MailDetector(),
    PersonNameDetector(),
    EponymDetector(),
    DrugWordDetector(),
    AddressedNameDetector(),
    TabularDetector(),
    NameRowDetector(),
    AlignedTableDetector(),
)
_DEFAULT_XML: Final = XmlDetector(DEFAULT_CATALOGUE)
_DEFAULT_NAMED: Final = NamedValueDetector(DEFAULT_CATALOGUE)
_DEFAULT_YAML: Final = YamlListDetector(DEFAULT_CATALOGUE)
_DEFAULT_KV: Final = KeyValueDetector(DEFAULT_CATALOGUE)
_DEFAULT_SENTENCE: Final = SentenceKeyDetector(DEFAULT_CATALOGUE)

DEFAULT_DETECTORS: Final[tuple[str, ...]] = (
    _DEFAULT_KV.name,
    _DEFAULT_SENTENCE.name,
    *(d.name for d in _SHARED),
    _DEFAULT_XML.name,
    _DEFAULT_NAMED.name,
    _DEFAULT_YAML.name,
)
"""Names of the built-in detectors, in the order they run."""

_ALL: Final[tuple[Detector, ...]] = (
    _DEFAULT_KV,
    _DEFAULT_SENTENCE,
    *_SHARED,
    _DEFAULT_XML,
    _DEFAULT_NAMED,
    _DEFAULT_YAML,
)
for _detector in _ALL:
    register_detector(_detector.name, _detector)
register_detector("private_ip", PrivateIpDetector())  # opt-in: private addresses are kept by default


def builtin_detectors(catalogue: KeyCatalogue | None = None) -> list[Detector]:
    """The built-in detectors; the ``key_value`` one judges keys with ``catalogue``."""
    if catalogue is None or catalogue is DEFAULT_CATALOGUE:
        return [_DEFAULT_KV, _DEFAULT_SENTENCE, *_SHARED, _DEFAULT_XML, _DEFAULT_NAMED, _DEFAULT_YAML]
    # Columns of SQL statements, CSV headers and XML elements are judged with the same catalogue as key=value pairs.
    shared = [type(d)(catalogue) if isinstance(d, TabularDetector) else d for d in _SHARED]  # the aligned one too
    return [
        KeyValueDetector(catalogue),
        SentenceKeyDetector(catalogue),
        *shared,
        XmlDetector(catalogue),
        NamedValueDetector(catalogue),
        YamlListDetector(catalogue),
    ]
