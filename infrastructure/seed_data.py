"""The infrastructure part of the seed (../shared/seeds/000_c84598ce500ad0cc.txt), transcribed verbatim.

Where the seed is silent nothing is stored: no leads (the seed says leads were appointed, not who), no
price years or sources (the leaflet gives none, only "Tallene er estimater ..."), no plan status per
project (8 of 10 are reflected in Infrastrukturplan 2035, without naming them: all load as unknown), no
estimate for Kystbanen. Municipalities are stored only where the seed's own project text names a
municipality (Gladsaxe, Hillerød, Frederikssund, Hvidovre, Rødovre), not inferred from districts or towns.
Amounts are in million DKK.
"""

from decimal import Decimal

# The texts the pages show verbatim (the caveat under the list, the plan note, the budget years) live in
# source_texts.py; they are part of the seed all the same.
from .source_texts import BUDGET_YEARS, ESTIMATE_CAVEAT, PLAN_NOTE  # noqa: F401

D = Decimal

LEAFLET_TITLE = "Hovedstadsområdets fælles infrastrukturprioriteter"

# Each project: slug, name (the map label), group, mode, description (the leaflet's list line without the
# price), municipalities named in that text, parts: (part name, low, high, the verbatim price text) with
# low/high None for no estimate.
PROJECTS = [
    {
        "slug": "hilleroed-frederikssund-motorvejene",
        "name": "Færdiggørelse af hhv. Hillerød- og Frederikssundsmotorvejene",
        "group": "7",
        "mode": "road",
        "description": "Færdiggørelse af hhv. Hillerød- og Frederikssundsmotorvejene",
        "municipalities": ["Hillerød", "Frederikssund"],
        "parts": [
            ("Færdiggørelse af Hillerødmotorvejen", D("980"), D("980"), "Pris hhv. ca. 980 mio. kr."),
            ("Færdiggørelse af Frederikssundmotorvejen", D("2900"), D("2900"), "og 2,9 mia. kr."),
        ],
    },
    {
        "slug": "kystbanen",
        "name": "Forbedringer af Kystbanen",
        "group": "7",
        "mode": "rail",
        "description": "Forbedringer af Kystbanen",
        "municipalities": [],
        "parts": [("Forbedringer af Kystbanen", None, None, "")],
    },
    {
        "slug": "ring-5-syd",
        "name": "Ring 5 Syd",
        "group": "7",
        "mode": "road",
        "description": "Ring 5 Syd – motorvejsforbindelse fra Frederikssundsvej til Køge",
        "municipalities": [],
        "parts": [("Ring 5 Syd", D("6600"), D("6600"), "Pris ca. 6,6 mia. kr.")],
    },
    {
        "slug": "automatisering-af-s-tog",
        "name": "Automatisering af S-tog",
        "group": "7",
        "mode": "s_train",
        "description": "Automatisering af S-tog",
        "municipalities": [],
        "parts": [("Automatisering af S-tog", D("4100"), D("4100"), "Pris ca. 4,1 mia. kr.")],
    },
    {
        "slug": "letbane-gladsaxe-noerrebro",
        "name": "Letbane Gladsaxe-Nørrebro",
        "group": "7",
        "mode": "light_rail",
        "description": "Letbane fra Gladsaxe til Nørrebro",
        "municipalities": ["Gladsaxe"],
        "parts": [("Letbane fra Gladsaxe til Nørrebro", D("3000"), D("3000"), "Pris ca. 3 mia. kr.")],
    },
    {
        "slug": "oestlig-ringvej",
        "name": "Østlig Ringvej",
        "group": "7",
        "mode": "road",
        "description": "Østlig Ringvej – sænketunnelsløsning øst om Prøvestenen til lufthavnen",
        "municipalities": [],
        "parts": [("Østlig Ringvej", D("20900"), D("20900"), "Pris ca. 20,9 mia. kr.")],
    },
    {
        "slug": "tog-roskilde-kastrup-lufthavn",
        "name": "Tog Roskilde-Kastrup Lufthavn",
        "group": "7",
        "mode": "rail",
        "description": "Direkte togforbindelse fra Roskilde til Kastrup Lufthavn",
        "municipalities": [],
        "parts": [
            (
                "Direkte togforbindelse fra Roskilde til Kastrup Lufthavn",
                D("1000"),
                D("1000"),
                "Pris ca. 1 mia. kr.",
            )
        ],
    },
    {
        "slug": "hilleroed-station",
        "name": "Ombygning af Hillerød Station",
        "group": "+3",
        "mode": "station",
        "description": "Ombygning af Hillerød Station",
        "municipalities": ["Hillerød"],
        "parts": [("Ombygning af Hillerød Station", D("182"), D("182"), "Pris ca. 0,182 mia. kr.")],
    },
    {
        "slug": "metro-ny-ellebjerg",
        "name": "Forlængelse af metroen fra Ny Ellebjerg",
        "group": "+3",
        "mode": "metro",
        "description": (
            "Forlængelse af metroen fra Ny Ellebjerg til Hvidovre Hospital og Rødovre Centrum, "
            "samt forlængelse fra Ny Ellebjerg til Bispebjerg"
        ),
        "municipalities": ["Hvidovre", "Rødovre"],
        "parts": [
            (
                "Forlængelse af metroen fra Ny Ellebjerg til Hvidovre Hospital og Rødovre Centrum",
                D("14000"),
                D("14000"),
                "Pris hhv. ca. 14 mia. kr.",
            ),
            ("forlængelse fra Ny Ellebjerg til Bispebjerg", D("19400"), D("19400"), "og ca. 19,4 mia. kr."),
        ],
    },
    {
        "slug": "s-bane-farum-hilleroed",
        "name": "S-bane Farum-Hillerød",
        "group": "+3",
        "mode": "s_train",
        "description": "Forlænge S-banen fra Farum til Hillerød",
        "municipalities": ["Hillerød"],
        "parts": [
            ("Forlænge S-banen fra Farum til Hillerød", D("1000"), D("1750"), "Pris ca. 1-1,75 mia. kr.")
        ],
    },
]

