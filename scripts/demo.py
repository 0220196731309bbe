"""`make demo`: fetch the account through the generated client and print a readable summary.

With ELEVENLABS_API_KEY set it asks that account's server (ELEVENLABS_BASE_URL, default the public API) through
`AuthenticatedClient.from_env()`; without it, a loopback mock on 127.0.0.1 serves recorded fixtures, so the demo
works offline and without an account. Fetching and presentation are separate: `fetch_account` returns the models,
`format_summary` and its helpers only format them.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from datetime import datetime

from elevenlabs_user_client import AuthenticatedClient, errors
from elevenlabs_user_client.api.user import get_user, get_user_subscription
from elevenlabs_user_client.models import (
    DiscountResponseModel,
    ExtendedSubscriptionResponseModel,
    InvoiceResponseModel,
    PendingCancellationResponseModel,
    PendingSubscriptionSwitchResponseModel,
    UserResponseModel,
)
from elevenlabs_user_client.types import Unset

from scripts import mock_api

API_KEY_VARIABLE = "ELEVENLABS_API_KEY"
BASE_URL_VARIABLE = "ELEVENLABS_BASE_URL"
# Only the loopback mock accepts this; it is not a credential.
MOCK_API_KEY = "demo-key-for-the-loopback-mock"
BAR_WIDTH = 30
LABEL_WIDTH = 16


class DemoError(Exception):
    """The account could not be fetched; the message says which call failed and why."""


@dataclass(frozen=True)
class Account:
    user: UserResponseModel
    subscription: ExtendedSubscriptionResponseModel


# --- fetching --------------------------------------------------------------------------------


def fetch_account(client: AuthenticatedClient) -> Account:
    """Both operations through the generated client; any failure becomes a DemoError naming the call."""
    what = "GET /v1/user"
    try:
        user = get_user.sync(client=client)
        what = "GET /v1/user/subscription"
        subscription = get_user_subscription.sync(client=client)
    except errors.ElevenLabsError as err:
        raise DemoError(f"{what} failed: {type(err).__name__}: {err}") from err
    return Account(user=user, subscription=subscription)


# --- presentation ----------------------------------------------------------------------------

_PERIOD_NAMES = {
    "monthly_period": "monthly",
    "3_month_period": "every 3 months",
    "6_month_period": "every 6 months",
    "annual_period": "annually",
}


def usage_bar(used: int, limit: int, width: int = BAR_WIDTH) -> str:
    """`[#####-----]`, full when used reaches or passes the limit."""
    filled = width if limit <= 0 or used >= limit else max(0, used * width // limit)
    return "[" + "#" * filled + "-" * (width - filled) + "]"


def usage_percent(used: int, limit: int) -> str:
    return "n/a" if limit <= 0 else f"{100 * used / limit:.1f}%"


def local_date(unix_seconds: int) -> str:
    return datetime.fromtimestamp(unix_seconds).astimezone().strftime("%Y-%m-%d")


def money(cents: float, currency: str | None) -> str:
    amount = f"{cents / 100:,.2f}"
    return f"{amount} {currency.upper()}" if currency else amount


def plain(value: object) -> str:
    """An enum member's value, or the value itself: lenient parsing keeps values the spec does not list."""
    return str(getattr(value, "value", value))


def money_text(amount: str, currency: object) -> str:
    return f"{amount} {plain(currency).upper()}"


def period_name(value: object) -> str:
    return _PERIOD_NAMES.get(plain(value), plain(value))


def subscription_currency(sub: ExtendedSubscriptionResponseModel) -> str | None:
    if sub.currency is None or isinstance(sub.currency, Unset):
        return plain(sub.current_overage.currency)
    return plain(sub.currency)


def describe_credit_extension(sub: ExtendedSubscriptionResponseModel) -> str:
    limit = sub.max_credit_limit_extension
    if limit == "unlimited":
        return "unlimited extra credits"
    if limit == 0:
        return "usage-based billing disabled"
    return f"up to {limit:,} extra credits"


def describe_pending_change(
    change: PendingSubscriptionSwitchResponseModel | PendingCancellationResponseModel | None | Unset,
) -> str | None:
    if isinstance(change, PendingSubscriptionSwitchResponseModel):
        return (
            f"switch to tier {plain(change.next_tier)}, billed {period_name(change.next_billing_period)}, "
            f"on {local_date(change.timestamp_seconds)}"
        )
    if isinstance(change, PendingCancellationResponseModel):
        return f"cancellation on {local_date(change.timestamp_seconds)}"
    return None


def describe_discount(discount: DiscountResponseModel, currency: str | None) -> str | None:
    percent, amount = discount.discount_percent_off, discount.discount_amount_off
    if isinstance(percent, int | float) and percent:
        return f"{percent:g}% off"
    if isinstance(amount, int | float) and amount:
        # The spec gives amount_off in cents ("20.0 for 20 cents off").
        return f"{money(amount, currency)} off"
    return None


