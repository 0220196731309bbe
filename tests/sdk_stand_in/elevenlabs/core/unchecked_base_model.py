"""The stand-in's `construct_type`, as the bench's parse-only row calls it."""

from typing import Any


def construct_type(*, type_: type[Any], object_: Any) -> Any:
    return type_(**object_)
