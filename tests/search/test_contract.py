"""The search contract: every backend must pass these, on the same corpus.

The Elasticsearch run is not optional in CI (`require_service`). Both
backends are filled from the same records once per module; each test only
reads, except where it indexes records of its own (`added`) and removes them
again.
"""

from collections import Counter

import pytest
from django.db import transaction
from django.db.models import Count, DateTimeField
from django.db.models.functions import Coalesce, ExtractYear, Now
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from initiatives.models import EventPage
from portal.models import PolicyBriefPage, PolicyDocument, StandardPage
from search import indexes, synonyms
from search.backends import DatabaseBackend, ElasticsearchBackend
from search.models import Synonym
from search.query import parse
from search.ranking import Meaning, candidates_needed
from search.records import all_records, key_for, record_for
from search.results import FACETS, Match, SearchRequest
from search.semantic.vectors import query_vector
from search.service import SearchService
from tests.portal.library.factories import PolicyDocumentFactory
from tests.search import corpus

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def made(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        objects = corpus.build()
        DatabaseBackend().replace_all(all_records())
        yield objects
        transaction.set_rollback(True)


@pytest.fixture
def search(backend, settings):
    settings.SEARCH_BACKEND = backend.name
    synonyms.forget()
    service = SearchService(backend)

    def run(text: str = "", **options):
        return service.search(SearchRequest(text=text, **options))

    return run


def key(obj) -> str:
    return key_for(obj._meta.label_lower, obj.pk)


def keys(results) -> list[str]:
    return [hit.key for hit in results.hits]


def by_words(results) -> list[str]:
    """The hits that hold the query's words (or stand-ins for them); the rest were found by meaning alone."""
    return [hit.key for hit in results.hits if not hit.by_meaning_only]


# --- Ranking, highlighting, visibility ------------------------------------------


def test_a_title_match_outranks_a_body_match(search, made):
    found = keys(search("hydrogen"))

    assert found.index(key(made["title_match"])) < found.index(key(made["body_match"]))


def test_highlights_mark_the_query_terms_and_escape_the_text(search, made):
    results = search("hydrogen")
    by_key = {hit.key: hit for hit in results.hits}

    assert "<mark>Hydrogen</mark>" in by_key[key(made["title_match"])].title_html
    body_hit = by_key[key(made["body_match"])]
    assert any("<mark>hydrogen</mark>" in passage.html for passage in body_hit.passages)
    markup = by_key[key(made["markup_page"])]
    html = markup.summary + "".join(p.html for p in markup.passages)
    assert "<script>" not in html
    assert "&lt;script&gt;" in html


def test_document_passages_carry_their_pdf_page_number(search, made):
    hit = next(h for h in search("hydrogen metallurgy").hits if h.key == key(made["peak_document"]))

    assert hit.passages[0].page == 12
    assert "<mark>" in hit.passages[0].html
    assert "metallurgy" in hit.passages[0].html


def test_the_passage_closest_in_meaning_is_found_with_its_page(backend, made, settings):
    """What a hit found by meaning cites: the page of the document whose passage is closest to the query,
    whether the backend finds it with the record (database) or for the page shown only (Elasticsearch)."""
    text = "hydrogen metallurgy pilots"
    query, request = parse(text), SearchRequest(text=text)
    meaning = Meaning(query_vector(text), settings.SEARCH_SEMANTIC_FLOOR, settings.SEARCH_SEMANTIC_MARGIN)

    retrieved = backend.retrieve(query, request, meaning, candidates_needed(request))
    candidate = next(c for c in retrieved.semantic if c.key == key(made["peak_document"]))
    details = backend.details([candidate.key], query, meaning)[candidate.key]
    chunk = details.closest or candidate.chunk

    assert chunk.page == 12
    assert "hydrogen metallurgy pilots" in (chunk.text or details.chunk_text(chunk.ordinal))


def test_drafts_and_unpublished_pages_never_appear(search, made):
    found = keys(search("hydrogen", per_page=50))

    assert key(made["draft_document"]) not in found
    assert key(made["withdrawn"]) not in found
    assert search("unreleased").total == 0
    assert search("withdrawn").total == 0


# --- Chinese and synonyms -------------------------------------------------------


def test_a_chinese_phrase_finds_the_run_not_the_scattered_characters(search, made):
    for found in (keys(search("碳达峰", exact=True)), by_words(search("碳达峰"))):
        assert key(made["peak_document"]) in found
        assert key(made["scattered_document"]) not in found


def test_chinese_highlight_marks_the_whole_phrase(search, made):
    hit = next(h for h in search("碳达峰").hits if h.key == key(made["peak_document"]))

    assert "<mark>碳达峰</mark>" in hit.title_html


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("dual carbon", "dual_carbon_zh"),
        ("双碳", "dual_carbon_page"),
        ("EOD", "scattered_document"),
        ("生态环境导向的开发", "event"),
        ("ecology-oriented development", "scattered_document"),
        ("carbon peaking", "peak_document"),
    ],
)
def test_built_in_synonyms_work_both_ways(search, made, query, expected):
    assert key(made[expected]) in keys(search(query, per_page=50))


