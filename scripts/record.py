"""`make record`: record live response bodies of both operations as redacted fixtures, and report spec drift.

    ELEVENLABS_API_KEY=... [ELEVENLABS_BASE_URL=...] python -m scripts.record [--output-dir DIR] [--date YYYY-MM-DD]

Each body is fetched with httpx and the client's auth header (not parsed by the client, so a drifted body is still
recorded), redacted, written atomically to DIR/recorded-<operationId>-<date>.json (the name the contract tests pick
up), and validated against the canonical spec's 200-response schema. Redaction keeps types: strings become
"redacted-<field>", numbers 0, booleans false, null stays null, so a fixture still validates. The API key itself is
scrubbed from every string and every object key, and a final check refuses to write a file that still contains it.
The key never reaches a file, stdout, stderr or an exception message.
"""

from __future__ import annotations

import argparse
import copy
import datetime as dt
import json
import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import yaml
from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError
from referencing import Registry
from referencing.jsonschema import DRAFT202012

from scripts.atomic import write_atomically
from scripts.paths import CANONICAL_SPEC, FIXTURES_DIR
from scripts.redaction import NAMED_SECRETS, placeholder, scrub_key
from scripts.spec_import import pointer
from scripts.spec_import.load import load_yaml_text

API_KEY_VARIABLE = "ELEVENLABS_API_KEY"
BASE_URL_VARIABLE = "ELEVENLABS_BASE_URL"
DEFAULT_BASE_URL = "https://api.elevenlabs.io"
OPERATION_IDS = ("get_user", "get_user_subscription")
_SPEC_URI = "urn:elevenlabs-user-spec"


class RecordError(Exception):
    """Recording failed; the message is safe to print (it never holds the key)."""


# --- redaction -----------------------------------------------------------------------------------------------------


def secret_fields(spec: Any) -> set[str]:
    """Names of all properties the spec marks `x-secret: true`, at any depth, plus NAMED_SECRETS."""
    found = set(NAMED_SECRETS)
    stack = [spec]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            props = node.get("properties")
            if isinstance(props, dict):
                found.update(
                    name
                    for name, schema in props.items()
                    if isinstance(schema, dict) and schema.get("x-secret") is True
                )
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return found


def redact(body: Any, secrets: set[str], key: str) -> Any:
    """A copy of `body` with secret fields replaced by placeholders and the key scrubbed from every string."""
    if isinstance(body, dict):
        out = {}
        for name, value in body.items():
            clean = scrub_key(str(name), key)
            out[clean] = placeholder(clean, value, key) if name in secrets else redact(value, secrets, key)
        return out
    if isinstance(body, list):
        return [redact(item, secrets, key) for item in body]
    if isinstance(body, str):
        return scrub_key(body, key)
    return body


# --- drift ---------------------------------------------------------------------------------------------------------


