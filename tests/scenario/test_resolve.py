"""Resolution against the baseline: exact factors per year, every name looked up, every problem with its line."""

from __future__ import annotations

from decimal import Decimal
from io import StringIO

import pytest
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from hengelo_scenario.baseline.model import Aard, Soort
from hengelo_scenario.errors import ScenarioError
from hengelo_scenario.money import EXACT_DIGITS
from hengelo_scenario.records import replace
from hengelo_scenario.scenario.loader import load_scenario_file
from hengelo_scenario.scenario.resolve import NO_CHANGE, resolve
from hengelo_scenario.scenario.source import parse_yaml

from .conftest import YEARS, load_and_resolve, make_baseline, one_problem, problems_of


def D(*values: str | int) -> tuple[Decimal, ...]:
    return tuple(Decimal(str(v)) for v in values)


ONES = D(1, 1, 1, 1)


# --- youth care -----------------------------------------------------------------------------------------------


def test_growth_compounds_exactly_from_its_first_year(write):
    path = write(
        """
        name: x
        jeugdhulp:
          price:
            growth: 10%
            from: 2026
        """
    )
    change = load_and_resolve(path).jeugdhulp
    for factors in change.price_factors:
        assert factors == D(1, "1.1", "1.21", "1.331")
        assert [str(f) for f in factors] == ["1", "1.1", "1.21", "1.331"]
    assert change.volume_factors == (ONES, ONES, ONES)


def test_growth_without_from_starts_in_the_first_baseline_year(write):
    path = write("name: x\njeugdhulp:\n  volume:\n    growth: 4,89%\n")
    (factors, *_) = load_and_resolve(path).jeugdhulp.volume_factors
    assert factors == D("1.0489", "1.10019121", "1.153990560169", "1.2104206985612641")


def test_per_year_changes_apply_to_the_years_named_only(write):
    path = write("name: x\njeugdhulp:\n  volume:\n    per_year: {2025: 3%, 2027: -2.5%}\n")
    (factors, *_) = load_and_resolve(path).jeugdhulp.volume_factors
    assert factors == D("1.03", 1, "0.975", 1)


def test_a_segments_own_lever_replaces_the_general_lever(write, baseline):
    path = write(
        """
        name: x
        jeugdhulp:
          price: {growth: 2%}
          volume: {per_year: {2026: 3%}}
          segments:
            verblijf (excl. pleegzorg):
              volume: {per_year: {2026: 10%}}
            PLEEGZORG:
              price: {per_year: {2028: -100%}}
        """
    )
    change = load_and_resolve(path, baseline).jeugdhulp
    ambulant, verblijf, pleegzorg = range(3)
    assert change.volume_factors[ambulant] == D(1, "1.03", 1, 1)
    assert change.volume_factors[verblijf] == D(1, "1.1", 1, 1)  # replaced, not multiplied
    assert change.volume_factors[pleegzorg] == D(1, "1.03", 1, 1)
    assert change.price_factors[verblijf] == D("1.02", "1.0404", "1.061208", "1.08243216")
    assert change.price_factors[pleegzorg] == D(1, 1, 1, 0)


def test_volume_factor_is_volume_change_times_regie_reduction(write):
    path = write(
        """
        name: x
        jeugdhulp:
          volume: {per_year: {2026: 10%, 2027: 10%}}
          regie_op_toegang: {per_year: {2026: 2%, 2028: 6%}}
        """
    )
    (factors, *_) = load_and_resolve(path).jeugdhulp.volume_factors
    assert factors == D(1, "1.078", "1.1", "0.94")


def test_regie_op_toegang_growth_compounds_as_a_reduction(write):
    path = write("name: x\njeugdhulp:\n  regie_op_toegang: {growth: 10%, from: 2027}\n")
    (factors, *_) = load_and_resolve(path).jeugdhulp.volume_factors
    assert factors == D(1, 1, "0.9", "0.81")


