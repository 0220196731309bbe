from enum import StrEnum


class PendingSubscriptionSwitchResponseModelNextTier(StrEnum):
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
