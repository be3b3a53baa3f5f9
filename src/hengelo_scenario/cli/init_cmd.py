"""`hengelo-scenario init FOLDER [--empty]`: a workspace to put in git, with its own baseline and CI.

FOLDER gets `hengelo-scenario.toml`, `data/` with the baseline workbook (a copy of the shipped one, or with
`--empty` the empty template to fill in), `scenarios/` with a commented example (and, on the shipped workbook, its
snapshot, so `check` passes from the first commit), and the CI files that run `check`: GitHub Actions and GitLab.
Everything is built in a temporary folder beside FOLDER and moved in at the end: written whole or not at all.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Annotated

import typer

EXAMPLE = "voorbeeld.yaml"
EMPTY_WORKBOOK = "begroting.xlsx"
CI_FILES = {"github-actions.yml": ".github/workflows/budget-check.yml", "gitlab-ci.yml": ".gitlab-ci.yml"}
INSTALL_HERE = "python -m pip install ."
INSTALL_TOOL = 'python -m pip install "git+https://YOUR-GIT-HOST/YOUR-GROUP/hengelo-scenario.git"'
EXAMPLE_NOTE = (
    "`.` installs the tool from this repository. When the scenarios live in a repository of their own, install"
)
WORKSPACE_NOTE = "A workspace does not hold the tool: install it from where it is kept (replace YOUR-GIT-HOST and"


def _for_workspace(text: str) -> str:
    """The repository's CI example, made for a workspace: the tool is installed from its own repository."""
    return (
        text.replace(EXAMPLE_NOTE, WORKSPACE_NOTE)
        .replace("# the tool from its repository instead: pip install", "# YOUR-GROUP), for example: pip install")
        .replace(INSTALL_HERE, INSTALL_TOOL)
    )


def init(
    folder: Annotated[
        Path, typer.Argument(help="The workspace folder; created if it does not exist.", file_okay=False)
    ],
    empty: Annotated[
        bool, typer.Option("--empty", help="Start from the empty template workbook instead of the shipped one.")
    ] = False,
) -> None:
    """Create a workspace: hengelo-scenario.toml, data/ with the baseline workbook, scenarios/, CI for check.

    Example: hengelo-scenario init begroting-2026
    """
    from hengelo_scenario.errors import UnreadableFileError

    workbook = f"data/{EMPTY_WORKBOOK}" if empty else None
    files = _planned(empty)
    if folder.exists():
        if not folder.is_dir():
            raise UnreadableFileError(str(folder), "exists and is not a folder", "name a new or existing folder")
        taken = [name for name in files if (folder / name).exists()]
        if taken:
            raise UnreadableFileError(
                str(folder), "holds files init would write: " + ", ".join(taken), "choose another folder"
            )
    parent = folder.resolve().parent
    if not parent.is_dir():
        raise UnreadableFileError(str(folder), f"the folder {parent} does not exist", "create it first")
    with tempfile.TemporaryDirectory(prefix=f".{folder.name}-init-", dir=parent) as tmp:
        build = Path(tmp) / "ws"
        build.mkdir()
        workbook = _build(build, empty)
        if folder.exists():
            for name in sorted(files, key=lambda n: n.count("/"), reverse=True):
                (folder / name).parent.mkdir(parents=True, exist_ok=True)
                (build / name).replace(folder / name)
        else:
            build.replace(folder)
    for name in files:
        typer.echo(f"Geschreven: {folder / name}")
    if empty:
        typer.echo(
            f"Vul {folder / workbook} in en leg dan de uitkomsten vast: hengelo-scenario check --update "
            "(tot dan slaagt check niet)."
        )
    typer.echo("Zet in de CI-bestanden waar de tool vandaan komt (YOUR-GIT-HOST/YOUR-GROUP), en zet de map in git.")


def _planned(empty: bool) -> list[str]:
    from hengelo_scenario.resources import BASELINE_FILE_NAME
    from hengelo_scenario.workspace import CONFIG_NAME

    files = [CONFIG_NAME, f"data/{EMPTY_WORKBOOK if empty else BASELINE_FILE_NAME}", f"scenarios/{EXAMPLE}"]
    if not empty:
        files.append(f"scenarios/snapshots/{Path(EXAMPLE).stem}.txt")
    return files + list(CI_FILES.values())


def _build(root: Path, empty: bool) -> str:
    """Every file of the workspace in `root`; the workbook's path relative to it."""
    from hengelo_scenario.baseline.template import write_template
    from hengelo_scenario.resources import BASELINE_FILE_NAME, shipped_baseline, shipped_ci_dir
    from hengelo_scenario.scenario.template import scenario_template
    from hengelo_scenario.workspace import CONFIG_NAME, config_text, read_config

    (root / "data").mkdir()
    (root / "scenarios").mkdir()
    workbook = f"data/{EMPTY_WORKBOOK if empty else BASELINE_FILE_NAME}"
    if empty:
        write_template(root / workbook)
    else:
        shutil.copyfile(shipped_baseline(), root / workbook)
    (root / CONFIG_NAME).write_text(config_text(workbook), encoding="utf-8")
    (root / "scenarios" / EXAMPLE).write_text(scenario_template("Voorbeeld"), encoding="utf-8")
    for source, target in CI_FILES.items():
        text = _for_workspace((shipped_ci_dir() / source).read_text(encoding="utf-8"))
        (root / target).parent.mkdir(parents=True, exist_ok=True)
        (root / target).write_text(text, encoding="utf-8")
    if not empty:
        from hengelo_scenario.check.runner import run_check

        run_check([], root, update=True, workspace=read_config(root / CONFIG_NAME, root))
    return workbook
