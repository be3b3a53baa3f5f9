"""The wijkaanpak (Zomernota 2024-2028: €503,000 in 2025, €509,000 in 2026): new amounts for its baseline line."""

from hengelo_scenario.levers.keyed import KeyedLineLever

LEVER = KeyedLineLever(key="wijkaanpak", sleutel="wijkaanpak", label="Wijkaanpak", order=20)
