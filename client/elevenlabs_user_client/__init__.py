"""A client library for accessing ElevenLabs User API"""

from . import client as _client
from ._version import __version__
from .client import AuthenticatedClient, Client
from .errors import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    ElevenLabsError,
    ResponseDecodeError,
    ResponseValidationError,
)
from .models.region import Region
from .types import UNSET, Unset, or_default, validate_response

__all__ = (
    "UNSET",
    "APIConnectionError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticatedClient",
    "Client",
    "ElevenLabsError",
    "Region",
    "ResponseDecodeError",
    "ResponseValidationError",
    "Unset",
    "__version__",
    "or_default",
    "validate_response",
)

# from_env's default base URL: the spec's first server (the runtime itself imports nothing generated).
_client.DEFAULT_BASE_URL = "https://api.elevenlabs.io"