def describe_invoice(invoice: InvoiceResponseModel, currency: str | None) -> str:
    when = invoice.next_payment_attempt_unix
    # -1 means no payment attempt is scheduled.
    due = f"due {local_date(when)}" if when >= 0 else "no payment attempt scheduled"
    text = f"{money(invoice.amount_due_cents, currency)}, {due}"
    discounts = [d for d in (describe_discount(x, currency) for x in invoice.discounts) if d]
    if discounts:
        text += f" (discounts: {', '.join(discounts)})"
    return text


def _row(label: str, value: str) -> str:
    return f"  {label:<{LABEL_WIDTH}}{value}"


def characters_line(sub: ExtendedSubscriptionResponseModel) -> str:
    used, limit = sub.character_count, sub.character_limit
    return f"{used:,} of {limit:,} used  {usage_bar(used, limit)} {usage_percent(used, limit)}"


def plan_line(sub: ExtendedSubscriptionResponseModel) -> str:
    text = f"tier {sub.tier}, status {plain(sub.status)}"
    if sub.billing_period is not None and not isinstance(sub.billing_period, Unset):
        text += f", billed {period_name(sub.billing_period)}"
    return text


def user_line(user: UserResponseModel) -> str:
    name = user.first_name if isinstance(user.first_name, str) else "(no first name)"
    return f"{name} ({user.user_id}), {plain(user.seat_type).replace('_', ' ')}"


def summary_lines(account: Account) -> list[str]:
    user, sub = account.user, account.subscription
    currency = subscription_currency(sub)
    reset = sub.next_character_count_reset_unix
    overage = sub.current_overage
    lines = [
        _row("User", user_line(user)),
        _row("Plan", plan_line(sub)),
        _row("Characters", characters_line(sub)),
        _row("Next reset", local_date(reset) if isinstance(reset, int) else "not scheduled"),
        _row("Overage", f"{describe_credit_extension(sub)}; current {money_text(overage.amount, overage.currency)}"),
        _row(
            "Voice slots",
            f"{sub.voice_slots_used} of {sub.voice_limit} used; "
            f"professional {sub.professional_voice_slots_used} of {sub.professional_voice_limit}",
        ),
    ]
    change = describe_pending_change(sub.pending_change)
    if change:
        lines.append(_row("Pending change", change))
    if isinstance(sub.next_invoice, InvoiceResponseModel):
        lines.append(_row("Next invoice", describe_invoice(sub.next_invoice, currency)))
    if sub.open_invoices:
        lines.append(_row("Open invoices", "; ".join(describe_invoice(i, currency) for i in sub.open_invoices)))
    return lines


def format_summary(account: Account, source: str) -> str:
    return "\n".join([f"ElevenLabs account ({source})", *summary_lines(account)])


# --- entry point -----------------------------------------------------------------------------


def _redacted(text: str, secret: str) -> str:
    # A second layer: no message we print may carry the key, whatever a server echoes back.
    return text.replace(secret, "[redacted]") if secret else text


def summarise(account: Account, source: str) -> str:
    try:
        return format_summary(account, source)
    except (TypeError, ValueError, AttributeError, OverflowError, OSError) as err:
        # Lenient parsing keeps off-spec values (a null count, a huge timestamp); say so instead of a traceback.
        raise DemoError(f"the account data has values the summary cannot show: {type(err).__name__}: {err}") from err


def _from_your_account() -> str:
    try:
        client = AuthenticatedClient.from_env()  # ELEVENLABS_API_KEY, ELEVENLABS_BASE_URL or the public API
    except errors.ElevenLabsError as err:
        raise DemoError(str(err)) from err
    with client:
        account = fetch_account(client)
    where = os.environ.get(BASE_URL_VARIABLE) or "the ElevenLabs API"
    return summarise(account, source=f"{where}, key from {API_KEY_VARIABLE}")


def _from_the_mock() -> str:
    try:
        with (
            mock_api.serve_account(MOCK_API_KEY) as api,
            AuthenticatedClient(base_url=api.base_url, token=MOCK_API_KEY) as client,
        ):
            account = fetch_account(client)
    except mock_api.FixtureError as err:
        raise DemoError(str(err)) from err
    return summarise(account, source=f"loopback mock with recorded fixtures; set {API_KEY_VARIABLE} for yours")


def run() -> str:
    """The summary for this environment: your account when ELEVENLABS_API_KEY is set, else the mock's."""
    return _from_your_account() if os.environ.get(API_KEY_VARIABLE, "").strip() else _from_the_mock()


def main() -> int:
    try:
        print(run())
    except DemoError as err:
        secret = os.environ.get(API_KEY_VARIABLE, "").strip()
        print(f"demo failed: {_redacted(str(err), secret)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
