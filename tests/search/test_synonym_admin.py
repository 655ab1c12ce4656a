"""Staff keep the synonym list: Moderators edit it, Editors only read it, the public never reaches it."""

import pytest
from django.contrib.auth.models import Group

from search.models import Synonym
from tests.members.factories import UserFactory

pytestmark = pytest.mark.django_db

ADD_URL = "/admin/snippets/search/synonym/add/"
FORM = {"terms": "green finance\n绿色金融", "note": "Added by staff"}  # the seeded groups have other notes


def in_group(name: str):
    user = UserFactory(is_staff=True)
    user.groups.add(Group.objects.get(name=name))
    return user


def test_a_moderator_adds_a_synonym_group(client):
    client.force_login(in_group("Moderators"))

    response = client.post(ADD_URL, FORM)

    assert response.status_code == 302
    assert Synonym.objects.get(note="Added by staff").terms.splitlines() == ["green finance", "绿色金融"]


def test_an_editor_can_read_the_list_but_not_add_to_it(client):
    client.force_login(in_group("Editors"))

    assert client.get("/admin/snippets/search/synonym/").status_code == 200
    response = client.post(ADD_URL, FORM)

    assert response.status_code in (302, 403)
    assert not Synonym.objects.filter(note="Added by staff").exists()


def test_the_public_is_sent_to_the_login_page(client):
    response = client.post(ADD_URL, FORM)

    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    assert not Synonym.objects.filter(note="Added by staff").exists()