def test_youth_care_books_on_the_jeugdhulp_line_unless_told_otherwise(write):
    change = load_and_resolve(write("name: x\njeugdhulp:\n  price: {growth: 1%}\n")).jeugdhulp
    assert change.programma is None
    assert change.aard is Aard.STRUCTUREEL
    assert (change.origin.file, change.origin.line, change.origin.field) == ("s.yaml", 2, "jeugdhulp")
    path = write("name: x\njeugdhulp:\n  price: {growth: 1%}\n  programma: sociaal DOMEIN\n  aard: incidenteel\n")
    change = load_and_resolve(path).jeugdhulp
    assert (change.programma, change.aard) == ("6", Aard.INCIDENTEEL)


# --- lines addressed by Sleutel -------------------------------------------------------------------------------


def test_wijkaanpak_amounts_and_aard_per_year(write):
    path = write("name: x\nwijkaanpak:\n  amounts: {2027: 509000, 2028: 0}\n  aard: structureel\n")
    change = load_and_resolve(path).wijkaanpak
    assert change.amounts == (None, None, Decimal(509000), Decimal(0))
    assert change.aard == (None, None, Aard.STRUCTUREEL, Aard.STRUCTUREEL)  # the years named in amounts
    path = write("name: x\nwijkaanpak:\n  amounts: {2027: 1}\n  aard: {2026: structureel}\n")
    change = load_and_resolve(path).wijkaanpak
    assert change.aard == (None, Aard.STRUCTUREEL, None, None)
    change = load_and_resolve(write("name: x\nwijkaanpak:\n  aard: structureel\n")).wijkaanpak
    assert change.amounts == (None,) * 4
    assert change.aard == (Aard.STRUCTUREEL,) * 4  # no amounts: the whole line


@pytest.mark.parametrize(
    ("dekking", "naam", "given"),
    [
        ("algemene reserve", "Algemene reserve", True),
        ("Algemene Reserve", "Algemene reserve", True),
        ("reserve sociaal domein", "Reserve sociaal domein", True),
        ("begrotingssaldo", None, True),
        (None, None, False),
    ],
)
def test_leefbare_wijken_dekking(write, dekking, naam, given):
    text = "name: x\nleefbare_wijken:\n  amounts: {2027: 100000}\n"
    if dekking:
        text += f"  dekking: {dekking}\n"
    change = load_and_resolve(write(text)).leefbare_wijken
    assert (change.dekking, change.dekking_given) == (naam, given)
    assert change.amounts == (None, None, Decimal(100000), None)


def test_algemene_reserve_finds_the_reserve_whose_soort_is_algemene_reserve(write):

    baseline = make_baseline()
    renamed = tuple(
        replace(r, naam="Algemene reserve Hengelo") if r.naam == "Algemene reserve" else r for r in baseline.reserves
    )
    baseline = replace(baseline, reserves=renamed)
    change = load_and_resolve(write("name: x\nleefbare_wijken:\n  dekking: algemene reserve\n"), baseline)
    assert change.leefbare_wijken.dekking == "Algemene reserve Hengelo"


# --- the transformatieplan ------------------------------------------------------------------------------------


def test_transformatieplan_shares_per_onderdeel_and_year(write):
    path = write(
        """
        name: x
        transformatieplan:
          realisatie: {2026: 80%, 2027: 90%}
          onderdelen:
            wmo: 50%
        """
    )
    change = load_and_resolve(path).transformatieplan
    jeugd, wmo = change.realisatie
    assert jeugd == D(1, "0.8", "0.9", 1)
    assert wmo == D("0.5", "0.5", "0.5", "0.5")
    assert change.aard is Aard.STRUCTUREEL
    change = load_and_resolve(
        write("name: x\ntransformatieplan:\n  onderdelen:\n    Jeugd: {2026: 40%}\n")
    ).transformatieplan
    assert change.realisatie == (D(1, "0.4", 1, 1), ONES)  # years not named: 100%


# --- measures -------------------------------------------------------------------------------------------------


