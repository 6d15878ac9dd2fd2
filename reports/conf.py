"""Tunables of the report pipeline, read from settings (with environment fallbacks for workers in tests)."""

import os

from django.conf import settings


def render_delay() -> float:
    """Seconds to sleep before WeasyPrint runs: only for tests that must catch a render in the middle."""
    return float(getattr(settings, "REPORTS_RENDER_DELAY", os.environ.get("KKR_REPORT_RENDER_DELAY", "0")))


def stuck_after() -> int:
    """A job sent to the broker but still queued after this (seconds) lost its message: it is sent again."""
    default = str(max(600, settings.CELERY_TASK_TIME_LIMIT + 60))
    return int(getattr(settings, "REPORTS_STUCK_AFTER", os.environ.get("KKR_REPORT_STUCK_AFTER", default)))


def heartbeat_seconds() -> float:
    """How often a rendering worker touches its job's heartbeat."""
    return float(
        getattr(settings, "REPORTS_HEARTBEAT_SECONDS", os.environ.get("KKR_REPORT_HEARTBEAT_SECONDS", "10"))
    )


def heartbeat_timeout() -> float:
    """A running job whose heartbeat is older than this (seconds) lost its worker: the sweeper re-queues it."""
    return float(
        getattr(settings, "REPORTS_HEARTBEAT_TIMEOUT", os.environ.get("KKR_REPORT_HEARTBEAT_TIMEOUT", "60"))
    )


MAX_ATTEMPTS = 5
PDF_VARIANT = os.environ.get("KKR_REPORT_PDF_VARIANT", "pdf/ua-1")
