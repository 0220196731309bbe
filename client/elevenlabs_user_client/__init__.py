"""A client library for accessing ElevenLabs User API"""

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
from .types import validate_response

__all__ = (
    "APIConnectionError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticatedClient",
    "Client",
    "ElevenLabsError",
    "Region",
    "ResponseDecodeError",
    "ResponseValidationError",
    "validate_response",
)
