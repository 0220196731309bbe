"""Every operation of a generated package called with valid arguments against a loopback server, and every request
it sent checked against the spec by an independent OpenAPI request validator (openapi-core).

Arguments are built from the spec itself: each parameter's and body's schema gives a value (its const, enum, default
or format first), converted to what the generated signature takes (enum classes, models through `from_dict`, files).
Each operation is called twice: with every parameter and body field a caller could set, and with the required ones
only; the second must send no optional query parameter at all (the server applies its own defaults).
"""

from __future__ import annotations

import datetime
import enum
import importlib
import io
import logging
import threading
import types
import typing
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import urlsplit

from openapi_core import OpenAPI
from openapi_core.contrib.werkzeug import WerkzeugOpenAPIRequest
from openapi_python_client import strings
from werkzeug.test import EnvironBuilder

METHODS = ("get", "put", "post", "delete", "patch", "head", "options", "trace")
FILE_BYTES = b"RIFF\x24\x00\x00\x00WAVEfmt "  # any bytes: the server never reads them


@dataclass
class Sent:
    method: str
    target: str  # path and query, as sent
    headers: list[tuple[str, str]]
    body: bytes


@dataclass
class Verdicts:
    checked: list[str] = field(default_factory=list)  # "METHOD /path" of every operation called
    rejected: dict[str, str] = field(default_factory=dict)  # operation -> the validator's first message
    unasked: dict[str, list[str]] = field(default_factory=dict)  # operation -> query parameters sent unasked
    uncallable: dict[str, str] = field(default_factory=dict)  # operation -> why no valid call could be made
    unvalidated: dict[str, str] = field(default_factory=dict)  # operation -> how the validator itself failed
    raised: dict[str, str] = field(default_factory=dict)  # operation -> what the generated call raised


@contextmanager
def recording_server() -> Iterator[tuple[str, list[Sent]]]:
    """A server on 127.0.0.1 that records each request and answers 200 `{}`."""
    seen: list[Sent] = []

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def _any(self) -> None:
            length = int(self.headers.get("content-length") or 0)
            body = self.rfile.read(length) if length else b""
            seen.append(Sent(self.command, self.path, list(self.headers.items()), body))
            self.send_response(200)
            self.send_header("content-type", "application/json")
            self.send_header("content-length", "2")
            self.end_headers()
            self.wfile.write(b"{}")

        do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_HEAD = do_OPTIONS = _any

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}", seen
    finally:
        server.shutdown()
        server.server_close()


