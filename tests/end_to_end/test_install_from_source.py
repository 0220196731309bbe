"""`pip install <a clone>` into a fresh virtual environment, as a consumer installs from source: an importable,
typed package of pyproject's version, whose metadata carries the consumer README and whose `elevenlabs-user` command
runs against a loopback server."""

from __future__ import annotations

import json
import os
import subprocess
import tomllib
from collections.abc import Callable
from pathlib import Path

import pytest
from venvs import pip_for

from scripts import mock_api
from scripts.paths import ROOT

CANARY_KEY = "canary-key-7f3a9c1e5b"

PROBE = """
import importlib.metadata as m, importlib.resources as r, json, elevenlabs_user_client as p
from elevenlabs_user_client.api.user import get_user, get_user_subscription
from elevenlabs_user_client.models import UserResponseModel
assert r.files(p).joinpath('py.typed').is_file()
assert all(hasattr(f, n) for f in (get_user, get_user_subscription)
           for n in ('sync', 'sync_detailed', 'asyncio', 'asyncio_detailed'))
meta = m.metadata('elevenlabs-user-client')
print(json.dumps({"file": p.__file__, "version": p.__version__, "description": meta.get_payload()}))
"""


@pytest.mark.slow
def test_pip_install_from_a_clone_gives_the_typed_package_its_readme_and_command(
    tmp_path: Path, fresh_venv: Callable[[Path], Path]
) -> None:
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "--quiet", str(ROOT), str(clone)], check=True)
    env_dir = fresh_venv(tmp_path / "venv")
    subprocess.run([*pip_for(env_dir), "install", str(clone)], check=True, cwd=tmp_path)
    probe = [str(env_dir / "bin" / "python"), "-c", PROBE]
    got = json.loads(subprocess.run(probe, check=True, capture_output=True, text=True, cwd=tmp_path).stdout)
    assert got["file"].startswith(str(env_dir)), f"imported from the wrong place: {got['file']}"
    version = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
    assert got["version"] == version
    # The long description pip and the index show is the consumer README, not the developers'.
    description = got["description"]
    assert description.strip() == (ROOT / "README.package.md").read_text(encoding="utf-8").strip()
    assert "make test" not in description and "elevenlabs-user --json" in description

    clean = {k: v for k, v in os.environ.items() if not k.startswith("ELEVENLABS_")}
    with mock_api.serve_account(CANARY_KEY) as api:
        result = subprocess.run(
            [str(env_dir / "bin" / "elevenlabs-user"), "--json", "--base-url", api.base_url, "--critical-at", "40"],
            env={**clean, "ELEVENLABS_API_KEY": CANARY_KEY},
            capture_output=True,
            text=True,
            cwd=tmp_path,
        )
    assert result.returncode == 2, result.stderr
    assert json.loads(result.stdout)["status"] == "CRITICAL"
    assert api.requests[0].user_agent.startswith(f"elevenlabs-user-client/{version} python/")
