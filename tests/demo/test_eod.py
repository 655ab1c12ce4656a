"""Demo EOD programmes: 60 programmes in both languages, loaded once, obeying the model's own rules."""

from decimal import Decimal
from io import StringIO

import pytest
from django.db import transaction
from django.test.utils import override_settings
from wagtail.models import Locale

from demo.eod import CLOSED_STAGES, load_eod_programmes, programme_specs
from demo.site import load_site
from initiatives.models import EodCatalogPage, EodProgrammeDocument, EodProgrammePage, ProgrammeStage
from portal.models import SiteIdentity

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    """The site and the programmes, loaded once for this module (twice, to prove the second adds nothing)."""
    media = tmp_path_factory.mktemp("eod-demo-media")
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=media), transaction.atomic():
        load_site(StringIO())
        out = StringIO()
        first = load_eod_programmes(out)
        pages = EodProgrammePage.objects.count()
        second = load_eod_programmes(StringIO())
        yield {"first": first, "second": second, "pages_after_first": pages, "output": out.getvalue(), "media": media}
        transaction.set_rollback(True)


@pytest.fixture
def loaded(demo, db, settings):
    settings.MEDIA_ROOT = demo["media"]
    return demo


def english():
    return EodProgrammePage.objects.filter(locale__language_code="en")


def test_the_demo_loads_sixty_programmes_in_both_languages_once(loaded):
    assert loaded["first"]["programmes"] == loaded["first"]["created"] == english().count() == 60
    assert loaded["second"]["created"] == 0
    assert EodProgrammePage.objects.count() == loaded["pages_after_first"] == 120
    assert EodProgrammePage.objects.live().count() == 120
    assert "EOD programmes  60/60  100%" in loaded["output"]


def test_the_main_menu_links_to_the_catalogue(loaded, client):
    item = SiteIdentity.objects.get().menu_items.get(url="/eod/")
    assert (item.label_en, item.label_zh) == ("EOD catalogue", "EOD项目库")
    assert EodCatalogPage.objects.get(locale__language_code="en").url == "/eod/"


def test_the_demo_covers_every_stage_and_many_provinces(loaded):
    assert set(english().values_list("stage", flat=True)) == set(ProgrammeStage.values)
    assert len(set(english().values_list("province", flat=True))) >= 25


def test_every_demo_programme_is_internally_consistent(loaded):
    for page in english().prefetch_related("environmental_components", "industrial_components"):
        page.full_clean()  # the model's own rules
        assert page.components_cost() <= page.total_investment, page.code
        assert 0 <= page.financing_secured <= page.financing_sought <= page.total_investment, page.code
        assert 0 <= page.proceeds_share <= 100
        assert page.sectors and set(page.sectors) == {c.sector for c in page.industrial_components.all()}
        assert (page.latitude is None) == (page.longitude is None)
        assert page.planning_date and not page.notice_url  # no real notice listed a demo programme
        if page.stage in CLOSED_STAGES:
            assert page.financing_secured == page.financing_sought, page.code
        if page.stage == ProgrammeStage.CONCEPT:
            assert page.financing_secured <= page.financing_sought * Decimal("0.05"), page.code


def test_each_translation_carries_the_same_figures_in_chinese_words(loaded):
    for page in english()[:10]:
        chinese = page.get_translation(Locale.objects.get(language_code="zh-hans"))
        assert (chinese.code, chinese.total_investment, chinese.financing_secured) == (
            page.code,
            page.total_investment,
            page.financing_secured,
        )
        assert chinese.title != page.title and any("\u4e00" <= char <= "\u9fff" for char in chinese.title)


def test_demo_projects_are_tagged_with_green_catalogue_categories(loaded):
    tagged = [page for page in english() if page.green_categories()]
    assert len(tagged) >= 50
    assert {category.code for page in tagged for category in page.green_categories()} >= {"1", "3", "4"}


def test_the_demo_has_public_and_restricted_documents(loaded):
    rows = EodProgrammeDocument.objects.filter(page__locale__language_code="en").select_related("document")
    restricted = [row for row in rows if row.restricted]
    assert len(restricted) == loaded["first"]["restricted_documents"] >= 5
    assert len(rows) - len(restricted) >= 5
    assert all(row.document.file.read(5) == b"%PDF-" for row in rows[:3])


def test_the_specs_are_the_same_on_every_call():
    assert programme_specs() == programme_specs()
