"""The plan's use cases that both the shell and the app offer: laying the plan out again, the changes
that call for it (an interview saved or removed, a new budget, missed days), and checking work off.
Each is one transaction."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from planner.errors import UserError
from planner.plan.questions import question_bank
from planner.plan.records import Interview, Task
from planner.plan.scheduler import MEMORY_ROUNDS, Plan, build_plan
from planner.text import shown

if TYPE_CHECKING:  # the store pulls in sqlite-utils, which readers of a plan do not need
    from planner.db.store import Store

PLAN_REPORT = "plan_report"
LAST_CHANGE = "last_change"
RECALL_TARGET = "recall_target"


def replan(store: Store, today: date) -> Plan:
    """Lay the plan out again from today. Done and skipped work stays as history; every task still
    wanted keeps its id; work missed on earlier days is placed again from today, within the budget;
    work for a round that has passed is retired. With nothing changed, nothing changes."""
    with store.transaction():
        from planner.plan.memory import recall_of
        from planner.stories.prep import story_prep

        finished = store.finished_tasks()
        interviews = store.interviews()
        target = recall_target(store)
        memory = {
            qid: recall_of(card, reviews, rating, target) for qid, (card, reviews, rating) in store.memory().items()
        }
        spent_today = sum(t.minutes for t in finished if t.due == today and t.status == "done")
        plan = build_plan(
            interviews,
            question_bank(store),
            store.budget(),
            today,
            finished={t.key for t in finished},
            spent_today=max(spent_today, store.minutes_logged(today)),
            memory=memory,
            today_as_planned={t.key for t in store.planned_tasks() if t.due == today},
            stories=story_prep(store, interviews),
        )
        store.apply_plan(plan.tasks)
        report = store.setting(PLAN_REPORT, {})
        store.save_setting(
            PLAN_REPORT,
            report | {"day": today.isoformat(), "short_minutes": plan.short_minutes, "left_out": list(plan.left_out)},
        )
    return plan


def recall_target(store: Store) -> float:
    """The share of a question to recall on its round's day that reviews aim at."""
    from planner.plan.memory import TARGET_RECALL

    return float(store.setting(RECALL_TARGET, TARGET_RECALL))


def set_recall_target(store: Store, value: str, today: date) -> Plan:
    """Set the recall reviews aim at, from 0.7 to 0.97 (or as a percentage), and lay the plan out again."""
    try:
        target = float(value.strip().rstrip("%"))
    except ValueError:
        raise UserError(f"give the recall to aim at as a share, e.g. 0.9 or 90%, not {shown(value)}") from None
    target = target / 100 if target > 1 else target
    if not 0.7 <= target <= 0.97:
        raise UserError("aim the reviews at a recall from 0.7 to 0.97 (70% to 97%)")
    with store.transaction():
        store.save_setting(RECALL_TARGET, target)
        return replan(store, today)


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


def mark(
    store: Store,
    task_ids: list[int],
    status: str,
    today: date,
    minutes: int | None = None,
    rating: str = "good",
    score: int | None = None,
    note: str | None = None,
) -> list[Task]:
    """Check tasks off (done, with the minutes it took, and for a question, how well it went:
    again, hard, good or easy) or skip them, all or none; `undo` takes the whole change back."""
    from planner.plan.memory import RATINGS, reviewed

    if rating not in RATINGS:
        raise UserError(f"rate a question again, hard, good or easy, not {rating!r}")
    with store.transaction():
        memory = store.memory()
        change = []
        marked = []
        for task_id in dict.fromkeys(task_ids):
            if store.task(task_id).status == status:
                verb = "done" if status == "done" else "skipped"
                raise UserError(
                    f"task {task_id} is {verb} already; nothing was changed (planner undo takes back the last)"
                )
            state = store.progress(task_id)
            task = store.set_status(task_id, status, minutes=minutes, on=today, score=score, note=note)
            rated = status == "done" and task.question_id is not None and task.round in MEMORY_ROUNDS
            before = memory.get(task.question_id) if task.question_id else None
            if rated and task.question_id:
                card = reviewed(before[0] if before else None, rating, today)
                memory[task.question_id] = (card, (before[1] if before else 0) + 1, rating)
                store.remember(task.question_id, memory[task.question_id])
                store.log_review(task.question_id, task_id, rating, today)
            change.append([task_id, *state, list(before) if before else None, rated])
            marked.append(task)
        store.save_setting(LAST_CHANGE, change)
        if any(rated for *_, rated in change):
            replan(store, today)  # the ratings decide when the questions come back
    return marked


def undo(store: Store, today: date) -> list[Task]:
    """Take back the last done or skip, as it was before, memory of the question included; the
    change taken back cannot be taken back again."""
    with store.transaction():
        change = store.setting(LAST_CHANGE)
        if not change:
            raise UserError("nothing to undo: planner done and planner skip can be taken back, once each")
        restored = []
        for task_id, status, minutes, on, score, note, memory_before, rated in reversed(change):
            day = date.fromisoformat(on) if on else None
            task = store.set_status(task_id, status, minutes=minutes, on=day, score=score, note=note)
            if rated and task.question_id:
                store.remember(task.question_id, tuple(memory_before) if memory_before else None)
                store.unlog_review(task_id)
            restored.append(task)
        store.save_setting(LAST_CHANGE, None)
        if any(rated for *_, rated in change):
            replan(store, today)
    return restored[::-1]
