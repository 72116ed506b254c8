"""Time from launch to the first full frame: the planner app next to a bare Textual app.

    python benchmarks/app_startup.py [RUNS]

The planner app is launched as a user does, `planner --db FILE`, on a database with 500 stories and
three interviews. The bare app is a header, a data table of 500 rows and a
footer. Each run is a fresh process, headless, alternating the two; medians and their ratio print.
"""

import os
import sys
import tempfile
from pathlib import Path

sys.path.append(str(Path(__file__).resolve().parent.parent))  # an installed planner comes first

from benchmarks.side_by_side import compare, planner_command  # noqa: E402

BARE_APP = """
from textual.app import App
from textual.widgets import DataTable, Footer, Header

class Bare(App):
    def compose(self):
        yield Header()
        yield DataTable()
        yield Footer()

    def on_mount(self):
        table = self.query_one(DataTable)
        table.add_columns("Title", "Themes", "Tags", "Words")
        table.add_rows([(f"Story {n}", "success", "tag", "120") for n in range(500)])

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


def main(runs: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        database = Path(folder) / "planner.db"
        seed(database)
        compare(
            ("bare Textual app (header, 500-row table, footer)", [sys.executable, "-c", BARE_APP]),
            ("planner app (500 stories, 3 interviews)", [*planner_command(), "--db", str(database)]),
            runs,
            {**os.environ, **FIRST_FRAME_ONLY},
            goal=1.25,
        )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10)
