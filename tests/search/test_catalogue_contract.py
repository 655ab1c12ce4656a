"""The EOD catalogue's search on both backends: facets, ranges, sorts and what must never be found.

Facet counts are checked against the database itself (the live English
programmes), not against numbers written into the test.
"""

from collections import Counter
from decimal import Decimal

import pytest
from django.db import transaction
from wagtail.models import Locale

from initiatives.eod import catalogue
from initiatives.eod.bands import GAP_BANDS, SIZE_BANDS, band
from initiatives.models import EodProgrammePage
from search import synonyms
from search.backends import DatabaseBackend
from search.records import all_records
from search.results import SearchRequest
from search.service import SearchService
from tests.initiatives.eod.factories import EodCatalogPageFactory, EodProgrammePageFactory
from tests.portal.factories import HomePageFactory

pytestmark = pytest.mark.django_db

D = Decimal
# name: province, sectors, instruments, stage, total, sought, secured, title
PROGRAMMES = {
    "ganjiang": ("JX", ["eco-tourism"], ["loan"], "seeking-financing", 1200, 800, 500, "Ganjiang river restoration"),
    "poyang": ("JX", ["clean-energy", "eco-tourism"], ["loan", "bond"], "approved", 6000, 4000, 2500,
               "Poyang lake wetland and solar"),
    "datong": ("SX", ["clean-energy"], ["equity"], "financing-closed", 400, 300, 300, "Datong mine rehabilitation"),
    "yancheng": ("JS", ["fisheries"], ["loan"], "seeking-financing", 900, 500, 450, "Yancheng coastal wetland"),
    "xiangjiang": ("HN", ["circular-economy"], ["ppp", "guarantee"], "concept", 3500, 2000, 0,
                   "湘江土壤修复与绿色产业园"),
    "foshan": ("GD", ["urban-renewal"], ["loan"], "under-construction", 2500, 1500, 1350, "Foshan canal renewal"),
}  # fmt: skip


