"""The plan as an iCalendar file (RFC 5545): one all-day event per study day, one per interview round.

UIDs are derived from the study day, or from the interview and its rounds (not their date), so
importing a newer export updates the events in place, a moved interview included, instead of adding
copies. Study days show as free time, interviews as busy. Pure: tasks and interviews in, text out.
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


def _event(uid: str, day: date, summary: str, description: str, stamp: str, busy: bool = False) -> list[str]:
    return [
        "BEGIN:VEVENT",
        f"UID:{uid}",
        f"DTSTAMP:{stamp}",
        f"DTSTART;VALUE=DATE:{day:%Y%m%d}",
        f"DTEND;VALUE=DATE:{day + timedelta(1):%Y%m%d}",
        f"SUMMARY:{_escape(summary)}",
        f"DESCRIPTION:{_escape(description)}",
        f"TRANSP:{'OPAQUE' if busy else 'TRANSPARENT'}",
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
            slugs = [slug for slug in round_names if interview.round_date(slug) == held]
            summary = f"{interview.company} interview: {', '.join(round_names[slug] for slug in slugs)}"
            # The interview day is named by the interview alone; a day of its own by its rounds.
            uid = f"interview-{interview.id}" + ("" if held == interview.day else "-" + "-".join(slugs))
            lines += _event(f"{uid}@planner", held, summary, interview.role or "", stamp, busy=True)
    lines.append("END:VCALENDAR")
    return "".join(piece + "\r\n" for line in lines for piece in _fold(line))
