"""``elevenlabs-user``: the account's quota at a glance, for people, scripts, cron jobs and monitoring.

    elevenlabs-user                                  the account behind ELEVENLABS_API_KEY, as a summary
    elevenlabs-user --json                           the same summary as one JSON object
    elevenlabs-user --warn-at 80 --critical-at 95    exit 1 / 2 once that share of the character quota is used

Exit status, after the monitoring-plugin convention: 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN (no key, no answer, an
error status, a body that does not parse, bad arguments). Errors are one line on stderr, never a traceback, never
the key. The key is read from ELEVENLABS_API_KEY only (a command-line argument would show in process lists and shell
history); the server is --base-url, --region, ELEVENLABS_BASE_URL or the production API, in that order.
"""

import argparse
import json
import logging
import os
import sys
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any, NoReturn
from urllib.parse import urlsplit

from . import errors
from ._version import __version__
from .api.user import get_user, get_user_subscription
from .client import API_KEY_ENV, BASE_URL_ENV, AuthenticatedClient
from .models.discount_response_model import DiscountResponseModel
from .models.extended_subscription_response_model import ExtendedSubscriptionResponseModel
from .models.invoice_response_model import InvoiceResponseModel
from .models.pending_cancellation_response_model import PendingCancellationResponseModel
from .models.pending_subscription_switch_response_model import PendingSubscriptionSwitchResponseModel
from .models.region import Region
from .models.user_response_model import UserResponseModel
from .types import Unset

__all__ = [
    "CommandError",
    "build_parser",
    "fetch_account",
    "main",
    "quota_status",
    "run",
    "summary_data",
    "summary_lines",
]

PROG = "elevenlabs-user"
OK, WARNING, CRITICAL, UNKNOWN = 0, 1, 2, 3
STATUS_NAMES = {OK: "OK", WARNING: "WARNING", CRITICAL: "CRITICAL", UNKNOWN: "UNKNOWN"}
BAR_WIDTH = 30
LABEL_WIDTH = 16
REGIONS = {member.name.lower(): member for member in Region}
_PERIOD_NAMES = {
    "monthly_period": "monthly",
    "3_month_period": "every 3 months",
    "6_month_period": "every 6 months",
    "annual_period": "annually",
}


class CommandError(Exception):
    """Why the command could not produce a summary (exit status 3)."""


# --- the account --------------------------------------------------------------------------------------------------


def fetch_account(client: AuthenticatedClient) -> tuple[UserResponseModel, ExtendedSubscriptionResponseModel]:
    """Both operations; a failure becomes a CommandError naming the call."""
    what = "GET /v1/user"
    try:
        user = get_user.sync(client=client)
        what = "GET /v1/user/subscription"
        subscription = get_user_subscription.sync(client=client)
    except errors.ElevenLabsError as err:
        raise CommandError(f"{what} failed: {type(err).__name__}: {err}") from err
    return user, subscription


# --- small formatters (lenient parsing may keep values the spec does not list: show them as they came) ----------


def plain(value: object) -> str:
    """An enum member's value, or the value itself."""
    return str(getattr(value, "value", value))


def usage_percent(used: int, limit: int) -> float | None:
    """Share of the character quota used, in percent; None when the account has no positive limit."""
    return None if limit <= 0 else 100 * used / limit


def remaining(used: int, limit: int) -> int:
    """Characters left before the limit (0 once it is reached): the figure people alert on."""
    return max(0, limit - used)


