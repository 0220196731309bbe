"""What changed in the generated package's public Python API: what `from elevenlabs_user_client... import` sees.

Both packages are read statically by griffe. `griffe.find_breaking_changes` names removed objects, objects that
changed kind, and incompatible signatures; griffe leaves annotations alone, so attribute, parameter and return
annotations are compared here as sets of union members. A reader of an attribute or a return value is hurt when it
widens (new types to handle) and not when it narrows; a caller passing a parameter is hurt when it narrows.
Additions (new modules, classes, enum members, attributes, functions, optional parameters) are found by walking both
trees. Signatures are compared as callers see them: `**settings: Unpack[SomeTypedDict]` stands for the keyword
parameters the TypedDict lists. Everything is generic: no name of this package is special.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import griffe

from scripts.paths import PACKAGE_NAME
from scripts.spec_diff.compare import Change
from scripts.spec_diff.rules import Kind

PYTHON = "(python)"  # the `operation` of a Python-level change

_BREAKAGE_KINDS = {
    griffe.BreakageKind.OBJECT_REMOVED: Kind.PY_NAME_REMOVED,
    griffe.BreakageKind.OBJECT_CHANGED_KIND: Kind.PY_KIND_CHANGED,
    griffe.BreakageKind.PARAMETER_REMOVED: Kind.PY_PARAMETER_REMOVED,
    griffe.BreakageKind.PARAMETER_ADDED_REQUIRED: Kind.PY_PARAMETER_ADDED_REQUIRED,
    griffe.BreakageKind.PARAMETER_MOVED: Kind.PY_PARAMETER_INCOMPATIBLE,
    griffe.BreakageKind.PARAMETER_CHANGED_KIND: Kind.PY_PARAMETER_INCOMPATIBLE,
    griffe.BreakageKind.PARAMETER_CHANGED_DEFAULT: Kind.PY_PARAMETER_INCOMPATIBLE,
    griffe.BreakageKind.PARAMETER_CHANGED_REQUIRED: Kind.PY_PARAMETER_INCOMPATIBLE,
    griffe.BreakageKind.RETURN_CHANGED_TYPE: Kind.PY_ANNOTATION_CHANGED,
    griffe.BreakageKind.ATTRIBUTE_CHANGED_TYPE: Kind.PY_ANNOTATION_CHANGED,
    griffe.BreakageKind.ATTRIBUTE_CHANGED_VALUE: Kind.PY_VALUE_CHANGED,
    griffe.BreakageKind.CLASS_REMOVED_BASE: Kind.PY_BASE_REMOVED,
}


# Special methods callers use through a protocol (item access, iteration, containment, context managers, calls): their
# coming and going is part of the API. Every other dunder (`__init__`, `__repr__`, `__eq__`, `__setattr__`,
# `__attrs_post_init__`, ...) comes and goes with how a class is built (attrs or by hand) while callers see the same
# class: neither listed nor breaking. A constructor's parameters are still compared where both sides write it.
PROTOCOLS = frozenset({
    "__getitem__", "__setitem__", "__delitem__", "__contains__", "__iter__", "__aiter__", "__len__", "__enter__",
    "__exit__", "__aenter__", "__aexit__", "__call__", "__await__",
})  # fmt: skip


def _built_not_used(path: str) -> bool:
    """A dunder that says how a class is built, not what callers use (see PROTOCOLS)."""
    name = path.rsplit(".", 1)[-1].split("(")[0]
    return name.startswith("__") and name.endswith("__") and name not in PROTOCOLS


class PythonApiError(Exception):
    """A package could not be generated or read; the message says which."""


def load_package(root: Path, name: str = PACKAGE_NAME) -> griffe.Module:
    """The package `name` found in folder `root`, read statically (nothing is imported or executed)."""
    if not (root / name / "__init__.py").is_file():
        raise PythonApiError(f"{root}: no package {name}")
    try:
        loader = griffe.GriffeLoader(search_paths=[root], allow_inspection=False)
        package = loader.load(name, try_relative_path=False)
        loader.resolve_aliases(implicit=False, external=False)
    except (griffe.GriffeError, ImportError, SyntaxError) as exc:
        raise PythonApiError(f"{root / name}: griffe cannot read it: {exc}") from exc
    if not isinstance(package, griffe.Module):
        raise PythonApiError(f"{root / name}: not a package")
    _drop_dangling(package, name)
    _expand_unpacked(package)
    return package


# The default of a keyword parameter that `**settings: Unpack[TypedDict]` stands for: the TypedDict does not say it.
UNPACKED_DEFAULT = "<as documented>"


def _expand_unpacked(obj: Any) -> None:
    """Give every function its effective signature: `**kwargs: Unpack[SomeTypedDict]` (PEP 692) becomes the keyword
    parameters it stands for, each with its annotation, so that a constructor that takes its settings typed once
    compares equal to one that spells them out."""
    for member in list(obj.members.values()):
        if member.is_alias:
            continue
        if member.is_module or member.is_class:
            _expand_unpacked(member)
        elif member.is_function:
            params = list(member.parameters)
            last = params[-1] if params else None
            if last is None or last.kind is not griffe.ParameterKind.var_keyword:
                continue
            typed = _unpacked_typeddict(member, last.annotation)
            if typed is None:
                continue
            del member.parameters[last.name]
            for key, field in typed.all_members.items():
                if field.is_attribute and key not in member.parameters:
                    kind = griffe.ParameterKind.keyword_only
                    member.parameters.add(
                        griffe.Parameter(key, annotation=field.annotation, kind=kind, default=UNPACKED_DEFAULT)
                    )


def _unpacked_typeddict(function: Any, annotation: Any) -> Any:
    """The class `annotation` unpacks (`Unpack[X]`), when X is a class of the package; else None."""
    if not isinstance(annotation, griffe.ExprSubscript) or annotation.canonical_name != "Unpack":
        return None
    if not isinstance(annotation.slice, griffe.ExprName):
        return None
    try:
        found = function.modules_collection.get_member(annotation.slice.canonical_path)
    except (KeyError, AttributeError, ValueError):
        return None
    target = _target(found)
    return target if getattr(target, "is_class", False) else None


def _drop_dangling(obj: Any, name: str) -> None:
    """Remove re-exports of this package that point nowhere (a module the generator did not write): the package
    could not import them either, and griffe's comparison would stop on them."""
    for member_name, member in list(obj.members.items()):
        if member.is_alias:
            if member.target_path.split(".")[0] != name:
                continue
            try:
                member.final_target  # noqa: B018  # resolving is the test
            except (griffe.AliasResolutionError, griffe.CyclicAliasError):
                del obj.members[member_name]
        elif member.is_module or member.is_class:
            _drop_dangling(member, name)


