"""A running job's heartbeat: a thread touches `ReportJob.heartbeat_at` every few seconds while the worker
renders. A worker that is killed (SIGKILL, OOM, a lost container) stops beating; the sweeper then sees a
stale heartbeat and queues the job again (services.report_jobs_requeue_stuck)."""

import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from django.db import connections
from django.utils import timezone

from . import conf

logger = logging.getLogger(__name__)


@contextmanager
def beating(job_id: int) -> Iterator[None]:
    interval = conf.heartbeat_seconds()
    if interval <= 0:
        yield
        return
    stop = threading.Event()

    def beat() -> None:
        from .models import ReportJob

        try:
            while not stop.wait(interval):
                try:
                    ReportJob.objects.filter(pk=job_id, state=ReportJob.State.RUNNING).update(
                        heartbeat_at=timezone.now()
                    )
                except Exception:  # a missed beat is not worth failing a render for
                    logger.warning("report job %s: heartbeat not written", job_id, exc_info=True)
        finally:
            connections.close_all()  # this thread's own connections

    thread = threading.Thread(target=beat, name=f"report-job-{job_id}-heartbeat", daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join(timeout=30)
