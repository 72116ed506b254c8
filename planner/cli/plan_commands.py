"""Interviews, the daily budget, the plan, and checking work off."""

from datetime import date
from pathlib import Path
from typing import Any

import click

from planner.catalog.rounds import find_round, load_catalog
from planner.cli.common import ROW_ID, db_option, emit_json, json_option, open_store, stdin_is_terminal
from planner.clock import today
from planner.errors import UserError
from planner.plan.agenda import day_label, days_until, task_json, task_line
from planner.plan.budget import CONFIG_KEYS, MAX_DAILY_MINUTES, RECALL_HELP, RECALL_KEY
from planner.plan.interviews import checked_interview, interview_date, is_held
from planner.plan.records import WEEKDAYS, Interview, Task
from planner.plan.replan import (
    catch_up,
    change_budget,
    mark,
    plan_report,
    recall_target,
    remove_interview,
    replan,
    save_interview,
    set_recall_target,
    undo,
)
from planner.plan.scheduler import Plan
from planner.text import plain, shown, terminal_width


def _round_dates(pairs: tuple[str, ...]) -> dict[str, date]:
    found = {}
    for pair in pairs:
        slug, sep, when = pair.partition("=")
        if not sep or not when.strip():
            raise UserError(f"--round takes ROUND=WHEN, e.g. --round recruiter-screen='next monday', not {shown(pair)}")
        found[find_round(slug).slug] = interview_date(when, today(), f"the {slug.strip()} date")
    return found


def interview_json(interview: Interview, day: date) -> dict[str, Any]:
    return {
        "id": interview.id,
        "company": interview.company,
        "role": interview.role,
        "date": interview.day.isoformat(),
        "days_left": (interview.day - day).days,
        "held": is_held(interview, day),
        "rounds": {r.slug: interview.round_date(r.slug).isoformat() for r in load_catalog().rounds},
    }


def _describe(interview: Interview) -> str:
    role = f" ({interview.role})" if interview.role else ""
    when = "held" if is_held(interview, today()) else days_until((interview.day - today()).days)
    text = f"{interview.company}{role} on {day_label(interview.day)}, {when}"
    for slug, held in interview.round_dates:
        text += f"; {load_catalog().round(slug).name} on {day_label(held)}"
    return text


def _report(plan: Plan, daily: int) -> None:
    if not plan.tasks:
        click.echo("No study days left before the interviews: nothing planned.")
        return
    days = len({t.due for t in plan.tasks})
    minutes = sum(t.minutes for t in plan.tasks)
    click.echo(
        f"Plan: {len(plan.tasks)} tasks, {minutes:,} minutes over {days} study days. See it: planner plan --week"
    )
    _report_shortfall(plan.short_minutes, plan.left_out, daily)


