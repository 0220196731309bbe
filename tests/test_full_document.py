"""ElevenLabs' whole published document (openapi/upstream/, every operation) imports and generates completely, the
way `python -m scripts.generate --spec` does for any imported spec: no generator warning, every operation an endpoint,
every module importable, every schema and success-response example parses (an example that breaks its own schema
raises the package's error and is listed in openapi/README.md as an upstream defect), and every request is what the
spec says (tests/wire_check.py).

The package is built once (scripts/full_api.py) and shared; `make check` runs `mypy --strict` over it."""

from __future__ import annotations

import copy
import importlib
import json
import logging
import pkgutil
import re
import sys
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest
import wire_check
from openapi_python_client import strings
from openapi_python_client.config import Config, ConfigFile, MetaType
from openapi_python_client.parser import GeneratorData

from scripts import full_api
from scripts.paths import GENERATOR_CONFIG, OPENAPI_DIR
from scripts.spec_import.pointer import from_tokens

pytestmark = [pytest.mark.slow, pytest.mark.timeout(300)]  # the first user of the shared package builds it (~1 min)


UPSTREAM = full_api.recorded_upstream()
PACKAGE = full_api.PACKAGE
METHODS = ("get", "put", "post", "delete", "patch", "head", "options", "trace")


@dataclass
class Full:
    doc: dict[str, Any]
    root: Path  # holds the package folder
    parsed: GeneratorData  # the generator's own reading of the spec: which class and module each schema became
    config: Config
    package: ModuleType


@pytest.fixture(scope="module")
def full() -> Iterator[Full]:
    tmp = full_api.build()  # shared with the other modules that need it and with `make check` (which type-checks it)
    spec = tmp / "spec.json"
    doc = json.loads(spec.read_text())
    config = Config.from_sources(
        ConfigFile.load_from_path(GENERATOR_CONFIG), MetaType.NONE, spec, "utf-8", True, output_path=None
    )
    parsed = GeneratorData.from_dict(doc, config=config)
    assert isinstance(parsed, GeneratorData), parsed

    sys.path.insert(0, str(tmp))
    try:
        yield Full(doc, tmp, parsed, config, importlib.import_module(PACKAGE))
    finally:
        sys.path.remove(str(tmp))
        for name in [n for n in sys.modules if n == PACKAGE or n.startswith(PACKAGE + ".")]:
            del sys.modules[name]


def test_every_operation_becomes_an_endpoint(full: Full) -> None:
    operations = {(m, p) for p, item in full.doc["paths"].items() for m in item if m in METHODS}
    modules = [p for p in (full.root / PACKAGE / "api").glob("*/*.py") if p.name != "__init__.py"]
    assert len(modules) == len(operations)
    endpoints = {
        (e.method, e.path.get_untrusted_value())
        for collection in full.parsed.endpoint_collections_by_tag.values()
        for e in collection.endpoints
    }
    assert endpoints == operations


def test_every_module_imports(full: Full) -> None:
    for info in pkgutil.walk_packages(full.package.__path__, PACKAGE + "."):
        importlib.import_module(info.name)


def _documented_defects() -> set[str]:
    """The JSON pointers listed in openapi/README.md's table of upstream examples that break their own schema."""
    text = (OPENAPI_DIR / "README.md").read_text()
    section = text.split("## Upstream examples that break their own schema", 1)[1].split("\n## ", 1)[0]
    return set(re.findall(r"^\| `([^`]+)` \|", section, re.M))


def _outcome(errors: ModuleType, parse: Any, *args: Any, **kwargs: Any) -> str | None:
    """None when the example parses; the package's error message when it does not; any other exception fails."""
    try:
        parse(*args, **kwargs)
    except errors.ElevenLabsError as err:
        return str(err)
    return None


