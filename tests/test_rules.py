"""The role rules: who may read dashboards, manage reference data, and work on reports."""

import pytest

pytestmark = pytest.mark.django_db


def test_the_secretariat_reads_dashboards_and_manages_reference_data(secretariat):
    assert secretariat.has_perm("core.view_dashboards")
    assert secretariat.has_perm("core.manage_reference_data")


def test_the_board_reads_dashboards_but_manages_nothing(board_member):
    assert board_member.has_perm("core.view_dashboards")
    assert not board_member.has_perm("core.manage_reference_data")


def test_a_member_neither_reads_dashboards_nor_manages(albertslund_member):
    assert not albertslund_member.has_perm("core.view_dashboards")
    assert not albertslund_member.has_perm("core.manage_reference_data")


def test_a_user_without_role_or_organisation_has_no_rights(plain_user):
    assert not plain_user.has_perm("core.view_dashboards")
    assert not plain_user.has_perm("core.manage_reference_data")


def test_role_checks_cost_one_query_per_request(secretariat, django_assert_num_queries):
    with django_assert_num_queries(1):
        for _ in range(5):
            secretariat.has_perm("core.view_dashboards")
            secretariat.has_perm("core.manage_reference_data")


def test_a_model_permission_given_in_the_admin_does_not_open_what_the_rules_refuse(board_member, client):
    """A superuser may tick Django model permissions on a group in the admin; the rules still decide.
    `contracts.delete_measurement` is both a rule (secretariat, Erhvervshus) and a model permission."""
    from django.contrib.auth.models import Group, Permission

    from core.models import User

    permission = Permission.objects.get(content_type__app_label="contracts", codename="delete_measurement")
    Group.objects.get(name="Board").permissions.add(permission)
    board = User.objects.get(pk=board_member.pk)  # no cached permissions
    assert board.get_all_permissions() == {"contracts.delete_measurement"}  # Django's backend would grant it
    assert not board.has_perm("contracts.delete_measurement")


def test_an_inactive_user_has_no_rule_permission(secretariat):
    secretariat.is_active = False
    assert not secretariat.has_perm("core.view_dashboards")


def test_the_navigation_asks_no_model_permissions(board_member, rf, django_assert_num_queries):
    """The rules answer every link's permission: one query for the user's groups, none for Django's
    model permissions (which cost two per request before)."""
    from core.context_processors import navigation

    request = rf.get("/")
    request.user = board_member
    with django_assert_num_queries(1):
        flags = navigation(request)
    assert flags["nav_can_read_dashboards"] and not flags["nav_can_manage"]
