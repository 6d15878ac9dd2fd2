"""Texts and figures quoted from the source documents that the infrastructure pages show as they stand.

They are the documents' words, not data the secretariat keeps, so they live here rather than in the
database; seed_data.py re-exports them so the seed comparison checks them against the source.
"""

# The caveat printed under the list of projects in the leaflet.
ESTIMATE_CAVEAT = "Tallene er estimater, som løbende kvalificeres af igangværende undersøgelser."

# The note on Infrastrukturplan 2035 (in the vision paper's challenges section).
PLAN_NOTE = "Herunder er 8 ud af 10 af KKR Hovedstadens 7 + 3 VIP infrastrukturprojekter afspejlet i planen."

# The budget years of the mobility analysis's budget note (Tabel 1 has a column for each, some empty).
BUDGET_YEARS = [2023, 2024, 2025, 2026]

# The documents of the packet this area loads from, for each record's source reference.
LEAFLET_REF = "Folderen «Hovedstadsområdets fælles infrastrukturprioriteter»"
PROJECTS_REF = f"{LEAFLET_REF}, listen over de 7+3 projekter"
VISION_DOC = (
    "Notatet «Vision og pejlemærker for fælles prioriterede infrastrukturprojekter i hovedstadsområdet»"
)
VISION_REF = f"{VISION_DOC}, afsnit «Forslag til vision»"
CRITERIA_REF = f"{VISION_DOC}, afsnit «Forslag til pejlemærker»"
TM274_DOC = "Budgetnotat TM274 «Analyse af mobiliteten i hovedstadsområdet» (Københavns Kommune, Budget 2023)"
TASK_COMMITTEE_DOC = (
    "Punkt 4.1, «Kommissorium for opgaveudvalg for rejsen med bus, tog og cykler i Region Hovedstaden»"
)
PLAN_NOTE_REF = f"{VISION_DOC}, afsnit «Udfordringsbillede»"
