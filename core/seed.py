"""Core reference data from the seed (../shared/seeds): the organisations of KKR Hovedstaden.

Alternative spellings are the ones seen in the source documents, so that importers and the other areas'
seed data resolve them to the same organisation.
"""

from django.utils.text import slugify

from . import organisation_cvr
from .models import Organisation, ReportingPeriod
from .sources import upsert

Kind = Organisation.Kind

# The 29 municipalities in the seed's spelling, with the variants the documents also use.
MUNICIPALITIES: list[tuple[str, list[str]]] = [
    ("København", ["Københavns Kommune", "Kbh. Kommune", "Kbh."]),
    ("Frederiksberg", ["Frederiksberg Kommune"]),
    ("Ballerup", ["Ballerup Kommune"]),
    ("Brøndby", ["Brøndby Kommune"]),
    ("Dragør", ["Dragør Kommune"]),
    ("Gentofte", ["Gentofte Kommune"]),
    ("Gladsaxe", ["Gladsaxe Kommune"]),
    ("Glostrup", ["Glostrup Kommune"]),
    ("Herlev", ["Herlev Kommune"]),
    ("Albertslund", ["Albertslund Kommune"]),
    ("Hvidovre", ["Hvidovre Kommune"]),
    ("Høje-Taastrup", ["Høje Taastrup", "Høje-Taastrup Kommune"]),
    ("Lyngby-Taarbæk", ["Lyngby-Tårbæk", "Lyngby-Taarbæk Kommune", "Lyngby"]),
    ("Rødovre", ["Rødovre Kommune"]),
    ("Ishøj", ["Ishøj Kommune"]),
    ("Tårnby", ["Taarnby", "Tårnby Kommune"]),
    ("Vallensbæk", ["Vallensbæk Kommune"]),
    ("Furesø", ["Furesø Kommune"]),
    ("Allerød", ["Allerød Kommune"]),
    ("Fredensborg", ["Fredensborg Kommune"]),
    ("Helsingør", ["Helsingør Kommune"]),
    ("Hillerød", ["Hillerød Kommune"]),
    ("Hørsholm", ["Hørsholm Kommune"]),
    ("Rudersdal", ["Rudersdal Kommune"]),
    ("Egedal", ["Egedal Kommune"]),
    ("Frederikssund", ["Frederikssund Kommune"]),
    ("Halsnæs", ["Halsnæs Kommune"]),
    ("Gribskov", ["Gribskov Kommune"]),
    ("Bornholm", ["Bornholms Regionskommune", "Bornholms Kommune"]),
]

# The other bodies the seed names, as organisations (the region is a partner, not a municipality).
OTHER_ORGANISATIONS: list[tuple[str, str, list[str]]] = [
    ("Region Hovedstaden", Kind.REGION, ["Region H", "Regionen"]),
    ("Region Sjælland", Kind.REGION, []),
    ("Erhvervshus Hovedstaden", Kind.BUSINESS_HUB, ["Erhvervshuset"]),
    ("Erhvervshus Sjælland", Kind.BUSINESS_HUB, []),
    ("Erhvervsstyrelsen", Kind.AGENCY, []),
    ("Erhvervsministeriet", Kind.AGENCY, []),
    ("Danmarks Erhvervsfremmebestyrelse", Kind.AGENCY, []),
    ("Vejdirektoratet", Kind.AGENCY, []),
    ("Energistyrelsen", Kind.AGENCY, []),
    ("Miljøstyrelsen", Kind.AGENCY, []),
    ("KL", Kind.ASSOCIATION, ["Kommunernes Landsforening"]),
    ("Gate 21", Kind.ASSOCIATION, ["Gate21"]),
    ("CONCITO", Kind.ASSOCIATION, ["Concito"]),
    ("Movia", Kind.OTHER, []),
    ("Vestforbrænding", Kind.OTHER, []),
    ("ARC", Kind.OTHER, ["Amager Ressourcecenter"]),
    ("KKR-sekretariatet", Kind.SECRETARIAT, ["KKR Sekretariatet", "KKR Hovedstadens sekretariat"]),
    ("KKR Hovedstaden", Kind.COMMITTEE, ["KKR H"]),
    ("K29", Kind.COMMITTEE, ["Kommunaldirektørkredsen K29"]),
    ("Embedsmandsudvalget for klima og infrastruktur", Kind.COMMITTEE, []),
    ("Københavns Professionshøjskole", Kind.INSTITUTION, []),
    ("SOSU H", Kind.INSTITUTION, []),
]

# Half-yearly rounds from the VIP projects' start (2020) to the current contract year, plus the years.
FIRST_YEAR, LAST_YEAR = 2020, 2027


def load() -> None:
    for name, aliases in MUNICIPALITIES:
        _upsert(name, Kind.MUNICIPALITY, aliases)
    for name, kind, aliases in OTHER_ORGANISATIONS:
        _upsert(name, kind, aliases)
    organisation_cvr.load()
    for year in range(FIRST_YEAR, LAST_YEAR + 1):
        for half in ("", ReportingPeriod.Half.SPRING, ReportingPeriod.Half.AUTUMN):
            ReportingPeriod.get_or_create_for(year, half)


def _upsert(name: str, kind: str, aliases: list[str]) -> None:
    wanted = {"kind": kind, "slug": slugify(name.replace("ø", "oe").replace("æ", "ae").replace("å", "aa"))}
    organisation = upsert(Organisation, {"name": name}, wanted)
    if organisation is None:
        return  # deleted by a person since it was loaded
    # Keep spellings the secretariat added; add the seed's own (the loaders resolve names through them).
    merged = organisation.alternative_names + [a for a in aliases if a not in organisation.alternative_names]
    if merged != organisation.alternative_names:
        organisation.alternative_names = merged
        organisation.save(update_fields=["alternative_names"])
