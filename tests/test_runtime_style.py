"""Parameter styles as pure functions (the runtime's _style), checked against OpenAPI's own Style Examples table:
`color` as the string "blue", the array ["blue", "black", "brown"] and the object {"R": 100, "G": 200, "B": 150}."""

from __future__ import annotations

import datetime
import enum
from typing import Any

import pytest
from elevenlabs_user_client._style import cookie, form, parts, path, plain, query, text, with_query
from elevenlabs_user_client.types import UNSET

BLUE, COLORS, RGB = "blue", ["blue", "black", "brown"], {"R": 100, "G": 200, "B": 150}

# (style, explode, value, as the table writes it)
PATHS: list[tuple[str, bool, Any, str]] = [
    ("simple", False, BLUE, "blue"),
    ("simple", True, BLUE, "blue"),
    ("simple", False, COLORS, "blue,black,brown"),
    ("simple", True, COLORS, "blue,black,brown"),
    ("simple", False, RGB, "R,100,G,200,B,150"),
    ("simple", True, RGB, "R=100,G=200,B=150"),
    ("label", False, BLUE, ".blue"),
    ("label", True, BLUE, ".blue"),
    ("label", False, COLORS, ".blue,black,brown"),
    ("label", True, COLORS, ".blue.black.brown"),
    ("label", False, RGB, ".R,100,G,200,B,150"),
    ("label", True, RGB, ".R=100.G=200.B=150"),
    ("matrix", False, BLUE, ";color=blue"),
    ("matrix", True, BLUE, ";color=blue"),
    ("matrix", False, COLORS, ";color=blue,black,brown"),
    ("matrix", True, COLORS, ";color=blue;color=black;color=brown"),
    ("matrix", False, RGB, ";color=R,100,G,200,B,150"),
    ("matrix", True, RGB, ";R=100;G=200;B=150"),
    ("simple", False, ["a/b", "c,d"], "a%2Fb,c%2Cd"),  # a value's own delimiters are encoded, the style's are not
    ("label", False, True, ".true"),  # a boolean as JSON writes it
    ("simple", False, "", ""),  # the table's empty row, and an empty array or object likewise
    ("label", True, [], "."),
    ("matrix", True, {}, ";color"),
    ("matrix", False, "", ";color"),
    ("label", False, None, "."),  # a null: the empty row too, never "None"
]


@pytest.mark.parametrize(("style", "explode", "value", "written"), PATHS)
def test_path_parameters_as_the_style_examples_write_them(style: str, explode: bool, value: Any, written: str) -> None:
    assert path("color", value, style, explode) == written


# (style, explode, value, the query string as sent: `|` and spaces cannot travel unencoded, `[` `]` neither)
QUERIES: list[tuple[str, bool, Any, str]] = [
    ("form", True, BLUE, "?color=blue"),
    ("form", False, BLUE, "?color=blue"),
    ("form", True, COLORS, "?color=blue&color=black&color=brown"),
    ("form", False, COLORS, "?color=blue,black,brown"),
    ("form", True, RGB, "?R=100&G=200&B=150"),
    ("form", False, RGB, "?color=R,100,G,200,B,150"),
    ("spaceDelimited", False, COLORS, "?color=blue%20black%20brown"),
    ("spaceDelimited", False, RGB, "?color=R%20100%20G%20200%20B%20150"),
    ("spaceDelimited", True, COLORS, "?color=blue&color=black&color=brown"),
    ("pipeDelimited", False, COLORS, "?color=blue%7Cblack%7Cbrown"),
    ("pipeDelimited", False, RGB, "?color=R%7C100%7CG%7C200%7CB%7C150"),
    ("deepObject", True, RGB, "?color%5BR%5D=100&color%5BG%5D=200&color%5BB%5D=150"),
    ("form", False, ["a,b", "c&d"], "?color=a%2Cb,c%26d"),
    ("form", False, [True, False], "?color=true,false"),
    ("form", False, ["a", None, "b"], "?color=a,b"),  # a null item is skipped (RFC 6570)
    ("deepObject", True, {"a": [1, 2], "b": None}, "?color%5Ba%5D=%5B1%2C2%5D"),  # untyped nesting: JSON, never a repr
    ("form", False, UNSET, ""),  # not set: not sent
    ("form", False, None, ""),
]


@pytest.mark.parametrize(("style", "explode", "value", "written"), QUERIES)
def test_query_parameters_as_the_style_examples_write_them(style: str, explode: bool, value: Any, written: str) -> None:
    assert with_query("", query("color", value, style, explode)) == written


def test_plain_parameters_beside_styled_ones_are_written_as_httpx_writes_them() -> None:
    params = {"on": True, "n": 2.5, "tags": ["a b", "c"], **query("ids", [1, 2], "form", False)}
    assert with_query("/v1/x", params) == "/v1/x?on=true&n=2.5&tags=a%20b&tags=c&ids=1,2"
    assert with_query("/v1/x", {}) == "/v1/x"


class Color(enum.StrEnum):
    BLUE = "blue"


class Model:
    def to_dict(self) -> dict[str, Any]:
        return {"R": 100, "on": False, "shade": Color.BLUE}


def test_values_are_read_as_json_holds_them() -> None:
    assert plain([Color.BLUE, True, 3]) == ["blue", "true", 3]
    assert plain(Model()) == {"R": 100, "on": "false", "shade": "blue"}
    assert path("c", Model(), "simple", True) == "R=100,on=false,shade=blue"
    at = datetime.datetime(2026, 12, 5, 19, 30, tzinfo=datetime.UTC)
    assert text(at) == "2026-12-05T19:30:00+00:00" and text(datetime.date(2026, 12, 1)) == "2026-12-01"
    assert text(3) == "3" and text(True) == "true" and text(Color.BLUE) == "blue"


@pytest.mark.parametrize(("value", "written"), [(BLUE, "blue"), (COLORS, "blue,black,brown"),
                                                 (RGB, "R,100,G,200,B,150"), (7, "7")])  # fmt: skip
def test_cookies_hold_one_value_each(value: Any, written: str) -> None:
    assert cookie("color", value) == {"color": written}
    assert cookie("color", UNSET) == {}


def test_urlencoded_fields_are_written_as_query_parameters_of_their_style() -> None:
    data = {"name": "x", "ids": ["a", "b"], "rgb": RGB, "spread": {"R": 1}, "note": None}
    styles = {"ids": ["pipeDelimited", False], "rgb": ["deepObject", True], "spread": ["form", True],
              "note": ["form", True]}  # fmt: skip
    # httpx encodes the form body itself: here the delimiters are plain characters; a null field is left out
    written = {"name": "x", "ids": "a|b", "rgb[R]": "100", "rgb[G]": "200", "rgb[B]": "150", "R": "1"}
    assert form(data, styles) == written


def test_multipart_parts_take_the_content_type_the_spec_gives() -> None:
    files = [("note", (None, b"# hi", "text/plain")), ("file", ("a.bin", b"x", "audio/mpeg")),
             ("tags", (None, b"a", "text/plain")), ("tags", (None, b"b", "text/plain"))]  # fmt: skip
    assert parts(files, {"note": "text/markdown", "tags": "text/csv", "file": "text/plain"}) == [
        ("note", (None, b"# hi", "text/markdown")),
        ("file", ("a.bin", b"x", "audio/mpeg")),  # a file keeps its own type
        ("tags", (None, b"a", "text/csv")),
        ("tags", (None, b"b", "text/csv")),
    ]
