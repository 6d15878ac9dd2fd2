"""Every loaded infrastructure record says where in the source it comes from; the newly loaded parts are verbatim."""

import importlib
import re

import pytest
from django.apps import apps

from core.sources import unsourced
from infrastructure import seed_data
from infrastructure.models import (
    AppropriationLine,
    BudgetLine,
    ChallengeFigure,
    CostEstimate,
    CostPart,
    Criterion,
    CriterionSet,
    MobilityAnalysis,
    Project,
    SourcePassage,
    SubCriterion,
    VisionAim,
    appropriation_table,
)
from tests.infrastructure.test_seed import norm, seed_text  # noqa: F401 (fixture)

LOADED_MODELS = [
    Project,
    CostPart,
    CostEstimate,
    CriterionSet,
    VisionAim,
    Criterion,
    SubCriterion,
    MobilityAnalysis,
    BudgetLine,
    AppropriationLine,
    ChallengeFigure,
    SourcePassage,
]

# A sentence the source breaks with a page footnote: compared as the two pieces around the footnote.
FOOTNOTE_BROKEN = {
    "Derudover tager projektbeskrivelsen udgangspunkt": (
        "Derudover tager projektbeskrivelsen udgangs-",
        "punkt i vision og pejlemærker, når de er vedtaget, samt orienterer sig i forhold til evt. rammer og "
        "muligheder i forbindelse med bevillingerne. Embedsmandsudvalget for Klima og Infrastruktur følger "
        "løbende arbejdet.",
    )
}


def occurs(text: str, seed_text) -> bool:  # noqa: F811
    """In the seed, allowing the PDF's line-end hyphenation ("hovedstads- området") inside any word.

    Unlike joining every "x- y" in the seed, this keeps a real hyphen ("mobilitets- og") in the same passage;
    a hyphen the text keeps may be followed by the line break too ("EU-midler" printed as "EU- midler").
    """

    def between(a: str, b: str) -> str:
        if a == "-":
            return " ?"
        return "(?:- )?" if a.isalnum() and b.isalnum() else ""

    pattern = "".join(
        re.escape(a) + between(a, b) for a, b in zip(norm(text), norm(text)[1:] + " ", strict=True)
    )
    return re.search(pattern, seed_text[0]) is not None


def test_every_loaded_record_has_a_source_reference(infra):
    for model in LOADED_MODELS:
        assert model.objects.exists(), model
    assert unsourced(LOADED_MODELS) == []


def test_every_source_reference_names_a_document_of_the_packet(infra):
    documents = (
        seed_data.LEAFLET_REF,
        seed_data.VISION_DOC,
        seed_data.TM274_DOC,
        seed_data.TASK_COMMITTEE_DOC,
    )
    for model in LOADED_MODELS:
        for obj in model.objects.all():
            assert obj.source_ref.startswith(documents), (model, obj.source_ref)


def passage_texts():
    for passages in seed_data.PASSAGES.values():
        for heading, text, _ref in passages:
            if heading:
                yield heading
            pieces = next((v for k, v in FOOTNOTE_BROKEN.items() if text.startswith(k)), None)
            yield from pieces or [text]


@pytest.mark.parametrize("text", list(passage_texts()))
def test_every_loaded_passage_occurs_verbatim_in_the_seed(text, seed_text):  # noqa: F811
    assert occurs(text, seed_text), text


@pytest.mark.parametrize("figure,quote,_ref", seed_data.CHALLENGE_FIGURES)
def test_every_challenge_figure_is_in_its_quote_and_the_quote_in_the_seed(figure, quote, _ref, seed_text):  # noqa: F811
    assert figure in quote
    assert occurs(quote, seed_text), quote


def test_table_2_lines_are_printed_in_the_seed(seed_text):  # noqa: F811
    flat = seed_text[0]
    for activity, committee, _appropriation, _kind, amounts in seed_data.APPROPRIATION_LINES:
        assert f"- {activity} {committee}" in flat
        printed = " ".join(f"{a:,}".replace(",", ".") for a in amounts.values())
        assert re.search(rf"- {activity} {committee} .*?U {re.escape(printed)} ", flat), activity
    assert "Anlægsudgifter i alt 1.025 1.000 0 0 2.025" in flat
    assert "Serviceudgifter i alt 680 680 0 0 1.360" in flat


def test_table_2_totals_are_computed_and_match_the_printed_ones(infra):
    analysis = MobilityAnalysis.objects.get(code="TM274")
    table = appropriation_table(analysis, seed_data.BUDGET_YEARS)
    per_kind = {group["kind"]: group["per_year"] for group in table["kinds"]}
    assert per_kind == seed_data.APPROPRIATION_STATED
    service = next(g for g in table["kinds"] if g["kind"] == "service")
    assert [(r["committee"], r["total"]) for r in service["rows"]] == [("TMU", 680), ("ØU", 680)]
    assert AppropriationLine.objects.count() == 7


