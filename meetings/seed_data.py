"""The meeting in the seed (../shared/seeds/000_c84598ce500ad0cc.txt), transcribed verbatim.

The source is itself a KKR Hovedstaden meeting packet, but it does not contain the agenda page: it gives
neither the date of the KKR meeting the packet is for nor the case presentations and recommendations; what
it holds are the annexes, three of them headed by an item number and title (3.7, 3.8, 4.1), the others
(the VIP status, the infrastructure priorities with TM274) without a number. The only meeting date it
gives is KKR Hovedstaden's political meeting on the climate VIP projects and the energy transition,
14/12-2022 kl. 15.00-17.00 on Teams (its invitation and programme are in the packet). Issue #16 files the
packet's items under that date; the meeting's note says so, so nobody reads it as the source's word.

Every text below occurs in the source (tests/meetings/test_seed.py checks it); line numbers are the
source file's. No item has a kind, a presentation or a recommendation, and no decision is recorded: the
source states none.
"""

from datetime import date, time

DOCUMENT = "KKR Hovedstadens mødepakke (kildens tekst 000_c84598ce500ad0cc.txt)"

MEETING = {
    "body": "kkr",
    "date": date(2022, 12, 14),
    "time": time(15, 0),
    # The programme's own title and place, verbatim.
    "title": "Tværgående klimaindsatser og energiomstilling i Hovedstaden",
    "place": "på Teams",
    "state": "agenda_published",
    "note": (
        "Kilden er en mødepakke fra KKR Hovedstaden med bilag til punkterne 3.7, 3.8 og 4.1 og "
        "unummererede bilag (VIP-halvvejsstatus, infrastrukturprioriteterne). Pakken angiver ikke selv "
        "datoen for det KKR-møde, den hører til, og indeholder ingen sagsfremstillinger, indstillinger eller "
        "beslutninger. Den eneste mødedato i kilden er KKR Hovedstadens politiske møde om klima-VIP-"
        "projekterne og energiomstillingen d. 14/12-2022 kl. 15.00-17.00 på Teams (invitation og program "
        "i pakken). At punkterne står under denne dato, er portalens placering, ikke kildens ord."
    ),
    "source_ref": (
        f"{DOCUMENT}: invitationen (linje 2092–2130) og programmet «Tværgående klimaindsatser og "
        "energiomstilling i Hovedstaden: Program», «Den 14/12-2022 kl. 15.00-17.00 på Teams» (linje 2157–2159)"
    ),
}

# The meeting's texts that must occur verbatim in the source.
MEETING_VERBATIM = [
    "Tværgående klimaindsatser og energiomstilling i Hovedstaden",
    "Den 14/12-2022 kl. 15.00-17.00 på Teams",
]

VIP_ROUND = (2022, "autumn")
ALLOCATION_YEAR = 2023

# Items in the order the source gives them. "links": what the portal holds that the item is about
# (resolved by meetings/seed.py); "annexes": (title as the source heads it, generator, args, source ref).
ITEMS = [
    {
        "number": "",
        "title": "KKR Hovedstadens VIP-klimaprojekter",
        "source_ref": f"{DOCUMENT}, linje 1652 (uden punktnummer i kilden)",
        "links": ["vip_round"],
        "annexes": [
            (
                "KKR Hovedstadens VIP-klimaprojekter. Samlet opsummeret halvvejsstatus",
                "vip_climate.half_yearly",
                {"round": "2022-autumn"},
                f"{DOCUMENT}, «KKR Hovedstadens VIP-klimaprojekter. Samlet opsummeret halvvejsstatus», "
                "linje 1652–1653",
            ),
        ],
    },
    {
        "number": "",
        "title": "Hovedstadsområdets fælles infrastrukturprioriteter",
        "source_ref": (
            f"{DOCUMENT}, linje 2383 (uden punktnummer i kilden); notatet «Vision og pejlemærker» linje 2416 og "
            "budgetnotatet «TM274 Analyse af mobiliteten i hovedstadsområdet» linje 2668 følger i samme del"
        ),
        "links": ["priorities", "tm274"],
        "annexes": [
            (
                "Hovedstadsområdets fælles infrastrukturprioriteter",
                "infrastructure.priorities",
                {"year": 2022},
                f"{DOCUMENT}, folderen «Hovedstadsområdets fælles infrastrukturprioriteter», linje 2383",
            ),
        ],
    },
    {
        "number": "3.7",
        # The heading breaks off in the source; the annex under it is the draft education strategy.
        "title": "Justering af KKR Hovedstadens fælles",
        "source_ref": (
            f"{DOCUMENT}, linje 2891 «3.7 Justering af KKR Hovedstadens fælles» (overskriften slutter sådan i "
            "kilden); bilaget «Fælles uddannelsesstrategi - KKR Hovedstaden - UDKAST», linje 2892"
        ),
        "links": ["strategy"],
        "annexes": [],
    },
    {
        "number": "3.8",
        "title": "Dimensionering på SOSO-området",
        "source_ref": f"{DOCUMENT}, linje 3106 «3.8 Dimensionering på SOSO-området» (sådan stavet i kilden)",
        "links": ["allocations"],
        "annexes": [
            (
                "KKR Hovedstaden – fordeling af lærepladser for 2023",
                "education.allocation",
                {"year": 2023},
                f"{DOCUMENT}, tabellen «KKR Hovedstaden – fordeling af lærepladser for 2023», linje 3131",
            ),
        ],
    },
    {
        "number": "4.1",
        "title": (
            "Udpegning af repræsentanter til Regions Hovedstadens opgaveudvalg Rejsen med bus, tog og cykler i "
            "Region Hovedstaden"
        ),
        "source_ref": f"{DOCUMENT}, linje 3236–3238; kommissoriet «Dato: 8. november 2022», linje 3239–3249",
        "links": ["task_committee"],
        "annexes": [],
    },
]

APPOINTED_BODY = {
    "name": "Opgaveudvalg for rejsen med bus, tog og cykler i Region Hovedstaden",
    "appointing_note": "To kommunalpolitikere, der udpeges af KKR-Hovedstaden.",
    "seats": 2,
    "term": "Udvalget nedsættes i en periode på 2-3 måneder.",
    "source_ref": (
        f"{DOCUMENT}, punkt 4.1, «Kommissorium for opgaveudvalg for rejsen med bus, tog og cykler i Region "
        "Hovedstaden» (linje 3247–3249), afsnit «Sammensætning af udvalget» (linje 3436) og «Tidsplan» "
        "(linje 3476)"
    ),
}
# The kommissorium's own title as the source breaks it: "Kommissorium for opgaveudvalg for rejsen med bus,
# tog og cykler i Region Hovedstaden".
BODY_TITLE_IN_SOURCE = "Kommissorium for opgaveudvalg for rejsen med bus, tog og cykler i Region Hovedstaden"
