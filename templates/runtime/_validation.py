"""Schema checks of response bodies: every violation for strict mode, what drift is for lenient mode, and what a
formatted string (date-time, date, uuid) converts to."""

import datetime
import functools
import re
from collections.abc import Mapping
from contextvars import ContextVar
from typing import Any, Protocol, Self, TypeVar

from .errors import ResponseValidationError

# --- Response schema checks -------------------------------------------------------------------------------------
# Each generated model describes its schema as data (`json_shape()`, written by templates/model.py.jinja); one small
# interpreter checks a JSON value against it and reports EVERY violation with its JSON path. A shape is one of:
#   {"type": "string" | "integer" | "number" | "boolean" | "null" | "date-time" | "date" | "uuid"}
#   {"enum": [values], "name": ...}   {"const": value}   {"model": <model class>}
#   {"list": shape}   {"any_of": [shapes]}   {} (anything)

# True while the generator's parser runs on a body already checked whole: nested models skip their own check.
_CHECKED: ContextVar[bool] = ContextVar("elevenlabs_checked", default=False)
MISSING = object()  # a field the body lacks (a field's value may be null)
_JSON_TYPE_NAMES = {dict: "object", list: "array", str: "string", bool: "boolean", int: "integer", float: "number"}


class SchemaModel(Protocol):
    """A generated model: it describes its schema and parses itself from a dict."""

    @classmethod
    def json_shape(cls) -> dict[str, Any]:
        """The model's schema as data (see the shapes above)."""
        ...

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any], *, strict: bool = False) -> Self:
        """Parse a JSON object into the model (``strict=True``: reject any schema violation)."""
        ...

    @classmethod
    def _from_dict_lenient(cls, src_dict: Mapping[str, Any]) -> Self: ...


M = TypeVar("M", bound=SchemaModel)


def _got(value: object) -> str:
    if value is None:
        return "null"
    text = repr(value) if isinstance(value, str) else _JSON_TYPE_NAMES.get(type(value), type(value).__name__)
    return text if len(text) <= 60 else text[:57] + "..."


def _describe(shape: Mapping[str, Any]) -> str:
    if "type" in shape:
        return str(shape["type"])
    if "enum" in shape:
        return f"one of {', '.join(repr(v) for v in shape['enum'])}"
    if "const" in shape:
        return repr(shape["const"])
    if "model" in shape:
        return f"object {shape['model'].__name__}"
    if "list" in shape:
        return f"array of {_describe(shape['list'])}"
    if "any_of" in shape:
        return " | ".join(_describe(s) for s in shape["any_of"])
    return "any value"


def _type_ok(kind: str, value: object, lenient: bool = False) -> bool:
    if kind == "null":
        return value is None
    if kind == "boolean":
        return isinstance(value, bool)
    if kind == "integer":
        # JSON Schema 2020-12 counts an integral float (41230.0) as an integer; so do we.
        if isinstance(value, float):
            return value.is_integer()
        return isinstance(value, int) and not isinstance(value, bool)
    if kind == "number":
        return isinstance(value, int | float) and not isinstance(value, bool)
    if not isinstance(value, str):
        return False
    return kind not in _TEXT_SYNTAX or text_value(kind, value, lenient) is not MISSING


# What the spec's formats mean (RFC 3339 date-time and full-date, RFC 4122's hyphenated UUID): strict mode holds a
# value to this syntax. Lenient mode asks only that the generator's conversion below can take it.
_TEXT_SYNTAX = {
    "date-time": r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})",
    "date": r"\d{4}-\d{2}-\d{2}",
    "uuid": r"[0-9a-fA-F]{8}-(?:[0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}",
}
TEXT_FORMATS = frozenset(_TEXT_SYNTAX)


