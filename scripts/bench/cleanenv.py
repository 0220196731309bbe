"""A clean virtual environment for cold starts: only this package's runtime dependencies and the SDK.

The development venv also holds the generator's tools, and httpx imports its optional CLI (rich, click, pygments)
whenever those are installed: ~75 ms and several MiB that a user's install does not pay. Cold starts therefore run
in build/bench-venv, created once (pip, from the same index as the dev venv) and reused while the requirement list
is unchanged. The generated package is installed there as users get it (a non-editable install, no dependencies),
reinstalled whenever client/ changes: run from PYTHONPATH instead, it would find no dist-info beside it and read its
version through importlib.metadata, ~15 ms that an installed package does not pay.
"""

from __future__ import annotations

import hashlib
import subprocess
import sys
import tomllib
import venv
from importlib import metadata
from pathlib import Path

from scripts.paths import PACKAGE_DIR, ROOT

VENV_DIR = ROOT / "build" / "bench-venv"


def requirements() -> list[str]:
    """The runtime dependencies as pyproject.toml declares them, plus the SDK at the version installed here."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return [*project["dependencies"], f"elevenlabs=={metadata.version('elevenlabs')}"]


def python_path(venv_dir: Path = VENV_DIR) -> Path:
    return venv_dir / "bin" / "python"


def ensure(venv_dir: Path = VENV_DIR) -> Path:
    """The clean interpreter, creating or refreshing the venv when the requirements changed; RuntimeError if pip
    cannot install them (e.g. no package index)."""
    wanted = requirements()
    digest = hashlib.sha256("\n".join(wanted).encode()).hexdigest()
    stamp = venv_dir / ".requirements-sha256"
    python = python_path(venv_dir)
    if python.exists() and stamp.exists() and stamp.read_text().strip() == digest:
        _install_package(python, venv_dir)
        return python
    print(f"bench: creating {venv_dir.relative_to(ROOT)} for cold starts ...", file=sys.stderr, flush=True)
    venv.EnvBuilder(with_pip=True, clear=True).create(venv_dir)
    proc = subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", *wanted],
        capture_output=True,
        text=True,
    )
    if proc.returncode != 0:
        last = (proc.stderr.strip().splitlines() or ["(no output)"])[-1]
        raise RuntimeError(f"pip could not install {', '.join(wanted)}: {last[:200]}")
    stamp.write_text(digest + "\n")
    _install_package(python, venv_dir)
    return python


def _package_digest() -> str:
    """What the installed package depends on: pyproject.toml and every file of the generated package."""
    h = hashlib.sha256((ROOT / "pyproject.toml").read_bytes())
    for path in sorted(PACKAGE_DIR.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            h.update(str(path.relative_to(PACKAGE_DIR)).encode() + b"\0" + path.read_bytes())
    return h.hexdigest()


def _install_package(python: Path, venv_dir: Path) -> None:
    """This package, installed non-editable without dependencies, refreshed when it changed; RuntimeError if pip
    cannot build or install it."""
    digest = _package_digest()
    stamp = venv_dir / ".package-sha256"
    if stamp.exists() and stamp.read_text().strip() == digest:
        return
    stamp.unlink(missing_ok=True)
    proc = subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--no-deps"]
        + ["--force-reinstall", str(ROOT)],
        capture_output=True,
        text=True,
    )
    if proc.returncode != 0:
        last = (proc.stderr.strip().splitlines() or ["(no output)"])[-1]
        raise RuntimeError(f"pip could not install this package: {last[:200]}")
    stamp.write_text(digest + "\n")
