"""How long `planner suggest` takes over a bank of 10,000 stories, next to `planner rounds`, the
floor for any planner command.

    python benchmarks/suggest_speed.py [RUNS]

Fills a temporary database with 10,000 stories stitched from the labeled set's stories, times the
first suggestion (which works out and keeps every story's terms), then both commands as fresh
processes, alternating, and prints the medians and their ratio. The goal, one suggestion in under a
second, is about 12 times `planner rounds` on a 2-core machine.
"""

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.append(str(Path(__file__).resolve().parent.parent))  # an installed planner comes first

from benchmarks.side_by_side import compare, planner_command  # noqa: E402
from benchmarks.suggest_eval import EVAL_SETS, large_bank  # noqa: E402
from planner.db.store import Store  # noqa: E402
from planner.stories.story import STORY_FIELDS  # noqa: E402
from tests.suggest_evaluation import load  # noqa: E402

PROMPT = "Tell me about a time you disagreed with your manager"


def main(runs: int) -> None:
    stories, _, _ = load(EVAL_SETS[0])
    with tempfile.TemporaryDirectory() as folder:
        database = Path(folder) / "planner.db"
        with Store.open(database) as store:
            store.add_stories([{name: getattr(s, name) for name in STORY_FIELDS} for s in large_bank(stories, 10_000)])
        planner = [*planner_command(), "--db", str(database)]
        start = time.perf_counter()
        subprocess.run([*planner, "suggest", PROMPT], check=True, stdout=subprocess.DEVNULL)
        print(
            f"first suggestion over 10,000 new stories (their terms worked out and kept): "
            f"{time.perf_counter() - start:.1f} s"
        )
        compare(
            ("planner rounds", [*planner, "rounds"]),
            ("planner suggest, 10,000 stories", [*planner, "suggest", PROMPT]),
            runs,
            dict(os.environ),
            goal=12,
        )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10)