def test_staff_synonyms_apply_without_reindexing(search, made, django_capture_on_commit_callbacks):
    assert search("furnace retrofit", exact=True).total == 0

    with django_capture_on_commit_callbacks(execute=True):
        Synonym.objects.create(terms="furnace retrofit\n高炉改造")

    results = search("furnace retrofit")
    assert key(made["dual_carbon_zh"]) in by_words(results)
    hit = next(hit for hit in results.hits if hit.key == key(made["dual_carbon_zh"]))
    assert Match("synonym", "高炉改造", "furnace retrofit") in hit.matches


@pytest.fixture
def added(backend):
    """Index extra records for one test, on the module's backend, and take them out again afterwards."""
    keys = []

    def add(*objects) -> None:
        for obj in objects:
            keys.append(key(obj))
            backend.store(record_for(key(obj)))
        if isinstance(backend, ElasticsearchBackend):
            backend.client.indices.refresh(index=indexes.alias_name())

    yield add
    for stored in keys:
        backend.delete(stored)
    if keys and isinstance(backend, ElasticsearchBackend):
        backend.client.indices.refresh(index=indexes.alias_name())


def test_a_title_is_the_one_asked_for_only_when_it_holds_every_phrase(backend, added):
    both = PolicyDocumentFactory(title="Kiln retrofit guideline on the clinker ratio", title_en="")
    one = PolicyDocumentFactory(  # its title holds the quoted phrase, but not the words typed before it
        title="Clinker ratio notice", title_en="", page_texts=["The kiln retrofit guideline applies."]
    )
    added(both, one)
    text = 'kiln retrofit guideline "clinker ratio"'

    found = backend.retrieve(parse(text, exact=True), SearchRequest(text=text, exact=True), None, 50).lexical

    named = {candidate.key: candidate.title_match for candidate in found}
    assert named == {key(both): True, key(one): False}


@pytest.mark.parametrize("sort", ["relevance", "date"])
def test_the_pages_list_every_result_the_total_counts_in_either_order(search, sort):
    for text in ("hydrogen", "what is the plan for hydrogen in industry", "氢能"):
        results = search(text, sort=sort, per_page=50)
        assert results.total < 50, text  # one page holds them all
        assert len(results.hits) == results.total, (text, [hit.key for hit in results.hits])


def test_a_quoted_phrase_needs_its_words_side_by_side(search, added):
    # A phrase in no synonym group, so only the quotes can be what keeps the words together.
    assert "price floor" not in synonyms.synonym_map()
    together = PolicyDocumentFactory(
        title="Notice on a national carbon price floor",
        title_en="",
        page_texts=["Power plants will pay no less than the price floor of 80 yuan a tonne from July."],
    )
    apart = PolicyDocumentFactory(
        title="Notice on factory floor safety for exporters",
        title_en="",
        page_texts=["Exporters report emissions; the price of steel is not affected."],
    )
    added(together, apart)

    # Unquoted, the two words may be anywhere: both documents have them.
    assert {key(together), key(apart)} <= set(by_words(search("price floor", per_page=50)))

    for query in ('"price floor"', "“price floor”", 'notice "price floor"'):
        found = by_words(search(query, per_page=50))
        assert key(together) in found, query
        assert key(apart) not in found, query
    assert search('"floor price"', exact=True).total == 0  # the words in the order typed


# --- Facets, filters, sorting ---------------------------------------------------


