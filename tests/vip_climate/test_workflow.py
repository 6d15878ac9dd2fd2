"""The shared report workflow (core.workflow) as the VIP status reports use it."""

import threading

import pytest
from django.db import close_old_connections, connection

from core.workflow import (
    StaleVersion,
    WorkflowError,
    report_approve,
    report_return,
    report_save,
    report_submit,
)
from vip_climate.models import StatusReport


@pytest.mark.django_db
def test_save_increments_the_version_and_records_history(vip2_spring_draft, albertslund_member):
    report_save(report=vip2_spring_draft, fields={"changes": "x"}, expected_version=1, by=albertslund_member)
    vip2_spring_draft.refresh_from_db()
    assert vip2_spring_draft.version == 2
    assert vip2_spring_draft.history.first().changes == "x"


@pytest.mark.django_db
def test_a_stale_save_raises_and_carries_the_other_version(
    vip2_spring_draft, albertslund_member, secretariat
):
    first = StatusReport.objects.get(pk=vip2_spring_draft.pk)
    second = StatusReport.objects.get(pk=vip2_spring_draft.pk)
    report_save(report=first, fields={"changes": "first"}, expected_version=1, by=secretariat)
    with pytest.raises(StaleVersion) as caught:
        report_save(report=second, fields={"changes": "second"}, expected_version=1, by=albertslund_member)
    assert caught.value.current.changes == "first" and caught.value.current.version == 2
    vip2_spring_draft.refresh_from_db()
    assert vip2_spring_draft.changes == "first"


@pytest.mark.django_db
def test_transitions_follow_the_states(vip2_spring_draft, albertslund_member, secretariat):
    with pytest.raises(WorkflowError):
        report_approve(report=vip2_spring_draft, by=secretariat)
    report_submit(report=vip2_spring_draft, by=albertslund_member)
    with pytest.raises(WorkflowError):
        report_save(
            report=vip2_spring_draft, fields={"changes": "late"}, expected_version=2, by=albertslund_member
        )
    with pytest.raises(WorkflowError):
        report_return(report=vip2_spring_draft, by=secretariat, comment="  ")
    report_return(report=vip2_spring_draft, by=secretariat, comment="Ret venligst")
    assert vip2_spring_draft.state == "returned"
    report_submit(report=vip2_spring_draft, by=albertslund_member)
    report_approve(report=vip2_spring_draft, by=secretariat)
    vip2_spring_draft.refresh_from_db()
    assert vip2_spring_draft.state == "approved" and vip2_spring_draft.return_comment == ""
    assert vip2_spring_draft.version == 5


@pytest.mark.django_db
def test_lead_organisation_follows_the_lead_periods(vip, autumn_2022, spring_2023):
    spring_2022 = StatusReport(project=vip[2], period=type(spring_2023).objects.get(year=2022, half="spring"))
    assert spring_2022.lead_organisation() is None
    assert StatusReport(project=vip[2], period=autumn_2022).lead_organisation().name == "Albertslund"
    assert StatusReport(project=vip[3], period=spring_2023).lead_organisation() is None


@pytest.mark.services
@pytest.mark.django_db(transaction=True)
def test_concurrent_saves_on_postgresql_exactly_one_wins(vip2_spring_draft, albertslund_member, secretariat):
    """Two connections save the same version at the same moment: one wins, the other gets StaleVersion."""
    assert connection.vendor == "postgresql"
    barrier = threading.Barrier(2)
    outcomes = {}

    def save(name, user):
        try:
            report = StatusReport.objects.get(pk=vip2_spring_draft.pk)
            barrier.wait(timeout=10)
            report_save(report=report, fields={"changes": name}, expected_version=1, by=user)
            outcomes[name] = "saved"
        except StaleVersion as stale:
            outcomes[name] = ("stale", stale.current.version, stale.current.changes)
        finally:
            close_old_connections()
            connection.close()

    threads = [
        threading.Thread(target=save, args=("albertslund", albertslund_member)),
        threading.Thread(target=save, args=("sekretariat", secretariat)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    winners = [name for name, outcome in outcomes.items() if outcome == "saved"]
    losers = [outcome for outcome in outcomes.values() if outcome != "saved"]
    assert len(winners) == 1 and len(losers) == 1
    vip2_spring_draft.refresh_from_db()
    assert vip2_spring_draft.version == 2
    assert vip2_spring_draft.changes == winners[0]
    # The loser is told the winner's version and text: nothing is lost silently.
    assert losers[0] == ("stale", 2, winners[0])
    assert vip2_spring_draft.history.filter(version=2).count() == 1


@pytest.mark.services
@pytest.mark.django_db(transaction=True)
def test_concurrent_submit_and_save_on_postgresql(vip2_spring_draft, albertslund_member, secretariat):
    barrier = threading.Barrier(2)
    outcomes = []

    def act(kind):
        try:
            report = StatusReport.objects.get(pk=vip2_spring_draft.pk)
            barrier.wait(timeout=10)
            if kind == "submit":
                report_submit(report=report, by=albertslund_member, expected_version=1)
            else:
                report_save(report=report, fields={"changes": "late"}, expected_version=1, by=secretariat)
            outcomes.append((kind, "ok"))
        except WorkflowError:
            outcomes.append((kind, "refused"))
        finally:
            connection.close()

    threads = [threading.Thread(target=act, args=(k,)) for k in ("submit", "save")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert sorted(o for _, o in outcomes) == ["ok", "refused"]
    vip2_spring_draft.refresh_from_db()
    assert vip2_spring_draft.version == 2