def usage_bar(used: int, limit: int, width: int = BAR_WIDTH) -> str:
    """``[#####-----]``, full when used reaches or passes the limit."""
    filled = width if limit <= 0 or used >= limit else max(0, used * width // limit)
    return "[" + "#" * filled + "-" * (width - filled) + "]"


def local_date(unix_seconds: int) -> str:
    """A unix time as a date in the local time zone."""
    return datetime.fromtimestamp(unix_seconds).astimezone().strftime("%Y-%m-%d")


def utc_time(unix_seconds: int) -> str:
    """A unix time as ISO 8601 in UTC."""
    return datetime.fromtimestamp(unix_seconds, tz=UTC).isoformat()


def money(cents: float, currency: str | None) -> str:
    """An amount in cents as ``1,234.56 EUR``."""
    amount = f"{cents / 100:,.2f}"
    return f"{amount} {currency.upper()}" if currency else amount


def period_name(value: object) -> str:
    """A billing period in words (``annual_period``: annually); unknown values as they came."""
    return _PERIOD_NAMES.get(plain(value), plain(value))


def subscription_currency(sub: ExtendedSubscriptionResponseModel) -> str | None:
    """The subscription's currency, else the overage's."""
    if sub.currency is None or isinstance(sub.currency, Unset):
        return plain(sub.current_overage.currency)
    return plain(sub.currency)


def describe_credit_extension(sub: ExtendedSubscriptionResponseModel) -> str:
    """How far usage-based billing may extend the quota."""
    limit = sub.max_credit_limit_extension
    if limit == "unlimited":
        return "unlimited extra credits"
    if limit == 0:
        return "usage-based billing disabled"
    return f"up to {limit:,} extra credits"


def describe_pending_change(
    change: PendingSubscriptionSwitchResponseModel | PendingCancellationResponseModel | None | Unset,
) -> str | None:
    """A pending tier switch or cancellation as text; None when nothing is pending."""
    if isinstance(change, PendingSubscriptionSwitchResponseModel):
        return (
            f"switch to tier {plain(change.next_tier)}, billed {period_name(change.next_billing_period)}, "
            f"on {local_date(change.timestamp_seconds)}"
        )
    if isinstance(change, PendingCancellationResponseModel):
        return f"cancellation on {local_date(change.timestamp_seconds)}"
    return None


def describe_discount(discount: DiscountResponseModel, currency: str | None) -> str | None:
    """A discount as text (percent or amount off); None when it takes nothing off."""
    percent, amount = discount.discount_percent_off, discount.discount_amount_off
    if isinstance(percent, int | float) and percent:
        return f"{percent:g}% off"
    if isinstance(amount, int | float) and amount:
        return f"{money(amount, currency)} off"  # the spec gives amount_off in cents ("20.0 for 20 cents off")
    return None


def describe_invoice(invoice: InvoiceResponseModel, currency: str | None) -> str:
    """An invoice's amount, due date and discounts."""
    when = invoice.next_payment_attempt_unix
    due = f"due {local_date(when)}" if when >= 0 else "no payment attempt scheduled"  # -1: none scheduled
    text = f"{money(invoice.amount_due_cents, currency)}, {due}"
    discounts = [d for d in (describe_discount(x, currency) for x in invoice.discounts) if d]
    if discounts:
        text += f" (discounts: {', '.join(discounts)})"
    return text


# --- the text summary ---------------------------------------------------------------------------------------------


def _row(label: str, value: str) -> str:
    return f"  {label:<{LABEL_WIDTH}}{value}"


def characters_line(sub: ExtendedSubscriptionResponseModel) -> str:
    """Characters used of the limit, with a usage bar and the percentage."""
    used, limit = sub.character_count, sub.character_limit
    percent = usage_percent(used, limit)
    shown = "n/a" if percent is None else f"{percent:.1f}%"
    return f"{used:,} of {limit:,} used  {usage_bar(used, limit)} {shown}, {remaining(used, limit):,} left"


def plan_line(sub: ExtendedSubscriptionResponseModel) -> str:
    """Tier, status and billing period."""
    text = f"tier {sub.tier}, status {plain(sub.status)}"
    if sub.billing_period is not None and not isinstance(sub.billing_period, Unset):
        text += f", billed {period_name(sub.billing_period)}"
    return text


def user_line(user: UserResponseModel) -> str:
    """First name, user id and seat type."""
    name = user.first_name if isinstance(user.first_name, str) else "(no first name)"
    return f"{name} ({user.user_id}), {plain(user.seat_type).replace('_', ' ')}"


def summary_lines(user: UserResponseModel, sub: ExtendedSubscriptionResponseModel) -> list[str]:
    """The text summary's rows: user, plan, characters, next reset, overage, voice slots, changes and invoices."""
    currency = subscription_currency(sub)
    reset = sub.next_character_count_reset_unix
    overage = sub.current_overage
    lines = [
        _row("User", user_line(user)),
        _row("Plan", plan_line(sub)),
        _row("Characters", characters_line(sub)),
        _row("Next reset", local_date(reset) if isinstance(reset, int) else "not scheduled"),
        _row(
            "Overage", f"{describe_credit_extension(sub)}; current {overage.amount} {plain(overage.currency).upper()}"
        ),
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


# --- the JSON summary ---------------------------------------------------------------------------------------------


def _invoice_data(invoice: InvoiceResponseModel, currency: str | None) -> dict[str, Any]:
    when = invoice.next_payment_attempt_unix
    return {
        "amount_due_cents": invoice.amount_due_cents,
        "currency": currency,
        "next_payment_attempt_unix": when if when >= 0 else None,
        "discounts": [d for d in (describe_discount(x, currency) for x in invoice.discounts) if d],
    }


def summary_data(user: UserResponseModel, sub: ExtendedSubscriptionResponseModel) -> dict[str, Any]:
    """The summary as JSON-ready data: numbers stay numbers, times are unix seconds plus UTC ISO 8601."""
    currency = subscription_currency(sub)
    reset = sub.next_character_count_reset_unix
    change = sub.pending_change
    pending: dict[str, Any] | None = None
    if isinstance(change, PendingSubscriptionSwitchResponseModel):
        pending = {
            "kind": "switch",
            "next_tier": plain(change.next_tier),
            "next_billing_period": plain(change.next_billing_period),
            "at_unix": change.timestamp_seconds,
        }
    elif isinstance(change, PendingCancellationResponseModel):
        pending = {"kind": "cancellation", "at_unix": change.timestamp_seconds}
    billing = sub.billing_period
    return {
        "user": {
            "user_id": user.user_id,
            "first_name": user.first_name if isinstance(user.first_name, str) else None,
            "seat_type": plain(user.seat_type),
        },
        "plan": {
            "tier": sub.tier,
            "status": plain(sub.status),
            "billing_period": None if billing is None or isinstance(billing, Unset) else plain(billing),
            "currency": currency,
        },
        "characters": {
            "used": sub.character_count,
            "limit": sub.character_limit,
            "percent": usage_percent(sub.character_count, sub.character_limit),
            "remaining": remaining(sub.character_count, sub.character_limit),
            "next_reset_unix": reset if isinstance(reset, int) else None,
            "next_reset": utc_time(reset) if isinstance(reset, int) else None,
        },
        "extra_credits_limit": sub.max_credit_limit_extension,
        "overage": {"amount": sub.current_overage.amount, "currency": plain(sub.current_overage.currency)},
        "voice_slots": {"used": sub.voice_slots_used, "limit": sub.voice_limit},
        "professional_voice_slots": {
            "used": sub.professional_voice_slots_used,
            "limit": sub.professional_voice_limit,
        },
        "pending_change": pending,
        "next_invoice": (
            _invoice_data(sub.next_invoice, currency) if isinstance(sub.next_invoice, InvoiceResponseModel) else None
        ),
        "open_invoices": [_invoice_data(i, currency) for i in sub.open_invoices],
    }


# --- thresholds ---------------------------------------------------------------------------------------------------


def quota_status(percent: float | None, warn_at: float | None, critical_at: float | None) -> int:
    """OK, WARNING or CRITICAL for the share used; UNKNOWN when a threshold is set but no share can be computed."""
    if warn_at is None and critical_at is None:
        return OK
    if percent is None:
        return UNKNOWN
    if critical_at is not None and percent >= critical_at:
        return CRITICAL
    if warn_at is not None and percent >= warn_at:
        return WARNING
    return OK


def status_line(
    status: int, percent: float | None, warn_at: float | None, critical_at: float | None, left: int = 0
) -> str:
    """The monitoring-plugin status line: state, a human text, and performance data after ``|``."""
    if percent is None:
        return f"QUOTA {STATUS_NAMES[status]} - the account reports no positive character limit"
    limits = ", ".join(
        f"{name} at {value:g}%" for name, value in (("warn", warn_at), ("critical", critical_at)) if value is not None
    )
    perf = f"used_percent={percent:.1f}%;{'' if warn_at is None else f'{warn_at:g}'};"
    perf += f"{'' if critical_at is None else f'{critical_at:g}'};0;100 remaining_characters={left}"
    used = f"{percent:.1f}% of the character quota used, {left:,} characters left"
    return f"QUOTA {STATUS_NAMES[status]} - {used} ({limits}) | {perf}"


# --- the command --------------------------------------------------------------------------------------------------


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        # argparse exits 2 on bad arguments, which monitoring reads as CRITICAL: bad arguments are UNKNOWN.
        print(f"QUOTA UNKNOWN - bad arguments: {message}")  # the status line monitoring reads, as for every state
        self.print_usage(sys.stderr)
        self.exit(UNKNOWN, f"{self.prog}: error: {message}\n")


def _percent(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not 0 <= value <= 1000:
        raise argparse.ArgumentTypeError(f"a percentage from 0 to 1000, got {text}")
    return value


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if value <= 0:
        raise argparse.ArgumentTypeError(f"a positive number of seconds, got {text}")
    return value


def build_parser() -> argparse.ArgumentParser:
    """The command's arguments; bad ones exit with status 3 (UNKNOWN)."""
    parser = _Parser(
        prog=PROG,
        description="Print the ElevenLabs account's quota summary (key from ELEVENLABS_API_KEY).",
        epilog="Exit status: 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN (any error).",
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of the text summary")
    parser.add_argument("--warn-at", type=_percent, metavar="PERCENT", help="exit 1 when this share is used")
    parser.add_argument("--critical-at", type=_percent, metavar="PERCENT", help="exit 2 when this share is used")
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--base-url", metavar="URL", help=f"the API's base URL (default: ${BASE_URL_ENV} or production)")
    where.add_argument("--region", choices=sorted(REGIONS), help="one of the API's regions instead of --base-url")
    parser.add_argument(
        "--timeout", type=_seconds, default=20.0, metavar="SECONDS", help="bound on each call, retries included"
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    return parser


def _checked_base_url(url: str, where: str) -> str:
    """`url` if it is an http(s) URL with a host and a valid port, else a CommandError naming where it came from."""
    try:
        parts = urlsplit(url)
        valid = parts.scheme in ("http", "https") and bool(parts.hostname)
        _ = parts.port  # raises ValueError for a port that is not a number in range
    except ValueError:
        valid = False
    if not valid:
        raise CommandError(f"{where} is not an http(s) URL: {url!r}")
    return url


def _one_line(text: str) -> str:
    """An error as one stderr line (a validation error lists its problems on lines of their own)."""
    key = os.environ.get(API_KEY_ENV, "").strip()
    text = text.replace(key, "***") if key else text  # a second layer behind the package's own masking
    return "; ".join(line.strip().removeprefix("- ") for line in text.splitlines() if line.strip())


def run(argv: Sequence[str] | None = None) -> tuple[int, str]:
    """The exit status and what to print, for these arguments and this environment; CommandError on failure."""
    args = build_parser().parse_args(argv)
    if args.warn_at is not None and args.critical_at is not None and args.warn_at > args.critical_at:
        raise CommandError(f"--warn-at {args.warn_at:g} is above --critical-at {args.critical_at:g}")
    base_url = REGIONS[args.region] if args.region else args.base_url
    if base_url is None and os.environ.get(BASE_URL_ENV, "").strip():
        base_url = _checked_base_url(os.environ[BASE_URL_ENV].strip(), BASE_URL_ENV)
    elif args.base_url is not None:
        base_url = _checked_base_url(args.base_url, "--base-url")
    try:
        client = AuthenticatedClient.from_env(base_url=base_url, deadline=args.timeout)
    except errors.MissingAPIKeyError as err:
        raise CommandError(f"no API key: set the {API_KEY_ENV} environment variable") from err
    except errors.ElevenLabsError as err:  # a key or base URL the client refuses (it says which and why)
        raise CommandError(str(err)) from err
    with client:
        source = str(client.get_httpx_client().base_url).rstrip("/")
        user, sub = fetch_account(client)
    try:
        percent = usage_percent(sub.character_count, sub.character_limit)
        status = quota_status(percent, args.warn_at, args.critical_at)
        if args.json:
            data = {"source": source, **summary_data(user, sub)}
            data["status"] = STATUS_NAMES[status]
            data["thresholds"] = {"warn_at": args.warn_at, "critical_at": args.critical_at}
            return status, json.dumps(data, indent=2)
        lines = [f"ElevenLabs account ({source})", *summary_lines(user, sub)]
        if args.warn_at is not None or args.critical_at is not None:
            left = remaining(sub.character_count, sub.character_limit)
            lines.insert(0, status_line(status, percent, args.warn_at, args.critical_at, left))
        return status, "\n".join(lines)
    except (TypeError, ValueError, AttributeError, OverflowError, OSError) as err:
        # Lenient parsing keeps off-spec values (a null count, a huge timestamp): say so instead of a traceback.
        raise CommandError(f"the account data has values the summary cannot show: {type(err).__name__}: {err}") from err


def main(argv: Sequence[str] | None = None) -> int:
    """The console script: prints the summary, returns the exit status (0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN)."""
    # The package logs drift and unknown enum values as warnings; without a handler Python would print them on
    # stderr, which cron mails and monitoring reads as noise. The outcome is in the exit status and the summary.
    package_logger = logging.getLogger(__package__ or "elevenlabs_user_client")
    level = package_logger.level
    package_logger.setLevel(logging.ERROR)
    try:
        return _main(argv)
    finally:
        package_logger.setLevel(level)


def _unknown(why: str) -> int:
    """UNKNOWN: the status line on stdout (what monitoring shows), the details on stderr (what cron mails)."""
    print(f"QUOTA UNKNOWN - {why.split(': ', 1)[0]}")
    print(f"{PROG}: {why}", file=sys.stderr)
    return UNKNOWN


def _main(argv: Sequence[str] | None) -> int:
    try:
        status, text = run(argv)
    except CommandError as err:
        return _unknown(_one_line(str(err)))
    except KeyboardInterrupt:
        return _unknown("interrupted")
    except Exception as err:  # the last resort: monitoring must read UNKNOWN, never a traceback
        return _unknown(f"unexpected {type(err).__name__}: {_one_line(str(err))}")
    try:
        print(text)
        sys.stdout.flush()
    except BrokenPipeError:  # `elevenlabs-user | head -1`: the reader has what it wanted
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return status


if __name__ == "__main__":
    sys.exit(main())
