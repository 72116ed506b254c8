"""The plan's use cases that both the shell and the app offer: re-planning, and the changes that call
for it (an interview saved or removed, a new budget). Each is one transaction."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from planner.catalog.rounds import load_catalog
from planner.plan.records import Interview
from planner.plan.scheduler import Plan, build_plan

if TYPE_CHECKING:  # the store pulls in sqlite-utils, which readers of a plan do not need
    from planner.db.store import Store

PLAN_REPORT = "plan_report"


def replan(store: Store, today: date, *, rebalance: bool = False) -> Plan:
    """Lay the plan out again from today, keeping done and skipped work as history.

    Overdue tasks stay where they are (the agenda shows them first) unless rebalance is asked for,
    which spreads them over the days left.
    """
    with store.transaction():
        kept = store.finished_tasks() + ([] if rebalance else store.overdue_tasks(today))
        spent_today = sum(t.minutes for t in kept if t.due == today and t.status == "done")
        plan = build_plan(
            store.interviews(),
            load_catalog(),
            store.budget(),
            today,
            done=frozenset(t.key for t in kept),
            spent_today=max(spent_today, store.minutes_logged(today)),
        )
        store.replace_plan(plan.tasks, from_day=today, drop_overdue=rebalance)
        store.save_setting(PLAN_REPORT, {"short_minutes": plan.short_minutes, "left_out": list(plan.left_out)})
    return plan


def plan_report(store: Store) -> tuple[int, list[str]]:
    """What the last re-plan could not fit: the minutes short and the work left out."""
    report = store.setting(PLAN_REPORT, {"short_minutes": 0, "left_out": []})
    return report["short_minutes"], report["left_out"]


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
