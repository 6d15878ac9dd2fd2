"""Texts and figures quoted from the source documents that the infrastructure pages show as they stand.

They are the documents' words, not data the secretariat keeps, so they live here rather than in the
database; seed_data.py re-exports them so the seed comparison checks them against the source.
"""

# The caveat printed under the list of projects in the leaflet.
ESTIMATE_CAVEAT = "Tallene er estimater, som løbende kvalificeres af igangværende undersøgelser."

# The leaflet's note on Infrastrukturplan 2035.
PLAN_NOTE = "Herunder er 8 ud af 10 af KKR Hovedstadens 7 + 3 VIP infrastrukturprojekter afspejlet i planen."

# The budget years of the mobility analysis's budget note (Tabel 1 has a column for each, some empty).
BUDGET_YEARS = [2023, 2024, 2025, 2026]