CRITERION_SET = {
    "name": "Vision og pejlemærker for fælles prioriterede infrastrukturprojekter i hovedstadsområdet",
    "vision_intro": (
        "Hovedstadens kommuner og Regionen ønsker at samarbejde omkring infrastrukturprojekter og "
        "mobilitetsløsninger, som skal:"
    ),
    "levels_note": (
        "Pejlemærkerne er som udgangspunkt af kvalitativ karakter, men kan vurderes på flere niveauer "
        "(fra helt simpelt ”ja/nej” til egentlige avancerede samfundsøkonomiske beregninger)"
    ),
}

# The vision: four aims, each with its two reasons (verbatim).
VISION = [
    (
        "Sikre bedre mobilitet og mindske trængsel",
        ["Så folk kan komme til og fra arbejde uden unødigt tidsspild", "For at sikre vækst og udvikling"],
    ),
    (
        "Sikre bæredygtige, klimavenlige løsninger",
        ["For at reducere udledning af CO2e", "Der er cirkulære og reducerer brug af råstoffer"],
    ),
    (
        "Styrke en sammenhængende hovedstadsregion og et integreret arbejdsmarked",
        [
            "Så der er gode kollektive transportmuligheder",
            "For at sikre nem tilgængelighed til arbejdspladser, en mobil arbejdsstyrke og friere bevægelighed",
        ],
    ),
    (
        "Sikre, at hovedstaden forsat er et godt sted at bo, leve og drive virksomhed",
        [
            "Så der er gode muligheder for aktiv transport – såsom cykling",
            "Hvor trafikstøj, bl.a. langs de store veje, reduceres",
        ],
    ),
]

# The six criteria (pejlemærker) with their twelve sub-criteria, verbatim.
CRITERIA = [
    (
        "1",
        "Fælles og tværgående relevans i hovedstadsområdet",
        [
            ("1.1", "Bred kommunal og regional effekt"),
            ("1.2", "Projekter, som kommer mange indbyggere, arbejdspladser og geografiske områder til gavn"),
        ],
    ),
    (
        "2",
        "Styrke sammenhæng og fremkommelighed",
        [
            ("2.1", "Mindsket rejsetid på veldefinerede rejser i hovedstadsområdet"),
            ("2.2", "Nye transportformer og teknologisk innovation"),
        ],
    ),
    (
        "3",
        "Nedbringe CO2-udledning fra trafik og trafikinvesteringer",
        [
            ("3.1", "Omstilling til grønnere drivmidler og transportformer"),
            ("3.2", "Valg af mindre CO2-belastede infrastruktur-byggeprojekter"),
        ],
    ),
    (
        "4",
        "Øge folkesundheden",
        [
            ("4.1", "Omstilling til cyklisme og andre sundhedsfremmende transportformer"),
            ("4.2", "Mindske støj og partikelforurening"),
        ],
    ),
    (
        "5",
        "Bidrage til en mere attraktiv kollektiv transport",
        [
            ("5.1", "Bedre adgang og høj kvalitet, samt en god rejseoplevelse"),
            ("5.2", "Styrket sammenhæng mellem transportformer"),
        ],
    ),
    (
        "6",
        "Økonomisk bæredygtighed",
        [
            ("6.1", "Høj samfundsøkonomisk rentabilitet"),
            ("6.2", "Gennemskuelig projektøkonomi"),
        ],
    ),
]

# TM274: the mobility analysis budget note (Københavns Kommune, Budget 2023).
MOBILITY_ANALYSIS = {
    "code": "TM274",
    "title": "Analyse af mobiliteten i hovedstadsområdet",
    "purpose": (
        "Mobilitetsanalysen har som overordnet formål at kortlægge mulighederne for hvordan og med hvilke "
        "greb trængslen og den samlede CO2-udledning fra vejtrafikken i hovedstadsområdet kan reduceres."
    ),
    "due_text": "Initiativet forventes færdigt i maj 2024.",
    "due_year": 2024,
    "due_month": 5,
    "price_basis": "1.000 kr. – 2023 p/l",
    "financing": "Den fælles mobilitetsanalyse bliver finansieret i fællesskab af hhv. København og Regionen.",
}

# Tabel 1: (activity, kind, {year: thousand DKK}).
BUDGET_LINES = [
    ("Rådgiverbistand", "construction", {2023: D("1000"), 2024: D("1000")}),
    ("Juridisk bistand", "construction", {2023: D("25")}),
    ("Intern projektledelse", "service", {2023: D("680"), 2024: D("680")}),
]

# The totals the seed prints ("Udgifter i alt 1.705 1.680 0 0 3.385"; Tabel 2's "Anlægsudgifter i alt
# ... 2.025" and "Serviceudgifter i alt ... 1.360"): used only by the tests to check the computed totals.
STATED_TOTALS = {
    "per_year": {2023: D("1705"), 2024: D("1680"), 2025: D("0"), 2026: D("0")},
    "total": D("3385"),
    "construction": D("2025"),
    "service": D("1360"),
}
