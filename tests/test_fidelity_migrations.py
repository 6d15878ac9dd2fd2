"""The data migrations of issue 12 correct, in a database loaded before it, the facts the source does not
state, and leave what the secretariat changed alone."""

from datetime import UTC, datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

CONTRACTS_BEFORE = ("contracts", "0002_sourced_records_estimates_and_intro")
CONTRACTS_AFTER = ("contracts", "0003_correct_invented_contract_facts")
EDUCATION_BEFORE = ("education", "0002_sourced_records_presented_allocations_draft_strategy")
EDUCATION_AFTER = ("education", "0003_loaded_allocations_are_presented_not_approved")


pytestmark = pytest.mark.migrations


@pytest.fixture(autouse=True)
def _back_to_the_latest_migrations():
    """The tests migrate backwards and forwards; leave the schema at the leaves for the tests after them."""
    yield
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


def _migrate(target):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate([target])
    executor.loader.build_graph()
    return executor.loader.project_state([target]).apps


@pytest.mark.django_db(transaction=True)
def test_the_contract_migration_corrects_the_old_loaded_values_only(empty_database):
    apps = _migrate(CONTRACTS_BEFORE)
    Contract = apps.get_model("contracts", "Contract")
    Goal = apps.get_model("contracts", "Goal")
    Target = apps.get_model("contracts", "Target")
    contract = Contract.objects.create(year=2023, title="Resultatkontrakt 2023", parties="p")
    goal2 = Goal.objects.create(contract=contract, number=2, title="Bred geografisk spredning", scope="local")
    goal5 = Goal.objects.create(contract=contract, number=5, title="Grøn omstilling", scope="both")

    def target(goal, code, **fields):
        return Target.objects.create(goal=goal, code=code, text=code, **fields)

    parent = target(
        goal2, "2.1", kind="parts", parts_rule="sum", unit="count", threshold=4000, source="own_count"
    )
    target(
        goal2,
        "2.1.1",
        parent=parent,
        kind="level",
        threshold=1500,
        unit="count",
        source="own_count",
        measured="1:1-forløb pr. kommune og måned",
    )
    target(
        goal2, "2.1.2", parent=parent, kind="level", threshold=999, unit="count", source="own_count"
    )  # edited
    target(goal2, "2.2", kind="level", threshold=10, unit="percent", source="own_count")
    target(goal5, "5.2", kind="change", threshold=5, unit="percent", measured="Kendskab (procent)")
    target(goal5, "5.3", kind="parts", parts_rule="all")

    apps = _migrate(CONTRACTS_AFTER)
    Target = apps.get_model("contracts", "Target")
    by_code = {t.code: t for t in Target.objects.all()}
    assert by_code["2.1"].kind == "level" and by_code["2.1"].parts_rule == "" and by_code["2.1"].portal_note
    assert by_code["2.1.1"].kind == "estimate" and by_code["2.1.1"].measured == "1:1-forløb pr. kommune"
    assert by_code["2.1.2"].kind == "level" and by_code["2.1.2"].threshold == Decimal(999)  # left alone
    assert by_code["2.2"].source == "own_continuous"
    assert by_code["5.2"].unit == "pp" and "(procent)" not in by_code["5.2"].measured
    assert by_code["5.3"].parts_rule_stated_in_source is True


@pytest.mark.django_db(transaction=True)
def test_the_education_migration_makes_never_approved_tables_presented(empty_database):
    apps = _migrate(EDUCATION_BEFORE)
    Programme = apps.get_model("education", "Programme")
    Allocation = apps.get_model("education", "Allocation")
    programme = Programme.objects.create(name="Social- og sundhedsassistent", slug="ssa", is_allocated=True)
    loaded = Allocation.objects.create(
        year=2023, programme=programme, version=1, total=1776, status="approved"
    )
    decided = Allocation.objects.create(
        year=2023,
        programme=programme,
        version=2,
        total=1776,
        status="approved",
        approved_at=datetime(2023, 2, 1, tzinfo=UTC),
    )
    apps = _migrate(EDUCATION_AFTER)
    Allocation = apps.get_model("education", "Allocation")
    assert Allocation.objects.get(pk=loaded.pk).status == "presented"
    assert Allocation.objects.get(pk=decided.pk).status == "approved"
