"""Contains all the data models used in inputs/outputs"""

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .billing_period import BillingPeriod
    from .character_refresh_period import CharacterRefreshPeriod
    from .currency import Currency
    from .discount_response_model import DiscountResponseModel
    from .extended_subscription_response_model import ExtendedSubscriptionResponseModel
    from .http_validation_error import HTTPValidationError
    from .invoice_response_model import InvoiceResponseModel
    from .invoice_response_model_payment_intent_status import InvoiceResponseModelPaymentIntentStatus
    from .invoice_response_model_payment_intent_statusses_item import InvoiceResponseModelPaymentIntentStatussesItem
    from .pending_cancellation_response_model import PendingCancellationResponseModel
    from .pending_subscription_switch_response_model import PendingSubscriptionSwitchResponseModel
    from .pending_subscription_switch_response_model_next_tier import PendingSubscriptionSwitchResponseModelNextTier
    from .price import Price
    from .region import Region
    from .seat_type import SeatType
    from .subscription_response_model import SubscriptionResponseModel
    from .subscription_status_type import SubscriptionStatusType
    from .user_response_model import UserResponseModel
    from .validation_error import ValidationError

# Each public name and the module of this package that defines it.
_MODULE_OF: dict[str, str] = {
    "BillingPeriod": ".billing_period",
    "CharacterRefreshPeriod": ".character_refresh_period",
    "Currency": ".currency",
    "DiscountResponseModel": ".discount_response_model",
    "ExtendedSubscriptionResponseModel": ".extended_subscription_response_model",
    "HTTPValidationError": ".http_validation_error",
    "InvoiceResponseModel": ".invoice_response_model",
    "InvoiceResponseModelPaymentIntentStatus": ".invoice_response_model_payment_intent_status",
    "InvoiceResponseModelPaymentIntentStatussesItem": ".invoice_response_model_payment_intent_statusses_item",
    "PendingCancellationResponseModel": ".pending_cancellation_response_model",
    "PendingSubscriptionSwitchResponseModel": ".pending_subscription_switch_response_model",
    "PendingSubscriptionSwitchResponseModelNextTier": ".pending_subscription_switch_response_model_next_tier",
    "Price": ".price",
    "Region": ".region",
    "SeatType": ".seat_type",
    "SubscriptionResponseModel": ".subscription_response_model",
    "SubscriptionStatusType": ".subscription_status_type",
    "UserResponseModel": ".user_response_model",
    "ValidationError": ".validation_error",
}


def __getattr__(name: str) -> Any:
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value  # later lookups find it without coming here
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


__all__ = (
    "BillingPeriod",
    "CharacterRefreshPeriod",
    "Currency",
    "DiscountResponseModel",
    "ExtendedSubscriptionResponseModel",
    "HTTPValidationError",
    "InvoiceResponseModel",
    "InvoiceResponseModelPaymentIntentStatus",
    "InvoiceResponseModelPaymentIntentStatussesItem",
    "PendingCancellationResponseModel",
    "PendingSubscriptionSwitchResponseModel",
    "PendingSubscriptionSwitchResponseModelNextTier",
    "Price",
    "Region",
    "SeatType",
    "SubscriptionResponseModel",
    "SubscriptionStatusType",
    "UserResponseModel",
    "ValidationError",
)
