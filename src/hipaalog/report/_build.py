"""Building a report: fetch the inputs, verify the chain first, then analyse every record."""

from __future__ import annotations

import os
import tempfile
import time
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from ._analyze import Analyzer
from ._config import ReportConfig
from ._duck import EngineSettings
from ._engine import analyze_segments, resolve_engine
from ._model import Finding, IntegrityProblem, IntegrityVerdict, Report, Severity
from ._reader import expand_inputs, fetch_s3_prefix
from ._trusted import check_records

__all__ = ["analyze_records", "build_report", "verify_integrity"]


def verify_integrity(
    paths: Sequence[str],
    keys: Mapping[str, str | bytes] | None = None,
    public_keys: Iterable[object] = (),
    *,
    partial: bool = False,
    anchors: Sequence[str] = (),
) -> IntegrityVerdict:
    """Check the HMAC chain of the streams in ``paths`` with :func:`hipaalog.integrity.verify_files`.

    The verifier tells apart several services' streams that share a file name and keeps one
    stream's segments together wherever they were found.
    ``partial``: the files are a contiguous part of a stream (records before and after are expected
    to be missing). ``anchors``: checkpoints kept off the host (see ``verify_files``). Raises ConfigError
    (from the verifier) when no audit keys were given or found.
    """
    try:
        from ..integrity import verify_files
    except ImportError:  # pragma: no cover - the integrity module ships with the package
        return IntegrityVerdict("unavailable", note="hipaalog.integrity is not installed")
    result = verify_files(paths, keys, public_keys=public_keys, partial=partial, anchors=anchors)
    problems = tuple(IntegrityProblem(p.kind, p.file, p.line, p.seq, p.detail) for p in result.problems)
    note = "; ".join(result.warnings)
    if result.problems_omitted:
        note = f"{result.problems_omitted} further problem(s) not listed. " + note
    return IntegrityVerdict("verified" if result.ok else "broken", result.records, problems, note.strip())


def _integrity_finding(verdict: IntegrityVerdict, config: ReportConfig) -> Finding:
    kinds = Counter(p.kind for p in verdict.problems)
    first = verdict.problems[0] if verdict.problems else None
    where = ""
    if first is not None:
        line = f":{first.line}" if first.line is not None else ""
        seq = f" (seq {first.seq})" if first.seq is not None else ""
        where = f"; first: {first.kind} at {os.path.basename(first.file)}{line}{seq}"
    summary = (
        f"integrity chain broken: {len(verdict.problems)} problem(s) "
        f"({', '.join(f'{k} {n}' for k, n in sorted(kinds.items()))}){where}"
    )
    seqs = sorted({p.seq for p in verdict.problems if p.seq is not None})
    return Finding(
        rule="integrity",
        severity=Severity.CRITICAL,
        summary=summary,
        start=0.0,
        end=0.0,
        seqs=seqs[: config.max_evidence],
        evidence_total=len(verdict.problems),
        details={"problems": [p.to_json() for p in verdict.problems[:50]]},
    )


def analyze_records(
    records: Iterable[Mapping[str, Any]] | Iterable[tuple[float, int, dict[str, Any]]],
    config: ReportConfig | None = None,
) -> Analyzer:
    """Run the rules over records already in memory (dicts in time order); returns the finished analyzer.

    Mostly for tests and the monitor's replay; :func:`build_report` reads files itself.
    """
    from ._timeparse import parse_ts

    analyzer = Analyzer(config)
    for item in records:
        if isinstance(item, tuple):
            ts, stream, record = item
            analyzer.feed(ts, record, stream)
        elif isinstance(item.get("audit"), dict):
            analyzer.feed(parse_ts(item["timestamp"]), dict(item))
    return analyzer


