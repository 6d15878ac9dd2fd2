import pytest

from core.models import Organisation, OrganisationLookup, UnknownOrganisation
from core.seed import MUNICIPALITIES

pytestmark = pytest.mark.django_db

THE_29 = [
    "København",
    "Frederiksberg",
    "Ballerup",
    "Brøndby",
    "Dragør",
    "Gentofte",
    "Gladsaxe",
    "Glostrup",
    "Herlev",
    "Albertslund",
    "Hvidovre",
    "Høje-Taastrup",
    "Lyngby-Taarbæk",
    "Rødovre",
    "Ishøj",
    "Tårnby",
    "Vallensbæk",
    "Furesø",
    "Allerød",
    "Fredensborg",
    "Helsingør",
    "Hillerød",
    "Hørsholm",
    "Rudersdal",
    "Egedal",
    "Frederikssund",
    "Halsnæs",
    "Gribskov",
    "Bornholm",
]


def test_the_29_municipalities_are_loaded_with_their_exact_names(organisations):
    names = set(Organisation.objects.municipalities().values_list("name", flat=True))
    assert names == set(THE_29)
    assert len(MUNICIPALITIES) == 29


def test_region_hovedstaden_is_an_organisation_but_not_a_municipality(organisations):
    region = Organisation.by_name("Region Hovedstaden")
    assert region.kind == Organisation.Kind.REGION
    assert not region.is_municipality


@pytest.mark.parametrize(
    ("spelling", "name"),
    [
        ("Lyngby-Tårbæk", "Lyngby-Taarbæk"),
        ("lyngby - taarbæk", "Lyngby-Taarbæk"),
        ("Lyngby–Taarbæk", "Lyngby-Taarbæk"),
        ("  Høje Taastrup ", "Høje-Taastrup"),
        ("Region H", "Region Hovedstaden"),
        ("Københavns Kommune", "København"),
        ("Gate21", "Gate 21"),
        ("KKR Sekretariatet", "KKR-sekretariatet"),
        ("ALBERTSLUND", "Albertslund"),
    ],
)
def test_alternative_spellings_resolve_to_one_organisation(organisations, spelling, name):
    assert Organisation.by_name(spelling).name == name


def test_an_unknown_name_says_so_and_suggests_close_matches(organisations):
    with pytest.raises(UnknownOrganisation) as error:
        Organisation.by_name("Albertslunf")
    assert "Ukendt organisation: «Albertslunf»" in str(error.value)
    assert error.value.suggestions == ["Albertslund"]


@pytest.mark.parametrize("name", ["", "Atlantis", "x" * 5000, "<script>alert(1)</script>", None])
def test_hostile_or_empty_names_are_unknown_not_errors(organisations, name):
    with pytest.raises(UnknownOrganisation):
        Organisation.by_name(name)


def test_a_lookup_resolves_many_names_with_one_query(organisations, django_assert_num_queries):
    with django_assert_num_queries(1):
        lookup = OrganisationLookup()
        resolved = [lookup.resolve(name).name for name in ["Lyngby-Tårbæk", "Region H", *THE_29]]
    assert len(resolved) == 31