def test_measures_resolve_to_baseline_codes_and_vectors(write):
    path = write(
        """
        name: x
        measures:
          - name: Extra handhavers
            programma: 1
            soort: last
            amounts: {2025: 250000, 2026: 250000.50}
            dekking: algemene reserve
          - name: Storting
            description: |
              Naar de reserve
            programma: Sociaal domein
            soort: toevoeging
            reserve: reserve SOCIAAL domein
            amounts: {2027: 1000}
          - name: Besparing
            programma: "6"
            soort: last
            aard: incidenteel
            amounts: {2028: -50000}
        """
    )
    handhavers, storting, besparing = load_and_resolve(path).measures
    assert handhavers.programma == "1"
    assert handhavers.soort is Soort.LAST
    assert handhavers.aard is Aard.STRUCTUREEL
    assert handhavers.amounts == D(250000, "250000.50", 0, 0)
    assert (handhavers.reserve, handhavers.dekking) == (None, "Algemene reserve")
    assert (handhavers.origin.line, handhavers.origin.field) == (3, "measures[0]")
    assert storting.programma == "6"
    assert storting.aard is Aard.INCIDENTEEL  # reserve mutations are incidental unless marked
    assert storting.reserve == "Reserve sociaal domein"
    assert storting.description == "Naar de reserve"
    assert (besparing.aard, besparing.amounts) == (Aard.INCIDENTEEL, D(0, 0, 0, -50000))


def test_an_empty_scenario_resolves_to_nothing(write, baseline):
    path = write("name: Basis\ndescription: >\n  Geen\n  wijzigingen\nauthor: Team Financiën\n")
    scenario = load_and_resolve(path, baseline)
    assert scenario.is_empty
    assert scenario.years == YEARS
    assert (scenario.name, scenario.description, scenario.author) == ("Basis", "Geen wijzigingen", "Team Financiën")
    scenario_file = load_scenario_file(path)
    assert (scenario.source, scenario.sha256) == ("s.yaml", scenario_file.sha256)
    assert scenario.resolved_text == scenario_file.resolved_text


# --- problems against the baseline ----------------------------------------------------------------------------

