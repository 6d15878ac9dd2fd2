"""The seven climate VIP projects as the seed (../shared/seeds/000_c84598ce500ad0cc.txt) has them.

Texts are verbatim from the compendium «HOVEDSTADENS KLIMA-VIP-PROJEKTER» and from the autumn 2022
«Samlet opsummeret halvvejsstatus»; only line breaks from the PDF are joined. Multi-line fields hold one
paragraph or bullet per line; in the status texts a line starting with "- " is a sub-bullet.
The table of leads was an image and is missing from the text: only VIP 2's lead is stated.
"""

from datetime import date
from decimal import Decimal as D

# The half-yearly status's opening text is shown verbatim in the PDF; it lives in source_texts.py.
from .source_texts import HALF_YEARLY_INTRO  # noqa: F401

ROUND = (2022, "autumn")  # the «halvvejsstatus» round

PROJECTS = [
    {
        "number": 1,
        "title": "Udarbejdelse af Klima- og energiplaner (DK2020)",
        "compendium_title": "KOMMUNALE KLIMA- OG ENERGIPLANER",
        "goal": "Alle kommuner i hovedstadsregionen har vedtaget en klima- og energiplan inden udgangen af 2022. De 33 kommuner i hovedstadsregionen har givet hinanden håndslag på en fælles energivision om en fossilfri el- og varmeforsyning i 2035 og en fossilfri transportsektor i 2050, som planerne skal leve op til.",
        "why": "\n".join(
            [
                "Handling på kommunalt niveau er afgørende for at nå den nationale målsætning om at reducere CO2-udledningen med 70 procent i 2030.Politisk lederskab og retning er essentiel for omstillingen.",
                "Kommunerne har en afgørende rolle som myndighed, indkøbere, ejere af forsyningsvirksomheder og som det lokale talerør til virksomheder og borgere.",
                "Kommunale klima- og energiplaner sætter mål og rammer for den grønne omstilling, derfor er de nøglen til at sikre de nødvendige handlinger lokalt og på tværs af kommunegrænserne.",
            ]
        ),
        "each_municipality": "\n".join(
            [
                "Hver kommune skal forpligte sig til at udarbejde klima- og energiplaner med individuelle og fælles tiltag for den grønne omstilling. Planerne skal tage afsæt i Fælles Strategisk Energiplan fra 2018 og indeholde tiltag som eksempelvis solvarme, varmepumper, varmelagring, geotermi, energirenovering og grønne drivmidler fra oversigten Roadmap 2025 i projektet Energi på Tværs.",
                "I de kommuner, der allerede har gældende klima- og energiplaner, bør det tydeligt fremgå - eventuelt i tillæg til planen, hvordan Roadmap 2025 implementeres i kommunen og hvilke forpligtende samarbejder, der er etableret.",
            ]
        ),
        "jointly": "\n".join(
            [
                "I fællesskab skal der etableres forpligtende samarbejder på tværs af kommunegrænser. Arbejdet understøttes af:",
                "Politisk forankring af klima- og energiplanerne via en platform, der skaber et tværgående overblik over indsatserne i hele regionen.",
                "Måling af indsatser i klima- og energiplanerne – blandt andet ved at bruge det fælles værktøj Energi- og CO2-regnskabet.",
                "Vidensdeling mellem kommunerne i regi af Energi på Tværs og DK2020.",
            ]
        ),
        "next_steps": "\n".join(
            [
                "Klima- og energiplaner udarbejdes eller opdateres med udgangspunkt i Road-map 2025 i alle kommuner i hovedstadsregionen.",
                "Der etableres en platform for status og opfølgning på de kommunale klima- og energiplaner i et samarbejde mellem KKR Hovedstaden og projektet Energi på Tværs.",
            ]
        ),
        "anchoring": "Arbejdet koordineres af Gate 21 i Energi på Tværs med input fra DK2020.",
        "actors": [
            "Alle kommuner i KKR Hovedstaden",
            "Forsyningsselskaberne i regionen",
            "Region Hovedstaden",
            "DK2020",
            "Energi på tværs",
            "Gate 21",
        ],
        "targets": [
            {
                "text": "Alle kommuner i hovedstadsregionen har vedtaget en klima- og energiplan inden udgangen af 2022.",
                "form": "all",
                "stated_as": "Alle kommuner i hovedstadsregionen",
                "target_year": 2022,
                "unit": "kommuner",
            },
            {
                "text": "en fossilfri el- og varmeforsyning i 2035",
                "form": "words",
                "stated_as": "fossilfri",
                "target_year": 2035,
            },
            {
                "text": "en fossilfri transportsektor i 2050",
                "form": "words",
                "stated_as": "fossilfri",
                "target_year": 2050,
            },
        ],
    },
    {
        "number": 2,
        "title": "Håndtering af madspild",
        "compendium_title": "FÆLLES INDSATS FOR AT HÅNDTERE MADSPILD OG BIOAFFALD",
        "goal": "Madspild i offentlige køkkener skal halveres inden 2030. Alle kommuner i hovedstadsregionen indsamler bioaffald fra husholdninger senest i 2022 og gennemfører kampagner for at mindske madspild og forbedre indsamlingen af bioafffald.",
        "why": "\n".join(
            [
                "Ifølge FN bliver en tredjedel af verdens fødevarer til madspild og udgør dermed den tredjestørste synder i forhold til udledning af CO2.",
                "Bioaffald er en stor del af husholdningsaffaldet. Bioaffaldet indeholder både kulstof og vigtige næringsstoffer, som i stedet for at blive brændt, kan bringes tilbage til kredsløbet - eksempelvis til produktion af biogas, hvor restmaterialet kan udnyttes som gødning og jordforbedring på markerne. At indsamle bioaffald er væsentligt for at kunne leve op til målene for genanvendelse i EU’s affaldsdirektiv.",
            ]
        ),
        "each_municipality": "Den enkelte kommune skal indbygge konkrete indsatser i de kommunale affaldsplaner for at mindske madspild og højne kvaliteten og mængden af det indsamlede bioaffald.",
        "jointly": "\n".join(
            [
                "I fællesskab skal der arbejdes med:",
                "Idekatalog for kommunerne i hovedstadsregionen med indsatser, der kan halvere madspild og forbedre indsamlingen af bioaffald til genanvendelse og biogas.",
                "Et tværgående team der skal inspirere, udveksle viden og igangsætte pilotindsatser om at:",
                "- minimere affald med primært fokus på madspild - eksempelvis via lokale madspildspartnerskaber.",
                "- skabe effektive og ensartede ordninger til at indsamle bioaffald til genanvendelse og til biogas.",
                "- definere krav og gennemføre udbud til behandlingen af bioaffald til genanvendelse.",
                "- med udgangspunkt i den nationale kommunikationsindsats, skabe regionale kommunikations- og adfærdskampagner for at højne indsamling til genanvendelse.",
                "- udarbejde fælles måling af effekter og målopfyldelse.",
            ]
        ),
        "next_steps": "\n".join(
            [
                "Udvikle fælles kommunalt katalog over mulige indsatser for at reducere madspild og forbedre effektiviteten af indsamlingen af bioaffald",
                "Nedsætte et tværgående team – i samarbejde med affaldsselskaberne, der skal igangsætte pilotindsatser om madspild og afdække mulighederne og gevinster ved fællesudbud af det indsamlede bioaffald til genanvendelse.",
            ]
        ),
        "anchoring": "Indsatsen for at reducere madspild kan forankres organisatorisk i projektet Partnerskab for Cirkulære Kommuner, der løber til udgangen af 2020. Der refereres til KKR’s Embedsmandsudvalg for trafik, infrastruktur, klima og miljø. Organiseringen om indsamling af bioaffald afdækkes i projektet Energi på Tværs.",
        "actors": [
            "Kommuner i KKR Hovedstaden",
            "Affaldsselskaberne i regionen",
            "Miljø- og Fødevareministeriet",
            "Region Hovedstaden",
            "Aktører inden for madspild",
            "Detailhandlen",
            "Projekterne Partnerskab for Cirkulære Kommuner samt",
            "Affald og Ressourcer på Tværs (initieret af Region Hovedstaden)",
            "Gate 21",
        ],
        "targets": [
            {
                "text": "Madspild i offentlige køkkener skal halveres inden 2030.",
                "stated_as": "halveres",
                "target_value": D("-50"),
                "target_year": 2030,
                "unit": "% madspild",
            },
            {
                "text": "Alle kommuner i hovedstadsregionen indsamler bioaffald fra husholdninger senest i 2022",
                "form": "all",
                "stated_as": "Alle kommuner i hovedstadsregionen",
                "target_year": 2022,
                "unit": "kommuner",
            },
        ],
    },
    {
        "number": 3,
        "title": "100% grønne drivmidler",
        "compendium_title": "100% GRØNNE DRIVMIDLER I 2030",
        "goal": "Mindst 50 procent af regionalt eller kommunalt finansieret transport i hovedstadsregionen er drevet af grønne drivmidler i 2025. I 2030 er den transport 100 procent fossilfri.",
        "why": "\n".join(
            [
                "Transport står for omtrent en tredjedel af Danmarks samlede CO2-udledning. Derfor er potentialet for at reducere udledningerne fra transport ved at omstille til grønne drivmidler stort.",
                "Hovedstadskommunerne og Region Hovedstaden indkøber hvert år kollektiv trafik – særligt i form af busser – for omkring 730 millioner kroner. Langt de fleste af de indkøbte busser bruger diesel eller benzin.",
                "Kommunerne og regionen anvender selv køretøjer til person- og transportkørsel – eksempelvis i hjemmeplejen. På landsplan er fire procent af alle ny-indregistrede biler baseret på el, men langt hovedparten af alle biler i kommunerne i hovedstadsregionen kører fortsat på benzin eller diesel.",
            ]
        ),
        "each_municipality": "\n".join(
            [
                "Hver kommune og Region Hovedstaden skal forpligte sig til at fremme grønne drivmidler i transporten ved at:",
                "udskifte den kommunale/regionale bilflåde til elkøretøjer",
                "udbrede elladeinfrastruktur ved at:",
                "- understøtte opsætning af elladestandere i takt med, at det bliver muligt",
                "- understøtte elladeinfrastrukturen i kommunen/ regionen til privat- og erhvervskørsel",
                "stille krav om grønne drivmidler i den kollektive trafik",
                "stille krav om grønne køretøjer i udbud af serviceydelser – eksempelvis ved taxikørsel, varelevering og byggeri.",
            ]
        ),
        "jointly": "På tværs af kommuner og hovedstadsregionen skal sikres sammenhæng i løsninger og strategier gennem vidensdeling. Målet er at sikre bedre økonomi og sammenhæng i omstillingen, og at borgere og virksomheders mulighed for at skifte til elbiler fremmes.",
        "next_steps": "\n".join(
            [
                "Kommunerne og region påbegynder arbejdet med at indkøbe biler med grønne drivmidler, når bilparken udskiftes.",
                "Kommunerne og region prioriterer at købe grønne transportserviceydelser.",
                "Kommunerne og region igangsætter arbejdet med at udvikle en elbils ladestrategi.",
            ]
        ),
        "anchoring": "De fælles arbejde med at udvikle elbils ladestrategier koordineres i arbejdsgruppen Grøn Transportomstilling i Energi på Tværs i samarbejde med Copenhagen Electric i Region Hovedstaden.",
        "actors": [
            "Alle kommuner i KKR Hovedstaden",
            "Copenhagen Electric (Region Hovedstaden)",
            "Dansk Elbil Alliance",
            "Foreningen af Danske Elbilejere (FDEL)",
            "Vejdirektoratet",
            "Movia",
            "Energi på tværs",
            "Gate 21",
        ],
        "targets": [
            {
                "text": "Mindst 50 procent af regionalt eller kommunalt finansieret transport i hovedstadsregionen er drevet af grønne drivmidler i 2025.",
                "stated_as": "Mindst 50 procent",
                "target_value": D("50"),
                "target_year": 2025,
                "unit": "% grønne drivmidler",
            },
            {
                "text": "I 2030 er den transport 100 procent fossilfri.",
                "stated_as": "100 procent fossilfri",
                "target_value": D("100"),
                "target_year": 2030,
                "unit": "% fossilfri",
            },
        ],
    },
    {
        "number": 4,
        "title": "Cirkulære indkøb",
        "compendium_title": "CIRKULÆRE INDKØB",
        "goal": "Alle kommuner har inden udgangen af 2022 besluttet en indkøbspolitik eller indkøbsstrategi, hvori man forpligter sig til at fremme cirkulære indkøb. Der peges på tre til fem områder, hvor der i forbindelse med kommende kommunale og regionale udbud indarbejdes krav ller på anden måde arbejdes med cirkulære indkøb. Områderne skal udpeges inden for de kategorier, som har størst potentiale for at nedbringe CO2-udledningen.",
        "why": "\n".join(
            [
                "Med en indkøbsmuskel på 300 milliarder kroner årligt har det offentlige Danmark en enestående mulighed for at stille bæredygtige krav til de indkøb, de foretager.",
                "Gennem krav og synlighed om produkternes kvalitet og bæredygtighed kan kommuner og regioner motivere virksomheder til at arbejde innovativt med nye cirkulære løsninger.",
                "Der er et stort potentiale ved, at kommuner indgår i samarbejder og partnerskaber på tværs af kommunegrænser, da cirkulære indkøb kan være vanskelige at løfte indenfor den enkelte kommune. Det er samtidig en central motivation for virksomhederne i markedet, at flere kommuner går sammen om at skubbe til den cirkulære efterspørgsel.",
            ]
        ),
        "each_municipality": "Den enkelte kommune skal udarbejde og beslutte en indkøbspolitik eller -strategi, hvori man forpligter sig til at fremme cirkulære indkøb. Der skal vælges mindst tre områder, hvor der i kommende udbud indarbejdes krav, der fremmer cirkulær omstilling.",
        "jointly": "\n".join(
            [
                "I fællesskab skal arbejdes med:",
                "Fælles forslag til konkrete krav i udbud, hvor indkøb fremmer cirkulær omstilling. Der skal være fokus på de områder, der skaber størst CO2-reduktion (byggeri, transport, tekstiler, fødevarer, møbler og IT).",
                "Fremme innovation i cirkulære indkøb ved dialog og samarbejde mellem kommuner og virksomheder - eksempelvis inden for genbrug/reparation og deling af materiel.",
                "En fælles metode til at måle indkøbets klimabelastning som en del af den enkelte kommunes klimaregnskab.",
            ]
        ),
        "next_steps": "\n".join(
            [
                "Øget samarbejde mellem kommuner om konkrete krav og dialog med virksomheder i markedet på de områder, hvor cirkulære indkøb fremmer størst CO2-reduktion.",
                "Udvælge en metode til at måle klimabelastningen af indkøb - eksempelvis som et ekstra modul i Energi- og CO2-regnskabet.",
            ]
        ),
        "anchoring": "Indsatsen kan forankres organisatorisk i regi af projektet Partnerskab for Cirkulære Kommuner med involvering af Partnerskab for Offentlige Grønne Indkøb og Forum for Bæredygtige Indkøb. Partnerskab for Cirkulære Kommuner afsluttes i 2020. Der refereres løbende til KKR’s Embedsmandsudvalg for trafik, infrastruktur, klima og miljø.",
        "actors": [
            "Alle kommuner i KKR Hovedstaden",
            "Region Hovedstaden",
            "Concito",
            "Miljø- og Fødevareministeriet - inklusiv indsatserne Partnerskab for Offentlige Grønne Indkøb og Forum for Bæredygtige Indkøb",
            "SKI, indkøbsfællesskaber, erhvervsorganisationer",
            "Advisory Board for Cirkulære Kommuner og Regioner",
            "Projektet Partnerskab for Cirkulære Kommuner (initieret af Region Hovedstaden)",
            "Gate 21",
        ],
        "targets": [
            {
                "text": "Alle kommuner har inden udgangen af 2022 besluttet en indkøbspolitik eller indkøbsstrategi, hvori man forpligter sig til at fremme cirkulære indkøb.",
                "form": "all",
                "stated_as": "Alle kommuner",
                "target_year": 2022,
                "unit": "kommuner",
            },
            {
                "text": "Der peges på tre til fem områder, hvor der i forbindelse med kommende kommunale og regionale udbud indarbejdes krav",
                "form": "range",
                "stated_as": "tre til fem områder",
                "range_low": D("3"),
                "range_high": D("5"),
                "unit": "områder",
            },
        ],
    },
    {
        "number": 5,
        "title": "Grønne pendlervaner",
        "compendium_title": "GRØNNE PENDLERVANER",
        "goal": "Reducere trængsel og CO2-udledning fra pendlernes transport ved at øge samkørsel i hovedstadsregionen, så antallet af personer i bilerne i pendlingen stiger fra 1,05 per bil (2014-tal) til 1,2 per bil i 2022.",
        "why": "\n".join(
            [
                "I dag spilder bilister i hovedstadsområdet knap 17 millioner timer i trafikken på grund af trængsel. Pendlere i morgentrafikken tilbringer mere end 30 procent af deres samlede rejsetid i kø. Samtidig forventes der i hovedstadsregionen 20 procent flere rejser i 2035.",
                "CO2-udledningen fra transport udgør godt en tredjedel af den samlede udledning i hovedstadsregionen. Grønne drivmidler som eksempelvis el vil frem mod 2050 reducere CO2-udledningen. Men det tager tid at udskifte den eksisterende bilpark og afhjælper ikke hovedstadsområdets trængsel.",
                "Samkørsel giver bedre udnyttelse af vejkapaciteten og bilflåden og mindsker dermed transportens CO2-aftryk.",
            ]
        ),
        "each_municipality": "\n".join(
            [
                "Samkørsel skal ændres fra at være et privat initiativ til at være en del af en fælles kollektiv optimering af transporten. Der er brug for kritisk masse - derfor skal der gøres en indsats både i kommunerne og på tværs af kommunerne.",
                "Den enkelte kommune skal integrere samkørsel i fremtidig trafikplanlægning og for eksempel vurdere muligheder for opsamlings- og afsætningssteder ved kollektive knudepunkter, motorveje og store industriområder. Den enkelte kommune skal understøtte samkørsel på kommunen som arbejdsplads. De seneste år er en række samkørselsapps, facebookgrupper og virksomhedsordninger piblet frem. De skal gøres synlige og attraktive. Yderligere kan kommune hjælpe større arbejdspladser med information, vejledning og netværk om medarbejdernes muligheder for samkørsel.",
            ]
        ),
        "jointly": "\n".join(
            [
                "En fælles indsats skal indeholde:",
                "En fælles platform og koordinering af partnerskaber med virksomheder, borger- og grundejerforeninger med det formål at engagere og motivere til samkørsel i hele hovedstadsgeografien. Partnerskabet skal bygge videre på virksomhedsnetværket Moving People.",
                "Fælles adfærdskampagner og brede initiativer, der baner vejen for samkørsel.",
                "Incitamenter, der gør det til en fordel – også økonomisk – at køre sammen. Eksempelvis samkørselsbaner i myldretiden, roadpricing og parkeringsafgifter, samt andre skatteregler.",
            ]
        ),
        "next_steps": "\n".join(
            [
                "Udarbejde overblik over eksisterende for samkørselsløsninger på tværs af kommuner i hovedstadsregionen.",
                "Dialog med aktører om fælles initiativer.",
                "Implementere fysiske forbedringer samt en målrettet kampagne mod pendlere.",
            ]
        ),
        "anchoring": "Indsatsen igangsættes i det regionale netværk for virksomheder og kommuner Moving People, hvor der i 2020-2022 er en kampagneindsats for samkørsel støttet af Region Hovedstaden. Der refereres løbende til KKR’s Embedsmandsudvalg for trafik, infrastruktur, klima og miljø.",
        "actors": [
            "Alle kommuner i KKR Hovedstaden",
            "Region Hovedstaden",
            "Trafikselskaber",
            "DTU",
            "Udbydere af samkørselsplatforme som eksempelvis NaboGo, Ta’ med, CommuteApp, Pendlernet.dk og GoMore mv.",
            "Vejdirektoratet",
            "Dansk Industri",
            "Dansk Erhverv",
            "Rejseplanen",
            "Rejsekortet",
            "Partnerskabet Moving People",
            "Gate 21",
        ],
        "targets": [
            {
                "text": "så antallet af personer i bilerne i pendlingen stiger fra 1,05 per bil (2014-tal) til 1,2 per bil i 2022.",
                "stated_as": "fra 1,05 per bil (2014-tal) til 1,2 per bil i 2022",
                "baseline_value": D("1.05"),
                "baseline_year": 2014,
                "target_value": D("1.2"),
                "target_year": 2022,
                "unit": "personer pr. bil",
            },
        ],
    },
    {
        "number": 6,
        "title": "Energibesparelse i boliger",
        "compendium_title": "ENERGIBESPARELSER I BOLIGER",
        "goal": "Øge tempoet for renovering af eksisterende boliger og skabe energibesparelser, så målet på 35 procent CO2-reduktion i 2050 kan nås.",
        "why": "\n".join(
            [
                "Klimarådet vurderer, at energirenovering af bygninger kan reducere CO2-udledningen med 1,4 millioner ton frem mod 2030. Energibesparelser i bygningsmassen er en forudsætning for omstilling af energisystemet til vedvarende energi, da det reducerer den energimængde, der skal produceres. I Fælles Strategisk Energiplan fra Energi på Tværs-projektet regnes der med et fald i det endelige energiforbrug på 30 procent i 2050.",
                "Hovedstadsregionen har cirka 300.000 enfamilieshuse, som samlet set forventes at kunne opnå en energibesparelse på 15 procent frem til 2030.",
                "Det svarer til en reduktion på 1.000 GWh i 2030. Med udgangspunkt i Klimarådets tal vil det svare til en reduktion på 700.000 ton CO2.",
            ]
        ),
        "each_municipality": "Hver kommune forpligter sig til at indgå et tværkommunalt og regionalt samarbejde om at fremme energirenovering af private en-familieboliger.",
        "jointly": "\n".join(
            [
                "En fælles indsats indeholder:",
                "Etablering af fælleskommunalt/-regionalt samarbejde, hvor der deles viden, udvikles værktøjer og virkemidler – eksempelvis kampagner.",
                "Udvikling af et fælles kommunalt koncept, som kan være grundlaget for en kampagne i de enkelte kommuner.",
                "Udvikling af tilbud i samarbejde med lokale, regionale og nationale aktører og forsyningsselskaber, som gør det lettere at renovere – både i forhold til at beslutte, finansiere og gennemføre renoveringen.",
            ]
        ),
        "next_steps": "\n".join(
            [
                "Etablering af fælles kommunalt og regionalt samarbejde i regi af Energi på Tværs",
                "Udvikling og afprøvning et fælles kommunalt koncept, som kan være grundlaget for en kampagne i de enkelte kommuner.",
                "Dialog med nationale aktører om tilbud, der gør det lettere for private boligejere at renovere i samarbejde med forsyningsselskaber",
            ]
        ),
        "anchoring": "Arbejdet igangsættes i arbejdsgruppen for Energibesparelser i Bygninger under projektet Energi på Tværs, der er forankret i Energi på Tværs styregruppe.",
        "actors": [
            "Region Hovedstaden",
            "Alle kommuner i KKR Hovedstaden",
            "Banker, ejendomsmæglere og lokalpressen",
            "Energivejledere og energirådgivere",
            "Håndværkere, entreprenører, bygningskonsulenter og totalleverandører",
            "Landsdækkende aktører - for eksempel Energistyrelsen, Bolius og Videncenter for Energibesparelser i Bygninger",
            "Forsyningsselskaber",
            "Energi på tværs",
            "Gate 21",
        ],
        "targets": [
            {
                "text": "Øge tempoet for renovering af eksisterende boliger og skabe energibesparelser, så målet på 35 procent CO2-reduktion i 2050 kan nås.",
                "stated_as": "35 procent CO2-reduktion i 2050",
                "target_value": D("35"),
                "target_year": 2050,
                "unit": "% CO2-reduktion",
            },
            {
                "text": "cirka 300.000 enfamilieshuse, som samlet set forventes at kunne opnå en energibesparelse på 15 procent frem til 2030.",
                "kind": "potential",
                "stated_as": "15 procent",
                "target_value": D("15"),
                "target_year": 2030,
                "unit": "% energibesparelse",
            },
            {
                "text": "Det svarer til en reduktion på 1.000 GWh i 2030.",
                "kind": "potential",
                "stated_as": "1.000 GWh",
                "target_value": D("1000"),
                "target_year": 2030,
                "unit": "GWh reduktion",
            },
            {
                "text": "en reduktion på 700.000 ton CO2.",
                "kind": "potential",
                "stated_as": "700.000 ton CO2",
                "target_value": D("700000"),
                "target_year": 2030,
                "unit": "ton CO2 reduktion",
            },
        ],
    },
    {
        "number": 7,
        "title": "Fælles plan for plastaffald",
        "compendium_title": "FÆLLES PLAN FOR PLASTAFFALD",
        "goal": "\n".join(
            [
                "Minimere plastaffald i kommunale indkøb og drift.",
                "Øge sortering til genanvendelse ved at sikre indsamling og forbedre procenten for genanvendelse af plastaffald.",
                "Skabe fælles kommunale mål om at reducere plastaffald i restaffaldet.",
            ]
        ),
        "why": "\n".join(
            [
                "I hovedstadsregionen er 15 procent af restaffaldet plastik. Det svarer til cirka 70.000 ton årligt, der på nuværende tidspunkt forbrændes. Det er mere end fem gange så meget, som det der bliver sorteret til genanvendelse.",
                "Først og fremmest skal brugen af unødvendigt plast undgås - herefter skal mere plast genanvendes. Danmark er et af de lande i EU, der har den laveste genanvendelse af plast. Den reelle genanvendelse af plastaffaldet fra husholdninger er udfordret, fordi plastemballage ikke er designet til at blive genanvendt. Det kan være på grund af plasttypen eller sammensætning af flere typer af plast. Der er et stort potentiale for at skabe højere værdi af plastaffaldet ved øget genanvendelse.",
            ]
        ),
        "each_municipality": "Den enkelte kommune skal fremme genanvendelse og indsamling af plast fra egne bygninger og institutioner.",
        "jointly": "\n".join(
            [
                "En fælles indsats om at reducere kommunernes plastforbrug kan indeholde:",
                "Dialog med virksomheder på markedet om design- og emballagekrav til produkterne, der øger mulighed for genanvendelse og genbrug af plast.",
                "Samarbejde om målrettede aktiviteter for borgerne, som minimerer mængden af engangsplast og dermed også henkastet affald.",
                "Fælles metoder til at måle effekter på området.",
                "En fælles indsats for højere genanvendelse af plastaffald i kommuner og region kan indeholde:",
                "Videndele om metoder for højere genanvendelse af plastaffald fra husholdninger.",
                "Øge styringen af plastikaffald ved at sikre at det plastik, der forbruges i Danmark, også sorteres i Danmark.",
            ]
        ),
        "next_steps": "\n".join(
            [
                "Etablere samarbejde om målrettede aktiviteter for borgerne og fælles metoder til at måle effekter på området, samt igangsætte dialog med virksomheder med det formål at øge muligheden for genanvendelse og genbrug af plast.",
                "Igangsætte samarbejde på tværs af affaldsselskaberne med henblik på at etablere bedre sortering og mere kvalitet i genanvendelse.",
            ]
        ),
        "anchoring": "\n".join(
            [
                "Indsatsen for at minimere plast kan forankres organisatorisk i projektet Partnerskab for Cirkulære Kommuner initieret af Region Hovedstaden. Partnerskab for Cirkulære Kommuner afsluttes i 2020. Der refereres løbende til KKR’s Embedsmandsudvalg for trafik, infrastruktur, klima og miljø.",
                "Indsatsen omkring øget genanvendelse og etablering af sorteringsanlæg kan igangsættes i et samarbejde på tværs af de eksisterende affaldsselskaber.",
            ]
        ),
        "actors": [
            "Alle kommuner i KKR Hovedstaden",
            "Region Hovedstaden",
            "Miljø- og Fødevareministeriet",
            "Affaldsselskaberne",
            "Plastindustrien",
            "Projekterne Partnerskab for Cirkulære Kommuner samt",
            "Affald og Ressourcer på Tværs (initieret af Region Hovedstaden)",
            "Aktører indenfor plast",
            "Gate 21",
        ],
        "targets": [
            {
                "text": "Med National Klimaplan for en Grøn Affaldssektor fra juni 2020 blev der sat mål om 80 % udsortering af plast fra forbrændingen i 2030.",
                "kind": "national",
                "from_status": True,  # from the autumn 2022 status text, not from the compendium
                "stated_as": "80 % udsortering",
                "target_value": D("80"),
                "target_year": 2030,
                "unit": "% udsortering",
            },
        ],
    },
]

