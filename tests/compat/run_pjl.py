"""Run python-json-logger's own formatter tests against hipaalog (the ``compat`` nox session).

Downloads the sdist of the installed python-json-logger version from the package index, unpacks
it in a temporary folder, installs ``pjl_conftest.py`` there as the tests' conftest, and runs their
formatter and dictConfig tests. Exit status is pytest's: any failure that is not a listed intended
difference fails, and so does a listed one that passes.

    python tests/compat/run_pjl.py [--sdist FILE] [--version X.Y.Z] [pytest arguments...]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tarfile
import tempfile
from importlib import metadata
from pathlib import Path

HERE = Path(__file__).parent
TEST_FILES = ("tests/test_formatters.py", "tests/test_dictconfig.py")


def download(into: Path, version: str) -> Path:
    """python-json-logger's sdist of ``version``, fetched by pip from the configured index."""
    subprocess.run(
        [
            sys.executable, "-m", "pip", "download", "--quiet", "--no-binary", ":all:", "--no-deps",
            "--dest", str(into), f"python-json-logger=={version}",
        ],
        check=True,
    )  # fmt: skip
    return next(into.glob("python*json*logger-*.tar.gz"))


def unpack(sdist: Path, into: Path) -> Path:
    with tarfile.open(sdist) as archive:
        try:
            archive.extractall(into, filter="data")
        except TypeError:  # Python before 3.10.12 has no extraction filters
            archive.extractall(into)  # python-json-logger's own sdist, from the package index
    return next(p for p in into.iterdir() if p.is_dir() and (p / "tests").is_dir())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sdist", type=Path, help="use this sdist instead of downloading one")
    parser.add_argument("--version", default=metadata.version("python-json-logger"), help="default: the installed one")
    args, pytest_args = parser.parse_known_args(argv)
    with tempfile.TemporaryDirectory(prefix="hipaalog-pjl-") as tmp:
        work = Path(tmp)
        sdist = args.sdist or download(work / "download", args.version)
        tree = unpack(sdist, work / "src")
        shutil.copy(HERE / "pjl_conftest.py", tree / "tests" / "conftest.py")
        command = [
            sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-o", "addopts=", "-o", "xfail_strict=true",
            "-rfEX", *TEST_FILES, *pytest_args,
        ]  # fmt: skip
        return subprocess.run(command, cwd=tree, check=False).returncode


if __name__ == "__main__":
    sys.exit(main())
