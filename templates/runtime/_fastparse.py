"""One pass from a decoded body to its model, for the body that matches its schema (nearly every one).

The checked path walks a body twice: once to check it against the schema (_validation._check), once more through the
generator's parser. Here one walk does both, driven by the same prepared schema (`json_shape()`): each value is
checked by its exact type and converted as the generator's parser converts it (an enum value to its member, an object
to its model, a list item by item; anything else is kept as it came). Whatever this pass does not take on (a value of
an unexpected type, a missing required field, a date the conversion refuses) makes it return None, and the
checked path parses the body instead: so a model returned here is the one the checked path returns.
"""

from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from ._types import UNSET
from ._validation import (
    _CHECKED,
    EXACT_TYPES,
    MISSING,
    TEXT_FORMATS,
    SchemaModel,
    _check,
    _model_extra,
    _model_fields,
    text_value,
)

M = TypeVar("M", bound=SchemaModel)

# A model parsed this many times gets a compiled parser of its own (_compiled.py): faster per body, but compiling
# costs about a millisecond, which a process that parses a model once or twice should not pay.
COMPILE_AFTER = 8
# What a value is converted by (see _Value.how).
_KEEP, _ENUM, _MODEL, _LIST, _MODELS, _TEXT = range(6)
# What the generator's union parsing catches when a member does not fit (templates/property_templates/union_property).
_MEMBER_ERRORS = (TypeError, ValueError, AttributeError, KeyError)


class _Unsupported(Exception):
    """A schema this pass leaves to the checked path (a literal enum, a union of two converting members, ...)."""


class _Value:
    """How one value of a schema is checked and converted: `kept` (exact types kept as they came), `consts`, and at
    most one converting member: `how` with `target` (an enum class, a model class, or the _Value of list items)."""

    __slots__ = ("kept", "consts", "anything", "how", "target", "known", "shape")

    def __init__(self, shape: Mapping[str, Any]) -> None:
        self.shape = shape
        self.kept: frozenset[type] = frozenset()
        self.consts: tuple[tuple[type, Any], ...] = ()
        self.anything = False
        self.how = _KEEP
        self.target: Any = None
        self.known: frozenset[Any] = frozenset()
        options = shape.get("any_of", [shape])
        models = tuple(option["model"] for option in options if "model" in option)
        if len(models) > 1:  # checked as a whole, then parsed as the generator does: the first member that parses
            self.how, self.target = _MODELS, models
            options = [option for option in options if "model" not in option]
        for option in options:
            self._add(option)
        if self.how == _ENUM:
            self.kept -= {str}  # the generator tries an enum member before keeping a string as it came
        if self.how == _TEXT and str in self.kept:
            raise _Unsupported("a string that may or may not be a date")  # which one the generator picks is its own

    def _add(self, option: Mapping[str, Any]) -> None:
        if "type" in option:
            if option["type"] in TEXT_FORMATS:  # a date-time, date or uuid: converted from a string
                self._converting(_TEXT, option["type"])
            elif option["type"] in EXACT_TYPES:
                self.kept |= EXACT_TYPES[option["type"]]
            else:
                raise _Unsupported(option["type"])
        elif "const" in option:
            self.consts += ((type(option["const"]), option["const"]),)
        elif "enum" in option and "class" in option:
            self._converting(_ENUM, option["class"])
            self.known = frozenset(option["enum"])
        elif "model" in option:
            self._converting(_MODEL, option["model"])
        elif "list" in option:
            self._converting(_LIST, _Value(option["list"]))
        elif not option:
            self.anything = True  # {}: any value, kept as it came
        else:
            raise _Unsupported(str(option))  # a literal enum, a nested union

    def _converting(self, how: int, target: Any) -> None:
        if self.how != _KEEP:
            raise _Unsupported("a union of several converting members")
        self.how, self.target = how, target


