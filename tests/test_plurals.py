"""Counts read right in both languages: "1 rapport venter", "2 rapporter venter"; "1 report", "2 reports"."""

import pytest
from django.template.loader import render_to_string
from django.utils import translation


class AllPerms:
    def __contains__(self, perm):
        return True

    def __getitem__(self, app):
        return self


@pytest.mark.parametrize(
    ("language", "count", "expected"),
    [
        ("da", 1, ["1 projekt ·", "1 rapport venter på behandling"]),
        ("da", 2, ["2 projekter ·", "2 rapporter venter på behandling"]),
        ("en", 1, ["1 project ·", "1 report awaiting review"]),
        ("en", 2, ["2 projects ·", "2 reports awaiting review"]),
    ],
)
def test_the_vip_home_tile_counts_in_singular_and_plural(language, count, expected):
    tile = {"area": {"description": "VIP"}, "projects": count, "without_lead": 0, "submitted_waiting": count}
    with translation.override(language):
        html = " ".join(
            render_to_string("vip_climate/_home_tile.html", {"tile": tile, "perms": AllPerms()}).split()
        )
    for text in expected:
        assert text in html


@pytest.mark.parametrize(
    ("language", "count", "expected"),
    [
        ("da", 1, "1 række er indlæst."),
        ("da", 3, "3 rækker er indlæst."),
        ("en", 1, "1 row imported."),
        ("en", 3, "3 rows imported."),
    ],
)
def test_import_messages_count_in_singular_and_plural(language, count, expected):
    from django.utils.translation import ngettext

    with translation.override(language):
        assert (
            ngettext("%(n)s række er indlæst.", "%(n)s rækker er indlæst.", count) % {"n": count} == expected
        )
