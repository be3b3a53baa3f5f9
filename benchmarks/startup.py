"""Wall-clock time of whole `hengelo-scenario` processes, as an analyst experiences them.

Each command runs `--repeat` times (after one warm-up run that fills the OS file cache and the baseline cache),
the commands taking turns so that a busy machine slows them all alike; the script prints the minimum and median
wall time per command, next to the floor measured in the same run: a bare `python -c "import numpy, openpyxl"`.
Targets (issue 7): `run jeugd_hoog.yaml` within 1.5 x that floor, `--help` under 0.2 s, on a 2-core machine.

    python benchmarks/startup.py [--repeat 10]
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time

CLI = shutil.which("hengelo-scenario") or "hengelo-scenario"

FLOOR = "python -c 'import numpy, openpyxl' (floor)"
# (label, argv, target): a number is seconds; a string "1.5x" is a multiple of the floor's median.
COMMANDS: list[tuple[str, list[str], float | str | None]] = [
    (FLOOR, [sys.executable, "-c", "import numpy, openpyxl"], None),
    ("hengelo-scenario --help", [CLI, "--help"], 0.2),
    ("hengelo-scenario run jeugd_hoog.yaml", [CLI, "run", "jeugd_hoog.yaml"], "1.5x"),
    ("hengelo-scenario run combinatie.yaml --format json", [CLI, "run", "combinatie.yaml", "--format", "json"], "1.5x"),
    ("hengelo-scenario baseline show", [CLI, "baseline", "show"], None),
]


def run_once(argv: list[str]) -> float:
    env = dict(os.environ, NO_COLOR="1")
    start = time.perf_counter()
    subprocess.run(argv, check=True, capture_output=True, env=env)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    times: dict[str, list[float]] = {label: [] for label, _, _ in COMMANDS}
    for _, argv, _ in COMMANDS:
        run_once(argv)  # warm-up: OS file cache, baseline cache
    for _ in range(args.repeat):
        for label, argv, _ in COMMANDS:
            times[label].append(run_once(argv))
    floor = statistics.median(times[FLOOR])
    floor_best = min(times[FLOOR])
    # x floor: median over median (the verdict); best x: minimum over minimum, the least disturbed runs, for a
    # machine shared with other work (timeit's advice), shown beside it
    print(f"{'command':<55} {'min':>8} {'median':>8} {'x floor':>8} {'best x':>7} {'target':>12}")
    failed = False
    for label, _, target in COMMANDS:
        best, median = min(times[label]), statistics.median(times[label])
        verdict = ""
        if isinstance(target, str):
            factor = float(target.rstrip("x"))
            verdict = f"{target} " + ("ok" if median <= factor * floor else "MISSED")
            failed |= median > factor * floor
        elif target is not None:
            verdict = f"{target:.1f} s " + ("ok" if median < target else "MISSED")
            failed |= median >= target
        ratios = f"{median / floor:>7.2f}x {best / floor_best:>6.2f}x"
        print(f"{label:<55} {best:>7.3f}s {median:>7.3f}s {ratios} {verdict:>12}")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
