"""The maintainer's loop on real history, end to end, in a scratch copy of this repository: three upstream versions
in turn are imported, generated, tested against their own examples, released, built, published to a pypiserver on
127.0.0.1, installed from that index only into a fresh virtual environment, and imported there. Each version bump
must be what the two diffs (wire and Python API) say.

Budget: one scratch copy, one index and one virtual environment for the whole chain; the package goes in with
`--no-deps` into a copy of the run's environment of runtime dependencies (conftest.py).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tomllib
from collections.abc import Callable
from pathlib import Path

import pytest
from history import source
from local_index import PASSWORD, USER, local_index
from scratch_repo import commit_all, scratch_clone
from venvs import pip_for

from scripts.paths import ROOT
from scripts.release import next_version
from scripts.spec_diff import Severity

# Three steps, labelled differently in tests/history.py: from today's spec back to 2025-06, then a compatible wire
# change that breaks the Python API, then a compatible wire change with no Python change. (Every labelled transition
# of the 21 versions is judged in test_spec_history; here the whole loop runs once per kind of verdict.)
CHAIN = ["2025-06-04_56c159d1", "2025-06-12_a04f0e9e", "2025-06-13_faa9f93a"]
EXAMPLES_CHECK = f"{sys.executable} {ROOT / 'tests' / 'check_spec_examples.py'}"


def run(repo: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full = {**os.environ, "PYTHONPATH": str(repo / "client"), **(env or {})}
    proc = subprocess.run([sys.executable, *args], cwd=repo, capture_output=True, text=True, env=full)
    return proc


def ok(proc: subprocess.CompletedProcess[str], step: str) -> str:
    assert proc.returncode == 0, f"{step} failed ({proc.returncode}):\n{proc.stdout[-2000:]}\n{proc.stderr[-3000:]}"
    return proc.stdout


def project_version(repo: Path) -> str:
    return str(tomllib.loads((repo / "pyproject.toml").read_text())["project"]["version"])


@pytest.mark.slow
@pytest.mark.timeout(600)
def test_upstream_versions_through_the_whole_loop(tmp_path: Path, fresh_venv: Callable[[Path], Path]) -> None:
    repo = scratch_clone(tmp_path / "repo")
    env_dir = fresh_venv(tmp_path / "venv")
    py = str(env_dir / "bin" / "python")
    pip = pip_for(env_dir)
    clean_env = {k: v for k, v in os.environ.items() if not k.startswith("PIP_")}
    clean_env["PIP_CONFIG_FILE"] = os.devnull  # the local index only: no configured extra index or find-links

    def releases() -> list[str]:
        return [line for line in (repo / "CHANGELOG.md").read_text().splitlines() if line.startswith("## ")]

    earlier = len(releases())  # whatever this project has released so far
    with local_index(tmp_path / "index") as index:
        twine = {"TWINE_REPOSITORY_URL": index.url, "TWINE_USERNAME": USER, "TWINE_PASSWORD": PASSWORD}
        for version in CHAIN:
            ok(run(repo, "-m", "scripts.spec_import", str(source(version))), f"import {version}")
            ok(run(repo, "-m", "scripts.generate"), f"generate {version}")
            ok(run(repo, EXAMPLES_CHECK.split()[1]), f"{version}: the package against its examples")
            commit_all(repo, f"Import upstream {version}")

            # What the two diffs say, from the last release to now.
            diff = run(repo, "-m", "scripts.spec_diff", "--old", "openapi/released.yaml", "--json")
            assert diff.returncode in (0, 3), diff.stderr
            verdicts = json.loads(diff.stdout)
            worst = Severity(verdicts["worst"]) if verdicts["worst"] else None
            before = project_version(repo)
            expected = next_version(before, worst)

            released = run(repo, "-m", "scripts.release", env={"RELEASE_TEST_COMMAND": EXAMPLES_CHECK})
            ok(released, f"release {version}")
            assert project_version(repo) == expected, (version, verdicts["wire"], verdicts["python"])
            entry = (repo / "CHANGELOG.md").read_text().split("\n## ")[1]
            assert entry.startswith(f"{expected} — ")
            assert f"the HTTP API has {verdicts['wire']}" in entry
            assert f"the Python API has {verdicts['python']}" in entry
            commit_all(repo, f"Release {expected}")

            dist = tmp_path / f"dist-{expected}"
            ok(run(repo, "-m", "scripts.build_dist", "--outdir", str(dist)), f"build {expected}")
            published = run(repo, "-m", "scripts.publish", "--dist", str(dist), "--repo", str(repo), env=twine)
            assert "uploaded" in ok(published, f"publish {expected}")

            subprocess.run(
                [*pip, "install", "--no-deps", "--no-cache-dir", "--upgrade", "--index-url", index.simple_url(),
                 f"elevenlabs-user-client=={expected}"],
                check=True, cwd=tmp_path, env=clean_env,
            )  # fmt: skip
            probe = subprocess.run(
                [py, "-c", "import importlib.metadata as m, elevenlabs_user_client as p, elevenlabs_user_client.models;"
                           "print(m.version('elevenlabs-user-client'), p.__file__)"],
                cwd=tmp_path, capture_output=True, text=True,
            )  # fmt: skip
            installed, where = ok(probe, f"import {expected}").split()
            assert installed == expected and where.startswith(str(env_dir))

    assert len(releases()) == earlier + len(CHAIN)  # one release per version of the chain
