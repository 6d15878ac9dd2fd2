"""The pages: request, job progress, retry, issue, download, archive; who may do what."""

import pytest
from django.urls import reverse

from core.areas import registry
from core.models import ReportingPeriod
from reports import services
from reports.models import ReportJob

from .conftest import areas_without_report_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def autumn_2022(organisations):
    return ReportingPeriod.from_code("2022-autumn")


@pytest.fixture
def done_job(autumn_2022, board_member):
    job, _ = services.report_job_request(
        kind=ReportJob.Kind.HALF_YEARLY, period=autumn_2022, by=board_member, queue=False
    )
    with registry.replaced_by(areas_without_report_data()):  # without area data; other fixtures may fake it
        services.report_job_run(job_id=job.pk)
    job.refresh_from_db()
    return job


@pytest.fixture
def queued_job(autumn_2022, board_member):
    job, _ = services.report_job_request(
        kind=ReportJob.Kind.HALF_YEARLY, period=autumn_2022, by=board_member, queue=False
    )
    return job


@pytest.fixture
def failed_job(queued_job):
    services.report_job_fail(job_id=queued_job.pk, error="Rapporten kunne ikke dannes: ValueError: prøvefejl")
    queued_job.refresh_from_db()
    return queued_job


@pytest.fixture
def albertslund_leads(fake_areas, organisations):
    fake_areas(lead_ids={organisations["Albertslund"].pk})


# --- the archive and the request form ---------------------------------------------------------------------


