from enum import StrEnum

from .._parse import unknown_member


class InvoiceResponseModelPaymentIntentStatussesItem(StrEnum):
    """The values the spec lists; a value it does not list parses to a member that keeps it (`is_known` is False)."""

    CANCELED = "canceled"
    PROCESSING = "processing"
    REQUIRES_ACTION = "requires_action"
    REQUIRES_CAPTURE = "requires_capture"
    REQUIRES_CONFIRMATION = "requires_confirmation"
    REQUIRES_PAYMENT_METHOD = "requires_payment_method"
    SUCCEEDED = "succeeded"

    def __str__(self) -> str:
        return str(self.value)

    @property
    def is_known(self) -> bool:
        """False for a value the spec did not list when this client was generated."""
        return type(self).__members__.get(self._name_) is self

    @classmethod
    def _missing_(cls, value: object) -> "InvoiceResponseModelPaymentIntentStatussesItem | None":
        member: InvoiceResponseModelPaymentIntentStatussesItem | None = unknown_member(cls, value)
        return member


_BY_VALUE: dict[str, InvoiceResponseModelPaymentIntentStatussesItem] = {
    member.value: member for member in InvoiceResponseModelPaymentIntentStatussesItem
}
