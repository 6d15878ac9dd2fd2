"""Who may open what: every URL of the URLconf against seven roles, with the outcome written down.

The table is explicit on purpose. A URL added without a row fails `test_every_url_has_a_row`, so whoever
adds a page decides, in one reviewed line, what each role gets. Outcomes: `login` (sent to the login page),
or the status code. `lead` leads the object the URL is about (Albertslund leads VIP 2); `other_lead` leads
another project (København, VIP 3); `member` belongs to a municipality that leads nothing (Gentofte).
POST-only URLs are probed with an empty POST (or the row's data); each role's POST is rolled back.
"""

from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.db import transaction
from django.urls import URLPattern, URLResolver, get_resolver

from core.models import Organisation, ReportingPeriod
from core.roles import BOARD, SECRETARIAT

pytestmark = pytest.mark.django_db

ROLES = ("anonymous", "board", "lead", "other_lead", "member", "secretariat", "superuser")

# name: (method, path with {placeholders} from the `world` fixture, outcomes in the order of ROLES)
MATRIX: dict[str, tuple[str, str, str, dict]] = {}  # filled below


def row(name, path, outcomes, method="GET", data=None):
    assert len(outcomes.split()) == len(ROLES), name
    MATRIX[name] = (method, path, outcomes, data or {})


