"""What every generated parser shares: the parse context, the slow paths of a value, union member choice, and drift.

Each model's `_parse` (written by templates/parse.jinja) checks every value by its exact type and converts it in one
pass; a value that does not fit goes to `Parse.bad`, which records the problem with its JSON path and returns a `Bad`
in its place. Strict mode raises once the whole body is walked, listing every problem. Lenient mode (the default)
keeps the model: `settle` takes each `Bad` field off the model and records it in its `Drift`, so reading that field
raises errors.BrokenFieldError while the rest reads normally, and `to_dict()` gives back what was received.
"""

import copy
import datetime
import json
import logging
import re
import reprlib
from collections.abc import Callable, Iterator, Mapping
from enum import Enum
from typing import TYPE_CHECKING, Any, ClassVar, NoReturn, Protocol, Self, TypeVar, cast

import attrs

from .errors import BrokenFieldError, ResponseDecodeError, ResponseValidationError, decode_json

logger = logging.getLogger(__name__.rpartition(".")[0])  # the package's, whatever the package is named

MISSING: Any = type("Missing", (), {"__repr__": lambda self: "MISSING"})()  # a field the body lacks
WARNED_AT_MOST = 1024  # distinct (model, path) warnings kept per process; past it drift is no longer logged
_warned: set[tuple[str, str]] = set()
_JSON_TYPE_NAMES = {dict: "object", list: "array", str: "string", bool: "boolean", int: "integer", float: "number"}


class Bad:
    """Stands where a value broke the schema, until the model that holds it settles."""

    __slots__ = ("problem",)

    def __init__(self, problem: str) -> None:
        self.problem: str = problem


class Drift:
    """What a drifted model keeps: the body as received, each broken field's problem and each broken map entry's."""

    __slots__ = ("model", "received", "broken", "entries")

    def __init__(self, model: str, received: Mapping[str, Any], broken: dict[str, str], entries: dict[str, str]):
        self.model: str = model
        self.received: Mapping[str, Any] = received
        self.broken: dict[str, str] = broken  # python name -> problem
        self.entries: dict[str, str] = entries  # map key -> problem


if TYPE_CHECKING:  # for type checkers only: a Protocol class costs every start its creation

    class Model(Protocol):
        """A generated model, as the runtime sees it."""

        _json_names: ClassVar[frozenset[str]]

        @classmethod
        def _parse(cls, data: dict[str, Any], p: "Parse", at: str) -> Self: ...


M = TypeVar("M", bound="Model")
V = TypeVar("V")


def got(value: object) -> str:
    """What arrived, for a problem's text: a string's own (shortened) repr, else its JSON type."""
    if value is None:
        return "null"
    text = repr(value) if isinstance(value, str) else _JSON_TYPE_NAMES.get(type(value), type(value).__name__)
    return text if len(text) <= 60 else text[:57] + "..."


# What the spec's formats mean (RFC 3339 date-time and full-date, RFC 4122's hyphenated UUID): strict mode holds a
# value to this syntax; lenient mode asks only that the generator's conversion (fromisoformat, UUID) takes it.
_TEXT_SYNTAX = {
    "date-time": r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})",
    "date": r"\d{4}-\d{2}-\d{2}",
    "uuid": r"[0-9a-fA-F]{8}-(?:[0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}",
}


