"""The gate selects every format detector whenever it could find something: gated scans equal ungated ones."""

from __future__ import annotations

import os

from hypothesis import example, given, settings
from hypothesis import strategies as st

from hipaalog.redaction import Redactor

FRAGMENTS = [
    "PID|1||00482913^^^HOSP^MR||ROE^JANE||19800312",
    "\\rPID|1||00482913||ROE^JANE",
    "\\x0bMSH|^~\\\\&|A|B\\rNK1|1|ROE^JOHN|SPO",
    "PV1|1|I|||||||||||||||||V1|||||||||||||||||||||||||20240101|20240105",
    "PID|1\rOBR|1||ORD-1|2345-7|||20240102101500",
    "3723146770^^^LABSYS^MR",
    "NM1*IL*1*QUIST*ODALYS***MI*XGH123456789~DMG*D8*19810417~N3*12 ALDER ROW~N4*SALEM*MA*01970~",
    '{"resourceType": "Patient", "name": [{"family": "Quist", "given": ["Odalys"]}]}',
    "{'subject': {'reference': 'Patient/1', 'display': 'Odalys Quist'}}",
    '"period": {"start": "2024-01-05", "end": "2024-01-09"}, "resourceType": "Encounter"',
    "Patient.birthDate: value '17 May 1993' is bad",
    "?family=Quist&given=Odalys",
    "To: Odalys Quist <oq@example.org>",
    "=?utf-8?q?Odalys_Quist?=",
    "Dear Ms. Quist,",
    "Hi Jennifer,",
    "Jennifer Okafor",
    "Whitfield, Jennifer",
    "reminder for Glynda.",
    "INSERT INTO patients (last_name, dob) VALUES ('Quist', '1981-04-17')",
    "WHERE last_name = %s args=('Quist',)",
    "UPDATE p SET last_name = $1\nparameters: $1 = 'Quist'",
    "mrn,last_name,dob\nMR1234567,Quist,1981-04-17",
    "MR988013|Quist|Odalys|1981-04-17|01970",
    "Odalys Quist,1981-04-17,MR988013,01970",
    "row: Odalys Quist|1981-04-17|MR988013",
    "('first_name', 'Odalys')",
    "{'first': 'Odalys', 'last': 'Quist'}",
    "member_id\n  bad [type=x, input_value='MBR10001832623', input_type=str]",
    'form-data; name="last_name"\\r\\n\\r\\nQuist\\r\\n',
    "oq@example.org (Odalys Quist)",
    "To: Odalys Quist\n",
    "Thanks,\nOdalys Quist",
    "Patient(name=[HumanName(family='Quist', given=['Odalys'])])",
    '{"resourceType": "Patient", "name": "Odalys Quist"}',
    "CLP*PCN-7781*1*125~",
    "Jennifer Okafor's chart",
    "PatientRow(last='Quist', first='Odalys')",
    "MARIA GARCIA",
    "paired for Holland",
    "ISA|00|x|P|:~NM1|IL|1|QUIST|ODALYS~",
    "export: Quist;Odalys;17.04.1981;MR988013",
    '<name><family value="Quist"/></name><address><city value="Salem"/></address>',
    '<telecom><value value="617-555-0134"/></telecom>',
]
SEPARATORS = st.sampled_from(["", " ", "\n", ", ", "|", "*", "~", "\t", "\\r", ": ", "'", '"', "(", "["])
TEXTS = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=12)), min_size=1, max_size=5).flatmap(
    lambda parts: st.lists(SEPARATORS, min_size=len(parts), max_size=len(parts)).map(
        lambda seps: "".join(sep + part for sep, part in zip(seps, parts, strict=True))
    )
)
SCANNER = Redactor()._scanner


@settings(max_examples=int(os.environ.get("HIPAALOG_HYPOTHESIS_EXAMPLES", "150")), deadline=None)
@given(TEXTS)
@example("\x800Hi Jennifer,")  # a digit glued to a greeting after a non-ASCII character: neither reads a greeting
@example(  # an element's name (</address>) is no cue of a town for the text after it, gated or not
    '<name><family value="Quist"/></name><address><city value="Salem"/></address>To: Odalys Quist <oq@example.org>'
)
@example("\u326e\u326e")  # two characters, a name once decomposed: shorter than any identifier, gated or not
def test_format_detectors_are_selected_whenever_they_find_something(text: str) -> None:
    assert SCANNER.spans(text) == SCANNER.spans_ungated(text)


def test_every_fragment_is_found_through_the_gate() -> None:
    for fragment in FRAGMENTS:
        assert SCANNER.spans(fragment), fragment