def load_spec(path: Path = CANONICAL_SPEC) -> dict[str, Any]:
    try:
        spec = load_yaml_text(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as failed:
        raise RecordError(f"cannot read the spec {path}: {failed}") from None
    if not isinstance(spec, dict) or not isinstance(spec.get("paths"), dict):
        raise RecordError(f"{path} is not an OpenAPI document with paths")
    return spec


def find_operation(spec: dict[str, Any], operation_id: str) -> tuple[str, str]:
    """(path, method) of the operation with this operationId."""
    for path, item in spec["paths"].items():
        for method, operation in (item or {}).items():
            if isinstance(operation, dict) and operation.get("operationId") == operation_id:
                return path, method
    raise RecordError(f"the spec has no operation {operation_id!r}")


def _closed(spec: dict[str, Any]) -> dict[str, Any]:
    """A copy where every object schema forbids undeclared properties, so extra fields show up as drift."""
    closed = copy.deepcopy(spec)
    stack: list[Any] = [closed.get("components", {})]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            if isinstance(node.get("properties"), dict) and "additionalProperties" not in node:
                node["additionalProperties"] = False
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return closed


def drift(body: Any, spec: dict[str, Any], operation_id: str) -> list[str]:
    """How `body` departs from the 200-response schema: one line per problem, each naming its place in the body."""
    path, method = find_operation(spec, operation_id)
    response = spec["paths"][path][method].get("responses", {}).get("200", {})
    if "application/json" not in response.get("content", {}):
        raise RecordError(f"{operation_id}: the spec declares no JSON body for status 200")
    registry: Registry[Any] = Registry().with_resource(_SPEC_URI, DRAFT202012.create_resource(_closed(spec)))
    where = pointer.from_tokens(["paths", path, method, "responses", "200", "content", "application/json", "schema"])
    validator = Draft202012Validator({"$ref": f"{_SPEC_URI}#{where}"}, registry=registry)
    lines: list[str] = []
    for error in validator.iter_errors(body):
        for line in _explain(error):
            if line not in lines:
                lines.append(line)
    return sorted(lines)


def _where(error: ValidationError) -> str:
    out = "$"
    for part in error.absolute_path:
        out += f"[{part}]" if isinstance(part, int) else f".{part}"
    return out


def _json_type(value: Any) -> str:
    names = {bool: "boolean", int: "integer", float: "number", str: "string", list: "array", dict: "object"}
    return "null" if value is None else names.get(type(value), type(value).__name__)


def _shallow(error: ValidationError) -> bool:
    """The value is simply not of this anyOf branch (wrong type or value at the same place)."""
    return error.validator in ("type", "enum", "const") and not error.relative_path


def _explain(error: ValidationError) -> Iterator[str]:
    where = _where(error)
    if error.validator in ("anyOf", "oneOf") and error.context:
        branches: dict[Any, list[ValidationError]] = {}
        for sub in error.context:
            branches.setdefault(sub.relative_schema_path[0], []).append(sub)
        deep = [errs for errs in branches.values() if not all(_shallow(e) for e in errs)]
        if deep:  # the value has the shape of a branch but breaks it inside: report the closest branch
            for sub in min(deep, key=len):
                yield from _explain(sub)
            return
        if any(all(e.validator in ("enum", "const") for e in errs) for errs in branches.values()):
            yield f"unknown enum value: {where} = {error.instance!r:.60}"
            return
        expected = sorted({t for e in error.context if e.validator == "type" for t in _as_list(e.validator_value)})
        yield f"type mismatch: {where} is {_json_type(error.instance)}, the spec says {' or '.join(expected)}"
        return
    if error.validator == "additionalProperties" and isinstance(error.instance, dict):
        declared = error.schema.get("properties", {}) if isinstance(error.schema, dict) else {}
        for name in error.instance:
            if name not in declared:
                yield f"field the spec lacks: {where}.{name}"
        return
    if error.validator == "required" and isinstance(error.instance, dict):
        for name in _as_list(error.validator_value):
            if name not in error.instance:
                yield f"missing required field: {where}.{name}"
        return
    if error.validator in ("enum", "const"):
        yield f"unknown enum value: {where} = {error.instance!r:.60}"
        return
    if error.validator == "type":
        wanted = " or ".join(_as_list(error.validator_value))
        yield f"type mismatch: {where} is {_json_type(error.instance)}, the spec says {wanted}"
        return
    yield f"{error.validator}: {where}: {error.message:.120}"


def _as_list(value: Any) -> list[str]:
    return [str(v) for v in value] if isinstance(value, list) else [str(value)]


# --- fetching and writing ------------------------------------------------------------------------------------------


def fetch(base_url: str, key: str, path: str, timeout: float = 30.0) -> Any:
    """The decoded JSON body of GET base_url+path, sent with the key in `xi-api-key` (how the client sends it)."""
    try:
        with httpx.Client(
            base_url=base_url, headers={"xi-api-key": key, "accept": "application/json"}, timeout=timeout
        ) as client:
            response = client.get(path)
    except httpx.HTTPError as failed:
        raise RecordError(scrub_key(f"GET {path} failed: {type(failed).__name__}: {failed}", key)) from None
    if response.status_code != 200:
        snippet = scrub_key(response.text[:200], key)
        raise RecordError(f"GET {path} answered {response.status_code}: {snippet}")
    try:
        return json.loads(response.content)
    except (json.JSONDecodeError, UnicodeDecodeError):
        raise RecordError(f"GET {path} did not return JSON ({len(response.content)} bytes)") from None


@dataclass
class Recording:
    operation_id: str
    file: Path
    drift: list[str]


def record(base_url: str, key: str, output_dir: Path, date: str, spec_path: Path = CANONICAL_SPEC) -> list[Recording]:
    """Fetch both operations, then write both redacted bodies (nothing is written unless both fetches worked)."""
    spec = load_spec(spec_path)
    secrets = secret_fields(spec)
    pending: list[tuple[str, Path, str, list[str]]] = []
    for operation_id in OPERATION_IDS:
        path, _ = find_operation(spec, operation_id)
        clean = redact(fetch(base_url, key, path), secrets, key)
        text = json.dumps(clean, indent=2, ensure_ascii=False) + "\n"
        if key in text:  # cannot happen after redact(); refuse rather than trust it
            raise RecordError(f"{operation_id}: the key survived redaction; nothing written")
        target = output_dir / f"recorded-{operation_id}-{date}.json"
        pending.append((operation_id, target, text, drift(clean, spec, operation_id)))
    for _, target, text, _ in pending:
        write_atomically(target, text)
    return [Recording(op, target, problems) for op, target, _, problems in pending]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.record", description=__doc__.split("\n\n")[0])
    parser.add_argument("--output-dir", type=Path, default=FIXTURES_DIR, help="default: tests/fixtures/")
    parser.add_argument("--date", default=dt.datetime.now(dt.UTC).date().isoformat(), help="used in file names")
    parser.add_argument("--spec", type=Path, default=CANONICAL_SPEC, help="default: the canonical spec")
    args = parser.parse_args(argv)
    key = os.environ.get(API_KEY_VARIABLE, "").strip()
    if not key:
        print(f"record: set {API_KEY_VARIABLE} to your ElevenLabs API key (and optionally {BASE_URL_VARIABLE})",
              file=sys.stderr)  # fmt: skip
        return 2
    base_url = os.environ.get(BASE_URL_VARIABLE, "").strip() or DEFAULT_BASE_URL
    try:
        recordings = record(base_url, key, args.output_dir, args.date, args.spec)
    except RecordError as failed:
        print(f"record: {scrub_key(str(failed), key)}", file=sys.stderr)
        return 1
    except Exception as failed:  # noqa: BLE001 - anything else still must not leak the key through a traceback
        print(f"record: unexpected {type(failed).__name__}: {scrub_key(str(failed), key)}", file=sys.stderr)
        return 1
    for rec in recordings:
        print(f"wrote {rec.file}")
        if rec.drift:
            print(f"  drift from the spec ({len(rec.drift)}):")
            print("\n".join(f"  - {line}" for line in rec.drift))
        else:
            print("  matches the spec")
    return 0


if __name__ == "__main__":
    sys.exit(main())
