"""The seed's education part, transcribed exactly (../shared/seeds/000_c84598ce500ad0cc.txt).

Section 3.7 "Justering af KKR Hovedstadens fælles uddannelsesstrategi" (the draft strategy, November 2022)
and section 3.8 "Dimensionering på SOSU-området" with the table "KKR Hovedstaden – fordeling af
lærepladser for 2023". The table came from a PDF as loose text, one municipality per line:

    "Bornholm 29 29 69 69"

Its headings give the column order: social- og sundhedshjælpere (dimensionering 2022, 2023), then social- og
sundhedsassistenter (dimensionering 2022, 2023). Check: the columns sum to the "I alt" line
853, 849, 1793, 1776.
"""

SOURCE_NOTE = "KKR Hovedstaden – fordeling af lærepladser for 2023 (dagsordenens punkt 3.8)"

# Where each loaded fact stands in the source (core.sources): document and section. Item 3.8's heading is
# spelled "SOSO-området" in the source; the reference quotes it as it stands.
TABLE_REF = (
    "Dagsordenens punkt 3.8 «Dimensionering på SOSO-området» (sådan i kilden), tabellen "
    "«KKR Hovedstaden – fordeling af lærepladser for 2023»"
)
STRATEGY_REF = (
    "Dagsordenens punkt 3.7 «Justering af KKR Hovedstadens fælles uddannelsesstrategi»: "
    "Fælles uddannelsesstrategi - KKR Hovedstaden - UDKAST, november 2022"
)
# The table's column headings, per programme.
COLUMN_HEADINGS = {
    "social-og-sundhedshjaelper": "Social- og sundhedshjælpere",
    "social-og-sundhedsassistent": "Social- og sundhedsassistenter",
}

HELPER = "social-og-sundhedshjaelper"
ASSISTANT = "social-og-sundhedsassistent"

# (slug, name, order, is_allocated, in_strategy, parent slug)
PROGRAMMES: list[tuple[str, str, int, bool, bool, str | None]] = [
    ("laereruddannelsen", "Læreruddannelsen", 1, False, True, None),
    ("paedagoguddannelsen", "Pædagoguddannelsen", 2, False, True, None),
    ("sygeplejerskeuddannelsen", "Sygeplejerskeuddannelsen", 3, False, True, None),
    ("socialraadgiveruddannelsen", "Socialrådgiveruddannelsen", 4, False, True, None),
    ("ergo-og-fysioterapeutuddannelser", "Ergo- og fysioterapeutuddannelser", 5, False, True, None),
    ("sosu", "Social- og sundhedsuddannelser (SOSU)", 6, False, True, None),
    ("pau", "Pædagogisk assistentuddannelse (PAU)", 7, False, True, None),
    (HELPER, "Social- og sundhedshjælper", 10, True, False, "sosu"),
    (ASSISTANT, "Social- og sundhedsassistent", 11, True, False, "sosu"),
]

# municipality (seed spelling), hjælper 2022, hjælper 2023, assistent 2022, assistent 2023
ALLOCATION_TABLE: list[tuple[str, int, int, int, int]] = [
    ("København", 228, 226, 446, 442),
    ("Frederiksberg", 49, 47, 93, 90),
    ("Ballerup", 25, 25, 52, 52),
    ("Brøndby", 18, 17, 41, 39),
    ("Dragør", 8, 8, 18, 18),
    ("Gentofte", 38, 38, 87, 86),
    ("Gladsaxe", 32, 31, 70, 67),
    ("Glostrup", 12, 12, 25, 24),
    ("Herlev", 15, 15, 32, 32),
    ("Albertslund", 12, 12, 28, 28),
    ("Hvidovre", 23, 22, 52, 49),
    ("Høje-Taastrup", 20, 21, 48, 48),
    ("Lyngby-Taarbæk", 34, 33, 67, 64),
    ("Rødovre", 20, 20, 46, 44),
    ("Ishøj", 8, 8, 19, 19),
    ("Tårnby", 21, 19, 43, 41),
    ("Vallensbæk", 6, 6, 15, 16),
    ("Furesø", 21, 22, 46, 47),
    ("Allerød", 12, 13, 27, 28),
    ("Fredensborg", 20, 21, 45, 46),
    ("Helsingør", 37, 37, 78, 78),
    ("Hillerød", 25, 25, 52, 52),
    ("Hørsholm", 16, 16, 35, 35),
    ("Rudersdal", 36, 35, 74, 72),
    ("Egedal", 19, 19, 42, 43),
    ("Frederikssund", 25, 27, 54, 56),
    ("Halsnæs", 19, 19, 39, 40),
    ("Gribskov", 25, 26, 50, 51),
    ("Bornholm", 29, 29, 69, 69),
]

