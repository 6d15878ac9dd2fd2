"""The population table in: preview, then all or nothing; bad rows are named, nothing is half-saved.

Hostile files (million rows, zip bombs) and the once-only commit are tested for every importer in
tests/test_imports.py, where this one is listed.
"""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from comparison.models import Population
from core.models import Organisation

pytestmark = pytest.mark.django_db

URL = "/sammenligning/indbyggertal/"
COMMIT = "/sammenligning/indbyggertal/gem/"


def _file(lines, header="Kommune;Indbyggere", name="f.csv", encoding="utf-8"):
    return SimpleUploadedFile(name, "\n".join([header, *lines]).encode(encoding))


def _all_29(value=lambda i: 20_000 + i):
    return [
        f"{m.name};{value(i)}" for i, m in enumerate(Organisation.objects.municipalities().order_by("name"))
    ]


def _preview(client, upload, year=2023, source="Danmarks Statistik, FOLK1A"):
    return client.post(URL, {"year": year, "source": source, "file": upload})


def test_only_the_secretariat_may_import(client, board_member):
    client.force_login(board_member)
    assert client.get(URL).status_code == 403
    assert client.post(COMMIT, {"token": "x"}).status_code == 403


def test_a_full_file_previews_then_commits_every_row_with_its_source(client, secretariat):
    client.force_login(secretariat)
    response = _preview(client, _file(["I alt;1", *_all_29()]))  # a total line is not a municipality
    assert response.status_code == 200
    assert response.context["token"], response.content.decode()
    assert Population.objects.count() == 0  # the preview saves nothing
    response = client.post(COMMIT, {"token": response.context["token"]})
    assert response.status_code == 302
    assert response["Location"] == "/sammenligning/?aar=2023&pr_indbygger=1"
    assert Population.objects.filter(year=2023).count() == 29
    row = Population.objects.get(municipality__name="Albertslund")
    assert row.source == "Danmarks Statistik, FOLK1A"
    assert row.imported_by == secretariat


def test_a_year_imported_again_takes_the_new_figures(client, secretariat):
    client.force_login(secretariat)
    for value in (1000, 2000):
        token = _preview(client, _file([f"Albertslund;{value}", "Lyngby-Tårbæk;5.000"])).context["token"]
        client.post(COMMIT, {"token": token})
    assert Population.objects.get(municipality__name="Albertslund").inhabitants == 2000
    assert Population.objects.get(municipality__name="Lyngby-Taarbæk").inhabitants == 5000  # spelling known
    assert Population.objects.count() == 2


def test_a_partial_file_says_which_municipalities_are_missing(client, secretariat):
    client.force_login(secretariat)
    response = _preview(client, _file(["Albertslund;28.000"]))
    assert response.context["token"]
    assert "Filen har ikke 28 kommuner" in response.content.decode()


@pytest.mark.parametrize(
    "line, message",
    [
        ("Atlantis;100", "Ukendt organisation"),
        ("Københaven;100", "Mente du: København"),
        ("Albertslund;mange", "ikke et tal"),
        ("Albertslund;12,5", "helt tal"),
        ("Albertslund;-3", "mellem 1 og"),
        ("Albertslund;0", "mellem 1 og"),
        ("Albertslund;99999999999", "mellem 1 og"),
        ("Albertslund;", "mangler"),
        (";100", "navn mangler"),
        ("Region Hovedstaden;100", "Ukendt organisation"),  # not a municipality
        ('=HYPERLINK("http://x");100', "Ukendt organisation"),
    ],
)
def test_a_bad_row_is_named_and_nothing_can_be_committed(client, secretariat, line, message):
    client.force_login(secretariat)
    response = _preview(client, _file(["Ballerup;48.000", line]))
    assert response.status_code == 200
    assert not response.context["token"]
    assert message in response.content.decode()
    assert Population.objects.count() == 0


def test_a_municipality_twice_is_refused(client, secretariat):
    client.force_login(secretariat)
    response = _preview(client, _file(["Ballerup;48.000", "ballerup;48.001"]))
    assert not response.context["token"]
    assert "to gange" in response.content.decode()


@pytest.mark.parametrize(
    "header, message",
    [
        ("Navn;Indbyggere", "«Kommune» og «Indbyggere»"),
        ("Kommune;Pladser", "«Kommune» og «Indbyggere»"),
        ("Kommune;Indbyggere;Folketal", "«Kommune» og «Indbyggere»"),
    ],
)
def test_a_file_without_the_two_columns_is_refused_as_a_whole(client, secretariat, header, message):
    client.force_login(secretariat)
    response = _preview(client, _file(["Ballerup;48.000"], header=header))
    assert message in response.content.decode()
    assert not response.context["token"]


@pytest.mark.parametrize(
    "data, field",
    [
        ({"year": "tyve", "source": "DST"}, "year"),
        ({"year": 1800, "source": "DST"}, "year"),
        ({"year": 2023, "source": ""}, "source"),
        ({"year": 2023, "source": "x" * 201}, "source"),
    ],
)
def test_the_form_again_with_its_errors(client, secretariat, data, field):
    client.force_login(secretariat)
    response = client.post(URL, {**data, "file": _file(["Ballerup;48.000"])})
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert not response.context["token"]


def test_a_binary_or_empty_file_is_refused_with_a_message(client, secretariat):
    client.force_login(secretariat)
    response = _preview(client, SimpleUploadedFile("f.xlsx", b"\x00\x01PK garbage"))
    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    response = _preview(client, SimpleUploadedFile("f.csv", b""))
    assert response.status_code == 200
    assert not response.context["token"]


def test_a_forged_or_stale_token_writes_nothing(client, secretariat):
    client.force_login(secretariat)
    response = client.post(COMMIT, {"token": "forged"})
    assert response.status_code == 302
    assert response["Location"] == URL
    assert Population.objects.count() == 0


def test_a_failing_commit_saves_nothing(client, secretariat, monkeypatch):
    """A municipality deleted between preview and commit: the whole import rolls back."""
    client.force_login(secretariat)
    token = _preview(client, _file(["Ballerup;48.000", "Albertslund;28.000"])).context["token"]
    from comparison import services

    real = services.Organisation.objects.municipalities

    def without_albertslund():
        return real().exclude(name="Albertslund")

    monkeypatch.setattr(services.Organisation.objects, "municipalities", without_albertslund)
    response = client.post(COMMIT, {"token": token})
    assert response.status_code == 302
    assert response["Location"] == URL
    assert Population.objects.count() == 0
    assert "intet er gemt" in client.get(URL).content.decode()