def database_truth() -> dict[str, Counter]:
    """Every site-search facet counted from the models themselves, not from the search records.

    What is searchable: live, public pages in every locale, and live library
    documents. A page's year is its date as readers see it (a brief's date, an
    event's start, a standard page's last publication, in the site's time zone),
    a document's its issue date; languages are a page's locale and a
    document's own list.
    """
    briefs = PolicyBriefPage.objects.live().public()
    events = EventPage.objects.live().public()
    standard = StandardPage.objects.live().public()
    documents = PolicyDocument.objects.filter(live=True)
    pages = (briefs, events, standard)
    truth = {name: Counter() for name in FACETS}

    truth["type"].update(
        {
            "portal.policybriefpage": briefs.count(),
            "portal.policydocument": documents.count(),
            "portal.standardpage": standard.count(),
            "initiatives.eventpage": events.count(),
        }
    )
    for column, facet in (("issuing_body", "issuer"), ("jurisdiction", "jurisdiction"), ("document_type", "doctype")):
        for row in documents.exclude(**{column: ""}).order_by().values(column).annotate(n=Count("pk")):
            truth[facet][row[column]] = row["n"]

    for queryset in pages:
        for row in queryset.order_by().values("locale__language_code").annotate(n=Count("pk")):
            truth["language"][row["locale__language_code"]] += row["n"]
    for languages in documents.values_list("languages", flat=True):
        truth["language"].update(languages)

    # A page never published through Wagtail (made live directly) counts as published now.
    published = Coalesce("last_published_at", "first_published_at", Now(), output_field=DateTimeField())
    for queryset, year in (
        (briefs, ExtractYear("date")),
        (events, ExtractYear("start")),
        (standard, ExtractYear(published)),
        (documents, ExtractYear("issued_on")),
    ):
        for row in queryset.order_by().annotate(y=year).values("y").annotate(n=Count("pk")):
            truth["year"][str(row["y"])] += row["n"]

    for queryset in (briefs, documents, events):
        truth["topic"].update(queryset.filter(topics__isnull=False).values_list("topics__slug", flat=True))
    return {name: +counter for name, counter in truth.items()}  # + drops zero counts


def translation_pairs() -> int:
    """How many live records are a translation of another live one (pages sharing a translation key, documents)."""
    pages = 0
    for model in (PolicyBriefPage, EventPage, StandardPage):
        keys = Counter(model.objects.live().public().values_list("translation_key", flat=True))
        pages += sum(n - 1 for n in keys.values())
    documents = PolicyDocument.objects.filter(live=True, translation_of__live=True).count()
    return pages + documents


def test_facet_counts_equal_the_database(search, made):
    # Every document states its languages, so the database has one answer for them.
    assert all(PolicyDocument.objects.filter(live=True).values_list("languages", flat=True))
    truth = database_truth()
    # Each facet has something to compare, and more than one value where the corpus varies.
    assert all(truth.values())
    assert all(len(truth[name]) >= 2 for name in ("type", "issuer", "jurisdiction", "language", "year", "topic"))

    results = search(filters={"language": ["en", "zh-hans"]}, per_page=50)
    counts = {name: Counter({value.value: value.count for value in values}) for name, values in results.facets.items()}

    assert set(counts) == set(FACETS)
    for name in FACETS:
        assert counts[name] == truth[name], name
    # A result is a record and its translations: facets count each version, the total each result once.
    translated = translation_pairs()
    assert translated, "the corpus has translations to fold together"
    assert results.total == sum(truth["type"].values()) - translated
    assert len(results.hits) == results.total
    assert sum(len(hit.translations) for hit in results.hits) == translated


@pytest.mark.parametrize(
    ("filters", "narrowing"),
    [
        ({"jurisdiction": ["city"]}, {"jurisdiction": "city"}),
        ({"doctype": ["plan"]}, {"document_type": "plan"}),
    ],
)
def test_facet_counts_under_a_filter_equal_the_database(search, filters, narrowing):
    """A filter on documents narrows every other facet to those documents, and leaves its own facet whole."""
    results = search(filters=filters)
    counts = {name: Counter({value.value: value.count for value in values}) for name, values in results.facets.items()}
    documents = PolicyDocument.objects.filter(live=True, **narrowing)
    (name,) = filters

    assert counts[name] == database_truth()[name]  # its own filter left out
    assert counts["type"] == Counter({"portal.policydocument": documents.count()})
    assert counts["issuer"] == Counter(filter(None, documents.values_list("issuing_body", flat=True)))
    assert counts["year"] == Counter(str(day.year) for day in documents.values_list("issued_on", flat=True))
    assert results.total == documents.count() >= 1