# (yaml, line, field, a fragment of expected, a fragment of found, a fragment of hint)
BAD_AGAINST_BASELINE = [
    pytest.param(
        "name: x\njeugdhulp:\n  volume:\n    per_year: {2029: 3%}\n",
        4,
        "jeugdhulp.volume.per_year.2029",
        "one of 2025, 2026, 2027, 2028",
        "2029",
        "",
        id="year outside the baseline",
    ),
    pytest.param(
        "name: x\njeugdhulp:\n  volume:\n    growth: 3%\n    from: 2024\n",
        5,
        "jeugdhulp.volume.from",
        "one of 2025, 2026, 2027, 2028",
        "2024",
        "",
        id="growth from a year outside the baseline",
    ),
    pytest.param(
        "name: x\nmeasures:\n  - name: m\n    programma: Veiligheidd\n    soort: last\n    amounts: {2025: 1}\n",
        4,
        "measures[0].programma",
        "a programme of the baseline",
        "'Veiligheidd'",
        "did you mean 'Veiligheid'?",
        id="unknown programme",
    ),
    pytest.param(
        "name: x\nmeasures:\n  - name: m\n    programma: 7\n    soort: last\n    amounts: {2025: 1}\n",
        4,
        "measures[0].programma",
        "1 Veiligheid; 6 Sociaal domein",
        "'7'",
        "",
        id="unknown programme code",
    ),
    pytest.param(
        "name: x\njeugdhulp:\n  segments:\n    Verblijff:\n      volume: {growth: 1%}\n",
        4,
        "jeugdhulp.segments.Verblijff",
        "a youth-care segment of the baseline",
        "'Verblijff'",
        "did you mean 'Verblijf (excl. pleegzorg)'?",
        id="unknown segment",
    ),
    pytest.param(
        "name: x\ntransformatieplan:\n  onderdelen:\n    Jeugdzorg: 50%\n",
        4,
        "transformatieplan.onderdelen.Jeugdzorg",
        "an onderdeel of the baseline (Jeugd, Wmo)",
        "'Jeugdzorg'",
        "did you mean 'Jeugd'?",
        id="unknown onderdeel",
    ),
    pytest.param(
        "name: x\nleefbare_wijken:\n  dekking: Reserve sociaal\n",
        3,
        "leefbare_wijken.dekking",
        "a reserve of the baseline",
        "'Reserve sociaal'",
        "did you mean 'Reserve sociaal domein'?",
        id="unknown reserve",
    ),
    pytest.param(
        "name: x\nmeasures:\n  - name: m\n    programma: 1\n    soort: onttrekking\n    reserve: begrotingssaldo\n"
        "    amounts: {2025: 1}\n",
        6,
        "measures[0].reserve",
        "a reserve of the baseline",
        "'begrotingssaldo'",
        "",
        id="begrotingssaldo is no reserve",
    ),
    pytest.param(
        "name: x\njeugdhulp:\n  volume:\n    per_year: {2026: -150%}\n",
        4,
        "jeugdhulp.volume.per_year.2026",
        "-100% or more (a volume cannot fall below zero)",
        "-150%",
        "",
        id="negative volume factor",
    ),
    pytest.param(
        "name: x\njeugdhulp:\n  segments:\n    Pleegzorg:\n      price: {growth: -101%}\n",
        5,
        "jeugdhulp.segments.Pleegzorg.price.growth",
        "a price cannot fall below zero",
        "-101%",
        "",
        id="negative price growth",
    ),
    pytest.param(
        "name: x\njeugdhulp:\n  regie_op_toegang:\n    per_year: {2026: 120%}\n",
        4,
        "jeugdhulp.regie_op_toegang.per_year.2026",
        "a reduction between 0% and 100%",
        "120%",
        "above 100%",
        id="regie above 100%",
    ),
    pytest.param(
        "name: x\njeugdhulp:\n  regie_op_toegang:\n    growth: -2%\n",
        4,
        "jeugdhulp.regie_op_toegang.growth",
        "a reduction between 0% and 100%",
        "-2%",
        "`volume:`",
        id="negative regie",
    ),
    pytest.param(
        "name: x\nmeasures:\n  - name: Dubbel\n    programma: 1\n    soort: last\n    amounts: {2025: 1}\n"
        "  - name: dubbel\n    programma: 1\n    soort: baat\n    amounts: {2025: 1}\n",
        7,
        "measures[1].name",
        "a name used once",
        "'dubbel' again (also measures[0])",
        "",
        id="duplicate measure names",
    ),
    pytest.param(
        "name: x\njeugdhulp:\n  segments:\n    Pleegzorg: {price: {growth: 1%}}\n"
        "    pleegzorg: {volume: {growth: 1%}}\n",
        5,
        "jeugdhulp.segments.pleegzorg",
        "each youth-care segment once",
        "a second time",
        "",
        id="segment named twice",
    ),
    pytest.param(
        "name: x\nmeasures:\n  - name: Niets\n    programma: 1\n    soort: last\n    amounts: {2025: 0, 2026: 0}\n",
        3,
        "measures[0]",
        "a change against the baseline",
        f"{NO_CHANGE}: 0 in every year",
        "non-zero amount",
        id="a measure of zeros",
    ),
    pytest.param(
        "name: x\njeugdhulp:\n  price: {growth: 0%}\n  volume: {per_year: {2026: 0%}}\n",
        2,
        "jeugdhulp",
        "a change against the baseline",
        NO_CHANGE,
        "remove the section",
        id="youth care factors all 1",
    ),
    pytest.param(
        "name: x\ntransformatieplan:\n  realisatie: 100%\n  onderdelen: {Wmo: {2026: 100%}}\n",
        2,
        "transformatieplan",
        "a change against the baseline",
        NO_CHANGE,
        "other than 100%",
        id="transformatieplan all 100%",
    ),
]


@pytest.mark.parametrize(("text", "line", "field", "expected", "found", "hint"), BAD_AGAINST_BASELINE)
def test_a_scenario_that_does_not_fit_the_baseline(write, text, line, field, expected, found, hint):
    problem = one_problem(write(text, "bad.yaml"))
    assert (problem.file, problem.where, problem.field) == ("bad.yaml", f"line {line}", field)
    assert expected in problem.expected
    assert found in problem.found
    assert hint in problem.hint


