"""Shared fixtures: loopback servers only, and a canary API key that must never be printed."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import venv
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from pytest_httpserver import HTTPServer
from venvs import DEPENDENCIES, pip_for

from scripts.generate import CACHE_ENV
from scripts.paths import FIXTURES_DIR, ROOT

CANARY_KEY = "sk-canary-DO-NOT-LEAK-1234"

# Many tests, and the scratch repositories they run scripts in, generate the same specs: generated packages are kept
# by their inputs for the whole run (scripts/generate.py). `make generate` and `make check` never use it.
os.environ.setdefault(CACHE_ENV, str(ROOT / "build" / "generate-cache"))


@pytest.fixture(scope="session")
def httpserver_listen_address() -> tuple[str, int]:
    """pytest-httpserver binds 127.0.0.1 (never "localhost", which may resolve elsewhere)."""
    return ("127.0.0.1", 0)


@pytest.fixture
def load_fixture() -> Callable[[str], Any]:
    """A JSON body from tests/fixtures/, parsed."""

    def load(name: str) -> Any:
        return json.loads((FIXTURES_DIR / name).read_text())

    return load


@pytest.fixture
def client_for() -> Callable[..., Any]:
    """An AuthenticatedClient with the canary key and tiny retry waits (tests stay fast); keywords override."""
    from elevenlabs_user_client import AuthenticatedClient

    def make(base_url: str, **settings: Any) -> AuthenticatedClient:
        defaults: dict[str, Any] = {"token": CANARY_KEY, "retry_backoff": 0.01, "max_retry_wait": 0.05}
        return AuthenticatedClient(base_url=base_url, **{**defaults, **settings})

    return make


@pytest.fixture
def threaded_httpserver() -> Iterator[HTTPServer]:
    """A loopback server of the test's own that answers requests in parallel: slow or concurrent handlers
    neither serialise the calls under test nor leave abandoned requests for later tests."""
    server = HTTPServer(host="127.0.0.1", port=0, threaded=True)
    server.start()
    yield server
    server.clear()
    server.stop()


@pytest.fixture(scope="session")
def mypy_strict() -> Callable[[Path], subprocess.CompletedProcess[str]]:
    """`mypy --strict` on a user's file that uses the package, as its author would run it. One cache per test worker:
    the package and its dependencies are analysed once (about 6 s), not at every run."""
    cache = ROOT / "build" / "mypy-cache" / os.environ.get("PYTEST_XDIST_WORKER", "main")

    def check(path: Path) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(cache), str(path)]
        return subprocess.run(command, capture_output=True, text=True, cwd=path.parent)

    return check


# The end-to-end chains (tests/end_to_end) share one virtual environment holding the runtime dependencies, installed
# once per worker from the registry; each test gets a copy to install the package into.
@pytest.fixture(scope="session")
def dependencies_venv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    env_dir = tmp_path_factory.mktemp("dependencies") / "venv"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    subprocess.run([*pip_for(env_dir), "install", *DEPENDENCIES], check=True, cwd=env_dir)
    return env_dir


@pytest.fixture
def fresh_venv(dependencies_venv: Path) -> Callable[[Path], Path]:
    """A new virtual environment at the given path with the runtime dependencies and not the package."""

    def make(dest: Path) -> Path:
        # A venv's interpreter finds its prefix from pyvenv.cfg beside it, so a copy is a venv of its own.
        shutil.copytree(dependencies_venv, dest, symlinks=True)
        return dest

    return make


# The longest files first, so that the two workers of `make test` finish together: pytest-xdist hands whole files to
# the workers in collection order (`--dist loadfile --no-loadscope-reorder`); the rest keep their order after these.
_LONGEST_FIRST = (
    "test_release_chain.py", "test_full_document.py", "test_sync.py", "test_spec_history.py", "test_properties.py",
    "test_publish_and_install.py", "test_spec_import.py", "test_spec_diff_cli.py", "test_runtime_deadline.py",
    "test_install_from_source.py",
)  # fmt: skip


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    rank = {name: place for place, name in enumerate(_LONGEST_FIRST)}
    items.sort(key=lambda item: rank.get(item.path.name, len(rank)))
