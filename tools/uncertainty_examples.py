"""Make the README's pictures of the uncertainty commands with the tool itself, from the root of a clone.

    python tools/uncertainty_examples.py

Writes docs/img/jeugd_hoog-waaier.png (simulate: fan chart), docs/img/jeugd_hoog-sweep.png (sweep: heatmap) and
docs/img/jeugd_hoog-tornado.png (tornado), each by running `hengelo-scenario` as a user would, so the source line
on each chart names the command that made it. The output is deterministic (fixed seeds, no timestamps).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CLI = shutil.which("hengelo-scenario") or str(Path(sys.executable).parent / "hengelo-scenario")

COMMANDS = [
    [
        "simulate",
        "docs/examples/jeugd_hoog_onzeker.yaml",
        "--no-progress",
        "--export",
        "docs/img/jeugd_hoog-waaier.png",
    ],
    [
        "sweep",
        "jeugd_hoog.yaml",
        "--vary",
        "jeugdhulp.price=-10%..+10%:1%",
        "--vary",
        "jeugdhulp.regie_op_toegang=0%..20%:1%",
        "--export",
        "docs/img/jeugd_hoog-sweep.png",
    ],
    ["tornado", "docs/examples/jeugd_hoog_onzeker.yaml", "--export", "docs/img/jeugd_hoog-tornado.png"],
]


def main() -> None:
    env = dict(os.environ, NO_COLOR="1")
    for args in COMMANDS:
        subprocess.run([CLI, *args], check=True, cwd=ROOT, env=env, stdout=subprocess.DEVNULL)
        print("hengelo-scenario", " ".join(args))


if __name__ == "__main__":
    main()
