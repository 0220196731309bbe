"""Virtual environments for the end-to-end chains: the runtime dependencies pyproject declares, and this
interpreter's pip pointed at a given environment."""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path

from scripts.paths import ROOT

DEPENDENCIES: list[str] = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]


def pip_for(env_dir: Path) -> list[str]:
    """This interpreter's pip, installing into `env_dir` (seconds faster than ensurepip in every venv)."""
    return [sys.executable, "-m", "pip", "--python", str(env_dir / "bin" / "python"), "--disable-pip-version-check",
            "--quiet"]  # fmt: skip
