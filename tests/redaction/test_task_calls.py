"""Positional arguments of task-queue calls (RQ, Celery, dramatiq, huey, plain ``calling fn(...)``): a person's
values are masked when the call is about a person, and a call's benign values stay."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from hipaalog.redaction import redact_text
from hipaalog.redaction._task_calls import task_call_spans

JOB = "5b8c2f0e-1d4a-4c3b-9e7f-2a6b8c0d1e3f"


@pytest.mark.parametrize(
    ("text", "secrets"),
    [
        # the function's name says the call is about a person
        (f"default: app.jobs.send_reminder('A0048213', 'Springfield', '62704') ({JOB})", ["A0048213", "Springfield"]),
        (f"Task app.tasks.export_chart[{JOB}] args=('MR-20931', 'Dunmore', '18512') kwargs={{}}", ["MR-20931"]),
        ("calling remind_patient('A0048213', datetime.date(1931, 2, 17), 'Dunmore')", ["1931", "Dunmore"]),
        ("Executing app.tasks.update_member('Quillby', 'Mary Price', 'M', '18512')", ["Quillby", "Price", "18512"]),
        (f"huey: Executing app.tasks.notify_patient: {JOB} args=(93172, 'Ellsworth')", ["93172", "Ellsworth"]),
        ("calling bill_member('Hill', '30211', 'P4410023')", ["Hill", "30211", "P4410023"]),
        ("calling sync_patient_demographics('East Amy', 'Lake Charlesburgh')", ["Amy", "Charlesburgh"]),
        # dramatiq names its actor beside the arguments
        (
            "Enqueued message Message(queue_name='default', actor_name='export_chart', "
            "args=('A0048213', 'Springfield', '62704'), kwargs={}, options={}, message_id='c0ffee')",
            ["A0048213", "Springfield", "62704"],
        ),
        # a person's keyword argument beside the positional ones
        ("calling export_report('A0048213', 'Springfield', '62704', dob='1931-02-17')", ["A0048213", "62704"]),
        (f"Task etl.load[{JOB}] args=['A0048213', 'Springfield'] kwargs={{'mrn': 'x'}}", ["A0048213", "Springfield"]),
        # an argument masked before the message was formatted
        ("calling process('[REDACTED:NAME]', 'A0048213', 'Springfield')", ["A0048213", "Springfield"]),
        # no word and no keyword: an id, a town and a code together
        ("calling process_row('A0048213', 'Springfield', '62704', 3)", ["A0048213", "Springfield", "62704"]),
    ],
)
def test_a_persons_positional_values_are_masked(text: str, secrets: list[str]) -> None:
    out = redact_text(text)
    for secret in secrets:
        assert secret not in out, out


@pytest.mark.parametrize(
    "text",
    [
        f"default: app.jobs.rebuild_index('patients', 500, '/var/data/idx') ({JOB})",
        f"Task app.tasks.resize_image[{JOB}] args=('s3://bucket/img.png', 1024, 768) kwargs={{}}",
        f"default: app.jobs.send_reminder(12, 'sms', retries=3) ({JOB})",
        "remind_patient('Weekly', 30)",
        "remind_patient('Main', 10000, 'PDF', True, None)",
        "member.update_plan('Gold', 'USD')",
        "calling sync_member_plan('Aetna', 'PPO')",
        f"export_chart('{JOB}', 'us-east-1', 1.5, 'https://api.example.org/v1/render')",
        "calling process('Springfield', 'default', 4)",
        "calling geocode('Springfield', '62704')",
        "    return export_chart(patient.mrn, patient.city, zip_code=patient.zip)",
    ],
)
def test_benign_calls_are_kept(text: str) -> None:
    assert redact_text(text) == text


def test_only_the_persons_values_of_a_call_are_masked() -> None:
    text = f"default: app.jobs.send_reminder('A0048213', 'Springfield', 'sms', 3, '{JOB}') ({JOB})"
    out = redact_text(text)
    assert "A0048213" not in out and "Springfield" not in out
    assert f"'sms', 3, '{JOB}') ({JOB})" in out


_SURNAMES = ["Quillby", "Dunmore", "Ellsworth", "Marchetti", "Okonkwo"]


@settings(max_examples=60, deadline=None)
@given(
    function=st.sampled_from(["remind_patient", "export_chart", "app.jobs.send_reminder", "update_member"]),
    number=st.integers(min_value=10**5, max_value=10**9 - 1),
    surname=st.sampled_from(_SURNAMES),
    zip_code=st.integers(min_value=10000, max_value=99999),
)
@example(function="remind_patient", number=100000, surname="Dunmore", zip_code=10000)
def test_any_persons_call_loses_its_values(function: str, number: int, surname: str, zip_code: int) -> None:
    text = f"calling {function}('A{number}', '{surname}', '{zip_code}')"
    spans = list(task_call_spans(text))
    assert {text[start:end] for start, end, _ in spans} == {f"A{number}", surname, str(zip_code)}


def test_a_persons_tasks_return_values_are_masked() -> None:
    text = f"Task app.tasks.remind_patient[{JOB}] succeeded in 0.2s: ('A0048213', 'Springfield', 3)"
    assert redact_text(text) == (
        f"Task app.tasks.remind_patient[{JOB}] succeeded in 0.2s: ('[REDACTED:ID]', '[REDACTED:ADDRESS]', 3)"
    )
    kept = f"Task app.tasks.export_chart[{JOB}] succeeded in 0.2s: ['/srv/out/chart.pdf', 'Weekly', 12]"
    assert redact_text(kept) == kept