class Parse:
    """One body's parse: the mode, every problem found (with its JSON path), and notes that are only logged."""

    __slots__ = ("strict", "problems", "notes", "bads")

    def __init__(self, strict: bool) -> None:
        self.strict: bool = strict
        self.problems: list[str] = []
        self.notes: list[tuple[str, str]] = []  # (path, text): unknown enum values kept in lenient mode
        self.bads: int = 0  # how many Bad values were handed out: a model settles only when this moved

    def bad(self, value: Any, path: str, expected: str, enum: type[Enum] | None = None, integer: bool = False) -> Any:
        """`value` where no fast check took it: an integral float for an integer, an enum value the spec does not
        list (kept in lenient mode), or a problem recorded at `path` and a Bad returned."""
        where = path or "$"
        if value is MISSING:
            return self._bad(f"{where}: required field missing")
        numbers = enum is not None and issubclass(enum, int)
        if (integer or numbers) and type(value) is float and value.is_integer():
            value = int(value)  # JSON Schema's integer: 41230.0 is one; the field holds an int, as declared
            if integer:
                return value
        if enum is not None and type(value) is (int if numbers else str):
            if any(member.value == value for member in enum):
                return enum(value)
            if not self.strict:
                self.notes.append((where, f"value {value!r} is not in the spec; kept as is"))
                return enum(value)  # the enum's _missing_ makes a member that keeps it (not cached)
            shown = got(value) if type(value) is str else repr(value)
            return self._bad(f"{where}: unknown {enum.__name__} value {shown} (expected {expected})")
        return self._bad(f"{where}: expected {expected}, got {got(value)}")

    def _bad(self, problem: str) -> Bad:
        self.problems.append(problem)
        self.bads += 1
        return Bad(problem)

    def text(self, value: str, path: str, kind: str) -> Any:
        """A date-time, date or uuid string converted as the generator converts it, else a problem."""
        if not self.strict or re.fullmatch(_TEXT_SYNTAX[kind], value, re.ASCII):
            try:
                if kind == "uuid":
                    import uuid  # here, not at module level: few specs have UUIDs, and cold start counts imports

                    return uuid.UUID(value)
                if kind == "date":
                    return datetime.date.fromisoformat(value)
                return datetime.datetime.fromisoformat(value)
            except ValueError:
                pass
        return self._bad(f"{path or '$'}: expected {kind}, got {got(value)}")

    def limits(self, value: Any, path: str, **rules: Any) -> None:
        """Strict mode: the value constraints the spec states, each applied to values of its own JSON type."""
        self.problems.extend(f"{path}: {problem}" for problem in _broken_limits(value, rules))
        if type(value) is list and "items" in rules:
            for index, item in enumerate(value):
                self.limits(item, f"{path}[{index}]", **rules["items"])

    def items(self, bads_before: int, items: list[Any]) -> Any:
        """A list whose items were parsed: itself, or one Bad naming every broken item."""
        if self.bads == bads_before:
            return items
        broken = [item.problem for item in items if type(item) is Bad]
        return Bad("; ".join(broken)) if broken else items

    def choose(self, value: dict[str, Any], path: str, members: tuple[type[M], ...], expected: str) -> Any:
        """A union of models: the member the data names. A member the value fits (no problem: its consts and enums
        matched) is a candidate, and one that also declares every field the value has, or takes unknown fields, comes
        first (a closed member would drop the others); among candidates, the one whose declared fields the value
        names most wins, the first on a tie. With no candidate: lenient, the closest member with its drift; strict,
        one problem naming the closest member's deepest problems."""
        at = path + "." if path else ""
        best: tuple[tuple[bool, int], M] | None = None
        trials: list[tuple[tuple[int, int, int], type[M], list[str]]] = []
        for member in members:
            trial = Parse(strict=True)  # an unknown enum value or a const that differs is a problem here
            model = member._parse(value, trial, at)
            named = len(member._json_names & value.keys())
            if not trial.problems:
                keeps_all = named == len(value) or hasattr(member, "additional_properties")
                if best is None or (keeps_all, named) > best[0]:
                    best = ((keeps_all, named), model)
                continue
            deepest = max(_depth(problem) for problem in trial.problems)
            trials.append(((named, deepest, -len(trial.problems)), member, trial.problems))
        if best is not None:
            return best[1]
        _, closest, problems = max(trials, key=lambda trial: trial[0])
        if not self.strict:
            return closest._parse(value, self, at)
        where = path or "$"
        found = f"{where}: expected {expected}, got object"
        if max(_depth(problem) for problem in problems) <= _depth(where):
            return self._bad(found)
        shown = sorted(problems, key=_depth, reverse=True)
        more = f" (+{len(shown) - 3} more)" if len(shown) > 3 else ""
        return self._bad(f"{found}; closest, object {closest.__name__}: {'; '.join(shown[:3])}{more}")

    def settle(self, model: Any, data: Mapping[str, Any]) -> None:
        """Take each Bad field (and map entry) off `model` and record it: reading it then raises its problem.
        Nothing to do in strict mode: the whole parse raises."""
        if self.strict:
            return
        broken: dict[str, str] = {}
        for field in attrs.fields(type(model)):
            value = getattr(model, field.name, None)
            if type(value) is Bad:
                broken[field.name] = value.problem
                delattr(model, field.name)  # now unset: reading it goes to the model's __getattr__
        extra = getattr(model, "additional_properties", {})
        entries = {key: value.problem for key, value in extra.items() if type(value) is Bad}
        for key in entries:
            del extra[key]
        if broken or entries:
            model._drift = Drift(type(model).__name__, data, broken, entries)

    def finish(self, name: str) -> None:
        """Strict: raise every problem. Lenient: log each (model, path) once per process."""
        if self.strict and self.problems:
            raise ResponseValidationError(name, self.problems)
        for problem in self.problems:
            path, text = problem.split(": ", 1)
            _warn_once(name, path, f"{problem}; reading that field raises BrokenFieldError")
        for path, text in self.notes:
            _warn_once(name, path, f"{path}: {text}")