# «Deltagere» lines of the autumn 2022 status, verbatim; the names are resolved through the lookup.
PARTICIPANTS_TEXT = {
    1: "Deltagere: Alle kommuner i geografien der udarbejder DK2020-planer.",
    2: "Deltagere – medlemmer og følgere: Brøndby, Halsnæs, Helsingør, Gladsaxe, Høje-Taastrup, Rudersdal, Tårnby, Rødovre, København og Albertslund.",
    3: "Deltagere – medlemmer og følgere: Frederiksberg, Region Hovedstaden, Allerød, Ballerup, Brøndby, Dragør, Egedal, Fredensborg, Frederiksberg, Gentofte, Gladsaxe, Halsnæs, Glostrup, Helsingør, Herlev, Hillerød, Høje-Taastrup, København, Lyngby-Taarbæk, Rødovre, Tårnby, Gribskov, Hvidovre og Furesø.",
    4: "Deltagere – medlemmer og følgere: Albertslund, Bornholm, Dragør, Frederiksberg, Frederikssund, Gladsaxe, Herlev, Hvidovre, Høje-Taastrup, Tårnby, Vallensbæk, Brøndby, Fredensborg, Helsingør, København, Halsnæs, Høje-Taastrup og Rudersdal.",
    5: "Deltagere – medlemmer og følgere: Region H, Allerød, Ballerup, Brøndby, Frederiksberg, Frederikssund, Furesø, Gentofte, Gladsaxe, Helsingør, Hillerød, Høje-Taastrup, Ishøj, København, Rødovre og Tårnby.",
    6: "Deltagere – medlemmer og følgere: Albertslund, Allerød, Ballerup, Bornholm, Brøndby, Dragør, Egedal, Frederiksberg, Frederikssund, Furesø, Gentofte, Gladsaxe, Glostrup, Helsingør, Herlev, Hillerød, Høje-Taastrup, Hørsholm, Ishøj, København, Lyngby-Tårbæk, Rudersdal, Rødovre og Tårnby.",
    7: "Deltagere – medlemmer og følgere: København, Albertslund, Brøndby, Gladsaxe, Høje-Taastrup, Gentofte og Tårnby.\nEmballagetemagruppe: Brøndby, Dragør, Fredensborg, Frederiksberg, Frederikssund, Gladsaxe, Helsingør, Hvidovre, København, Tårnby, Albertslund, Halsnæs og Høje-Taastrup.",
}