# The "I alt" line of the table.
TOTALS = {(HELPER, 2022): 853, (HELPER, 2023): 849, (ASSISTANT, 2022): 1793, (ASSISTANT, 2023): 1776}

# Which column of ALLOCATION_TABLE holds which programme and year.
COLUMNS = {(HELPER, 2022): 1, (HELPER, 2023): 2, (ASSISTANT, 2022): 3, (ASSISTANT, 2023): 4}


STRATEGY = {
    "title": "Fælles uddannelsesstrategi - KKR Hovedstaden",
    "status_note": "UDKAST",
    "dated": "November 2022",
    "introduction": (
        "Uddannelser af høj kvalitet er afgørende for, at kommunerne har kvalificerede medarbejdere og også "
        "fremover kan rekruttere dygtige nyuddannede medarbejdere til velfærdsområderne. Kommunerne i "
        "hovedstaden oplever aktuelt stigende rekrutteringsudfordringer, og i de kommende år forventes der en "
        "endnu større mangel på medarbejdere til de store velfærdsområder som eksempelvis sosu-assistent, "
        "sygeplejerske, pædagog og lærer. Det stiller store krav til de uddannelsesinstitutioner, der skal "
        "uddanne fremtidens velfærdsmedarbejdere. Men det stiller samtidig store krav til kommunerne, der også "
        "er ”uddannelsesinstitutioner” og som er centrale i forhold til at sikre kvaliteten i "
        "grunduddannelserne og styrke rekrutteringen til velfærdsområderne. KKR-Hovedstaden har derfor "
        "formuleret en overordnet strategi for de grunduddannelser, som kommunerne er centrale aftager på. "
        "Strategien retter sig mod følgende grunduddannelser:"
    ),
    "purpose": (
        "Formålet med strategien er at sætte retning for de overordnede, fælleskommunale ambitioner og mål på "
        "grunduddannelsesområdet og tydeliggøre kommunernes uddannelsesopgave og varetagelse af "
        "uddannelsesforpligtelsen. Da indsatsen finder sted i tæt samspil med uddannelsesinstitutioner og de "
        "studerende, formulerer strategien samtidig ambitioner for dette samspil og forventninger til "
        "uddannelsesinstitutionerne."
    ),
    "target_group": (
        "Målgruppen for strategien er primært kommunerne i hovedstaden – herunder kommunalbestyrelserne, de "
        "KKR-udpegede repræsentanter i bestyrelser og uddannelsesudvalg samt de medarbejdere, der dagligt "
        "arbejder med uddannelsesopgaven i kommunerne. Sekundært rækker strategien desuden ud til "
        "uddannelsesinstitutioner, elever og studerende i hovedstadsområdet."
    ),
    "guiding_marks_intro": (
        "Forberedelse og overgangen til praktikforløb er afgørende for kvaliteten og sammenhængen i "
        "uddannelserne. Det er derfor centralt at tydeliggøre hvilke forventninger, der er til henholdsvis "
        "uddannelsesinstitutionerne, de enkelte kommuner og det fælleskommunale samarbejde med "
        "uddannelsesinstitutionerne."
    ),
    "initiatives_intro": (
        "Aktuelt arbejder kommunerne med følgende indsatser, der spiller tæt sammen med den fælles "
        "uddannelsesstrategi:"
    ),
}

STRATEGY_PROGRAMMES = [slug for slug, _n, _o, _a, in_strategy, _p in PROGRAMMES if in_strategy]

