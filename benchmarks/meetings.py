"""Benchmark the meeting packet of 14 December 2022: seconds and pages, frozen and unfrozen annexes.

    python benchmarks/meetings.py [--date 2022-12-14] [--repeat 3]

Runs on the configured database (embedded SQLite after `make run`, or DATABASE_URL) with the loaded KKR
data, through the same code as the worker (meetings.packet.render_packet). "live": the generated annexes
rendered from the portal (a draft agenda only); "first": a published meeting's first packet, which freezes
its annexes (cold: fonts and templates load too); "frozen": every later packet. All in a transaction that is
rolled back, so the data is unchanged.
Aim: under 10 s.
"""

import argparse
import os
import statistics
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kkr_portal.settings")
os.environ.setdefault("LOG_LEVEL", "WARNING")

import django  # noqa: E402

django.setup()

from django.db import transaction  # noqa: E402

from meetings import packet  # noqa: E402
from meetings.models import Meeting  # noqa: E402


class Rollback(Exception):
    pass


def measure(meeting, repeat: int) -> tuple[list[float], list[float], int, int]:
    times, cpu, pages, size = [], [], 0, 0
    for _ in range(repeat):
        started, started_cpu = time.perf_counter(), time.process_time()
        content, pages, _weasy = packet.render_packet(meeting)
        times.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
        size = len(content)
    return times, cpu, pages, size


def report(name: str, times: list[float], cpu: list[float], pages: int, size: int) -> None:
    """Wall and CPU seconds: on a shared machine the CPU time is the figure that does not depend on the load."""
    print(
        f"{name:8} pages {pages:4}  size {size / 1024:8.0f} KiB  wall median {statistics.median(times):6.2f} s "
        f"max {max(times):6.2f} s  cpu median {statistics.median(cpu):6.2f} s  (n={len(times)}, "
        f"load {os.getloadavg()[0]:.1f})"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--date", default="2022-12-14")
    parser.add_argument("--repeat", type=int, default=3)
    options = parser.parse_args()
    meeting = Meeting.objects.filter(date=date.fromisoformat(options.date)).order_by("pk").first()
    if meeting is None:
        sys.exit(f"No meeting on {options.date}: run `manage.py load_kkr_data` first.")
    print(f"{meeting}: {meeting.items.count()} items, annexes: {[a.label for a in annexes_of(meeting)]}")
    try:
        with transaction.atomic():  # rolled back: the benchmark leaves the annexes as it found them
            if meeting.is_draft:
                packet.render_packet(meeting)  # warm-up: fonts, templates
                report("live", *measure(meeting, options.repeat))
            # A published meeting's first packet freezes its annexes (rendering each once).
            report("first", *measure(meeting, 1))
            report("frozen", *measure(meeting, options.repeat))
            raise Rollback
    except Rollback:
        pass


def annexes_of(meeting):
    from meetings.models import Annex

    return (
        Annex.objects.filter(item__meeting=meeting)
        .select_related("item")
        .order_by("item__position", "position")
    )


if __name__ == "__main__":
    main()