class _Plan:
    """A model's fields (JSON name, Python name, required, the types kept as they came, the field's _Value), and
    what happens to fields the schema does not name."""

    __slots__ = ("fields", "names", "extra", "typed_extra", "uses", "compiled")

    def __init__(self, model_cls: type[SchemaModel]) -> None:
        self.uses = 0
        self.compiled: Callable[[dict[str, Any], bool], Any] | None = None  # see _compiled.py
        _, fields = _model_fields(model_cls)
        specs = [(name, python_name, required, _Value(shape)) for name, shape, required, *_, python_name in fields]
        self.fields = tuple(
            (name, python_name, required, spec.kept, spec) for name, python_name, required, spec in specs
        )
        self.names, self.extra, extra_shape = _model_extra(model_cls)
        if self.extra not in ("keep", "drop"):
            raise _Unsupported(f"extra fields: {self.extra}")  # converted by the generator (typed), or unknown
        # A map of plain typed values (kept as they came): a body with entries in it is left to the check, which
        # looks at each value (and, lenient, leaves out one that does not fit).
        self.typed_extra = self.extra == "keep" and extra_shape is not None


_PLANS: dict[type[Any], _Plan | None] = {}


def _plan(model_cls: type[SchemaModel]) -> _Plan | None:
    """The model's _Plan, made on first use; None for a model this pass leaves to the checked path."""
    try:
        plan: _Plan | None = _Plan(model_cls)
    except _Unsupported:
        plan = None
    _PLANS[model_cls] = plan
    return plan


class _Bail(Exception):
    """This body is the checked path's to parse."""


def _convert(spec: _Value, value: Any, strict: bool) -> Any:
    if type(value) in spec.kept or spec.anything:
        return value
    how = spec.how
    if how == _ENUM and type(value) is str:
        if strict and value not in spec.known:
            raise _Bail
        member = spec.target._value2member_map_.get(value)  # what Enum(value) looks up first, without its overhead
        return spec.target(value) if member is None else member
    if how == _MODEL and type(value) is dict:
        return _parse(spec.target, value, strict)
    if how == _TEXT and type(value) is str:
        converted = text_value(spec.target, value, not strict)
        if converted is MISSING:
            raise _Bail
        return converted
    if how == _LIST and type(value) is list:
        items = spec.target
        if items.anything:
            return value
        if items.how == _KEEP and not items.consts:
            for item in value:
                if type(item) not in items.kept:
                    raise _Bail
            return value  # the generator keeps a list of plain values as it came
        return [_convert(items, item, strict) for item in value]
    if how == _MODELS and type(value) is dict:
        return _member(spec, value, strict)
    if (type(value), value) in spec.consts:
        return value
    raise _Bail


def _member(spec: _Value, value: dict[str, Any], strict: bool) -> Any:
    """A union of several models: the value passes the check, then the generator's parsers try the members in order
    (each one's parser trusts the shape, so which member a body becomes is theirs to say)."""
    problems: list[str] = []
    _check(spec.shape, value, "", problems, lenient=not strict)
    if problems:
        raise _Bail
    token = _CHECKED.set(True)
    try:
        for member in spec.target:
            try:
                return member._from_dict_lenient(value)
            except _MEMBER_ERRORS:
                continue
    finally:
        _CHECKED.reset(token)
    raise _Bail


def _parse(model_cls: type[M], data: dict[str, Any], strict: bool) -> M:
    plan = _PLANS[model_cls] if model_cls in _PLANS else _plan(model_cls)
    if plan is None:
        raise _Bail
    if plan.compiled is None:
        plan.uses += 1
        if plan.uses == COMPILE_AFTER:
            from ._compiled import compile_parser  # noqa: PLC0415 - builds on this module

            plan.compiled = compile_parser(model_cls, plan)
    if plan.compiled is not None:
        model: M = plan.compiled(data, strict)
        return model
    values: dict[str, Any] = {}
    get = data.get
    found = 0
    for name, python_name, required, kept, spec in plan.fields:
        value = get(name, MISSING)
        if value is MISSING:
            if required:
                raise _Bail
            values[python_name] = UNSET
            continue
        found += 1
        values[python_name] = value if type(value) in kept else _convert(spec, value, strict)
    if plan.typed_extra and found != len(data):
        raise _Bail
    model = model_cls(**values)
    if plan.extra == "keep":
        extra = {} if found == len(data) else {key: v for key, v in data.items() if key not in plan.names}
        model.additional_properties = extra  # type: ignore[attr-defined]
    return model


def parse_fast(model_cls: type[M], data: object, *, strict: bool) -> M | None:
    """`model_cls` from `data` in one pass, or None when the checked path must parse it (see the module's doc)."""
    if type(data) is not dict:
        return None
    try:
        return _parse(model_cls, data, strict)
    except _Bail:
        return None
