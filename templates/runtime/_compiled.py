"""Straight-line parsers for the models a process parses often, generated from their plan (_fastparse._Plan).

A model's parser here does exactly what _fastparse's loop does, field after field, without the loop's per-field
overhead: about a third fewer instructions per body. Generating and compiling one costs about a millisecond (the
way attrs writes `__init__`), so a model gets its parser only after its first few parses (_fastparse.COMPILE_AFTER):
a script that makes one call never pays for it, a service pays once.
"""

import keyword
from collections.abc import Callable
from typing import Any

from . import _fastparse as plan_of
from ._types import UNSET
from ._validation import MISSING

Parser = Callable[[dict[str, Any], bool], Any]


def compile_parser(model_cls: type[Any], plan: "plan_of._Plan") -> Parser | None:
    """The generated parser of `model_cls`, or None when its field names cannot be written as keyword arguments."""
    python_names = [field[1] for field in plan.fields]
    if not all(name.isidentifier() and not keyword.iskeyword(name) for name in python_names):
        return None
    env: dict[str, Any] = {
        "MISSING": MISSING,
        "UNSET": UNSET,
        "Bail": plan_of._Bail,
        "convert": plan_of._convert,
        "cls": model_cls,
        "NAMES": plan.names,
    }
    lines = ["def parse(d, strict):", "    get = d.get", "    found = 0"]
    for i, (name, _, required, kept, spec) in enumerate(plan.fields):
        value = f"v{i}"
        env[f"K{i}"], env[f"S{i}"] = kept, spec
        lines += [
            f"    {value} = get({name!r}, MISSING)",
            f"    if {value} is MISSING:",
            f"        {'raise Bail' if required else f'{value} = UNSET'}",
            "    else:",
            "        found += 1",
            f"        if type({value}) not in K{i}:",
        ]
        if spec.how == plan_of._ENUM:  # the common conversion, written out (see _fastparse._convert)
            env[f"E{i}"] = spec.target
            lines += [
                f"            if type({value}) is str and not strict:",
                f"                member = E{i}._value2member_map_.get({value})",
                f"                {value} = E{i}({value}) if member is None else member",
                "            else:",
                f"                {value} = convert(S{i}, {value}, strict)",
            ]
        else:
            lines.append(f"            {value} = convert(S{i}, {value}, strict)")
    if plan.typed_extra:
        lines += ["    if found != len(d):", "        raise Bail"]
    lines.append(f"    model = cls({', '.join(f'{name}=v{i}' for i, name in enumerate(python_names))})")
    if plan.extra == "keep":
        lines.append(
            "    model.additional_properties = {} if found == len(d) else "
            "{key: x for key, x in d.items() if key not in NAMES}"
        )
    lines.append("    return model")
    namespace: dict[str, Any] = {}
    exec(compile("\n".join(lines), f"<parser of {model_cls.__qualname__}>", "exec"), env, namespace)  # noqa: S102
    parser: Parser = namespace["parse"]
    return parser
