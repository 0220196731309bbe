from enum import StrEnum


class Currency(StrEnum):
    EUR = "eur"
    INR = "inr"
    PLN = "pln"
    USD = "usd"

    def __str__(self) -> str:
        return str(self.value)