def _examples(holder: Any) -> Iterator[tuple[str, Any]]:
    if getattr(holder, "example", None) is not None:
        yield "example", holder.example
    examples = getattr(holder, "examples", None) or {}
    items = examples.items() if isinstance(examples, dict) else enumerate(examples)
    for key, value in items:
        key = key.get_untrusted_value() if hasattr(key, "get_untrusted_value") else key
        yield f"examples/{key}", getattr(value, "value", value)


def _schema_examples(full: Full) -> Iterator[tuple[str, Any, Any]]:
    """(JSON pointer, model class, example) for every example a schema of the document carries. A component's model
    is named by its reference ("/components/schemas/X"); only those carry examples."""
    for model in full.parsed.models:
        module = importlib.import_module(f"{PACKAGE}.models.{model.class_info.module_name}")
        cls = getattr(module, model.class_info.name)
        for where, example in _examples(model.data):
            yield f"{model.name.get_untrusted_value()}/{where}", cls, example


def test_every_schema_example_parses_or_is_a_documented_upstream_defect(full: Full) -> None:
    errors = importlib.import_module(f"{PACKAGE}.errors")
    defects: dict[str, str] = {}
    parsed = 0
    for at, cls, example in _schema_examples(full):
        lenient = _outcome(errors, cls.from_dict, example)
        strict = _outcome(errors, cls.from_dict, example, strict=True)
        assert lenient is None or strict is not None, f"{at}: lenient parsing refused what strict accepts"
        if strict is None:
            parsed += 1
        else:
            defects[at] = strict
    assert parsed > 0
    listed = _documented_defects()
    unlisted = {at: why for at, why in defects.items() if at not in listed}
    assert not unlisted, "examples breaking their schema, not in openapi/README.md:\n" + "\n".join(
        f"{at}: {why}" for at, why in unlisted.items()
    )
    assert not {at for at in listed if at.startswith("/components/")} - set(defects), "listed but parse now"


def test_lenient_and_strict_parsing_give_the_same_model_for_every_conforming_example(full: Full) -> None:
    # Real bodies with what today's User slice lacks (date-times, UUIDs, unions, maps): one generated parser serves
    # both modes, so a body strict mode accepts gives the same model either way, and to_dict() reads it back.
    errors = importlib.import_module(f"{PACKAGE}.errors")
    taken = 0
    for at, cls, example in _schema_examples(full):
        if _outcome(errors, cls.from_dict, example, strict=True) is not None:
            continue
        strict, lenient = cls.from_dict(copy.deepcopy(example), strict=True), cls.from_dict(copy.deepcopy(example))
        assert strict == lenient and repr(strict) == repr(lenient), at
        assert cls.from_dict(lenient.to_dict(), strict=True) == strict, at
        taken += 1
    assert taken > 0


def test_a_broken_entry_of_a_typed_map_is_named_strictly_and_left_out_leniently(full: Full) -> None:
    # A map of models (a workflow's edges), one entry broken: strict parsing names it by path; lenient parsing returns
    # the model, the other entries read normally, reading the broken one raises that problem, to_dict() gives back
    # what was received.
    errors = importlib.import_module(f"{PACKAGE}.errors")
    models = {model.class_info.name: model for model in full.parsed.models}
    corrupted = 0
    for at, cls, example in _schema_examples(full):
        if not isinstance(example, dict) or _outcome(errors, cls.from_dict, example, strict=True) is not None:
            continue
        for prop in models[cls.__name__].required_properties + models[cls.__name__].optional_properties:
            name, python_name = prop.name.get_untrusted_value(), prop.python_name
            value = example.get(name)
            inner = models.get(prop.class_info.name) if type(prop).__name__ == "ModelProperty" else None
            if inner is None or not isinstance(value, dict) or len(value) < 2:
                continue
            extra = inner.additional_properties
            declared = {p.name for p in inner.required_properties + inner.optional_properties}
            if type(extra).__name__ != "ModelProperty" or set(value) & declared:
                continue
            key, other = list(value)[:2]
            broken = {**example, name: {**value, key: "not an object"}}
            problem = _outcome(errors, cls.from_dict, broken, strict=True)
            assert problem is not None and f"{name}.{key}: expected object" in problem, (at, key)
            parsed = cls.from_dict(copy.deepcopy(broken))
            entries = getattr(parsed, python_name)
            with pytest.raises(errors.ResponseValidationError, match=re.escape(f"{name}.{key}: expected object")):
                entries[key]
            assert key not in entries
            assert type(entries[other]).__name__ == extra.class_info.name
            assert parsed.to_dict() == broken
            corrupted += 1
    assert corrupted > 0