#   name                                path                                          anon  board lead  o.lead member secr. super
row("admin:index", "/admin/", "302 302 302 302 302 302 200")
row("home", "/", "login 200 200 200 200 200 200")
row("landing", "/start/", "login 302 302 302 302 302 302")
row("about", "/om/", "login 200 200 200 200 200 200")
row("markdown_preview", "/forhaandsvisning/", "login 200 200 200 200 200 200", method="POST")
row("accessibility_statement", "/was", "200 200 200 200 200 200 200")
row("privacy", "/privatliv/", "200 200 200 200 200 200 200")
row("administration", "/administration/", "login 403 403 403 403 200 200")
row("organisation_list", "/organisationer/", "login 200 200 200 200 200 200")
row("organisation_detail", "/organisationer/albertslund/", "login 200 200 200 200 200 200")
row("healthz", "/healthz", "200 200 200 200 200 200 200")
row("login", "/login/", "200 302 302 302 302 302 302")
row("logout", "/logout/", "login login login login login login login", method="POST")
row("set_language", "/i18n/setlang/", "302 302 302 302 302 302 302", method="POST")
row("account", "/konto/", "login 200 200 200 200 200 200")
row("password_change", "/konto/adgangskode/", "login 200 200 200 200 200 200")
row("password_change_done", "/konto/adgangskode/skiftet/", "login 200 200 200 200 200 200")
row("login_audit", "/konto/login-log/", "login 403 403 403 403 200 200")
# Two-factor login: the matrix's users have passed it (force_login, tests/conftest.py); a member has none,
# the secretariat and the superuser must have one (so may not turn it off).
row("two_factor_verify", "/konto/totrin/", "login 302 302 302 302 302 302")
row("two_factor_enrol", "/konto/totrin/opret/", "login 200 200 200 200 302 302")
row("two_factor_recovery_codes", "/konto/totrin/koder/", "login 403 403 403 403 200 200")
row("two_factor_disable", "/konto/totrin/slaa-fra/", "login 302 302 302 302 403 403", method="POST")
row("two_factor_users", "/konto/totrin/brugere/", "login 403 403 403 403 200 200")
row(
    "two_factor_reset",
    "/konto/totrin/brugere/{member_user}/nulstil/",
    "login 403 403 403 403 302 302",
    method="POST",
)
row("password_reset", "/adgangskode/glemt/", "200 200 200 200 200 200 200")
row("password_reset_done", "/adgangskode/glemt/sendt/", "200 200 200 200 200 200 200")
row("password_reset_confirm", "/adgangskode/nulstil/MQ/x-y/", "200 200 200 200 200 200 200")
row("password_reset_complete", "/adgangskode/nulstillet/", "200 200 200 200 200 200 200")
row("contracts:index", "/contracts/", "login 200 200 200 200 200 200")
row("contracts:contract_detail", "/contracts/{year}/", "login 200 200 200 200 200 200")
row("contracts:goal_detail", "/contracts/{year}/maal/{goal}/", "login 200 200 200 200 200 200")
row("contracts:import", "/contracts/{year}/import/", "login 403 403 403 403 200 200")
row(
    "contracts:import_commit", "/contracts/{year}/import/gem/", "login 403 403 403 403 302 302", method="POST"
)
row("contracts:export", "/contracts/{year}/eksport/csv/", "login 200 200 200 200 200 200")
row("contracts:copy", "/contracts/{year}/kopier/", "login 403 403 403 403 302 302", method="POST")
row("contracts:target_detail", "/contracts/delmaal/{target}/", "login 200 200 200 200 200 200")
row(
    "contracts:measurement_create", "/contracts/delmaal/{target}/ny-maaling/", "login 403 403 403 403 200 200"
)
row("contracts:edit_targets", "/contracts/administration/", "login 403 403 403 403 200 200")
row("contracts:edit_targets_year", "/contracts/{year}/administration/", "login 403 403 403 403 200 200")
row("contracts:target_edit", "/contracts/delmaal/{target}/ret/", "login 403 403 403 403 200 200")
row(
    "contracts:target_delete",
    "/contracts/delmaal/{target}/slet/",
    "login 403 403 403 403 302 302",
    method="POST",
)
row("contracts:target_new", "/contracts/{year}/maal/{goal}/nyt-delmaal/", "login 403 403 403 403 200 200")
row("contracts:measurements_paste", "/contracts/delmaal/{counted}/indsaet/", "login 403 403 403 403 200 200")
row(
    "contracts:measurements_paste_commit",
    "/contracts/delmaal/{counted}/indsaet/gem/",
    "login 403 403 403 403 302 302",
    method="POST",
)
row(
    "contracts:measurement_delete",
    "/contracts/maaling/{measurement}/slet/",
    "login 403 403 403 403 302 302",
    method="POST",
)
row("comparison:index", "/sammenligning/", "login 200 403 403 403 200 200")
row("comparison:export_csv", "/sammenligning/eksport.csv", "login 200 403 403 403 200 200")
row("comparison:export_xlsx", "/sammenligning/eksport.xlsx", "login 200 403 403 403 200 200")
row("comparison:population_import", "/sammenligning/indbyggertal/", "login 403 403 403 403 200 200")
row(
    "comparison:population_import_commit",
    "/sammenligning/indbyggertal/gem/",
    "login 403 403 403 403 302 302",
    method="POST",
)
row("vip_climate:index", "/vip/", "login 200 200 200 200 200 200")
row("vip_climate:programme", "/vip/programmet/", "login 200 200 200 200 200 200")
row("vip_climate:project_detail", "/vip/projekter/2/", "login 200 200 200 200 200 200")
row(
    "vip_climate:report_start",
    "/vip/projekter/2/ny-rapport/",
    "login 403 302 403 403 302 302",
    method="POST",
    data={"period": "2023-autumn"},
)
row("vip_climate:report_detail", "/vip/rapporter/{draft}/", "login 404 200 404 404 200 200")
row("vip_climate:report_edit", "/vip/rapporter/{draft}/rediger/", "login 403 200 403 403 200 200")
row(
    "vip_climate:report_submit",
    "/vip/rapporter/{draft}/indsend/",
    "login 404 400 404 404 400 400",
    method="POST",
)
row(
    "vip_climate:report_approve",
    "/vip/rapporter/{draft}/godkend/",
    "login 404 403 404 404 403 403",
    method="POST",
)
row(
    "vip_climate:report_return",
    "/vip/rapporter/{draft}/retur/",
    "login 404 403 404 404 403 403",
    method="POST",
)
row("vip_climate:report_history", "/vip/rapporter/{draft}/historik/", "login 404 200 404 404 200 200")
row("vip_climate:review_queue", "/vip/behandling/", "login 403 403 403 403 200 200")
row("vip_climate:round", "/vip/runde/", "login 403 403 403 403 200 200")
row("vip_climate:round_period", "/vip/runde/2022-autumn/", "login 403 403 403 403 200 200")
row("vip_climate:round_close", "/vip/runde/2022-autumn/luk/", "login 403 403 403 403 302 302", method="POST")
row(
    "vip_climate:round_reopen",
    "/vip/runde/2022-autumn/genaabn/",
    "login 403 403 403 403 302 302",
    method="POST",
    data={"reason": "Fristen er rykket"},
)
row("vip_climate:participation_matrix", "/vip/deltagelse/", "login 200 200 200 200 200 200")
row("vip_climate:commitment_matrix", "/vip/forpligtelser/", "login 200 200 200 200 200 200")
row("vip_climate:commitment_import", "/vip/forpligtelser/indlaes/", "login 403 403 403 403 200 200")
row(
    "vip_climate:commitment_edit",
    "/vip/forpligtelser/{commitment}/albertslund/",
    "login 403 200 403 403 200 200",
)
row("vip_climate:edit_projects", "/vip/administration/", "login 403 403 403 403 200 200")
row("vip_climate:edit_leads", "/vip/administration/2/tovholdere/", "login 403 403 403 403 200 200")
row(
    "vip_climate:edit_lead",
    "/vip/administration/2/tovholdere/{lead_period}/",
    "login 403 403 403 403 200 200",
)
row(
    "vip_climate:delete_lead",
    "/vip/administration/2/tovholdere/{lead_period}/slet/",
    "login 403 403 403 403 302 302",
    method="POST",
)
row("vip_climate:edit_participants", "/vip/administration/2/deltagere/", "login 403 403 403 403 200 200")
row("vip_climate:export", "/vip/eksport/rapporter.csv", "login 200 200 200 200 200 200")
row("infrastructure:index", "/infrastructure/", "login 200 200 200 200 200 200")
row("infrastructure:matrix", "/infrastructure/matrix/", "login 200 200 200 200 200 200")
row("infrastructure:background", "/infrastructure/baggrund/", "login 200 200 200 200 200 200")
row("infrastructure:mobility_analysis", "/infrastructure/mobilitetsanalyse/", "login 200 200 200 200 200 200")
row("infrastructure:project_create", "/infrastructure/projekter/nyt/", "login 403 403 403 403 200 200")
row("infrastructure:project", "/infrastructure/projekter/{infra}/", "login 200 200 200 200 200 200")
row("infrastructure:project_edit", "/infrastructure/projekter/{infra}/ret/", "login 403 403 403 403 200 200")
row(
    "infrastructure:estimate_add",
    "/infrastructure/projekter/{infra}/overslag/",
    "login 403 403 403 403 200 200",
)
row(
    "infrastructure:assessment_edit",
    "/infrastructure/projekter/{infra}/vurdering/{criterion}/",
    "login 403 403 403 403 200 200",
)
row(
    "infrastructure:follow_up_start",
    "/infrastructure/projekter/{infra}/opfoelgning/",
    "login 403 403 403 403 200 200",
    method="POST",
)
row("infrastructure:follow_up", "/infrastructure/opfoelgning/{follow_up}/", "login 404 404 404 404 200 200")
row("education:index", "/education/", "login 200 200 200 200 200 200")
row(
    "education:allocation_move",
    "/education/fordeling/{allocation}/flyt/",
    "login 403 403 403 403 200 200",
    method="POST",
)
row(
    "education:allocation_approve",
    "/education/fordeling/{allocation}/godkend/",
    "login 403 403 403 403 302 302",
    method="POST",
)
row(
    "education:allocation_new_version",
    "/education/fordeling/{allocation}/ny-version/",
    "login 403 403 403 403 302 302",
    method="POST",
)
row(
    "education:allocation_export_csv",
    "/education/fordeling/{allocation}/eksport.csv",
    "login 200 200 200 200 200 200",
)
row(
    "education:allocation_export_xlsx",
    "/education/fordeling/{allocation}/eksport.xlsx",
    "login 200 200 200 200 200 200",
)
row("education:allocation", "/education/fordeling/{alloc_year}/{programme}/", "login 200 200 200 200 200 200")
row("education:calculator", "/education/beregner/", "login 403 403 403 403 200 200")
row("education:import", "/education/import/fordeling/", "login 403 403 403 403 200 200")
row(
    "education:import_commit",
    "/education/import/fordeling/godkend/",
    "login 403 403 403 403 302 302",
    method="POST",
)
row("education:fulfilment", "/education/optag/{alloc_year}/{programme}/", "login 200 200 200 200 200 200")
row(
    "education:intake_edit",
    "/education/optag/{alloc_year}/{programme}/rediger/",
    "login 403 403 403 403 200 200",
)
row("education:strategy", "/education/strategi/", "login 200 200 200 200 200 200")
row("education:local_strategy_edit", "/education/strategi/albertslund/", "login 403 200 403 403 200 200")
# Single sign-on (sso/) is off unless configured: 404 for everyone; tests/sso/ runs them against an IdP.
row("sso:login", "/sso/login/", "404 404 404 404 404 404 404")
row("sso:acs", "/sso/acs/", "404 404 404 404 404 404 404", method="POST")
row("sso:ls", "/sso/ls/", "404 404 404 404 404 404 404")
row("sso:metadata", "/sso/metadata/", "404 404 404 404 404 404 404")
row("sso:logout", "/sso/logout/", "login 404 404 404 404 404 404", method="POST")
row("api:index", "/api/", "login 200 200 200 200 200 200")
row("api:tokens", "/api/noegler/", "login 200 200 200 200 200 200")
row("api:token_revoke", "/api/noegler/{token}/tilbagekald/", "login 404 302 404 404 404 404", method="POST")
row("api:publish", "/api/offentlige/", "login 403 403 403 403 302 302", method="POST")
row("api:calls", "/api/kald/", "login 403 403 403 403 200 200")
row("api:datasets", "/api/v1/", "401 200 200 200 200 200 200")
row("api:schema", "/api/v1/schema/", "200 200 200 200 200 200 200")
row("api:docs", "/api/v1/docs/", "200 200 200 200 200 200 200")
row("api:download", "/api/v1/education/allocations.csv", "401 200 200 200 200 200 200")
row("api:core-organisations", "/api/v1/core/organisations/", "401 200 200 200 200 200 200")
row("api:core-periods", "/api/v1/core/periods/", "401 200 200 200 200 200 200")
row("api:contracts-goals", "/api/v1/contracts/goals/", "401 200 200 200 200 200 200")
row("api:contracts-targets", "/api/v1/contracts/targets/", "401 200 200 200 200 200 200")
row("api:contracts-measurements", "/api/v1/contracts/measurements/", "401 200 200 200 200 200 200")
row("api:contracts-goal-statuses", "/api/v1/contracts/goal-statuses/", "401 200 200 200 200 200 200")
row("api:vip-projects", "/api/v1/vip/projects/", "401 200 200 200 200 200 200")
row("api:vip-participation", "/api/v1/vip/participation/", "401 200 200 200 200 200 200")
row("api:vip-leads", "/api/v1/vip/leads/", "401 200 200 200 200 200 200")
row("api:vip-status-reports", "/api/v1/vip/status-reports/", "401 200 200 200 200 200 200")
row("api:infrastructure-projects", "/api/v1/infrastructure/projects/", "401 200 200 200 200 200 200")
row("api:infrastructure-estimates", "/api/v1/infrastructure/estimates/", "401 200 200 200 200 200 200")
row("api:infrastructure-assessments", "/api/v1/infrastructure/assessments/", "401 200 200 200 200 200 200")
row("api:education-allocations", "/api/v1/education/allocations/", "401 200 200 200 200 200 200")
row("api:education-intake", "/api/v1/education/intake/", "401 200 200 200 200 200 200")
row("open_data:index", "/data/", "200 200 200 200 200 200 200")
row("open_data:catalogue", "/data/katalog.jsonld", "200 200 200 200 200 200 200")
row("open_data:dataset", "/data/education/allocations.csv", "200 200 200 200 200 200 200")
row("reports:index", "/reports/", "login 200 200 200 403 200 200")
row("reports:request", "/reports/bestil/", "login 200 403 403 403 200 200", method="POST")
row("reports:job_detail", "/reports/job/{job}/", "login 200 200 200 404 200 200")
row("reports:job_status", "/reports/job/{job}/status/", "login 200 200 200 404 200 200")
row("reports:job_retry", "/reports/job/{job}/forsoeg-igen/", "login 403 403 403 404 403 403", method="POST")
row("reports:job_issue", "/reports/job/{job}/udsend/", "login 403 403 403 404 302 302", method="POST")
row("reports:job_download", "/reports/job/{job}/hent/", "login 200 200 200 403 200 200")
row("notifications:preferences", "/e-mails/", "login 200 200 200 200 200 200")
# Meetings: a draft agenda is the secretariat's only (404 for everyone else); `lead` (Albertslund) owns the
# follow-up action.
row("meetings:index", "/meetings/", "login 200 200 200 200 200 200")
row("meetings:create", "/meetings/nyt/", "login 403 403 403 403 200 200")
row("meetings:detail", "/meetings/{meeting}/", "login 200 200 200 200 200 200")
row("meetings:edit", "/meetings/{meeting}/ret/", "login 403 403 403 403 200 200")
row("meetings:item_create", "/meetings/{draft_meeting}/nyt-punkt/", "login 404 404 404 404 200 200")
row(
    "meetings:publish",
    "/meetings/{draft_meeting}/offentliggoer/",
    "login 404 404 404 404 302 302",
    method="POST",
)
row("meetings:mark_held", "/meetings/{meeting}/afholdt/", "login 403 403 403 403 302 302", method="POST")
row(
    "meetings:approve_minutes",
    "/meetings/{held_meeting}/referat-godkendt/",
    "login 403 403 403 403 302 302",
    method="POST",
)
row("meetings:item_edit", "/meetings/punkt/{draft_item}/ret/", "login 404 404 404 404 200 200")
row(
    "meetings:item_move",
    "/meetings/punkt/{draft_item}/flyt/",
    "login 404 404 404 404 302 302",
    method="POST",
    data={"direction": "up"},
)
row(
    "meetings:annex_add_generated",
    "/meetings/punkt/{draft_item}/bilag/dannet/",
    "login 404 404 404 404 400 400",
    method="POST",
)
row(
    "meetings:annex_upload",
    "/meetings/punkt/{draft_item}/bilag/upload/",
    "login 404 404 404 404 400 400",
    method="POST",
)
row("meetings:decision_record", "/meetings/punkt/{held_item}/beslutning/", "login 403 403 403 403 200 200")
row("meetings:annex_download", "/meetings/bilag/{annex}/", "login 200 200 200 200 200 200")
row(
    "meetings:annex_delete",
    "/meetings/bilag/{draft_annex}/slet/",
    "login 404 404 404 404 302 302",
    method="POST",
)
row(
    "meetings:follow_up_state",
    "/meetings/opfoelgning/{action}/status/",
    "login 403 302 403 403 302 302",
    method="POST",
    data={"state": "done"},
)
row("meetings:appointments", "/meetings/udpegninger/", "login 200 200 200 200 200 200")
row("meetings:documents", "/meetings/{meeting}/dokumenter/", "login 200 200 200 200 200 200")
row(
    "meetings:document_request",
    "/meetings/{meeting}/dokumenter/mappe/dan/",
    "login 302 403 403 403 302 302",
    method="POST",
)
row(
    "meetings:document_status",
    "/meetings/{meeting}/dokumenter/job/{meeting_job}/status/",
    "login 200 200 200 200 200 200",
)
row(
    "meetings:document_download",
    "/meetings/{meeting}/dokumenter/job/{meeting_job}/hent/",
    "login 200 200 200 200 200 200",
)
row(
    "meetings:appointment_create",
    "/meetings/udpegninger/{appointed_body}/ny/",
    "login 403 403 403 403 200 200",
)


