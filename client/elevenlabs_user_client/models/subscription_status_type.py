from enum import StrEnum

from .._parse import unknown_member


class SubscriptionStatusType(StrEnum):
    """The values the spec lists; a value it does not list parses to a member that keeps it (`is_known` is False)."""

    ACTIVE = "active"
    FREE = "free"
    FREE_DISABLED = "free_disabled"
    INCOMPLETE = "incomplete"
    PAST_DUE = "past_due"
    TRIALING = "trialing"

    def __str__(self) -> str:
        return str(self.value)

    @property
    def is_known(self) -> bool:
        """False for a value the spec did not list when this client was generated."""
        return type(self).__members__.get(self._name_) is self

    @classmethod
    def _missing_(cls, value: object) -> "SubscriptionStatusType | None":
        member: SubscriptionStatusType | None = unknown_member(cls, value)
        return member


_BY_VALUE: dict[str, SubscriptionStatusType] = {member.value: member for member in SubscriptionStatusType}
