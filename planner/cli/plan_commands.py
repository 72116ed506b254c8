"""Interviews, the daily budget, the plan, and checking work off."""

from datetime import date, datetime, timezone
from pathlib import Path

import click

from planner.budget import MAX_DAILY_MINUTES, updated_budget
from planner.agenda import days_until
from planner.catalog import find_round, load_catalog
from planner.agenda_view import day_label, task_line
from planner.cli.common import ROW_ID, db_option, emit_json, json_option, open_store, write_file
from planner.dates import parse_date, today
from planner.errors import UserError
from planner.planning import remove_interview, replan, save_budget, save_interview
from planner.model import WEEKDAYS, Interview
from planner.schedule import Plan

MAX_DAYS_AHEAD = 2 * 366

def _future_date(text: str, what: str) -> date:
    day = parse_date(text, today())
    if day < today():
        raise UserError(f"{what} {text!r} reads as {day}, which is in the past; try e.g. 'next friday' or 'in 3 weeks'")
    if (day - today()).days > MAX_DAYS_AHEAD:
        raise UserError(f"{what} {text!r} reads as {day}; planner plans up to two years ahead")
    return day


def _round_dates(pairs: tuple[str, ...]) -> tuple[tuple[str, date], ...]:
    found = {}
    for pair in pairs:
        slug, sep, when = pair.partition("=")
        if not sep or not when.strip():
            raise UserError(f"--round takes ROUND=WHEN, e.g. --round recruiter-screen='next monday', not {pair!r}")
        found[find_round(slug).slug] = _future_date(when, f"the {slug.strip()} date")
    return tuple(sorted(found.items()))


def _describe(interview: Interview) -> str:
    role = f" ({interview.role})" if interview.role else ""
    text = f"{interview.company}{role} on {day_label(interview.date)}, {days_until((interview.date - today()).days)}"
    for slug, held in interview.round_dates:
        text += f"; {load_catalog().round(slug).name} on {day_label(held)}"
    return text


def _report(plan: Plan) -> None:
    if not plan.tasks:
        click.echo("No study days left before the interviews: nothing planned.")
        return
    days = len({t.due for t in plan.tasks})
    minutes = sum(t.minutes for t in plan.tasks)
    click.echo(f"Plan: {len(plan.tasks)} tasks, {minutes:,} minutes over {days} study days. See it: planner plan --week")
    _report_shortfall(plan.short_minutes, plan.left_out)


def _report_shortfall(short_minutes: int, left_out) -> None:
    if short_minutes:
        click.echo(f"Not enough time for everything: {short_minutes:,} minutes short. Left out:")
        for line in left_out:
            click.echo(f"  - {line}")
        click.echo("More minutes a day (planner config set budget 90) or fewer days off would fit more in.")


@click.group()
def interview():
    """The interviews you are preparing for."""


@interview.command(name="add")
@click.argument("company")
@click.option("--date", "when", required=True, help="When, e.g. 'next friday', 'in 3 weeks', 'Dec 12'.")
@click.option("--role", help="The role, e.g. 'ML Engineer'.")
@click.option("--round", "rounds", multiple=True, metavar="ROUND=WHEN",
              help="A round on another day, e.g. --round recruiter-screen='next monday'. Repeatable.")
@db_option
def interview_add(company: str, when: str, role: str | None, rounds: tuple[str, ...]):
    """Add an interview; the plan is laid out again up to it."""
    company = company.strip()
    if not company:
        raise UserError("give the company's name, e.g. planner interview add Acme --date 'next friday'")
    new = Interview(0, company, _future_date(when, "the date"), (role or "").strip() or None, _round_dates(rounds))
    with open_store() as store:
        interview_id, plan = save_interview(store, new, today())
    click.echo(f"Added interview {interview_id}: {_describe(new)}.")
    _report(plan)


@interview.command(name="list")
@json_option
@db_option
def interview_list(as_json: bool):
    """The interviews, soonest first."""
    with open_store() as store:
        interviews = store.interviews()
    if as_json:
        emit_json([
            {
                "id": i.id,
                "company": i.company,
                "role": i.role,
                "date": i.date.isoformat(),
                "days_left": (i.date - today()).days,
                "rounds": {r.slug: i.round_date(r.slug).isoformat() for r in load_catalog().rounds},
            }
            for i in interviews
        ])
        return
    if not interviews:
        click.echo('No interviews yet: planner interview add Acme --date "in 3 weeks"')
    for i in interviews:
        click.echo(f"{i.id:>3}  {_describe(i)}")


@interview.command(name="edit")
@click.argument("interview_id", type=ROW_ID, metavar="ID")
@click.option("--company", help="A new company name.")
@click.option("--date", "when", help="A new date.")
@click.option("--role", help="A new role.")
@click.option("--round", "rounds", multiple=True, metavar="ROUND=WHEN", help="Move one round to another day.")
@db_option
def interview_edit(interview_id: int, company: str | None, when: str | None, role: str | None, rounds: tuple[str, ...]):
    """Change an interview; the plan from today on is laid out again, done work is kept."""
    if company is None and when is None and role is None and not rounds:
        raise UserError("nothing to change: give --company, --date, --role or --round")
    if company is not None and not company.strip():
        raise UserError("the company's name cannot be blank")
    new_date = _future_date(when, "the date") if when else None
    moved = _round_dates(rounds)
    with open_store() as store:
        current = store.interview(interview_id)
        changed = Interview(
            interview_id,
            company.strip() if company else current.company,
            new_date or current.date,
            (role.strip() or None) if role is not None else current.role,
            tuple(sorted((dict(current.round_dates) | dict(moved)).items())),
        )
        _, plan = save_interview(store, changed, today())
    click.echo(f"Updated interview {interview_id}: {_describe(changed)}.")
    _report(plan)


