"""The 29 municipalities' CVR numbers, which single sign-on (sso/) finds a user's organisation by.

They are public but not in the seed. Taken from two public source files found in a public code index,
which agree on all 29 (and every number passes the CVR modulus-11 check):
the GREG green-space register's PostgreSQL seed (table `greg.d_basis_ansvarlig_myndighed`: CVR, name,
municipality code) and Digital Identity's `dk/digitalidentity/ap/security/CommentUsernameGenerator.java`
(a CVR → municipality name map). Loaded through `core.sources.upsert`, so a number the secretariat
corrected (`manage.py organisation_cvr`) is kept; an organisation not listed keeps an empty CVR and its
page says the number is missing.
"""

from .models import Organisation
from .sources import upsert

SOURCE_REF = (
    "Offentlig kildekode: GREG-databasens grunddata (greg.d_basis_ansvarlig_myndighed) og Digital Identitys "
    "CommentUsernameGenerator.java; de to kilder er enige om alle 29 numre"
)

CVR_NUMBERS = {
    "Albertslund": "66137112",  # Albertslund Kommune
    "Allerød": "60183112",  # Allerød Kommune
    "Ballerup": "58271713",  # Ballerup Kommune
    "Bornholm": "26696348",  # Bornholms Regionskommune
    "Brøndby": "65113015",  # Brøndby Kommune
    "Dragør": "12881517",  # Dragør Kommune
    "Egedal": "29188386",  # Egedal Kommune
    "Fredensborg": "29188335",  # Fredensborg Kommune
    "Frederiksberg": "11259979",  # Frederiksberg Kommune
    "Frederikssund": "29189129",  # Frederikssund Kommune
    "Furesø": "29188327",  # Furesø Kommune
    "Gentofte": "19438414",  # Gentofte Kommune
    "Gladsaxe": "62761113",  # Gladsaxe Kommune
    "Glostrup": "65120119",  # Glostrup Kommune
    "Gribskov": "29188440",  # Gribskov Kommune
    "Halsnæs": "29188416",  # Halsnæs Kommune
    "Helsingør": "64502018",  # Helsingør Kommune
    "Herlev": "63640719",  # Herlev Kommune
    "Hillerød": "29189366",  # Hillerød Kommune
    "Hvidovre": "55606617",  # Hvidovre Kommune
    "Høje-Taastrup": "19501817",  # Høje-Taastrup Kommune
    "Hørsholm": "70960516",  # Hørsholm Kommune
    "Ishøj": "11931316",  # Ishøj Kommune
    "København": "64942212",  # Københavns Kommune
    "Lyngby-Taarbæk": "11715311",  # Lyngby-Taarbæk Kommune
    "Rudersdal": "29188378",  # Rudersdal Kommune
    "Rødovre": "65307316",  # Rødovre Kommune
    "Tårnby": "20310413",  # Tårnby Kommune
    "Vallensbæk": "19583910",  # Vallensbæk Kommune
}


def valid_cvr(number: str) -> bool:
    """Eight digits whose weighted sum (2, 7, 6, 5, 4, 3, 2, 1) is divisible by 11."""
    if len(number) != 8 or not number.isdigit():
        return False
    return sum(int(d) * w for d, w in zip(number, (2, 7, 6, 5, 4, 3, 2, 1), strict=True)) % 11 == 0


def load() -> None:
    for organisation in Organisation.objects.filter(name__in=CVR_NUMBERS):
        # Keyed by slug, not by name: core.seed's own record of the organisation is keyed by name.
        upsert(
            Organisation,
            {"slug": organisation.slug},
            {"cvr": CVR_NUMBERS[organisation.name], "cvr_source_ref": SOURCE_REF},
        )
