"""Parse only: response bytes -> model, with no I/O, for this package's attrs model and the SDK's pydantic model."""

from __future__ import annotations

import gc
import json
import time
from collections.abc import Callable
from typing import Any

from scripts.bench.bodies import USER_BYTES
from scripts.bench.stats import rotate

JSON_ONLY = "json.loads only"
THIS_MODEL = "this client (UserResponseModel.from_dict)"
SDK_MODEL = "elevenlabs SDK (construct_type(User))"


def parsers() -> dict[str, Callable[[bytes], Any]]:
    from elevenlabs.core.unchecked_base_model import construct_type
    from elevenlabs.types.user import User
    from elevenlabs_user_client.models.user_response_model import UserResponseModel

    # The SDK's raw client parses with construct_type (lenient pydantic construction), not model_validate.
    return {
        JSON_ONLY: json.loads,
        THIS_MODEL: lambda b: UserResponseModel.from_dict(json.loads(b)),
        SDK_MODEL: lambda b: construct_type(type_=User, object_=json.loads(b)),
    }


def measure(rounds: int, iterations: int) -> dict[str, list[float]]:
    """{parser: [seconds per parse, one per round]}."""
    funcs = parsers()
    for name, parse in funcs.items():
        if name != JSON_ONLY and getattr(parse(USER_BYTES), "user_id", None) != "1234567890":
            raise RuntimeError(f"{name} did not parse the user body")
    samples: dict[str, list[float]] = {name: [] for name in funcs}
    for r in range(rounds):
        for name in rotate(list(funcs), r):
            parse = funcs[name]
            gc.collect()
            start = time.perf_counter()
            for _ in range(iterations):
                parse(USER_BYTES)
            samples[name].append((time.perf_counter() - start) / iterations)
    return samples
