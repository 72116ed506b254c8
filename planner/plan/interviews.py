"""The rules an interview follows, whether it is typed in the shell or in the app's form."""

from collections.abc import Iterable
from datetime import date

from planner.dates import EXAMPLES, parse_date
from planner.errors import UserError
from planner.plan.records import SCREEN, Interview
from planner.text import plain, shown

MAX_DAYS_AHEAD = 2 * 366


def interview_date(text: str, today: date, what: str = "the date") -> date:
    """The day text names, which must be today or later and at most two years ahead."""
    day = parse_date(text, today)
    if day < today:
        raise UserError(f"{what} {shown(text.strip())} reads as {day}, which is in the past; try {EXAMPLES}")
    if (day - today).days > MAX_DAYS_AHEAD:
        raise UserError(f"{what} {shown(text.strip())} reads as {day}; planner plans up to two years ahead")
    return day


def is_held(interview: Interview, today: date) -> bool:
    """Whether every round of the interview is behind us: it is history now."""
    return max(interview.dates) < today


def checked_interview(
    interview_id: int,
    company: str,
    day: date,
    role: str | None,
    round_dates: Iterable[tuple[str, date]] = (),
) -> Interview:
    """An interview with a company named, the role tidied and its moved rounds in order."""
    company = " ".join(plain(company, "the company's name").split())
    if not company:
        raise UserError("give the company's name, e.g. planner interview add Acme --date 'next friday'")
    role = " ".join(plain(role or "", "the role").split()) or None
    return Interview(interview_id, company, day, role, tuple(sorted(dict(round_dates).items())))


def with_screen_on(round_dates: Iterable[tuple[str, date]], screen: date | None) -> dict[str, date]:
    """Moved rounds with the recruiter screen on screen (None: on the interview day); the other
    rounds keep their days."""
    rounds = dict(round_dates)
    rounds.pop(SCREEN, None)
    if screen is not None:
        rounds[SCREEN] = screen
    return rounds
