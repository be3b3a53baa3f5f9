"""The loader's remembered parse: each caller gets its own copy of the data, equal to a deep copy."""

from __future__ import annotations

import copy
from decimal import Decimal

from hengelo_scenario.scenario import loader


def test_the_copy_is_equal_to_a_deep_copy_and_shares_no_dict_or_list():
    data = {"a": [1, {"b": Decimal("0.10"), "c": None}], 2026: "x", "d": {"e": [True, []]}}
    copied = loader._copy_plain(data)
    assert copied == copy.deepcopy(data)
    assert repr(copied) == repr(data)
    copied["a"][1]["b"] = 5
    copied["d"]["e"][1].append(1)
    assert data == {"a": [1, {"b": Decimal("0.10"), "c": None}], 2026: "x", "d": {"e": [True, []]}}


def test_a_parent_read_twice_is_handed_out_unchanged(tmp_path):
    text = "name: x\nwijkaanpak:\n  amounts: {2027: 1}\n"
    first, _ = loader._parsed(text, "p.yaml")
    first["wijkaanpak"]["amounts"][2027] = 99
    first.pop("name")
    second, _ = loader._parsed(text, "p.yaml")
    assert second == {"name": "x", "wijkaanpak": {"amounts": {2027: 1}}}
