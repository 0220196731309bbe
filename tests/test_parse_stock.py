"""Where our generated parser does the stock generator's job, it gives the stock result: one spec with every kind of
value the whole upstream API has (formats, integer enums, consts, lists, unions of models, typed maps, nulls), generated
twice (with our templates and with the generator's own), parsed from the same conforming bodies, compared field by
field and through to_dict()."""

from __future__ import annotations

import datetime
import enum
import importlib
import json
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import attrs
import pytest

from scripts.generate import generate_into

OURS, STOCK = "sink_ours_client", "sink_stock_client"


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


SCHEMAS: dict[str, Any] = {
    "Region": {"type": "string", "enum": ["https://api.example.invalid"], "x-enum-varnames": ["PRODUCTION"]},
    "Mode": {"type": "string", "enum": ["fast", "slow"], "title": "Mode"},
    "Level": {"type": "integer", "enum": [2, 3, -4], "title": "Level"},
    "Item": {"type": "object", "title": "Item", "required": ["item_id"], "properties": {"item_id": {"type": "string"}}},
    "Other": {"type": "object", "title": "Other", "required": ["count"], "properties": {"count": {"type": "integer"}}},
    "Bag": {"type": "object", "title": "Bag", "additionalProperties": _ref("Item")},
    "Thing": {
        "type": "object",
        "title": "Thing",
        "required": ["s", "i", "mode"],
        "properties": {
            "s": {"type": "string"},
            "i": {"type": "integer"},
            "f": {"type": "number"},
            "b": {"type": "boolean"},
            "when": {"type": "string", "format": "date-time"},
            "day": {"type": "string", "format": "date"},
            "id": {"type": "string", "format": "uuid"},
            "mode": _ref("Mode"),
            "level": _ref("Level"),
            "kind": {"const": "thing", "type": "string"},
            "items": {"type": "array", "items": _ref("Item")},
            "modes": {"type": "array", "items": _ref("Mode")},
            "tags": {"type": "array", "items": {"type": "string"}},
            "limit": {"anyOf": [{"type": "integer"}, {"const": "unlimited", "type": "string"}]},
            "either": {"anyOf": [_ref("Item"), _ref("Other"), {"type": "null"}]},
            "bag": _ref("Bag"),
            "note": {"anyOf": [{"type": "string"}, {"type": "null"}]},
            "maybe_mode": {"anyOf": [_ref("Mode"), {"type": "null"}]},
            "anything": {},
        },
    },
}
SPEC: dict[str, Any] = {
    "openapi": "3.1.0",
    "info": {"title": "sink", "version": "1"},
    "paths": {
        "/thing": {
            "get": {
                "operationId": "get_thing",
                "tags": ["things"],
                "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": _ref("Thing")}}}},
            }
        }
    },
    "components": {"schemas": SCHEMAS},
}

FULL = {
    "s": "a", "i": 1, "f": 1.5, "b": True, "when": "2026-08-22T10:00:00+00:00", "day": "2026-08-22",
    "id": "123e4567-e89b-12d3-a456-426614174000", "mode": "fast", "level": -4, "kind": "thing",
    "items": [{"item_id": "x"}, {"item_id": "y", "extra": [1]}], "modes": ["slow", "fast"], "tags": ["t"],
    "limit": "unlimited", "either": {"count": 3}, "bag": {"k": {"item_id": "z"}}, "note": None,
    "maybe_mode": "slow", "anything": {"deep": [None]}, "unknown": {"kept": True},
}  # fmt: skip
BODIES = [
    FULL,
    {"s": "", "i": -7, "mode": "slow"},
    # Not `limit: 10`: the stock parser raises on it (generator issue #1044, a const in a union); ours takes it.
    {**FULL, "f": 2, "either": {"item_id": "i"}, "note": "n", "maybe_mode": None, "items": []},
    {**FULL, "either": None, "bag": {}, "anything": 3},
]


def _stock(spec: Path, root: Path) -> Path:
    config = root / "stock-config.yaml"
    config.write_text(f"package_name_override: {STOCK}\nproject_name_override: sink\n")
    subprocess.run(
        [sys.executable, "-m", "openapi_python_client", "generate", "--path", str(spec), "--config", str(config),
         "--meta", "none", "--output-path", str(root / STOCK), "--overwrite"],
        check=True, capture_output=True, text=True,
    )  # fmt: skip
    return root / STOCK


@pytest.fixture(scope="module")
def packages(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[ModuleType, ModuleType]]:
    root = tmp_path_factory.mktemp("sink")
    spec = root / "sink.json"
    spec.write_text(json.dumps(SPEC))
    generate_into(root / "out", spec).rename(root / OURS)
    _stock(spec, root)
    sys.path.insert(0, str(root))
    try:
        yield importlib.import_module(f"{OURS}.models"), importlib.import_module(f"{STOCK}.models")
    finally:
        sys.path.remove(str(root))
        for name in [n for n in sys.modules if n.startswith((OURS, STOCK))]:
            del sys.modules[name]


def _plain(value: Any) -> Any:
    """A parsed value with its classes forgotten: models as dicts of their fields, enum members as their values."""
    if attrs.has(type(value)):
        return {
            "class": type(value).__name__,
            **{f.name: _plain(getattr(value, f.name)) for f in attrs.fields(type(value)) if not f.name.startswith("_")},
        }
    if isinstance(value, enum.Enum):
        return ("enum", value.value)
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if type(value).__name__ == "Unset":
        return "UNSET"
    return (type(value).__name__, value)


@pytest.mark.parametrize("body", BODIES, ids=range(len(BODIES)))
def test_our_parser_gives_the_stock_result(packages: tuple[ModuleType, ModuleType], body: dict[str, Any]) -> None:
    ours_models, stock_models = packages
    ours = ours_models.Thing.from_dict(json.loads(json.dumps(body)))
    stock = stock_models.Thing.from_dict(json.loads(json.dumps(body)))
    assert _plain(ours) == _plain(stock)
    assert ours.to_dict() == stock.to_dict()
    assert ours_models.Thing.from_dict(json.loads(json.dumps(body)), strict=True) == ours


def test_the_kinds_are_what_the_stock_parser_makes(packages: tuple[ModuleType, ModuleType]) -> None:
    # The comparison above is only worth something if both sides convert: check that they really did.
    parsed = packages[0].Thing.from_dict(FULL)
    assert isinstance(parsed.when, datetime.datetime) and isinstance(parsed.day, datetime.date)
    assert isinstance(parsed.id, uuid.UUID) and isinstance(parsed.level, enum.IntEnum)
    assert type(parsed.either).__name__ == "Other" and type(parsed.bag["k"]).__name__ == "Item"
