"""The result contract as datasets (api.datasets): goals, targets, measurements and fulfilment."""

from api.datasets import Column, Dataset

from .models import Goal, GoalStatus, Measurement, Target

ID = Column("id", "integer", "pk", "Portalens faste id", "The portal's stable id")

DATASETS = [
    Dataset(
        area="contracts",
        name="goals",
        title_da="Resultatkontraktens mål",
        title_en="Result contract goals",
        description_da="Målene i resultatkontrakterne med Erhvervshus Hovedstaden, ét pr. række.",
        description_en="The goals of the result contracts with Erhvervshus Hovedstaden, one per row.",
        columns=(
            ID,
            Column("contract_year", "integer", "contract__year", "Kontraktens år", "Contract year"),
            Column("number", "integer", "number", "Målets nummer", "Goal number"),
            Column(
                "title", "string", "title", "Titel (som i kontrakten)", "Title (as in the contract, Danish)"
            ),
            Column("scope", "string", "scope", "Type (kode)", "Scope (code)"),
            Column("weight", "decimal", "weight", "Vægt i den samlede opgørelse", "Weight in the roll-up"),
        ),
        rows=lambda: Goal.objects.all(),
        order_by=("contract__year", "number"),
        year="contract__year",
        keywords=("erhvervsfremme", "resultatkontrakt"),
    ),
    Dataset(
        area="contracts",
        name="targets",
        title_da="Resultatkontraktens delmål",
        title_en="Result contract targets",
        description_da="Delmålene med deres målværdi; en tom målværdi betyder, at kilden ikke angiver et tal.",
        description_en="The targets with their target values; an empty value means the source gives no figure.",
        columns=(
            ID,
            Column("contract_year", "integer", "goal__contract__year", "Kontraktens år", "Contract year"),
            Column("goal_number", "integer", "goal__number", "Målets nummer", "Goal number"),
            Column("code", "string", "code", "Delmålets kode", "Target code"),
            Column(
                "text",
                "string",
                "text",
                "Delmålet (som i kontrakten)",
                "The target (as in the contract, Danish)",
            ),
            Column("kind", "string", "kind", "Type af opgørelse (kode)", "Kind of rule (code)"),
            Column("unit", "string", "unit", "Enhed (kode)", "Unit (code)"),
            Column("comparison", "string", "comparison", "Sammenligning (kode)", "Comparison (code)"),
            Column("threshold", "decimal", "threshold", "Målværdi", "Target value"),
            Column("baseline_value", "decimal", "baseline_value", "Udgangspunkt", "Baseline"),
        ),
        rows=lambda: Target.objects.all(),
        order_by=("goal__contract__year", "goal__number", "position", "code"),
        year="goal__contract__year",
    ),
    Dataset(
        area="contracts",
        name="measurements",
        title_da="Målinger",
        title_en="Measurements",
        description_da="Hver indberettet måling af et delmål; kommune er tom for målinger for hele regionen.",
        description_en="Every measurement reported for a target; municipality is empty for region-wide figures.",
        columns=(
            ID,
            Column("target_id", "integer", "target_id", "Delmålets id", "Target id"),
            Column(
                "contract_year", "integer", "target__goal__contract__year", "Kontraktens år", "Contract year"
            ),
            Column("target_code", "string", "target__code", "Delmålets kode", "Target code"),
            Column(
                "measured_on", "date", "measured_on", "Dato eller periodens slutning", "Date or end of period"
            ),
            Column("value", "decimal", "value", "Værdi", "Value"),
            Column(
                "control_value", "decimal", "control_value", "Værdi for kontrolgruppen", "Control group value"
            ),
            Column("segment", "string", "segment", "Segment (kode)", "Segment (code)"),
            Column("municipality_id", "integer", "municipality_id", "Kommunens id", "Municipality id"),
            Column("municipality", "string", "municipality__name", "Kommune", "Municipality"),
            Column("is_baseline", "boolean", "is_baseline", "Baseline-måling", "Baseline measurement"),
            Column("source", "string", "source", "Kilde (kode)", "Source (code)"),
        ),
        rows=lambda: Measurement.objects.all(),
        order_by=("target__goal__contract__year", "target_id", "measured_on", "pk"),
        year="target__goal__contract__year",
    ),
    Dataset(
        area="contracts",
        name="goal-statuses",
        title_da="Målopfyldelse pr. mål",
        title_en="Goal fulfilment",
        description_da="Portalens beregnede status for hvert mål ved hver opgørelse (øjebliksbillede).",
        description_en="The portal's computed status of each goal at each snapshot.",
        columns=(
            ID,
            Column("snapshot_id", "integer", "snapshot_id", "Opgørelsens id", "Snapshot id"),
            Column("contract_year", "integer", "snapshot__contract__year", "Kontraktens år", "Contract year"),
            Column("as_of", "date", "snapshot__as_of", "Opgjort pr.", "As of"),
            Column("computed_at", "datetime", "snapshot__computed_at", "Beregnet", "Computed at"),
            Column("goal_number", "integer", "goal__number", "Målets nummer", "Goal number"),
            Column("status", "string", "status", "Status (kode)", "Status (code)"),
            Column("progress", "decimal", "progress", "Fremdrift", "Progress", unit="%"),
            Column("targets_met", "integer", "targets_met", "Opfyldte delmål", "Targets met"),
            Column("targets_total", "integer", "targets_total", "Delmål i alt", "Targets in all"),
        ),
        rows=lambda: GoalStatus.objects.all(),
        order_by=("snapshot__contract__year", "snapshot__as_of", "goal__number", "pk"),
        year="snapshot__contract__year",
    ),
]
