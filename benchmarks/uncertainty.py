"""Speed of the float path and of the uncertainty commands, each beside a floor measured in the same run.

    python benchmarks/uncertainty.py [--repeat 3]

Every measurement is a fresh process (its peak memory is the child's maximum resident set size), timed as wall
time, the minimum of --repeat runs after one warm-up:

1. The engine's float path (issue 7): 1, 1.000 and 1.000.000 variants of jeugd_hoog with price and volume
   growth drawn per variant (the default uncertainty: one price draw, one volume draw per segment = 6 numbers
   per variant), draws + evaluation + percentiles, in-process time; beside the time numpy alone needs to draw
   the same random numbers (the same generator, block by block) and a bare `import numpy`.
2. `hengelo-scenario simulate jeugd_hoog.yaml --draws 1000000 --seed 7`, whole process; targets 2 s, 1 GiB, and
   3x the numpy floor (the floor as a whole process: python, import numpy, draw the same numbers). The floor,
   simulate and run take turns, round after round, so all three see the same load on a shared machine.
3. A 21 x 21 `sweep` against one `run`, whole processes; target: the sweep within the time of one run.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys

CLI = shutil.which("hengelo-scenario") or "hengelo-scenario"

MEASURE = r"""
import json, resource, subprocess, sys, time
argv = json.loads(sys.argv[1])
start = time.perf_counter()
out = subprocess.run(argv, capture_output=True, text=True, env=dict(__import__("os").environ, NO_COLOR="1"))
wall = time.perf_counter() - start
if out.returncode:
    sys.exit(out.stderr)
print(json.dumps({"wall": wall, "rss_mib": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
                  "stdout": out.stdout[-2000:]}))
