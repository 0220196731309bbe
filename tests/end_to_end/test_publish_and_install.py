"""End to end on a real index: build, publish to a pypiserver on 127.0.0.1 (auth for upload, list and download),
refuse a duplicate version and a wrong password, then install the package from that index ONLY into a fresh
virtual environment and call both operations against a loopback server.

Dependency choice: the fresh venv holds the runtime dependencies (pyproject's ranges) from the normal registry
(tests/end_to_end/conftest.py), then gets our package with `--no-deps --index-url <local index>` and no other index
or find-links, so it can only come from the local index (the install report's download URL proves it).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tomllib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from local_index import PASSWORD, USER, local_index
from pytest_httpserver import HTTPServer
from scratch_repo import commit_all, mark_released, scratch_clone
from venvs import pip_for

from scripts import build_dist
from scripts.paths import CANONICAL_SPEC, ROOT
from scripts.spec_import.load import load_yaml_text

WRONG_PASSWORD = "not-the-Password-9902"
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    """A pypiserver on 127.0.0.1 that wants credentials for everything."""
    with local_index(tmp_path_factory.mktemp("index")) as server:
        yield {"url": server.url, "port": server.port, "packages": server.packages, "server": server}


@pytest.fixture(scope="module")
def released_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A scratch copy of this repository whose HEAD is the release commit of pyproject's version."""
    repo = scratch_clone(tmp_path_factory.mktemp("repo"))
    mark_released(repo)
    return repo


@pytest.fixture(scope="module")
def dist(released_repo: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    build_dist.twine_check(build_dist.build(out, root=released_repo))
    return out


def publish(dist: Path, index_url: str, password: str, repo: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "TWINE_REPOSITORY_URL": index_url, "TWINE_USERNAME": USER, "TWINE_PASSWORD": password}
    return subprocess.run(
        [sys.executable, "-m", "scripts.publish", "--dist", str(dist), "--repo", str(repo)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )


def _example(schema: str) -> Any:
    return load_yaml_text(CANONICAL_SPEC.read_text())["components"]["schemas"][schema]["example"]


CALL_BOTH = """
import inspect, json, sys
from elevenlabs_user_client import AuthenticatedClient
from elevenlabs_user_client.api.user import get_user, get_user_subscription
kwargs = {"base_url": sys.argv[1], "token": "e2e-placeholder-key"}
if "auth_header_name" in inspect.signature(AuthenticatedClient).parameters:
    kwargs.update(prefix="", auth_header_name="xi-api-key")
client = AuthenticatedClient(**kwargs)
user = get_user.sync(client=client)
sub = get_user_subscription.sync(client=client)
print(json.dumps({"module": get_user.__file__, "user_id": user.user_id, "tier": user.subscription.tier,
                  "sub_tier": sub.tier, "character_limit": sub.character_limit}))
"""


@pytest.mark.slow
def test_publish_install_and_call(
    index: dict[str, Any], dist: Path, released_repo: Path, tmp_path: Path, fresh_venv: Callable[[Path], Path]
) -> None:
    version = PROJECT["version"]

    # A wrong password is reported before anything is sent, and never echoed.
    wrong = publish(dist, index["url"], WRONG_PASSWORD, released_repo)
    assert wrong.returncode == 2, wrong.stderr
    assert "refused the credentials" in wrong.stderr
    assert "\x1b[" not in wrong.stdout + wrong.stderr  # no colour codes when not on a terminal
    assert WRONG_PASSWORD not in wrong.stdout + wrong.stderr and PASSWORD not in wrong.stdout + wrong.stderr
    assert list(index["packages"].iterdir()) == []

    ok = publish(dist, index["url"], PASSWORD, released_repo)
    assert ok.returncode == 0, ok.stderr
    assert PASSWORD not in ok.stdout + ok.stderr
    assert sorted(p.name for p in index["packages"].iterdir()) == sorted(p.name for p in dist.iterdir())

    again = publish(dist, index["url"], PASSWORD, released_repo)
    assert again.returncode == 1
    assert f"elevenlabs-user-client {version} is already on" in again.stderr
    assert PASSWORD not in again.stdout + again.stderr

    # A fresh venv: dependencies from the normal registry (conftest.py), our package from the local index only.
    env_dir = fresh_venv(tmp_path / "venv")
    py = str(env_dir / "bin" / "python")
    pip = pip_for(env_dir)
    local = f"http://{USER}:{PASSWORD}@127.0.0.1:{index['port']}/simple/"
    clean_env = {k: v for k, v in os.environ.items() if not k.startswith("PIP_")}
    clean_env["PIP_CONFIG_FILE"] = os.devnull  # no configured extra indexes or find-links: the local index only
    report = tmp_path / "report.json"
    subprocess.run(
        [*pip, "install", "--no-deps", "--no-cache-dir", "--index-url", local, "--report", str(report),
         f"elevenlabs-user-client=={version}"],
        check=True, cwd=tmp_path, env=clean_env,
    )  # fmt: skip
    (installed,) = json.loads(report.read_text())["install"]
    assert installed["download_info"]["url"].startswith(f"http://127.0.0.1:{index['port']}/")
    assert installed["metadata"]["version"] == version

    with HTTPServer(host="127.0.0.1", port=0) as api:
        api.expect_request("/v1/user", method="GET").respond_with_json(_example("UserResponseModel"))
        api.expect_request("/v1/user/subscription", method="GET").respond_with_json(
            _example("ExtendedSubscriptionResponseModel")
        )
        run = subprocess.run([py, "-c", CALL_BOTH, api.url_for("/")], cwd=tmp_path, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    got = json.loads(run.stdout)
    assert got["module"].startswith(str(env_dir))  # the installed copy, not the working tree
    user, sub = _example("UserResponseModel"), _example("ExtendedSubscriptionResponseModel")
    assert (got["user_id"], got["tier"]) == (user["user_id"], user["subscription"]["tier"])
    assert (got["sub_tier"], got["character_limit"]) == (sub["tier"], sub["character_limit"])


# --- the gates: each refusal leaves the index untouched ---------------------------------------------------------


def _refused(result: subprocess.CompletedProcess[str], index: dict[str, Any], message: str) -> None:
    assert result.returncode == 1, result.stderr
    assert "publish refused, nothing uploaded" in result.stderr and message in result.stderr, result.stderr
    assert "\x1b[" not in result.stderr


@pytest.mark.slow
def test_gates_refuse_dirty_tree_hand_edit_and_a_commit_after_the_release(
    index: dict[str, Any], dist: Path, tmp_path: Path
) -> None:
    repo = scratch_clone(tmp_path / "repo")
    mark_released(repo)
    before = sorted(p.name for p in index["packages"].iterdir())
    init = repo / "client" / "elevenlabs_user_client" / "__init__.py"
    init.write_text(init.read_text() + "# a hand edit\n")
    _refused(publish(dist, index["url"], PASSWORD, repo), index, "the git tree is dirty (client/")
    commit_all(repo, "hand edit in client/")
    _refused(publish(dist, index["url"], PASSWORD, repo), index, "client/ is not what `make generate` produces")
    init.write_text(init.read_text().replace("# a hand edit\n", ""))
    (repo / "README.md").write_text((repo / "README.md").read_text() + "\nmore\n")
    commit_all(repo, "a change after the release")
    _refused(publish(dist, index["url"], PASSWORD, repo), index, "HEAD is not the release commit of")
    assert sorted(p.name for p in index["packages"].iterdir()) == before