# VIP 1 lists no organisations: «Alle kommuner i geografien der udarbejder DK2020-planer» (nothing guessed).
PARTICIPANTS = {
    1: [],
    2: [
        "Brøndby",
        "Halsnæs",
        "Helsingør",
        "Gladsaxe",
        "Høje-Taastrup",
        "Rudersdal",
        "Tårnby",
        "Rødovre",
        "København",
        "Albertslund",
    ],
    3: [
        "Frederiksberg",
        "Region Hovedstaden",
        "Allerød",
        "Ballerup",
        "Brøndby",
        "Dragør",
        "Egedal",
        "Fredensborg",
        "Frederiksberg",
        "Gentofte",
        "Gladsaxe",
        "Halsnæs",
        "Glostrup",
        "Helsingør",
        "Herlev",
        "Hillerød",
        "Høje-Taastrup",
        "København",
        "Lyngby-Taarbæk",
        "Rødovre",
        "Tårnby",
        "Gribskov",
        "Hvidovre",
        "Furesø",
    ],
    4: [
        "Albertslund",
        "Bornholm",
        "Dragør",
        "Frederiksberg",
        "Frederikssund",
        "Gladsaxe",
        "Herlev",
        "Hvidovre",
        "Høje-Taastrup",
        "Tårnby",
        "Vallensbæk",
        "Brøndby",
        "Fredensborg",
        "Helsingør",
        "København",
        "Halsnæs",
        "Høje-Taastrup",
        "Rudersdal",
    ],
    5: [
        "Region H",
        "Allerød",
        "Ballerup",
        "Brøndby",
        "Frederiksberg",
        "Frederikssund",
        "Furesø",
        "Gentofte",
        "Gladsaxe",
        "Helsingør",
        "Hillerød",
        "Høje-Taastrup",
        "Ishøj",
        "København",
        "Rødovre",
        "Tårnby",
    ],
    6: [
        "Albertslund",
        "Allerød",
        "Ballerup",
        "Bornholm",
        "Brøndby",
        "Dragør",
        "Egedal",
        "Frederiksberg",
        "Frederikssund",
        "Furesø",
        "Gentofte",
        "Gladsaxe",
        "Glostrup",
        "Helsingør",
        "Herlev",
        "Hillerød",
        "Høje-Taastrup",
        "Hørsholm",
        "Ishøj",
        "København",
        "Lyngby-Tårbæk",
        "Rudersdal",
        "Rødovre",
        "Tårnby",
    ],
    7: ["København", "Albertslund", "Brøndby", "Gladsaxe", "Høje-Taastrup", "Gentofte", "Tårnby"],
}

