"""Sessions that CI and developers run, one for one: tests, lint, typing, docs, examples, bench."""

from __future__ import annotations

from pathlib import Path

import nox

nox.options.sessions = ["tests", "lint", "typing", "docs", "examples", "compat"]
nox.options.reuse_existing_virtualenvs = True
nox.options.error_on_missing_interpreters = False

ROOT = Path(__file__).parent
PYPROJECT = nox.project.load_toml(ROOT / "pyproject.toml")


def _group(name: str) -> list[str]:
    return list(nox.project.dependency_groups(PYPROJECT, name))


@nox.session
def tests(session: nox.Session) -> None:
    """The whole test suite, with branch coverage.

    Coverage starts before pytest (``coverage run``), because pytest imports hipaalog's own pytest
    plugin before any pytest-cov hook could start measuring.
    """
    session.install("-e", ".", *_group("test"))
    session.run("coverage", "erase")
    session.run("coverage", "run", "-m", "pytest", *session.posargs)
    session.run("coverage", "report")
    session.run("coverage", "xml", "-q")


@nox.session
def lint(session: nox.Session) -> None:
    """Ruff: lint rules and formatting."""
    session.install(*_group("lint"))
    session.run("ruff", "check", "src", "tests", "benchmarks", "examples", "evaluation", "noxfile.py")
    session.run("ruff", "format", "--check", "src", "tests", "benchmarks", "examples", "evaluation", "noxfile.py")


@nox.session
def typing(session: nox.Session) -> None:
    """mypy --strict on the package."""
    session.install("-e", ".", *_group("typing"))
    session.run("mypy")


@nox.session
def adversarial(session: nox.Session) -> None:
    """The adversarial suite with a longer Hypothesis profile, then the attack table by class (not a default)."""
    session.install("-e", ".[structlog]", *_group("test"))
    env = {"HIPAALOG_ADVERSARIAL_PROFILE": "adversarial-long"}
    session.run("pytest", "tests/adversarial", "-p", "no:cacheprovider", *session.posargs, env=env)
    session.run("python", "-m", "tests.adversarial.run")


@nox.session
def docs(session: nox.Session) -> None:
    """Run every Python code block in README.md and docs/*.md, and regenerate docs/schema.md."""
    session.install("-e", ".", *_group("test"))
    session.run("python", "tools/check_docs.py")
    session.run("python", "tools/gen_schema_doc.py", "--check")


@nox.session
def examples(session: nox.Session) -> None:
    """Run each example; every line it prints must be a schema-valid record."""
    session.install("-e", ".[structlog]", *_group("test"), *_group("examples"))
    session.run("python", "tools/run_examples.py")


@nox.session
def compat(session: nox.Session) -> None:
    """python-json-logger's own formatter tests (its sdist, downloaded now) against hipaalog.json and .orjson."""
    session.install("-e", ".", *_group("compat"))
    session.run("python", "tests/compat/run_pjl.py", *session.posargs)


@nox.session(name="eval")
def evaluation(session: nox.Session) -> None:
    """The independent redaction evaluation set: both splits scored (``-- --ref f0dd2be`` adds a revision)."""
    session.install("-e", ".", *_group("eval"))
    session.run("python", "-m", "evaluation.score", *session.posargs)


@nox.session
def bench(session: nox.Session) -> None:
    """Benchmarks against the peers, side by side (medians and ratios; not a pass/fail gate)."""
    session.install("-e", ".[structlog]", *_group("bench"))
    for script in sorted((ROOT / "benchmarks").glob("bench_*.py")):
        session.log(f"== {script.name}")
        session.run("python", str(script), *session.posargs)