@pytest.mark.parametrize("who", ["board_member", "secretariat"])
def test_board_and_secretariat_see_the_archive_with_the_request_form(client, request, who, done_job):
    client.force_login(request.getfixturevalue(who))
    response = client.get(reverse("reports:index"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Rapporter</h1>" in html
    assert "Bestil en rapport" in html
    assert "Halvårsstatus for klima-VIP-projekterne · Efterår 2022" in html
    assert reverse("reports:job_download", args=[done_job.pk]) in html
    assert "bestyrelse" in html  # who requested it


def test_a_lead_member_sees_the_archive_but_cannot_request(
    client, albertslund_member, albertslund_leads, done_job
):
    client.force_login(albertslund_member)
    response = client.get(reverse("reports:index"))
    assert response.status_code == 200
    assert "Bestil en rapport" not in response.content.decode()
    response = client.post(reverse("reports:request"), {"kind": "half_yearly", "period": "2022-autumn"})
    assert response.status_code == 403
    assert ReportJob.objects.count() == 1


@pytest.mark.parametrize("who", ["other_member", "plain_user"])
def test_others_may_not_see_the_archive(client, request, who, no_areas):
    client.force_login(request.getfixturevalue(who))
    assert client.get(reverse("reports:index")).status_code == 403


def test_the_archive_has_a_query_budget(
    client, board_member, autumn_2022, no_areas, django_assert_max_num_queries
):
    for code in ("2022-autumn", "2023-spring", "2023-autumn"):
        for _ in range(3):
            job, _created = services.report_job_request(
                kind=ReportJob.Kind.HALF_YEARLY,
                period=ReportingPeriod.from_code(code),
                by=board_member,
                queue=False,
            )
            services.report_job_fail(job_id=job.pk, error="x")
    client.force_login(board_member)
    with django_assert_max_num_queries(10):
        response = client.get(reverse("reports:index"))
    assert response.status_code == 200
    assert response.content.decode().count("Version ") >= 9


def test_requesting_a_report_creates_one_job_and_shows_its_page(
    client, board_member, autumn_2022, no_areas, django_capture_on_commit_callbacks
):
    client.force_login(board_member)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("reports:request"), {"kind": "half_yearly", "period": "2022-autumn"})
    job = ReportJob.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("reports:job_detail", args=[job.pk])
    job.refresh_from_db()
    assert job.state == ReportJob.State.DONE and job.requested_by == board_member


def test_requesting_again_while_queued_leads_to_the_same_job(client, board_member, queued_job):
    client.force_login(board_member)
    response = client.post(reverse("reports:request"), {"kind": "half_yearly", "period": "2022-autumn"})
    assert response["Location"] == reverse("reports:job_detail", args=[queued_job.pk])
    assert ReportJob.objects.count() == 1


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"kind": "half_yearly", "period": "2023"}, "gælder en statusrunde"),
        ({"kind": "annual", "period": "2022-autumn"}, "gælder et helt år"),
        ({"kind": "annual", "period": "2099-autumn"}, "Marker en gyldig valgmulighed"),
        ({"kind": "weekly", "period": "2023"}, "Marker en gyldig valgmulighed"),
    ],
)
def test_bad_parameters_show_the_form_with_errors_and_create_no_job(client, secretariat, data, message):
    client.force_login(secretariat)
    response = client.post(reverse("reports:request"), data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not ReportJob.objects.exists()


def test_a_year_without_a_contract_is_refused_in_the_form(client, secretariat, fake_areas):
    fake_areas(contract_year=2023)
    client.force_login(secretariat)
    response = client.post(reverse("reports:request"), {"kind": "annual", "period": "2022"})
    assert response.status_code == 200
    assert "ingen resultatkontrakt for 2022" in response.content.decode()
    assert not ReportJob.objects.exists()


@pytest.mark.parametrize("name", ["reports:request"])
def test_post_only_views_refuse_get(client, board_member, name):
    client.force_login(board_member)
    assert client.get(reverse(name)).status_code == 405


@pytest.mark.parametrize("name", ["reports:job_retry", "reports:job_issue"])
def test_job_actions_refuse_get(client, board_member, queued_job, name):
    client.force_login(board_member)
    assert client.get(reverse(name, args=[queued_job.pk])).status_code == 405


# --- the job page -------------------------------------------------------------------------------------------


def test_a_running_job_polls_with_htmx_and_falls_back_to_a_refresh(client, board_member, queued_job):
    client.force_login(board_member)
    html = client.get(reverse("reports:job_detail", args=[queued_job.pk])).content.decode()
    status_url = reverse("reports:job_status", args=[queued_job.pk])
    assert f'hx-get="{status_url}"' in html and 'hx-trigger="every 2s"' in html
    assert '<noscript><meta http-equiv="refresh" content="5"></noscript>' in html
    assert "I kø" in html
    partial = client.get(status_url)
    assert partial.status_code == 200 and "<html" not in partial.content.decode()
    assert "hx-get" in partial.content.decode()


def test_a_finished_job_stops_polling_and_offers_the_download(client, board_member, done_job):
    client.force_login(board_member)
    html = client.get(reverse("reports:job_status", args=[done_job.pk])).content.decode()
    assert "hx-get" not in html
    assert reverse("reports:job_download", args=[done_job.pk]) in html
    assert "KKR-halvaarsstatus-efteraar-2022.pdf" in html
    page = client.get(reverse("reports:job_detail", args=[done_job.pk])).content.decode()
    assert "http-equiv" not in page


def test_a_failed_job_shows_its_error_and_a_retry_button(client, board_member, failed_job):
    client.force_login(board_member)
    html = client.get(reverse("reports:job_detail", args=[failed_job.pk])).content.decode()
    assert "prøvefejl" in html
    assert reverse("reports:job_retry", args=[failed_job.pk]) in html


def test_retrying_a_failed_job_renders_it(
    client, board_member, failed_job, no_areas, django_capture_on_commit_callbacks
):
    client.force_login(board_member)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("reports:job_retry", args=[failed_job.pk]))
    assert response.status_code == 302
    failed_job.refresh_from_db()
    assert failed_job.state == ReportJob.State.DONE and failed_job.error == ""


def test_a_lead_member_may_not_retry(client, albertslund_member, albertslund_leads, failed_job):
    client.force_login(albertslund_member)
    assert client.post(reverse("reports:job_retry", args=[failed_job.pk])).status_code == 403
    failed_job.refresh_from_db()
    assert failed_job.state == ReportJob.State.FAILED


