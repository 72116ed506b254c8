"""Plain-language dates ("next friday", "in 3 weeks", "Dec 12") read relative to a given today."""

from datetime import date, datetime

from planner.errors import UserError
from planner.text import shown

EXAMPLES = "'next friday', 'in 3 weeks', 'Dec 12' or '2026-12-12'"


def parse_date(text: str, today: date, *, prefer: str = "future") -> date:
    """Read text as a date, leaning to the future (or the past) when it is ambiguous.

    Raises UserError with a message that quotes the text and gives examples that work.
    """
    cleaned = " ".join(text.split())
    if not cleaned:
        raise UserError(f"no date given; try {EXAMPLES}")
    try:
        return date.fromisoformat(cleaned)
    except ValueError:
        pass
    # dateparser takes a noticeable time to import: only pay for it when a date needs reading.
    import dateparser

    parsed = dateparser.parse(
        cleaned,
        languages=["en"],
        settings={
            "PREFER_DATES_FROM": prefer,
            "RELATIVE_BASE": datetime(today.year, today.month, today.day),
            "RETURN_AS_TIMEZONE_AWARE": False,
        },
    )
    if parsed is None:
        raise UserError(f"cannot read {shown(text)} as a date; try {EXAMPLES}")
    return parsed.date()
