"""The daily study budget as the user sets it: minutes a day, per weekday, days off."""

from datetime import date

from planner.dates import parse_date
from planner.errors import UserError
from planner.plan.records import WEEKDAYS
from planner.text import shown

MAX_DAILY_MINUTES = 16 * 60


CONFIG_KEYS = {
    "budget": "minutes of study a day, e.g. 90",
    "budget.<day>": "minutes on one weekday, e.g. budget.sat 180 ('default' to undo)",
    "weekdays": "every weekday that differs at once, e.g. sat=180,sun=30 ('none' to clear)",
    "days-off": "weekdays with no study, e.g. sat,sun ('none' to clear)",
    "dates-off": "dates with no study, e.g. 2026-12-24,2026-12-25 ('none' to clear)",
}
# Not the budget, but set the same way: the share of a question to recall on its round's day.
RECALL_KEY = "recall"
RECALL_HELP = "the share of a question to recall on its round's day that reviews aim at, e.g. 0.85 (0.9 unless set)"


def _minutes(value: str) -> int:
    try:
        minutes = int(value)
    except ValueError:
        raise UserError(f"give the budget in whole minutes, e.g. 90, not {shown(value)}") from None
    if not 0 <= minutes <= MAX_DAILY_MINUTES:
        raise UserError(f"a daily budget is between 0 and {MAX_DAILY_MINUTES} minutes, not {minutes}")
    return minutes


def _weekday(text: str) -> str:
    day = text.strip().lower()[:3]
    if day not in WEEKDAYS:
        raise UserError(f"unknown weekday {shown(text)}; use {', '.join(WEEKDAYS)}")
    return day


def updated_budget(settings: dict, key: str, value: str, today: date) -> dict:
    """The budget settings with KEY set to VALUE, as typed by the user."""
    settings = dict(settings)
    clear = value.strip().lower() in ("none", "")
    if key == "budget":
        settings["daily"] = _minutes(value)
    elif key.startswith("budget."):
        weekdays = dict(settings.get("weekdays", {}))
        day = _weekday(key.partition(".")[2])
        if value.strip().lower() == "default":
            weekdays.pop(day, None)
        else:
            weekdays[day] = _minutes(value)
        settings["weekdays"] = weekdays
    elif key == "weekdays":
        weekdays = {}
        for pair in [] if clear else value.split(","):
            day, sep, minutes = pair.partition("=")
            if not sep:
                raise UserError(f"give weekdays as day=minutes, e.g. sat=180,sun=30, not {shown(pair.strip())}")
            weekdays[_weekday(day)] = _minutes(minutes.strip())
        settings["weekdays"] = weekdays
    elif key == "days-off":
        settings["days_off"] = [] if clear else sorted({_weekday(d) for d in value.split(",")}, key=WEEKDAYS.index)
        if len(settings["days_off"]) == 7:
            raise UserError("at least one day of the week has to be a study day")
    elif key == "dates-off":
        settings["dates_off"] = [] if clear else sorted({parse_date(d, today).isoformat() for d in value.split(",")})
    else:
        raise UserError(f"unknown setting {shown(key)}; settings: {', '.join([*CONFIG_KEYS, RECALL_KEY])}")
    return settings
