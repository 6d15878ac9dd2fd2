"""The real round trip: a task travels through Redis to a separate worker process and back."""

import pytest

from core.tasks import count_municipalities, ping

pytestmark = pytest.mark.services


def test_a_task_travels_through_redis_to_a_worker_and_back(celery_worker_process):
    result = ping.delay()
    assert result.get(timeout=30) == "pong"


@pytest.mark.django_db(transaction=True)
def test_the_worker_reads_the_same_database(celery_worker_process, organisations):
    assert count_municipalities.delay().get(timeout=30) == 29