def _is_type_variable(obj: Any) -> bool:
    """A module's `T = TypeVar(...)`: typing plumbing for its own annotations, not something callers use."""
    obj = _target(obj)
    return bool(getattr(obj, "is_attribute", False)) and str(obj.value).startswith(("TypeVar(", "typing.TypeVar("))


def _as_self(function: Any, annotation: Any) -> str:
    """`annotation` as text, `Self` when it names the type of the function's first parameter: `cls: type[T]` with
    `-> T` (or `self: T` with `-> T`) is what `-> Self` says, an instance of the class it is called on."""
    text = str(annotation)
    params = list(function.parameters)
    if not params or params[0].name not in ("self", "cls") or params[0].annotation is None or text == "None":
        return text
    return "Self" if str(params[0].annotation) in (text, f"type[{text}]") else text


def _target(obj: Any) -> Any:
    """An alias's target inside the package, else the object itself (external aliases stay aliases)."""
    if isinstance(obj, griffe.Alias):
        try:
            return obj.final_target
        except (griffe.AliasResolutionError, griffe.CyclicAliasError):
            return obj
    return obj


def _public(obj: Any) -> Iterator[tuple[str, Any]]:
    for name, member in obj.members.items():
        try:
            public = member.is_public
        except (griffe.AliasResolutionError, griffe.CyclicAliasError):
            public = False
        if public and not _is_type_variable(member):
            yield name, member


def public_api(package: griffe.Module) -> dict[str, Any]:
    """Every public object of the package by dotted path; an alias (a re-export) is listed where it is imported."""
    found: dict[str, Any] = {}

    def visit(obj: Any) -> None:
        for _, member in _public(obj):
            target = _target(member)
            found[member.path] = target
            if member is target and (target.is_module or target.is_class):  # re-exports are visited where defined
                visit(target)

    found[package.path] = package
    visit(package)
    return found


def _kind(obj: Any) -> str:
    """`module`, `class`, `function` or `attribute`; `alias` for a re-export from outside the package."""
    return "alias" if isinstance(obj, griffe.Alias) else str(obj.kind.value)


def union_members(annotation: Any) -> frozenset[str]:
    """`int | None | Unset` and `Union[int, None]` alike as {'int', 'None', 'Unset'}; None for no annotation."""
    if annotation is None:
        return frozenset()
    text = str(annotation).replace(" ", "")
    if text.startswith(("Union[", "Optional[")) and text.endswith("]"):
        inner = text[text.index("[") + 1 : -1]
        parts = _split_top(inner, ",")
        return frozenset(parts + (["None"] if text.startswith("Optional[") else []))
    return frozenset(_split_top(text, "|"))


def _split_top(text: str, sep: str) -> list[str]:
    parts, depth, current = [], 0, ""
    for char in text:
        if char in "[(":
            depth += 1
        elif char in "])":
            depth -= 1
        if char == sep and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += char
    parts.append(current)
    return [p for p in parts if p]


# Who is hurt by which direction: readers of attributes and results by widening, callers passing values by narrowing.
_NARROWED = {
    "read": Kind.PY_ATTRIBUTE_NARROWED,
    "return": Kind.PY_RETURN_NARROWED,
    "passed": Kind.PY_PARAMETER_NARROWED,
}
_WIDENED = {"read": Kind.PY_ATTRIBUTE_WIDENED, "return": Kind.PY_RETURN_WIDENED, "passed": Kind.PY_PARAMETER_WIDENED}


