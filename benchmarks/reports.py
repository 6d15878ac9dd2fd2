"""Benchmark the annual PDF report: pages, total seconds, seconds inside WeasyPrint, queries, peak memory.

    python benchmarks/reports.py [--year 2023] [--repeat 3]

Runs on the configured database (embedded SQLite after `make run`, or DATABASE_URL) with the loaded KKR
data. Two scenarios:
- "loaded": the annual report as the areas' `report_sections` give it;
- "10x": every list in every area's section context repeated ten times (the same templates, ten times the
  rows and bars), which scales the document without knowing what a goal or a project is. The database work
  is the same as "loaded" (the sections read stored results with a fixed number of queries).
Areas that offer no `report_sections` yet are replaced by a synthetic section of the same shape as the
annual report (goal table, project table, 29 municipalities with a bar chart), so the figures mean something
before the areas land; the output says which areas were real and which synthetic.
"""

import argparse
import os
import resource
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path
from types import SimpleNamespace

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kkr_portal.settings")
os.environ.setdefault("LOG_LEVEL", "WARNING")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from core.areas import BaseArea, registry  # noqa: E402
from core.charts import Bar, horizontal_bars  # noqa: E402
from core.models import Organisation, ReportingPeriod  # noqa: E402
from reports import services  # noqa: E402
from reports.models import ReportJob  # noqa: E402

SYNTHETIC_TEMPLATE = """{% load kkr %}<section>
<h2>{{ title }}</h2>
<p>{{ intro }}</p>
{{ chart }}
<table><caption>{{ title }}: rækker</caption>
<thead><tr><th scope="col">Navn</th><th scope="col">Status</th><th scope="col" class="num">Værdi</th><th scope="col">Kilde</th></tr></thead>
<tbody>{% for row in rows %}<tr><td>{{ row.name }}</td><td>{{ row.status }}</td><td class="num">{{ row.value|number }}</td><td>{{ row.source }}</td></tr>{% endfor %}</tbody>
</table></section>"""


class BenchArea(BaseArea):
    """An area for the benchmark: only its report sections matter."""

    def __init__(self, app: str, report_sections) -> None:
        self.app, self.report_sections = app, report_sections


def synthetic_module(app: str, names: list[str]):
    real = registry.get(app)
    title = real.report_title if real is not None else app

    def annual_section(year):
        rows = [
            {
                "name": name,
                "status": "Godt på vej",
                "value": 1000 + 37 * i,
                "source": "Opgørelse " + str(year),
            }
            for i, name in enumerate(names)
        ]
        chart = horizontal_bars(
            [Bar(label=r["name"], value=r["value"]) for r in rows[:29]],
            title=f"Syntetisk figur for {app}",
            description="Værdier pr. række; tallene står også i tabellen.",
        )
        return {
            "title": f"Syntetisk afsnit: {title}",
            "intro": "Syntetiske data.",
            "rows": rows,
            "chart": chart,
        }

    return SimpleNamespace(annual_section=annual_section)


def scaled(module, factor: int):
    def annual_section(year):
        context = module.annual_section(year)
        if context is None or factor == 1:
            return context
        return {k: (v * factor if isinstance(v, list) else v) for k, v in context.items()}

    return SimpleNamespace(annual_section=annual_section)


def measure(kind, period, modules, *, repeat: int) -> dict:
    with registry.replaced_by([BenchArea(app, module) for app, module in modules.items()]):
        return _measure(kind, period, repeat=repeat)


def _measure(kind, period, *, repeat: int) -> dict:
    services.render_report(kind, period)  # warm-up: fonts, templates
    totals, weasy, pages, queries = [], [], 0, 0
    for _ in range(repeat):
        with CaptureQueriesContext(connection) as captured:
            result = services.render_report(kind, period)
        totals.append(result.total_seconds)
        weasy.append(result.weasyprint_seconds)
        pages, queries = result.pages, len(captured)
    tracemalloc.start()
    services.render_report(kind, period)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    total, inside = statistics.median(totals), statistics.median(weasy)
    return {
        "pages": pages,
        "total_s": total,
        "weasyprint_s": inside,
        "overhead_pct": 100 * (total - inside) / inside if inside else 0.0,
        "queries": queries,
        "peak_mb": peak / 1e6,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--year", type=int, default=2023)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    template_dir = Path(tempfile.mkdtemp(prefix="kkr-bench-"))
    real = {area.app: area.report_sections for area in registry}
    names = list(Organisation.objects.municipalities().values_list("name", flat=True)) or [
        f"Kommune {i}" for i in range(29)
    ]
    modules, origin = {}, {}
    for app, module in real.items():
        if module is not None and module.annual_section(args.year) is not None:
            modules[app], origin[app] = module, "real"
        else:
            (template_dir / f"bench_{app}/pdf").mkdir(parents=True)
            (template_dir / f"bench_{app}/pdf/_annual_section.html").write_text(SYNTHETIC_TEMPLATE)
            modules[f"bench_{app}"], origin[app] = synthetic_module(app, names), "synthetic"
    settings.TEMPLATES[0]["DIRS"].insert(0, template_dir)

    period = ReportingPeriod.get_or_create_for(args.year)
    print(f"annual report {args.year}; areas: " + ", ".join(f"{a}={o}" for a, o in origin.items()))
    print(
        f"{'scenario':<8} {'pages':>5} {'total s':>8} {'WeasyPrint s':>12} {'overhead':>8} {'queries':>7} {'peak MB':>8}"
    )
    for label, factor in (("loaded", 1), ("10x", 10)):
        figures = measure(
            ReportJob.Kind.ANNUAL,
            period,
            {app: scaled(m, factor) for app, m in modules.items()},
            repeat=args.repeat,
        )
        print(
            f"{label:<8} {figures['pages']:>5} {figures['total_s']:>8.2f} {figures['weasyprint_s']:>12.2f} "
            f"{figures['overhead_pct']:>7.1f}% {figures['queries']:>7} {figures['peak_mb']:>8.1f}"
        )
    print(f"process max RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    start = time.perf_counter()
    main()
    print(f"benchmark wall time: {time.perf_counter() - start:.1f} s")