def _report_shortfall(short_minutes: int, left_out: tuple[str, ...] | list[str], daily: int) -> None:
    if short_minutes:
        click.echo(f"Not enough time for everything: {short_minutes:,} minutes short. Left out:")
        for line in left_out:
            click.echo(f"  - {line}")
        more = (daily // 30 + 1) * 30  # the next half hour up from today's budget
        click.echo(
            f"More minutes a day (it is {daily}: planner config set budget {more}) or fewer days off would fit more in."
        )


@click.group()
def interview() -> None:
    """The interviews you are preparing for."""


@interview.command(name="add")
@click.argument("company")
@click.option("--date", "when", required=True, help="When, e.g. 'next friday', 'in 3 weeks', 'Dec 12'.")
@click.option("--role", help="The role, e.g. 'ML Engineer'.")
@click.option(
    "--round",
    "rounds",
    multiple=True,
    metavar="ROUND=WHEN",
    help="A round on another day, e.g. --round recruiter-screen='next monday'. Repeatable.",
)
@db_option
def interview_add(company: str, when: str, role: str | None, rounds: tuple[str, ...]) -> None:
    """Add an interview; the plan is laid out again up to it."""
    new = checked_interview(0, company, interview_date(when, today()), role, _round_dates(rounds).items())
    with open_store() as store:
        interview_id, plan = save_interview(store, new, today())
        daily = store.budget().daily
    click.echo(f"Added interview {interview_id}: {_describe(new)}.")
    _report(plan, daily)


@interview.command(name="list")
@json_option
@db_option
def interview_list(as_json: bool) -> None:
    """The interviews, soonest first."""
    with open_store() as store:
        interviews = store.interviews()
    if as_json:
        emit_json([interview_json(i, today()) for i in interviews])
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
def interview_edit(
    interview_id: int, company: str | None, when: str | None, role: str | None, rounds: tuple[str, ...]
) -> None:
    """Change an interview; the plan from today on is laid out again, done work is kept."""
    if company is None and when is None and role is None and not rounds:
        raise UserError("nothing to change: give --company, --date, --role or --round")
    new_day = interview_date(when, today()) if when else None
    moved = _round_dates(rounds)
    with open_store() as store:
        current = store.interview(interview_id)
        changed = checked_interview(
            interview_id,
            current.company if company is None else company,
            new_day or current.day,
            current.role if role is None else role,
            (dict(current.round_dates) | moved).items(),
        )
        _, plan = save_interview(store, changed, today())
        daily = store.budget().daily
    click.echo(f"Updated interview {interview_id}: {_describe(changed)}.")
    _report(plan, daily)


@interview.command(name="rm")
@click.argument("interview_id", type=ROW_ID, metavar="ID")
@click.option("--yes", is_flag=True, help="Remove without asking.")
@db_option
def interview_rm(interview_id: int, yes: bool) -> None:
    """Remove an interview and the tasks planned for it (work done stays in the log)."""
    with open_store() as store:
        doomed = store.interview(interview_id)
        question = f"Remove the {doomed.company} interview and its planned tasks?"
        if not yes and not click.confirm(question, default=False):
            raise UserError("not removed")
        remove_interview(store, interview_id, today())
    click.echo(f"Removed interview {interview_id}: {doomed.company}.")


@click.group()
def config() -> None:
    """Your study time: minutes a day, days off."""


def _config_help() -> str:
    """The help of `config set`, from the one list of keys."""
    keys = {**CONFIG_KEYS, RECALL_KEY: RECALL_HELP}
    return "Set KEY to VALUE; the plan from today on is laid out again. Keys:\n\n\b\n" + "\n".join(
        f"  {name:<14} {meaning}" for name, meaning in keys.items()
    )


@config.command(name="set", help=_config_help())
@click.argument("key")
@click.argument("value")
@db_option
def config_set(key: str, value: str) -> None:
    with open_store() as store:
        if key.strip().lower() == RECALL_KEY:
            plan = set_recall_target(store, value, today())
        else:
            plan = change_budget(store, {key: value}, today())
        daily = store.budget().daily
    click.echo(f"Set {key} to {value}.")
    if plan.tasks:
        _report(plan, daily)


@config.command(name="show")
@json_option
@db_option
def config_show(as_json: bool) -> None:
    """The settings in force."""
    with open_store() as store:
        budget = store.budget()
        recall = recall_target(store)
    week = {day: budget.minutes_on_weekday(number) for number, day in enumerate(WEEKDAYS)}
    dates_off = sorted(d.isoformat() for d in budget.dates_off)
    if as_json:
        emit_json({"budget": budget.daily, "week": week, "dates_off": dates_off, "recall": recall})
        return
    click.echo(f"budget     {budget.daily} minutes a day")
    click.echo("week       " + "  ".join(f"{day} {minutes or 'off'}" for day, minutes in week.items()))
    click.echo("dates-off  " + (", ".join(dates_off) or "none"))
    click.echo(f"recall     {recall:.0%} on the day, what reviews aim at")


@click.command()
@click.argument("task_ids", type=ROW_ID, metavar="ID...", nargs=-1, required=True)
@click.option("--minutes", type=click.IntRange(1, MAX_DAILY_MINUTES), help="The time it really took (one task).")
@click.option(
    "--rating",
    type=click.Choice(["again", "hard", "good", "easy"]),
    default="good",
    show_default=True,
    help="How well you knew it: again (not at all), hard, good, easy. Sets when it comes back.",
)
@click.option("--score", type=click.IntRange(1, 5), help="For a mock: how it went, 1 (poorly) to 5 (as on a good day).")
@click.option("--note", help="What to remember of it, kept in the practice log (planner log).")
@db_option
def done(task_ids: tuple[int, ...], minutes: int | None, rating: str, score: int | None, note: str | None) -> None:
    """Check tasks off (their ids are in the agenda): planner done 3 4 5. planner undo takes it back.

    A question you rate comes back when the memory model says you are about to forget it, and
    once more before its round if it would not be fresh on the day."""
    if (minutes or score or note) and len(task_ids) > 1:
        raise UserError("--minutes, --score and --note are about one task: give one ID with them")
    note = plain(note, "the note").strip() or None if note is not None else None
    with open_store() as store:
        for task in mark(store, list(task_ids), "done", today(), minutes, rating, score, note):
            click.echo(f"Done: {task.title[:70]} ({minutes or task.minutes} min).")


@click.command()
@click.argument("task_ids", type=ROW_ID, metavar="ID...", nargs=-1, required=True)
@db_option
def skip(task_ids: tuple[int, ...]) -> None:
    """Skip tasks: they will not be planned again. planner undo takes it back."""
    with open_store() as store:
        for task in mark(store, list(task_ids), "skipped", today()):
            click.echo(f"Skipped: {task.title[:70]}.")


@click.command(name="undo")
@db_option
def undo_command() -> None:
    """Take back the last planner done or planner skip."""
    with open_store() as store:
        for task in undo(store, today()):
            click.echo(f"Back to {task.status}: {task.title[:70]}.")


@click.command()
@click.option("--week", is_flag=True, help="Only the next seven days.")
@click.option("--rebalance", is_flag=True, help="Lay the plan out again now (missed work moves forward on its own).")
@click.option(
    "--ics",
    "ics_file",
    help="Write the plan to a calendar file (- for standard output).",
)
@click.option("--force", is_flag=True, help="Replace the calendar file if it exists.")
@json_option
@db_option
def plan(week: bool, rebalance: bool, ics_file: str | None, force: bool, as_json: bool) -> None:
    """The whole plan by day, with what did not fit."""
    from planner.exports import calendar_document, export_calendar

    start = today()
    with open_store() as store:
        if rebalance:
            _report(replan(store, start), store.budget().daily)
        elif not store.read_only:
            catch_up(store, start)
        if ics_file == "-":
            click.echo(calendar_document(store, start, days=7 if week else None)[0], nl=False)
            return
        if ics_file:
            study_days = export_calendar(store, Path(ics_file), start, days=7 if week else None, replace=force)
            click.echo(f"Wrote {study_days} study days to {ics_file}")
            return
        tasks = store.tasks_from(start)
        budget = store.budget()
        short_minutes, left_out = plan_report(store)
    if week:
        tasks = [t for t in tasks if (t.due - start).days < 7]
    width = terminal_width()
    days: dict[date, list[Task]] = {}
    for task in tasks:
        days.setdefault(max(task.due, start) if task.status == "planned" else task.due, []).append(task)
    if as_json:
        emit_json(
            {
                "days": [
                    {
                        "date": day.isoformat(),
                        "budget_minutes": budget.minutes_on(day),
                        "tasks": [task_json(t, start) for t in on_day],
                    }
                    for day, on_day in sorted(days.items())
                ],
                "short_minutes": short_minutes,
                "left_out": left_out,
            }
        )
        return
    if not days:
        click.echo('Nothing planned. Add an interview: planner interview add Acme --date "in 3 weeks"')
        return
    for day, on_day in sorted(days.items()):
        planned = sum(t.minutes for t in on_day if t.status != "skipped")
        click.echo(click.style(f"{day_label(day)}", bold=True) + f"  {planned}/{budget.minutes_on(day)} min")
        for t in on_day:
            click.echo(task_line(t, start, width))
    if not week:
        _report_shortfall(short_minutes, left_out, budget.daily)


@click.command(name="readiness")
@json_option
@db_option
def readiness_command(as_json: bool) -> None:
    """How ready you are for each round: questions studied, what you would recall on the day (now,
    and if you follow the plan), mocks and minutes."""
    from planner.plan.readiness import readiness

    with open_store() as store:
        found = readiness(store, today())
    if as_json:
        emit_json([interview.to_json() for interview in found])
        return
    if not found:
        click.echo('No interviews ahead: planner interview add Acme --date "in 3 weeks"')
    for interview in found:
        click.echo(click.style(f"{interview.interview.company}, {day_label(interview.interview.day)}", bold=True))
        click.echo(f"  {'round':<18} {'studied':>7} {'recall':>7} {'if followed':>11} {'mocks':>6} {'minutes':>12}")
        for r in interview.rounds:
            recall = "-" if r.recall is None else f"{r.recall:.0%}"
            followed = "-" if r.recall_if_followed is None else f"{r.recall_if_followed:.0%}"
            mocks = f"{r.mocks_done}/{r.mocks_done + r.mocks_planned}"
            minutes = f"{r.minutes_done}/{r.minutes_done + r.minutes_planned}"
            click.echo(f"  {r.name:<18} {r.coverage:>7.0%} {recall:>7} {followed:>11} {mocks:>6} {minutes:>12}")
        click.echo(f"  {interview.advice()}")


@click.command(name="log")
@json_option
@db_option
def log_command(as_json: bool) -> None:
    """Everything you have done, oldest first: when, how long, your rating or mock score, your note."""
    with open_store() as store:
        entries = store.practice_log()
    if as_json:
        emit_json(entries)
        return
    if not entries:
        click.echo("Nothing logged yet: planner done ID checks a task off.")
    for entry in entries:
        how = entry["rating"] or (f"scored {entry['score']}/5" if entry["score"] else "")
        title = (entry["title"] or entry["round"])[:60]
        click.echo(f"{entry['date']}  {entry['minutes']:>3}m  {how:<10} {title}")
        if entry["note"]:
            click.echo(f"{'':>17}{entry['note']}")


@click.command(name="study")
@db_option
def study_command() -> None:
    """Walk today's tasks one by one: answer aloud or on paper, see the outline, rate yourself."""
    from planner.catalog.rounds import answer_outline
    from planner.cli.common import wrap

    if not stdin_is_terminal():
        raise UserError("planner study asks you questions: run it in a terminal (or use planner done ID --rating)")
    with open_store() as store:
        catch_up(store, today())
        tasks = [t for t in store.planned_tasks() if t.due <= today()]
    if not tasks:
        click.echo("Nothing left to study today.")
        return
    choices = {"a": "again", "h": "hard", "g": "good", "e": "easy"}
    for number, task in enumerate(tasks, start=1):
        click.echo(click.style(f"\n{number}/{len(tasks)}  [{task.id}] {task.minutes} min", bold=True))
        click.echo(wrap(task.title))
        click.prompt("Answer it aloud or on paper, then press Enter for the outline", default="", show_default=False)
        for line in answer_outline(task.round, task.question_id).splitlines():
            click.echo(wrap(line, "  "))
        answer = click.prompt(
            "How did it go? a(gain) h(ard) g(ood) e(asy), s(kip), q(uit)",
            type=click.Choice([*choices, "s", "q"]),
            default="g",
        )
        if answer == "q":
            return
        with open_store() as store:
            if answer == "s":
                mark(store, [task.id], "skipped", today())
            else:
                mark(store, [task.id], "done", today(), rating=choices[answer])
        click.echo(f"{'Skipped' if answer == 's' else 'Done, ' + choices[answer]}. planner undo takes it back.")
