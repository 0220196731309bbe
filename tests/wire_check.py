"""Every operation of a generated package called with valid arguments against a loopback server, and every request
it sent checked against the spec by an independent OpenAPI request validator (openapi-core).

Arguments are built from the spec itself: each parameter's and body's schema gives a value (its const, enum, default
or format first), converted to what the generated signature takes (enum classes, models through `from_dict`, files).
Each operation is called three times: with every parameter and body field a caller could set; with the required ones
only, which must send no optional query parameter at all (the server applies its own defaults); and with every
optional parameter and field that may be null given None (a null has no form in a parameter or a form part: left out).
"""

from __future__ import annotations

import copy
import datetime
import email.message
import email.parser
import enum
import functools
import importlib
import io
import json
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

import hypothesis
from hypothesis import strategies as st
from openapi_core import Config, OpenAPI
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
    python_reprs: dict[str, list[str]] = field(default_factory=dict)  # operation -> form fields sent as True/None

    def failed(self) -> set[str]:
        """The operations whose requests are not what the spec says, for any reason."""
        return {*self.rejected, *self.unasked, *self.uncallable, *self.unvalidated, *self.raised, *self.python_reprs}


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
            # One write: headers and body in separate small writes would wait on the peer's delayed ACK (~40 ms).
            self.wfile.write(b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 2\r\n\r\n{}")

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
        self.nulls = False  # every optional property that may be null is null

    def nullable(self, schema: dict[str, Any]) -> bool:
        schema = self.resolve(schema)
        kinds = schema.get("type")
        members = [self.resolve(m) for m in schema.get("anyOf", schema.get("oneOf", []))]
        return (isinstance(kinds, list) and "null" in kinds) or any(m.get("type") == "null" for m in members)

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
        choices = [s for s in schema.get("anyOf", schema.get("oneOf", [])) if self.resolve(s).get("type") != "null"]
        if choices:
            value = self.of(choices[0], every, depth + 1)
            named = schema.get("discriminator") or {}
            if isinstance(value, dict) and "propertyName" in named:  # the member's name for itself
                mapped = [k for k, ref in (named.get("mapping") or {}).items() if ref == choices[0].get("$ref")]
                ref = choices[0].get("$ref", "")
                value[named["propertyName"]] = mapped[0] if mapped else ref.rsplit("/", 1)[-1]
            return value
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
            if depth > 14:
                return {name: self.of(props[name], False, depth + 1) for name in required if name in props}
            chosen = [name for name in props if every or name in required]
            value = {
                name: None
                if self.nulls and name not in required and self.nullable(props[name])
                else self.of(props[name], every, depth + 1)
                for name in chosen
            }
            extra = schema.get("additionalProperties")
            for n in range(int(schema.get("minProperties", 0)) - len(value)):
                value[f"key{n}"] = self.of(extra if isinstance(extra, dict) else {}, every, depth + 1)
            return value
        if kind == "array":
            count = max(int(schema.get("minItems", 0)), 1)  # an empty array of a query parameter is not sent at all
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
            if "pattern" in schema:
                return _matching(schema["pattern"])
            return "x" * max(int(schema.get("minLength", 1)), 1)
        return None


@functools.cache
def _matching(pattern: str) -> str:
    """A string `pattern` matches, by hypothesis (derandomized: the same every run; not shrunk: fast)."""
    quick = hypothesis.settings(derandomize=True, database=None, phases=[hypothesis.Phase.generate])
    return str(hypothesis.find(st.from_regex(pattern, fullmatch=True), lambda _: True, settings=quick))


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


class _FormReader:
    """multipart/form-data read as OpenAPI's encoding rules say, for the body schema of the request being checked:
    a field's text is its value's representation (`true` for a boolean, `1` for an integer, JSON for an object),
    repeated parts are an array's items, a file part is a string (`format: binary`). openapi-core's own reader gives
    every part as bytes, which no `type: string` schema accepts; validating the values stays openapi-core's."""

    def __init__(self, values: _Values) -> None:
        self.values, self.schema = values, {}

    def _types(self, schema: dict[str, Any]) -> set[str]:
        schema = self.values.resolve(schema)
        kinds = schema.get("type", [])
        found = set(kinds if isinstance(kinds, list) else [kinds])
        for member in schema.get("anyOf", schema.get("oneOf", [])):
            found |= self._types(member)
        return found

    def _value(self, text: str, kinds: set[str]) -> Any:
        if "boolean" in kinds and text in ("true", "false"):
            return text == "true"
        for kind, cast in (("integer", int), ("number", float)):
            if kind in kinds:
                try:
                    return cast(text)
                except ValueError:
                    pass
        if kinds & {"object", "array"} and text[:1] in "{[":
            return json.loads(text)
        return text

    def __call__(self, value: bytes, **parameters: str) -> dict[str, Any]:
        head = f'Content-Type: multipart/form-data; boundary="{parameters.get("boundary", "")}"\n\n'
        message = email.parser.BytesParser().parsebytes(head.encode() + value)
        props = self.values.resolve(self.schema).get("properties", {})
        fields: dict[str, Any] = {}
        for part in message.get_payload():
            assert isinstance(part, email.message.Message)
            name = str(part.get_param("name", header="content-disposition"))
            payload = part.get_payload(decode=True)
            text = payload.decode("utf-8", errors="replace") if isinstance(payload, bytes) else ""
            kinds = self._types(props.get(name, {}))
            item = "<file>" if part.get_filename() else self._value(text, kinds)
            if "array" in kinds:
                items = self.values.resolve(props.get(name, {})).get("items", {})
                item = item if part.get_filename() else self._value(text, self._types(items) or kinds)
                fields.setdefault(name, []).append(item)
            else:
                fields[name] = item
        return fields


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


def _without_null_parameters(doc: dict[str, Any]) -> dict[str, Any]:
    """The document for the validator, each parameter's `anyOf: [X, null]` read as X: a query, path or header value
    cannot be null, and openapi-core finds a parameter's style (an exploded array: `a=1&a=2`) only in a schema
    that names its type, so it refuses every array sent for such a parameter."""
    doc = copy.deepcopy(doc)
    for item in doc["paths"].values():
        for operation in [item, *(item[m] for m in METHODS if m in item)]:
            for param in operation.get("parameters", []):
                schema = param.get("schema", {})
                members = [m for m in schema.get("anyOf", []) if m.get("type") != "null"]
                if len(members) == 1 and len(schema["anyOf"]) == 2:
                    param["schema"] = {**{k: v for k, v in schema.items() if k != "anyOf"}, **members[0]}
    return doc


def check_package(doc: dict[str, Any], parsed: Any, config: Any, package_name: str) -> Verdicts:
    """Call every operation with a body or parameters; validate what was sent."""
    package = importlib.import_module(package_name)
    file_type = importlib.import_module(f"{package_name}.types").File
    values = _Values(doc)
    form = _FormReader(values)
    # The document's own validity is not this check's question, and checking it costs 90 s.
    config_ = Config(spec_validator_cls=None, extra_media_type_deserializers={"multipart/form-data": form})
    spec = OpenAPI.from_dict(_without_null_parameters(doc), config=config_)
    server_url = doc["servers"][0]["url"]
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
                for mode in ("every", "required", "nulls"):
                    every, values.nulls = mode != "required", mode == "nulls"
                    arguments: dict[str, Any] = {}
                    try:
                        for param in params:
                            if not (every or param.get("required")):
                                continue
                            name = names[(param["name"], param["in"])]
                            schema = param.get("schema", {})
                            if values.nulls and not param.get("required") and values.nullable(schema):
                                arguments[name] = None  # a null parameter has no form: it must be left out
                                continue
                            value = values.of(schema, every)
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
                    form.schema = body[1] if body is not None else {}
                    try:
                        errors = list(spec.iter_request_errors(_to_werkzeug(sent, server_url)))
                    except Exception as err:  # noqa: BLE001 - the validator's own failure, kept apart
                        verdicts.unvalidated[operation] = f"{type(err).__name__}: {err}"[:300]
                        continue
                    if errors and operation not in verdicts.rejected:
                        first = errors[0]
                        cause = getattr(first, "__cause__", None)
                        detail = f"{first}" + (f": {cause}" if cause else "")
                        verdicts.rejected[operation] = f"{mode}: {detail}"
                    reprs = _python_reprs(sent)
                    if reprs:
                        verdicts.python_reprs[operation] = reprs
                    if mode == "required":
                        required = {p["name"] for p in params if p["in"] == "query" and p.get("required")}
                        extra = [k for k, _ in _query_items(sent.target) if k not in required]
                        if extra:
                            verdicts.unasked[operation] = extra
    logging.disable(logging.NOTSET)
    return verdicts


def _python_reprs(sent: Sent) -> list[str]:
    """The form fields (not files) whose text is Python's spelling of a value, never OpenAPI's: `True`, `False`,
    `None` (a boolean is `true` / `false`; a null is left out)."""
    kind = next((v for k, v in sent.headers if k.lower() == "content-type"), "")
    if not kind.startswith("multipart/form-data"):
        return []
    message = email.parser.BytesParser().parsebytes(f"Content-Type: {kind}\n\n".encode() + sent.body)
    found = []
    for part in message.get_payload():
        if isinstance(part, email.message.Message) and not part.get_filename():
            payload = part.get_payload(decode=True)
            if payload in (b"True", b"False", b"None"):
                found.append(f"{part.get_param('name', header='content-disposition')}={payload.decode()}")
    return found


def _query_items(target: str) -> list[tuple[str, str]]:
    from urllib.parse import parse_qsl

    return parse_qsl(urlsplit(target).query, keep_blank_values=True)