def test_a_facet_keeps_counting_its_other_values_when_one_is_chosen(search):
    results = search("hydrogen", filters={"type": ["portal.policydocument"]})
    types = {value.value: (value.count, value.selected) for value in results.facets["type"]}

    assert types["portal.policydocument"] == (1, True)
    assert types["portal.policybriefpage"][0] >= 2
    assert results.total == 1


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"type": ["portal.policydocument"]}, {"peak_document", "scattered_document"}),
        ({"jurisdiction": ["city"]}, {"scattered_document"}),
        ({"doctype": ["plan"], "year": ["2022"]}, {"peak_document"}),
        ({"issuer": ["Shanghai Municipal Government"]}, {"scattered_document"}),
        ({"year": ["2024"], "type": ["portal.policydocument", "portal.policybriefpage"]}, None),
    ],
)
def test_filters_narrow_the_results(search, made, filters, expected):
    results = search(filters=filters, per_page=50)

    if expected is not None:
        assert set(keys(results)) == {key(made[name]) for name in expected}
    for hit in results.hits:
        if "year" in filters:
            assert hit.date[:4] in filters["year"]
        if "type" in filters:
            assert hit.content_type in filters["type"]


def test_language_and_topic_filters(search, made):
    chinese = keys(search("hydrogen", filters={"language": ["zh-hans"]}, per_page=50))
    assert key(made["peak_document"]) in chinese
    assert key(made["title_match"]) not in chinese

    on_topic = search(filters={"topic": ["hydrogen"]}, per_page=50)
    # The brief and its Chinese translation are one result, in the visitor's language, linking the other.
    assert set(keys(on_topic)) == {key(made[name]) for name in ("title_match", "peak_document")}
    brief = next(hit for hit in on_topic.hits if hit.key == key(made["title_match"]))
    assert [t.url for t in brief.translations] == [made["dual_carbon_zh"].get_url()]


def test_sort_by_date_puts_the_newest_first(search):
    results = search("hydrogen", sort="date", per_page=50)
    dates = [hit.date for hit in results.hits]

    assert len(dates) >= 3
    assert dates == sorted(dates, reverse=True)


def test_pages_split_the_results(search):
    first = search(filters={"language": ["en", "zh-hans"]}, per_page=3, sort="date")
    second = search(filters={"language": ["en", "zh-hans"]}, per_page=3, sort="date", page=2)

    assert len(first.hits) == 3
    assert not set(keys(first)) & set(keys(second))
    assert first.page_count == -(-first.total // 3)


# --- Nothing found --------------------------------------------------------------


def test_a_misspelt_word_is_searched_as_the_closest_indexed_word_and_says_so(search, made):
    results = search("hydrogn")

    assert results.corrected == "hydrogen"
    assert key(made["title_match"]) in keys(results)
    reasons = {(m.kind, m.label, m.typed) for hit in results.hits for m in hit.matches}
    assert ("spelling", "hydrogen", "hydrogn") in reasons
    assert "<mark>Hydrogen</mark>" in next(h.title_html for h in results.hits if h.key == key(made["title_match"]))

    # "Search instead for": the word as typed, which no record holds (anything left is found by meaning).
    as_typed = search("hydrogn", as_typed=True)
    assert not as_typed.corrected
    assert all(hit.by_meaning_only for hit in as_typed.hits)


def test_filters_that_hide_every_match_are_reported(search):
    results = search("hydrogen", filters={"jurisdiction": ["city"]})

    assert results.total == 0
    assert results.total_without_filters >= 3


# --- The page -------------------------------------------------------------------


def test_search_page_shows_results_facets_and_page_numbers(search, client, made):
    html = client.get("/search/", {"q": "hydrogen metallurgy"}).content.decode()

    assert "Implementation plan for carbon peaking in industry" in html or "碳达峰" in html
    assert "p. 12" in html
    assert 'name="robots" content="noindex"' in html


def test_chinese_search_page(search, client, made):
    response = client.get("/zh-hans/search/", {"q": "碳达峰"})

    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="zh-hans"' in html
    assert "<mark>碳达峰</mark>" in html
    assert "条结果" in html  # "1 result", in Chinese


@hypothesis_settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
@given(
    query=st.one_of(
        st.text(max_size=60),
        st.text(alphabet="()[]{}\"'\\/*?~^:!&|+-<>=%_碳达峰🙂\u0000\u200b ", max_size=40),
        st.just("x" * 10_000),
    ),
    param=st.sampled_from(["q", "type", "year", "page", "sort", "topic"]),
)
def test_any_input_gets_a_page_never_an_error(search, client, query, param):
    params = {"q": "hydrogen", param: query} if param != "q" else {"q": query}

    response = client.get("/search/", params)

    assert response.status_code == 200
