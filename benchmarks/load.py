"""Time loading a large generated baseline workbook, per workbook line, beside openpyxl reading the same cells.

For each size N the script builds a valid workbook with the template's sheets and headers (`baseline.template`):
N lines on 'Lasten en baten' (amounts with cents, a Sleutel, a Bron and an Index each) and N rows on 'Jeugdhulp'
(N / 2 segments, a prijs and a volume row each, that add up to the `jeugdhulp` line to the cent), plus the few
rows the other sheets need. It then times, in the same process and taking turns:

- `load_baseline` (no cache): opening, every check, the Baseline;
- the floor: openpyxl alone opening the same bytes read-only and iterating every sheet with `values_only=True`;
- the checks alone: `load_baseline` with the cell values, read once before, served from memory (everything the
  loader does but openpyxl's parsing: the per-cell checks, the lookups, building the Baseline).

It prints the minimum over `--repeat` runs of each, in µs per workbook line (data rows, headers not counted), and
the loader's own part: load minus floor (noisy on a shared machine: a difference of two timings; the checks
column measures most of it directly). Loading must stay linear: the µs per line of the sizes should be about
equal.

    python -m compileall -q src   # PYTHONDONTWRITEBYTECODE=1 would otherwise compile every run
    python benchmarks/load.py [--sizes 1000 10000] [--repeat 7] [--profile]
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import io
import os
import platform
import pstats
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

from hengelo_scenario.baseline import layout, load_baseline, workbook
from hengelo_scenario.baseline.template import new_workbook, workbook_bytes

YEARS = (2025, 2026, 2027, 2028)


def _append(sheet, spec: layout.Sheet, row: dict[object, object]) -> None:
    sheet.append([row.get(name) for name in spec.header(YEARS)])


def build(size: int) -> tuple[bytes, int]:
    """A valid workbook with `size` budget lines and `size` youth-care rows; its bytes and its number of lines."""
    book = new_workbook(YEARS)
    lines = 0

    def add(spec: layout.Sheet, row: dict[object, object]) -> None:
        nonlocal lines
        _append(book[spec.name], spec, row)
        lines += 1

    for code, naam in ((6, "Sociaal domein"), ("AD", "Algemene dekkingsmiddelen"), (1, "Bestuur")):
        add(layout.PROGRAMMAS_SHEET, {"Code": code, "Naam": naam, "Bron": "benchmark"})
    add(layout.INDEXEN_SHEET, {"Index": "prijzen", **dict.fromkeys(YEARS, 0.021), "Bron": "benchmark"})
    add(layout.RESERVES_SHEET, {"Reserve": "Algemene reserve", "Soort": "algemene reserve", "Beginstand": 5e7})
    add(layout.WEERSTAND_SHEET, {"Onderdeel": "Risico's", "Soort": "benodigd", **dict.fromkeys(YEARS, 1e6)})

    segments = max(1, size // 2)
    totals = dict.fromkeys(YEARS, Decimal(0))
    for s in range(segments):
        price = {y: round(1000 + s % 997 + (y - 2025) * 12.5 + 0.25, 2) for y in YEARS}
        volume = {y: 10 + s % 89 + (y - 2025) for y in YEARS}
        for year in YEARS:
            totals[year] += Decimal(repr(price[year])) * volume[year]
        name = f"Segment {s:06d}"
        common = {"Segment": name, "Eenheid": "cliënt", "Bron": "benchmark"}
        add(layout.JEUGDHULP_SHEET, {**common, "Grootheid": "prijs", **price, "Index": "prijzen"})
        add(layout.JEUGDHULP_SHEET, {**common, "Grootheid": "volume", **volume})

    spec = layout.LASTEN_BATEN_SHEET
    add(spec, {"Programma": 6, "Omschrijving": "Jeugdhulp", "Soort": "last", "Aard": "structureel",
               "Sleutel": "jeugdhulp", **{y: float(totals[y]) for y in YEARS}, "Bron": "benchmark"})  # fmt: skip
    assert all(Decimal(repr(float(totals[y]))) == totals[y] for y in YEARS), "the jeugdhulp total must be exact"
    for n in range(size - 1):
        amounts = {y: round(10_000 + n * 7.31 + (y - 2025) * 100.05, 2) for y in YEARS}
        add(
            spec,
            {
                "Programma": ("AD", 6, 1)[n % 3],
                "Omschrijving": f"Budgetregel {n:06d}",
                "Soort": ("last", "baat")[n % 2],
                "Aard": ("structureel", "incidenteel", "S")[n % 3],
                "Sleutel": f"regel_{n:06d}",
                **amounts,
                "Bron": "Beleidsbegroting 2025-2028 (benchmark)",
                "Index": ("prijzen", None, "geen")[n % 3],
            },
        )
    return workbook_bytes(book), lines


def floor(data: bytes) -> int:
    """openpyxl alone: every cell of every sheet, read-only, values only (what the loader's reading costs)."""
    from openpyxl import load_workbook

    workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    cells = 0
    for worksheet in workbook.worksheets:
        for values in worksheet.iter_rows(values_only=True):
            cells += len(values)
    workbook.close()
    return cells


def checks_alone(path: Path, data: bytes) -> None:
    """`load_baseline` with openpyxl's part done before: the sheets' cell values are served from memory."""
    cells = _parsed.get(data)
    if cells is None:
        cells = _parsed[data] = workbook._read_sheets(data, str(path))
    real = workbook._read_sheets
    workbook._read_sheets = lambda *args, **kwargs: cells  # the loader calls it by its module-level name
    try:
        load_baseline(path, data=data)
    finally:
        workbook._read_sheets = real


_parsed: dict[bytes, object] = {}


def best_of(repeat: int, *runs) -> list[float]:
    """The minimum wall time of each callable, the callables taking turns so a busy machine slows them alike."""
    times: list[list[float]] = [[] for _ in runs]
    for _ in range(repeat):
        for index, run in enumerate(runs):
            gc.collect()
            start = time.perf_counter()
            run()
            times[index].append(time.perf_counter() - start)
    return [min(t) for t in times]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--profile", action="store_true", help="print cProfile's top functions for the largest size")
    args = parser.parse_args()
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    print(f"{'lines':>8} {'load':>7} {'floor':>7} {'load':>9} {'floor':>9} {'own':>9} {'checks':>9}")
    print(f"{'':>8} {'s':>7} {'s':>7} {'µs/line':>9} {'µs/line':>9} {'µs/line':>9} {'µs/line':>9}")
    with tempfile.TemporaryDirectory() as folder:
        for size in args.sizes:
            data, lines = build(size)
            path = Path(folder) / f"begroting-{size}.xlsx"
            path.write_bytes(data)
            baseline = load_baseline(path)  # also a warm-up; a problem in the generated workbook stops here
            assert len(baseline.lines) == size
            assert len(baseline.jeugdhulp) == max(1, size // 2)
            del baseline
            load, bare, checks = best_of(
                args.repeat,
                lambda p=path: load_baseline(p),
                lambda d=data: floor(d),
                lambda p=path, d=data: checks_alone(p, d),
            )
            per_line = [t / lines * 1e6 for t in (load, bare, load - bare, checks)]
            print(f"{lines:>8,} {load:>7.3f} {bare:>7.3f} " + " ".join(f"{t:>9.1f}" for t in per_line))
        if args.profile:
            profiler = cProfile.Profile()
            profiler.runcall(load_baseline, path)
            stats = pstats.Stats(profiler, stream=sys.stdout)
            stats.sort_stats("tottime").print_stats(25)


if __name__ == "__main__":
    main()
