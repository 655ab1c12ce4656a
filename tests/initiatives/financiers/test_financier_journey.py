"""The EOD catalogue from a financier's first visit to an expression of interest, through the real views.

Sign up, wait for a moderator's approval in the admin, filter the catalogue
to one province's programmes seeking loans with a gap above 100 million,
save that search, receive the next morning's digest when a new matching
programme is published, and express interest, which staff then see.
"""

from decimal import Decimal

import pytest
from django.core import mail
from freezegun import freeze_time

from initiatives.financiers.tasks import queue_saved_search_alerts
from initiatives.models import ExpressionOfInterest, Financier, SavedSearch
from tests.initiatives.eod.factories import EodCatalogPageFactory, EodProgrammePageFactory
from tests.initiatives.financiers.factories import in_group, reindex

pytestmark = pytest.mark.django_db
FILTERS = "province=JX&instrument=loan&gap_min=100"


@pytest.fixture(autouse=True)
def _database_search(settings):
    settings.SEARCH_BACKEND = "database"


def test_a_financier_finds_saves_is_alerted_and_expresses_interest(
    client, home_page, django_capture_on_commit_callbacks
):
    shelf = EodCatalogPageFactory(parent=home_page)
    wide_gap = EodProgrammePageFactory(parent=shelf, title="Ganjiang river restoration")  # gap 300
    EodProgrammePageFactory(parent=shelf, title="Xinjiang wetland", financing_secured=Decimal(750))  # gap 50
    EodProgrammePageFactory(parent=shelf, title="Datong mine rehabilitation", province="SX")
    reindex()

    with freeze_time("2026-03-04 10:00:00+08:00"), django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/financiers/signup/",
            {
                "full_name": "Li Na",
                "email": "li.na@yangtze-green-bank.example.com",
                "password1": "a-long-enough-passphrase-2060",
                "password2": "a-long-enough-passphrase-2060",
                "organisation": "Yangtze Green Bank",
                "kind": "bank",
                "position": "Head of green lending",
                "phone": "",
                "consent": "on",
                "website": "",
            },
        )
    assert response.status_code == 302
    financier = Financier.objects.get(user__email="li.na@yangtze-green-bank.example.com")
    assert financier.status == Financier.Status.PENDING
    assert wide_gap.contact_email not in client.get(wide_gap.url).content.decode()  # still the public's view

    moderator = in_group("Moderators", email="mei@association.example.org")
    client.force_login(moderator)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/admin/financiers/approve/{financier.pk}/", {"note": ""})
    assert mail.outbox[-1].to == ["li.na@yangtze-green-bank.example.com"]

    client.logout()
    signed_in = client.post(
        "/financiers/login/",
        {"username": "li.na@yangtze-green-bank.example.com", "password": "a-long-enough-passphrase-2060"},
    )
    assert signed_in.status_code == 302
    page = client.get(f"{shelf.url}?{FILTERS}").content.decode()
    assert "Ganjiang river restoration" in page
    assert "Xinjiang wetland" not in page and "Datong mine rehabilitation" not in page
    assert wide_gap.contact_email in client.get(wide_gap.url).content.decode()  # the financier's view

    with freeze_time("2026-03-04 11:00:00+08:00"):
        client.post("/financiers/searches/new/", {"querystring": FILTERS, "name": "", "frequency": "daily"})
    saved = SavedSearch.objects.get(financier=financier)
    assert "You saved this search as" in client.get(f"{shelf.url}?{FILTERS}").content.decode()

    with freeze_time("2026-03-04 15:00:00+08:00"):
        newcomer = EodProgrammePageFactory(parent=shelf, title="Poyang lake wetland and solar", financing_secured=0)
        newcomer.save_revision().publish()
        reindex()
    mail.outbox.clear()
    with freeze_time("2026-03-05 08:00:00+08:00"), django_capture_on_commit_callbacks(execute=True):
        queue_saved_search_alerts.delay()
    [digest] = mail.outbox
    assert digest.to == ["li.na@yangtze-green-bank.example.com"]
    assert "Poyang lake wetland and solar" in digest.body
    assert "Ganjiang river restoration" not in digest.body  # known when the search was saved
    assert saved.name in digest.subject or saved.name in digest.body

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/financiers/interest/{newcomer.pk}/",
            {"amount_min": "100", "amount_max": "250", "instrument": "loan", "message": "Ten-year term possible."},
        )
    assert response.status_code == 302
    interest = ExpressionOfInterest.objects.get(financier=financier)
    assert interest.programme.specific == newcomer
    assert newcomer.contact_email in [address for message in mail.outbox for address in message.to]

    client.force_login(moderator)
    listing = client.get("/admin/expressions-of-interest/").content.decode()
    assert "Yangtze Green Bank" in listing or "Li Na" in listing
