"""Lenient parsing that survives drift: a response that breaks the schema still gives its model.

A required field that is missing, or a value of the wrong type, does not fail the call: the model is returned,
its intact fields read normally, and reading a broken field raises errors.ResponseValidationError naming its JSON
path, the expected type and what arrived (the attribute is simply not set, so the declared types stay true).
`to_dict()` gives back what was received. Each broken path is logged once per process, as a warning.

The fast path costs one schema check of the whole body (the same one strict mode runs); only a body that fails it
takes the slow path below.
"""

import copy
import reprlib
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, NoReturn, TypeVar

import attrs

from ._fastparse import parse_fast
from ._logging import logger
from ._validation import (
    _CHECKED,
    SchemaModel,
    _check,
    _depth,
    _got,
    _model_extra,
    _model_fields,
    lenient_parse_error,
)
from .errors import ResponseDecodeError, ResponseValidationError, decode_json

M = TypeVar("M", bound=SchemaModel)
V = TypeVar("V")

# While a drifted body is parsed: id() of each object in it -> its JSON path (nested models name full paths).
_PATHS: ContextVar[dict[int, str] | None] = ContextVar("elevenlabs_paths", default=None)
# While a drifted body is parsed: id() of each object that is the value of a union of several models -> the member
# it was matched to (the first that fits, else the closest), so the generator's try-each-member union parsing cannot
# settle on a member that only "parses" because drift tolerance accepts anything.
_CHOSEN: ContextVar[dict[int, type[Any]] | None] = ContextVar("elevenlabs_union_members", default=None)
_WARNED: set[str] = set()
_PARSE_ERRORS = (KeyError, TypeError, ValueError, AttributeError, ResponseValidationError)


class DriftedFieldError(ResponseValidationError, AttributeError):
    """Reading a field the response broke (missing, or of the wrong type). Also an AttributeError, so getattr()
    with a default, hasattr() and reprs treat the field as absent."""


class Drift:
    """What a drifted model keeps: the body as received, each broken field's problem, and each broken entry's (a
    value of a typed map that does not fit: left out of `additional_properties`)."""

    __slots__ = ("model", "received", "broken", "entries")

    def __init__(
        self, model: str, received: Mapping[str, Any], broken: dict[str, str], entries: dict[str, str] | None = None
    ) -> None:
        self.model, self.received, self.broken, self.entries = model, received, broken, entries or {}


def _paths_of(value: Any, path: str, into: dict[int, str]) -> None:
    if isinstance(value, Mapping):
        into[id(value)] = path
        for key, item in value.items():
            _paths_of(item, f"{path}.{key}" if path else str(key), into)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            _paths_of(item, f"{path}[{index}]", into)


def _closest_member(options: list[type[SchemaModel]], value: Mapping[str, Any]) -> type[SchemaModel]:
    """The first member `value` fits (lenient check), else the closest: the one that knows most of its fields, then
    the one it got deepest into, then the one with fewest problems."""
    best: tuple[tuple[int, int, int], type[SchemaModel]] | None = None
    for member in options:
        problems: list[str] = []
        _check({"model": member}, value, "", problems, lenient=True)
        if not problems:
            return member
        known = sum(1 for field in _model_fields(member)[1] if field[0] in value)
        key = (known, max(_depth(p) for p in problems), -len(problems))
        if best is None or key > best[0]:
            best = (key, member)
    assert best is not None
    return best[1]


def _choose_members(shape: Mapping[str, Any], value: Any, into: dict[int, type[Any]]) -> None:
    """Record the member of every union of several models under `value` (nested models record their own)."""
    if "list" in shape and isinstance(value, list):
        for item in value:
            _choose_members(shape["list"], item, into)
    elif "any_of" in shape:
        models = [option["model"] for option in shape["any_of"] if "model" in option]
        if len(models) >= 2 and isinstance(value, Mapping):
            into[id(value)] = _closest_member(models, value)
        for option in shape["any_of"]:
            if "list" in option:
                _choose_members(option, value, into)


