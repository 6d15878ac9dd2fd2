"""Remove the affected-municipality lists an earlier loader inferred from project names.

The source names no affected municipality per project. A list is cleared only where it is still exactly
what the old loader set, so a list the secretariat has edited since is kept.
"""

from django.db import migrations

OLD_LOADED_LISTS = {
    "hilleroed-frederikssund-motorvejene": {"Hillerød", "Frederikssund"},
    "letbane-gladsaxe-noerrebro": {"Gladsaxe"},
    "hilleroed-station": {"Hillerød"},
    "metro-ny-ellebjerg": {"Hvidovre", "Rødovre"},
    "s-bane-farum-hilleroed": {"Hillerød"},
}


def clear(apps, schema_editor):
    Project = apps.get_model("infrastructure", "Project")
    for slug, names in OLD_LOADED_LISTS.items():
        project = Project.objects.filter(slug=slug).first()
        if project and set(project.municipalities.values_list("name", flat=True)) == names:
            project.municipalities.clear()


class Migration(migrations.Migration):
    dependencies = [("infrastructure", "0002_source_refs_proposal_and_missing_texts")]

    operations = [migrations.RunPython(clear, migrations.RunPython.noop)]