@interview.command(name="rm")
@click.argument("interview_id", type=ROW_ID, metavar="ID")
@click.option("--yes", is_flag=True, help="Remove without asking.")
@db_option
def interview_rm(interview_id: int, yes: bool):
    """Remove an interview and the tasks planned for it (work done stays in the log)."""
    with open_store() as store:
        doomed = store.interview(interview_id)
        if not yes and not click.confirm(f"Remove the {doomed.company} interview and its planned tasks?", default=False):
            raise UserError("not removed")
        remove_interview(store, interview_id, today())
    click.echo(f"Removed interview {interview_id}: {doomed.company}.")


@click.group()
def config():
    """Your study time: minutes a day, days off."""


@config.command(name="set")
@click.argument("key")
@click.argument("value")
@db_option
def config_set(key: str, value: str):
    """Set KEY to VALUE; the plan from today on is laid out again. Keys: budget, budget.<day>, days-off, dates-off."""
    with open_store() as store:
        settings = updated_budget(store.setting("budget", {}), key.strip().lower(), value, today())
        plan = save_budget(store, settings, today())
    click.echo(f"Set {key} to {value}.")
    if plan.tasks:
        _report(plan)


@config.command(name="show")
@json_option
@db_option
def config_show(as_json: bool):
    """The settings in force."""
    with open_store() as store:
        budget = store.budget()
    week = {day: budget.minutes_on_weekday(number) for number, day in enumerate(WEEKDAYS)}
    if as_json:
        emit_json({"budget": budget.daily, "week": week, "dates_off": sorted(d.isoformat() for d in budget.dates_off)})
        return
    click.echo(f"budget     {budget.daily} minutes a day")
    click.echo("week       " + "  ".join(f"{day} {minutes or 'off'}" for day, minutes in week.items()))
    click.echo("dates-off  " + (", ".join(sorted(d.isoformat() for d in budget.dates_off)) or "none"))


@click.command()
@click.argument("entry_id", type=ROW_ID, metavar="ID")
@click.option("--minutes", type=click.IntRange(1, MAX_DAILY_MINUTES), help="The time it really took.")
@db_option
def done(entry_id: int, minutes: int | None):
    """Check a task off (its id is in the agenda)."""
    with open_store() as store:
        entry = store.set_status(entry_id, "done", minutes=minutes, on=today())
    click.echo(f"Done: {entry.title[:70]} ({minutes or entry.minutes} min).")


@click.command()
@click.argument("entry_id", type=ROW_ID, metavar="ID")
@db_option
def skip(entry_id: int):
    """Skip a task: it will not be planned again."""
    with open_store() as store:
        entry = store.set_status(entry_id, "skipped", minutes=None, on=today())
    click.echo(f"Skipped: {entry.title[:70]}.")


@click.command()
@click.option("--week", is_flag=True, help="Only the next seven days.")
@click.option("--rebalance", is_flag=True, help="Spread overdue work over the days left.")
@click.option("--ics", "ics_file", type=click.Path(path_type=Path, dir_okay=False), help="Write the plan to a calendar file.")
@json_option
@db_option
def plan(week: bool, rebalance: bool, ics_file: Path | None, as_json: bool):
    """The whole plan by day, with what did not fit."""
    start = today()
    with open_store() as store:
        if rebalance:
            _report(replan(store, start, rebalance=True))
        entries = store.entries("status = 'planned' OR due >= ?", (start.isoformat(),))
        interviews = store.interviews()
        budget = store.budget()
        report = store.setting("plan_report", {"short_minutes": 0, "left_out": []})
    if week:
        entries = [e for e in entries if (e.due - start).days < 7]
    if ics_file:
        from planner.ics import plan_calendar

        names = {r.slug: r.name for r in load_catalog().rounds}
        write_file(ics_file, plan_calendar(entries, interviews, names, datetime.now(timezone.utc)))
        click.echo(f"Wrote {len({e.due for e in entries if e.status == 'planned'})} study days to {ics_file}")
        return
    days: dict[date, list] = {}
    for entry in entries:
        days.setdefault(max(entry.due, start) if entry.status == "planned" else entry.due, []).append(entry)
    if as_json:
        emit_json({
            "days": [
                {
                    "date": day.isoformat(),
                    "budget_minutes": budget.minutes_on(day),
                    "tasks": [
                        {"id": e.id, "round": e.round, "kind": e.kind, "title": e.title, "minutes": e.minutes,
                         "due": e.due.isoformat(), "status": e.status, "overdue": e.due < start and e.status == "planned"}
                        for e in tasks
                    ],
                }
                for day, tasks in sorted(days.items())
            ],
            "short_minutes": report["short_minutes"],
            "left_out": report["left_out"],
        })
        return
    if not days:
        click.echo('Nothing planned. Add an interview: planner interview add Acme --date "in 3 weeks"')
        return
    for day, tasks in sorted(days.items()):
        planned = sum(e.minutes for e in tasks if e.status != "skipped")
        click.echo(click.style(f"{day_label(day)}", bold=True) + f"  {planned}/{budget.minutes_on(day)} min")
        for e in tasks:
            click.echo(task_line(e, e.due < start and e.status == "planned"))
    if not week:
        _report_shortfall(report["short_minutes"], report["left_out"])
