from enum import StrEnum

from .._parse import unknown_member


class PendingSubscriptionSwitchResponseModelNextTier(StrEnum):
    """The tier to change to.

    The values the spec lists; a value it does not list parses to a member that keeps it (`is_known` is False)."""

    CREATOR = "creator"
    ENTERPRISE = "enterprise"
    FREE = "free"
    GO = "go"
    GRANT_TIER_1_2025_07_23 = "grant_tier_1_2025_07_23"
    GRANT_TIER_2_2025_07_23 = "grant_tier_2_2025_07_23"
    GROWING_BUSINESS = "growing_business"
    PRO = "pro"
    SCALE_2024_08_10 = "scale_2024_08_10"
    STARTER = "starter"
    TRIAL = "trial"

    def __str__(self) -> str:
        return str(self.value)

    @property
    def is_known(self) -> bool:
        """False for a value the spec did not list when this client was generated."""
        return type(self).__members__.get(self._name_) is self

    @classmethod
    def _missing_(cls, value: object) -> "PendingSubscriptionSwitchResponseModelNextTier | None":
        member: PendingSubscriptionSwitchResponseModelNextTier | None = unknown_member(cls, value)
        return member


_BY_VALUE: dict[str, PendingSubscriptionSwitchResponseModelNextTier] = {
    member.value: member for member in PendingSubscriptionSwitchResponseModelNextTier
}