def test_the_criteria_load_as_a_proposal_because_the_source_heads_them_forslag(infra, seed_text):  # noqa: F811
    assert "Forslag til vision" in seed_text[0] and "Forslag til pejlemærker" in seed_text[0]
    assert CriterionSet.current().is_proposal


def test_the_matrix_page_shows_vision_and_criteria_as_a_proposal(client, board_member, infra):
    client.force_login(board_member)
    html = client.get("/infrastructure/matrix/").content.decode()
    assert "Forslag til vision" in html
    assert "Forslag til pejlemærker og underpunkter" in html
    assert "De er ikke vedtaget i kilden." in html
    assert "Kilde: " + seed_data.VISION_DOC in html


def test_the_background_page_shows_figures_focus_and_the_task_committee(client, board_member, infra):
    client.force_login(board_member)
    html = client.get("/infrastructure/baggrund/").content.decode()
    for figure, _quote, _ref in seed_data.CHALLENGE_FIGURES:
        assert figure in html
    assert "At prioritere de videre skridt for projekter" in html
    assert "To kommunalpolitikere, der udpeges af KKR-Hovedstaden." in html
    assert "Udvalgets første møde afholdes i første kvartal af 2023." in html
    assert "Dato: 8. november 2022" in html
    assert html.count("Kilde: ") >= len(seed_data.CHALLENGE_FIGURES) + len(seed_data.PASSAGES["focus"])


def test_the_mobility_analysis_page_shows_governance_note_and_table_2(client, board_member, infra):
    client.force_login(board_member)
    html = client.get("/infrastructure/mobilitetsanalyse/").content.decode()
    assert (
        "KKR Hovedstaden vil løbende blive orienteret, herunder skal KKR godkende projektbeskrivelsen."
        in html
    )
    assert "repræsentativ politisk styregruppe" in html
    assert "Juridisk forstudie" in html
    assert "Den overordnede risikovurdering er, at initiativet er ukompliceret" in html
    assert 'id="appropriation-table"' in html
    table = html.split('id="appropriation-table"')[1].split("</table>")[0]
    assert "ØU" in table and "1118 – Økonomisk forvaltning" in table
    assert "2.025" in table and "1.360" in table


def test_the_mobility_analysis_page_renders_each_table_and_passage_once(client, board_member, infra):
    client.force_login(board_member)
    html = client.get("/infrastructure/mobilitetsanalyse/").content.decode()
    title = html.split("<title>")[1].split("</title>")[0]
    assert "<table" not in title and "Tabel 2." not in title
    assert html.count('id="appropriation-table"') == 1
    assert html.count('id="governance-heading"') == 1
    assert html.count('id="note-heading"') == 1


def test_passages_by_topic_keeps_each_topics_passages_in_order(infra, django_assert_num_queries):
    with django_assert_num_queries(1):
        grouped = SourcePassage.by_topic(SourcePassage.Topic.TM274, SourcePassage.Topic.FOCUS)
    assert list(grouped) == ["tm274", "focus"]
    for topic, passages in grouped.items():
        assert passages == list(SourcePassage.objects.filter(topic=topic).order_by("order"))
        assert passages and all(p.topic == topic for p in passages)
    assert str(grouped["focus"][0]) == f"{SourcePassage.Topic.FOCUS.label} {grouped['focus'][0].order}"


def test_the_project_page_says_the_source_gives_no_per_project_status(client, board_member, infra):
    client.force_login(board_member)
    html = client.get("/infrastructure/projekter/kystbanen/").content.decode()
    assert "ikke angivet pr. projekt i kilden" in html
    assert seed_data.PLAN_NOTE in html
    assert "ikke angivet i kilden" in html  # no affected municipality
    assert "Kilde: " in html


def test_the_overview_shows_what_the_source_says_of_the_plan(client, board_member, infra):
    client.force_login(board_member)
    html = client.get("/infrastructure/").content.decode()
    assert seed_data.PLAN_NOTE in html
    assert "Kilden siger ikke, hvilke to der ikke er med." in html
    assert "Ukendt" not in html


def test_the_migration_clears_only_the_lists_the_old_loader_invented(infra, organisations):
    migration = importlib.import_module("infrastructure.migrations.0003_clear_invented_municipalities")
    infra["letbane-gladsaxe-noerrebro"].municipalities.add(organisations["Gladsaxe"])
    edited = infra["metro-ny-ellebjerg"]
    edited.municipalities.add(organisations["Hvidovre"], organisations["Rødovre"], organisations["København"])
    migration.clear(apps, None)
    assert infra["letbane-gladsaxe-noerrebro"].municipalities.count() == 0
    assert edited.municipalities.count() == 3
