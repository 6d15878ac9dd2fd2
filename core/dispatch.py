"""Queue a Celery task after the transaction commits, without ever failing the request that queues it.

    from core.dispatch import enqueue_on_commit
    enqueue_on_commit(render_report_job, job.pk)         # like render_report_job.delay(job.pk), after commit

`enqueue_on_commit(task, *args, **kwargs)` records the task in `PendingTask` inside the caller's transaction
(so it exists exactly when the data it is about does) and, once that transaction commits, hands it to the
broker with a short connect timeout and no publish retries. If the broker takes it, the record is deleted;
if not (broker down), a warning is logged, the record stays and the request goes on. The beat entry
`core-send-pending-tasks` (`send_pending`) sends what is left once the broker is back. A task can so arrive
twice (the record outlived a successful send): every task queued this way must be idempotent.

The returned `Dispatch` says, after the commit, whether the send succeeded (`sent`); `is_pending(task,
*args)` asks the database later. With Celery eager (embedded mode, most tests) "sending" runs the task in
this process and its errors propagate as they always did.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import timedelta

from celery import current_app
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from .models import PendingTask

logger = logging.getLogger(__name__)

# A record younger than this is still being sent by the request that wrote it: the beat leaves it alone.
RESEND_AFTER = timedelta(seconds=15)


@dataclass
class Dispatch:
    task: str
    args: list
    kwargs: dict = field(default_factory=dict)
    pending_id: int | None = None
    sent: bool | None = None  # None until the transaction has committed and the send was tried


def enqueue_on_commit(task, *args, **kwargs) -> Dispatch:
    """Send `task(*args, **kwargs)` to the broker after the current transaction commits; never raises for a
    broker that is down (the beat sends it later). Arguments must be JSON values (ids, ISO dates)."""
    pending = PendingTask.objects.create(task=task.name, args=list(args), kwargs=kwargs)
    dispatch = Dispatch(task=task.name, args=list(args), kwargs=kwargs, pending_id=pending.pk)

    def after_commit() -> None:
        dispatch.sent = _send(pending)

    transaction.on_commit(after_commit)
    return dispatch


def is_pending(task, *args) -> bool:
    """Is `task(*args)` left waiting for the broker: its send failed, or never finished (the record is
    older than RESEND_AFTER)? A record whose first send is still to come (before the commit) is not."""
    return (
        PendingTask.objects.filter(task=task.name, args=list(args))
        .filter(Q(attempts__gt=0) | Q(created_at__lte=timezone.now() - RESEND_AFTER))
        .exists()
    )


def send_pending(*, task=None, args: tuple | None = None, older_than: timedelta = RESEND_AFTER) -> int:
    """Send recorded tasks again (all, or those of one task and arguments); stops at the first failure, as
    the broker is then still down. Returns how many were sent."""
    rows = PendingTask.objects.filter(created_at__lte=timezone.now() - older_than)
    if task is not None:
        rows = rows.filter(task=task.name)
    if args is not None:
        rows = rows.filter(args=list(args))
    sent = 0
    for pk in list(rows.values_list("pk", flat=True)[:1000]):
        with transaction.atomic():
            pending = PendingTask.objects.select_for_update(skip_locked=True).filter(pk=pk).first()
            if pending is None:
                continue  # another sweeper has it
            if not _publish(pending):
                pending.attempts += 1
                pending.save(update_fields=["attempts", "last_error"])
                break
            pending.delete()
        sent += 1
    return sent


def _send(pending: PendingTask) -> bool:
    """After the commit: publish, then forget the record. True when the broker took the task."""
    if current_app.conf.task_always_eager:
        # The task runs here and now: nothing can be lost, and its errors are the caller's.
        PendingTask.objects.filter(pk=pending.pk).delete()
        _task(pending.task).apply_async(args=pending.args, kwargs=pending.kwargs)
        return True
    if not _publish(pending):
        try:
            PendingTask.objects.filter(pk=pending.pk).update(attempts=1, last_error=pending.last_error)
        except Exception:
            logger.warning("could not note the failed send of %s", pending, exc_info=True)
        return False
    try:
        PendingTask.objects.filter(pk=pending.pk).delete()
    except Exception:  # the task is sent; a record left behind only sends it once more
        logger.warning("task %s sent, but its pending record %s stays", pending, pending.pk, exc_info=True)
    return True


def _task(name: str):
    """The registered task; a web process imports the apps' tasks modules only on first need."""
    try:
        return current_app.tasks[name]
    except KeyError:
        current_app.loader.import_default_modules()
        return current_app.tasks[name]


def _publish(pending: PendingTask) -> bool:
    try:
        _task(pending.task).apply_async(args=pending.args, kwargs=pending.kwargs, retry=False)
    except Exception as error:  # the broker (or the result store) is unreachable: keep the record
        pending.last_error = f"{type(error).__name__}: {error}"[:2000]
        logger.warning("could not send %s (%s); the beat sends it again later", pending, pending.last_error)
        return False
    return True
