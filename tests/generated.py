"""A package generated from a small spec of a test's own (what the User slice lacks), imported under its own name
beside the real package, and forgotten afterwards: one helper for every test module that needs one."""

from __future__ import annotations

import importlib
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType
from typing import Any

from scripts.generate import generate_into


@contextmanager
def generated_package(root: Path, name: str, spec: dict[str, Any]) -> Iterator[ModuleType]:
    """`spec` generated with the project's generator, config and templates into `root/name`, imported as `name`."""
    (root / "spec.json").write_text(json.dumps(spec))
    generate_into(root / "out", root / "spec.json").rename(root / name)
    sys.path.insert(0, str(root))
    try:
        yield importlib.import_module(name)
    finally:
        sys.path.remove(str(root))
        for loaded in [n for n in sys.modules if n == name or n.startswith(name + ".")]:
            del sys.modules[loaded]


def ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def one_get_spec(path: str, operation_id: str, schemas: dict[str, Any], returns: str) -> dict[str, Any]:
    """A spec with one GET operation at `path` whose 200 JSON body is the schema `returns` of `schemas`."""
    ok = {"description": "ok", "content": {"application/json": {"schema": ref(returns)}}}
    operation = {"operationId": operation_id, "tags": ["things"], "responses": {"200": ok}}
    return {
        "openapi": "3.1.0",
        "info": {"title": "tiny", "version": "1"},
        "paths": {path: {"get": operation}},
        "components": {"schemas": schemas},
    }
