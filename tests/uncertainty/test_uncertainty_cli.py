"""The five commands end to end, in-process, on the shipped baseline and scenarios."""

from __future__ import annotations

import pytest

from tests.cli.invoke import invoke


def test_simulate_prints_the_same_figures_twice(monkeypatch, capsys):
    args = ("simulate", "jeugd_hoog.yaml", "--draws", "20000", "--seed", "7", "--format", "json")
    first = invoke(monkeypatch, capsys, *args)
    second = invoke(monkeypatch, capsys, *args)
    assert first.code == 0, first.err
    assert first.out == second.out
    data = first.json
    p50 = data["percentiles"]["structureel_saldo"]["P50"]
    # 2025 is untouched by the default uncertainty (it starts in the second year): the scenario's 1.849.772,60
    assert p50[0] == pytest.approx(1_849_772.60, abs=0.01)
    assert set(data["probabilities"]) == {"tekort", "reserve", "ratio"}


def test_simulate_writes_exports_and_draws(monkeypatch, capsys, tmp_path):
    fan, csv, draws = tmp_path / "fan.png", tmp_path / "sim.csv", tmp_path / "draws.parquet"
    result = invoke(
        monkeypatch,
        capsys,
        "simulate",
        "jeugd_hoog.yaml",
        "-n",
        "5000",
        "--export",
        str(fan),
        "--export",
        str(csv),
        "--draws-out",
        str(draws),
    )
    assert result.code == 0, result.err
    assert fan.read_bytes().startswith(b"\x89PNG")
    assert "percentielen_structureel_saldo" in csv.read_text(encoding="utf-8-sig")
    import pyarrow.parquet as pq

    table = pq.read_table(draws)
    assert table.num_rows == 5000
    assert "structureel_saldo_2028" in table.column_names


def test_sweep_table_and_a_lever_typo(monkeypatch, capsys):
    ok = invoke(
        monkeypatch,
        capsys,
        "sweep",
        "jeugd_hoog.yaml",
        "--vary",
        "jeugdhulp.price=-5%..+15%:5%",
        "--vary",
        "jeugdhulp.volume=-10%..+10%:10%",
    )
    assert ok.code == 0, ok.err
    assert "Structureel saldo 2028" in ok.out
    bad = invoke(monkeypatch, capsys, "sweep", "jeugd_hoog.yaml", "--vary", "jeugdhulp.volum=-5%..5%:1%")
    assert bad.code == 2
    assert "did you mean 'jeugdhulp.volume'" in bad.err
    assert "Traceback" not in bad.err


def test_solve_finds_the_volume_that_restores_balance_in_2028(monkeypatch, capsys):
    # jeugd_hoog.yaml (its expect block, worked by hand): structureel saldo 2028 −8.876.953,17 with youth care
    # 41.319.953,17 in 2028; a volume change x on every segment moves it by −41.319.953,17·x, so
    # x = −8.876.953,17.../41.319.953,17... = −0,214835...: about 21,5% less volume.
    result = invoke(
        monkeypatch,
        capsys,
        "solve",
        "jeugd_hoog.yaml",
        "--vary",
        "jeugdhulp.volume",
        "--target",
        "structureel_saldo=0",
        "--year",
        "2028",
        "--format",
        "json",
    )
    assert result.code == 0, result.err
    value = float(result.json["value"])
    assert value == pytest.approx(-8_876_953.170823 / 41_319_953.170823, abs=1e-9)
    assert result.json["method"] == "linear"
    assert abs(float(result.json["figure_at_value"])) < 0.005


def test_solve_without_a_solution_exits_1_with_a_message(monkeypatch, capsys):
    result = invoke(
        monkeypatch,
        capsys,
        "solve",
        "jeugd_hoog.yaml",
        "--vary",
        "jeugdhulp.regie_op_toegang",
        "--target",
        "structureel_saldo=50000000",
        "--year",
        "2028",
    )
    assert result.code == 1
    assert "no value of jeugdhulp.regie_op_toegang in its valid range" in result.err


