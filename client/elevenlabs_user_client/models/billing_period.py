from enum import StrEnum

from .._parse import unknown_member


class BillingPeriod(StrEnum):
    """The values the spec lists; a value it does not list parses to a member that keeps it (`is_known` is False)."""

    ANNUAL_PERIOD = "annual_period"
    MONTHLY_PERIOD = "monthly_period"
    VALUE_1 = "3_month_period"
    VALUE_2 = "6_month_period"

    def __str__(self) -> str:
        return str(self.value)

    @property
    def is_known(self) -> bool:
        """False for a value the spec did not list when this client was generated."""
        return type(self).__members__.get(self._name_) is self

    @classmethod
    def _missing_(cls, value: object) -> "BillingPeriod | None":
        member: BillingPeriod | None = unknown_member(cls, value)
        return member


_BY_VALUE: dict[str, BillingPeriod] = {member.value: member for member in BillingPeriod}