"""

ENGINE = r"""
import json, sys, time
t0 = time.perf_counter()
from pathlib import Path
from hengelo_scenario.cli.common import load_baseline_file
from hengelo_scenario.resources import shipped_baseline
from hengelo_scenario.scenario.loader import find_scenario, load_scenario_file
from hengelo_scenario.scenario.resolve import resolve
from hengelo_scenario.uncertainty.resolve import resolve_uncertainty
import hengelo_scenario.uncertainty.simulate as simulation
from hengelo_scenario.uncertainty.simulate import simulate
getattr(simulation, "keep_freed_memory", lambda: None)()  # as the simulate command does (older trees: none)
b = load_baseline_file(shipped_baseline())
f = load_scenario_file(find_scenario("jeugd_hoog", Path.cwd()))
s = resolve(f, b)
spec = resolve_uncertainty(f, b, s)
t1 = time.perf_counter()
r = simulate(b, s, spec, int(sys.argv[1]), 7)
t2 = time.perf_counter()
print(json.dumps({"setup": t1 - t0, "compute": t2 - t1, "variables": len(spec.variables)}))
"""

FLOOR = r"""
import json, sys, time
t0 = time.perf_counter()
import numpy as np
n, k = int(sys.argv[1]), int(sys.argv[2])
BLOCK = 8192
t1 = time.perf_counter()
for b in range(-(-n // BLOCK)):
    rng = np.random.Generator(np.random.PCG64(np.random.SeedSequence(7, spawn_key=(b,))))
    for _ in range(k):
        rng.normal(0.0, 0.02, BLOCK)
t2 = time.perf_counter()
print(json.dumps({"import": t1 - t0, "draw": t2 - t1}))
"""


def measure(argv: list[str], repeat: int) -> dict:
    """Minimum wall time and the peak RSS of `repeat` fresh processes (after one warm-up)."""
    runs = []
    for _ in range(repeat + 1):
        done = subprocess.run(
            [sys.executable, "-c", MEASURE, json.dumps(argv)], check=True, capture_output=True, text=True
        )
        runs.append(json.loads(done.stdout))
    runs = runs[1:]
    best = min(runs, key=lambda r: r["wall"])
    return {"wall": best["wall"], "rss_mib": max(r["rss_mib"] for r in runs), "stdout": best["stdout"]}


def measure_together(argvs: list[list[str]], repeat: int) -> list[dict]:
    """`measure` for several commands taking turns (one warm-up round, then `repeat` rounds), so a floor and what
    is compared with it see the same load on a shared machine: the minimum wall time of each, its peak RSS."""
    rounds: list[list[dict]] = [[] for _ in argvs]
    for k in range(repeat + 1):
        for i, argv in enumerate(argvs):
            done = subprocess.run(
                [sys.executable, "-c", MEASURE, json.dumps(argv)], check=True, capture_output=True, text=True
            )
            if k:
                rounds[i].append(json.loads(done.stdout))
    return [
        {"wall": min(x["wall"] for x in runs), "rss_mib": max(x["rss_mib"] for x in runs), "stdout": runs[0]["stdout"]}
        for runs in rounds
    ]


def inner(script: str, args: list[str], repeat: int) -> tuple[dict, float]:
    results = [measure([sys.executable, "-c", script, *args], repeat) for _ in range(1)]
    best = results[0]
    return json.loads(best["stdout"]), best["rss_mib"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    r = args.repeat
    print(
        f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}, numpy {__import__('numpy').__version__}"
    )
    bare = measure([sys.executable, "-c", "import numpy"], r)
    print(f"bare `python -c 'import numpy'`: {bare['wall']:.3f} s wall, {bare['rss_mib']:.0f} MiB")
    print()
    print("1. float path, variants of jeugd_hoog (draws + evaluation + percentiles, in-process, one thread)")
    print(f"{'variants':>10} {'compute':>9} {'numpy draw':>11} {'ratio':>6} {'peak RSS':>9}")
    for n in (1, 1_000, 1_000_000):
        engine, rss = inner(ENGINE, [str(n)], r)
        floor, _ = inner(FLOOR, [str(n), str(engine["variables"])], r)
        ratio = engine["compute"] / floor["draw"] if floor["draw"] else float("nan")
        print(f"{n:>10,} {engine['compute']:>8.3f}s {floor['draw']:>10.3f}s {ratio:>5.1f}x {rss:>7.0f} MiB")
    print()
    print("2. whole processes")
    floor, sim, one_run = measure_together(
        [
            [sys.executable, "-c", FLOOR, "1000000", "6"],
            [CLI, "simulate", "jeugd_hoog.yaml", "--draws", "1000000", "--seed", "7", "--no-progress"],
            [CLI, "run", "jeugd_hoog.yaml"],
        ],
        r,
    )
    sweep = measure(
        [
            CLI,
            "sweep",
            "jeugd_hoog.yaml",
            "--vary",
            "jeugdhulp.price=-5%..+15%:1%",
            "--vary",
            "jeugdhulp.volume=-10%..+10%:1%",
        ],
        r,
    )
    rows = [
        ("numpy floor: python, import numpy, draw 6 x 1.000.000 normals", floor, ""),
        (
            "simulate jeugd_hoog.yaml --draws 1000000 --seed 7",
            sim,
            f"target 2 s / 1024 MiB / {3 * floor['wall']:.2f} s (3x floor): "
            + ("ok" if sim["wall"] < 2 and sim["rss_mib"] < 1024 else "MISSED")
            + (", within 3x" if sim["wall"] <= 3 * floor["wall"] else f", {sim['wall'] / floor['wall']:.1f}x floor"),
        ),
        ("run jeugd_hoog.yaml", one_run, ""),
        (
            "sweep jeugd_hoog.yaml (21 x 21)",
            sweep,
            "target: within one run: " + ("ok" if sweep["wall"] <= one_run["wall"] * 1.05 else "MISSED"),
        ),
    ]
    for label, m, note in rows:
        print(f"{label:<66} {m['wall']:>6.3f} s {m['rss_mib']:>6.0f} MiB  {note}")


if __name__ == "__main__":
    main()
