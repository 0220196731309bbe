"""Contains all the data models used in inputs/outputs"""

from .billing_period import BillingPeriod
from .character_refresh_period import CharacterRefreshPeriod
from .currency import Currency
from .discount_response_model import DiscountResponseModel
from .extended_subscription_response_model import ExtendedSubscriptionResponseModel
from .http_validation_error import HTTPValidationError
from .invoice_response_model import InvoiceResponseModel
from .invoice_response_model_payment_intent_status_type_0 import InvoiceResponseModelPaymentIntentStatusType0
from .invoice_response_model_payment_intent_statusses_item import InvoiceResponseModelPaymentIntentStatussesItem
from .pending_cancellation_response_model import PendingCancellationResponseModel
from .pending_subscription_switch_response_model import PendingSubscriptionSwitchResponseModel
from .pending_subscription_switch_response_model_next_tier import PendingSubscriptionSwitchResponseModelNextTier
from .price import Price
from .seat_type import SeatType
from .subscription_response_model import SubscriptionResponseModel
from .subscription_status_type import SubscriptionStatusType
from .user_response_model import UserResponseModel
from .validation_error import ValidationError

__all__ = (
    "BillingPeriod",
    "CharacterRefreshPeriod",
    "Currency",
    "DiscountResponseModel",
    "ExtendedSubscriptionResponseModel",
    "HTTPValidationError",
    "InvoiceResponseModel",
    "InvoiceResponseModelPaymentIntentStatussesItem",
    "InvoiceResponseModelPaymentIntentStatusType0",
    "PendingCancellationResponseModel",
    "PendingSubscriptionSwitchResponseModel",
    "PendingSubscriptionSwitchResponseModelNextTier",
    "Price",
    "SeatType",
    "SubscriptionResponseModel",
    "SubscriptionStatusType",
    "UserResponseModel",
    "ValidationError",
)
