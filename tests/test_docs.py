"""`make docs`: the API reference has a page for the client, the errors, both operations and every model, and each
model field shows its description, its type and whether it may be missing or null."""

from __future__ import annotations

import html
import importlib
import re
from pathlib import Path

import attrs
import pytest
import yaml

from scripts import docs
from scripts.paths import CANONICAL_SPEC, PACKAGE_DIR, PACKAGE_NAME

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
