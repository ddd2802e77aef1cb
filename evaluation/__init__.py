"""An evaluation set for hipaalog's redaction, built independently of the detectors.

The generator (:mod:`evaluation.generate`) plants fake values made with mimesis into the formats
healthcare software logs (FHIR, HL7 v2, X12, SQL, CSV, reprs, e-mail, access logs, tracebacks,
application records); the scorer (:mod:`evaluation.score`) runs every record through hipaalog's
default pipeline and looks for the planted values in the bytes it writes. Nothing here imports
or reads hipaalog's redaction code or its test corpus. See docs/evaluation.md.
"""