def test_an_outsider_gets_404_on_the_job_page(client, other_member, done_job):
    client.force_login(other_member)
    assert client.get(reverse("reports:job_detail", args=[done_job.pk])).status_code == 404
    assert client.get(reverse("reports:job_status", args=[done_job.pk])).status_code == 404


# --- issuing ------------------------------------------------------------------------------------------------


def test_the_secretariat_issues_a_finished_report(client, secretariat, done_job):
    client.force_login(secretariat)
    assert (
        "Marker som udsendt til KKR"
        in client.get(reverse("reports:job_detail", args=[done_job.pk])).content.decode()
    )
    response = client.post(reverse("reports:job_issue", args=[done_job.pk]))
    assert response.status_code == 302
    done_job.refresh_from_db()
    assert done_job.issued and done_job.issued_by == secretariat
    html = client.get(reverse("reports:job_detail", args=[done_job.pk])).content.decode()
    assert "Marker som udsendt til KKR" not in html
    assert "kan ikke ændres" in html
    assert "sekretariat" in client.get(reverse("reports:index")).content.decode()


def test_the_archive_offers_the_secretariat_but_not_the_board_the_issue_button(
    client, secretariat, board_member, done_job
):
    issue_url = reverse("reports:job_issue", args=[done_job.pk])
    client.force_login(secretariat)
    assert issue_url in client.get(reverse("reports:index")).content.decode()
    client.force_login(board_member)
    assert issue_url not in client.get(reverse("reports:index")).content.decode()


def test_the_board_may_not_issue(client, board_member, done_job):
    client.force_login(board_member)
    assert client.post(reverse("reports:job_issue", args=[done_job.pk])).status_code == 403
    done_job.refresh_from_db()
    assert not done_job.issued


def test_an_unfinished_job_cannot_be_issued(client, secretariat, queued_job):
    client.force_login(secretariat)
    assert client.post(reverse("reports:job_issue", args=[queued_job.pk])).status_code == 403
    queued_job.refresh_from_db()
    assert not queued_job.issued


# --- the download -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("who", ["board_member", "secretariat"])
def test_board_and_secretariat_download_the_pdf_with_a_danish_name(client, request, who, done_job):
    client.force_login(request.getfixturevalue(who))
    response = client.get(reverse("reports:job_download", args=[done_job.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="KKR-halvaarsstatus-efteraar-2022.pdf"'
    assert "no-store" in response["Cache-Control"]
    body = b"".join(response.streaming_content)
    assert body.startswith(b"%PDF-") and len(body) == done_job.size


def test_a_member_of_a_lead_organisation_downloads_the_pdf(
    client, albertslund_member, albertslund_leads, done_job
):
    client.force_login(albertslund_member)
    assert client.get(reverse("reports:job_download", args=[done_job.pk])).status_code == 200


@pytest.mark.parametrize("who", ["other_member", "plain_user", "erhvervshus_member"])
def test_a_member_of_an_organisation_that_leads_nothing_gets_403_on_the_file(
    client, request, who, albertslund_leads, done_job
):
    client.force_login(request.getfixturevalue(who))
    assert client.get(reverse("reports:job_download", args=[done_job.pk])).status_code == 403


def test_anonymous_users_are_sent_to_login_for_the_file(client, done_job):
    response = client.get(reverse("reports:job_download", args=[done_job.pk]))
    assert response.status_code == 302 and response["Location"].startswith("/login/")


def test_a_file_that_is_not_ready_is_not_found(client, board_member, queued_job):
    client.force_login(board_member)
    assert client.get(reverse("reports:job_download", args=[queued_job.pk])).status_code == 404


def test_the_file_lives_outside_any_public_url(done_job, settings):
    assert done_job.file.name.startswith("private/")
    assert not getattr(settings, "MEDIA_URL", "").strip("/")  # no media URL is configured or served
