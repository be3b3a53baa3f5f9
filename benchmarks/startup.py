"""Wall-clock time of whole `hengelo-scenario` processes, as an analyst experiences them.

Each command runs `--repeat` times (after one warm-up run that fills the OS file cache); the script prints the
minimum and median wall time per command, next to a bare `python -c "import pandas, openpyxl"` for scale.
Targets (issue 2): `run jeugd_hoog.yaml` under 1 s, `--help` under 0.3 s, on a 2-core machine.

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

COMMANDS: list[tuple[str, list[str], float | None]] = [
    ("python -c 'import pandas, openpyxl' (reference)", [sys.executable, "-c", "import pandas, openpyxl"], None),
    ("hengelo-scenario --help", [CLI, "--help"], 0.3),
    ("hengelo-scenario run jeugd_hoog.yaml", [CLI, "run", "jeugd_hoog.yaml"], 1.0),
    ("hengelo-scenario run combinatie.yaml --format json", [CLI, "run", "combinatie.yaml", "--format", "json"], 1.0),
    ("hengelo-scenario baseline show", [CLI, "baseline", "show"], 1.0),
]


def time_command(argv: list[str], repeat: int) -> list[float]:
    env = dict(os.environ, NO_COLOR="1")
    subprocess.run(argv, check=True, capture_output=True, env=env)  # warm-up
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(argv, check=True, capture_output=True, env=env)
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=10)
    args = parser.parse_args()
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    print(f"{'command':<55} {'min':>8} {'median':>8} {'target':>8}")
    failed = False
    for label, argv, target in COMMANDS:
        times = time_command(argv, args.repeat)
        best, median = min(times), statistics.median(times)
        verdict = ""
        if target is not None:
            verdict = f"{target:.1f} s " + ("ok" if median < target else "MISSED")
            failed |= median >= target
        print(f"{label:<55} {best:>7.3f}s {median:>7.3f}s {verdict:>10}")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