class _Values:
    """A valid value of a schema of the document: every property (`every`) or the required ones only."""

    def __init__(self, doc: dict[str, Any]) -> None:
        self.doc = doc

    def resolve(self, schema: dict[str, Any]) -> dict[str, Any]:
        while "$ref" in schema:
            node: Any = self.doc
            for token in schema["$ref"].lstrip("#/").split("/"):
                node = node[token.replace("~1", "/").replace("~0", "~")]
            schema = node
        return schema

    def of(self, schema: dict[str, Any], every: bool, depth: int = 0) -> Any:
        schema = self.resolve(schema)
        if "const" in schema:
            return schema["const"]
        if schema.get("enum"):
            return next((v for v in schema["enum"] if v is not None), None)
        if "default" in schema and schema["default"] is not None and not every:
            return schema["default"]
        members = [self.resolve(s) for s in schema.get("anyOf", schema.get("oneOf", []))]
        members = [s for s in members if s.get("type") != "null"]
        if members:
            return self.of(members[0], every, depth + 1)
        if schema.get("allOf"):
            merged: dict[str, Any] = {}
            for part in schema["allOf"]:
                value = self.of(part, every, depth + 1)
                if isinstance(value, dict):
                    merged.update(value)
                else:
                    return value
            return merged
        kind = schema.get("type")
        if isinstance(kind, list):
            kind = next((k for k in kind if k != "null"), None)
        if kind == "object" or "properties" in schema:
            props, required = schema.get("properties") or {}, set(schema.get("required", []))
            if depth > 8:
                return {name: self.of(props[name], False, depth + 1) for name in required if name in props}
            chosen = [name for name in props if every or name in required]
            return {name: self.of(props[name], every, depth + 1) for name in chosen}
        if kind == "array":
            count = max(int(schema.get("minItems", 0)), 1 if every else 0)
            items = schema.get("items") or {"type": "string"}
            values = [self.of(items, every, depth + 1) for _ in range(count)]
            if schema.get("uniqueItems") and len(values) > 1 and isinstance(values[0], int):
                values = list(range(len(values)))
            return values
        if kind in ("integer", "number"):
            low = schema.get("minimum", schema.get("exclusiveMinimum"))
            high = schema.get("maximum", schema.get("exclusiveMaximum"))
            value = low if low is not None else (high if high is not None and high < 1 else 1)
            if "exclusiveMinimum" in schema and "minimum" not in schema:
                value = low + (1 if kind == "integer" else 0.5) if high is None or low + 1 < high else (low + high) / 2
            return int(value) if kind == "integer" else value
        if kind == "boolean":
            return True
        if kind == "string" or kind is None:
            fmt = schema.get("format")
            if fmt == "binary" or schema.get("contentMediaType"):
                return FILE_BYTES
            formats = {"date-time": "2026-08-22T10:00:00Z", "date": "2026-08-22", "uuid": str(uuid.UUID(int=1)),
                       "email": "a@example.com", "uri": "https://example.com/a", "time": "10:00:00"}  # fmt: skip
            if fmt in formats:
                return formats[fmt]
            if "examples" in schema and schema["examples"]:
                return schema["examples"][0]
            if "example" in schema:
                return schema["example"]
            return "x" * max(int(schema.get("minLength", 1)), 1)
        return None


def _classes(annotation: Any) -> list[Any]:
    """The members of a (possibly union) annotation."""
    if isinstance(annotation, types.UnionType) or typing.get_origin(annotation) is typing.Union:
        return list(typing.get_args(annotation))
    return [annotation]


def convert(value: Any, annotation: Any, file_type: Any) -> Any:
    """`value` (JSON) as the generated signature takes it."""
    for kind in _classes(annotation):
        origin = typing.get_origin(kind)
        if origin is list and isinstance(value, list):
            (item,) = typing.get_args(kind) or (Any,)
            return [convert(v, item, file_type) for v in value]
        if not isinstance(kind, type):
            continue
        if kind is file_type and isinstance(value, bytes):
            return file_type(payload=io.BytesIO(value), file_name="a.wav", mime_type="audio/wav")
        if issubclass(kind, enum.Enum):
            try:
                return kind(value)
            except ValueError:
                continue
        if hasattr(kind, "from_dict") and isinstance(value, dict):
            return kind.from_dict(value)
        if kind is datetime.datetime and isinstance(value, str):
            return datetime.datetime.fromisoformat(value)
        if kind is datetime.date and isinstance(value, str):
            return datetime.date.fromisoformat(value)
        if kind is uuid.UUID and isinstance(value, str):
            return uuid.UUID(value)
    return value


def _parameters(doc: dict[str, Any], path: str, method: str) -> list[dict[str, Any]]:
    values = _Values(doc)
    item = doc["paths"][path]
    found = {}
    for param in [*item.get("parameters", []), *item[method].get("parameters", [])]:
        param = values.resolve(param)
        found[(param["name"], param["in"])] = param
    return list(found.values())


def _first_body(doc: dict[str, Any], path: str, method: str) -> tuple[str, dict[str, Any], bool] | None:
    body = doc["paths"][path][method].get("requestBody")
    if body is None:
        return None
    body = _Values(doc).resolve(body)
    content_type, media = next(iter(body.get("content", {}).items()))
    return content_type, media.get("schema", {}), bool(body.get("required"))


