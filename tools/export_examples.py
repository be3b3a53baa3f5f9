"""Regenerate the export examples that docs/exports.md and the README show, from the shipped scenarios.

    python tools/export_examples.py [--output docs/img]

Writes, with SOURCE_DATE_EPOCH fixed so the files only change when the numbers or the layout do:
- jeugd_hoog-brug.png, jeugd_hoog-meerjarig.png: `hengelo-scenario run jeugd_hoog.yaml --chart ...`;
- scenarios-vergelijking.png: `hengelo-scenario compare basis jeugd_hoog jeugd_laag combinatie --chart ...`;
- financiele-gevolgen.png and grafieken.png: the "Financiële gevolgen" and "Grafieken" sheets of the Excel export
  of fonds_leefbare_wijken.yaml and combinatie.yaml, as LibreOffice prints them;
- memo-docx.png: the first page of `run fonds_leefbare_wijken.yaml --export memo.docx`, as LibreOffice Writer
  prints it (these three need `soffice`, `pdftoppm` and `pdftotext`; skipped with a note when they are missing).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

EPOCH = "1735689600"  # 2025-01-01 00:00:00 UTC
DUTCH_PROFILE = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse">
<value>nl-NL</value></prop></item>
</oor:items>
"""
CLI = [sys.executable, "-c", "from hengelo_scenario.cli.app import main; main()"]


def hengelo(*args: str, cwd: Path) -> None:
    env = dict(os.environ, SOURCE_DATE_EPOCH=EPOCH, NO_COLOR="1")
    subprocess.run([*CLI, *args], check=True, cwd=cwd, env=env, stdout=subprocess.DEVNULL)


def sheet_picture(workbook: Path, sheet_title: str, target: Path, work: Path) -> None:
    """Print the workbook to PDF with LibreOffice, render the page whose first line is the sheet's title, crop it."""
    profile = work / "profile"  # Dutch locale, so the picture shows 1.234 as Dutch Excel does
    (profile / "user").mkdir(parents=True, exist_ok=True)
    (profile / "user" / "registrymodifications.xcu").write_text(DUTCH_PROFILE, encoding="utf-8")
    subprocess.run(
        ["soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "pdf",
         "--outdir", str(work), str(workbook)],
        check=True,
        capture_output=True,
    )  # fmt: skip
    pdf = work / (workbook.stem + ".pdf")
    page = 1
    while True:
        text = subprocess.run(
            ["pdftotext", "-f", str(page), "-l", str(page), str(pdf), "-"], check=True, capture_output=True, text=True
        ).stdout
        if not text.strip():
            raise SystemExit(f"no page titled {sheet_title!r} in {pdf}")
        if text.lstrip().startswith(sheet_title):
            break
        page += 1
    crop_page(pdf, page, target, work)


def crop_page(pdf: Path, page: int, target: Path, work: Path, drop_footer: bool = True) -> None:
    """Render one page of a PDF and crop it to its ink, leaving out the page footer (unless it is wanted)."""
    import matplotlib.image as mpimg
    import numpy as np

    stem = work / f"page-{pdf.stem}-{page}"
    pages = ["-f", str(page), "-l", str(page)]
    subprocess.run(["pdftoppm", "-r", "110", *pages, "-png", "-singlefile", str(pdf), str(stem)], check=True)
    image = mpimg.imread(stem.with_suffix(".png"))
    ink = np.where(image[:, :, :3].min(axis=2) < 0.97)
    top, bottom = ink[0].min(), ink[0].max()
    # leave out the page footer: the last block of ink, far below the table
    rows = np.unique(ink[0])
    gaps = np.where(np.diff(rows) > 60)[0]
    if len(gaps) and drop_footer:
        bottom = rows[gaps[-1]]
    left, right = ink[1].min(), ink[1].max()
    margin = 12
    cropped = image[max(top - margin, 0) : bottom + margin, max(left - margin, 0) : right + margin]
    mpimg.imsave(target, cropped, metadata={"Software": None})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=Path("docs/img"))
    args = parser.parse_args()
    output = args.output.resolve()
    output.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        hengelo("run", "jeugd_hoog.yaml", "--chart", str(output / "jeugd_hoog.png"), cwd=work)
        hengelo(
            "compare", "basis", "jeugd_hoog", "jeugd_laag", "combinatie", "--chart", str(output / "scenarios.png"),
            cwd=work,
        )  # fmt: skip
        if not (shutil.which("soffice") and shutil.which("pdftoppm") and shutil.which("pdftotext")):
            print("soffice/pdftoppm not found: the sheet pictures are left as they are", file=sys.stderr)
            return
        hengelo("run", "fonds_leefbare_wijken.yaml", "--export", "fonds.xlsx", cwd=work)
        hengelo("run", "combinatie.yaml", "--export", "combinatie.xlsx", cwd=work)
        sheet_picture(work / "fonds.xlsx", "Financiële gevolgen", output / "financiele-gevolgen.png", work)
        sheet_picture(work / "combinatie.xlsx", "Grafieken", output / "grafieken.png", work)
        hengelo("run", "fonds_leefbare_wijken.yaml", "--export", "memo.docx", cwd=work)
        subprocess.run(
            ["soffice", f"-env:UserInstallation={(work / 'profile').as_uri()}", "--headless", "--convert-to", "pdf",
             "--outdir", str(work), str(work / "memo.docx")],
            check=True,
            capture_output=True,
        )  # fmt: skip
        crop_page(work / "memo.pdf", 1, output / "memo-docx.png", work, drop_footer=False)  # the footnote
    for path in sorted(output.glob("*.png")):
        print(path)


if __name__ == "__main__":
    main()
