"""`pip install .` from a clone into a fresh virtual environment gives an importable, typed package."""

from __future__ import annotations

import subprocess
import sys
import venv
from pathlib import Path

import pytest

from scripts.paths import ROOT


@pytest.mark.slow
def test_pip_install_from_clone_imports(tmp_path: Path) -> None:
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "--quiet", str(ROOT), str(clone)], check=True)
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    py = env_dir / "bin" / "python"
    subprocess.run([str(py), "-m", "pip", "install", "--quiet", str(clone)], check=True)
    probe = (
        "import importlib.resources as r, elevenlabs_user_client as p;"
        "from elevenlabs_user_client.api.user import get_user, get_user_subscription;"
        "from elevenlabs_user_client.models import UserResponseModel;"
        "assert r.files(p).joinpath('py.typed').is_file();"
        "assert all(hasattr(m, f) for m in (get_user, get_user_subscription)"
        " for f in ('sync', 'sync_detailed', 'asyncio', 'asyncio_detailed'));"
        "print(p.__file__)"
    )
    out = subprocess.run([str(py), "-c", probe], check=True, capture_output=True, text=True, cwd=tmp_path).stdout
    assert str(env_dir) in out, f"imported from the wrong place: {out}"
    assert sys.prefix not in out
