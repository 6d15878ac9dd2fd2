"""The 2023 result contract, transcribed verbatim from the seed (000_c84598ce500ad0cc.txt, lines ~95–560).

Texts are the seed's words (only line breaks and repeated spaces are normalised). Numbers appear only
where the seed states them; where it states none, the target is a milestone or its baseline is missing
(baseline_value None with the seed's words in baseline_label). Codes of parts the seed lists as bullets
or inside one sentence (2.1.1–3, 5.3.1–2, 6.2.1–2, 7.2.1–2) are ours; 1.3a–d and 4.1a–e are the seed's.

Target tuples are dicts with the Target fields; "parts" holds the parts of a target (a part may have parts:
2.1.1 has "heraf 30% med +5 ansatte").

What the source states keeps its form: "anslået ca. 1500 stk." is an estimate (kind "estimate", never judged);
changes and differences "med 2,5 procentpoint" are in percentage points (unit "pp"); a due month stays a month
("januar 2024"); goal 2's targets are measured as the source says ("opgøres løbende af Erhvervshuset internt").
Where the portal needs a rule the source does not give, the row says so (parts_rule_stated_in_source False,
rollup_rule_stated_in_source False) and the page shows it as the portal's assumption.
"""

from datetime import date

# The business hub that is party to the contract (its members report the measurements).
COUNTERPART = "Erhvervshus Hovedstaden"

DOCUMENT = "Resultatkontrakt 2023 for Erhvervshus Hovedstaden"

CONTRACT = {
    "source_ref": f"{DOCUMENT}, afsnittet «KKR og Erhvervshus Hovedstaden»",
    "year": 2023,
    "title": "Resultatkontrakt 2023 mellem KKR Hovedstaden og Erhvervshus Hovedstaden",
    "parties": "KKR Hovedstaden og Erhvervshus Hovedstaden",
    "legal_basis": (
        "Resultatkontrakten formuleres af Erhvervshusets bestyrelse til KKR Hovedstadens vedtagelse, "
        "inden for rammerne af Aftale om etablering af tværkommunale erhvervshuse af 25. oktober 2018, "
        "Aftale om rammerne for erhvervshuse 2021- 2023 af 27. januar 2021 indgået mellem KL og "
        "Erhvervsministeriet samt Strategi 2025, som vedtaget af Erhvervshusets bestyrelse den 26. oktober "
        "2020."
    ),
    "responsibility": (
        "Efter vedtagelse indsendes resultatkontrakten til KL og Erhvervsstyrelsen. Direktøren for "
        "Erhvervshuset har ansvaret for overholdelse af og afrapportering på resultatkontrakten. Status på "
        "resultatopfyldelse afrapporteres til KKR Hovedstaden minimum 1 gang årligt, og når KKR "
        "Hovedstaden i øvrigt anmoder om det. Fsva. de nationale mål, opgøres målopfyldelsen af "
        "Erhvervsstyrelsen, og vil blive afrapporteret, når resultaterne foreligger fra Erhvervsstyrelsen."
    ),
    # The seed is the draft put to KKR for adoption: no adoption date is given.
    "status": "draft",
    "adopted_on": None,
    # The seed states no roll-up rule; the portal uses the strictest one and says so.
    "rollup_rule": "all",
    "rollup_rule_stated_in_source": False,
}

