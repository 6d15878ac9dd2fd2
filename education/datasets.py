"""SOSU allocation and realised intake as datasets (api.datasets)."""

from api.datasets import Column, Dataset

from .models import Allocation, AllocationRow, RealisedIntake


def _shown_allocations():
    """Per year and programme the version the pages show: the newest official one, else the newest draft."""
    chosen: dict[tuple[int, int], tuple[bool, int, int]] = {}
    for pk, year, programme, version, status in Allocation.objects.values_list(
        "pk", "year", "programme_id", "version", "status"
    ):
        rank = (status in Allocation.OFFICIAL, version, pk)
        if rank > chosen.get((year, programme), (False, -1, -1)):
            chosen[(year, programme)] = rank
    return [rank[2] for rank in chosen.values()]


MUNICIPALITY = (
    Column("municipality_id", "integer", "municipality_id", "Kommunens id", "Municipality id"),
    Column("municipality", "string", "municipality__name", "Kommune", "Municipality"),
)

DATASETS = [
    Dataset(
        area="education",
        name="allocations",
        title_da="Fordeling af SOSU-praktikpladser",
        title_en="Allocation of SOSU apprenticeship places",
        description_da="Pladser pr. kommune, år og uddannelse i den version, portalen viser (den nyeste "
        "gældende, ellers det nyeste udkast); status siger, om den er godkendt, forelagt eller et udkast.",
        description_en="Places per municipality, year and programme in the version the portal shows (the "
        "newest that stands, else the newest draft); status says whether it is approved, presented or a draft.",
        columns=(
            Column("id", "integer", "pk", "Portalens faste id", "The portal's stable id"),
            Column("allocation_id", "integer", "allocation_id", "Fordelingens id", "Allocation id"),
            Column("year", "integer", "allocation__year", "År", "Year"),
            Column(
                "programme",
                "string",
                "allocation__programme__slug",
                "Uddannelse (kort navn)",
                "Programme (short name)",
            ),
            Column("version", "integer", "allocation__version", "Version", "Version"),
            Column(
                "status",
                "string",
                "allocation__status",
                "Fordelingens status (kode)",
                "Allocation status (code)",
            ),
            *MUNICIPALITY,
            Column("places", "integer", "places", "Pladser", "Places", unit="pladser"),
        ),
        rows=lambda: AllocationRow.objects.filter(allocation_id__in=_shown_allocations()),
        order_by=("allocation__year", "allocation__programme__order", "municipality__name"),
        perm="education.view",
        year="allocation__year",
        keywords=("SOSU", "praktikpladser", "dimensionering"),
    ),
    Dataset(
        area="education",
        name="intake",
        title_da="Realiseret optag",
        title_en="Realised intake",
        description_da="De pladser, hver kommune faktisk har besat, pr. år og uddannelse.",
        description_en="The places each municipality actually filled, per year and programme.",
        columns=(
            Column("id", "integer", "pk", "Portalens faste id", "The portal's stable id"),
            Column("year", "integer", "year", "År", "Year"),
            Column(
                "programme", "string", "programme__slug", "Uddannelse (kort navn)", "Programme (short name)"
            ),
            *MUNICIPALITY,
            Column("places", "integer", "places", "Besatte pladser", "Places filled", unit="pladser"),
        ),
        rows=lambda: RealisedIntake.objects.all(),
        order_by=("year", "programme__order", "municipality__name"),
        perm="education.view",
        year="year",
    ),
]