def _placeholder(shape: Mapping[str, Any], depth: int = 0) -> Any:
    """A value that satisfies `shape`, standing in for a broken one while the generator's parser runs."""
    if "type" in shape:
        return {
            "string": "",
            "integer": 0,
            "number": 0.0,
            "boolean": False,
            "date-time": "1970-01-01T00:00:00Z",
            "date": "1970-01-01",
            "uuid": "00000000-0000-0000-0000-000000000000",
        }.get(shape["type"])
    if "enum" in shape:
        return shape["enum"][0]
    if "const" in shape:
        return shape["const"]
    if "list" in shape:
        return []
    if "any_of" in shape:
        options = shape["any_of"]
        if any(option.get("type") == "null" for option in options):
            return None
        return _placeholder(options[0], depth + 1)
    if "model" in shape and depth < 32:
        _, fields = _model_fields(shape["model"])
        return {name: _placeholder(s, depth + 1) for name, s, required, _, _, _ in fields if required}
    return None


def _warn_once(path_and_problem: str, model: str) -> None:
    if path_and_problem not in _WARNED:
        _WARNED.add(path_and_problem)
        logger.warning("%s: %s; reading that field raises ResponseValidationError", model, path_and_problem)


def _parse_drifted(model_cls: type[M], data: Mapping[str, Any]) -> M:
    model_name, fields = _model_fields(model_cls)
    prefix = (_PATHS.get() or {}).get(id(data), "")
    broken: dict[str, str] = {}
    patched = dict(data)
    for name, shape, required, _, _, python_name in fields:
        path = f"{prefix}.{name}" if prefix else name
        if name not in data:
            if required:
                broken[python_name] = f"{path}: required field missing"
                patched[name] = _placeholder(shape)
            continue
        chosen = _CHOSEN.get()
        if chosen is not None:
            _choose_members(shape, data[name], chosen)
        local: list[str] = []
        _check(shape, data[name], path, local, lenient=True, deep=False)
        if local:
            broken[python_name] = "; ".join(local)
            patched[name] = _placeholder(shape)
    entries: dict[str, str] = {}
    names, _, extra_shape = _model_extra(model_cls)
    if extra_shape is not None:  # a typed map: an entry that does not fit is left out, like a broken field
        for key, item in data.items():
            if key not in names:
                local = []
                _check(extra_shape, item, f"{prefix}.{key}" if prefix else str(key), local, lenient=True, deep=False)
                if local:
                    entries[key] = "; ".join(local)
                    del patched[key]
    try:
        model = model_cls._from_dict_lenient(patched)
    except _PARSE_ERRORS as err:
        error = lenient_parse_error(model_cls, data, err)
        raise error from error.__cause__
    if broken or entries:
        for python_name, problem in broken.items():
            delattr(model, python_name)  # an unset slot: reading it goes to the model's __getattr__
            _warn_once(problem, model_name)
        for problem in entries.values():
            _warn_once(problem, model_name)
        model._drift = Drift(model_name, data, broken, entries)  # type: ignore[attr-defined]
    return model


def parse_checked(model_cls: type[M], data: Mapping[str, Any]) -> M:
    """`model_cls` from `data` that already passed the schema check (strict or lenient): nested models skip theirs."""
    token = _CHECKED.set(True)
    try:
        return model_cls._from_dict_lenient(data)
    except _PARSE_ERRORS as err:
        error = lenient_parse_error(model_cls, data, err)
        raise error from error.__cause__  # the original KeyError/TypeError/ValueError
    finally:
        _CHECKED.reset(token)


def lenient_parse(model_cls: type[M], data: Mapping[str, Any]) -> M:
    """`model_cls` from `data`, lenient: see the module's docstring."""
    if _CHECKED.get():
        return model_cls._from_dict_lenient(data)
    if _PATHS.get() is None:  # not inside a drifted body (there, each model takes the path below)
        model = parse_fast(model_cls, data, strict=False)
        if model is not None:
            return model
    chosen = _CHOSEN.get()
    member = chosen.get(id(data)) if chosen is not None else None
    if member is not None and member is not model_cls:
        # A union tries its members in turn: this object was matched to another one.
        raise ResponseValidationError(model_cls.__name__, [f"$: matched to {member.__name__} instead"])
    problems: list[str] = []
    _check({"model": model_cls}, data, "", problems, lenient=True)
    if not problems:
        return parse_checked(model_cls, data)
    if not isinstance(data, Mapping):
        raise ResponseValidationError(model_cls.__name__, problems)
    if _PATHS.get() is not None:
        return _parse_drifted(model_cls, data)
    with _drifting(data):
        return _parse_drifted(model_cls, data)


