"""Parameter values written as a spec's `style` and `explode` ask (OpenAPI's Style Examples table).

The generated code calls these only where a value needs more than str() in its location: a style the spec asks for
(scripts/wire_support.py), or a Python type with no text form there (a bool, list or model in a path, a datetime, a
union; templates/parameters.jinja). Everything else goes to httpx as it is. A value arrives as the caller gave it
(enum members, models, lists) and is read as JSON would hold it first.
"""

import datetime
import json
from enum import Enum
from typing import Any
from urllib.parse import quote

from ._types import Unset


def plain(value: Any) -> Any:
    """`value` as JSON holds it: an enum's value, a model's dict, ``true`` / ``false`` for a boolean; a null inside a
    list or object is left out (RFC 6570 skips undefined values)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Enum):
        return plain(value.value)
    if isinstance(value, datetime.date):  # a datetime too: ISO 8601, as JSON carries it
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [plain(item) for item in value if item is not None]
    if isinstance(value, dict):
        return {str(key): plain(item) for key, item in value.items() if item is not None}
    to_dict = getattr(value, "to_dict", None)
    return plain(to_dict()) if callable(to_dict) else value


def _absent(value: Any) -> bool:
    return value is None or isinstance(value, Unset)


def _text(value: Any) -> str:
    """A primitive's text; a nested list or object (which no style defines: an untyped parameter's) as JSON."""
    return json.dumps(value, separators=(",", ":")) if isinstance(value, list | dict) else str(value)


def text(value: Any) -> str:
    """A header's, cookie's or path segment's value the generated code has no text form for (a union, a datetime)."""
    return _text(plain(value))


def _flat(value: Any, encode: Any = str) -> list[str]:
    """A list's items, or an object's keys and values in turn (``R,100,G,200``), each encoded."""
    if isinstance(value, dict):
        return [encode(_text(part)) for pair in value.items() for part in pair]
    return [encode(_text(item)) for item in value] if isinstance(value, list) else [encode(_text(value))]


def _pairs(value: dict[str, Any], encode: Any = str) -> list[str]:
    return [f"{encode(key)}={encode(_text(item))}" for key, item in value.items()]


def _segment(text: str) -> str:
    return quote(text, safe="")


def path(name: str, value: Any, style: str, explode: bool) -> str:
    """A path parameter's text: style simple (``a,b``), label (``.a.b``) or matrix (``;name=a;name=b``)."""
    value = "" if _absent(value) else plain(value)
    if value in ("", [], {}):  # the table's "empty" row (a null has no other form in a path)
        return {"matrix": f";{name}", "label": "."}.get(style, "")
    if style == "matrix":
        if explode and isinstance(value, dict):
            return "".join(f";{pair}" for pair in _pairs(value, _segment))
        if explode and isinstance(value, list):
            return "".join(f";{name}={item}" for item in _flat(value, _segment))
        return f";{name}=" + ",".join(_flat(value, _segment))
    lead, separator = (".", "." if explode else ",") if style == "label" else ("", ",")
    if explode and isinstance(value, dict):
        return lead + separator.join(_pairs(value, _segment))
    return lead + separator.join(_flat(value, _segment))


_DELIMITERS = {"form": ",", "spaceDelimited": " ", "pipeDelimited": "|"}


class Delimited:
    """A query value of several items: each percent-encoded, the delimiter between them left as the style writes it."""

    __slots__ = ("delimiter", "items")

    def __init__(self, items: list[str], delimiter: str) -> None:
        self.items, self.delimiter = items, delimiter

    def encoded(self) -> str:
        """In a URL: a comma stays literal (RFC 6570's form); a space or a pipe cannot travel in a URI unencoded."""
        return quote(self.delimiter, safe=",").join(quote(item, safe="") for item in self.items)

    def __str__(self) -> str:  # in a form body, which encodes every delimiter (WHATWG's urlencoded serializer)
        return self.delimiter.join(self.items)


def query(name: str, value: Any, style: str, explode: bool) -> dict[str, Any]:
    """A query parameter's items (a list is repeated): form, spaceDelimited, pipeDelimited or deepObject."""
    if _absent(value):
        return {}
    value = plain(value)
    if style == "deepObject":
        return {f"{name}[{key}]": _text(item) for key, item in value.items()}
    if explode and isinstance(value, dict):
        return {key: _text(item) for key, item in value.items()}
    if explode and isinstance(value, list):
        return {name: _flat(value)}
    return {name: Delimited(_flat(value), _DELIMITERS[style])}


def _query_text(value: Any) -> str:
    """A plain query value as httpx writes it (booleans as true / false)."""
    text = plain(value)
    return text.encoded() if isinstance(text, Delimited) else quote(_text(text), safe="")


def with_query(url: str, params: dict[str, Any]) -> str:
    """`url` with `params` as its query, written here rather than by httpx, which would percent-encode a delimiter."""
    items = [
        f"{quote(str(key), safe='')}={_query_text(item)}"
        for key, value in params.items()
        for item in (value if isinstance(value, list) else [value])
    ]
    return f"{url}?{'&'.join(items)}" if items else url


def cookie(name: str, value: Any) -> dict[str, str]:
    """A cookie's value, style form unexploded: ``a,b``; an object ``R,100,G,200``."""
    return {} if _absent(value) else {name: ",".join(_flat(plain(value)))}


def form(data: dict[str, Any], styles: dict[str, Any]) -> dict[str, Any]:
    """An urlencoded body's fields, the ones named in `styles` written as query parameters of that style are."""
    fields = {key: value for key, value in data.items() if key not in styles}
    for key, (style, explode) in styles.items():
        written = query(key, data.get(key), style, explode)
        fields.update({name: str(v) if isinstance(v, Delimited) else v for name, v in written.items()})
    return fields


def parts(files: list[Any], types: dict[str, str]) -> list[Any]:
    """Multipart parts, each named in `types` (and not a file) sent with that Content-Type instead of the default."""
    return [
        (name, (part[0], part[1], types[name], *part[3:])) if name in types and part[0] is None else (name, part)
        for name, part in files
    ]
