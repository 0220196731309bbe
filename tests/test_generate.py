"""client/ is exactly what `make generate` produces from openapi/, generator-config.yaml and templates/."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from scripts import generate
from scripts.paths import EXTENSIONS_DIR, GENERATOR_CONFIG, PACKAGE_DIR, ROOT, RUNTIME_DIR


def test_client_matches_a_fresh_generation(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(generate.CACHE_ENV)  # really fresh: not a package kept by an earlier test
    fresh = generate.generate_into(tmp_path)
    problems = generate.tree_differences(fresh, PACKAGE_DIR)
    assert not problems, "client/ differs from `make generate`; run it and commit:\n" + "\n".join(problems)


def test_comparison_lists_every_differing_file(tmp_path: Path) -> None:
    # The drift check must name each file, not stop at the first one.
    copy = tmp_path / "copy"
    shutil.copytree(PACKAGE_DIR, copy)
    (copy / "client.py").write_text("# edited by hand\n")
    (copy / "models" / "price.py").unlink()
    (copy / "stray.py").write_text("")
    problems = generate.tree_differences(PACKAGE_DIR, copy)
    kinds = sorted(p.splitlines()[0] for p in problems)
    assert kinds == [
        "differs: client.py",
        "missing from client/: models/price.py",
        "not produced by the generator: stray.py",
    ]


def test_generator_and_formatter_are_pinned_exactly() -> None:
    pyproject = (ROOT / "pyproject.toml").read_text()
    assert re.search(r'"openapi-python-client==\d+\.\d+\.\d+"', pyproject)
    assert re.search(r'"ruff==\d+\.\d+\.\d+"', pyproject)
    # The formatter runs hermetically so a temporary output folder formats like client/.
    assert "--isolated" in GENERATOR_CONFIG.read_text()


def _tiny_spec_with_two_problems() -> dict[str, object]:
    ok = {"200": {"description": "ok", "content": {"application/json": {"schema": {"type": "string"}}}}}
    return {
        "openapi": "3.1.0",
        "info": {"title": "t", "version": "1"},
        "paths": {
            "/fine": {"get": {"operationId": "fine", "responses": ok}},
            # Two things the generator would leave out: a media type nobody mapped, a default it cannot hold.
            "/image": {"get": {"operationId": "image", "responses": {"200": {"description": "ok", "content": {
                "image/x-unmapped": {"schema": {"type": "string", "format": "binary"}}}}}}},
            "/thing": {"get": {"operationId": "thing", "responses": {"200": {"description": "ok", "content": {
                "application/json": {"schema": {"$ref": "#/components/schemas/Holder"}}}}}}},
        },
        "components": {"schemas": {
            "Region": {"type": "string", "enum": ["https://api.example.invalid"]},
            "Thing": {"type": "object", "title": "Thing", "properties": {"a": {"type": "integer"}}},
            "Holder": {"type": "object", "title": "Holder", "properties": {
                "thing": {"allOf": [{"$ref": "#/components/schemas/Thing"}], "default": {"a": 1}}}},
        }},
    }  # fmt: skip


def test_any_spec_generates_like_make_generate_and_every_warning_fails_it(tmp_path: Path) -> None:
    spec = tmp_path / "spec.json"
    spec.write_text(json.dumps(_tiny_spec_with_two_problems()))
    out = tmp_path / "out"
    (out / "elevenlabs_user_client").mkdir(parents=True)
    (out / "elevenlabs_user_client" / "old.py").write_text("# the previous package\n")
    cmd = [sys.executable, "-m", "scripts.generate", "--spec", str(spec), "--output", str(out)]
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 2
    # The generator's own --fail-on-warning decides; its listing names every problem.
    assert "image/x-unmapped" in proc.stderr and "/components/schemas/Holder" in proc.stderr
    assert [p.name for p in (out / "elevenlabs_user_client").iterdir()] == ["old.py"]  # untouched

    fixed = _tiny_spec_with_two_problems()
    del fixed["paths"]["/image"], fixed["components"]["schemas"]["Holder"]["properties"]["thing"]["default"]  # type: ignore[index]
    spec.write_text(json.dumps(fixed))
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    package = out / "elevenlabs_user_client"
    assert (package / "api" / "default" / "thing.py").is_file() and not (package / "old.py").exists()


def test_runtime_modules_are_copied_byte_for_byte() -> None:
    # The runtime is plain Python under templates/runtime/: the package holds exact copies (client.py and errors.py
    # replace what their placeholder templates render).
    paths = sorted([*RUNTIME_DIR.glob("*.py"), *EXTENSIONS_DIR.glob("*.py")])
    assert {p.name for p in paths} >= {"client.py", "cli.py"}
    for path in paths:
        assert (PACKAGE_DIR / path.name).read_bytes() == path.read_bytes(), path.name


def test_an_extension_is_left_out_of_a_package_without_what_it_imports(
    tmp_path: Path, mypy_strict: Callable[[Path], Any]
) -> None:
    # The quota command calls GET /v1/user: a spec without that operation generates a whole package without it.
    spec = {
        "openapi": "3.1.0",
        "info": {"title": "t", "version": "1"},
        "paths": {"/v1/things": {"get": {"operationId": "get_things", "responses": {"204": {"description": "ok"}}}}},
    }
    (tmp_path / "spec.json").write_text(json.dumps(spec))
    package = generate.generate_into(tmp_path / "out", tmp_path / "spec.json")
    assert (package / "client.py").is_file() and not (package / "cli.py").exists()
    done = mypy_strict(package)  # a working package: no model, no quota command, every module type-checks
    assert done.returncode == 0, done.stdout
    assert generate._missing_imports(EXTENSIONS_DIR / "cli.py", package) != []
    assert generate._missing_imports(EXTENSIONS_DIR / "cli.py", PACKAGE_DIR) == []


@pytest.mark.parametrize(
    ("line", "missing"),
    [
        ("from . import errors, models", []),  # a module and a folder of the package
        ("from .models import Region", []),  # a name its __init__ gives
        ("from .models.region import Region", []),
        ("from .api.user import get_user", []),
        ("from .models import NoSuchModel", [".models.NoSuchModel"]),
        ("from .api.voices import get_voices", [".api.voices"]),
        ("from .api.user import delete_user", [".api.user.delete_user"]),
        ("import json\nfrom json import loads", []),  # not the package's
    ],
)
def test_an_extension_needs_each_module_it_imports(tmp_path: Path, line: str, missing: list[str]) -> None:
    (tmp_path / "extension.py").write_text(line + "\n")
    assert generate._missing_imports(tmp_path / "extension.py", PACKAGE_DIR) == missing


def test_a_kept_package_is_used_only_for_the_same_inputs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(generate.CACHE_ENV, str(tmp_path / "kept"))
    first = generate.generate_into(tmp_path / "first")
    assert len(list((tmp_path / "kept").iterdir())) == 1

    def no_generator(*args: object, **kwargs: object) -> None:
        raise AssertionError("the generator ran although the inputs were kept")

    monkeypatch.setattr(generate, "run_generator", no_generator)
    again = generate.generate_into(tmp_path / "again")  # same inputs: the kept package, byte for byte
    assert generate.tree_differences(again, first) == []
    config = tmp_path / "generator-config.yaml"  # another input (a comment more): generated afresh
    config.write_text(GENERATOR_CONFIG.read_text() + "# changed\n")
    with pytest.raises(AssertionError, match="the generator ran"):
        generate.generate_into(tmp_path / "other", config=config)
