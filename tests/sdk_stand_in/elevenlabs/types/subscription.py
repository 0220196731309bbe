"""The stand-in's subscription model: the body's fields as attributes (the bench checks the type's name)."""

from typing import Any


class Subscription:
    def __init__(self, **fields: Any) -> None:
        self.__dict__.update(fields)