# VIP 7's packaging theme group, listed under its participants in the autumn 2022 status.
THEME_GROUPS = {
    7: (
        "Emballagetemagruppe",
        [
            "Brøndby",
            "Dragør",
            "Fredensborg",
            "Frederiksberg",
            "Frederikssund",
            "Gladsaxe",
            "Helsingør",
            "Hvidovre",
            "København",
            "Tårnby",
            "Albertslund",
            "Halsnæs",
            "Høje-Taastrup",
        ],
    ),
}

# Leads: only what the text states, as exactly as it dates them. VIP 2 was on stand-by in 2022;
# Albertslund from November 2022.
LEAD_PERIODS = [
    {
        "project": 2,
        "organisation": None,
        # "stand-by i 2022": the year, no day. Albertslund's later-starting period supersedes it.
        "starts": date(2022, 1, 1),
        "ends": date(2022, 12, 31),
        "precision": "year",
        "source": "Der har været god aktivitet i 2021, men det er sat på stand-by i 2022 pga. manglende tovholderkommune.",
    },
    {
        "project": 2,
        "organisation": "Albertslund",
        "starts": date(2022, 11, 1),  # "fra november 2022": a month
        "ends": None,
        "precision": "month",
        "source": "Albertslund tager over som tovholder fra november 2022.",
    },
]

