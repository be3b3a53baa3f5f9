"""`hengelo-scenario schema`: the scenario file's JSON Schema, for editors that check and complete YAML."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer


def schema(
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write to this file instead of standard output.")
    ] = None,
) -> None:
    """Print the JSON Schema of scenario files.

    Example: hengelo-scenario schema -o scenario.schema.json
    """
    from hengelo_scenario.scenario.schema import json_schema

    text = json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n"
    if output is None:
        sys.stdout.write(text)
        return
    from hengelo_scenario.atomic import write_text_atomic

    write_text_atomic(output, text)