def walk(patterns, prefix="", namespace=None):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from walk(
                pattern.url_patterns, prefix + str(pattern.pattern), pattern.namespace or namespace
            )
        elif isinstance(pattern, URLPattern):
            yield (f"{namespace}:" if namespace else "") + str(pattern.name)


# The admin's own URLs are Django's; its entry page stands for them (a row below).
URL_NAMES = sorted(
    name
    for name in set(walk(get_resolver().url_patterns))
    if not name.startswith("admin:") or name == "admin:index"
)


def _user(username, organisation=None, group=None, **extra):
    user = get_user_model().objects.create_user(username, f"{username}@example.org", "pw-for-tests", **extra)
    if organisation is not None:
        user.organisation = organisation
        user.save()
    if group:
        user.groups.add(Group.objects.get_or_create(name=group)[0])
    return user


@pytest.fixture
def world(kkr_data, settings, tmp_path):
    """The objects the URLs point at, and one user per role."""
    from contracts.models import Contract, Target
    from education.models import Allocation
    from infrastructure.models import Project as InfraProject
    from infrastructure.models import SubCriterion
    from infrastructure.services import follow_up_start
    from reports.models import ReportJob
    from vip_climate.models import Commitment, LeadPeriod
    from vip_climate.models import Project as VipProject
    from vip_climate.services import status_report_start

    settings.MEDIA_ROOT = tmp_path / "media"
    organisations = {o.name: o for o in Organisation.objects.all()}
    copenhagen = organisations["København"]
    vip = {p.number: p for p in VipProject.objects.all()}
    LeadPeriod.objects.create(project=vip[3], organisation=copenhagen, starts=date(2023, 1, 1))
    secretariat = _user("sekretariat", organisations["KKR-sekretariatet"], SECRETARIAT)
    users = {
        "anonymous": None,
        "board": _user("bestyrelse", group=BOARD),
        "lead": _user("albertslund", organisations["Albertslund"]),
        "other_lead": _user("koebenhavn", copenhagen),
        "member": _user("gentofte", organisations["Gentofte"]),
        "secretariat": secretariat,
        "superuser": _user("root", is_superuser=True, is_staff=True),
    }
    draft = status_report_start(
        project=vip[2], period=ReportingPeriod.objects.get(year=2023, half="spring"), by=secretariat
    )
    infra = InfraProject.objects.order_by("order").first()
    follow_up = follow_up_start(project=infra, year=2023, by=secretariat)
    allocation = Allocation.objects.select_related("programme").order_by("year", "pk").first()
    job = ReportJob.objects.create(
        kind=ReportJob.Kind.ANNUAL,
        period=ReportingPeriod.from_code("2023"),
        state=ReportJob.State.DONE,
        requested_by=users["board"],
    )
    job.file.save("matrix.pdf", ContentFile(b"%PDF-1.4 matrix"), save=True)
    from api.models import ApiToken, PublicDataset

    api_token, _key = ApiToken.issue(user=users["lead"], name="matrix", days=1)
    PublicDataset.objects.create(key="education/allocations", is_public=True)
    contract = Contract.objects.order_by("year").first()
    target = Target.objects.filter(goal__contract=contract).order_by("pk").first()
    from contracts.models import Measurement

    measurement = Measurement.objects.create(
        target=target, measured_on=date(2023, 6, 1), value=1, source="external_survey"
    )
    meetings = _meeting_world(secretariat, organisations)
    return {
        "users": users,
        "values": {
            **meetings,
            "year": contract.year,
            "goal": target.goal.number,
            "target": target.pk,
            "draft": draft.pk,
            "infra": infra.slug,
            "criterion": SubCriterion.objects.filter(criterion__criterion_set__is_current=True)
            .order_by("pk")
            .first()
            .code,
            "follow_up": follow_up.pk,
            "allocation": allocation.pk,
            "alloc_year": allocation.year,
            "programme": allocation.programme.slug,
            "commitment": Commitment.objects.order_by("pk").first().code,
            "job": job.pk,
            "meeting_job": _meeting_packet_job(meetings["meeting"], users["board"]).pk,
            "token": api_token.pk,
            "lead_period": LeadPeriod.objects.filter(project=vip[2]).order_by("pk").first().pk,
            "counted": Target.objects.get(goal__contract=contract, code="2.1.2").pk,
            "measurement": measurement.pk,
            "member_user": users["member"].pk,
        },
    }


