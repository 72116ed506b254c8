"""The plan as an iCalendar file (RFC 5545): one all-day event per study day, one per interview round.

UIDs are derived from the day or the interview round, so importing a newer export updates the
events in place instead of adding copies. Pure: tasks and interviews in, text out.
"""

from datetime import date, datetime, timedelta

from planner.plan.records import Interview, Task


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line: str) -> list[str]:
    """Split a content line into pieces of at most 75 octets; continuations start with a space."""
    pieces: list[str] = []
    current = ""
    for char in line:
        limit = 75 if not pieces else 74  # a continuation's leading space takes one octet
        if len((current + char).encode("utf-8")) > limit:
            pieces.append(current)
            current = char
        else:
            current += char
    pieces.append(current)
    return [pieces[0], *(" " + piece for piece in pieces[1:])]


def _event(uid: str, day: date, summary: str, description: str, stamp: str) -> list[str]:
    return [
        "BEGIN:VEVENT",
        f"UID:{uid}",
        f"DTSTAMP:{stamp}",
        f"DTSTART;VALUE=DATE:{day:%Y%m%d}",
        f"DTEND;VALUE=DATE:{day + timedelta(1):%Y%m%d}",
        f"SUMMARY:{_escape(summary)}",
        f"DESCRIPTION:{_escape(description)}",
        "TRANSP:TRANSPARENT",
        "END:VEVENT",
    ]


def plan_calendar(tasks: list[Task], interviews: list[Interview], round_names: dict[str, str], now: datetime) -> str:
    stamp = now.strftime("%Y%m%dT%H%M%SZ")
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//planner//interview prep//EN", "CALSCALE:GREGORIAN"]
    by_day: dict[date, list[Task]] = {}
    for task in tasks:
        if task.status == "planned":
            by_day.setdefault(task.due, []).append(task)
    for day, on_day in sorted(by_day.items()):
        minutes = sum(t.minutes for t in on_day)
        description = "\n".join(
            f"[{t.id}] {t.minutes} min, {round_names.get(t.round, t.round)}: {t.title}" for t in on_day
        )
        lines += _event(f"study-{day.isoformat()}@planner", day, f"Interview prep: {minutes} min", description, stamp)
    for interview in interviews:
        for held in sorted(interview.dates):
            rounds = [round_names[s] for s in round_names if interview.round_date(s) == held]
            summary = f"{interview.company} interview: {', '.join(rounds)}"
            lines += _event(
                f"interview-{interview.id}-{held.isoformat()}@planner", held, summary, interview.role or "", stamp
            )
    lines.append("END:VCALENDAR")
    return "".join(piece + "\r\n" for line in lines for piece in _fold(line))
