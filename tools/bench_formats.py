"""Cost of redacting real-format records: microseconds per record by format, and records per second.

Run from the repository root: ``python tools/bench_formats.py``. Each record is measured with every
built-in detector and without the format detectors and the name model, round-robin in one run. Every
record is made new on each call (a different number in it), so the clean-text cache cannot hide the
scan. All values are synthetic.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from collections.abc import Callable

from hipaalog.redaction import DEFAULT_DETECTORS, Redactor

PATIENT = {
    "resourceType": "Patient",
    "id": "pat-{n}",
    "name": [{"use": "official", "family": "Roe", "given": ["Jane", "Q"]}],
    "telecom": [{"system": "phone", "value": "617-555-0134"}],
    "birthDate": "1980-03-12",
    "address": [{"line": ["12 Main St"], "city": "Boston", "state": "MA", "postalCode": "02139"}],
}
OBSERVATION = {
    "resourceType": "Observation",
    "id": "obs-{n}",
    "status": "final",
    "code": {"coding": [{"system": "http://loinc.org", "code": "2345-7", "display": "Glucose"}]},
    "subject": {"reference": "Patient/pat-{n}", "display": "Jane Roe"},
    "valueQuantity": {"value": 5.4, "unit": "mmol/L"},
}
FORMATS: dict[str, Callable[[int], str]] = {
    "clean prose": lambda n: f"Request {n} finished in 12 ms; cache warm, 3 retries left for the worker pool",
    "clean with title words": lambda n: (
        f"Grant Type client_credentials accepted by Auth Service in {n} ms (Chase Bank)"
    ),
    "HL7 escaped": lambda n: (
        f"MSH|^~\\&|EPIC|HOSP|||20240101120000||ADT^A01|{n}|P|2.5.1\\rPID|1||00482913^^^HOSP^MR||"
        "ROE^JANE^Q||19800312|F|||12 MAIN ST^^BOSTON^MA^02139||6175550134|||||ACC123|219099999\\rPV1|1|I"
    ),
    "FHIR Patient JSON": lambda n: "created " + json.dumps(PATIENT).replace("{n}", str(n)),
    "FHIR Observation JSON": lambda n: "stored " + json.dumps(OBSERVATION).replace("{n}", str(n)),
    "X12 270": lambda n: (
        f"ST*270*{n}*005010X279A1~HL*3*2*22*0~NM1*IL*1*ROE*JANE*Q***MI*XGH123456789~"
        "N3*12 MAIN ST~N4*BOSTON*MA*02139~DMG*D8*19800312*F~DTP*291*D8*20240101~EQ*30~SE*9*0001~"
    ),
    "SQL parameters": lambda n: (
        f"query {n}: SELECT * FROM p WHERE last_name = %s AND first_name = %s AND dob = %s "
        "args=('Roe', 'Jane', datetime.date(1980, 3, 12))"
    ),
    "CSV with header": lambda n: f"import row {n}\nlast_name,first_name,dob,zip\nRoe,Jane,1980-03-12,02139",
    "e-mail": lambda n: f"message {n} sent To: Jane Roe <jane.roe@example.org>; =?utf-8?q?Jane_Roe?=",
    "name in prose": lambda n: f"appointment {n} booked for Jane Roe at the north clinic",
}


def measure(make: Callable[[int], str], redactors: list[Redactor], count: int = 300, repeats: int = 7) -> list[float]:
    """Median microseconds per record for each redactor, measured round-robin (a busy machine slows both)."""
    results: list[list[float]] = [[] for _ in redactors]
    for repeat in range(repeats):
        texts = [make(repeat * count + i) for i in range(count)]
        for redactor, times in zip(redactors, results, strict=True):
            start = time.perf_counter()
            for text in texts:
                redactor.redact_text(text)
            times.append((time.perf_counter() - start) / count * 1e6)
    return [statistics.median(times) for times in results]


FORMAT_DETECTORS = ("x12", "fhir", "mail", "person_name", "tabular")
"""The format detectors and the name model (the HL7 detector is measured in both columns)."""


def main() -> None:
    redactor = Redactor()
    names = [name for name in DEFAULT_DETECTORS if name not in FORMAT_DETECTORS]
    without = Redactor({"detectors": names})
    print(f"Python {sys.version.split()[0]}")
    print("| format | µs per record | records/s | without the format detectors: µs | records/s |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for name, make in FORMATS.items():
        cost, base = measure(make, [redactor, without])
        print(f"| {name} | {cost:.1f} | {1e6 / cost:,.0f} | {base:.1f} | {1e6 / base:,.0f} |")
    start = time.perf_counter()
    redactor.redact_text("PID|" * 16000)
    print(f"| adversarial 'PID|' * 16000 (64 KB), one call | {(time.perf_counter() - start) * 1e3:.1f} ms | |")


if __name__ == "__main__":
    main()