def test_drift_is_logged_under_the_logger_of_the_package_it_is_copied_into(
    full: Full, caplog: pytest.LogCaptureFixture
) -> None:
    # The runtime is copied into every generated package, whatever its name (this one is not elevenlabs_user_client):
    # its drift warnings belong to that package's logger, where the secret filter sits.
    models = importlib.import_module(f"{PACKAGE}.models")
    with caplog.at_level(logging.WARNING):
        for model in full.parsed.models:
            if model.required_properties and not caplog.records:  # warnings are once per (model, path) and process
                getattr(models, model.class_info.name).from_dict({})
    assert caplog.records and {record.name for record in caplog.records} == {PACKAGE}


def test_every_success_response_example_parses_or_is_a_documented_upstream_defect(full: Full) -> None:
    errors = importlib.import_module(f"{PACKAGE}.errors")
    # Never called. Defects are what strict parsing refuses; lenient parsing (drift tolerated) must accept the rest.
    package = importlib.import_module(PACKAGE)
    client, strict_client = (package.Client(base_url="http://127.0.0.1:9", strict=s) for s in (False, True))
    defects: dict[str, str] = {}
    for tag, collection in full.parsed.endpoint_collections_by_tag.items():
        for endpoint in collection.endpoints:
            module_name = strings.PythonIdentifier(endpoint.name, full.config.field_prefix)
            module = importlib.import_module(f"{PACKAGE}.api.{tag}.{module_name}")
            for response in endpoint.responses.patterns:
                status = response.status_code.range
                if status is None or status[0] >= 400:
                    continue
                for content_type, media in (response.data.content or {}).items():
                    media_type = content_type.get_untrusted_value()
                    for where, example in _examples(media):
                        body = (
                            example.encode()
                            if isinstance(example, str) and "json" not in media_type
                            else (json.dumps(example).encode())
                        )
                        answer = httpx.Response(status[0], content=body, headers={"content-type": media_type})
                        at = from_tokens([
                            "paths", endpoint.path.get_untrusted_value(), endpoint.method, "responses",
                            response.status_code.pattern, "content", media_type, *where.split("/"),
                        ])  # fmt: skip
                        problem = _outcome(errors, module._parse_response, client=strict_client, response=answer)
                        lenient = _outcome(errors, module._parse_response, client=client, response=answer)
                        assert lenient is None or problem is not None, f"{at}: lenient refused what strict accepts"
                        if problem is not None:
                            defects[at] = problem
    listed = {at for at in _documented_defects() if at.startswith("/paths/")}
    unlisted = {at: why for at, why in defects.items() if at not in listed}
    assert not unlisted, "response examples breaking their schema, not in openapi/README.md:\n" + "\n".join(
        f"{at}: {why}" for at, why in unlisted.items()
    )
    assert not listed - set(defects), "listed but parse now"