# Commitments every municipality made, where the compendium states them.
COMMITMENTS = [
    {
        "project": 1,
        "code": "klima-og-energiplan-2022",
        "title": "Klima- og energiplan vedtaget",
        "text": "Alle kommuner i hovedstadsregionen har vedtaget en klima- og energiplan inden udgangen af 2022.",
        "due": date(2022, 12, 31),
    },
    {
        "project": 2,
        "code": "bioaffald-2022",
        "title": "Indsamling af bioaffald fra husholdninger",
        "text": "Alle kommuner i hovedstadsregionen indsamler bioaffald fra husholdninger senest i 2022",
        "due": date(2022, 12, 31),
    },
    {
        "project": 4,
        "code": "cirkulaer-indkobspolitik-2022",
        "title": "Indkøbspolitik for cirkulære indkøb",
        "text": "Alle kommuner har inden udgangen af 2022 besluttet en indkøbspolitik eller indkøbsstrategi, hvori man forpligter sig til at fremme cirkulære indkøb.",
        "due": date(2022, 12, 31),
    },
    {
        "project": 4,
        "code": "cirkulaere-udbudsomraader",
        "title": "Mindst tre områder med cirkulære krav i udbud",
        "text": "Der skal vælges mindst tre områder, hvor der i kommende udbud indarbejdes krav, der fremmer cirkulær omstilling.",
        "due": None,
    },
]