def build_report(
    inputs: Sequence[str | os.PathLike[str]],
    *,
    config: ReportConfig | None = None,
    keys: Mapping[str, str | bytes] | None = None,
    public_keys: Iterable[object] = (),
    anchors: Sequence[str | os.PathLike[str]] = (),
    verify: bool = True,
    partial: bool = False,
    s3_endpoint: str | None = None,
    engine: str = "auto",
    engine_settings: EngineSettings | None = None,
    trust_recorded: bool = True,
) -> Report:
    """Review the audit streams in ``inputs`` (files, directories, ``s3://bucket/prefix``).

    The integrity chain is verified first (unless ``verify`` is False); a broken chain becomes a
    critical ``integrity`` finding and a banner on the page. Then every record is analysed.

    Args:
        config: thresholds and calendar (default :class:`ReportConfig`).
        keys: audit keys by key id, as :func:`hipaalog.integrity.verify_files` takes them
            (default: ``HIPAALOG_AUDIT_KEYS`` / ``HIPAALOG_AUDIT_KEY``).
        public_keys: Ed25519 public keys that must have signed the checkpoints.
        anchors: copies of the checkpoints kept off the host (the audit stream's ``anchors``); a
            local checkpoints file that is missing or rolled back then breaks the chain.
        verify: check the chain (a report without it says so in place of the verdict).
        partial: the inputs are a contiguous part of a stream (for example last month's
            segments), so records before the first and after the last are not missing.
        s3_endpoint: endpoint URL for ``s3://`` inputs on S3-compatible storage.
        engine: ``"auto"`` (the default: duckdb when the ``report`` extra is installed, else python),
            ``"duckdb"`` (columnar, multi-core; the ``report`` extra) or ``"python"`` (streaming, one core).
        engine_settings: DuckDB's ``memory_limit``, ``threads`` and spill ``temp_directory``.
        trust_recorded: when every segment carries the verification recorded when it was sealed,
            its digest still matches and the segments chain, trust it instead of re-verifying every
            record (without public keys or anchors, which need the full check).

    Raises:
        ConfigError: an input does not exist, verification was asked for without keys, or the
            duckdb engine was asked for without duckdb installed.
    """
    config = config or ReportConfig()
    chosen = resolve_engine(engine)
    public_keys = list(public_keys)
    with tempfile.TemporaryDirectory(prefix="hipaalog-report-") as scratch:
        files: list[str] = []
        for n, spec in enumerate(inputs):
            text = os.fspath(spec)
            if text.startswith("s3://"):
                fetched = fetch_s3_prefix(text, os.path.join(scratch, str(n)), endpoint_url=s3_endpoint)
                files.extend(f for f in fetched if not os.path.basename(f).startswith("."))
            else:
                files.extend(expand_inputs([text]))
        files = [f for f in files if not f.endswith(".lock")]
        segments = [f for f in files if not f.endswith((".checkpoints", ".checkpoints.gz"))]
        key_bytes = _key_bytes(keys) if verify or keys is not None else {}
        trust = check_records(
            segments,
            key_bytes,
            partial=partial,
            digests=verify and trust_recorded and not public_keys and not anchors,
        )
        if not verify:
            verdict = IntegrityVerdict("skipped", note="verification was switched off (--no-verify)")
        elif trust.trusted:
            verdict = IntegrityVerdict("verified", trust.count, note=trust.note())
        else:
            verdict = verify_integrity(
                files, keys, public_keys, partial=partial, anchors=[os.fspath(a) for a in anchors]
            )
            if trust.changed:
                note = trust.note() + (f"; {verdict.note}" if verdict.note else "")
                verdict = IntegrityVerdict(verdict.status, verdict.records, verdict.problems, note)
        scratch_columns = os.path.join(scratch, "columns")
        os.makedirs(scratch_columns, exist_ok=True)
        analysis = analyze_segments(
            segments, config, engine=chosen, settings=engine_settings, scratch=scratch_columns, records=trust.records
        )
        analyzer, stats, names = analysis.analyzer, analysis.stats, analysis.names
        findings = analyzer.finish()
    if verdict.status == "broken":
        broken = _integrity_finding(verdict, config)
        broken.start = analyzer.first if analyzer.first is not None else 0.0
        broken.end = analyzer.last if analyzer.last is not None else broken.start
        findings.insert(0, broken)
    charts = analyzer.chart_data()
    return Report(
        inputs=[os.fspath(i) for i in inputs],
        records=analyzer.records,
        findings=findings,
        integrity=verdict,
        start=analyzer.first,
        end=analyzer.last,
        streams=sorted(set(names.values())),
        unreadable=stats.unreadable,
        config=config,
        charts=charts,
        peaks=analyzer.peaks(),
        generated=time.time(),
        engine=analysis.engine,
    )


def _key_bytes(keys: Mapping[str, str | bytes] | None) -> dict[str, bytes]:
    """The audit keys as bytes (given, or from the environment); ConfigError for an unusable one."""
    from ..integrity._keys import load_keys
    from ..integrity._verify import keys_from_env

    return load_keys(dict(keys)) if keys is not None else keys_from_env()