@contextmanager
def _drifting(data: Any, shape: Mapping[str, Any] | None = None) -> Iterator[None]:
    """The context a drifted body is parsed in: each object's JSON path, and each union's member."""
    paths: dict[int, str] = {}
    _paths_of(data, "", paths)
    chosen: dict[int, type[Any]] = {}
    if shape is not None:
        _choose_members(shape, data, chosen)
    paths_token, chosen_token = _PATHS.set(paths), _CHOSEN.set(chosen)
    try:
        yield
    finally:
        _PATHS.reset(paths_token)
        _CHOSEN.reset(chosen_token)


def parse_model(model_cls: type[M], status_code: int, body: bytes, *, strict: bool = False) -> M:
    """The body of a success response as `model_cls`, or an error of the package's hierarchy; never a raw
    KeyError/TypeError/ValueError. Lenient by default (off-spec values are kept as they came, unknown fields and enum
    values too); `strict=True` rejects any schema violation. `from_dict` tries the one pass (_fastparse) first."""
    data = decode_json(status_code, body)
    if not isinstance(data, Mapping):
        raise ResponseDecodeError(
            f"{status_code}: expected a JSON object ({model_cls.__name__}), got {_got(data)}",
            status_code=status_code,
            body=body,
        )
    try:
        return model_cls.from_dict(data, strict=strict)
    except ResponseValidationError as err:
        # The same finding, with the answer it came from.
        raise ResponseValidationError(err.model, err.violations, status_code=status_code, body=body) from (
            err.__cause__ or err
        )


def parse_value(
    parse: Callable[[Any], V],
    shape: Mapping[str, Any],
    name: str,
    status_code: int,
    body: bytes,
    *,
    strict: bool = False,
) -> V:
    """A JSON success body that is not a single object (`list[Model]`, a union, an enum...) parsed by the endpoint's
    generated `parse`, or an error of the package's hierarchy listing every schema violation with its path; never a
    raw KeyError/TypeError/ValueError. Lenient, as for models: a model inside that drifted is returned with its
    broken fields unset (reading one raises); `strict=True` rejects any violation."""
    data = decode_json(status_code, body)
    problems: list[str] = []
    _check(shape, data, "", problems, lenient=not strict)
    if strict and problems:
        raise ResponseValidationError(name, problems, status_code=status_code, body=body)
    try:
        if not problems:
            token = _CHECKED.set(True)
            try:
                return parse(data)
            finally:
                _CHECKED.reset(token)
        with _drifting(data, shape):
            return parse(data)
    except _PARSE_ERRORS as err:
        root = err.__cause__ if isinstance(err, ResponseValidationError) and err.__cause__ else err
        raise ResponseValidationError(
            name, problems or [f"$: {type(root).__name__}: {root}"], status_code=status_code, body=body
        ) from root


def broken_field(model: object, name: str) -> NoReturn:
    """What reading an unset attribute of a model raises (the model's __getattr__)."""
    drift = object.__getattribute__(model, "_drift") if not name.startswith("_") else None
    if isinstance(drift, Drift) and name in drift.broken:
        raise DriftedFieldError(drift.model, [drift.broken[name]])
    raise AttributeError(f"{type(model).__name__!r} object has no attribute {name!r}")


def broken_entry(model: object, key: str) -> NoReturn:
    """What reading a missing key of a typed map model raises (its __getitem__): the entry's problem when the
    response broke it, else KeyError."""
    drift = object.__getattribute__(model, "_drift")
    if isinstance(drift, Drift) and key in drift.entries:
        raise DriftedFieldError(drift.model, [drift.entries[key]])
    raise KeyError(key)


def received(model: object) -> dict[str, Any] | None:
    """What a drifted model received (a copy, for to_dict()), or None for an intact model."""
    drift = object.__getattribute__(model, "_drift")
    return None if drift is None else copy.deepcopy(dict(drift.received))


@reprlib.recursive_repr()  # a model put inside its own additional_properties shows as ...
def model_repr(model: Any) -> str:
    """Every model's repr (attrs', whose own is off: one code path instead of two, and no per-class code to
    generate at import): the fields field.repr allows, as field.repr shows them, a broken field as `<broken>`."""
    drift = object.__getattribute__(model, "_drift")
    broken = () if drift is None else drift.broken
    parts = []
    for field in attrs.fields(type(model)):
        if field.repr is False:
            continue
        if field.name in broken:
            parts.append(f"{field.name}=<broken>")
            continue
        show = repr if field.repr is True else field.repr
        parts.append(f"{field.name}={show(getattr(model, field.name))}")
    return f"{type(model).__name__}({', '.join(parts)})"
