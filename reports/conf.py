"""Tunables of the report pipeline, read from settings (with environment fallbacks for workers in tests)."""

import os

from django.conf import settings


def render_delay() -> float:
    """Seconds to sleep before WeasyPrint runs: only for tests that must catch a render in the middle."""
    return float(getattr(settings, "REPORTS_RENDER_DELAY", os.environ.get("KKR_REPORT_RENDER_DELAY", "0")))


def stuck_after() -> int:
    """A job queued or running for longer than this (seconds) is re-queued by the beat sweeper."""
    default = str(max(600, settings.CELERY_TASK_TIME_LIMIT + 60))
    return int(getattr(settings, "REPORTS_STUCK_AFTER", os.environ.get("KKR_REPORT_STUCK_AFTER", default)))


MAX_ATTEMPTS = 5
PDF_VARIANT = os.environ.get("KKR_REPORT_PDF_VARIANT", "pdf/ua-1")
