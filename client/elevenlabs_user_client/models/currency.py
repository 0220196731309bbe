from enum import StrEnum

from .._parse import unknown_member


class Currency(StrEnum):
    """The values the spec lists; a value it does not list parses to a member that keeps it (`is_known` is False)."""

    EUR = "eur"
    INR = "inr"
    PLN = "pln"
    USD = "usd"

    def __str__(self) -> str:
        return str(self.value)

    @property
    def is_known(self) -> bool:
        """False for a value the spec did not list when this client was generated."""
        return type(self).__members__.get(self._name_) is self

    @classmethod
    def _missing_(cls, value: object) -> "Currency | None":
        member: Currency | None = unknown_member(cls, value)
        return member


_BY_VALUE: dict[str, Currency] = {member.value: member for member in Currency}
