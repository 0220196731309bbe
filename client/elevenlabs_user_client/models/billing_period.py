from enum import StrEnum


class BillingPeriod(StrEnum):
    ANNUAL_PERIOD = "annual_period"
    MONTHLY_PERIOD = "monthly_period"
    VALUE_1 = "3_month_period"
    VALUE_2 = "6_month_period"

    def __str__(self) -> str:
        return str(self.value)
