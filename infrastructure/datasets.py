"""The 7+3 infrastructure projects as datasets (api.datasets): projects, cost estimates, assessments."""

from api.datasets import Column, Dataset

from .models import Assessment, CostEstimate, Project

PROJECT = Column("project", "string", "project__slug", "Projektet (kort navn)", "Project (short name)")

DATASETS = [
    Dataset(
        area="infrastructure",
        name="projects",
        title_da="Infrastrukturprojekter (7+3)",
        title_en="Infrastructure projects (7+3)",
        description_da="De prioriterede projekter og kandidaterne med gruppe, transportform og planstatus.",
        description_en="The priority projects and the candidates with group, mode and plan status.",
        columns=(
            Column("id", "integer", "pk", "Portalens faste id", "The portal's stable id"),
            Column("slug", "string", "slug", "Kort navn", "Short name"),
            Column("name", "string", "name", "Navn", "Name (Danish)"),
            Column("group", "string", "group", "Gruppe (kode)", "Group (code)"),
            Column(
                "is_candidate",
                "boolean",
                "is_candidate",
                "Kandidat (ikke blandt de 7)",
                "Candidate (not among the 7)",
            ),
            Column("mode", "string", "mode", "Transportform (kode)", "Mode (code)"),
            Column("plan_status", "string", "plan_status", "Planstatus (kode)", "Plan status (code)"),
        ),
        rows=lambda: Project.objects.all(),
        order_by=("is_candidate", "order", "name"),
        keywords=("infrastruktur", "trafik"),
    ),
    Dataset(
        area="infrastructure",
        name="estimates",
        title_da="Anlægsoverslag",
        title_en="Cost estimates",
        description_da="Overslag pr. delprojekt som interval (lav–høj) i mio. kr. i det angivne prisniveau.",
        description_en="Estimates per sub-project as a range (low–high) in DKK million at the stated price level.",
        columns=(
            Column("id", "integer", "pk", "Portalens faste id", "The portal's stable id"),
            Column(
                "project", "string", "part__project__slug", "Projektet (kort navn)", "Project (short name)"
            ),
            Column("part", "string", "part__name", "Delprojekt", "Sub-project"),
            Column("low", "decimal", "low", "Lav", "Low", unit="mio. kr."),
            Column("high", "decimal", "high", "Høj", "High", unit="mio. kr."),
            Column("price_year", "integer", "price_year", "Prisniveau (år)", "Price level (year)"),
            Column("quote", "string", "quote", "Ordlyd i kilden", "Wording in the source"),
        ),
        rows=lambda: CostEstimate.objects.all(),
        order_by=("part__project__order", "part__order", "pk"),
    ),
    Dataset(
        area="infrastructure",
        name="assessments",
        title_da="Vurderinger efter pejlemærkerne",
        title_en="Assessments against the guiding criteria",
        description_da="Sekretariatets vurdering af hvert projekt på hvert underpunkt.",
        description_en="The secretariat's assessment of each project on each sub-criterion.",
        columns=(
            Column("id", "integer", "pk", "Portalens faste id", "The portal's stable id"),
            PROJECT,
            Column("sub_criterion", "string", "sub_criterion__code", "Underpunkt", "Sub-criterion"),
            Column("level", "string", "level", "Niveau (kode)", "Level (code)"),
            Column("yes", "boolean", "yes", "Ja/nej", "Yes/no"),
            Column("score", "integer", "score", "Point", "Score"),
            Column("figure", "decimal", "figure", "Tal", "Figure"),
            Column("unit", "string", "unit", "Enhed", "Unit"),
        ),
        rows=lambda: Assessment.objects.all(),
        order_by=("project__order", "sub_criterion__code", "pk"),
    ),
]
