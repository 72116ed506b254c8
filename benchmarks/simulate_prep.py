"""Several candidates living through six to eight weeks of prep, with misses and edits, and the
figures that say whether the plan holds.

    python benchmarks/simulate_prep.py [CANDIDATES]

Each candidate (seeded, so runs repeat) has one to three interviews three to eight weeks out, a
daily budget with a weekend difference, days missed at random, work done at their own pace, and
now and then an interview moved or added or the budget changed; then the same candidates again,
doing every day's work. Each day starts as a user's does:
the plan catches up, the agenda is read, work is checked off. Printed per candidate and in total:
- ids changed: a task id whose work changed, or work that changed id while it existed (want 0);
- reviews lost: reviews of a studied concept that vanished while its round was ahead (want 0);
- mocks in window: mocks planned within their window before the round, of all planned (want 100%);
- last 3 weeks used: the share of the budget planned in the three weeks before each interview;
- agenda over budget: the most minutes a morning agenda held beyond the day's budget (want 0);
- fresh on the day: the share of studied concepts predicted at 90% recall or more on the day;
- recall on the day: the mean predicted recall of the studied concepts on each interview's day, with
  the reviews the plan set (after the candidate's own ratings), and with the fixed reviews after 1,
  3 and 7 days that planner used before, for the same concepts studied on the same days.
"""

import random
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

sys.path.append(str(Path(__file__).resolve().parent.parent))  # an installed planner comes first

from planner.db.readers import read_agenda  # noqa: E402
from planner.db.store import Store  # noqa: E402
from planner.plan.memory import recall_on, reviewed  # noqa: E402
from planner.plan.records import Interview  # noqa: E402
from planner.plan.replan import catch_up, change_budget, mark, save_interview  # noqa: E402
from planner.plan.scheduler import MOCK_WINDOW_DAYS  # noqa: E402

START = date(2026, 11, 23)


def live(seed: int, folder: Path, follows: bool = False) -> dict[str, float]:
    """One candidate's weeks; with follows, one who does every day's work and misses no day."""
    rng = random.Random(seed)
    path = folder / f"candidate-{seed}{'-follows' if follows else ''}.db"
    ids: dict[int, str] = {}
    id_of: dict[str, int] = {}
    figures = {"ids_changed": 0, "reviews_lost": 0, "mocks": 0, "mocks_in_window": 0, "over_budget": 0}
    recall_planned: list[float] = []
    recall_fixed: list[float] = []
    reviews_planned: list[int] = []
    reviews_fixed: list[int] = []
    first_studied: dict[str, date] = {}
    planned_last_weeks = budget_last_weeks = 0
    miss_rate, pace = rng.uniform(0.1, 0.4), rng.uniform(0.6, 1.0)
    if follows:
        miss_rate, pace = 0.0, 1.0
    with Store.open(path) as store:
        change_budget(store, {"budget": str(rng.choice([45, 60, 90, 120])), "weekdays": "sat=150,sun=30"}, START)
        for number in range(rng.randint(1, 3)):
            weeks = rng.randint(3, 8)
            screen = (("recruiter-screen", START + timedelta(rng.randint(4, 10))),) if rng.random() < 0.6 else ()
            save_interview(store, Interview(0, f"Co{number}", START + timedelta(weeks * 7), None, screen), START)
        last = max(i.day for i in store.interviews())
        reviews_seen: set[str] = set()
        for offset in range((last - START).days + 1):
            today = START + timedelta(offset)
            catch_up(store, today)
            for interview in store.interviews():
                if interview.round_date("ml-concepts") == today:
                    for question_id, (card, reviews, _) in store.memory().items():
                        if question_id in first_studied and question_id.startswith("concept-"):
                            recall_planned.append(recall_on(card, today))
                            recall_fixed.append(_fixed_spacing_recall(first_studied[question_id], today))
                            reviews_planned.append(reviews - 1)
                            reviews_fixed.append(
                                sum(first_studied[question_id] + timedelta(n) < today for n in (1, 3, 7))
                            )
            agenda = read_agenda(store.db.conn, today)
            planned = sum(t.minutes for t in agenda.tasks if t.status == "planned")
            figures["over_budget"] = max(figures["over_budget"], planned - agenda.budget_minutes)
            for task in store.tasks():
                if ids.setdefault(task.id, task.key) != task.key or id_of.get(task.key, task.id) != task.id:
                    figures["ids_changed"] += 1
                    ids[task.id] = task.key
            id_of = {t.key: t.id for t in store.tasks()}
            interviews = store.interviews()
            concept_ahead = any(i.round_date("ml-concepts") > today + timedelta(3) for i in interviews)
            keys = {t.key for t in store.tasks()}
            if concept_ahead:
                figures["reviews_lost"] += len({k for k in reviews_seen if k not in keys})
            studied = {t.key for t in store.tasks() if t.status == "done"}
            reviews_seen = {
                t.key for t in store.tasks() if t.key.partition(":review")[0] in studied and ":review" in t.key
            }
            for task in store.planned_tasks():
                if task.kind == "mock" and task.interview_id is not None:
                    held = next(i for i in interviews if i.id == task.interview_id).round_date(task.round)
                    figures["mocks"] += 1
                    figures["mocks_in_window"] += held - timedelta(MOCK_WINDOW_DAYS) <= task.due < held
            for interview in interviews:
                if 0 < (interview.day - today).days <= 21:
                    planned_last_weeks += sum(t.minutes for t in agenda.due)
                    budget_last_weeks += agenda.budget_minutes
            if rng.random() < miss_rate:
                continue  # a missed day
            todo = [t for t in agenda.tasks if t.status == "planned"]
            chosen, minutes = [], 0
            for task in todo:
                if minutes + task.minutes <= pace * agenda.budget_minutes:
                    chosen.append(task.id)
                    minutes += task.minutes
            if chosen:
                rating = rng.choices(["again", "hard", "good", "easy"], weights=[1, 2, 6, 1])[0]
                for task in mark(store, chosen, "done", today, rating=rating):
                    if task.question_id:
                        first_studied.setdefault(task.question_id, today)
            if rng.random() < 0.05:
                ahead = [i for i in interviews if i.day > today + timedelta(7)]
                if ahead:
                    moved = ahead[0]._replace(day=ahead[0].day + timedelta(rng.randint(-3, 7)), round_dates=())
                    save_interview(store, moved, today)
            if rng.random() < 0.03:
                change_budget(store, {"budget": str(rng.choice([45, 60, 90, 120]))}, today)
    figures["last_weeks_used"] = planned_last_weeks / budget_last_weeks if budget_last_weeks else float("nan")
    figures["recall_planned"] = sum(recall_planned) / len(recall_planned) if recall_planned else float("nan")
    figures["recall_fixed"] = sum(recall_fixed) / len(recall_fixed) if recall_fixed else float("nan")
    figures["reviews_planned"] = sum(reviews_planned) / len(reviews_planned) if reviews_planned else float("nan")
    figures["reviews_fixed"] = sum(reviews_fixed) / len(reviews_fixed) if reviews_fixed else float("nan")
    figures["fresh"] = sum(r >= 0.9 for r in recall_planned) / len(recall_planned) if recall_planned else float("nan")
    return figures


