"""Timing two commands as fresh processes, alternating, for the start-up benchmarks."""

import statistics
import subprocess
import sys
import time
from pathlib import Path


def planner_command() -> list[str]:
    """The installed `planner` next to this Python, else the package run as a module."""
    installed = Path(sys.executable).with_name("planner")
    return [str(installed)] if installed.exists() else [sys.executable, "-m", "planner"]


def compare(reference: tuple[str, list[str]], ours: tuple[str, list[str]], runs: int, env: dict, goal: float) -> None:
    """Run both commands `runs` times each, alternating, and print their medians and ratio."""
    timings: dict[str, list[float]] = {reference[0]: [], ours[0]: []}
    for _ in range(runs):
        for label, command in (reference, ours):
            start = time.perf_counter()
            subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            timings[label].append(time.perf_counter() - start)
    width = max(len(label) for label in timings)
    medians = {label: statistics.median(values) for label, values in timings.items()}
    for label, median in medians.items():
        print(f"{label:<{width}}  median {median * 1000:.1f} ms over {runs} runs")
    print(f"ratio: {medians[ours[0]] / medians[reference[0]]:.2f}x (the goal is at most {goal}x)")
