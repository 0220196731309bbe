"""Logging: the package logs metadata only; loggers under it mask registered secrets as a second layer."""

import logging

from ._secrets import redact

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


def install_log_redaction() -> None:
    for name in _REDACTED_LOGGERS:
        target = logging.getLogger(name)
        if _REDACTION not in target.filters:
            target.addFilter(_REDACTION)
