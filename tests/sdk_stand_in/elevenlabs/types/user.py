"""The stand-in's user model: the body's fields as attributes (the bench checks the type's name and `user_id`)."""

from typing import Any


class User:
    def __init__(self, **fields: Any) -> None:
        self.__dict__.update(fields)