# The autumn 2022 round («Samlet opsummeret halvvejsstatus»): status bullets and perspectives verbatim.
# A line starting with "- " is a sub-bullet; other lines are bullets (or a lead-in, as in VIP 4 and 6).
AUTUMN_2022_REPORTS = {
    1: {
        "status": [
            "De 11 første kommuner i 1. runde af DK2020 har sendt deres klimaplaner til forhåndsvurdering, eller har fået deres plan endeligt godkendt hos C40.",
            "Den næste runde af kommuner skal til at have midtvejsmøder med CONCITO om deres plan. Kommunerne arbejder med aktørinddragelse og med at få overblik over, hvilke indsatser, der skal ind i planerne.",
            "Der er udarbejdet overblik over, hvilke indsatser kommunerne fra pilotfasen og første runde af DK2020 på hele Sjælland har i deres planer.",
            "Der arbejdes med et gratis tilbud om kursus til DK2020-koordinatorerne i alle kommuner i hovedstadsgeografien.",
        ],
        "perspectives": [
            "DK2020-projektet afsluttes i sommeren 2023. Herefter er der ikke et fastlagt set-up for implementeringsfasen af planerne. Mange af indsatserne er enslydende i planerne og der er mulighed for at lære af hinanden og dele processer og erfaringer.",
            "Hovedstadsgeografien har store udledninger fra transportsektoren og der er behov for at indsatser koordineres og et bredt samarbejde.",
            "Energi På Tværs Projektet udløber ved udgangen af 2023 og hermed også den brede koordinering imellem kommunerne i projektet.",
        ],
    },
    2: {
        "status": [
            "Der har været god aktivitet i 2021, men det er sat på stand-by i 2022 pga. manglende tovholderkommune. Albertslund tager over som tovholder fra november 2022.",
            "Inspirationsmøder og videndeling omkring madspild i kommunernes egne køkkener, fokus på madspildsorganisationer, og hvordan kommunerne kan støtte dem. Samarbejdet har til sigte at udvikle et fælles kommunalt katalog over mulige indsatser for at reducere madspild.",
            "Derudover sigtes der efter at køre pilotindsatser som der kan deles erfaringer og læring fra på tværs af kommunerne. Der arbejdes på et muligt samarbejde med en virksomhed, FoodOp, om hvordan kommunerne kan måle og mindske madspild i udvalgte pilotkøkkener.",
            "Dialog med fødevareministeriet, Stop Spild af Mad, Stop Spild Lokalt og Øko++",
        ],
        "perspectives": [
            "Gate 21 begynder at afsøge funding til området, da flere kommuner også begynder at have fokus på at mindske madspild som en del af deres DK2020-klimaplaner. Dialog med GC EU Office.",
        ],
    },
    3: {
        "status": [
            "Med fokus på de 3 temaer; Udskiftning af kommunal eller regionale bilflåde til fossilfrie køretøjer, Udrulning af ladeinfrastruktur og Fremme grønne drivmidler i kollektiv transport og stille krav i udbud af transportserviceydelser, har der været afholdt workshops og webinarer med fokus på videndeling/erfaringsudveksling, derudover:",
            "- Synergi og samspil med øvrige aktiviteter (herunder f.eks. i regi af KL, Vejdirektoratet, Copenhagen Electric, Energi på tværs, Grøn omstilling Sjælland (Region Sjælland) og Videncenter for ladeinfrastruktur).",
            "- Deling af relevante informationer inden for området, såsom Vejdirektoratets håndbog for planlægning af ladeinfrastruktur, statslige puljer til ladestandere m.v.",
            "- Inddragelse af eksterne eksperter, herunder blandt andet input fra advokater i forhold til kommunale udbud.",
            "Gennem projektet er der bidraget med input og erfaringer til udarbejdelse af konkrete planer og strategier for ladestandere og elbiler, som flere kommuner i projektperioden har lavet.",
        ],
        "perspectives": [
            "Behov for fortsatte fremadrettede initiativer for kommunerne om bl.a.",
            "- Fortsat udbredelse af ladeinfrastruktur og erfaringsudveksling med udbud, herunder udbredelse hos private og boligforeninger",
            "- Omstilling af den kommunale flåde, herunder også non-road køretøjer",
            "- Indkøb af grønne transportserviceydelser, f.eks. Flextrafik og taxikørsel",
            "- Krav om grønne drivmidler i udbud af varer og tjenesteydelser",
            "- Omstilling af køretøjer hos private, herunder også virksomheder og arbejdspladser",
            "- Omstilling af den kollektive transport, herunder f.eks. busdrift, lokaltog mv.",
        ],
    },
    4: {
        "status": [
            "Projektet har tre spor:",
            "Emballage: Der er udviklet kommunale principper for cirkulær emballage. Principperne er inspireret af regionernes emballagekriterier og vi samarbejder med Miljøministeriet om tilsvarende for Staten. De deltagende kommuner anvender principperne i kommende egne udbud. Samarbejde med SKI har ført til, at SKI medtager principperne i kommende relevante udbud. Der planlægges markedsdialog om modning af udvalgte brancher til cirkulær emballage med udgangspunkt i principperne. Principperne er delt ved en større temadag med deltagelse af leverandører, Miljøministeriet, SKI og kommuner. Samarbejde med Miljømærkning Danmark om principperne.",
            "Møbler: Der er igangsat møbelindsatser i alle temaområdets deltagerkommuner, som er videndelt på temagruppemøder. Indsatserne spænder fra indkøbsmål for møbler til internt genbrug af møbler, leverandørsamarbejde og bæredygtig indkøbsadfærd. Samarbejde med flere leverandører og Miljømærkning Danmark har øget opmærksomhed på bæredygtige alternativer og på potentialet ved at efterspørge klimaaftryk for møbler. Dialog med Miljøstyrelsen om indflydelse på potentielt POGI indkøbsmål om møbler og med SKI om kommende indkøbsaftaler.",
            "Tekstil: Der er videndelt mellem kommunerne og afholdt markedsdialog i samarbejde med Region Hovedstaden og relevante vidensaktører med fokus på potentialerne for sortering, genbrug og genanvendelse af tekstiler. Temagruppen har behandlet forslag til krav i udbudsmaterialet som giver den største miljøgevinst for tekstiler. Der er udarbejdet en projektansøgning til EU i samarbejde med Teknologisk Institut, som har fokus på design til genanvendelse og teknologier for cirkulære tekstilkredsløb.",
        ],
        "perspectives": [
            "Hvis cirkulære indkøb skal gennemføres, bør ledelsen efterspørge og understøtte dette både ved at vedtage målsætninger om cirkulære indkøb i indkøbspolitik og ved at prioritere ressourcer til arbejdet i indkøbsafdelingerne. Der kan med fordel opfordres til samarbejde med kommunens tovholdere for klima/grøn omstilling, så cirkulære indkøb bliver en del af en større agenda.",
            "Emballage: Samarbejde om at udbrede emballageprincipper på tværs af kommuner, regioner og Stat, samt anvende principperne i POGI indkøbsmål, SKI’s udbud, Miljømærkning Danmark, Den Ansvarlige Indkøber. Kobling til Det Udvidede Producentansvar, der forventes at træde i kraft i 2025.",
            "Møbler: Samarbejde om genbrug af møbler og fælles møbeludbud med fokus på cirkulære møbler. Beregning og anvendelse af klimaaftryk for møbler som pilotforsøg for at anvende klimaaftryk i indkøb generelt.",
            "Tekstil: Hvis EU-projektet om cirkulære tekstiler opnår støtte, giver det mulighed for et langvarigt udviklingssamarbejde om bæredygtige tekstiler som fortsætter efter 2023.",
        ],
    },
    5: {
        "status": [
            "Gennemført god samkørselskampagne i november 2021 med deltagelse af 15 kommuner, Region Hovedstaden og 14 virksomheder i samarbejde med projektet Mobilitet på Tværs.",
            "Udarbejdet kampagnemateriale og guide til, hvorledes man kan gennemføre en samkørselskampagne på en virksomhed.",
            "Gentager samkørselskampagnen i november 2022 – med deltagelse fra Region H, 5 kommuner og Gate21.",
            "Påvirkning fra: Stigende brændstofpriser, flere indgåede aftaler med udbyderne og Vejdirektoratet har lavet samkørselsindsats i 2022.",
        ],
        "perspectives": [
            "Trods stort engagement har der desværre været begrænset succes hidtil, bl.a. pga. corona og at det kræver mange ressourcer at flytte pendlere til at køre sammen.",
            "Færre kommuner og virksomheder deltager i samkørselskampagnen i november 2022 – Der efterlyses ledelsesmæssig opbakning og prioritering af indsatsen i kommunerne.",
            "Ønske fra medlemmerne om at udvide indsatsen for Grønne Pendlervaner, så den favner bredere end kun samkørsel.",
            "Mulighed for kommunerne at indgå i den kommende InterReg ØKS-ansøgning om 100 mobility living labs, som vil kunne understøtte den bredere indsats f.eks. i form af mobilitetspakker, konkurrence på tværs af de grønne transportformer mm.",
        ],
    },
    6: {
        "status": [
            "Projektet arbejder i to spor:",
            "Parcelhuse: Samlet kit med materiale til udbud og kontrakt om Energitjek til huse.",
            "- Det er undersøgt, om kommunerne kunne lave fælles udbud, hvilket ikke er muligt.",
            "- Derfor er der udviklet og i april 2022 udsendt generisk tilbudsmateriale, som kommunerne kan benytte, når de skal gennemføre udbud af energitjek til parcelhuse.",
            "- Flere kommuner har allerede haft glæde af materialet til udbud og kontrakter vedr. energitjek i parcelhuse.",
            "Etageboliger: Energispring til flere kommuner – Pilottest inden ultimo 2022/primo 2023",
            "- Energispring er udviklet i Københavns Kommune i regi af Energi på Tværs og er en platform for netværksarbejde, hvor man dels kan evaluere faktisk energiforbrug, dels kan inspirere på tværs af afdelinger, bygninger og organisationer.",
            "- Et værktøj til at modtage data fra forskellige boligselskaber er tæt på at være færdigudviklet. Dermed er det muligt at benchmarke energiforbrug på tværs af boligselskaber.",
            "- Med udgangspunkt i de eksisterende værktøjer fra Københavns Kommune er målet derefter at udvikle en ”pakke”, der kan udrulles i de enkelte kommuner, så der etableres lokale netværk.",
            "- For at få helt praktiske erfaringer gennemføres et pilotforløb i Fredensborg Kommune med 3-5 bygninger fra 3 almene foreninger. Det forventes, at bygningerne er koblet på inden udgangen af 2022.",
        ],
        "perspectives": [
            "Potentialer for vedvarende indsats: Både energitjek til individuelle boliger samt Energispring til større bygninger er oplagte aktiviteter også i fremtiden. Det er derfor oplagt at der findes en platform/samlende enhed, som kan sikre, at aktiviteterne også fortsætter efter 2023, hvor både VIP klimaprojekterne og Energi på Tværs (som bl.a. har leveret økonomiske ressourcer) står til at udløbe.",
            "Behov for entydig lokal opbakning, herunder at der er tydelig ledelsesmæssig opbakning og afsættes menneskelige ressourcer samt økonomiske rammer for det tværgående samarbejde.",
        ],
    },
    7: {
        "status": [
            "Videndeling i forhold til fælles udbud af plastaffald og indgåelse af kontrakt for plastsortering og behandling",
            "- Udbud sommer 2021. Kontrakt igangsat januar 2022",
            "- Kontrakten dækker kommuner under affaldsselskaberne ARGO, Vestforbrænding og ARC og dermed størstedelen af KKR kommunerne. Alle KKR kommuner har været inviteret til møderne.",
            "- Fælles Q&A-ark om indhold og effekt af behandlingskontrakt udarbejdet.",
            "- Mål om deling af udarbejdet kommunikationsmateriale fra Vestforbrænding og Københavns Kommune.",
            "Derudover er der udarbejdet fælles krav og retningslinjer for plastemballager i kommunale indkøb i samarbejde med VIP-projektet om Cirkulære indkøb.",
        ],
        "perspectives": [
            "Projektets målsætning om at minimere plastaffald i kommunale indkøb og drift videreføres i regi af emballage-sporet i VIP-projektet om Cirkulære indkøb.",
            "Projektets øvrige målsætninger er blevet omfattet af nationale tiltag, derfor afholdes der ikke flere aktiviteter i projektet:",
            "Øge sortering til genanvendelse ved at sikre indsamling og forbedre procenten for genanvendelse af plastaffald.",
            "Ny national lovgivning pålægger alle kommuner at indsamle plastaffald fra husholdninger.",
            "Sammen med den fælles behandlingskontrakt er et ambitiøst genanvendelses mål nået. Kontrakten dækker optil 21.000 tons plastaffald årligt med en sorteringsprocent på 75 %.",
            "Skabe fælles kommunale mål om at reducere plastaffald i restaffaldet.",
            "Med National Klimaplan for en Grøn Affaldssektor fra juni 2020 blev der sat mål om 80 % udsortering af plast fra forbrændingen i 2030. Dermed er der sat ramme for kommunernes egne mål.",
        ],
    },
}

