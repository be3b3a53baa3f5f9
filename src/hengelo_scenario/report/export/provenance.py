"""Where an export comes from: the scenario files and the baseline workbook with their SHA-256, the tool, the date.

The date is the moment of export, or the fixed moment in `SOURCE_DATE_EPOCH` (seconds since 1970, UTC) when
that variable is set, so the same inputs give byte-identical files (reproducible-builds.org convention).
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import PurePath

from hengelo_scenario import __version__
from hengelo_scenario.baseline.model import Baseline
from hengelo_scenario.report.export.base import ExportError
from hengelo_scenario.scenario.model import Scenario

TOOL = "hengelo-scenario"


@dataclass(frozen=True)
class ScenarioSource:
    name: str
    file: str
    sha256: str
    resolved_text: str  # the scenario after `extends`, as YAML


@dataclass(frozen=True)
class Provenance:
    tool_version: str
    created: datetime  # timezone-aware, UTC
    baseline_file: str
    baseline_sha256: str
    scenarios: tuple[ScenarioSource, ...]
    command: str = ""  # the command line that made the export, when it came from the command line

    @property
    def tool(self) -> str:
        return f"{TOOL} {self.tool_version}"

    @property
    def date_text(self) -> str:
        return self.created.strftime("%Y-%m-%d %H:%M:%S UTC")

    def source_line(self, names_only: bool = False) -> str:
        """One line for a chart or a footer: 'Bron: hengelo-scenario 0.1.0; scenario x.yaml; basis y.xlsx'.

        `names_only` drops the folders (a chart has room for the file names; the Herkomst sheet has the paths).
        """

        def shown(file: str) -> str:
            return PurePath(file).name if names_only and file else file

        files = ", ".join(shown(s.file) or s.name for s in self.scenarios)
        label = "scenario" if len(self.scenarios) == 1 else "scenario's"
        return f"Bron: {self.tool}; {label} {files}; basis {shown(self.baseline_file)}"


_LAST_SECOND = 253_402_300_799  # 9999-12-31 23:59:59 UTC, the last moment a datetime (and a spreadsheet) holds


def export_time(environ: Mapping[str, str] | None = None) -> datetime:
    """Now, in UTC to the second, or SOURCE_DATE_EPOCH when it is set."""
    environ = os.environ if environ is None else environ
    text = environ.get("SOURCE_DATE_EPOCH", "").strip()
    if text:
        from hengelo_scenario.text import excerpt

        try:
            seconds = int(text) if len(text) <= 20 else None
            if seconds is None or not 0 <= seconds <= _LAST_SECOND:
                raise ValueError(text)
            return datetime.fromtimestamp(seconds, tz=UTC)
        except (ValueError, OverflowError, OSError):
            raise ExportError(
                "SOURCE_DATE_EPOCH",
                "expected a whole number of seconds since 1970-01-01 UTC, from 0 to "
                f"{_LAST_SECOND} (9999-12-31 23:59:59), found {excerpt(text, 30)}",
                "Unset it to date exports with the current time",
            ) from None
    return datetime.now(tz=UTC).replace(microsecond=0)


def provenance(
    scenarios: Sequence[Scenario],
    baseline: Baseline,
    environ: Mapping[str, str] | None = None,
    command: str = "",
) -> Provenance:
    """From the resolved scenarios and the baseline they ran on (and the command line, if there was one)."""
    return Provenance(
        tool_version=__version__,
        created=export_time(environ),
        baseline_file=baseline.source,
        baseline_sha256=baseline.sha256,
        scenarios=tuple(ScenarioSource(s.name, s.source, s.sha256, s.resolved_text) for s in scenarios),
        command=command,
    )