# Erhvervshus Hovedstaden's introduction to the contract, verbatim (seed lines 1–65): (heading, text, section).
SECTIONS = [
    (
        "Indledning",
        "Erhvervshus Hovedstaden etableredes i 2019 som et tværkommunalt kompetencecenter for at samle de "
        "specialiserede faglige kompetencer om virksomhedsdrift og -udvikling til understøttelse af regionens "
        "små og mellemstore virksomheder. Erhvervshuset fungerer endvidere som fysisk knudepunkt i "
        "erhvervsfremmesystemet og er operatør for virksomhedsrettede programmer. Erhvervshuset og dets "
        "bestyrelse spiller en vigtig rolle i at skabe strategisk sammenhæng og retning i "
        "erhvervsfremmeindsatsen, og fungerer som Danmarks Erhvervsfremmebestyrelses regionale og lokale "
        "bidragyder og sparringspartner, når der skal udvikles en samlet erhvervsfremmestrategi for hele "
        "Danmark.\n\nDet overordnede formål med erhvervshusets indsats er at bidrage til øget vækst, "
        "konkurrenceevne i Hovedstadsregionens erhvervsliv.",
        "Indledning",
    ),
    (
        "Vision",
        "Vi indfrier regionens potentiale til at være blandt verdens bedste at starte, drive og vækste "
        "internationalt konkurrencedygtige SMV`er i.",
        "Indledning: «Erhvervshus Hovedstaden arbejder med følgende vision»",
    ),
    (
        "Erhvervshusets indsats og strategiske prioriteter",
        "For at opfylde sit formål tilbyder Erhvervshuset specialiseret vejledning og sparring til virksomheder "
        "i hele Region Hovedstaden. Erhvervshuset vejleder både før-iværksættere, iværksættere, "
        "vækstvirksomheder og etablerede små og mellemstore virksomheder. Virksomhederne møder kvalificeret "
        "vejledning i form af telefonisk sparring, 1-1 forløb og kollektive workshops, der øger "
        "virksomhedernes viden, afklarer udviklingsbehov og potentialer og henviser til yderligere private og "
        "offentlige muligheder i erhvervsfremmesystemet. Derudover forvalter Erhvervshuset en række "
        "virksomhedsprogrammer, som yder støtte til virksomhedernes vækst og omstilling, herunder gennem "
        "tilskud til privat rådgivning.\n\nErhvervshusets indsats tilrettelægges på baggrund af analyser af "
        "virksomhedernes efterspørgsel samt analyser af udviklingstendenser, markedsbetingelser, teknologiske "
        "muligheder, regionale behov og styrkepositioner. Erhvervshuset er således i stand til at vejlede "
        "virksomhederne ift. deres umiddelbare og individuelle behov samt ift. ofte uerkendte behov for "
        "udvikling, innovation og omstilling.",
        "Erhvervshusets indsats og strategiske prioriteter",
    ),
    (
        "Erhvervshusets strategiske prioritetsområder i 2023",
        "Erhvervshusets strategiske prioritetsområder i 2023 er;\n\n• Bæredygtighed\n• Digitalisering\n"
        "• Internationalisering\n\nDertil kommer et fortsat fokus på Hovedstadsregionens iværksættere.",
        "Erhvervshusets indsats og strategiske prioriteter: prioritetsområder i 2023",
    ),
    (
        "De 3 fokusområder",
        "Derudover arbejder Erhvervshuset for at skabe effekt, kendskab og sammenhæng med følgende 3 "
        "fokusområder;\n\n1) Erhvervshuset ønsker at opnå den størst mulige effekt af de tildelte ressourcer "
        "for at styrke regionens økonomi og konkurrenceevne. Erhvervshuset tilbyder alle virksomheder "
        "vejledning, når det efterspørges, men foretager ligeledes en opsøgende indsats overfor virksomheder og "
        "virksomhedssegmenter, som vurderes at have mest mulig gavn af vejledningen. Det indebærer, at "
        "Erhvervshuset tilstræber at have en balanceret virksomhedsportefølje, hvor både før-startere, "
        "iværksættere, drifts- og vækstvirksomheder finder den rette assistance samt en løbende prioritering "
        "af Erhvervshusets ydelser og variation i type og længde af den vejledning, der ydes til de "
        "forskellige virksomheder. Da andelen af mikrovirksomheder blandt Erhvervshusets kunder traditionelt "
        "har været høj, vil der være et fokus på også at nå ud til virksomheder med 5-50 ansatte.\n\n"
        "2) For at kunne bidrage til at løfte regionens erhvervsliv er det væsentligt at virksomhederne har "
        "kendskab til Erhvervshusets ydelser og de mange muligheder, der ligger i erhvervsfremmesystemet. "
        "Dertil kommer, at et sammenhængende erhvervsfremmesystem er et internationalt konkurrenceparameter "
        "med selvforstærkende effekt. Erhvervshuset arbejder derfor målrettet med strategiske partnerskaber og "
        "netværk for at være et synligt knudepunkt, der bidrager til et sammenhængende "
        "erhvervsfremmesystem.\n\n3) Erhvervsfremmesystemet har tilskudsmidler til rådighed, ikke mindst fra "
        "regeringen og EU, som byder på attraktive bidrag til virksomhedernes vækst og omstilling. "
        "Erhvervshuset arbejder for tilgængeligheden af relevante midler, som kan understøtte Erhvervshusets "
        "mandat og strategiske prioriteter for vækst og omstilling i Hovedstadsregionen.",
        "Erhvervshusets indsats og strategiske prioriteter: de 3 fokusområder",
    ),
]

# The source gives a month ("spørgeskema i januar 2024"); the portal keeps the month (any day of it).
JANUARY_2024 = date(2024, 1, 1)