@pytest.mark.parametrize(
    ("section", "flag", "key"),
    [
        ("wijkaanpak:\n  amounts: {2027: 1}\n", "wijkaanpak", "wijkaanpak"),
        ("leefbare_wijken:\n  amounts: {2027: 1}\n", "leefbare_wijken", "fonds_leefbare_wijken"),
        ("jeugdhulp:\n  price: {growth: 1%}\n", "jeugdhulp", "segments"),
        ("transformatieplan:\n  realisatie: 90%\n", "transformatieplan", "onderdelen"),
    ],
)
def test_a_section_the_baseline_has_nothing_for(write, section, flag, key):
    problem = one_problem(write("name: x\n" + section), make_baseline(**{flag: False}))
    assert (problem.where, problem.field) == ("line 2", section.split(":")[0])
    assert key in problem.expected
    assert "none in the baseline" in problem.found


def test_every_problem_against_the_baseline_is_reported_at_once(write):
    path = write(
        """
        name: x
        jeugdhulp:
          volume: {per_year: {2030: 1%}}
        measures:
          - name: m
            programma: 66
            soort: last
            amounts: {2025: 1}
            dekking: algemene reservee
        """
    )
    problems = problems_of(path)
    assert [(p.where, p.field) for p in problems] == [
        ("line 3", "jeugdhulp.volume.per_year.2030"),
        ("line 6", "measures[0].programma"),
        ("line 9", "measures[0].dekking"),
    ]
    assert "did you mean '6'?" in problems[1].hint
    assert "did you mean 'Algemene reserve'?" in problems[2].hint


def test_exact_arithmetic_that_would_lose_digits_is_a_problem_not_a_traceback(write):
    # Exact arithmetic keeps up to money.EXACT_DIGITS significant digits, so a growth of 60 digits compounds
    # exactly (issue 8: no rounding at 28 digits, no decimal.Inexact on a long horizon) ...
    sixty = "1." + "7" * 60
    scenario = load_and_resolve(write(f"name: x\njeugdhulp:\n  price: {{growth: '{sixty}%'}}\n"))
    assert scenario.jeugdhulp is not None
    assert len(scenario.jeugdhulp.price_factors[0][-1].as_tuple().digits) > 60
    # ... and one longer than that is refused on its line, not with a traceback
    digits = "1." + "7" * EXACT_DIGITS
    problem = one_problem(write(f"name: x\njeugdhulp:\n  price: {{growth: '{digits}%'}}\n"))
    assert problem.field == "jeugdhulp.price.growth"
    assert problem.where == "line 3"


# --- property: any generated scenario loads and resolves, or fails with a ScenarioError ------------------------

