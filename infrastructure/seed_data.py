"""The infrastructure part of the seed (../shared/seeds/000_c84598ce500ad0cc.txt), transcribed verbatim.

Where the seed is silent nothing is stored: no leads (the seed says leads were appointed, not who), no
price years or sources (the leaflet gives none, only "Tallene er estimater ..."), no plan status per
project (8 of 10 are reflected in Infrastrukturplan 2035, without naming them: all load as "ikke
angivet"), no estimate for Kystbanen, and no affected municipalities: the source names none per project (the
towns in a project's name and the map's labels are places, not a statement of which municipalities are
affected). Amounts are in million DKK. Every record carries the document and section it comes from.
"""

from decimal import Decimal

# The texts the pages show verbatim (the caveat under the list, the plan note, the budget years) live in
# source_texts.py; they are part of the seed all the same.
from .source_texts import (  # noqa: F401
    BUDGET_YEARS,
    CRITERIA_REF,
    ESTIMATE_CAVEAT,
    LEAFLET_REF,
    PLAN_NOTE,
    PLAN_NOTE_REF,
    PROJECTS_REF,
    TASK_COMMITTEE_DOC,
    TM274_DOC,
    VISION_DOC,
    VISION_REF,
)

D = Decimal

LEAFLET_TITLE = "Hovedstadsområdets fælles infrastrukturprioriteter"

