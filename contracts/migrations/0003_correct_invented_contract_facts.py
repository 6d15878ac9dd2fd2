"""Correct, in a database loaded before issue 12, the facts the first load stated and the source does not.

Only rows still holding the old loaded values are changed (an edit by the secretariat is left alone); the
loader then adds what was missing (target 2.1.1.1, the introduction, source references).
"""

from django.db import migrations

PP_CODES = ("5.2", "5.3.1", "5.3.2", "6.2.1", "6.2.2", "6.3", "7.2.1", "7.2.2", "8.1")
ESTIMATES = {"2.1.1": 1500, "2.1.2": 1250, "2.1.3": 1250}
NOTE_2_1 = (
    "Kilden siger ikke, hvordan antallet af vejledte virksomheder opgøres. De tre ydelser nedenfor tæller "
    "forløb og sparringer, ikke virksomheder, så portalen kan ikke beregne målet ud fra dem. Målet vurderes "
    "først, når Erhvervshuset indtaster et antal vejledte virksomheder."
)


def correct(apps, schema_editor):
    Target = apps.get_model("contracts", "Target")
    targets = {t.code: t for t in Target.objects.filter(goal__contract__year=2023)}
    if not targets:
        return
    changed = []
    t = targets.get("2.1")
    if t and t.kind == "parts" and t.parts_rule == "sum":
        t.kind, t.parts_rule, t.source = "level", "", "own_continuous"
        t.measured = "Antal vejledte virksomheder (virksomheder, ikke ydelser)"
        t.portal_note = NOTE_2_1
        changed.append(t)
    for code, estimate in ESTIMATES.items():
        t = targets.get(code)
        if t and t.kind == "level" and t.threshold == estimate:
            t.kind, t.source = "estimate", "own_continuous"
            t.measured = t.measured.replace(" og måned", "")
            changed.append(t)
    t = targets.get("2.2")
    if t and t.source == "own_count":
        t.source = "own_continuous"
        changed.append(t)
    for code in PP_CODES:
        t = targets.get(code)
        if t and t.unit == "percent":
            t.unit = "pp"
            if "kontrolgruppen" in t.measured:
                t.measured = t.measured.replace("(procent)", "(vækst i procent; forskellen i procentpoint)")
            else:
                t.measured = t.measured.replace("(procent)", "(andel i procent; målet er en ændring i procentpoint)")
            changed.append(t)
    for code in ("5.3", "6.2", "7.2"):
        t = targets.get(code)
        if t and not t.parts_rule_stated_in_source:
            t.parts_rule_stated_in_source = True
            changed.append(t)
    for target in {id(t): t for t in changed}.values():
        target.save()


class Migration(migrations.Migration):
    dependencies = [("contracts", "0002_sourced_records_estimates_and_intro")]

    operations = [migrations.RunPython(correct, migrations.RunPython.noop)]
