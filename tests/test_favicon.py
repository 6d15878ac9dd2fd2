"""The portal has a favicon: linked from every page (base.html), served as a static file."""

import pytest
from django.contrib.staticfiles import finders

pytestmark = pytest.mark.django_db


def test_every_page_links_the_favicon_and_the_files_exist(client):
    html = client.get("/login/").content.decode()
    for name, link in (
        ("img/favicon.ico", '<link rel="icon" href="/static/img/favicon.ico" sizes="48x48">'),
        ("img/favicon.svg", '<link rel="icon" href="/static/img/favicon.svg" type="image/svg+xml">'),
        ("img/apple-touch-icon.png", '<link rel="apple-touch-icon" href="/static/img/apple-touch-icon.png">'),
    ):
        assert link in html
        assert finders.find(name), name
