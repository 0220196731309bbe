"""Secrets (the API key): checked once, registered while a client holds them, masked in every text we produce.

Masking is the second layer (the first is never formatting a secret at all). It covers the forms a key takes in
other libraries' messages: as is, escaped (repr, bytes repr, percent-encoding) and cut at either end of a text (an
excerpt that stops in the middle of it); in error texts, and in the log lines of this package and the libraries
under it (httpcore logs response headers at DEBUG). The package itself logs metadata only.
"""

import logging
import threading
import urllib.parse
from collections import Counter
from collections.abc import Collection, Mapping
from typing import Any

_MASK = "***"
_MIN_SECRET = 4  # masking a very short string would mangle ordinary text
_MIN_PIECE = 6  # a cut piece at least this long is masked at a text's start or end
# Header names whose values are secrets wherever a caller puts them (client headers, cookies).
SECRET_HEADER_NAMES = frozenset({"xi-api-key", "authorization", "proxy-authorization", "x-api-key", "cookie"})


def _is_key_char(char: str) -> bool:
    """Whether an API key may hold `char`: visible ASCII, the only bytes an HTTP header value carries unescaped."""
    return "!" <= char <= "~"


# secret -> number of live clients holding it; forms -> the strings masked for it.
_HOLDERS: Counter[str] = Counter()
_FORMS: dict[str, tuple[str, ...]] = {}


class SecretError(ValueError):
    """A secret that cannot be used (empty, or with characters a header cannot carry); never holds the secret."""


def check_key(api_key: object, *, source: str) -> str:
    """The API key stripped of surrounding whitespace, or SecretError saying what is wrong (never the key).
    Every local that holds the key is named as crash reporters scrub (`api_key`): their captured frames omit it."""
    if not isinstance(api_key, str):
        raise SecretError(f"the API key from {source} must be a str, got {type(api_key).__name__}")
    api_key = api_key.strip()
    if not api_key:
        raise SecretError(f"the API key from {source} is empty")
    if not (api_key.isascii() and api_key.isprintable() and " " not in api_key):  # all _is_key_char, at C speed
        position = next(i for i, c in enumerate(api_key) if not _is_key_char(c))
        kind = "a non-ASCII character" if ord(api_key[position]) > 0x7E else "a control or space character"
        raise SecretError(
            f"the API key from {source} contains {kind} at position {position + 1} of {len(api_key)}: "
            "an HTTP header cannot carry it (copy the key again from your ElevenLabs profile)"
        )
    return api_key


def _forms(secret: str) -> tuple[str, ...]:
    escaped = {
        secret,
        repr(secret)[1:-1],
        repr(secret.encode("utf-8", "backslashreplace"))[2:-1],
        urllib.parse.quote(secret, safe=""),
        urllib.parse.quote_plus(secret),
    }
    return tuple(sorted(escaped, key=len, reverse=True))


class _RedactSecrets(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        masked = redact(message)
        if masked != message:
            record.msg, record.args = masked, None
        return True


_REDACTION = _RedactSecrets()
_LIBRARY_LOGGERS = ("httpx", "httpcore.connection", "httpcore.http11", "httpcore.http2", "httpcore.proxy")
_REDACTED_LOGGERS = (__name__.rpartition(".")[0], *_LIBRARY_LOGGERS)  # the package's own, and those under it
# Reentrant: a client's finalizer (release_secret) can run from garbage collection inside hold_secret.
_LOCK = threading.RLock()


def hold_secret(secret: str) -> None:
    """Mask `secret` in every error text and log line until its holder calls release_secret."""
    with _LOCK:
        if len(secret) >= _MIN_SECRET:
            _HOLDERS[secret] += 1
            _FORMS[secret] = _forms(secret)
        for name in _REDACTED_LOGGERS:
            target = logging.getLogger(name)
            if _REDACTION not in target.filters:
                target.addFilter(_REDACTION)


def release_secret(secret: str) -> None:
    """One holder of `secret` is gone (a client was garbage-collected); the last one forgets it.

    With no secret left the log filters go too: one left installed would keep this package's modules (and through
    them attrs, httpx, ...) alive past the shutdown collection, as logging's at-fork hooks hold its loggers, and every
    script would pay for wiping those modules one by one at exit (a few ms).
    """
    with _LOCK:
        if _HOLDERS.get(secret, 0) > 1:
            _HOLDERS[secret] -= 1
        else:
            _HOLDERS.pop(secret, None)
            _FORMS.pop(secret, None)
        if not _FORMS:
            for name in _REDACTED_LOGGERS:
                logging.getLogger(name).removeFilter(_REDACTION)


def registered_count() -> int:
    """How many distinct secrets are registered now (for tests: secrets do not outlive their clients)."""
    return len(_FORMS)


def _mask_cut_pieces(text: str, form: str) -> str:
    """`text` with a piece of `form` masked where the text starts with its end or ends with its start."""
    longest = min(len(form) - 1, len(text))
    for size in range(longest, _MIN_PIECE - 1, -1):
        if text.endswith(form[:size]):
            text = text[:-size] + _MASK
            break
    for size in range(min(len(form) - 1, len(text)), _MIN_PIECE - 1, -1):
        if text.startswith(form[-size:]):
            text = _MASK + text[size:]
            break
    return text


def redact(text: str) -> str:
    """`text` with every registered secret masked, in every form (see the module's docstring)."""
    for forms in _FORMS.values():
        for form in forms:
            if form in text:
                text = text.replace(form, _MASK)
            text = _mask_cut_pieces(text, form)
    return text


def redact_bytes(data: bytes) -> bytes:
    """`data` with every registered secret masked (bodies that echo the key)."""
    for forms in _FORMS.values():
        for form in forms:
            raw = form.encode("utf-8", "replace")
            if raw in data:
                data = data.replace(raw, _MASK.encode())
    return data


def redact_value(value: Any) -> Any:
    """A parsed JSON value with every string redacted (an error's `detail`)."""
    if not _FORMS:
        return value
    if isinstance(value, str):
        return redact(value)
    if isinstance(value, list):
        return [redact_value(v) for v in value]
    if isinstance(value, dict):
        return {redact(str(k)): redact_value(v) for k, v in value.items()}
    return value


def mask_headers(headers: Mapping[str, str]) -> str:
    """repr of caller-given headers or cookies with the values of secret header names masked."""
    return repr({k: (_MASK if k.lower() in SECRET_HEADER_NAMES else v) for k, v in headers.items()})


def mask_secret(value: object) -> str:
    """repr of a secret field: shows that a value is there, never the value (to_dict() still returns it)."""
    return "'***'" if isinstance(value, str) and value else repr(value)


def mask_keys(fields: Mapping[str, Any], secret_names: Collection[str]) -> str:
    """repr of a model's unknown fields with the values of secret-named keys masked."""
    return repr({key: ("***" if key in secret_names and value else value) for key, value in fields.items()})
