"""Names of many countries in log phrasings: the share whose every part is masked, per Faker locale.

The evaluation splits draw their people from mimesis; this probe draws them from Faker's locales
(neither library's lists are read by the detectors), puts each name in one of ten log phrasings
with no cue word beside it, and counts a name caught when no part of three letters or more is
left in the output. Locales whose names Faker writes in another script use its romanised forms;
names with letters outside ASCII are skipped (``docs/redaction.md`` says how those are read)::

    python -m evaluation.name_locales [--per-locale 60] [--seed 11] [--show]
"""

from __future__ import annotations

import argparse
import random

from faker import Faker

from hipaalog.redaction import Redactor

LOCALES = [
    "en_US",
    "en_GB",
    "es_MX",
    "pt_BR",
    "fr_FR",
    "it_IT",
    "de_DE",
    "nl_NL",
    "sv_SE",
    "pl_PL",
    "ru_RU",
    "tr_TR",
    "hi_IN",
    "en_NG",
    "vi_VN",
    "ja_JP",
    "zh_CN",
    "ko_KR",
]
PHRASINGS = (
    "patient {first} {last} checked in",
    "Appointment confirmed for {first} {last} at 10:30",
    "{last}, {first} admitted to ward 4",
    "row: {last}|{first}|1961-04-02|F",
    "INSERT INTO patients (last, first) VALUES ('{last}', '{first}')",
    "email sent to {first} {last} <x@example.org>",
    "Dear {first}, your results are ready",
    "KeyError: ('{last}', '{first}')",
    "caregiver {first} {last} called about the refill",
    "Spoke with {first} {last} re: billing",
)


def _name(fake: Faker) -> tuple[str, str] | None:
    first, last = fake.first_name(), fake.last_name()
    if first.isascii() and last.isascii():
        return first, last
    try:
        first, last = fake.first_romanized_name(), fake.last_romanized_name()
    except AttributeError:
        return None
    return (first, last) if first.isascii() and last.isascii() else None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--per-locale", type=int, default=60)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--show", action="store_true", help="print each output that kept a part of its name")
    args = parser.parse_args(argv)
    redactor = Redactor()
    pick = random.Random(args.seed)
    total = caught_all = 0
    print("| locale | names | caught |\n| --- | ---: | ---: |")
    for locale in LOCALES:
        fake = Faker(locale)
        fake.seed_instance(args.seed)
        names = caught = 0
        for _ in range(args.per_locale):
            name = _name(fake)
            if name is None:
                continue
            first, last = name
            out = redactor.redact_text(pick.choice(PHRASINGS).format(first=first, last=last))
            kept = [part for part in (*first.split(), *last.split()) if len(part) > 2 and part in out]
            names += 1
            caught += not kept
            if kept and args.show:
                print(f"  {locale}: {out}")
        if names:
            print(f"| {locale} | {names} | {100 * caught / names:.1f}% |")
        total += names
        caught_all += caught
    print(f"| all | {total} | {100 * caught_all / max(total, 1):.1f}% |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