def test_tornado_png_is_deterministic(monkeypatch, capsys, tmp_path):
    monkeypatch.chdir(tmp_path)  # the chart's source line names the command, so both runs type the same one
    written = []
    for _ in range(2):
        result = invoke(monkeypatch, capsys, "tornado", "jeugd_hoog.yaml", "--export", "tornado.png")
        assert result.code == 0, result.err
        written.append((tmp_path / "tornado.png").read_bytes())
    assert written[0] == written[1]
    assert written[0].startswith(b"\x89PNG")


def test_risks_on_the_shipped_workbook(monkeypatch, capsys):
    result = invoke(monkeypatch, capsys, "risks", "--format", "json")
    assert result.code == 0, result.err
    assert 23_750_000 <= result.json["benodigd"] <= 26_250_000
    assert len(result.json["risks"]) == 13


def test_a_bad_export_extension_is_refused_before_any_work(monkeypatch, capsys, tmp_path):
    result = invoke(monkeypatch, capsys, "simulate", "jeugd_hoog.yaml", "--export", str(tmp_path / "x.docx"))
    assert result.code == 2
    assert "x.docx" in result.err


def test_a_scenario_can_use_the_simulated_risk_register(monkeypatch, capsys):
    # docs/examples/jeugd_hoog_onzeker.yaml says `weerstand: {benodigd: risicoregister, zekerheid: 90%}`: its
    # simulation uses the register's 90% value (what `risks` gives), not the workbook's fixed 25.000.000.
    from pathlib import Path

    example = str(Path(__file__).resolve().parents[2] / "docs" / "examples" / "jeugd_hoog_onzeker.yaml")
    sim = invoke(monkeypatch, capsys, "simulate", example, "--draws", "2000", "--format", "json")
    assert sim.code == 0, sim.err
    risks = invoke(monkeypatch, capsys, "risks", "--format", "json")
    assert sim.json["benodigd"] == [risks.json["benodigd"]] * 4
    assert sim.json["benodigd"][0] != 25_000_000


def test_the_readme_shows_what_solve_prints(monkeypatch, capsys):
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    result = invoke(
        monkeypatch,
        capsys,
        "solve",
        "jeugd_hoog.yaml",
        "--vary",
        "jeugdhulp.volume",
        "--target",
        "structureel_saldo=0",
        "--year",
        "2028",
    )
    excerpt = readme.split("`hengelo-scenario solve jeugd_hoog.yaml --vary jeugdhulp.volume")[1].split("```text\n")[1]
    for line in excerpt.split("```")[0].strip().splitlines():
        assert line in result.out, line


def test_solve_the_algemene_uitkering_that_closes_jeugd_hoog_exactly(monkeypatch, capsys):
    # A structural baat of x raises the structureel saldo 2028 by x: x = 8.876.953,1708230012363603968, the
    # overrun worked out by hand in scenarios/jeugd_hoog.yaml (9.126.725,77... − 249.772,60), to every digit.
    result = invoke(
        monkeypatch,
        capsys,
        "solve",
        "jeugd_hoog.yaml",
        "--vary",
        "algemene_uitkering.amounts",
        "--target",
        "structureel_saldo=0",
        "--year",
        "2028",
        "--format",
        "json",
    )
    assert result.code == 0, result.err
    from decimal import Decimal

    assert Decimal(result.json["value"]) == Decimal("9126725.7708230012363603968") - Decimal("249772.60")
    assert Decimal(result.json["figure_at_value"]) == 0


def test_sweep_of_the_algemene_uitkering_by_hand(monkeypatch, capsys):
    # structureel saldo 2028 of jeugd_hoog: −8.876.953,17; every extra euro of algemene uitkering adds one.
    result = invoke(
        monkeypatch,
        capsys,
        "sweep",
        "jeugd_hoog.yaml",
        "--vary",
        "algemene_uitkering.amounts=0..9000000:3000000",
        "--format",
        "json",
    )
    assert result.code == 0, result.err
    values = [row[0] for row in result.json["values"]]
    assert values == pytest.approx([-8_876_953.17, -5_876_953.17, -2_876_953.17, 123_046.83], abs=0.005)
    assert [row[0] for row in result.json["structureel_in_evenwicht"]] == [False, False, False, True]


