"""How long checking a task off takes, plan laid out again included, next to a plain shell command.

    python benchmarks/replan_speed.py [RUNS]

Sets up two interviews and six stories in a temporary database, then times `planner done 1`
followed by `planner undo` (each lays the plan out again, the behavioral tasks ranked against the
story bank) next to `planner rounds` run twice (two commands that start the same way and read the
question banks, but plan nothing), as fresh processes, alternating.
"""

import os
import shlex
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.append(str(Path(__file__).resolve().parent.parent))

from benchmarks.side_by_side import compare, planner_command  # noqa: E402


def main(runs: int) -> None:
    planner = shlex.join(planner_command())
    with tempfile.TemporaryDirectory() as folder:
        env = {**os.environ, "PLANNER_DB": str(Path(folder) / "planner.db")}

        def run(*args: str) -> None:
            subprocess.run([*planner_command(), *args], env=env, check=True, stdout=subprocess.DEVNULL)

        run("interview", "add", "Acme", "--date", "in 3 weeks")
        run("interview", "add", "Globex", "--date", "in 6 weeks")
        for number in range(6):
            run(
                "story", "add", "--title", f"Story {number}", "--theme", "success",
                "--situation", "We had a launch deadline.", "--action", "I led the team to ship the ranking model.",
                "--result", "CTR rose 4%.",
            )  # fmt: skip
        compare(
            ("planner rounds, twice", ["sh", "-c", f"{planner} rounds && {planner} rounds"]),
            ("planner done 1, then undo", ["sh", "-c", f"{planner} done 1 && {planner} undo"]),
            runs,
            env,
            goal=2,
        )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20)
