"""The cache of validated baselines: the same bytes give the same Baseline without reading a cell again; any other
bytes, another loader or a damaged cache file give a fresh load."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from hengelo_scenario.baseline import cache, load_baseline, workbook
from hengelo_scenario.baseline.cache import load_baseline_cached
from hengelo_scenario.resources import shipped_baseline


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("HENGELO_SCENARIO_CACHE", str(folder))
    return folder


@pytest.fixture
def workbook_copy(tmp_path: Path) -> Path:
    target = tmp_path / "begroting.xlsx"
    shutil.copyfile(shipped_baseline(), target)
    return target


def no_openpyxl(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args, **kwargs):
        raise AssertionError("the workbook was read again")

    monkeypatch.setattr(workbook, "_open_workbook", refuse)


def test_a_second_load_comes_from_the_cache_and_equals_a_fresh_load(cache_dir, workbook_copy, monkeypatch):
    fresh = load_baseline(workbook_copy)
    first = load_baseline_cached(workbook_copy)
    assert len(list(cache_dir.glob("*.json"))) == 1
    no_openpyxl(monkeypatch)
    second = load_baseline_cached(workbook_copy)
    assert second == fresh == first  # every line, reserve, segment and amount, exactly
    assert second.sha256 == fresh.sha256
    assert second.source == str(workbook_copy)


def test_other_bytes_are_never_served_an_old_baseline(cache_dir, tmp_path, monkeypatch):
    from openpyxl import load_workbook

    original = tmp_path / "a.xlsx"
    shutil.copyfile(shipped_baseline(), original)
    before = load_baseline_cached(original)
    book = load_workbook(original)
    sheet = book["Reserves"]
    # Beginstand of the first reserve, 1,000,000 euros more (the column is found by its header).
    header = [c.value for c in sheet[1]]
    column = header.index("Beginstand") + 1
    sheet.cell(row=2, column=column).value = sheet.cell(row=2, column=column).value + 1_000_000
    changed = tmp_path / "b.xlsx"
    book.save(changed)
    after = load_baseline_cached(changed)
    assert after.reserves[0].opening_balance == before.reserves[0].opening_balance + 1_000_000
    assert after.sha256 != before.sha256


def test_a_damaged_cache_file_is_ignored(cache_dir, workbook_copy):
    expected = load_baseline_cached(workbook_copy)
    (entry,) = cache_dir.glob("*.json")
    entry.write_text('{"@": "os.system", "cmd": "boom"}', encoding="utf-8")
    assert load_baseline_cached(workbook_copy) == expected
    entry.write_text("not json", encoding="utf-8")
    assert load_baseline_cached(workbook_copy) == expected


def test_a_cache_file_is_read_against_the_baseline_type_and_nothing_else(cache_dir, workbook_copy):
    import json

    expected = load_baseline_cached(workbook_copy)
    (entry,) = cache_dir.glob("*.json")
    good = json.loads(entry.read_text(encoding="utf-8"))
    assert cache._read(entry) == expected
    wrong_type = json.loads(json.dumps(good))
    wrong_type["reserves"][0]["naam"] = 5  # a number where the reserve's name is text
    entry.write_text(json.dumps(wrong_type), encoding="utf-8")
    assert cache._read(entry) is None
    not_a_baseline = {"__class__": "os.system", "args": ["echo boom"]}
    entry.write_text(json.dumps(not_a_baseline), encoding="utf-8")
    assert cache._read(entry) is None
    assert load_baseline_cached(workbook_copy) == expected  # and the next load is a fresh one, written again
    assert cache._read(entry) == expected


def test_the_cache_can_be_turned_off(tmp_path, workbook_copy, monkeypatch):
    monkeypatch.setenv("HENGELO_SCENARIO_CACHE", "off")
    assert cache.cache_folder() is None
    assert load_baseline_cached(workbook_copy) == load_baseline(workbook_copy)


def test_an_unwritable_cache_folder_is_not_an_error(tmp_path, workbook_copy, monkeypatch):
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("x")
    monkeypatch.setenv("HENGELO_SCENARIO_CACHE", str(blocker / "cache"))
    assert load_baseline_cached(workbook_copy) == load_baseline(workbook_copy)


def test_the_loader_fingerprint_covers_every_module_of_the_baseline_package_and_its_sheet_readers():
    package = Path(cache.__file__).parent
    sources = cache.loader_sources()
    modules = set(package.rglob("*.py"))
    assert modules <= set(sources)
    assert package / "workbook.py" in sources
    assert package / "sheets" / "jeugdhulp.py" in sources  # a reader module, one folder down
    assert package / "sheets" / "cells.py" in sources


def test_changing_a_sheet_reader_changes_the_loader_fingerprint(tmp_path):
    package = Path(cache.__file__).parent
    copy = tmp_path / "hengelo_scenario" / "baseline"
    shutil.copytree(package, copy, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copyfile(package.parent / "money.py", copy.parent / "money.py")
    before = cache.source_fingerprint(cache.loader_sources(copy))
    assert before == cache.source_fingerprint(cache.loader_sources(package))  # the same sources, the same key
    reader = copy / "sheets" / "jeugdhulp.py"
    reader.write_text(reader.read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
    changed = cache.source_fingerprint(cache.loader_sources(copy))
    assert changed != before
    moved = copy / "sheets" / "new_sheet.py"  # a new reader module counts too
    moved.write_text("", encoding="utf-8")
    assert cache.source_fingerprint(cache.loader_sources(copy)) not in (before, changed)
