"""Re-planning: the one place where the stored plan is rebuilt from the pure scheduler."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from planner.catalog import load_catalog
from planner.model import Interview
from planner.schedule import Plan, build_plan

if TYPE_CHECKING:  # the store pulls in sqlite-utils, which readers of a plan do not need
    from planner.store import Store


def replan(store: Store, today: date, *, rebalance: bool = False) -> Plan:
    """Lay the plan out again from today, keeping done and skipped work as history.

    Overdue tasks stay where they are (the agenda shows them first) unless rebalance is asked for,
    which spreads them over the days left.
    """
    kept = store.entries("status != 'planned'" if rebalance else "status != 'planned' OR due < ?",
                         () if rebalance else (today.isoformat(),))
    spent_today = sum(e.minutes for e in kept if e.due == today and e.status == "done")
    plan = build_plan(
        store.interviews(),
        load_catalog(),
        store.budget(),
        today,
        done=frozenset(e.key for e in kept),
        spent_today=max(spent_today, store.minutes_logged(today)),
    )
    with store.db.atomic():
        store.replace_plan(plan.tasks, from_day=today, drop_overdue=rebalance)
        store.save_setting("plan_report", {"short_minutes": plan.short_minutes, "left_out": list(plan.left_out)})
    return plan


def save_interview(store: Store, interview: Interview, today: date) -> tuple[int, Plan]:
    """Add (id 0) or change an interview and lay the plan out again, all or nothing."""
    with store.db.atomic():
        interview_id = store.save_interview(interview)
        return interview_id, replan(store, today)


def remove_interview(store: Store, interview_id: int, today: date) -> Plan:
    with store.db.atomic():
        store.delete_interview(interview_id)
        return replan(store, today)


def save_budget(store: Store, settings: dict, today: date) -> Plan:
    with store.db.atomic():
        store.save_setting("budget", settings)
        return replan(store, today)
