"""The public surface is exactly what __all__ says."""

from __future__ import annotations

import subprocess
import sys

import hipaalog


def test_all_names_exist_once() -> None:
    """Every name in __all__ exists and appears once."""
    assert len(hipaalog.__all__) == len(set(hipaalog.__all__))
    assert all(hasattr(hipaalog, name) for name in hipaalog.__all__)


def test_no_public_name_is_left_out_of_all() -> None:
    """A fresh `import hipaalog` exposes no public name that __all__ leaves out."""
    code = "import hipaalog; print(' '.join(n for n in dir(hipaalog) if not n.startswith('_')))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    public = set(out.split()) - {"annotations"}
    assert public == set(hipaalog.__all__) - {"__version__"}


def test_heavy_subpackages_load_on_first_use() -> None:
    """`import hipaalog` leaves audit, report and archive unloaded until they are used."""
    code = (
        "import sys, hipaalog\n"
        "heavy = ['hipaalog.archive', 'hipaalog.report', 'hipaalog.synthetic', 'hipaalog.monitor']\n"
        "assert not any(m in sys.modules for m in heavy), [m for m in heavy if m in sys.modules]\n"
        "assert hipaalog.report.build_report and 'hipaalog.report' in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)
