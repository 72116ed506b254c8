"""Time from launch to the first full frame: the planner app next to a bare Textual app.

    python benchmarks/app_startup.py [RUNS]

The planner app is launched as a user does, `planner --db FILE`, on a database with 500 stories and
three interviews, and opens on Today. The bare app shows what Today shows, with nothing behind it: a
header, a table of the same day's tasks with the same columns, a line of detail and a footer. Each
run is a fresh process, headless, alternating the two; medians and their ratio print.
"""

import os
import sys
import tempfile
from pathlib import Path

sys.path.append(str(Path(__file__).resolve().parent.parent))  # an installed planner comes first

from benchmarks.side_by_side import compare, planner_command  # noqa: E402

BARE_APP = """
import sys
from textual.app import App
from textual.widgets import DataTable, Footer, Header, Static

ROWS = [tuple(row.split("|")) for row in sys.argv[1].splitlines()]

class Bare(App):
    def compose(self):
        yield Header()
        yield Static("Wednesday 25 November 2026   60 min to do, 0 done, budget 60")
        yield DataTable(cursor_type="row", zebra_stripes=True)
        yield Static(ROWS[0][4] if ROWS else "")
        yield Footer()

    def on_mount(self):
        table = self.query_one(DataTable)
        table.add_columns("", "Id", "Round", "Min", "Task", "Due")
        table.add_rows(ROWS)

Bare().run()
"""
# Both apps run headless and quit as soon as they are ready, by Textual's own switches.
FIRST_FRAME_ONLY = {
    "TEXTUAL_DRIVER": "textual.drivers.headless_driver:HeadlessDriver",
    "TEXTUAL_PRESS": "ctrl+q",
}


def seed(path: Path) -> None:
    from datetime import date, timedelta

    from planner.db.store import Store
    from planner.plan.records import Interview
    from planner.plan.replan import save_interview

    today = date.today()
    with Store.open(path) as store:
        store.add_stories(
            [
                {
                    "title": f"Story {n}",
                    "situation": "A situation. " * 10,
                    "task": "A task. " * 5,
                    "action": "What I did. " * 30,
                    "result": "What came of it. " * 8,
                    "themes": ("success", "challenge"),
                    "tags": ("tag",),
                }
                for n in range(500)
            ]
        )
        for company, days in (("Acme", 30), ("Globex", 60), ("Initech", 90)):
            save_interview(store, Interview(0, company, today + timedelta(days)), today)


def todays_rows(path: Path) -> str:
    """Today's tasks as the Today screen lists them, one row a line, cells split by |."""
    from datetime import date

    from planner.catalog.rounds import load_catalog
    from planner.db.readers import load_agenda

    agenda = load_agenda(path, date.today())
    names = {r.slug: r.name for r in load_catalog().rounds}
    tasks = agenda.tasks if agenda else ()
    return "\n".join(f" |{t.id}|{names[t.round]}|{t.minutes}|{t.title}|" for t in tasks)


def main(runs: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        database = Path(folder) / "planner.db"
        seed(database)
        compare(
            (
                "bare Textual app (Today's header, table and footer)",
                [sys.executable, "-c", BARE_APP, todays_rows(database)],
            ),
            ("planner app (500 stories, 3 interviews)", [*planner_command(), "--db", str(database)]),
            runs,
            {**os.environ, **FIRST_FRAME_ONLY},
            goal=1.25,
        )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10)
