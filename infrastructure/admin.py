from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from core.admin import SourcePassageAdmin

from .models import (
    AppropriationLine,
    Assessment,
    BudgetLine,
    ChallengeFigure,
    CostEstimate,
    CostPart,
    Criterion,
    CriterionSet,
    FollowUpReport,
    MobilityAnalysis,
    Project,
    SourcePassage,
    SubCriterion,
)


class CostPartInline(admin.TabularInline):
    model = CostPart
    extra = 0


@admin.register(Project)
class ProjectAdmin(SimpleHistoryAdmin):
    list_display = ["name", "group", "mode", "plan_status", "is_candidate"]
    list_filter = ["group", "mode", "plan_status", "is_candidate"]
    filter_horizontal = ["municipalities", "leads"]
    inlines = [CostPartInline]


@admin.register(CostEstimate)
class CostEstimateAdmin(SimpleHistoryAdmin):
    list_display = ["part", "low", "high", "price_year", "source", "recorded_at"]


@admin.register(Assessment)
class AssessmentAdmin(SimpleHistoryAdmin):
    list_display = ["project", "sub_criterion", "level", "assessor"]
    list_filter = ["level"]


@admin.register(FollowUpReport)
class FollowUpReportAdmin(SimpleHistoryAdmin):
    list_display = ["project", "year", "lead", "state"]
    list_filter = ["state", "year"]
    readonly_fields = ["state", "version"]


for model in (
    CriterionSet,
    Criterion,
    SubCriterion,
    MobilityAnalysis,
    BudgetLine,
    AppropriationLine,
    ChallengeFigure,
):
    admin.site.register(model, SimpleHistoryAdmin)
admin.site.register(SourcePassage, SourcePassageAdmin)
