"""`make build`: a real sdist and wheel, their file lists and METADATA as pip and an index see them."""

from __future__ import annotations

import tarfile
import tomllib
import zipfile
from pathlib import Path

import pytest
from packaging.requirements import Requirement

from scripts import build_dist
from scripts.paths import ROOT

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]


@pytest.fixture(scope="module")
def artifacts(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    outdir = tmp_path_factory.mktemp("dist")
    (outdir / "stale-0.0.1-py3-none-any.whl").write_text("left over from an older build")
    assert build_dist.main(["--outdir", str(outdir)]) == 0
    files = sorted(outdir.iterdir())
    assert len(files) == 2, files  # cleaned first: the stale file is gone
    return {"wheel": next(p for p in files if p.suffix == ".whl"), "sdist": next(p for p in files if p.suffix == ".gz")}


@pytest.mark.slow
def test_wheel_holds_the_package_and_py_typed_only(artifacts: dict[str, Path]) -> None:
    with zipfile.ZipFile(artifacts["wheel"]) as zf:
        names = zf.namelist()
    tops = {n.split("/")[0] for n in names}
    assert tops == {"elevenlabs_user_client", f"elevenlabs_user_client-{PYPROJECT['version']}.dist-info"}
    assert "elevenlabs_user_client/py.typed" in names
    assert "elevenlabs_user_client/api/user/get_user.py" in names
    assert "elevenlabs_user_client/api/user/get_user_subscription.py" in names
    package_files = [n for n in names if n.startswith("elevenlabs_user_client/")]
    assert all(n.endswith(".py") or n.endswith("py.typed") for n in package_files)


@pytest.mark.slow
def test_wheel_metadata_matches_pyproject(artifacts: dict[str, Path]) -> None:
    meta = build_dist.wheel_metadata(artifacts["wheel"])
    assert meta["Name"] == PYPROJECT["name"] == "elevenlabs-user-client"
    assert meta["Version"] == PYPROJECT["version"]
    assert meta["Summary"] == PYPROJECT["description"]
    assert meta["License-Expression"] == "MIT"
    assert meta["Requires-Python"] == ">=3.11"
    assert meta["Description-Content-Type"] == "text/markdown"
    assert "# elevenlabs-user-client" in str(meta.get_payload())
    declared = {Requirement(r).name: Requirement(r).specifier for r in PYPROJECT["dependencies"]}
    shipped = {Requirement(r).name: Requirement(r).specifier for r in meta.get_all("Requires-Dist") or []}
    assert shipped == declared
    assert all(str(spec) for spec in shipped.values())  # every dependency has a range


@pytest.mark.slow
def test_sdist_has_no_tests_scripts_or_specs(artifacts: dict[str, Path]) -> None:
    with tarfile.open(artifacts["sdist"]) as tf:
        inner = [m.name.split("/", 1)[1] for m in tf.getmembers() if "/" in m.name]
    assert "client/elevenlabs_user_client/py.typed" in inner
    assert "pyproject.toml" in inner and "LICENSE" in inner and "README.md" in inner
    assert not [n for n in inner if n.split("/")[0] in {"tests", "scripts", "templates"}]
    assert not [n for n in inner if n.endswith((".yaml", ".json"))]


def test_wheel_check_flags_strays_and_missing_metadata(tmp_path: Path) -> None:
    wheel = tmp_path / "elevenlabs_user_client-9.9.9-py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w") as zf:
        zf.writestr("elevenlabs_user_client/__init__.py", "")
        zf.writestr("tests/test_x.py", "")
        metadata = "Name: x\nVersion: 9.9.9\nRequires-Dist: httpx\n"
        zf.writestr("elevenlabs_user_client-9.9.9.dist-info/METADATA", metadata)
    problems = build_dist.wheel_problems(wheel, "9.9.9")
    assert "wheel holds tests/test_x.py, which is not part of the package" in problems
    assert "wheel lacks py.typed (PEP 561)" in problems
    assert "METADATA lacks Requires-Python" in problems
    assert "dependency without a version range: httpx" in problems
