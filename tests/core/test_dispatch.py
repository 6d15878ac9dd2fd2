"""core.dispatch: a task is recorded with the data it is about, sent after commit, and re-sent by the beat.
The broker-down path with real processes is in tests/test_background_outages.py."""

from datetime import timedelta

import pytest
from django.db import transaction
from django.utils import timezone

from core import dispatch
from core.models import PendingTask
from core.tasks import count_municipalities, send_pending_tasks
from kkr_portal.beat import BEAT_SCHEDULE

pytestmark = pytest.mark.django_db


def test_a_task_is_recorded_in_the_transaction_and_sent_after_the_commit(
    organisations, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks, transaction.atomic():
        sent = dispatch.enqueue_on_commit(count_municipalities)
        assert sent.sent is None  # not before the commit
        assert PendingTask.objects.filter(task=count_municipalities.name).exists()
        assert not dispatch.is_pending(count_municipalities)  # its first send is still to come
    assert len(callbacks) == 1
    assert sent.sent is True
    assert not PendingTask.objects.exists()


def test_a_rolled_back_transaction_queues_nothing(django_capture_on_commit_callbacks):
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        dispatch.enqueue_on_commit(count_municipalities)
        raise RuntimeError("the save failed")
    assert callbacks == [] and not PendingTask.objects.exists()


def test_a_task_left_by_a_failed_send_is_pending_and_the_beat_sends_it(organisations):
    PendingTask.objects.create(task=count_municipalities.name, attempts=1, last_error="ConnectionError")
    young = PendingTask.objects.create(task="core.tasks.ping")  # a request is sending this one right now
    assert dispatch.is_pending(count_municipalities)
    assert not dispatch.is_pending(type("T", (), {"name": "core.tasks.ping"}))
    PendingTask.objects.filter(task=count_municipalities.name).update(
        created_at=timezone.now() - dispatch.RESEND_AFTER - timedelta(seconds=1)
    )
    assert send_pending_tasks.apply().get() == 1
    assert list(PendingTask.objects.all()) == [young]


def test_the_beat_sweeps_often_enough_for_a_two_minute_recovery():
    entries = {entry["task"]: entry for entry in BEAT_SCHEDULE.values()}
    for task in ("core.send_pending_tasks", "reports.tasks.requeue_stuck_report_jobs"):
        assert entries[task]["schedule"] <= 30
        assert entries[task]["options"]["expires"] < entries[task]["schedule"]  # no backlog without a worker