def _annotation_change(path: str, old: Any, new: Any, *, role: str) -> Change | None:
    """How one annotation changed for its `role`: read (attribute, return) or passed (parameter)."""
    was, now = union_members(old), union_members(new)
    if not was or not now:  # an annotation added or dropped says nothing about the type
        return None
    gained, lost = now - was, was - now
    if not gained and not lost:
        return None
    kind = _WIDENED[role] if not lost else _NARROWED[role] if not gained else Kind.PY_ANNOTATION_CHANGED
    return Change(kind, PYTHON, path, str(old), str(new), model=path.split("(")[0])


def _signature_changes(path: str, old: Any, new: Any) -> Iterator[Change]:
    old_params = {p.name: p for p in old.parameters}
    for param in new.parameters:
        if param.name not in old_params:
            if not param.required:
                yield Change(Kind.PY_PARAMETER_ADDED_OPTIONAL, PYTHON, f"{path}({param.name})", model=path)
            continue  # a required one is griffe's breakage
        change = _annotation_change(f"{path}({param.name})", old_params[param.name].annotation, param.annotation,
                                    role="passed")  # fmt: skip
        if change is not None:
            yield change
    if _as_self(old, old.returns) == "Self" == _as_self(new, new.returns):
        return  # `-> T` with `cls: type[T]`, and `-> Self`: the same result for every caller
    change = _annotation_change(f"{path}() return", old.returns, new.returns, role="return")
    if change is not None:
        yield change


def _enum_value(obj: Any) -> str | None:
    return None if obj.value is None else str(obj.value)


def _member_changes(path: str, old: Any, new: Any) -> Iterator[Change]:
    if old.is_attribute:  # the caller compares objects of the same kind only
        change = _annotation_change(path, old.annotation, new.annotation, role="read")
        if change is not None:
            yield change
        parent = old.parent
        in_enum = parent is not None and parent.is_class and any("Enum" in str(b) for b in parent.bases)
        if in_enum and _enum_value(old) != _enum_value(new):
            yield Change(Kind.PY_VALUE_CHANGED, PYTHON, path, _enum_value(old), _enum_value(new), model=path)
    elif old.is_function:
        yield from _signature_changes(path, old, new)


def compare_packages(old: griffe.Module, new: griffe.Module) -> list[Change]:
    """Every public-API change from `old` to `new`: griffe's breakages, then annotation changes and additions."""
    changes: list[Change] = []
    for breakage in griffe.find_breaking_changes(old, new):
        kind = _BREAKAGE_KINDS[breakage.kind]
        where = breakage.obj.path
        if kind in (Kind.PY_PARAMETER_REMOVED, Kind.PY_PARAMETER_ADDED_REQUIRED, Kind.PY_PARAMETER_INCOMPATIBLE):
            param = breakage.old_value if breakage.old_value is not None else breakage.new_value
            where = f"{where}({param.name})"
        was: str | None
        now: str | None
        if kind is Kind.PY_NAME_REMOVED:  # say what it was: a module, a class, an attribute...
            was, now = _kind(_target(breakage.old_value)), None
        else:
            was, now = _shown(breakage.old_value), _shown(breakage.new_value)
        if kind in (Kind.PY_NAME_REMOVED, Kind.PY_KIND_CHANGED) and _built_not_used(breakage.obj.path):
            continue
        if kind is Kind.PY_NAME_REMOVED and _is_type_variable(breakage.old_value):
            continue
        if breakage.kind is griffe.BreakageKind.PARAMETER_CHANGED_DEFAULT and UNPACKED_DEFAULT in (
            breakage.old_value.default,
            breakage.new_value.default,
        ):
            continue  # an unpacked setting's default is not written in the signature: nothing to compare
        changes.append(Change(kind, PYTHON, where, was, now, model=breakage.obj.path))
    before, after = public_api(old), public_api(new)
    for path in sorted(set(after) - set(before)):
        parent = path.rsplit(".", 1)[0]
        if parent in before and not _built_not_used(path):  # only the outermost new name
            changes.append(Change(Kind.PY_NAME_ADDED, PYTHON, path, None, _kind(after[path]), model=path))
    for path in sorted(set(before) & set(after)):
        old_obj, new_obj = before[path], after[path]
        if old_obj.path != path or new_obj.path != path:
            continue  # re-exports: compared where they are defined
        if _kind(old_obj) == _kind(new_obj):
            changes.extend(_member_changes(path, old_obj, new_obj))
    return sorted(changes, key=lambda c: (c.severity.rank, c.location))


def _shown(value: Any) -> str | None:
    """A breakage's old or new value in words: a parameter as `name: annotation`, base classes joined."""
    if value is None:
        return None
    if isinstance(value, griffe.Parameter):
        return f"{value.name}: {value.annotation}" if value.annotation is not None else value.name
    if isinstance(value, list):
        return ", ".join(map(str, value))
    return str(value)


def package_changes(old_root: Path, new_root: Path) -> list[Change]:
    """Compare two packages already on disk (e.g. the released client/ and today's)."""
    return compare_packages(load_package(old_root), load_package(new_root))