# Source references: the documents of the packet this area loads from.
COMPENDIUM_REF = (
    "Kompendiet «Hovedstadens klima-VIP-projekter – en fælles og ambitiøs indsats for den grønne omstilling»"
)
STATUS_REF = "«KKR Hovedstadens VIP-klimaprojekter. Samlet opsummeret halvvejsstatus» (efterår 2022)"
INVITATION_REF = (
    "Invitation til politisk møde om hovedstadens klima VIP-projekter og energiomstilling d. 14/12-2022"
)
PROGRAMME_REF = "Program «Tværgående klimaindsatser og energiomstilling i Hovedstaden» 14/12-2022"

# What the loaded autumn 2022 reports are: the summarised half-way status laid before KKR in the packet (which
# gives no date for KKR's meeting; 14 December 2022 is the political VIP meeting), never approved in the portal.
REPORT_SOURCE_STATE = "Forelagt KKR Hovedstaden som samlet opsummeret halvvejsstatus"

# Passages about the programme as a whole: topic -> [(heading, text, source reference)]; a multi-line
# text is one source line (or bullet) per line.
_GOVERNANCE = f"{COMPENDIUM_REF}, indledningen"
_STATUS_GOVERNANCE = f"{STATUS_REF}, indledningen"
PROGRAMME_TEXTS = {
    "governance": [
        (
            "Governance-model i kompendiet",
            "Der arbejdes med følgende governance-model for arbejdet:",
            _GOVERNANCE,
        ),
        (
            "",
            "Den enkelte kommunalbestyrelse træffer beslutning om at deltage i KKR Hovedstadens 7 VIP-projekter. "
            "Deltagelse i partnerskabet indebærer, at man som kommune arbejder for at gennemføre de målsætninger og "
            "aktiviteter, der indgår i VIP-projekterne. I dette indgår også at koordinere egne aktiviteter og "
            "beslutninger med de relevante andre partnere, således, at man eksempelvis i et opland ind mod et "
            "forsyningsselskab forpligter sig på at søge en koordination af eksempelvis energiplaner",
            _GOVERNANCE,
        ),
        (
            "",
            "Den enkelte kommune kan deltage i partnerskabet med forskellige hastigheder. Hver kommune vælger selv, "
            "hvilke projekter man ønsker at være særlig aktiv partner i. Som aktiv partner kan man om muligt også "
            "stille personaleressourcer til rådighed for evt. ad hoc projektgrupper på tværs af kommunerne. Andre "
            "aktører, særligt forsyningsselskaber, kan inviteres med som partnere. Nogle aktiviteter skal laves af "
            "kommunen selv. Andre skal laves i samarbejde med andre kommuner",
            _GOVERNANCE,
        ),
        (
            "",
            "Der vælges en tovholderkommune for hver af de 7 projekter. Tovholderkommunen får ansvar for at "
            "koordinere og samle op på fremdrift for det pågældende projekt og tegne projektet udadtil. Flere "
            "kommuner kan godt være sammen om at påtage sig en tovholderrolle",
            _GOVERNANCE,
        ),
        (
            "",
            "Embedsmandsudvalget for klima og infrastruktur under KKR Hovedstaden er programstyregruppefor "
            "VIP-projekterne med løbende rapportering til kommunaldirektørkredsen (K29). Der afholdes et årligt "
            "møde med alle de tekniske direktører fra kommunerne – første gang ultimo 2020. Derudover afholdes to "
            "temamøder i perioden med deltagelse af relevante politikere",
            _GOVERNANCE,
        ),
        (
            "",
            "Region Hovedstaden deltager i partnerskabet med viden og hjælp til netværk og ansøgninger om "
            "finansiering. Derudover indgår Region Hovedstaden i relevante projektgrupper, ligesom regionen er fast "
            "medlem af embedsmandsudvalget",
            _GOVERNANCE,
        ),
        ("", "Projekterne gennemføres i perioden 2020-23.", _GOVERNANCE),
        (
            "",
            "Kommunerne vil kunne hente hjælpe til at gennemføre projekterne fra en række eksisterende projekter:\n"
            "Fra projektet Energi på Tværs kan hentes rådgivning og hjælp til gennemførelse af projekterne vedr. "
            "udarbejdelse af klima og energiplan, grønne pendlervaner og energibesparelse i boliger\n"
            "Fra Copenhagen Electric i Region Hovedstaden kan hentes hjælp, viden og erfaringer vedr. "
            "gennemførelse af projekterne om grønne drivmidler og udbredelse af grønne pendlervaner\n"
            "Det eksisterende partnerskab for cirkulære kommuner vil kunne være et kontaktpunkt for arbejdet med "
            "projekterne om bioaffald, cirkulære indkøb og plastaffald.",
            _GOVERNANCE,
        ),
        (
            "",
            "Derudover vil en arbejdsgruppe under embedsmandsudvalget med deltagelse af Region Hovedstaden og "
            "Greater Copenhagen EU Office arbejde på at tiltrække EU-midler til gennemførelse af VIP-projekterne. "
            "Dette arbejde vil blive tæt koordineret med tovholderkommunerne.",
            _GOVERNANCE,
        ),
        (
            "Governance i halvvejsstatus 2022",
            "Embedsmandsudvalget for klima og infrastruktur under KKR Hovedstaden er programstyregruppe for "
            "VIP-projekterne og bliver betjent af KKR-sekretariatet, som står for:\n"
            "Løbende rapportering til kommunaldirektørkredsen (K29).\n"
            "Årligt møde med alle tekniske direktører fra kommunerne.\n"
            "To temamøder i hele perioden med deltagelse af relevante politikere. Første politiske møde afholdt i "
            "september 2021, andet møde afholdes d. 14. december 2022.",
            _STATUS_GOVERNANCE,
        ),
        (
            "",
            "Tovholderkommunerne skal i samarbejde med Gate 21 løbende koordinere med KKR-sekretariatet og "
            "rapportere omkring status på VIP-projekternes målsætninger og aktiviteter, eventuelle ændringer, "
            "udfordringer mm. samt samarbejde og funding.",
            _STATUS_GOVERNANCE,
        ),
        (
            "",
            "Som led i rapporteringen bruges et skema, som suppleres af fællesmøder med tovholdere og styregruppe. "
            "Derudover vil der efter behov blive afholdt fælles møder for tovholdere, Gate 21 og Greater "
            "Copenhagen EU Office for at erfaringsudveksle og sikre vidensdeling på tværs.",
            _STATUS_GOVERNANCE,
        ),
    ],
    "meeting": [
        (
            "Invitation",
            "Invitation: Hvordan samarbejder hovedstadens 29 kommuner og Regionen om at sætte fart på den grønne "
            "omstilling? Deltag når KKR Hovedstaden inviterer til politisk møde om hovedstadens klima VIP-projekter "
            "og energiomstilling d. 14/12.",
            INVITATION_REF,
        ),
        (
            "",
            "Mødet sætter fokus på de 29 kommuners samarbejde om at rykke på den grønne omstilling og derved "
            "bidrage til CO2-reduktion og bæredygtighed i kommunerne. Kommunerne i KKR Hovedstaden gik i efteråret "
            "2020 sammen om at opstarte syv tværkommunale VIP-projekter på klimaområdet. Målet er sammen at sætte "
            "skub på den grønne omstilling og reduktionen af CO2-udledningerne. I spidsen for hvert projekt er en "
            "tovholderkommune. Projekterne handler om:\n"
            "Udarbejdelse af Klima- og energiplaner (DK2020)\n"
            "Håndtering af madspild\n"
            "100% grønne drivmidler\n"
            "Cirkulære indkøb\n"
            "Grønne pendlervaner\n"
            "Energibesparelse i boliger\n"
            "Fælles plan for plastaffald",
            INVITATION_REF,
        ),
        (
            "",
            "På mødet kan du høre mere om konkrete tiltag, resultater og muligheder samt inspirerende cases inden "
            "for de syv områder. Der lægges også op til dialog, hvor du kan give din mening om, hvad der skal ske "
            "herfra.",
            INVITATION_REF,
        ),
        (
            "",
            "På mødet vil der også blive stillet skarpt på den aktuelle situation omkring accelerationen af "
            "energiomstillingen, herunder hvordan det er gået for kommuner og forsyningsselskaber med at klare den "
            "første delopgave om planer og breve, og hvilke barrierer og faldgruber, vi i kommuner og regionen "
            "særligt skal være opmærksomme på at overkomme i de kommende år.",
            INVITATION_REF,
        ),
        (
            "",
            "Alle kommunalbestyrelsesmedlemmer i hovedstadsområdet inviteres til mødet, der er virtuelt og finder "
            "sted d. 14/12-2022 kl. 15.00-17.00 på Teams",
            INVITATION_REF,
        ),
        (
            "",
            "Med venlig hilsen\n"
            "Steen Christiansen, Borgmester Albertslund Kommune, Formand KKR Hovedstaden\n"
            "Karsten Längerich, Borgmester Allerød Kommune, Næstformand KKR Hovedstaden",
            INVITATION_REF,
        ),
        (
            "Tværgående klimaindsatser og energiomstilling i Hovedstaden: Program",
            "Den 14/12-2022 kl. 15.00-17.00 på Teams",
            PROGRAMME_REF,
        ),
        (
            "15.00-15.10",
            "Velkommen\nFilm: Intro til den tværkommunale klimaindsats\n"
            "Steen Christiansen, Formand for KKR Hovedstaden, Borgmester, Albertslund Kommune\n"
            "Karsten Längerich, Næstformand KKR Hovedstaden, Borgmester, Allerød Kommune",
            PROGRAMME_REF,
        ),
        (
            "15.10-15.35",
            "De 7 VIP Klimaprojekter\n"
            "Hvordan arbejder KKR og de 29 kommuner med VIP-projekterne?\n"
            "DK2020/Energi- og klimaplaner\nHåndtering af madspild\n100% grønne drivmidler\nCirkulære indkøb\n"
            "Grønne pendlervaner\nEnergibesparelse i boliger\nFælles plan for plastaffald\n"
            "Morten Winge, Formand for Embedsmandsudvalget for Klima og Infrastruktur i KKR H og "
            "Kommunaldirektør, Tårnby Kommune\n"
            "Tovholderne for VIP klimaprojekterne deltager på mødet og kan svare på spørgsmål",
            PROGRAMME_REF,
        ),
        (
            "15.35-15.55",
            "Energiomstilling i kommunerne\nSamarbejdet i Energi på Tværs\n"
            "Kommunalpolitikerens rolle i den grønne omstilling\n"
            "Tina Tving Stauning, Borgmester, Frederikssund Kommune",
            PROGRAMME_REF,
        ),
        (
            "15.55-16.10",
            "Dialog:\nHvordan sikrer vi, at projekterne kan levere de bedst mulige resultater for den grønne "
            "omstilling i kommunerne?\nOrdstyrer: Karsten Längerich",
            PROGRAMME_REF,
        ),
        (
            "16.10-16.35",
            "Hvordan er energiomstillingen gået ind til nu og hvordan ser det ud fremadrettet?\n"
            "F.eks. samarbejdet ml. forsyningsselskaber og kommuner, brevet, forsyningssikkerhed mm.\n"
            "Kamma Eilschou Holm, tidl. direktør, CTR -\nCentralkommunernes Transmissionsselskab",
            PROGRAMME_REF,
        ),
        (
            "16.35-16.55",
            "Dialog:\nHvordan kan kommuner og forsyningsselskaber accelerere energiomstillingen? Hvad kan vi som "
            "kommunalpolitikere gøre?\nOrdstyrer: Steen Christiansen",
            PROGRAMME_REF,
        ),
        ("16.55-17.00", "Afrunding Steen Christiansen", PROGRAMME_REF),
    ],
    "purchasing": [
        (
            "",
            "Eksisterende kommunale indkøbsfællesskaber: Indkøbsfællesskab Nordsjælland, Vestegnens Indkøbsforum, "
            "Spar 5",
            f"{COMPENDIUM_REF}, «Samlet oversigt over opgaver», Cirkulære indkøb",
        ),
    ],
}