def _meeting_world(secretariat, organisations) -> dict:
    """A draft meeting with an item and an uploaded annex; a held one with a decision whose follow-up
    Albertslund owns; the loaded (published) meeting and the task committee."""
    from meetings import services
    from meetings.models import AgendaItem, AppointedBody, FollowUpAction, Meeting

    pdf = b"%PDF-1.4 matrix annex"
    draft = services.meeting_save(meeting=Meeting(title="Kladde", date=date(2030, 1, 1)), by=secretariat)
    draft_item = services.item_save(item=AgendaItem(meeting=draft, number="1", title="Et"), by=secretariat)
    services.item_save(item=AgendaItem(meeting=draft, number="2", title="To"), by=secretariat)
    draft_annex = services.annex_upload(item=draft_item, title="Bilag", content=pdf, by=secretariat)
    held = services.meeting_save(meeting=Meeting(title="Afholdt", date=date(2023, 1, 1)), by=secretariat)
    held_item = services.item_save(item=AgendaItem(meeting=held, number="1", title="Sag"), by=secretariat)
    annex = services.annex_upload(item=held_item, title="Bilag", content=pdf, by=secretariat)
    services.meeting_publish_agenda(meeting=held, by=secretariat)
    services.meeting_mark_held(meeting=held, by=secretariat)
    services.decision_record(
        item=held_item,
        outcome="decided",
        text="Godkendt.",
        actions=[{"owner": organisations["Albertslund"], "description": "Følg op", "due": date(2030, 1, 1)}],
        by=secretariat,
    )
    return {
        "meeting": Meeting.objects.get(date=date(2022, 12, 14)).pk,
        "draft_meeting": draft.pk,
        "draft_item": draft_item.pk,
        "draft_annex": draft_annex.pk,
        "held_item": held_item.pk,
        "held_meeting": held.pk,
        "annex": annex.pk,
        "action": FollowUpAction.objects.get(decision__item=held_item).pk,
        "appointed_body": AppointedBody.objects.get().pk,
    }