# Each project: slug, name (the map label), group, mode, description (the leaflet's list line without the
# price), parts: (part name, low, high, the verbatim price text) with
# low/high None for no estimate.
PROJECTS = [
    {
        "slug": "hilleroed-frederikssund-motorvejene",
        "name": "Færdiggørelse af hhv. Hillerød- og Frederikssundsmotorvejene",
        "group": "7",
        "mode": "road",
        "description": "Færdiggørelse af hhv. Hillerød- og Frederikssundsmotorvejene",
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
        "parts": [("Forbedringer af Kystbanen", None, None, "")],
    },
    {
        "slug": "ring-5-syd",
        "name": "Ring 5 Syd",
        "group": "7",
        "mode": "road",
        "description": "Ring 5 Syd – motorvejsforbindelse fra Frederikssundsvej til Køge",
        "parts": [("Ring 5 Syd", D("6600"), D("6600"), "Pris ca. 6,6 mia. kr.")],
    },
    {
        "slug": "automatisering-af-s-tog",
        "name": "Automatisering af S-tog",
        "group": "7",
        "mode": "s_train",
        "description": "Automatisering af S-tog",
        "parts": [("Automatisering af S-tog", D("4100"), D("4100"), "Pris ca. 4,1 mia. kr.")],
    },
    {
        "slug": "letbane-gladsaxe-noerrebro",
        "name": "Letbane Gladsaxe-Nørrebro",
        "group": "7",
        "mode": "light_rail",
        "description": "Letbane fra Gladsaxe til Nørrebro",
        "parts": [("Letbane fra Gladsaxe til Nørrebro", D("3000"), D("3000"), "Pris ca. 3 mia. kr.")],
    },
    {
        "slug": "oestlig-ringvej",
        "name": "Østlig Ringvej",
        "group": "7",
        "mode": "road",
        "description": "Østlig Ringvej – sænketunnelsløsning øst om Prøvestenen til lufthavnen",
        "parts": [("Østlig Ringvej", D("20900"), D("20900"), "Pris ca. 20,9 mia. kr.")],
    },
    {
        "slug": "tog-roskilde-kastrup-lufthavn",
        "name": "Tog Roskilde-Kastrup Lufthavn",
        "group": "7",
        "mode": "rail",
        "description": "Direkte togforbindelse fra Roskilde til Kastrup Lufthavn",
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

TM274_REF = f"{TM274_DOC}, afsnit «Indhold» og «Økonomi»"
BUDGET_LINES_REF = f"{TM274_DOC}, tabel 1"

# Tabel 2 "Udgifter på alle styringsområder": (activity, committee, appropriation, kind, {year: 1.000 kr.}).
APPROPRIATION_LINES_REF = f"{TM274_DOC}, tabel 2"
APPROPRIATION_LINES = [
    ("Projektering", "TMU", "2000 Ordinær anlæg", "construction", {2023: D("1000"), 2024: D("1000")}),
    ("Juridisk bistand", "TMU", "2000 Ordinær anlæg", "construction", {2023: D("25")}),
    ("Projektledelse", "TMU", "1000 Ordinær drift", "service", {2023: D("340"), 2024: D("340")}),
    ("Projektledelse", "ØU", "1118 – Økonomisk forvaltning", "service", {2023: D("340"), 2024: D("340")}),
]
# Tabel 2's printed totals ("Anlægsudgifter i alt 1.025 1.000 0 0 2.025", "Serviceudgifter i alt 680 680
# 0 0 1.360"): used only by the tests to check the computed ones.
APPROPRIATION_STATED = {
    "construction": [D("1025"), D("1000"), D("0"), D("0")],
    "service": [D("680"), D("680"), D("0"), D("0")],
}

# The challenge picture: (the figure as the source writes it, the sentence it stands in, source reference).
CHALLENGE_FIGURES = [
    (
        "20 %",
        "Væksten i indbyggere og arbejdspladser betyder, at der skal håndteres 20 % flere rejser i 2035.",
        f"{LEAFLET_REF}, afsnit «Trafikale udfordringer og trængsel»",
    ),
    (
        "16,7 mio. timer",
        "I 2015 spildte bilisterne i hovedstadsområdet 16,7 mio. timer i trafikken på grund af trængsel.",
        f"{LEAFLET_REF}, afsnit «Trafikale udfordringer og trængsel»",
    ),
    (
        "33,4 mio. timer",
        "Prognoserne forudser en fordobling til 33,4 mio. timer i 2035.",
        f"{LEAFLET_REF}, afsnit «Trafikale udfordringer og trængsel»",
    ),
    (
        "23.400 timer pr. dag",
        "Passagerforsinkelser for busser i hovedstadsområdet var 23.400 timer pr. dag i 2018. "
        "Det er en stigning på mere end 8 pct. ift. 2010.",
        f"{LEAFLET_REF}, afsnit «Trafikale udfordringer og trængsel»",
    ),
    (
        "op mod 50 pct.",
        "Tæt trafik i et område med højt befolkningstal medfører desuden, at op mod 50 pct. af landets "
        "støjplagede boliger ligger i hovedstadsområdet.",
        f"{VISION_DOC}, afsnit «Udfordringsbillede»",
    ),
]

# Passages shown as text: topic -> [(heading in the source, text verbatim, source reference)].
_FOCUS_REF = f"{VISION_DOC}, indledningen"
_GOVERNANCE_REF = f"{VISION_DOC}, afsnit «Mobilitetsanalyse for hovedstadsregionen»"
PASSAGES = {
    "focus": [
        (
            "",
            "Infrastrukturplan 2035 er rullende og kan åbnes, hvis der er politisk flertal for det. Derfor skal "
            "der løbende være fokus på:",
            _FOCUS_REF,
        ),
        (
            "",
            "1) At realisere potentialerne i Infrastrukturplan 2035 for hovedstadsområdet, herunder at VIP "
            "projekterne fastholdes, at puljerne kommer til gavn i hovedstadsområdet (cykling, "
            "fremkommelighed, støj mm.) og at hovedstadsprojekterne i planen bliver gennemført hurtigst muligt.",
            _FOCUS_REF,
        ),
        (
            "",
            "2) At prioritere de videre skridt for projekter, som kun er med i Infrastrukturplanen i analyseform.",
            _FOCUS_REF,
        ),
        (
            "",
            "3) At KKR H og Region H kommer med en ny samlet vision og fortælling om mobiliteten i "
            "hovedstadsområdet. Visionen sætter den overordnede retning for fælles pejlemærker, en "
            "mobilitetsanalyse og endeligt en liste over særligt prioriterede mobilitets- og "
            "infrastrukturprojekter. Arbejdet foregår løbende og skal være klar, når nye forhandlinger og "
            "mobilitetsdrøftelser igangsættes forud for 2035.",
            _FOCUS_REF,
        ),
        (
            "",
            "For at sikre at hovedstadsregionen fortsat prioriteres i udmøntningen af aftalen, er der udpeget "
            "tovholdere fra kommunerne/Regionen til at følge alle hovedstadsprojekterne og rapportere årligt. "
            "Derudover følger KKR-formandskabet, Embedsmandsudvalget for klima og infrastruktur samt "
            "KKR-sekretariatet løbende udviklingen i fht. Infrastrukturplan 2035.",
            f"{VISION_DOC}, afsnit «Udfordringsbillede»",
        ),
    ],
    "governance": [
        (
            "Mobilitetsanalyse for hovedstadsregionen",
            "Ud over pejlemærkerne, indstilles det at der udarbejdes en tværgående mobilitetsanalyse for hele "
            "hovedstadsområdet som led i en kvalificering af og strategisk ramme for en fremtidig udvælgelse af "
            "prioriterede projekter samt til brug for kommunikation og strategiske greb.",
            _GOVERNANCE_REF,
        ),
        (
            "Governance",
            "For at understøtte analysens tværgående fokus på hovedstadsregionen og sikre fremdrift, foreslås "
            "hhv. et tværgående administrativt og et politisk ophæng.",
            f"{_GOVERNANCE_REF}, «Governance»",
        ),
        (
            "",
            "Der oprettes en tværgående operativ arbejds-/projektgruppe med deltagere fra KKR Sekretariatet, "
            "Københavns Kommune og Region Hovedstaden, som også derudover kan inddrage Gate 21. Det foreslås at "
            "arbejdsgruppen udarbejder et udkast til projektbeskrivelse, tidsplan, scope mm. for analysen, der "
            "tager højde for det brede fællesskab på tværs af kommuner og regionen.",
            f"{_GOVERNANCE_REF}, «Governance»",
        ),
        (
            "",
            # The source breaks this sentence with the page's footnote after "udgangs-".
            "Derudover tager projektbeskrivelsen udgangspunkt i vision og pejlemærker, når de er vedtaget, samt "
            "orienterer sig i forhold til evt. rammer og muligheder i forbindelse med bevillingerne. "
            "Embedsmandsudvalget for Klima og Infrastruktur følger løbende arbejdet.",
            f"{_GOVERNANCE_REF}, «Governance»",
        ),
        (
            "",
            "Derudover foreslås det, at der oprettes en repræsentativ politisk styregruppe for analysen med "
            "medlemmer fra både kommuner og Regionen, for at sikre bredde og ejerskab for hele geografien. "
            "Yderligere skal styregruppen sikre tilbageløb i egne organisationer. Det indstilles at "
            "styregruppen består af KKR formandskabet, Regionsrådsformanden og en borgmester fra Københavns "
            "Kommune.",
            f"{_GOVERNANCE_REF}, «Governance»",
        ),
        (
            "",
            "KKR Hovedstaden vil løbende blive orienteret, herunder skal KKR godkende projektbeskrivelsen.",
            f"{_GOVERNANCE_REF}, «Governance»",
        ),
        (
            "Finansiering",
            "Københavns Kommune har afsat midler til at bidrage til den tværgående analyse på budgettet til "
            "2023 og 2024. Af budgetnotatet fremgår det, at analysen skal udføres i samarbejde med KKR "
            "Hovedstaden og koordineres med de tværgående visioner for kommunerne/Regionen jf. ovenfor, ligesom "
            "der lægges op til at det endelige scope for analysen skal drøftes i KKR Hovedstaden.",
            f"{_GOVERNANCE_REF}, «Finansiering»",
        ),
        (
            "",
            "Region Hovedstaden har ydermere afsat midler til den tværgående analyse i 2023.",
            f"{_GOVERNANCE_REF}, «Finansiering»",
        ),
    ],
    "tm274": [
        (
            "Baggrund",
            "Der er bestilt et budgetnotat til Budget 2023 om udarbejdelse af en Mobilitetsanalyse for "
            "hovedstadsområdet. Behovet for en fælles analyse af mobiliteten i hovedstadsområdet har medio 2022 "
            "været drøftet i KKR Hovedstaden-regi, og der er efterfølgende nedsat en arbejdsgruppe, som "
            "forventes at kunne fungere som projektgruppe/arbejdsgruppe for en kommende mobilitetsanalyse. "
            "Analysen vil således blive udført med inddragelse af de relevante kommuner og Region Hovedstaden "
            "og skal koordineres med eksisterende og evt. nye fælles visioner for mobiliteten på tværs af "
            "kommunerne/Regionen.",
            f"{TM274_DOC}, afsnit «Baggrund»",
        ),
        (
            "",
            "Analysen vil blandt andet tage afsæt i de Mobilitetsanalyser (BR 3. juni 2021), som Københavns "
            "Kommune fik udarbejdet i 2021.",
            f"{TM274_DOC}, afsnit «Baggrund»",
        ),
        (
            "Indhold",
            "Analysen skal på et overordnet niveau se på mulighederne for at fremme kollektiv transport og "
            "aktiv transport (cykel og gang), samt mulighederne for at reducere støj og luftforurening samt "
            "skabe bedre byliv. Derudover vil der, som et gennemgående element i analysen, være fokus på "
            "hvilken effekt, de enkelte greb til CO2-reduktion har for den generelle fremkommelighed. Da "
            "virkemidlerne til reduktion af Co2 fra vejtrafikken og reduktion af trængsel på vejene kan være "
            "forskellige, og i visse tilfælde modsatrettede, vil der i forbindelse med analysen blive arbejdet "
            "med en række scenarier, der beskriver virkemidler og effekter i forhold til begge dele.",
            f"{TM274_DOC}, afsnit «Indhold»",
        ),
        (
            "",
            "Set i lyset af situationen med mangel på brændstof og fokus på CO2-udlening vil analysen især have "
            "fokus på forbedringer af alternativer til fossil biltrafik og begrænsning af fossil biltrafik. Det "
            "betyder, at der bl.a. vil være fokus på forbedringer for kollektiv trafik og aktiv transport, "
            "reduktion af fossil biltrafik på indfaldsvejene, roadpricing, parkér og rejs o.l. Det endelige "
            "scope for analysen skal drøftes i KKR Hovedstaden, men centrale emner i analysen forventes at være:",
            f"{TM274_DOC}, afsnit «Indhold»",
        ),
        (
            "",
            "Mulighederne for at fremme aktiv transport i hovedstadsområdet. Aktiv transport fremmer både "
            "CO2-reduktion og andre vigtige fokusområder som støj, pladshensyn, luftkvalitet og anlægs- og "
            "driftsøkonomi.",
            f"{TM274_DOC}, afsnit «Indhold», centrale emner",
        ),
        (
            "",
            "Kortlægning af mulighederne for at aflaste det eksisterende vejnet ved at begrænse den individuelle "
            "fossile bilkørsel.",
            f"{TM274_DOC}, afsnit «Indhold», centrale emner",
        ),
        (
            "",
            "Fremme af kollektiv transport og samkørsel – samt forbindelserne til disse løsninger. Kollektiv "
            "transport er mere bæredygtigt og mindre støjende, og det aflaster det eksisterende vejnet.",
            f"{TM274_DOC}, afsnit «Indhold», centrale emner",
        ),
        (
            "",
            "Omstilling til el. Det grønnere alternativ til privatbilisme og varetransport i benzin- og "
            "dieseldrevne køretøjer.",
            f"{TM274_DOC}, afsnit «Indhold», centrale emner",
        ),
        (
            "",
            "Analysen forventes opdelt i tre dele:",
            f"{TM274_DOC}, afsnit «Indhold», analysens dele",
        ),
        (
            "",
            "1. Kortlægning (modelberegninger) af trafik og trafikstrømme i hovedstadsområdet nu og frem mod "
            "2035. Fx i trafikmodellen COMPASS.",
            f"{TM274_DOC}, afsnit «Indhold», analysens dele",
        ),
        (
            "",
            "2. Udpegning af strækninger/områder med særlige udfordringer eller særligt potentiale i forhold "
            "til at reducere CO2, støj og luftforurening samt i forhold til at skabe bedre rammer for "
            "alternativer til fossil biltrafik.",
            f"{TM274_DOC}, afsnit «Indhold», analysens dele",
        ),
        (
            "",
            "3. Udpegning af centrale indsatser og greb, der kan reducere CO2-udledningen fra vejtrafikken og "
            "fremme aktiv transport og kollektiv trafik i hovedstadsområdet.",
            f"{TM274_DOC}, afsnit «Indhold», analysens dele",
        ),
        (
            "",
            "Analysen udarbejdes af Teknik- og Miljøforvaltningen og Økonomiforvaltningen i tæt samarbejde med "
            "KKR-sekretariatet. Der afsættes i den forbindelse to årsværk, hvoraf det ene placeres i "
            "Økonomiforvaltningen, og det andet placeres i Teknik- og Miljøforvaltningen til projektledelse af "
            "rådgiveranalyser og samarbejde med KKR Hovedstaden.",
            f"{TM274_DOC}, afsnit «Indhold», bemanding",
        ),
        (
            "",
            "Analysen vil have fokus på indsatser, der har effekt på tværs af kommunerne. Analysernes "
            "resultater skal blandt andet danne grundlag for det videre arbejde med at formulere nye mål på "
            "trafik- og mobilitetsområdet i Københavns Kommune.",
            f"{TM274_DOC}, afsnit «Indhold»",
        ),
        (
            "",
            "Analysens resultater forventes forelagt politisk medio 2024 forud for forhandlingerne om Budget "
            "2025. Sammen med analyseresultaterne præsenteres et forslag til, hvordan det fortsatte samarbejde "
            "mellem kommunerne og regionen kan organiseres.",
            f"{TM274_DOC}, afsnit «Indhold», politisk tidsplan",
        ),
        (
            "",
            "Initiativet er en analyse, som ikke i sig selv har CO2-effekter.",
            f"{TM274_DOC}, afsnit «Indhold»",
        ),
        (
            "Juridisk forstudie",
            "Der afsættes midler til en afdækning af kommunens juridiske handlerum og hjemmelsgrundlag for at "
            "udmønte de forskellige delelementer i nærværende budgetnotat i det omfang, at disse rækker ud over "
            "kommunegrænsen.",
            f"{TM274_DOC}, afsnit «Juridisk forstudie»",
        ),
        (
            "",
            "Det følger af kommunalfuldmagten, at hvor kommunerne overordnet set kan varetage hensyn til b.la. "
            "klima, miljø og mobilitet/trafik som udtryk for lovlige kommunale formål, er disse interesser "
            "begrænset af lokalitetsprincippet, hvorefter kommunerne som altovervejende udgangspunkt ikke kan "
            "varetage hensyn udenfor kommunen, som i en vis grad kommer andre end kommunens egne borgere til "
            "gavn. Da mobiltetsanalysen skal udføres med inddragelse af andre relevante kommuner og Region "
            "Hovedstaden, er der behov for en indledningsvis screening af kommunens handlerum, ligesom der skal "
            "indledes dialog med de eksterne parter om deltagelse i analysen med henblik på at afstemme adgang "
            "til og brug af data.",
            f"{TM274_DOC}, afsnit «Juridisk forstudie»",
        ),
        (
            "Økonomi",
            "Initiativet har estimerede anlægsudgifter på i alt 2,0 mio. kr. i perioden 2023-2024. Initiativet "
            "har estimerede serviceudgifter på 0,7 mio. kr. årligt i 2023 og 2024. Desuden er der afsat et "
            "mindre beløb (25.000 kr.) til juridiske undersøgelser.",
            f"{TM274_DOC}, afsnit «Økonomi»",
        ),
        (
            "Risikovurdering",
            "Den overordnede risikovurdering er, at initiativet er ukompliceret, og der er derfor ikke afsat "
            "midler til uforudsete udgifter.",
            f"{TM274_DOC}, afsnit «Risikovurdering»",
        ),
        (
            "Tidligere afsatte midler",
            "Der er ikke tidligere givet midler til formålet.",
            f"{TM274_DOC}, afsnit «Tidligere afsatte midler»",
        ),
    ],
    "task_committee": [
        (
            "Udpegning af repræsentanter til Regions Hovedstadens opgaveudvalg Rejsen med bus, tog og cykler i "
            "Region Hovedstaden",
            "Dato: 8. november 2022",
            TASK_COMMITTEE_DOC,
        ),
        (
            "Baggrund",
            "Regionsrådet har i forlængelse af konstitueringsaftalen den 7. december 2021 besluttet at nedsætte "
            "et opgaveudvalg på trafikområdet og udpeget tre regionsråds medlemmer til udvalget.",
            f"{TASK_COMMITTEE_DOC}, afsnit «Baggrund»",
        ),
        (
            "Formål",
            "Region Hovedstaden har et mål om at sikre sammenhængende, pålidelige og grønne trafikforbindelser, "
            "når borgerne rejser til og fra job, uddannelse og fritidsaktiviteter.",
            f"{TASK_COMMITTEE_DOC}, afsnit «Formål»",
        ),
        (
            "",
            "I opgaveudvalget vil borgerne og politikerne sammen definere udfordringer og finde løsninger ved "
            "hverdagstransport, der kan gøre det lettere og mere attraktivt at bruge regionale busser og "
            "lokaltog.",
            f"{TASK_COMMITTEE_DOC}, afsnit «Formål»",
        ),
        (
            "Sammensætning af udvalget",
            "Til udvalget bliver der valgt 12-15 borgere som medlemmer, der har konkrete erfaringer med "
            "kollektiv trafik i Region Hovedstaden.",
            f"{TASK_COMMITTEE_DOC}, afsnit «Sammensætning af udvalget»",
        ),
        (
            "",
            "Udover de 12-15 borgere er følgende politikere medlemmer af udvalget:\n"
            "- Marianne Frederik (Ø), formand for udvalget.\n"
            "- Sadek Al-Amood (F), næstformand for udvalget.\n"
            "- Bergur Løkke Rasmussen (V).\n"
            "- To kommunalpolitikere, der udpeges af KKR-Hovedstaden.",
            f"{TASK_COMMITTEE_DOC}, afsnit «Sammensætning af udvalget»",
        ),
        (
            "Udvalgets opgave og arbejdsform",
            "Udvalgets opgave er at foreslå konkrete anbefalinger til, hvordan Region Hovedstaden kan forbedre "
            "rejser med kollektiv trafik på tværs af regionen og i kombination med andre transportmidler. "
            "Udvalgets anbefalinger er rettet mod regionens opgaver på området og snitflader til andre "
            "myndigheder og samarbejdspartnere.",
            f"{TASK_COMMITTEE_DOC}, afsnit «Udvalgets opgave og arbejdsform»",
        ),
        (
            "Tidsplan",
            "Udvalget nedsættes i en periode på 2-3 måneder. Udvalgets første møde afholdes i første kvartal af "
            "2023.",
            f"{TASK_COMMITTEE_DOC}, afsnit «Tidsplan»",
        ),
        (
            "",
            "Opgaveudvalget forventer, at præsenterer sine anbefalinger til regionsrådet i foråret 2023.",
            f"{TASK_COMMITTEE_DOC}, afsnit «Tidsplan»",
        ),
        (
            "",
            "Rekruttering af borgere vil gå i gang umiddelbart efter regionsrådets godkendelse af kommissorium.",
            f"{TASK_COMMITTEE_DOC}, afsnit «Tidsplan»",
        ),
    ],
}