GOALS = [
    {
        "number": 1,
        "title": "Virksomhedernes kendskab til Erhvervshusene",
        "scope": "both",
        "rationale": (
            "Erhvervshusene skal kunne betjene alle virksomheder med behov for specialiseret vejledning. "
            "For at virksomhederne kan få gavn af erhvervshusene forudsættes et bredt kendskab til "
            "erhvervshusene og deres ydelser hos dansk erhvervsliv. I september 2020 blev der gennemført en "
            "måling af virksomhedernes kendskab til erhvervshusene, som viste en kendskabsgrad på 33 pct. "
            "på landsplan."
        ),
        "method": (
            "Kendskabsgraden opgøres af ekstern part, foranlediget af Erhvervsstyrelsen.\n\n"
            "Målet om andelen af nye vejledte virksomheder opgøres ved registreringer i Erhvervshus "
            "Hovedstadens CRM-system.\n\nErhvervshuset opgør intern målopfyldelse månedligt."
        ),
        # In the seed this reporting line stands loose after goal 2's own reporting lines; goal 1 is
        # the only goal without one, so it is placed here.
        "reporting": (
            "Erhvervshuset afrapporterer til KKR Hovedstaden, når de årlige resultater foreligger fra "
            "Erhvervsstyrelsen."
        ),
        "targets": [
            {
                "code": "1.1",
                "text": "Overordnet mål: Kendskabsgraden øges til 50%.",
                "measured": "Kendskabsgraden på landsplan",
                "kind": "level",
                "unit": "percent",
                "threshold": 50,
                "baseline_value": 33,
                "baseline_label": "september 2020",
                "source": "external_survey",
            },
            {
                "code": "1.2",
                "text": (
                    "Mindst 50 pct. af de vejledte virksomheder er nye i forhold til de virksomheder, der "
                    "modtog vejledning fra erhvervshuset året før."
                ),
                "measured": "Andel nye vejledte virksomheder",
                "kind": "level",
                "unit": "percent",
                "threshold": 50,
                "source": "crm",
            },
            {
                "code": "1.3",
                "text": "Erhvervshusets interne mål:",
                "kind": "parts",
                "parts_rule": "all",
                "source": "own_count",
                "expected_text": "Erhvervshuset opgør intern målopfyldelse månedligt.",
                "parts": [
                    {
                        "code": "1.3a",
                        "text": "3.000 flere abonnenter til nyhedsbrev",
                        "measured": "Nye abonnenter pr. måned",
                        "kind": "level",
                        "unit": "count",
                        "threshold": 3000,
                        "aggregation": "sum",
                        "source": "own_count",
                    },
                    {
                        "code": "1.3b",
                        "text": "50 artikler og klummer i medier",
                        "measured": "Artikler og klummer pr. måned",
                        "kind": "level",
                        "unit": "count",
                        "threshold": 50,
                        "aggregation": "sum",
                        "source": "own_count",
                    },
                    {
                        "code": "1.3c",
                        "text": "30 cases",
                        "measured": "Cases pr. måned",
                        "kind": "level",
                        "unit": "count",
                        "threshold": 30,
                        "aggregation": "sum",
                        "source": "own_count",
                    },
                    {
                        "code": "1.3d",
                        "text": "100.000 månedlige visninger af nyhedsbreve og SoMe",
                        "measured": "Visninger i måneden",
                        "kind": "level",
                        "unit": "count",
                        "threshold": 100000,
                        "source": "own_count",
                    },
                ],
            },
        ],
    },
    {
        "number": 2,
        "title": "Bred geografisk spredning",
        "scope": "local",
        "rationale": (
            "For at understøtte erhvervsudviklingen i hele regionen er det vigtigt, at virksomheder i "
            "landdistriktskommuner såvel som bykommuner kender til og gør brug af erhvervshusenes ydelser."
        ),
        "method": "Målene opgøres løbende af Erhvervshuset internt.",
        "reporting": (
            "Der afrapporteres løbende til bestyrelsen samt til de enkelte kommuner efter behov. Dertil "
            "kommer udarbejdelse af en årlig rapport, som bl.a. dokumenterer den geografiske spredning af "
            "Erhvervshusets indsats, som formidles direkte til kommunerne.\n\nAfrapportering på den samlede "
            "målopfyldelse til KKR Hovedstaden, KL og Erhvervsstyrelsen sker en gang årligt."
        ),
        "targets": [
            {
                "code": "2.1",
                "text": (
                    "Overordnet mål: Erhvervshuset yder vejledning til 4000 små og mellemstore drifts- og "
                    "vækstvirksomheder, iværksættere samt før-startere. Der tilstræbes en balance mellem de "
                    "forskellige virksomhedssegmenter på tværs af de 29 kommuner."
                ),
                # Companies, not services: a company can have a course, a workshop and hotline calls, so the
                # three services below cannot be added up to this figure.
                "measured": "Antal vejledte virksomheder (virksomheder, ikke ydelser)",
                "kind": "level",
                "unit": "count",
                "threshold": 4000,
                "source": "own_continuous",
                "portal_note": (
                    "Kilden siger ikke, hvordan antallet af vejledte virksomheder opgøres. De tre ydelser "
                    "nedenfor tæller forløb og sparringer, ikke virksomheder, så portalen kan ikke beregne "
                    "målet ud fra dem. Målet vurderes først, når Erhvervshuset indtaster et antal vejledte "
                    "virksomheder."
                ),
                "parts": [
                    {
                        "code": "2.1.1",
                        "text": (
                            "1:1 specialiserede vejledningsforløb for vækst, drift og iværksættere (anslået "
                            "ca. 1500 stk., heraf 30% med +5 ansatte)"
                        ),
                        "measured": "1:1-forløb pr. kommune",
                        "kind": "estimate",
                        "unit": "count",
                        "threshold": 1500,
                        "aggregation": "sum",
                        "source": "own_continuous",
                        "parts": [
                            {
                                "code": "2.1.1.1",
                                "text": "heraf 30% med +5 ansatte",
                                "measured": "Andel af 1:1-forløbene med virksomheder med +5 ansatte",
                                "kind": "estimate",
                                "unit": "percent",
                                "threshold": 30,
                                "source": "own_continuous",
                            },
                        ],
                    },
                    {
                        "code": "2.1.2",
                        "text": "Kollektive forløb i form af fysiske og virtuelle workshops (anslået ca. 1250 stk.)",
                        "measured": "Kollektive forløb pr. kommune",
                        "kind": "estimate",
                        "unit": "count",
                        "threshold": 1250,
                        "aggregation": "sum",
                        "source": "own_continuous",
                    },
                    {
                        "code": "2.1.3",
                        "text": "Individuel hotline sparring (anslået ca. 1250 stk.)",
                        "measured": "Hotline-sparringer pr. kommune",
                        "kind": "estimate",
                        "unit": "count",
                        "threshold": 1250,
                        "aggregation": "sum",
                        "source": "own_continuous",
                    },
                ],
            },
            {
                "code": "2.2",
                "text": (
                    "Erhvervshuset udfører opsøgende arbejde med målrettede tilbud om specialiseret "
                    "vejledning til virksomheder med 5-50 ansatte. I samarbejde med den lokale "
                    "erhvervsservice kontaktes 10% af de relevante virksomheder i første omgang i 10-15 "
                    "kommuner. Der fokuseres på øget geografisk spredning af Erhvervshusets ydelser."
                ),
                "measured": "Andel kontaktede af de relevante virksomheder med 5-50 ansatte",
                "kind": "level",
                "unit": "percent",
                "threshold": 10,
                "source": "own_continuous",
            },
        ],
    },
    {
        "number": 3,
        "title": "Kvalitet, kompetencer og virksomhedernes tilfredshed",
        "scope": "national",
        "rationale": (
            "Virksomhederne skal opleve en høj kvalitet i vejledningen og kompetente medarbejdere, så "
            "erhvervshusene opbygger et godt omdømme. På den baggrund er der i rammeaftalen mellem KL og "
            "Erhvervsministeriet for 2021-2023 aftalt følgende mål."
        ),
        "method": (
            "Målet opgøres af Erhvervsstyrelsen ved, at de virksomheder, der har modtaget specialiseret "
            "vejledning i 2023 samt er tilmeldt brugerevaluering, bedes vurdere hvorvidt virksomheden er "
            "tilfreds med Erhvervshusmedarbejderens faglige kompetencer.\n\nNet promotor score opgøres på "
            "baggrund af virksomhedernes bedømmelse i brugerevalueringssystemet. Spørgsmålet lyder: ’Hvor "
            "sandsynligt er det, at du vil anbefale Erhvervshuset til andre virksomhedsejere og personer i "
            "dit netværk?"
        ),
        "reporting": (
            "Erhvervsstyrelsen afrapporterer til KL og erhvervshusene en gang årligt. Erhvervshus "
            "Hovedstaden afrapporterer årligt til KKR Hovedstaden."
        ),
        "targets": [
            {
                "code": "3.1",
                "text": (
                    "Mindst 80 pct. af de vejledte virksomheder angiver i brugerevalueringen, at de er "
                    "”Meget tilfredse” med erhvervshusmedarbejdernes faglige kompetencer. Målet skal være "
                    "opfyldt for hvert af erhvervshusenes drifts- og vækstsegmenter."
                ),
                "measured": "Andel «Meget tilfredse» med medarbejdernes faglige kompetencer, pr. segment",
                "kind": "segment",
                "unit": "percent",
                "threshold": 80,
                "segments": ["drift", "vaekst"],
                "source": "erhvervsstyrelsen",
            },
            {
                "code": "3.2",
                "text": (
                    "Erhvervshusene opnår hvert år en Net Promotor Score (NPS) på mindst 70 for hhv. deres "
                    "drifts- og vækstsegment"
                ),
                "measured": "Net Promotor Score pr. segment",
                "kind": "segment",
                "unit": "nps",
                "threshold": 70,
                "segments": ["drift", "vaekst"],
                "source": "erhvervsstyrelsen",
            },
        ],
    },
    {
        "number": 4,
        "title": "Erhvervshusenes knudepunktsfunktion",
        "scope": "both",
        "rationale": (
            "Erhvervshusene fungerer som indgang og knudepunkt i det samlede erhvervsfremmesystem, og skal "
            "kunne henvise de vejledte virksomheder, som har brug for yderligere sparring og rådgivning til "
            "relevante private rådgivere og andre aktører og ydelser i det offentlige erhvervsfremme- eller "
            "innovationssystem."
        ),
        "method": (
            "Erhvervshuset redegør for fremdrift i samarbejderne løbende til bestyrelsen.\n\nMålet om "
            "anvendelse af private rådgivere opgøres af Erhvervsstyrelsen ved, at de virksomheder, der har "
            "modtaget specialiseret vejledning i 2020 samt er tilmeldt brugerevaluering, bedes vurdere "
            "hvorvidt virksomheden har benyttet sig af den henvisning til eksterne rådgivning de fik henvist "
            "af Erhvervshus Hovedstaden.\n\nVirksomhederne tæller med, hvis de angiver at de har modtaget "
            "henvisning til ekstern rådgivning efter vejledning af erhvervshuset. Virksomheder tælles med i "
            "andelen hvis de har benyttet henvisningen. Virksomheder der ikke ved, om de har benyttet "
            "henvisningen, udgår af beregningen."
        ),
        "reporting": (
            "Erhvervsstyrelsen afrapporterer til KL og erhvervshusene en gang årligt. Erhvervshus "
            "Hovedstaden afrapporterer årligt til KKR Hovedstaden"
        ),
        "targets": [
            {
                "code": "4.1",
                "text": (
                    "Overordnet mål: Styrke strategiske partnerskaber, der understøtter de strategiske "
                    "prioritetsområder og øget sammenhæng i region Hovedstadens erhvervsfremmesystem."
                ),
                "measured": "Erhvervshusets tiltag",
                "kind": "parts",
                "parts_rule": "all",
                "source": "own_account",
                "parts": [
                    {
                        "code": "4.1a",
                        "text": (
                            "Der indledes samarbejder med 5 kerneinteressenter (udvalgte "
                            "erhvervsorganisationer, interesseorganisationer og/eller klynger) om "
                            "virksomhedsrettede aktiviteter, der understøtter Erhvervshusets strategiske "
                            "fokusområder inden for bæredygtighed, digitalisering og internationalisering."
                        ),
                        "measured": "Indledte samarbejder med kerneinteressenter",
                        "kind": "level",
                        "unit": "count",
                        "threshold": 5,
                        "source": "own_account",
                    },
                    {
                        "code": "4.1b",
                        "text": (
                            "Erhvervshuset bidrager til udvikling af fyrtårnsinitiativerne i henh. "
                            "Hovedstaden og på Bornholm med fokus på at understøtte forretningsudvikling af "
                            "iværksættere og virksomheder, som deltager i indsatserne."
                        ),
                        "kind": "milestone",
                        "source": "own_account",
                    },
                    {
                        "code": "4.1c",
                        "text": (
                            "Der afholdes branchespecifikke rådgiverevents med det formål at skabe bedre "
                            "samarbejdsmuligheder mellem Erhvervshusets kunder og de private rådgivere."
                        ),
                        "kind": "milestone",
                        "source": "own_account",
                    },
                    {
                        "code": "4.1d",
                        "text": (
                            "For at afhjælpe virksomhedernes store behov for kvalificeret arbejdskraft "
                            "samarbejder Erhvervshuset med og henviser til de relevante aktører inden for "
                            "rekruttering, herunder Copenhagen Capacity, Arbejdsmarkedskontoret Øst, "
                            "Workindenmark, Nordsjællands Rekrutteringsservice, Cand.SMV (Kbh. Kommune), "
                            "ligesom det sikres, at virksomhederne får viden om og andel i "
                            "opkvalificeringspuljer. Derudover samarbejder Erhvervshuset med "
                            "uddannelsesinstitutionerne i forhold til projekt- og udviklingsopgaver, hvor "
                            "studerende bliver tilknyttet SMV`erne."
                        ),
                        "kind": "milestone",
                        "source": "own_account",
                    },
                    {
                        "code": "4.1e",
                        "text": (
                            "Der samarbejdes med Erhvervshus Sjælland om etablering af European Innovation "
                            "Digital Hub (EDIH) med det formål at fremme optaget af digitale teknologier i "
                            "virksomhederne."
                        ),
                        "kind": "milestone",
                        "source": "own_account",
                    },
                ],
            },
            {
                "code": "4.2",
                "text": (
                    "I 2023 angiver mindst 50 pct. af de henviste virksomheder, at de har benyttet den "
                    "eksterne rådgivning eller vejledning efter henvisning fra Erhvervshuset."
                ),
                "measured": "Andel henviste virksomheder der har benyttet henvisningen",
                "kind": "level",
                "unit": "percent",
                "threshold": 50,
                "source": "erhvervsstyrelsen",
            },
        ],
    },
    {
        "number": 5,
        "title": "Grøn omstilling og cirkulær økonomi",
        "scope": "both",
        "rationale": (
            "Grøn omstilling og cirkulær økonomi kan både styrke virksomhedernes konkurrenceevne og bidrage "
            "til de danske målsætninger på klimaområdet.\n\nErhvervshusenes skal understøtte og konkretisere "
            "grøn omstilling og cirkulær økonomi for virksomhedernes herunder forretningsmuligheder i "
            "forbindelse hermed. Grøn omstilling indgår ligeledes som prioritet i Erhvervshus Hovedstadens "
            "Strategi 2025."
        ),
        "method": (
            "Effektmålet opgøres ved at undersøge forventningen via brugerevaluerings-systemet hos den "
            "gruppe virksomheder der jf. registrering i CRM har modtaget vejledning inden for temaet "
            "bæredygtighed, grøn omstilling og cirkulær økonomi.\n\nOpgørelsen af hhv. reduktion og øgning "
            "af bæredygtighed opgøres af Erhvervshuset gennem et spørgeskema i januar 2024 vedr. vejledte "
            "virksomheder i 2023. Der foreligger en baseline undersøgelse fra 2021."
        ),
        "reporting": "Erhvervshuset afrapporterer løbende til bestyrelsen og årligt til KKR Hovedstaden.",
        "targets": [
            {
                "code": "5.1",
                "text": (
                    "70 pct. af de virksomheder der har modtaget vejledning inden for bæredygtighed, grøn "
                    "omstilling og cirkulær økonomi, vurderer at vejledningen ”I høj grad” forventes at have "
                    "en positiv effekt for virksomheden."
                ),
                "measured": "Andel der svarer «I høj grad» positiv effekt",
                "kind": "level",
                "unit": "percent",
                "threshold": 70,
                "source": "erhvervsstyrelsen",
            },
            {
                "code": "5.2",
                "text": (
                    "Virksomhedernes kendskab til Erhvervshus Hovedstadens ydelser inden for bæredygtighed, "
                    "grøn omstilling og cirkulær økonomi skal være steget med 5 procentpoint i forhold til "
                    "kendskabsmålingen i 2021."
                ),
                "measured": "Kendskab til ydelserne inden for bæredygtighed (andel i procent; målet er en ændring i procentpoint)",
                "kind": "change",
                "unit": "pp",
                "threshold": 5,
                "baseline_label": "kendskabsmålingen i 2021",
                # The seed names neither the 2021 value nor who measures awareness: source left empty.
                "source": "",
            },
            {
                "code": "5.3",
                "text": (
                    "Virksomheder vejledt i 2023 øger deres bæredygtighedsgrad således at andelen af "
                    "virksomheder med ingen bæredygtighedsgrad reduceret med 2,5 procentpoint og andelen med "
                    "lav, medium eller høj bæredygtighedsgrad øges med 2,5 procentpoint."
                ),
                "kind": "parts",
                "parts_rule": "all",
                "source": "own_survey",
                "expected_text": "spørgeskema i januar 2024",
                "expected_on": JANUARY_2024,
                # One sentence: "reduceret med 2,5 procentpoint og ... øges med 2,5 procentpoint".
                "parts_rule_stated_in_source": True,
                "parts": [
                    {
                        "code": "5.3.1",
                        "text": "andelen af virksomheder med ingen bæredygtighedsgrad reduceret med 2,5 procentpoint",
                        "measured": "Andel med ingen bæredygtighedsgrad (andel i procent; målet er en ændring i procentpoint)",
                        "kind": "change",
                        "unit": "pp",
                        "comparison": "at_most",
                        "threshold": -2.5,
                        "baseline_label": "baseline undersøgelse fra 2021",
                        "source": "own_survey",
                        "expected_text": "spørgeskema i januar 2024",
                        "expected_on": JANUARY_2024,
                    },
                    {
                        "code": "5.3.2",
                        "text": "andelen med lav, medium eller høj bæredygtighedsgrad øges med 2,5 procentpoint",
                        "measured": "Andel med lav, medium eller høj bæredygtighedsgrad (andel i procent; målet er en ændring i procentpoint)",
                        "kind": "change",
                        "unit": "pp",
                        "threshold": 2.5,
                        "baseline_label": "baseline undersøgelse fra 2021",
                        "source": "own_survey",
                        "expected_text": "spørgeskema i januar 2024",
                        "expected_on": JANUARY_2024,
                    },
                ],
            },
        ],
    },
    {
        "number": 6,
        "title": "Effekt i virksomhederne",
        "scope": "national",
        "rationale": (
            "Erhvervshusenes formål er at styrke erhvervsudviklingen i hele Danmark, herunder bl.a. at "
            "forbedre virksomhedernes produktivitet og konkurrenceevne. På den baggrund fastsættes I "
            "rammeaftalen ml, Erhvervsstyrelsen og KL følgende målepunkter:"
        ),
        "method": (
            "Målet omkring forventet positiv effekt opgøres af Erhvervsstyrelsen ved, at de virksomheder, der "
            "har modtaget vejledning i 2023 samt er tilmeldt brugerevaluering, bedes vurdere hvorvidt "
            "vejledningen i høj grad forventes at have en positiv effekt for virksomheden.\n\nDen "
            "registerbaserede måling af effekten hos de virksomheder, der benytter Erhvervshusenes tilbud om "
            "specialiseret vejledning indebærer, at målingen af udviklingen i omsætning og beskæftigelse sker "
            "2 år efter vejledning på baggrund af Danmark Statistiks registre, herunder eIndkomst og ’moms- "
            "statistikken’ (firmaers køb og salg) og sammenholdes med en kontrolgruppe af sammenlignelige "
            "virksomheder.\n\nBeskæftigelse måles i årsværk.\n\nUdvikling i produktivitet hos virksomheder, "
            "der har fået specialiseret vejledning i Erhvervshusene og er klassificeret som en "
            "’driftsvirksomhed’, opgøres ligeledes 2 år efter vejledning ved at sammenholde væksten i "
            "virksomhedernes omsætning pr. årsværk med udviklingen hos en sammenlignelig gruppe af "
            "virksomheder, der ikke har benyttet Erhvervshusene."
        ),
        "reporting": (
            "Erhvervsstyrelsen afrapporterer til KL og erhvervshusene en gang årligt. Erhvervshus "
            "Hovedstaden afrapporterer årligt til KKR Hovedstaden."
        ),
        "targets": [
            {
                "code": "6.1",
                "text": (
                    "I 2023 vurderer 70 pct. af de virksomheder, der har modtaget hjælp i erhvervshusene at "
                    "vejledningen ”I høj grad” forventes at have en positiv effekt for virksomheden."
                ),
                "measured": "Andel der svarer «I høj grad» positiv effekt",
                "kind": "level",
                "unit": "percent",
                "threshold": 70,
                "source": "erhvervsstyrelsen",
            },
            {
                "code": "6.2",
                "text": (
                    "For virksomheder i erhvervshusenes vækstsegment skal der to år efter endt vejledning, "
                    "kunne måles en mervækst på mindst 10 procentpoint i omsætning og mindst 5 procentpoint i "
                    "beskæftigelse i forhold til en kontrolgruppe af sammenlignelige virksomheder."
                ),
                "kind": "parts",
                "parts_rule": "all",
                "source": "dst_registers",
                "expected_text": "to år efter endt vejledning",
                # "mindst 10 procentpoint i omsætning og mindst 5 procentpoint i beskæftigelse".
                "parts_rule_stated_in_source": True,
                "parts": [
                    {
                        "code": "6.2.1",
                        "text": "mervækst på mindst 10 procentpoint i omsætning",
                        "measured": "Vækst i omsætning, vækstsegmentet mod kontrolgruppen (vækst i procent; forskellen i procentpoint)",
                        "kind": "control",
                        "unit": "pp",
                        "threshold": 10,
                        "segments": ["vaekst"],
                        "source": "dst_registers",
                        "expected_text": "to år efter endt vejledning",
                    },
                    {
                        "code": "6.2.2",
                        "text": "mindst 5 procentpoint i beskæftigelse",
                        "measured": "Vækst i beskæftigelse (årsværk), vækstsegmentet mod kontrolgruppen (vækst i procent; forskellen i procentpoint)",
                        "kind": "control",
                        "unit": "pp",
                        "threshold": 5,
                        "segments": ["vaekst"],
                        "source": "dst_registers",
                        "expected_text": "to år efter endt vejledning",
                    },
                ],
            },
            {
                "code": "6.3",
                "text": (
                    "Virksomheder i erhvervshusenes driftssegment har to år efter endt vejledning en øget "
                    "produktivitet sammenlignet med en kontrolgruppe af sammenlignelige virksomheder. I "
                    "beregningen måles væksten i virksomhedernes omsætning per årsværk."
                ),
                "measured": "Vækst i omsætning per årsværk, driftssegmentet mod kontrolgruppen (vækst i procent; forskellen i procentpoint)",
                "kind": "control",
                "unit": "pp",
                # "øget ... sammenlignet med en kontrolgruppe": any difference above zero; no number given.
                "comparison": "more_than",
                "threshold": 0,
                "segments": ["drift"],
                "source": "dst_registers",
                "expected_text": "to år efter endt vejledning",
            },
        ],
    },
    {
        "number": 7,
        "title": "Digitalisering og nye teknologier",
        "scope": "both",
        "rationale": (
            "For mange virksomheder kan styrket digitalisering og brug af nye teknologier være et vigtigt "
            "element i forhold til at udvikle virksomhedens drift og forretningsudvikling for at øge "
            "produktiviteten og styrke konkurrenceevnen. Øget digitalisering indgår således som fokusområde i "
            "både rammeaftale 2021-2023 ml. Erhvervsstyrelsen og KL samt i Erhvervshus Hovedstadens Strategi "
            "2025."
        ),
        "method": (
            "Det kvantitative mål opgøres af Erhvervsstyrelsen ved, at de virksomheder, der har modtaget "
            "specialiseret vejledning i 2023, er tilmeldt brugerevaluering samt angiver at de har modtaget "
            "vejledning indenfor digitalisering og automatisering, giver udtryk for, at erhvervshusets "
            "vejledning i høj grad forventes at have en positiv effekt for virksomheden.\n\nOpgørelsen af "
            "hhv. reduktion og øgning af digitaliseringsgrad opgøres af Erhvervshuset gennem et spørgeskema i "
            "januar 2024 vedr. vejledte virksomheder i 2023. Der foreligger en baseline undersøgelse fra 2021."
        ),
        "reporting": (
            "Erhvervsstyrelsen afrapporterer til KL og Erhvervshusene en gang årligt. Erhvervshuset "
            "afrapporterer løbende til bestyrelsen og årligt til KKR Hovedstaden."
        ),
        "targets": [
            {
                "code": "7.1",
                "text": (
                    "I 2023 vurderer 70 pct. af de virksomheder der har modtaget vejledning indenfor "
                    "digitalisering og brug af nye teknologier, at vejledningen ”I høj grad” forventes at "
                    "have en positiv effekt for virksomheden."
                ),
                "measured": "Andel der svarer «I høj grad» positiv effekt",
                "kind": "level",
                "unit": "percent",
                "threshold": 70,
                "source": "erhvervsstyrelsen",
            },
            {
                "code": "7.2",
                "text": (
                    "Virksomheder vejledt i 2023 øger deres digitaliseringsgrad således, at andelen af "
                    "virksomheder med lav digitaliseringsgrad reduceres med 2,5 procentpoint og virksomheder "
                    "med medium eller høj digitaliseringsgrad øges med 2,5 procentpoint."
                ),
                "kind": "parts",
                "parts_rule": "all",
                "source": "own_survey",
                "expected_text": "spørgeskema i januar 2024",
                "expected_on": JANUARY_2024,
                # One sentence: "reduceres med 2,5 procentpoint og ... øges med 2,5 procentpoint".
                "parts_rule_stated_in_source": True,
                "parts": [
                    {
                        "code": "7.2.1",
                        "text": "andelen af virksomheder med lav digitaliseringsgrad reduceres med 2,5 procentpoint",
                        "measured": "Andel med lav digitaliseringsgrad (andel i procent; målet er en ændring i procentpoint)",
                        "kind": "change",
                        "unit": "pp",
                        "comparison": "at_most",
                        "threshold": -2.5,
                        "baseline_label": "baseline undersøgelse fra 2021",
                        "source": "own_survey",
                        "expected_text": "spørgeskema i januar 2024",
                        "expected_on": JANUARY_2024,
                    },
                    {
                        "code": "7.2.2",
                        "text": "virksomheder med medium eller høj digitaliseringsgrad øges med 2,5 procentpoint",
                        "measured": "Andel med medium eller høj digitaliseringsgrad (andel i procent; målet er en ændring i procentpoint)",
                        "kind": "change",
                        "unit": "pp",
                        "threshold": 2.5,
                        "baseline_label": "baseline undersøgelse fra 2021",
                        "source": "own_survey",
                        "expected_text": "spørgeskema i januar 2024",
                        "expected_on": JANUARY_2024,
                    },
                ],
            },
        ],
    },
    {
        "number": 8,
        "title": "Øget internationalisering",
        "scope": "local",
        "rationale": (
            "Internationaliserede virksomheder bidrager væsentligt til Danmarks vækst og beskæftigelse, og den "
            "internationale konkurrenceevne blandt Hovedstadens virksomheder er afgørende. Covid-19 krisen har "
            "medført tab i eksportomsætningen, særligt hos de eksporterende SMV’er og det er vigtigt, at øge "
            "virksomhedernes forudsætninger for at eksportere og øge deres eksportandele.\n\nInternationalisering "
            "indgår som strategisk prioritet i Erhvervshus Hovedstadens Strategi 2025."
        ),
        "method": (
            "Opgørelsen opgøres af Erhvervshuset gennem et spørgeskema i januar 2024 vedr. vejledte "
            "virksomheder i 2023. Der foreligger en baseline undersøgelse fra 2021."
        ),
        "reporting": "Erhvervshus Hovedstaden afrapporterer årligt til KKR Hovedstaden.",
        "targets": [
            {
                "code": "8.1",
                "text": (
                    "Virksomheder vejledt i 2023 med +10% i eksportandel af omsætningen øges med 1 "
                    "procentpoint 2022 til 2023."
                ),
                "measured": "Andel vejledte virksomheder med +10% eksportandel af omsætningen (andel i procent; målet er en ændring i procentpoint)",
                "kind": "change",
                "unit": "pp",
                "threshold": 1,
                "baseline_label": "2022",
                "source": "own_survey",
                "expected_text": "spørgeskema i januar 2024",
                "expected_on": JANUARY_2024,
            },
        ],
    },
]