def _to_werkzeug(sent: Sent, server_url: str) -> WerkzeugOpenAPIRequest:
    target = urlsplit(sent.target)
    builder = EnvironBuilder(
        method=sent.method,
        path=target.path,
        query_string=target.query,
        headers=[(k, v) for k, v in sent.headers if k.lower() not in ("host", "content-length")],
        data=sent.body,
        base_url=server_url,
    )
    return WerkzeugOpenAPIRequest(builder.get_request())


def check_package(doc: dict[str, Any], parsed: Any, config: Any, package_name: str) -> Verdicts:
    """Call every operation with a body or parameters; validate what was sent."""
    package = importlib.import_module(package_name)
    file_type = importlib.import_module(f"{package_name}.types").File
    spec = OpenAPI.from_dict(doc)
    server_url = doc["servers"][0]["url"]
    values = _Values(doc)
    verdicts = Verdicts()
    logging.disable(logging.WARNING)  # the answers are `{}`: their drift warnings are not this check's
    with recording_server() as (url, seen):
        client = package.AuthenticatedClient(base_url=url, token="test-key", max_retries=0)
        for tag, collection in parsed.endpoint_collections_by_tag.items():
            for endpoint in collection.endpoints:
                method, path = endpoint.method, endpoint.path.get_untrusted_value()
                params, body = _parameters(doc, path, method), _first_body(doc, path, method)
                if not params and body is None:
                    continue
                operation = f"{method.upper()} {path}"
                verdicts.checked.append(operation)
                module_name = strings.PythonIdentifier(endpoint.name, config.field_prefix)
                module = importlib.import_module(f"{package_name}.api.{tag}.{module_name}")
                hints = typing.get_type_hints(module.sync_detailed)
                names = {
                    (prop.name, where): prop.python_name
                    for where, props in (("path", endpoint.path_parameters), ("query", endpoint.query_parameters),
                                         ("header", endpoint.header_parameters), ("cookie", endpoint.cookie_parameters))
                    for prop in props
                }  # fmt: skip
                for every in (True, False):
                    arguments: dict[str, Any] = {}
                    try:
                        for param in params:
                            if not (every or param.get("required")):
                                continue
                            name = names[(param["name"], param["in"])]
                            value = values.of(param.get("schema", {}), every)
                            arguments[name] = convert(value, hints[name], file_type)
                        if body is not None and (every or body[2]):
                            value = values.of(body[1], every)
                            arguments["body"] = convert(value, hints["body"], file_type)
                    except Exception as err:  # noqa: BLE001 - reported per operation, not raised
                        verdicts.uncallable[operation] = f"{type(err).__name__}: {err}"
                        break
                    before = len(seen)
                    try:
                        module.sync_detailed(client=client, **arguments)
                    except Exception as err:  # noqa: BLE001 - a call that raises is this check's finding
                        verdicts.raised[operation] = f"{type(err).__name__}: {err}"[:300]
                        continue
                    if len(seen) != before + 1:
                        verdicts.rejected[operation] = f"{len(seen) - before} requests sent"
                        continue
                    sent = seen[-1]
                    try:
                        errors = list(spec.iter_request_errors(_to_werkzeug(sent, server_url)))
                    except Exception as err:  # noqa: BLE001 - the validator's own failure, kept apart
                        verdicts.unvalidated[operation] = f"{type(err).__name__}: {err}"[:300]
                        continue
                    if errors and operation not in verdicts.rejected:
                        first = errors[0]
                        cause = getattr(first, "__cause__", None)
                        detail = f"{first}" + (f": {cause}" if cause else "")
                        verdicts.rejected[operation] = ("every: " if every else "required: ") + detail[:300]
                    if not every:
                        required = {p["name"] for p in params if p["in"] == "query" and p.get("required")}
                        extra = [k for k, _ in _query_items(sent.target) if k not in required]
                        if extra:
                            verdicts.unasked[operation] = extra
    logging.disable(logging.NOTSET)
    return verdicts


def _query_items(target: str) -> list[tuple[str, str]]:
    from urllib.parse import parse_qsl

    return parse_qsl(urlsplit(target).query, keep_blank_values=True)