# The compendium's «Samlet oversigt over opgaver», per project, verbatim ("- " marks a sub-bullet). The
# source lays them out in two columns («Laves af den enkelte kommuner» and «Laves i fællesskab med andre
# kommuner»); the text extraction does not say which column a task is in, so none is stored.
TASKS_REF = f"{COMPENDIUM_REF}, «Samlet oversigt over opgaver»"
COMPENDIUM_TASKS = {
    1: [
        "Klima- og energiplan der dækker områderne energi, transport, landbrug, affald, spildevand og proces",
        "Brug af energi- og CO2 regnskabet til måling",
        "Vidensdeling og peer learning mellem kommuner",
    ],
    2: [
        "Lokale madspildspartnerskaber",
        "Idekatalog med indsatser der kan halvere madspild og indsamle bioaffald",
        "Pilotindsatser om at",
        "- minimere affald",
        "- skabe ensartede ordninger til at indsamle til genanvendelse og bioaffald",
        "- kommunikations- og adfærdskampagner for at højne indsamling til genanvendelse",
        "- udarbejde måling af effekter og målopfyldelse",
    ],
    3: [
        "Udskifte den kommunale/ regionale bilflåde til elkøretøjer",
        "Udbrede elladeinfrastruktur ved at understøtte opsætning af elladestandere i takt med, at det bliver muligt",
        "Understøtte elladeinfrastruktur i kommunen/regionen til privat- og erhvervskørsel",
        "Stille krav om grønne drivmidler i kollektiv trafik",
        "Stille krav om grønne køretøjer i udbud af serviceydelser – eksempelvis ved taxikørsel, varelevering og "
        "byggeri",
        "Udvikle en elbilsladestrategi",
    ],
    4: [
        "Udarbejde indkøbspolitik/ strategi, hvori kommunen forpligtiger sig til at fremme cirkulære indkøb",
        "Udvælge tre områder, hvor der i kommende udbud indarbejdes krav, der fremme cirkulær omstilling",
        "Forslag til konkrete krav i udbud, hvor indkøb fremmer cirkulær omstilling (byggeri, transport, "
        "tekstiler, fødevarer, møbler og IT)",
        "Fremme innovation i cirkulære indkøb ved samarbejde med virksomheder",
        "Fælles metode til at måle indkøbets klimabelastning",
    ],
    5: [
        "Fælles platform og koordinering af partnerskaber med virksomheder, borger- og grundejerforeninger for at "
        "engagere og motivere til samkørsel. Partnerskabet skal bygge på virksomhedsnetværket Moving People",
        "Adfærdskampagner og brede initiativer der kan fremme samkørsel",
        "Incitamenter til at fremme samkørsel",
    ],
    6: [
        "Samarbejde hvor der deles viden og udvikles værktøjer og virkemidler",
        "Udvikling af koncept der kan være grundlaget for kampagner i kommunerne",
        "Udvikling af tilbud i samarbejde med aktører og forsyningsselskaber der gør det lettere at renovere",
    ],
    7: [
        "Dialog med virksomheder om design- og emballagekrav, der giver mulighed for øget genanvendelse og genbrug "
        "af plast",
        "Samarbejde om målrettede aktiviteter for borgerne, som minimerer mængden af engangsplast",
        "Metoder til at måle effekter",
        "Videndeling om metoder for højere genanvendelse af plastaffald fra husholdninger",
        "Igangsætte samarbejde på tværs af affaldsselskaber med henblik på at etablere bedre sortering og mere "
        "kvalitet i genvenvendelse",
    ],
}
