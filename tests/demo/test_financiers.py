"""Demo financiers: loaded twice without doubling, each signs in, and only the approved see restricted files."""

import pytest

from demo.financiers import FINANCIER_PASSWORD, FINANCIERS, load_financiers
from initiatives.eod.access import can_see_restricted
from initiatives.eod.catalogue import best_matches
from initiatives.financiers import alerts
from initiatives.financiers.mandates import mandate_of
from initiatives.models import ExpressionOfInterest, Financier, FinancierMandate, SavedSearch
from tests.initiatives.eod.factories import EodCatalogPageFactory, EodProgrammePageFactory
from tests.initiatives.financiers.factories import reindex

pytestmark = pytest.mark.django_db

Status = Financier.Status
LOGIN = "/financiers/login/"
DASHBOARD = "/financiers/"


def test_the_demo_financiers_load_twice_without_doubling_and_sign_in(client, home_page, settings):
    settings.SEARCH_BACKEND = "database"
    shelf = EodCatalogPageFactory(parent=home_page)
    for n in range(3):
        EodProgrammePageFactory(
            parent=shelf, title=f"Programme {n}", instruments=["loan", "equity"]
        ).save_revision().publish()
    reindex()

    first = load_financiers()
    second = load_financiers()

    assert (first["financiers"], second["saved_searches"], second["interests"]) == (4, 0, 0)
    assert Financier.objects.filter(status=Status.APPROVED).count() == 3
    assert Financier.objects.filter(status=Status.PENDING).count() == 1
    assert SavedSearch.objects.count() == first["saved_searches"] > 0
    assert ExpressionOfInterest.objects.count() == first["interests"] == 3
    # Each approved financier has a mandate; the bank's fits the test programmes (Jiangxi eco-tourism loans).
    assert (first["mandates"], second["mandates"], FinancierMandate.objects.count()) == (3, 0, 3)
    for mandate in FinancierMandate.objects.all():
        mandate.full_clean()
    bank = mandate_of(Financier.objects.get(organisation="Yangtze Green Bank"))
    assert best_matches(bank, "en")[0][1].met == 6
    # Saved searches start from what the catalogue holds: their first alert has nothing old in it.
    for saved in SavedSearch.objects.all():
        assert alerts.unreported(saved, alerts.current_matches(saved)) == []
    for email, *_details, status in FINANCIERS:
        client.post(LOGIN, {"username": email, "password": FINANCIER_PASSWORD})
        assert client.get(DASHBOARD).status_code == 200
        assert can_see_restricted(Financier.objects.get(user__username=email).user) == (status == Status.APPROVED)
        client.logout()