# JSON Schema's value constraints: name -> (the JSON types it applies to, whether a value breaks it, what to say).
_NUMBER, _TEXT, _ARRAY = (int, float), (str,), (list,)
_LIMITS: dict[str, tuple[tuple[type, ...], Callable[[Any, Any], bool], str]] = {
    "minimum": (_NUMBER, lambda value, bound: value < bound, "is below the minimum"),
    "maximum": (_NUMBER, lambda value, bound: value > bound, "is above the maximum"),
    "exclusiveMinimum": (_NUMBER, lambda value, bound: value <= bound, "is not above the exclusive minimum"),
    "exclusiveMaximum": (_NUMBER, lambda value, bound: value >= bound, "is not below the exclusive maximum"),
    "multipleOf": (_NUMBER, lambda value, bound: not (value / bound).is_integer(), "is not a multiple of"),
    "minLength": (_TEXT, lambda value, bound: len(value) < bound, "is shorter than the minimum length"),
    "maxLength": (_TEXT, lambda value, bound: len(value) > bound, "is longer than the maximum length"),
    "pattern": (_TEXT, lambda value, bound: re.search(bound, value) is None, "does not match the pattern"),
    "minItems": (_ARRAY, lambda value, bound: len(value) < bound, "are fewer than the minimum"),
    "maxItems": (_ARRAY, lambda value, bound: len(value) > bound, "are more than the maximum"),
    "uniqueItems": (_ARRAY, lambda value, _: len({json.dumps(v, sort_keys=True) for v in value}) < len(value), ""),
}


def _broken_limits(value: Any, rules: dict[str, Any]) -> Iterator[str]:
    """The constraints of `rules` that `value` breaks, each applied to values of its own JSON type only."""
    shown = f"{len(value)} items" if type(value) is list else got(value) if type(value) is str else repr(value)
    for name, bound in rules.items():
        if name not in _LIMITS or type(value) not in _LIMITS[name][0]:
            continue  # "items": Parse.limits applies those to each item
        _, breaks, what = _LIMITS[name]
        try:
            broken = breaks(value, bound)
        except (ValueError, ArithmeticError, re.error):  # a pattern Python cannot read, a bound of 0: not checked
            continue
        if broken:
            yield f"{shown} {what} {bound!r}" if what else f"{shown} are not unique"


def _depth(problem: str) -> int:
    """How deep a problem's JSON path (before ": ") goes: one per field or index."""
    where = problem.split(": ", 1)[0]
    return 0 if where == "$" else where.count(".") + where.count("[") + 1


def _warn_once(model: str, path: str, message: str) -> None:
    key = (model, re.sub(r"\[\d+\]", "[]", path))  # every item of a list is one place
    if key in _warned or len(_warned) > WARNED_AT_MOST:
        return
    _warned.add(key)
    if len(_warned) > WARNED_AT_MOST:  # only a map with ever new keys gets here: say so once, then stay bounded
        logger.warning("drift at more than %d places: no more drift warnings in this process", WARNED_AT_MOST)
        return
    logger.warning("%s: %s", model, message)


def parse_root(model_cls: type[M], data: object, strict: bool) -> M:
    """`model_cls` from a JSON object: see the module's doc."""
    if type(data) is not dict:  # a decoded body is a dict; any other Mapping is copied into one
        if not isinstance(data, Mapping):
            name = model_cls.__name__
            raise ResponseValidationError(name, [f"$: expected object {name}, got {got(data)}"])
        data = dict(data)
    p = Parse(strict)
    model = model_cls._parse(data, p, "")
    if p.problems or p.notes:
        p.finish(model_cls.__name__)
    return model


