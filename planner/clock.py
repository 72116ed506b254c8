"""The day taken as today, read in one place by the shell commands and the app alike."""

import os
from datetime import date

from planner.errors import UserError
from planner.text import shown

TODAY_VAR = "PLANNER_TODAY"


def today() -> date:
    """Today, or the day PLANNER_TODAY (an ISO date) names, to live the plan as of then."""
    fixed = os.environ.get(TODAY_VAR)
    if not fixed:
        return date.today()
    try:
        return date.fromisoformat(fixed.strip())
    except ValueError:
        raise UserError(f"{TODAY_VAR} must be a date such as 2026-12-01, not {shown(fixed)}") from None