def text_value(kind: str, value: str, lenient: bool) -> Any:
    """A formatted string ("date-time", "date", "uuid") converted as the generated parser converts it
    (datetime.fromisoformat, date.fromisoformat, UUID), or MISSING where that conversion refuses it, and in strict
    mode also where it is not in the spec's syntax. The check and the fast pass both use it: a check that passed what
    the conversion then refuses would end a lenient call in a raw ValueError instead of a broken field."""
    if not lenient and re.fullmatch(_TEXT_SYNTAX[kind], value, re.ASCII) is None:
        return MISSING
    try:
        if kind == "uuid":
            import uuid  # here, not at module level: few specs have UUIDs, and cold start counts every import

            return uuid.UUID(value)
        if kind == "date":
            return datetime.date.fromisoformat(value)
        return datetime.datetime.fromisoformat(value)
    except ValueError:
        return MISSING


# The Python types of JSON values that pass a JSON type at a glance (bool is not an integer here, nor a number).
EXACT_TYPES: dict[str, frozenset[type]] = {
    "string": frozenset({str}),
    "integer": frozenset({int}),
    "number": frozenset({int, float}),
    "boolean": frozenset({bool}),
    "null": frozenset({type(None)}),
}

# One field of a prepared model shape: JSON name, shape, required, the Python types that pass it at a glance (strict,
# lenient: any str passes an enum there), and the attribute's Python name.
_Field = tuple[str, Mapping[str, Any], bool, frozenset[type], frozenset[type], str]


@functools.cache
def _model_fields(model_cls: type[SchemaModel]) -> tuple[str, list[_Field]]:
    """A model's json_shape(), prepared once per class: strict mode checks every response against it, and most
    values are of a plain type one `type(v) in` settles, without a _check call per field."""
    shape = model_cls.json_shape()
    fields: list[_Field] = []
    for name, (field_shape, required, python_name) in shape["properties"].items():
        options = field_shape.get("any_of", [field_shape])
        plain = frozenset().union(*(EXACT_TYPES[o["type"]] for o in options if o.get("type") in EXACT_TYPES))
        lenient_plain = plain | ({str} if any("enum" in o for o in options) else set())
        fields.append((name, field_shape, required, plain, lenient_plain, python_name))
    return shape["name"], fields


@functools.cache
def _model_extra(model_cls: type[SchemaModel]) -> tuple[frozenset[str], str | None, Mapping[str, Any] | None]:
    """A model's declared JSON names, what its parser does with other fields ("keep", "convert", "drop"), and the
    shape their values must have (None: any value)."""
    shape = model_cls.json_shape()
    return frozenset(shape["properties"]), shape.get("extra"), shape.get("extra_shape") or None


def _depth(problem: str) -> int:
    """How deep a problem's JSON path (before ": ") goes: one per field or index."""
    where = problem.split(": ", 1)[0]
    return 0 if where == "$" else where.count(".") + where.count("[") + 1