def _minimal(schemas: dict[str, Any], schema: dict[str, Any], depth: int = 0) -> Any:
    """A small value of `schema`: its required properties only, the first of every choice."""
    if "$ref" in schema:
        return _minimal(schemas, schemas[schema["$ref"].rsplit("/", 1)[1]], depth + 1)
    if "const" in schema:
        return schema["const"]
    if schema.get("enum"):
        return schema["enum"][0]
    choices = [s for s in schema.get("anyOf", schema.get("oneOf", [])) if s.get("type") != "null"]
    if choices:
        return _minimal(schemas, choices[0], depth + 1)
    kind = schema.get("type")
    if kind == "object" or "properties" in schema:
        props, required = schema.get("properties") or {}, schema.get("required", [])
        return {} if depth > 6 else {name: _minimal(schemas, props.get(name, {}), depth + 1) for name in required}
    formats = {"date-time": "2026-08-22T10:00:00Z", "date": "2026-08-22", "uuid": str(uuid.UUID(int=1))}
    return {"array": [], "string": formats.get(schema.get("format"), "x"), "integer": 0, "number": 0,
            "boolean": False}.get(kind)  # fmt: skip


def _resolved(schemas: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    return _resolved(schemas, schemas[schema["$ref"].rsplit("/", 1)[1]]) if "$ref" in schema else schema


def test_a_discriminated_union_becomes_the_member_its_mapping_names(full: Full) -> None:
    # Every union upstream gives a discriminator mapping, as a component's property or its items: with each member in
    # its place, the parsed value is the class the mapping names (the members declare their discriminator value as a
    # const or enum; the first member that "parses" leniently is often another).
    schemas = full.doc["components"]["schemas"]
    models = {model.name.get_untrusted_value(): model for model in full.parsed.models}
    checked = 0
    for schema_name, schema in schemas.items():
        holder = models.get(f"/components/schemas/{schema_name}")
        if holder is None:
            continue
        module = importlib.import_module(f"{PACKAGE}.models.{holder.class_info.module_name}")
        cls = getattr(module, holder.class_info.name)
        for prop in holder.required_properties + holder.optional_properties:
            raw = (schema.get("properties") or {}).get(prop.name.get_untrusted_value(), {})
            in_list = raw.get("type") == "array"  # a list of the union: the member goes in as the one item
            union = _resolved(schemas, raw.get("items", {}) if in_list else raw)
            discriminator = union.get("discriminator") or {}
            for tag, ref in (discriminator.get("mapping") or {}).items():
                if ref.removeprefix("#") not in models:  # a member the generator made no class of its own for
                    continue
                member = _minimal(schemas, {"$ref": ref})
                member[discriminator["propertyName"]] = tag
                body = {**_minimal(schemas, schema), prop.name.get_untrusted_value(): [member] if in_list else member}
                value = getattr(cls.from_dict(body), prop.python_name)
                wanted = models[ref.removeprefix("#")].class_info.name
                assert type(value[0] if in_list else value).__name__ == wanted, (schema_name, prop.python_name, tag)
                checked += 1
    assert checked > 0


def test_every_request_is_what_the_spec_says(full: Full) -> None:
    # Every operation with parameters or a body, called three ways (every field set; the required ones only; every
    # nullable one null) against a loopback server, and each request checked by openapi-core against the document
    # (tests/wire_check.py). On the templates before issue 22, 267 of 372 operations passed: multipart booleans sent
    # as True/False, nulls as the text None, unset parameters sent at their defaults, an unset optional body raising.
    verdicts = wire_check.check_package(full.doc, full.parsed, full.config, PACKAGE)
    expected = {
        f"{method.upper()} {path}"
        for path, item in full.doc["paths"].items()
        for method in METHODS
        if method in item
        and (item.get("parameters") or item[method].get("parameters") or item[method].get("requestBody"))
    }
    assert set(verdicts.checked) == expected
    report = {
        "rejected by the validator": verdicts.rejected,
        "optional query parameters sent unasked": verdicts.unasked,
        "form fields spelled as Python values": verdicts.python_reprs,
        "raised": verdicts.raised,
        "no valid arguments found": verdicts.uncallable,
        "the validator failed": verdicts.unvalidated,
    }
    assert not verdicts.failed(), "\n".join(
        f"{what}: {operation}: {detail}" for what, found in report.items() for operation, detail in found.items()
    )
