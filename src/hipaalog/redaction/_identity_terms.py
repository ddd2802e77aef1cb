"""Field names of photos, biometric identifiers, licences and dates of death or discharge, with their tails.

The catalogue of :mod:`._keys` holds the bare terms (``photo``, ``fingerprint``, ``license_no``); code names the
value by what it is stored as (``photo_path``, ``avatar_url``, ``fingerprint_id``, ``voiceprint_hash``), by whose
licence it is (``nursing_license``, ``state_license``) or in another language (``Führerschein``, ``fecha_alta``).
"""

from __future__ import annotations

from typing import Final

__all__ = ["IDENTITY_TERMS", "PHOTO_TERMS", "PHOTO_THINGS"]

_PHOTO_BASES: Final = (
    "photo",
    "photos",
    "photograph",
    "headshot",
    "selfie",
    "portrait",
    "faceimage",
    "facephoto",
    "facepic",
    "avatar",
    "profileimage",
    "profilephoto",
    "profilepic",
    "profilepicture",
    "idphoto",
    "idcardfront",
    "idcardback",
    "idcardimage",
    "idimage",
    "licensephoto",
    "licenseimage",
    "passportphoto",
    "passportimage",
    "mugshot",
)
_PHOTO_TAILS: Final = (
    "",
    "path",
    "url",
    "uri",
    "key",
    "file",
    "filename",
    "filepath",
    "id",
    "link",
    "ref",
    "src",
    "location",
    "blob",
    "object",
    "objectkey",
    "s3key",
    "href",
    "image",
)
PHOTO_TERMS: Final = frozenset(base + tail for base in _PHOTO_BASES for tail in _PHOTO_TAILS)
"""A person's photo by the name of what holds it (``photo_path``, ``avatar_url``, ``id_card_front``)."""

PHOTO_THINGS: Final = frozenset(
    {
        "product",
        "products",
        "item",
        "items",
        "sku",
        "catalog",
        "catalogue",
        "listing",
        "brand",
        "company",
        "org",
        "organization",
        "organisation",
        "store",
        "shop",
        "cover",
        "background",
        "banner",
        "logo",
        "stock",
        "hero",
        "marketing",
        "vendor",
        "merchant",
        "team",
        "site",
        "page",
        "app",
    }
)
"""Words before a photo's term that make it a thing's picture (``product_photo``, ``brand_avatar``)."""

_BIOMETRIC_BASES: Final = (
    "fingerprint",
    "biometric",
    "voiceprint",
    "iriscode",
    "irisscan",
    "iristemplate",
    "retinascan",
    "retinatemplate",
    "retinaltemplate",
    "faceprint",
    "facetemplate",
    "faceencoding",
    "faceembedding",
    "facevector",
    "facialtemplate",
    "palmprint",
    "palmvein",
    "veinpattern",
    "handgeometry",
)
_BIOMETRIC_TAILS: Final = (
    *("id", "hash", "template", "code", "data", "scan"),
    *("token", "ref", "value", "vector", "digest"),
)
_LICENSE_OWNERS: Final = (
    "nursing",
    "nurse",
    "medical",
    "professional",
    "state",
    "rn",
    "lpn",
    "np",
    "pharmacy",
    "pharmacist",
    "provider",
    "physician",
    "practitioner",
    "prescriber",
    "board",
    "dental",
    "dentist",
    "driving",
    "drivers",
    "driver",
    "clinical",
    "clinician",
    "therapist",
    "counselor",
    "socialworker",
)
_LICENSE_TAILS: Final = ("", "number", "num", "no", "nbr", "id")
_LICENSES: Final = (
    *(owner + noun + tail for owner in _LICENSE_OWNERS for noun in ("license", "licence") for tail in _LICENSE_TAILS),
    *(
        paper + "certificate" + tail
        for paper in ("birth", "death", "marriage")
        for tail in ("", "number", "num", "no", "nbr", "id")
    ),
    "certificateid",
    "certificationnumber",
    "certificationno",
    *(base + tail for base in ("fuehrerschein", "fuhrerschein", "rijbewijs") for tail in ("", "nummer", "nr")),
    "permisconduire",
    "permisdeconduire",
    "numeropermis",
    "licenciaconducir",
    "licenciadeconducir",
    "patentediguida",
    "carteiradehabilitacao",
    "cnh",
)
_DEATH_AND_DISCHARGE: Final = (
    "timeofdeath",
    "deathtime",
    "datetimeofdeath",
    "todesdatum",
    "todestag",
    "sterbetag",
    "fechafallecimiento",
    "fechadefallecimiento",
    "fechamuerte",
    "fechademuerte",
    "datedudeces",
    "dataobito",
    "datadoobito",
    "datadeobito",
    "datamorte",
    "datadimorte",
    "datadecesso",
    "overlijdensdatum",
    "fechaalta",
    "fechadealta",
    "datesortie",
    "datedesortie",
    "dataalta",
    "datadealta",
    "entlassungstag",
    "dischargetime",
    "dcdatetime",
)
IDENTITY_TERMS: Final[dict[str, str]] = {
    **dict.fromkeys(PHOTO_TERMS, "PHOTO"),
    **dict.fromkeys((base + tail for base in _BIOMETRIC_BASES for tail in ("", *_BIOMETRIC_TAILS)), "BIOMETRIC"),
    **dict.fromkeys(_LICENSES, "LICENSE"),
    **dict.fromkeys(_DEATH_AND_DISCHARGE, "DATE"),
}
"""Catalogue terms (words run together) and the kind each holds."""

MACHINE_CERTIFICATES: Final = frozenset(
    {"server", "client", "ssl", "tls", "x509", "acm", "root", "ca", "intermediate", "signing", "leaf", "iam"}
)
"""Words before ``certificate_id`` that make it a machine's certificate, not a person's."""
