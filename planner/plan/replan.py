"""The plan's use cases that both the shell and the app offer: laying the plan out again, the changes
that call for it (an interview saved or removed, a new budget, missed days), and checking work off.
Each is one transaction."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from planner.catalog.rounds import load_catalog
from planner.errors import UserError
from planner.plan.records import Interview, Task
from planner.plan.scheduler import CONCEPTS, Plan, build_plan

if TYPE_CHECKING:  # the store pulls in sqlite-utils, which readers of a plan do not need
    from planner.db.store import Store

PLAN_REPORT = "plan_report"
LAST_CHANGE = "last_change"


def replan(store: Store, today: date) -> Plan:
    """Lay the plan out again from today. Done and skipped work stays as history; every task still
    wanted keeps its id; work missed on earlier days is placed again from today, within the budget;
    work for a round that has passed is retired. With nothing changed, nothing changes."""
    with store.transaction():
        finished = store.finished_tasks()
        done_days = store.done_days()
        concepts = {q.id for q in load_catalog().round(CONCEPTS).questions}
        spent_today = sum(t.minutes for t in finished if t.due == today and t.status == "done")
        plan = build_plan(
            store.interviews(),
            load_catalog(),
            store.budget(),
            today,
            finished={t.key for t in finished},
            spent_today=max(spent_today, store.minutes_logged(today)),
            studied={key: day for key, day in done_days.items() if key in concepts},
        )
        store.apply_plan(plan.tasks)
        report = store.setting(PLAN_REPORT, {})
        store.save_setting(
            PLAN_REPORT,
            report | {"day": today.isoformat(), "short_minutes": plan.short_minutes, "left_out": list(plan.left_out)},
        )
    return plan


def catch_up(store: Store, today: date) -> None:
    """When work planned for earlier days was missed, lay the plan out again so that it flows
    forward within the budget, and note how much moved and where (shown by the agenda today)."""
    with store.transaction():
        missed = store.overdue_tasks(today)
        if not missed:
            return
        plan = replan(store, today)
        placed = {t.key: t.due for t in plan.tasks}
        moved = [placed[t.key] for t in missed if t.key in placed]
        store.save_setting(
            PLAN_REPORT,
            store.setting(PLAN_REPORT, {})
            | {
                "missed": {
                    "day": today.isoformat(),
                    "minutes": sum(t.minutes for t in missed if t.key in placed),
                    "to": sorted({day.isoformat() for day in moved}),
                    "dropped_minutes": sum(t.minutes for t in missed if t.key not in placed),
                }
            },
        )


def plan_report(store: Store) -> tuple[int, list[str]]:
    """What the last re-plan could not fit: the minutes short and the work left out."""
    report = store.setting(PLAN_REPORT, {})
    return report.get("short_minutes", 0), report.get("left_out", [])


def save_interview(store: Store, interview: Interview, today: date) -> tuple[int, Plan]:
    """Add (id 0) or change an interview and lay the plan out again, all or nothing."""
    with store.transaction():
        interview_id = store.save_interview(interview)
        return interview_id, replan(store, today)


def remove_interview(store: Store, interview_id: int, today: date) -> Plan:
    with store.transaction():
        store.delete_interview(interview_id)
        return replan(store, today)


def change_budget(store: Store, changes: dict[str, str], today: date) -> Plan:
    """Apply budget settings as the user typed them (key -> value, see plan/budget.py) and lay the
    plan out again, all or nothing: one bad value changes nothing."""
    from planner.plan.budget import updated_budget

    with store.transaction():
        settings: dict[str, Any] = store.setting("budget", {})
        for key, value in changes.items():
            settings = updated_budget(settings, key.strip().lower(), value, today)
        store.save_setting("budget", settings)
        return replan(store, today)


def mark(store: Store, task_ids: list[int], status: str, today: date, minutes: int | None = None) -> list[Task]:
    """Check tasks off (done, with the minutes it took) or skip them, all or none; `undo` takes the
    whole change back."""
    with store.transaction():
        before = [(task_id, *store.progress(task_id)) for task_id in dict.fromkeys(task_ids)]
        marked = [store.set_status(task_id, status, minutes=minutes, on=today) for task_id, *_ in before]
        store.save_setting(LAST_CHANGE, [[task_id, *state] for task_id, *state in before])
    return marked


def undo(store: Store) -> list[Task]:
    """Take back the last done or skip, as it was before; the change taken back cannot be taken back
    again."""
    with store.transaction():
        change = store.setting(LAST_CHANGE)
        if not change:
            raise UserError("nothing to undo: planner done and planner skip can be taken back, once each")
        restored = [
            store.set_status(task_id, status, minutes=minutes, on=date.fromisoformat(on) if on else None)
            for task_id, status, minutes, on in change
        ]
        store.save_setting(LAST_CHANGE, None)
    return restored