def parse_model(model_cls: type[M], status_code: int, body: bytes, *, strict: bool = False) -> M:
    """The body of a success response as `model_cls`, or an error of the package's hierarchy."""
    data = decode_json(status_code, body)
    if not isinstance(data, dict):
        message = f"{status_code}: expected a JSON object ({model_cls.__name__}), got {got(data)}"
        raise ResponseDecodeError(message, status_code=status_code, body=body)
    try:
        return parse_root(model_cls, data, strict)
    except ResponseValidationError as err:  # the same finding, with the answer it came from
        raise ResponseValidationError(err.model, err.violations, status_code=status_code, body=body) from None


def parse_value(parse: Callable[[Any, Parse], V], name: str, status_code: int, body: bytes, *, strict: bool) -> V:
    """A JSON success body that is not a single object (a list, a union, an enum...), parsed by the endpoint's
    generated `parse`. A value that cannot be returned (lenient too) raises ResponseValidationError."""
    p = Parse(strict)
    value = parse(decode_json(status_code, body), p)
    if type(value) is Bad or (strict and p.problems):
        raise ResponseValidationError(name, p.problems, status_code=status_code, body=body)
    if p.problems or p.notes:
        p.finish(name)
    return value


def validate_response(model_cls: type[M], data: object) -> M:
    """Parse `data` strictly: ResponseValidationError listing every violation, else the model."""
    return parse_root(model_cls, data, strict=True)


def schema_violations(model_cls: type[M], data: object) -> list[str]:
    """Every way `data` violates the schema of `model_cls`, as `<json path>: <problem>` lines (empty when valid).
    Unknown fields are not violations: the API may add fields at any time."""
    try:
        validate_response(model_cls, data)
    except ResponseValidationError as err:
        return err.violations
    return []


def unknown_member(enum: type[Enum], value: object) -> Any:
    """An enum's `_missing_`: a member that keeps a value the spec does not list. Made anew each time, never cached,
    so a server cannot grow the process; it compares, prints and round-trips by its value."""
    base = int if issubclass(enum, int) else str
    if type(value) is not base:
        return None
    member = base.__new__(enum, value)  # type: ignore[type-var]
    member._name_ = str(value)
    member._value_ = value
    return member


def broken_field(model: object, name: str) -> NoReturn:
    """What reading an unset attribute of a model raises (the model's __getattr__)."""
    drift = object.__getattribute__(model, "_drift") if not name.startswith("_") else None
    if isinstance(drift, Drift) and name in drift.broken:
        raise BrokenFieldError(drift.model, [drift.broken[name]])
    raise AttributeError(f"{type(model).__name__!r} object has no attribute {name!r}")


def broken_entry(model: object, key: str) -> NoReturn:
    """What reading a missing key of a typed map model raises: the entry's problem when the response broke it."""
    drift = object.__getattribute__(model, "_drift")
    if isinstance(drift, Drift) and key in drift.entries:
        raise BrokenFieldError(drift.model, [drift.entries[key]])
    raise KeyError(key)


def received(model: object) -> dict[str, Any] | None:
    """What a drifted model received (a copy, for to_dict()), or None for an intact model."""
    drift = object.__getattribute__(model, "_drift")
    return None if drift is None else copy.deepcopy(dict(drift.received))


@reprlib.recursive_repr()  # a model put inside its own additional_properties shows as ...
def model_repr(model: Any) -> str:
    """Every model's repr: the fields field.repr allows, as field.repr shows them, a broken field as `<broken>`."""
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


def model_eq(model: Any, other: object) -> bool:
    """Every model's ==: the same class and equal fields (those with field.eq), compared as attrs' own __eq__ does.
    Written once here: attrs would compile an __eq__ for each class at import, a fifth of a model's import cost."""
    cls: type[attrs.AttrsInstance] = type(model)
    if other.__class__ is not cls:
        return cast(bool, NotImplemented)
    names = [field.name for field in attrs.fields(cls) if field.eq]
    return tuple(getattr(model, name) for name in names) == tuple(getattr(other, name) for name in names)