@pytest.fixture(scope="module")
def made(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        home = HomePageFactory()
        shelf = EodCatalogPageFactory(parent=home)
        made = {}
        for name, (province, sectors, instruments, stage, total, sought, secured, title) in PROGRAMMES.items():
            made[name] = EodProgrammePageFactory(
                parent=shelf,
                title=title,
                province=province,
                sectors=sectors,
                instruments=instruments,
                stage=stage,
                total_investment=D(total),
                financing_sought=D(sought),
                financing_secured=D(secured),
                contact_name="Zhao Minghui",
                contact_email=f"{name}@finance-desk.example.cn",
                risks="<p>Flood-season hydrology may delay the dredging works.</p>",
            )
        made["draft"] = EodProgrammePageFactory(parent=shelf, title="Ganjiang draft programme", live=False)
        chinese = Locale.objects.get_or_create(language_code="zh-hans")[0]
        home.copy_for_translation(chinese).save_revision().publish()
        shelf.copy_for_translation(chinese).save_revision().publish()
        translation = made["ganjiang"].copy_for_translation(chinese)
        translation.title = "赣江流域生态修复"
        translation.save_revision().publish()
        made["ganjiang_zh"] = translation
        DatabaseBackend().replace_all(all_records())
        yield made
        transaction.set_rollback(True)


@pytest.fixture
def find(backend, settings):
    settings.SEARCH_BACKEND = backend.name
    synonyms.forget()

    def run(params: str = "", language: str = "en", page: int = 1, view: str = "list"):
        form = catalogue.parse(params)
        request = form.search_request(language, page=page, per_page=catalogue.PER_PAGE[view])
        return SearchService(backend).search(request)

    return run


def ids(results) -> set[int]:
    return {catalogue.programme_id(hit.key) for hit in results.hits}


def truth(**narrowing) -> dict[str, Counter]:
    """Facet counts worked out from the database: live English programmes."""
    counts = {name: Counter() for name in catalogue.FACET_FIELDS}
    programmes = EodProgrammePage.objects.live().public().filter(locale__language_code="en", **narrowing)
    for programme in programmes:
        counts["province"][programme.province] += 1
        counts["stage"][programme.stage] += 1
        counts["sector"].update(programme.sectors)
        counts["instrument"].update(programme.instruments)
        counts["size"][band(programme.total_investment, SIZE_BANDS)] += 1
        counts["gapband"][band(programme.financing_gap, GAP_BANDS)] += 1
    return counts


def as_counters(results) -> dict[str, Counter]:
    return {name: Counter({v.value: v.count for v in values}) for name, values in results.facets.items()}


def test_an_empty_search_lists_every_live_programme_in_the_pages_language(find, made):
    results = find("")

    expected = {made[name].pk for name in PROGRAMMES}
    assert results.total == len(expected)
    assert ids(find("", view="table")) == expected  # one table page holds them all
    assert made["draft"].pk not in ids(find("", view="table"))
    assert ids(find("", language="zh-hans")) == {made["ganjiang_zh"].pk}


def test_facet_counts_equal_the_database_truth(find, made):
    assert as_counters(find("")) == truth()


def test_facet_counts_under_a_filter_ignore_only_their_own_facet(find, made):
    results = find("province=JX&instrument=loan")

    counts = as_counters(results)
    jiangxi = truth(province="JX")
    assert counts["instrument"] == jiangxi["instrument"]  # its own filter left out
    assert counts["stage"] == Counter({"seeking-financing": 1, "approved": 1})
    assert results.total == sum(
        1
        for p in EodProgrammePage.objects.live().filter(province="JX", locale__language_code="en")
        if "loan" in p.instruments
    )


def test_province_loan_and_gap_above_100_million(find, made):
    results = find("province=JX&instrument=loan&gap_min=100")

    assert ids(results) == {made["ganjiang"].pk, made["poyang"].pk}


def test_ranges_are_inclusive_and_combine(find, made):
    assert ids(find("gap_min=300&gap_max=300")) == {made["ganjiang"].pk}
    assert ids(find("invest_max=1000")) == {made["datong"].pk, made["yancheng"].pk}
    assert ids(find("gapband=none")) == {made["datong"].pk}


def test_sorting_by_gap_and_by_size(find, made):
    by_gap = [made[name].financing_gap for name in PROGRAMMES]
    gaps = [
        EodProgrammePage.objects.get(pk=pk).financing_gap
        for pk in map(catalogue.programme_id, [h.key for h in find("sort=gap", view="table").hits])
    ]
    assert gaps == sorted(by_gap, reverse=True)

    sizes = [
        EodProgrammePage.objects.get(pk=catalogue.programme_id(h.key)).total_investment
        for h in find("sort=size", view="table").hits
    ]
    assert sizes == sorted(sizes, reverse=True) and len(sizes) == len(PROGRAMMES)


def test_text_search_finds_chinese_and_english_titles(find, made):
    assert ids(find("q=土壤修复&exact=on")) == {made["xiangjiang"].pk}
    assert ids(find("q=wetland&exact=on")) == {made["poyang"].pk, made["yancheng"].pk}
    assert ids(find("q=wetland&province=JS&exact=on")) == {made["yancheng"].pk}
    # By meaning too, the programmes holding the words come first; anything after them says it matched by meaning.
    found = find("q=wetland").hits
    by_words = [hit for hit in found if not hit.by_meaning_only]
    assert {catalogue.programme_id(hit.key) for hit in by_words} == {made["poyang"].pk, made["yancheng"].pk}
    assert found[: len(by_words)] == by_words


def test_restricted_details_are_never_searchable(find, made, backend):
    site_search = SearchService(backend).search(SearchRequest(text="Datong"))
    assert [hit.key for hit in site_search.hits] == [f"initiatives.eodprogrammepage:{made['datong'].pk}"]
    for text in ("finance-desk.example.cn", "Zhao Minghui", "ganjiang@finance-desk.example.cn", "hydrology"):
        # No programme holds these words in what is indexed.
        assert find(f"q={text}&exact=on").total == 0, text
        # Nor through site search, which covers programmes too.
        assert SearchService(backend).search(SearchRequest(text=text, exact=True)).total == 0, text
        # Whatever else a search finds (by meaning, or by words spelt alike), nothing restricted is shown.
        for results in (find(f"q={text}"), SearchService(backend).search(SearchRequest(text=text))):
            for hit in results.hits:
                shown = " ".join([hit.title_html, hit.summary, *(passage.html for passage in hit.passages)])
                assert text.lower() not in shown.lower(), (text, hit.key)


def test_matching_ids_walk_every_page(find, made):
    found = catalogue.matching_programme_ids("sort=gap", per_page=4)  # two pages of four

    in_one_page = [catalogue.programme_id(hit.key) for hit in find("sort=gap", view="table").hits]
    assert found == in_one_page
    assert len(found) == len(PROGRAMMES)
