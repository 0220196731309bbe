"""`make docs`: the API reference has a page for the client, the errors, both operations and every model, and each
model field shows its description, its type and whether it may be missing or null."""

from __future__ import annotations

import html
import importlib
import re
import shlex
import subprocess
import sys
import tomllib
from pathlib import Path

import attrs
import pytest
import yaml
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet
from packaging.version import Version

from scripts import docs
from scripts.paths import CANONICAL_SPEC, PACKAGE_DIR, PACKAGE_NAME, ROOT

MODEL_MODULES = sorted(p.stem for p in (PACKAGE_DIR / "models").glob("*.py") if p.stem != "__init__")


def text_of(fragment: str) -> str:
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", "", fragment))).strip()


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("docs") / "site"
    assert docs.main(["--output", str(out)]) == 0
    return out


def page(site: Path, module: str) -> str:
    path = site / (module.replace(".", "/") + ".html")
    assert path.is_file(), f"no page for {module}"
    return path.read_text(encoding="utf-8")


def test_pages_for_the_client_the_errors_and_both_operations(site: Path) -> None:
    assert (site / "index.html").is_file()
    start = text_of(page(site, PACKAGE_NAME))
    assert "AuthenticatedClient" in start
    client = text_of(page(site, f"{PACKAGE_NAME}.client"))
    assert "AuthenticatedClient" in client and "from_env" in client and "deadline" in client
    errors = text_of(page(site, f"{PACKAGE_NAME}.errors"))
    for name in ("ElevenLabsError", "APIStatusError", "RateLimitError", "ResponseValidationError"):
        assert name in errors
    for operation, summary in (("get_user", "Get User Info"), ("get_user_subscription", "")):
        text = text_of(page(site, f"{PACKAGE_NAME}.api.user.{operation}"))
        assert all(f in text for f in ("sync", "sync_detailed", "asyncio", "asyncio_detailed"))
        assert summary in text


@pytest.mark.parametrize("module", MODEL_MODULES)
def test_every_model_has_a_page_and_every_field_its_type_and_presence(site: Path, module: str) -> None:
    raw = page(site, f"{PACKAGE_NAME}.models.{module}")
    loaded = importlib.import_module(f"{PACKAGE_NAME}.models.{module}")
    classes = [c for c in vars(loaded).values() if isinstance(c, type) and c.__module__ == loaded.__name__]
    assert classes
    for cls in classes:
        assert f'id="{cls.__name__}"' in raw
        assert cls.__doc__ and cls.__doc__.strip(), f"{cls.__name__} has no docstring"
        if not attrs.has(cls):
            continue
        for field in attrs.fields(cls):
            if field.name == "additional_properties" or field.name.startswith("_"):  # unknown fields, drift state
                continue
            start = raw.index(f'id="{cls.__name__}.{field.name}"')
            end = raw.find('class="classattr"', raw.index(">", start))
            section = raw[start : end if end > 0 else len(raw)]
            found = re.search(r'class="annotation">(.*?)</span>', section, re.DOTALL)
            assert found, f"{cls.__name__}.{field.name} shows no type"
            annotation = text_of(found.group(1))
            assert annotation.startswith(":"), section
            docstring = text_of(section[section.index('<div class="docstring"') :])
            # pdoc writes `X | None | Unset` or `Union[Literal[...], Unset]`
            missing = re.search(r"\bUnset\b", annotation) is not None
            null = re.search(r"\bNone\b", annotation) is not None
            assert ("May be missing (UNSET)" in docstring) == missing, (cls.__name__, field.name, docstring)
            assert ("Always present" in docstring) == (not missing), (cls.__name__, field.name, docstring)
            assert ("null (None)" in docstring) == null, (cls.__name__, field.name, docstring)
            assert ("never null" in docstring) == (not null), (cls.__name__, field.name, docstring)


def test_every_property_description_of_the_spec_is_on_its_model_page(site: Path) -> None:
    schemas = yaml.safe_load(CANONICAL_SPEC.read_text(encoding="utf-8"))["components"]["schemas"]
    models = importlib.import_module(f"{PACKAGE_NAME}.models")
    checked = 0
    for name, schema in schemas.items():
        if name not in models.__all__ or "properties" not in schema:
            continue
        module = getattr(models, name).__module__
        text = text_of(page(site, module))
        for prop, body in schema["properties"].items():
            description = " ".join(str(body.get("description", "")).replace("`", "").split())  # markdown: `x` is <code>
            if description:
                assert description[:60] in text, f"{name}.{prop}: description missing from {module}"
                checked += 1
    assert checked > 20


# --- facts the READMEs state, held to the project --------------------------------------------------------------

README_PACKAGE = ROOT / "README.package.md"


def test_the_dependencies_the_readmes_name_are_the_ones_pyproject_declares() -> None:
    declared = {
        Requirement(r).name for r in tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    }
    named = re.search(r"depends on ([\w\-, ]+?)\.", README_PACKAGE.read_text()).group(1)  # type: ignore[union-attr]
    assert set(re.split(r",\s*|\s+and\s+", named)) == declared
    counted = re.search(r"## Runtime dependencies\n\n(\w+):", (ROOT / "README.md").read_text())
    assert counted and counted.group(1).lower() == ["none", "one", "two", "three", "four", "five"][len(declared)]


def test_the_pin_example_admits_the_current_release() -> None:
    version = Version(tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"])
    pins = re.findall(r"`elevenlabs-user-client([<>=!~][^`]*)`", README_PACKAGE.read_text())
    assert pins and any(SpecifierSet(pin).contains(version) for pin in pins), (pins, version)


def test_the_documented_docs_command_documents_operations_models_and_errors(tmp_path: Path) -> None:
    command = re.search(r"pip install pdoc && (pdoc [^\n`]+)", README_PACKAGE.read_text())
    assert command, "README.package.md names no pdoc command"
    pdoc = Path(sys.executable).parent / "pdoc"
    done = subprocess.run([str(pdoc), *shlex.split(command.group(1))[1:], "-o", str(tmp_path)], capture_output=True)
    assert done.returncode == 0, done.stderr
    operation = text_of(page(tmp_path, f"{PACKAGE_NAME}.api.user.get_user"))
    assert "sync_detailed" in operation and "asyncio" in operation
    assert 'id="UserResponseModel"' in page(tmp_path, f"{PACKAGE_NAME}.models")
    assert "BrokenFieldError" in text_of(page(tmp_path, f"{PACKAGE_NAME}.errors"))