def _meeting_packet_job(meeting_id: int, by):
    """A finished packet of the loaded meeting (its file stands in for a rendered one)."""
    from meetings.models import Meeting
    from meetings.packet import subject_of
    from reports.models import ReportJob

    job = ReportJob.objects.create(
        kind=ReportJob.Kind.MEETING_PACKET,
        period=ReportingPeriod.from_code("2022"),
        subject=subject_of(Meeting.objects.get(pk=meeting_id)),
        state=ReportJob.State.DONE,
        requested_by=by,
    )
    job.file.save("packet.pdf", ContentFile(b"%PDF-1.4 matrix packet"), save=True)
    return job


def outcome(response) -> str:
    if response.status_code == 302 and response["Location"].startswith("/login/"):
        return "login"
    return str(response.status_code)


def test_every_url_has_a_row():
    assert sorted(set(URL_NAMES) - set(MATRIX)) == [], "add a row to MATRIX for each new URL"
    assert sorted(set(MATRIX) - set(URL_NAMES)) == [], "remove the rows of URLs that are gone"


@pytest.mark.parametrize("name", sorted(MATRIX))
def test_each_role_gets_what_the_table_says(client, world, name):
    method, path, expected, data = MATRIX[name]
    url = path.format(**world["values"])
    observed = []
    for role in ROLES:
        # Each role meets the world as it was: what one role's POST changed is rolled back.
        with transaction.atomic():
            client.logout()
            if world["users"][role] is not None:
                client.force_login(world["users"][role])
            response = client.get(url) if method == "GET" else client.post(url, data)
            observed.append(outcome(response))
            transaction.set_rollback(True)
    got = " ".join(observed)
    assert got == " ".join(expected.split()), f"{name} {url}: observed {got!r} for {', '.join(ROLES)}"
