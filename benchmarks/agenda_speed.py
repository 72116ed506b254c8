"""How long `planner agenda` takes next to `python -c "import sqlite3"`, the floor for any Python tool.

    python benchmarks/agenda_speed.py [RUNS]

Sets up three interviews with 180 days of plan in a temporary database, then times both commands
as fresh processes, alternating, and prints the medians and their ratio.
"""

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def timed(command: list[str], env: dict) -> float:
    start = time.perf_counter()
    subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def main(runs: int) -> None:
    installed = Path(sys.executable).with_name("planner")
    planner = [str(installed)] if installed.exists() else [sys.executable, "-m", "planner"]
    with tempfile.TemporaryDirectory() as folder:
        env = {**os.environ, "PLANNER_DB": str(Path(folder) / "planner.db")}
        for company, when in (("Acme", "in 30 days"), ("Globex", "in 90 days"), ("Initech", "in 180 days")):
            subprocess.run([*planner, "interview", "add", company, "--date", when], env=env, check=True,
                           stdout=subprocess.DEVNULL)
        subprocess.run([*planner, "agenda"], env=env, check=True, stdout=subprocess.DEVNULL)  # warm the disk cache
        floor, agenda = [], []
        for _ in range(runs):
            floor.append(timed([sys.executable, "-c", "import sqlite3"], env))
            agenda.append(timed([*planner, "agenda"], env))
    base, ours = statistics.median(floor), statistics.median(agenda)
    print(f"python -c 'import sqlite3': median {base * 1000:.1f} ms over {runs} runs")
    print(f"planner agenda:             median {ours * 1000:.1f} ms over {runs} runs")
    print(f"ratio: {ours / base:.2f}x (the goal is at most 3x)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 30)
