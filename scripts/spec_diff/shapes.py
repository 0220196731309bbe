"""Flatten an OpenAPI document into what a client sees: per operation, per response status, every
property path (following $refs, anyOf/oneOf/allOf and array items) with the facts that matter to a caller."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from scripts.spec_import.errors import SpecImportError
from scripts.spec_import.pointer import resolve_local_ref

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace", "query")
_MISSING = object()


class SpecShapeError(Exception):
    """The document is not an OpenAPI description this tool can read (says where)."""


@dataclass(frozen=True)
class Facts:
    """What a caller can rely on at one place in a response (or about one parameter)."""

    types: frozenset[str]
    nullable: bool
    required: bool | None  # None: not a property (body root, array items)
    enum: frozenset[Any] | None
    fmt: str | None
    default: Any  # _MISSING when there is none
    deprecated: bool
    description: str | None
    # The named schema and the path inside it this place belongs to ("SubscriptionResponseModel", "currency"), so a
    # change to a schema two operations share is one change; None outside any named schema.
    owner: tuple[str, str] | None = field(default=None, compare=False)
    named: str | None = field(default=None, compare=False)  # the value's own named schema (an enum's, say)

    def default_shown(self) -> str | None:
        return None if self.default is _MISSING else repr(self.default)


@dataclass
class Operation:
    method: str
    path: str
    summary: str | None
    description: str | None
    deprecated: bool
    security: tuple[str, ...]
    operation_id: str | None
    parameters: dict[tuple[str, str], Facts] = field(default_factory=dict)
    responses: dict[str, dict[str, Facts]] = field(default_factory=dict)  # status -> property path -> facts

    @property
    def key(self) -> str:
        return f"{self.method.upper()} {self.path}"


@dataclass
class Shape:
    servers: tuple[str, ...]
    operations: dict[str, Operation]


def _hashable(value: Any) -> Any:
    if isinstance(value, Mapping):
        return tuple(sorted((str(k), _hashable(v)) for k, v in value.items()))
    if isinstance(value, list):
        return tuple(_hashable(v) for v in value)
    return value


class _Resolver:
    def __init__(self, doc: Mapping[str, Any]) -> None:
        self.doc = doc

    def deref(self, schema: Any, where: str) -> tuple[dict[str, Any], str | None]:
        """The schema with its local $ref replaced by the target (sibling keywords win), and the ref followed."""
        if not isinstance(schema, Mapping):
            raise SpecShapeError(f"{where}: expected a schema object, got {type(schema).__name__}")
        ref = schema.get("$ref")
        if ref is None:
            return dict(schema), None
        if not isinstance(ref, str):
            raise SpecShapeError(f"{where}: $ref must be a string, got {ref!r}")
        try:  # one $ref resolution for the whole project: the importer's
            target = resolve_local_ref(dict(self.doc), ref, where)
        except SpecImportError as exc:
            raise SpecShapeError(f"{where}: {exc}") from None
        resolved, _ = self.deref(target, ref)
        resolved.update({k: v for k, v in schema.items() if k != "$ref"})
        return resolved, ref


@dataclass
class _Merged:
    """A schema with its compositions flattened: the union of what its branches allow."""

    types: set[str] = field(default_factory=set)
    nullable: bool = False
    enum: set[Any] | None = None
    enum_open: bool = False  # some branch allows any value of its type
    fmt: str | None = None
    properties: dict[str, list[Any]] = field(default_factory=dict)
    required: set[str] = field(default_factory=set)
    items: list[Any] = field(default_factory=list)
    refs: set[str] = field(default_factory=set)  # every $ref followed, so the walk below can stop at cycles
    owners: dict[str, str] = field(default_factory=dict)  # property name -> the named schema declaring it
    name: str | None = None  # the named schema this is, when reached through a $ref


def _schema_name(ref: str) -> str:
    """`Price` of `#/components/schemas/Price`."""
    return ref.rpartition("/")[2]


def _infer_type(value: Any) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    return "string" if isinstance(value, str) else "object"


class _Flattener:
    def __init__(self, doc: Mapping[str, Any]) -> None:
        self.resolver = _Resolver(doc)

    def merge(self, schema: Any, where: str, seen: frozenset[str], into: _Merged | None = None,
              owner: str | None = None) -> _Merged:  # fmt: skip
        out = into if into is not None else _Merged()
        resolved, ref = self.resolver.deref(schema, where)
        if ref is not None:
            if ref in seen:
                out.types.add("object")  # recursive structure: stop here
                return out
            seen = seen | {ref}
            out.refs.add(ref)
            owner = _schema_name(ref)
            if into is None:
                out.name = owner
        branches = [b for key in ("anyOf", "oneOf") for b in resolved.get(key, [])]
        for i, branch in enumerate(resolved.get("allOf", [])):
            self.merge(branch, f"{where}/allOf/{i}", seen, out, owner)
        for i, branch in enumerate(branches):  # a null branch only makes the union nullable (_own_keywords)
            self.merge(branch, f"{where}/anyOf/{i}", seen, out, owner)
        self._own_keywords(resolved, out, owner)
        return out

    def _own_keywords(self, s: Mapping[str, Any], out: _Merged, owner: str | None) -> None:
        declared = s.get("type")
        types = [declared] if isinstance(declared, str) else list(declared or [])
        if "null" in types or s.get("nullable") is True:
            out.nullable = True
        types = [t for t in types if t != "null"]
        values: list[Any] | None = None
        if "const" in s:
            values = [s["const"]]
        elif isinstance(s.get("enum"), list):
            values = list(s["enum"])
        if values is not None:
            if None in values:
                out.nullable = True
            values = [v for v in values if v is not None]
        if values:  # `const: null` alone is just nullability
            out.enum = (out.enum or set()) | {_hashable(v) for v in values}
            types = types or sorted({_infer_type(v) for v in values})
        elif types:
            out.enum_open = True
        if "properties" in s or "required" in s:
            types = types or ["object"]
        if "items" in s:
            types = types or ["array"]
            out.items.append(s["items"])
        out.types.update(types)
        if isinstance(s.get("format"), str):
            out.fmt = s["format"]
        for name, prop in (s.get("properties") or {}).items():
            out.properties.setdefault(str(name), []).append(prop)
            if owner is not None:
                out.owners.setdefault(str(name), owner)
        out.required.update(str(r) for r in s.get("required") or [])

    def facts(self, schema: Any, where: str, seen: frozenset[str], required: bool | None,
              owner: tuple[str, str] | None = None) -> tuple[Facts, _Merged]:  # fmt: skip
        merged = self.merge(schema, where, seen)
        resolved, _ = self.resolver.deref(schema, where)
        description = resolved.get("description")
        enum = None if merged.enum is None or merged.enum_open else frozenset(merged.enum)
        facts = Facts(
            types=frozenset(merged.types) or frozenset({"any"}),
            nullable=merged.nullable,
            required=required,
            enum=enum,
            fmt=merged.fmt,
            default=_hashable(resolved["default"]) if "default" in resolved else _MISSING,
            deprecated=resolved.get("deprecated") is True,
            description=description.strip() if isinstance(description, str) else None,
            owner=owner,
            named=_schema_name(next(iter(merged.refs))) if len(merged.refs) == 1 else None,
        )
        return facts, merged

    def walk(self, schema: Any, where: str, prefix: str, required: bool | None, seen: frozenset[str],
             owner: tuple[str, str] | None = None) -> Iterator[tuple[str, Facts]]:  # fmt: skip
        facts, merged = self.facts(schema, where, seen, required, owner)
        yield prefix, facts
        inner = seen | merged.refs
        # Inside an inline object, places belong to the nearest named schema around them.
        base = (merged.name, "") if merged.name else owner
        for name, variants in merged.properties.items():
            child = variants[0] if len(variants) == 1 else {"anyOf": variants}
            path = f"{prefix}.{name}" if prefix else name
            if name in merged.owners:
                child_owner: tuple[str, str] | None = (merged.owners[name], name)
            else:
                child_owner = (base[0], f"{base[1]}.{name}") if base else None
            yield from self.walk(child, f"{where}/properties/{name}", path, name in merged.required, inner,
                                 child_owner)  # fmt: skip
        if merged.items:
            child = merged.items[0] if len(merged.items) == 1 else {"anyOf": merged.items}
            items_owner = (base[0], f"{base[1]}[]") if base else None
            yield from self.walk(child, f"{where}/items", f"{prefix}[]", None, inner, items_owner)


def _json_schema(response: Mapping[str, Any]) -> Any | None:
    content = response.get("content") or {}
    for media, body in content.items():
        if "json" in str(media) and isinstance(body, Mapping) and "schema" in body:
            return body["schema"]
    return None


def _security(requirements: Any) -> tuple[str, ...]:
    if not isinstance(requirements, list):
        return ()
    alternatives = {"+".join(sorted(map(str, req))) or "(none)" for req in requirements if isinstance(req, Mapping)}
    return tuple(sorted(alternatives))


def shape_of(doc: Any) -> Shape:
    """Everything a client of `doc`'s operations depends on, keyed by operation and location."""
    if not isinstance(doc, Mapping) or not isinstance(doc.get("paths"), Mapping):
        raise SpecShapeError("not an OpenAPI document: no 'paths' object at the top level")
    flat = _Flattener(doc)
    resolver = flat.resolver
    servers = tuple(str(s.get("url")) for s in doc.get("servers") or [] if isinstance(s, Mapping))
    top_security = doc.get("security")
    operations: dict[str, Operation] = {}
    for path, item in doc["paths"].items():
        if not isinstance(item, Mapping):
            raise SpecShapeError(f"paths/{path}: expected a path item object")
        for method in HTTP_METHODS:
            op = item.get(method)
            if not isinstance(op, Mapping):
                continue
            where = f"paths/{path}/{method}"
            operation = Operation(
                method=method,
                path=str(path),
                summary=op.get("summary"),
                description=op.get("description"),
                deprecated=op.get("deprecated") is True,
                security=_security(op.get("security", top_security)),
                operation_id=op.get("operationId"),
            )
            for i, raw in enumerate([*(item.get("parameters") or []), *(op.get("parameters") or [])]):
                param, _ = resolver.deref(raw, f"{where}/parameters/{i}")
                key = (str(param.get("in")), str(param.get("name")))
                facts, _ = flat.facts(param.get("schema") or {}, f"{where}/parameters/{i}", frozenset(),
                                      param.get("required") is True)  # fmt: skip
                if param.get("description"):
                    facts = Facts(**{**facts.__dict__, "description": str(param["description"]).strip()})
                operation.parameters[key] = facts
            for status, raw in (op.get("responses") or {}).items():
                response, _ = resolver.deref(raw, f"{where}/responses/{status}")
                schema = _json_schema(response)
                paths: dict[str, Facts] = {}
                if schema is not None:
                    paths = dict(flat.walk(schema, f"{where}/responses/{status}", "", None, frozenset()))
                operation.responses[str(status)] = paths
            operations[operation.key] = operation
    return Shape(servers=servers, operations=operations)
