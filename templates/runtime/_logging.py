"""Logging: the package logs metadata only; loggers under it mask registered secrets as a second layer."""

import logging
import threading

from ._secrets import redact, register_secret, registered_count, release_secret

# The package logs metadata only (method, path, status, attempt, request id), never headers or bodies.
logger = logging.getLogger(__name__.rpartition(".")[0])  # the package

# Second layer: loggers of the libraries under us get a filter that masks registered secrets (errors.redact), in
# case one of them ever formats a header (httpcore logs response headers at DEBUG).
_REDACTED_LOGGERS = (
    logger.name,
    "httpx",
    "httpcore.connection",
    "httpcore.http11",
    "httpcore.http2",
    "httpcore.proxy",
)


class _RedactSecrets(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        masked = redact(message)
        if masked != message:
            record.msg, record.args = masked, None
        return True


_REDACTION = _RedactSecrets()
# Reentrant: a client's finalizer (release_logged_secret) can run from garbage collection inside hold_logged_secret.
_FILTERS_LOCK = threading.RLock()


def hold_logged_secret(secret: str) -> None:
    """Mask `secret` in error texts and in the log lines of the loggers above until release_logged_secret."""
    with _FILTERS_LOCK:
        register_secret(secret)
        for name in _REDACTED_LOGGERS:
            target = logging.getLogger(name)
            if _REDACTION not in target.filters:
                target.addFilter(_REDACTION)


def release_logged_secret(secret: str) -> None:
    """One holder of `secret` is gone; with no secret left, the filters go too.

    A filter left installed would have nothing to mask, and would keep this package's modules (and through them
    attrs, httpx, ...) alive past the shutdown collection: logging's at-fork hooks hold its loggers, so every script
    would pay for wiping those modules one by one at exit (a few ms).
    """
    with _FILTERS_LOCK:
        release_secret(secret)
        if registered_count() == 0:
            for name in _REDACTED_LOGGERS:
                logging.getLogger(name).removeFilter(_REDACTION)
