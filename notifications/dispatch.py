"""Queue a task after the transaction commits, without ever failing the request when the broker is down.

Engineer B's `core/dispatch.py` is meant to provide `enqueue_on_commit` for every area; until it is on main
this is a minimal local equivalent with the same name and contract. What it queues must be recoverable
without it: the notifications' sweeper sends any row still unsent.
"""

import logging

from django.db import transaction

logger = logging.getLogger(__name__)


def enqueue_on_commit(task, *args) -> None:
    """After commit, try once to queue `task(*args)`; a broker that is down is logged, never raised."""

    def enqueue() -> None:
        try:
            task.apply_async(args=args, retry=False)
        except Exception:  # the broker is down or refuses: the beat's sweeper picks the work up later
            logger.warning("could not queue %s%r; the sweeper will retry", task.name, args, exc_info=True)

    transaction.on_commit(enqueue)
