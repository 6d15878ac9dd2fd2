"""A transactional test ends with a flush that recreates the content types (new ids where sequences are not
reset): the loaded links are put back pointing at the same models, after each flush."""

import pytest

from meetings.models import ItemLink

SEEN: list[set] = []


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("run", range(3))
def test_the_loaded_links_point_at_the_same_objects_after_each_flush(kkr_data, run):
    links = {
        (link.item.title, link.content_type.app_label, link.content_type.model, str(link.target))
        for link in ItemLink.objects.select_related("item", "content_type")
    }
    assert len(links) == 16 and all(target != "None" for *_, target in links)
    SEEN.append(links)
    assert all(seen == links for seen in SEEN)
