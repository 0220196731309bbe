import logging
from enum import StrEnum

_logger = logging.getLogger(__name__)


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
        if not isinstance(value, str):
            return None
        member = str.__new__(cls, value)
        member._name_ = value
        member._value_ = value
        # Cached like a member, so each unknown value is logged once and `is` comparisons hold.
        cls._value2member_map_[value] = member
        _logger.warning("%s: value %r is not in the spec; kept as is", cls.__name__, value)
        return member