AUDIENCE_INTROS = {
    "municipality": (
        "Udvikling af kvaliteten i velfærdsuddannelserne afhænger af, at kommunerne bidrager til at skabe "
        "bedre sammenhæng i vekseluddannelserne, og derfor skal der i den enkelte kommune arbejdes for at:"
    ),
    "institutions": (
        "Uddannelsesinstitutionerne har et særligt ansvar for at sikre kvaliteten i grunduddannelserne og "
        "skabe gode overgange fra skole til praktik. For at styrke udbuddet af kvalificeret arbejdskraft som "
        "matcher kommunernes kompetencebehov, er det fra et kommunalt perspektiv særligt vigtigt, at "
        "uddannelsesinstitutionerne arbejder for, at nyuddannede:"
    ),
    "joint": ("I samarbejdet mellem kommuner, uddannelsesaktører og studerende skal der arbejdes for at:"),
}

GUIDING_MARKS: dict[str, list[str]] = {
    "municipality": [
        "Skabe arbejdsmæssige rammer, der giver nyuddannede mulighed for at bringe læring i spil, der både "
        "hviler på praksiserfaringer og evidens",
        "Sætte ledelsesmæssigt fokus på de krav, som stilles til uddannelsesinstitutionerne og kommunens egen "
        "uddannelsesforpligtigelse",
        "Udvikle rammer og vilkår for praktikken - herunder at sikre kvaliteten af elevers og studerendes "
        "læringsforløb og arbejdspladstrivsel i praktikken",
        "Stille praksisviden og -erfaring til rådighed for de teoretiske dele af uddannelsen",
        "Fremstille og positionere kommunerne som attraktive arbejdspladser",
    ],
    "institutions": [
        "er evidensinformerede og har kompetent handlingskapacitet",
        "har en tværfaglig forståelse for samspillet med andre faggrupper",
        "har gode kommunikative kompetencer til samarbejde med borgeren og andre faggrupper",
        "har viden innovation og betydning af udvikling af velfærdsopgaverne",
        "kan facilitere samarbejder, der kan mobilisere både borgerens og netværkets ressourcer.",
    ],
    "joint": [
        "Udvikle og styrke samarbejdsrelationer mellem uddannelsesinstitutioner, praktiksteder og "
        "studerende/elever via løbende dialog og interaktion – herunder større involvering af elever og "
        "studerende i forberedelse af praktikforløb",
        "Elever og studerende i højere grad forberedes på, hvad en kommunal ansættelse indebærer.",
        "Uddannelsesinstitutionerne er fortrolige med/har godt indsigt i kommunernes aktuelle opgaveløsning",
        "Udvikle tværgående og tværsektorielle praktikforløb for elever og studerende",
        "Velfærdsuddannelsernes status og omdømme styrkes",
    ],
}

INITIATIVES: list[tuple[str, str]] = [
    (
        "Lokale uddannelsesstrategier",
        "Alle kommuner arbejder med kvaliteten i uddannelsesopgaven med afsæt i lokale uddannelsesstrategier, "
        "som kommunerne i hovedstaden har udarbejdet i løbet af 2021-2022.",
    ),
    (
        "Evalueringsdata fra elever og studerende",
        "Elever og studerende er helt centrale for den fremadrettede udvikling af grunduddannelserne. Data fra "
        "evaluering af elevers og studerendes praktikforløb peger på, at kvaliteten af den uddannelse, "
        "oplæring og praktikvejledning, der finder sted på de kommunale praktiksteder, har stor betydning for "
        "de studerendes samlede uddannelsesforløb og deres lyst til at vende tilbage til et praktiksted efter "
        "endt uddannelse. Kommunerne kan derfor med fordel anvende evalueringsdata til at forbedre den lokale "
        "praksis omkring modtagelse af elever og studerende – herunder at sikre høj kvalitet og kompetente "
        "vejledere.",
    ),
    (
        "Taskforce for uddannelse og rekruttering",
        "I august 2022 er der etableret en fælleskommunal taskforce for uddannelse og rekruttering, der skal "
        "understøtte kommunernes arbejde med dette område, og som skal medvirke til at afprøve nye løsninger "
        "og tiltag, der kan øge optaget på uddannelser rette mod velfærdsområderne og forbedre kommunernes "
        "rekrutteringsmuligheder.",
    ),
    (
        "Strategisk samarbejde med uddannelsesinstitutioner og Region H",
        "Der er i august 2022 etableret et justeret strategisk samarbejde mellem kommuner, Region H, "
        "Københavns Professionshøjskole og SOSU H, der med afsæt i data fra praktikforløb skal understøtte "
        "det videre samarbejde omkring kvalitet i uddannelser og praktik på velfærdsområderne.",
    ),
]