SEGMENTS = ["Ambulant incl. jeugd-GGZ", "verblijf (excl. pleegzorg)", "PLEEGZORG", "Daghulp"]
years = st.integers(min_value=2024, max_value=2029)
percent = st.builds(
    lambda n, d, comma: f"{n}{',' if comma else '.'}{d}%" if d is not None else f"{n}%",
    st.integers(min_value=-150, max_value=150),
    st.one_of(st.none(), st.integers(min_value=0, max_value=999)),
    st.booleans(),
)
change = st.one_of(
    st.fixed_dictionaries({"per_year": st.dictionaries(years, percent, max_size=4)}),
    st.fixed_dictionaries({"growth": percent}, optional={"from": years}),
)
amount = st.one_of(
    st.integers(min_value=-(10**9), max_value=10**9),
    st.decimals(min_value=-(10**9), max_value=10**9, places=2, allow_nan=False, allow_infinity=False),
)
levers = st.fixed_dictionaries({}, optional={"price": change, "volume": change, "regie_op_toegang": change})
aard = st.sampled_from(["structureel", "incidenteel"])
share = st.builds(lambda n: f"{n}%", st.integers(min_value=0, max_value=150))
measure = st.fixed_dictionaries(
    {
        "name": st.sampled_from(["A", "B", "C", "a"]),
        "programma": st.sampled_from([1, 6, "AD", "Sociaal domein", 3]),
        "soort": st.sampled_from(["last", "baat", "toevoeging", "onttrekking"]),
        "amounts": st.dictionaries(years, amount, max_size=4),
    },
    optional={
        "aard": aard,
        "reserve": st.sampled_from(["Algemene reserve", "reserve sociaal domein", "Onbekend"]),
        "dekking": st.sampled_from(["algemene reserve", "begrotingssaldo"]),
    },
)
scenario = st.fixed_dictionaries(
    {"name": st.text(min_size=1, max_size=20).filter(str.strip)},
    optional={
        "description": st.text(max_size=40),
        "jeugdhulp": st.fixed_dictionaries(
            {},
            optional={
                "price": change,
                "volume": change,
                "regie_op_toegang": change,
                "segments": st.dictionaries(st.sampled_from(SEGMENTS), levers, max_size=2),
                "aard": aard,
                "programma": st.sampled_from([6, "6", "Sociaal domein", 9]),
            },
        ),
        "wijkaanpak": st.fixed_dictionaries(
            {"amounts": st.dictionaries(years, st.integers(min_value=0, max_value=10**7), max_size=4)},
            optional={"aard": st.one_of(aard, st.dictionaries(years, aard, max_size=2))},
        ),
        "leefbare_wijken": st.fixed_dictionaries(
            {},
            optional={
                "amounts": st.dictionaries(years, st.integers(min_value=0, max_value=10**6), max_size=4),
                "dekking": st.sampled_from(["algemene reserve", "begrotingssaldo", "Reserve sociaal domein"]),
            },
        ),
        "transformatieplan": st.fixed_dictionaries(
            {},
            optional={
                "realisatie": st.one_of(share, st.dictionaries(years, share, max_size=3)),
                "onderdelen": st.dictionaries(st.sampled_from(["Jeugd", "wmo"]), share, max_size=2),
            },
        ),
        "measures": st.lists(measure, max_size=3),
    },
)


def _represent_text(representer, text: str):
    """Text that is not all printable in double quotes with escapes (NEL as \\N), as a careful writer would:
    ruamel writes a NEL raw in single quotes, followed by indentation, which YAML 1.2 reads as part of the text."""
    style = None if text.isprintable() else '"'
    return representer.represent_scalar("tag:yaml.org,2002:str", text, style=style)


def dump(data: dict) -> str:
    yaml = YAML(typ="rt", pure=True)
    yaml.representer.add_representer(
        Decimal, lambda r, d: r.represent_scalar("tag:yaml.org,2002:float", format(d, "f"))
    )
    yaml.representer.add_representer(str, _represent_text)
    buffer = StringIO()
    yaml.dump(data, buffer)
    return buffer.getvalue()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=scenario)
@example(data={"name": "a\x85b"})  # NEL inside a name: text in YAML 1.2, once read as a line break (a space)
@example(data={"name": "\x850"})  # NEL at the start: stripped as whitespace, like any other
@example(data={"name": "a\u2028b", "description": "x\u2029y"})
def test_generated_scenarios_resolve_or_fail_with_a_scenario_error(write, data):
    path = write(dump(data), "generated.yaml")
    try:
        result = resolve(load_scenario_file(path), make_baseline())
    except ScenarioError as error:
        event("refused with problems")
        for problem in error.problems:
            assert problem.file == "generated.yaml"
            assert problem.where.startswith("line ")
            assert problem.expected
            assert problem.found
        return
    event("resolved")
    assert result.years == YEARS
    assert result.name == data["name"].strip()
    if result.jeugdhulp is not None:
        for factors in (*result.jeugdhulp.price_factors, *result.jeugdhulp.volume_factors):
            assert len(factors) == len(YEARS)
            assert all(f >= 0 for f in factors)
    for resolved in result.measures:
        assert len(resolved.amounts) == len(YEARS)
        assert any(a != 0 for a in resolved.amounts)
    parse_yaml(result.resolved_text, "resolved")  # the provenance text is valid YAML
