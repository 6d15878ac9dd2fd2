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
