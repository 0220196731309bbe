"""A clean virtual environment for cold starts: only this package's runtime dependencies and the SDK.

The development venv also holds the generator's tools, and httpx imports its optional CLI (rich, click, pygments)
whenever those are installed: ~75 ms and several MiB that a user's install does not pay. Cold starts therefore run
in build/bench-venv, created once (pip, from the same index as the dev venv) and reused while the requirement list
is unchanged. The generated package is put on PYTHONPATH, as it is in the repository.
"""

from __future__ import annotations

import hashlib
import subprocess
import sys
import tomllib
import venv
from importlib import metadata
from pathlib import Path

from scripts.paths import ROOT

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
    return python
