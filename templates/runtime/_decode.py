"""JSON decoding with limits: nesting depth and number length are bounded before they cost stack or CPU
(integer length by Python's own int_max_str_digits guard where it is on, else by a check of every number here).

(The body's size is bounded while it arrives, see _body.py.) Errors are ValueError with a message saying which
limit and where; errors.decode_json turns them into ResponseDecodeError.
"""

import json
import re
import sys
from typing import Any

MAX_DEPTH = 128  # ElevenLabs' documents nest a few levels; the C parser would recurse ~1000 deep and then fail
MAX_NUMBER_DIGITS = 4300  # Python's own default limit on integer literals (int() of huge ones is quadratic)
# Brackets counted at C speed: only a body with this many gets the exact (slower) depth scan.
_DEPTH_SCAN_FROM = MAX_DEPTH
# Compiled on first use (re caches it): only a body with that many brackets is scanned, and cold start counts.
_STRING_OR_BRACKET = rb'"(?:[^"\\]|\\.)*"|[\[\]{}]'


class DecodeLimitError(ValueError):
    """The body is JSON this package refuses to decode (too deep, a number too long)."""


def _depth_beyond(body: bytes, limit: int) -> int | None:
    """The offset where nesting first goes deeper than `limit` (brackets inside strings do not count)."""
    depth = 0
    for match in re.finditer(_STRING_OR_BRACKET, body, re.DOTALL):
        token = match.group()
        if token in (b"[", b"{"):
            depth += 1
            if depth > limit:
                return match.start()
        elif token in (b"]", b"}"):
            depth -= 1
    return None


def _bounded_int(text: str) -> int:
    if len(text.lstrip("-")) > MAX_NUMBER_DIGITS:
        raise DecodeLimitError(f"a number has more than {MAX_NUMBER_DIGITS} digits")
    return int(text)


def _bounded_float(text: str) -> float:
    if len(text) > MAX_NUMBER_DIGITS:
        raise DecodeLimitError(f"a number has more than {MAX_NUMBER_DIGITS} characters")
    return float(text)


def loads(body: bytes) -> Any:
    """json.loads with the limits above; plain json.loads speed for ordinary bodies (two C-speed scans)."""
    if body.count(b"[") + body.count(b"{") > _DEPTH_SCAN_FROM:
        offset = _depth_beyond(body, MAX_DEPTH)
        if offset is not None:
            raise DecodeLimitError(f"JSON nested deeper than {MAX_DEPTH} levels (at byte {offset})")
    if not 0 < sys.get_int_max_str_digits() <= MAX_NUMBER_DIGITS:
        # Python's own guard against huge integer literals is off or looser than ours: check every number.
        return json.loads(body, parse_int=_bounded_int, parse_float=_bounded_float)
    try:
        return json.loads(body)
    except ValueError as err:
        if "integer string conversion" in str(err):  # Python's own limit on integer literals
            raise DecodeLimitError(f"a number has more than {sys.get_int_max_str_digits()} digits") from None
        raise
    except RecursionError as err:  # unreachable with the depth scan; kept so no raw RecursionError escapes
        raise DecodeLimitError("JSON nested too deep") from err
