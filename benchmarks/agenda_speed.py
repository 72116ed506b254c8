"""How long `planner agenda` takes next to `python -c "import sqlite3"`, the floor for any Python tool.

    python benchmarks/agenda_speed.py [RUNS]

Sets up three interviews with 180 days of plan in a temporary database, then times both commands
as fresh processes, alternating, and prints the medians and their ratio.
"""

import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.append(str(Path(__file__).resolve().parent.parent))

from benchmarks.side_by_side import compare, planner_command  # noqa: E402


def main(runs: int) -> None:
    planner = planner_command()
    with tempfile.TemporaryDirectory() as folder:
        env = {**os.environ, "PLANNER_DB": str(Path(folder) / "planner.db")}
        for company, when in (("Acme", "in 30 days"), ("Globex", "in 90 days"), ("Initech", "in 180 days")):
            subprocess.run(
                [*planner, "interview", "add", company, "--date", when], env=env, check=True, stdout=subprocess.DEVNULL
            )
        subprocess.run([*planner, "agenda"], env=env, check=True, stdout=subprocess.DEVNULL)  # warm the disk cache
        compare(
            ("python -c 'import sqlite3'", [sys.executable, "-c", "import sqlite3"]),
            ("planner agenda", [*planner, "agenda"]),
            runs,
            env,
            goal=3,
        )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 30)
