from enum import StrEnum


class SubscriptionStatusType(StrEnum):
    ACTIVE = "active"
    FREE = "free"
    FREE_DISABLED = "free_disabled"
    INCOMPLETE = "incomplete"
    PAST_DUE = "past_due"
    TRIALING = "trialing"

    def __str__(self) -> str:
        return str(self.value)
