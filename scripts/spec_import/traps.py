"""Workarounds for generator traps that a template cannot fix. Each says why; none is needed so far.

(openapi-python-client issue #1044, ``anyOf [integer, const "unlimited"]``, is fixed by
templates/property_templates/const_property.py.jinja instead, so the spec keeps upstream's shape.)
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

TRAPS: tuple[Callable[[dict[str, Any]], None], ...] = ()


def apply_all(doc: dict[str, Any]) -> None:
    for fix in TRAPS:
        fix(doc)
