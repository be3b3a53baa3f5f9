"""`hengelo-scenario new NAME [--from SCENARIO]`: a scenario file with every lever in it, commented out."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from hengelo_scenario.cli.common import workspace


def new(
    name: Annotated[
        str,
        typer.Argument(
            help="The new scenario: a bare name (written as NAME.yaml in the workspace's scenario folder, else "
            "./scenarios/ when it exists, else here) or a path ending in .yaml or .yml.",
            metavar="NAME",
        ),
    ],
    source: Annotated[
        str | None,
        typer.Option(
            "--from",
            help="Start from this scenario (a file or bare name): its levers are copied, uncommented.",
            metavar="SCENARIO",
            show_default=False,
        ),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace the file if it exists.")] = False,
) -> None:
    """Write a new scenario file with every lever in it, commented out, each key with its unit.

    Example: hengelo-scenario new jeugd_middel --from jeugd_hoog
    """
    from hengelo_scenario.atomic import write_text_atomic
    from hengelo_scenario.errors import UnreadableFileError
    from hengelo_scenario.scenario.loader import SCENARIO_SUFFIXES, load_scenario_file, load_scenario_text
    from hengelo_scenario.scenario.source import parse_yaml
    from hengelo_scenario.scenario.template import scenario_template

    space = workspace()
    target = _target(name, space)
    if target.exists() and not force:
        raise UnreadableFileError(str(target), "the file exists already", "use --force to replace it")
    if not target.parent.is_dir():
        raise UnreadableFileError(str(target), f"the folder {target.parent} does not exist", "create it first")
    data = None
    shown = ""
    if source is not None:
        found = space.find(source)
        loaded = load_scenario_file(found)
        data, _ = parse_yaml(loaded.resolved_text, loaded.path)
        shown = str(found)
    title = Path(name).stem if Path(name).suffix.lower() in SCENARIO_SUFFIXES else Path(name).name
    text = scenario_template(title, data, shown)
    load_scenario_text(text, str(target), target.parent)  # what we write must load: a bug here is ours
    write_text_atomic(target, text)
    typer.echo(f"Geschreven: {target}")


def _target(name: str, space) -> Path:
    from hengelo_scenario.scenario.loader import SCENARIO_SUFFIXES

    given = Path(name).expanduser()
    if given.suffix.lower() in SCENARIO_SUFFIXES or given.name != name:
        return given if given.suffix.lower() in SCENARIO_SUFFIXES else given.with_name(given.name + ".yaml")
    folder = space.scenario_folder
    if folder.is_dir():
        if folder.resolve().is_relative_to(space.cwd.resolve()):
            folder = folder.resolve().relative_to(space.cwd.resolve())
        return folder / f"{name}.yaml"
    return Path(f"{name}.yaml")