def _fixed_spacing_recall(studied_on: date, held: date) -> float:
    """The predicted recall on `held` of a question studied on a day and reviewed after 1, 3 and 7
    days (each rated good), as the fixed spacing planner used before would have had it."""
    card = reviewed(None, "good", studied_on)
    for after in (1, 3, 7):
        if studied_on + timedelta(after) < held:
            card = reviewed(card, "good", studied_on + timedelta(after))
    return recall_on(card, held)


def main(candidates: int) -> None:
    for follows in (False, True):
        print("Candidates who follow the plan, every day:" if follows else "Candidates as people are:")
        table(candidates, follows)
        print()


def table(candidates: int, follows: bool) -> None:
    totals: dict[str, float] = {}
    everyone = []
    with tempfile.TemporaryDirectory() as folder:
        print(f"{'candidate':<10} {'ids changed':>11} {'reviews lost':>12} {'mocks in window':>16} "
              f"{'last 3 weeks used':>18} {'agenda over budget':>19} {'fresh on the day':>17}"
              "   recall on the day (reviews each): plan / fixed 1-3-7")  # fmt: skip
        for seed in range(1, candidates + 1):
            found = live(seed, Path(folder), follows)
            everyone.append(found)
            in_window = found["mocks_in_window"] / found["mocks"] if found["mocks"] else 1.0
            print(
                f"{seed:<10} {found['ids_changed']:>11} {found['reviews_lost']:>12} {in_window:>16.0%} "
                f"{found['last_weeks_used']:>18.0%} {found['over_budget']:>15} min {found['fresh']:>17.0%}"
                f"   {found['recall_planned']:.0%} ({found['reviews_planned']:.1f})"
                f" / {found['recall_fixed']:.0%} ({found['reviews_fixed']:.1f})"
            )
            for name, value in found.items():
                totals[name] = totals.get(name, 0) + value
    in_window = totals["mocks_in_window"] / totals["mocks"] if totals["mocks"] else 1.0
    recalled = [f for f in everyone if f["recall_planned"] == f["recall_planned"]]  # those with a concept round

    def average(name: str) -> float:
        return sum(f[name] for f in recalled) / len(recalled) if recalled else float("nan")

    print(
        f"{'all':<10} {totals['ids_changed']:>11.0f} {totals['reviews_lost']:>12.0f} {in_window:>16.0%} "
        f"{totals['last_weeks_used'] / candidates:>18.0%} {totals['over_budget']:>15.0f} min {average('fresh'):>17.0%}"
        f"   {average('recall_planned'):.0%} ({average('reviews_planned'):.1f})"
        f" / {average('recall_fixed'):.0%} ({average('reviews_fixed'):.1f})"
    )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 6)
