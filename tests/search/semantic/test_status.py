"""What staff are told about matching by meaning: the model in use or why there is none, and how much
of the index has its vectors, in `search_status` and on the admin's dashboard."""

import json
from io import StringIO

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command

from search.models import Embedding, SearchChunk
from search.records import record_for
from search.semantic.service import embed, stored_coverage
from search.sync import sync_one
from tests.members.factories import UserFactory
from tests.portal.library.factories import PolicyDocumentFactory

pytestmark = pytest.mark.django_db


def status(*args) -> str:
    out = StringIO()
    call_command("search_status", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def document(settings, encoder):
    settings.SEARCH_EMBEDDING_MODEL = "use-multilingual-3"
    made = PolicyDocumentFactory(title="Green factory rules", page_texts=["Assessment criteria. " * 80])
    key = f"portal.policydocument:{made.pk}"
    sync_one(key)  # which computes its vectors in the background (here, eagerly)
    Embedding.objects.all().delete()  # as after a model upgrade, or before the worker got to them
    return key


def test_passages_without_vectors_are_counted_and_staff_told_to_embed(settings, document, encoder):
    settings.ELASTICSEARCH_URL = ""
    passages = SearchChunk.objects.count()
    assert passages > 0
    assert stored_coverage().stored == 0

    printed = status()

    assert "use-multilingual-3" in printed
    assert f"0/{passages} passages" in printed and "run search_embed" in printed

    embed([record_for(document)], encoder=encoder)

    assert stored_coverage().stored == passages
    assert "run search_embed" not in status()


def test_with_the_model_off_staff_read_why_in_text_and_json(settings):
    settings.ELASTICSEARCH_URL = ""
    settings.SEARCH_EMBEDDING_MODEL = "off"

    assert "SEARCH_EMBEDDING_MODEL is off" in status()
    meaning = json.loads(status("--json"))["meaning"]
    assert meaning["state"] == "off"


def test_a_model_that_cannot_load_is_named_with_its_reason(settings):
    settings.ELASTICSEARCH_URL = ""
    settings.SEARCH_EMBEDDING_MODEL = "no-such-model"

    meaning = json.loads(status("--json"))["meaning"]

    assert meaning["state"] == "failed" and "no-such-model" in meaning["reason"]


# --- The admin's dashboard ------------------------------------------------------------------------

PANEL = "Search: matching by meaning"


def dashboard(client, group: str) -> str:
    user = UserFactory(is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    client.force_login(user)
    response = client.get("/admin/")
    assert response.status_code == 200
    return response.content.decode()


def test_moderators_are_told_when_search_matches_words_only(client, settings):
    settings.SEARCH_EMBEDDING_MODEL = "no-such-model"

    page = dashboard(client, "Moderators")

    assert PANEL in page and "no-such-model" in page


def test_editors_who_do_not_look_after_search_are_not_told(client, settings):
    settings.SEARCH_EMBEDDING_MODEL = "no-such-model"

    assert PANEL not in dashboard(client, "Editors")


def test_moderators_see_the_share_of_passages_still_waiting_and_nothing_once_complete(client, document, encoder):
    passages = SearchChunk.objects.count()

    assert f"0 of {passages} indexed passages" in dashboard(client, "Moderators")

    embed([record_for(document)], encoder=encoder)

    assert PANEL not in dashboard(client, "Moderators")
