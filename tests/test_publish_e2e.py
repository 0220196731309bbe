"""End to end on a real index: build, publish to a pypiserver on 127.0.0.1 (auth for upload, list and download),
refuse a duplicate version and a wrong password, then install the package from that index ONLY into a fresh
virtual environment and call both operations against a loopback server.

Dependency choice: the fresh venv first gets the runtime dependencies (pyproject's ranges) from the normal
registry, then our package with `--no-deps --index-url <local index>` and no other index or find-links, so it can
only come from the local index (the install report's download URL proves it).
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import tomllib
import venv
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from passlib.apache import HtpasswdFile
from pytest_httpserver import HTTPServer

from scripts import build_dist
from scripts.paths import CANONICAL_SPEC, ROOT
from scripts.spec_import.load import load_yaml_text

USER, PASSWORD = "uploader", "e2e-Secret-pw-7431"
WRONG_PASSWORD = "not-the-Password-9902"
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    """A pypiserver on 127.0.0.1 that wants credentials for everything; stopped whatever happens."""
    root = tmp_path_factory.mktemp("index")
    packages = root / "packages"
    packages.mkdir()
    htpasswd = HtpasswdFile(str(root / "htpasswd"), new=True)
    htpasswd.set_password(USER, PASSWORD)
    htpasswd.save()
    port = _free_port()
    cmd = [
        sys.executable, "-m", "pypiserver", "run", "--host", "127.0.0.1", "--port", str(port),
        "--authenticate", "update,list,download", "--passwords", str(root / "htpasswd"),
        "--disable-fallback", "--log-file", str(root / "server.log"), str(packages),
    ]  # fmt: skip
    server = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        url = f"http://127.0.0.1:{port}/"
        deadline = time.monotonic() + 20
        while True:
            try:
                if httpx.get(f"{url}health", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if server.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"pypiserver did not start: {(root / 'server.log').read_text(errors='replace')}")
            time.sleep(0.2)
        yield {"url": url, "port": port, "packages": packages}
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    build_dist.twine_check(build_dist.build(out))
    return out


def publish(dist: Path, index_url: str, password: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "TWINE_REPOSITORY_URL": index_url, "TWINE_USERNAME": USER, "TWINE_PASSWORD": password}
    return subprocess.run(
        [sys.executable, "-m", "scripts.publish", "--dist", str(dist)],
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
def test_publish_install_and_call(index: dict[str, Any], dist: Path, tmp_path: Path) -> None:
    version = PROJECT["version"]

    # A wrong password is reported before anything is sent, and never echoed.
    wrong = publish(dist, index["url"], WRONG_PASSWORD)
    assert wrong.returncode == 2, wrong.stderr
    assert "refused the credentials" in wrong.stderr
    assert WRONG_PASSWORD not in wrong.stdout + wrong.stderr and PASSWORD not in wrong.stdout + wrong.stderr
    assert list(index["packages"].iterdir()) == []

    ok = publish(dist, index["url"], PASSWORD)
    assert ok.returncode == 0, ok.stderr
    assert PASSWORD not in ok.stdout + ok.stderr
    assert sorted(p.name for p in index["packages"].iterdir()) == sorted(p.name for p in dist.iterdir())

    again = publish(dist, index["url"], PASSWORD)
    assert again.returncode == 1
    assert f"elevenlabs-user-client {version} is already on" in again.stderr
    assert PASSWORD not in again.stdout + again.stderr

    # A fresh venv: dependencies from the normal registry, our package from the local index only.
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    py = str(env_dir / "bin" / "python")
    pip = [py, "-m", "pip", "--disable-pip-version-check", "--quiet"]
    subprocess.run([*pip, "install", *PROJECT["dependencies"]], check=True, cwd=tmp_path)
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