def test_a_number_of_draws_beyond_the_bound_is_bad_input_not_a_memory_error(tmp_path, monkeypatch, capsys):
    """10^13 draws would not fit in memory or in a working day: refused on the command line and in the file."""
    from tests.cli.invoke import invoke

    monkeypatch.chdir(tmp_path)
    result = invoke(monkeypatch, capsys, "simulate", "jeugd_hoog", "--draws", "10000000000000")
    assert result.code == 2
    assert "--draws" in result.err
    (tmp_path / "veel.yaml").write_text(
        "name: veel\nextends: jeugd_hoog\nuncertainty:\n  draws: 10000000000000\n", encoding="utf-8"
    )
    result = invoke(monkeypatch, capsys, "simulate", "veel.yaml")
    assert result.code == 2
    assert "veel.yaml, line 4" in result.err
    assert "Traceback" not in result.err


def test_sweep_of_the_ozb_tariff_by_hand(monkeypatch, capsys):
    # vijf_hefbomen: structureel saldo 2028 1.509.349,46 (worked out in the scenario file); one point more OZB is
    # (14.280.000 + 10.200.000 + 6.750.000) x 1% = 312.300 more structural baten.
    result = invoke(
        monkeypatch, capsys, "sweep", "vijf_hefbomen.yaml", "--vary", "ozb.tarief=0%..+2%:1%", "--format", "json"
    )
    assert result.code == 0, result.err
    values = [row[0] for row in result.json["values"]]
    assert values == pytest.approx([1_509_349.46, 1_821_649.46, 2_133_949.46], abs=0.005)


def test_solve_on_the_ozb_tariff_says_the_tax_room_runs_out(monkeypatch, capsys):
    # jeugd_hoog needs 8.876.953,17 / 31.230.000 = 28,4% more OZB in 2028; the onbenutte belastingcapaciteit of
    # 6.200.000 allows 6.200.000 / 31.230.000 = 19,85% at most.
    result = invoke(
        monkeypatch,
        capsys,
        "solve",
        "jeugd_hoog.yaml",
        "--vary",
        "ozb.tarief",
        "--target",
        "structureel_saldo=0",
        "--year",
        "2028",
    )
    assert result.code == 1
    assert "no value of ozb.tarief in its valid range" in result.err
    assert "+28,42" in result.err.replace(".", ",") or "28.42" in result.err


def test_a_typo_in_a_declared_lever_path_says_did_you_mean(monkeypatch, capsys):
    result = invoke(monkeypatch, capsys, "sweep", "vijf_hefbomen.yaml", "--vary", "ozb.tarif=0%..+2%:1%")
    assert result.code == 2
    assert "did you mean 'ozb.tarief'" in result.err


def test_simulate_imports_no_chart_parquet_or_scipy_library_it_does_not_need(tmp_path):
    # A fresh process (in-process tests have imported everything already): simulate on the shipped jeugd_hoog,
    # independent draws, table output. matplotlib, scipy and pyarrow are imported only for a chart, a correlated
    # draw or a Parquet file; pandas only for the Python API's frames.
    import json
    import subprocess
    import sys
    from pathlib import Path

    code = (
        "import sys, json\n"
        "sys.argv = ['hengelo-scenario', 'simulate', 'jeugd_hoog.yaml', '--draws', '20000', '--no-progress']\n"
        "from hengelo_scenario.cli.app import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "heavy = ('matplotlib', 'scipy', 'pyarrow', 'pandas', 'hengelo_scenario.scenario.uncertainty')\n"
        "sys.stderr.write(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in heavy or m in heavy)))\n"
    )
    scenarios = Path(__file__).resolve().parents[2] / "scenarios"
    done = subprocess.run([sys.executable, "-c", code], cwd=scenarios, capture_output=True, text=True, check=True)
    assert json.loads(done.stderr.strip().splitlines()[-1]) == []
