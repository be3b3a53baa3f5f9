"""`run` prints the levers' own tables: the indexation with the accres, the kapitaallasten per investment."""

from __future__ import annotations

from typer.testing import CliRunner

from hengelo_scenario.cli.app import app

runner = CliRunner()


def cli(*args: str):
    return runner.invoke(app, list(args), env={"NO_COLOR": "1", "COLUMNS": "120"})


def test_lopende_prijzen_shows_every_indexed_line_and_the_accres_beside_it(in_tmp):
    result = cli("run", "lopende_prijzen.yaml")
    assert result.exit_code == 0, result.output
    out = result.output
    table = out.split("Loon- en prijsindexatie per regel en het accres van de algemene uitkering")[1]
    for text in ("Totaal indexatie lasten", "Totaal indexatie baten", "AD Algemene uitkering gemeentefonds", "Accres"):
        assert text in table, text
    # the accres of 2026: 2,5% of 209.097.000 = 5.227.425 -> 5.227; the gap 4.223.494,55 -> 4.223 N
    assert "5.227" in table
    assert "4.223 N" in table
    assert "1 Bijdrage Veiligheidsregio Twente" in table  # a line of every category, with its programme
    assert "AD OZB woningen" in table


def test_the_kapitaallasten_table_and_no_word_about_levers_a_scenario_does_not_use(in_tmp):
    out = cli("run", "vijf_hefbomen.yaml").output
    assert "Investeringen: kapitaallasten per jaar" in out
    assert "Nieuwbouw IKC (lineair, 40 jaar, rente 2,5%)," in out  # the label wraps before "programma 4"
    plain = cli("run", "jeugd_hoog.yaml").output
    assert "Tabel 'indexatie'" not in plain
    assert "Investeringen: kapitaallasten" not in plain
    asked = cli("run", "jeugd_hoog.yaml", "--sections", "kapitaallasten").output
    assert "Tabel 'kapitaallasten': het scenario gebruikt deze hefboom niet." in asked


def test_json_carries_the_schedules_and_the_weerstand_changes(in_tmp):
    import json

    data = json.loads(cli("run", "vijf_hefbomen.yaml", "--format", "json").output)
    # the OZB rise of 4% on 31.230.000 in 2027 and 2028 uses up as much onbenutte belastingcapaciteit
    from decimal import Decimal

    (change,) = data["weerstand_changes"]
    assert (change["post"], change["lever"]) == ("Onbenutte belastingcapaciteit", "ozb")
    assert [Decimal(a) for a in change["amounts"]] == [0, 0, Decimal(-1249200), Decimal(-1249200)]
    assert [d["kind"] for d in data["details"]] == ["indexatie", "kapitaallasten"]
    ikc = [r for r in data["details"][1]["rows"] if r["labels"][0].startswith("Nieuwbouw IKC")]
    kapitaallasten = {r["part"]: r["amounts"] for r in ikc}["kapitaallasten"]
    assert [Decimal(a) for a in kapitaallasten] == [0, 400000, 395000, 390000]


def test_a_circulaire_name_is_printed_as_written_not_as_markup(in_tmp):
    (in_tmp / "s.yaml").write_text(
        'name: x\nalgemene_uitkering:\n  circulaires:\n    "[bold red]meicirculaire[/]": {2026: -5000}\n',
        encoding="utf-8",
    )
    out = cli("run", "s.yaml").output
    assert "Algemene uitkering: [bold red]meicirculaire[/]" in out