def _check(
    shape: Mapping[str, Any], value: object, path: str, problems: list[str], lenient: bool = False, deep: bool = True
) -> None:
    """Append to `problems` every way `value` breaks `shape`. `lenient`: what lenient parsing keeps is fine (an
    enum value the spec does not list yet). `deep=False`: a nested model only has to be an object (it checks
    itself when it is parsed)."""
    if "model" in shape:  # first: every body is a model, and so is every nested object
        model_name, fields = _model_fields(shape["model"])
        if not isinstance(value, Mapping):
            problems.append(f"{path or '$'}: expected object {model_name}, got {_got(value)}")
            return
        if not deep:
            return
        missing = MISSING
        for name, field_shape, required, plain, lenient_plain, _ in fields:
            field_value = value.get(name, missing)
            if field_value is missing:
                if required:
                    problems.append(
                        f"{path}.{name}: required field missing" if path else f"{name}: required field missing"
                    )
            elif type(field_value) not in (lenient_plain if lenient else plain):  # most values need no closer look
                _check(field_shape, field_value, f"{path}.{name}" if path else name, problems, lenient)
        names, _, extra_shape = _model_extra(shape["model"])
        if extra_shape is not None:  # the values of a typed map too (the generator's parser would trust them)
            for key, item in value.items():
                if key not in names:
                    _check(extra_shape, item, f"{path}.{key}" if path else str(key), problems, lenient)
        return
    where = path or "$"
    if "type" in shape:
        if not _type_ok(shape["type"], value, lenient):
            problems.append(f"{where}: expected {shape['type']}, got {_got(value)}")
    elif "enum" in shape:
        if lenient and isinstance(value, str):
            return
        if value not in shape["enum"] or not isinstance(value, str | int):
            problems.append(
                f"{where}: unknown {shape.get('name', 'enum')} value {_got(value)} (expected {_describe(shape)})"
            )
    elif "const" in shape:
        if value != shape["const"]:
            problems.append(f"{where}: expected {shape['const']!r}, got {_got(value)}")
    elif "list" in shape:
        if not isinstance(value, list):
            problems.append(f"{where}: expected array, got {_got(value)}")
            return
        for index, item in enumerate(value):
            _check(shape["list"], item, f"{path}[{index}]", problems, lenient, deep)
    elif "any_of" in shape:
        trials: list[tuple[Mapping[str, Any], list[str]]] = []
        for option in shape["any_of"]:
            trial: list[str] = []
            _check(option, value, path, trial, lenient, deep)
            if not trial:
                return
            trials.append((option, trial))
        # One non-null option (a nullable field): its own, more precise, problems.
        real = [s for s in shape["any_of"] if s.get("type") != "null"]
        if len(real) == 1 and value is not None:
            _check(real[0], value, path, problems, lenient, deep)
            return
        # Several: the closest member is the one that got deepest into the value before failing (fewest problems on
        # a tie); its problems say what to fix, where a bare "got object" would not.
        option, closest = max(trials, key=lambda t: (max(_depth(p) for p in t[1]), -len(t[1])))
        found = f"{where}: expected {_describe(shape)}, got {_got(value)}"
        if max(_depth(p) for p in closest) > _depth(where):
            # One problem still (one value is wrong), naming the closest member's problems, the deepest first.
            shown = sorted(closest, key=_depth, reverse=True)
            more = f" (+{len(shown) - 3} more)" if len(shown) > 3 else ""
            problems.append(f"{found}; closest, {_describe(option)}: {'; '.join(shown[:3])}{more}")
        else:
            problems.append(found)


def schema_violations(model_cls: type[SchemaModel], data: object) -> list[str]:
    """Every way `data` violates the schema of `model_cls`, as `<json path>: <problem>` lines (empty when valid).

    Unknown fields are not violations: the API may add fields at any time.
    """
    problems: list[str] = []
    _check({"model": model_cls}, data, "", problems)
    return problems


def validate_response(model_cls: type[M], data: object) -> M:
    """Parse `data` strictly: ResponseValidationError listing every violation, else the model."""
    # Imported here: both build on this module.
    from ._drift import parse_checked  # noqa: PLC0415
    from ._fastparse import parse_fast  # noqa: PLC0415

    model = parse_fast(model_cls, data, strict=True)
    if model is not None:
        return model
    problems = schema_violations(model_cls, data)
    if problems or not isinstance(data, Mapping):
        raise ResponseValidationError(model_cls.__name__, problems)
    return parse_checked(model_cls, data)  # a body strict accepts, lenient accepts too: no second check


def lenient_parse_error(model_cls: type[SchemaModel], data: object, err: Exception) -> ResponseValidationError:
    """What a lenient parse that hit an unrepresentable value raises: ResponseValidationError listing every schema
    violation from this level down (a nested model's error is recomputed here, so paths start at the top), its
    `__cause__` the original KeyError/TypeError/ValueError."""
    root = err.__cause__ if isinstance(err, ResponseValidationError) and err.__cause__ else err
    problems = schema_violations(model_cls, data) or [f"$: {type(root).__name__}: {root}"]
    error = ResponseValidationError(model_cls.__name__, problems)
    error.__cause__ = root
    return error
