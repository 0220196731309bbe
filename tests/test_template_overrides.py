"""Our template overrides stay small and guarded: each records the stock template it was derived from, and the
parse template refuses, at generation time, a property kind it does not know."""

from __future__ import annotations

import hashlib
import re
import typing
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import jinja2
import openapi_python_client
import pytest
import yaml
from openapi_python_client import TEMPLATE_FILTERS
from openapi_python_client.parser.properties import Property

from scripts.paths import TEMPLATES_DIR

STOCK_DIR = Path(openapi_python_client.__file__).parent / "templates"
MANIFEST = yaml.safe_load((TEMPLATES_DIR / "overrides.yaml").read_text())
RECORDED: dict[str, dict[str, str]] = {**MANIFEST["overrides"], **MANIFEST["builds_on"]}


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _templates(root: Path) -> set[str]:
    return {p.relative_to(root).as_posix() for p in root.rglob("*.jinja")}


@pytest.mark.parametrize("name", sorted(RECORDED))
def test_stock_template_is_the_one_our_override_was_derived_from(name: str) -> None:
    stock = STOCK_DIR / name
    assert stock.is_file(), f"{name}: the installed generator has no such template any more; review templates/{name}"
    assert _sha256(stock) == RECORDED[name]["sha256"], (
        f"{name}: the installed generator's stock template differs from the one templates/{name} was derived from "
        f"({MANIFEST['generator']}). Review the upstream change, port it, then update templates/overrides.yaml."
    )


def test_every_override_is_recorded_and_every_record_is_an_override() -> None:
    ours, stock = _templates(TEMPLATES_DIR), _templates(STOCK_DIR)
    assert sorted((ours & stock) - set(MANIFEST["overrides"])) == [], "overrides missing from templates/overrides.yaml"
    assert sorted(set(MANIFEST["overrides"]) - ours) == [], "recorded overrides that templates/ no longer has"
    assert sorted(set(MANIFEST["builds_on"]) & ours) == [], "builds_on lists stock templates we do not override"


def test_the_pin_in_the_manifest_is_the_project_pin() -> None:
    pyproject = (TEMPLATES_DIR.parent / "pyproject.toml").read_text()
    assert f'"{MANIFEST["generator"]}"' in pyproject


# --- the parse template ------------------------------------------------------------------------------------------

PARSE_TEMPLATE = TEMPLATES_DIR / "parse.jinja"
# Kinds the parse template refuses on purpose (scripts/generate.py refuses the option that makes them first).
REFUSED = {"LiteralEnumProperty"}


def test_the_parse_template_knows_every_property_kind_of_the_generator() -> None:
    known = set(re.findall(r'"(\w+Property)"', PARSE_TEMPLATE.read_text()))
    generator_kinds = {kind.__name__ for kind in typing.get_args(Property)}
    assert generator_kinds - known - REFUSED == set(), "property kinds the parse template would refuse"


def _render_value(prop: Any) -> str:
    # The generator's own environment: settings, loaders (ours first) and filters, as openapi_python_client.Project.
    loaders = [jinja2.FileSystemLoader(TEMPLATES_DIR), jinja2.PackageLoader("openapi_python_client")]
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders),
        trim_blocks=True,
        lstrip_blocks=True,
        extensions=["jinja2.ext.loopcontrols"],
    )
    env.filters.update(TEMPLATE_FILTERS)
    return env.from_string('{% from "parse.jinja" import value %}{{ value(prop, "v", "{at}") }}').render(prop=prop)


def _property_of_kind(kind: str, **attributes: Any) -> Any:
    return type(kind, (SimpleNamespace,), {})(name="voice_id", **attributes)


def test_a_known_kind_renders_its_parser() -> None:
    expected = '(v if type(v) is str else p.bad(v, f"{at}", "string"))'
    assert _render_value(_property_of_kind("StringProperty")) == expected


@pytest.mark.parametrize("kind", ["MysteryProperty", *sorted(REFUSED)])
def test_an_unknown_property_kind_fails_the_generation_naming_it(kind: str) -> None:
    with pytest.raises(KeyError, match=rf"cannot parse property kind {kind} \(voice_id\)"):
        _render_value(_property_of_kind(kind))
