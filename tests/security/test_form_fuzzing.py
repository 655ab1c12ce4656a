"""Every form the public, member representatives and financiers can fill, fed random input: never a 500.

Each test sends random values through the Django test client to the real
view (the right user signed in where the form needs one) and checks that
the answer is not a server error, that input the form refuses gets a
message on the page and changes nothing, and that what it accepts is saved
as it was typed (names with emoji, Chinese and quotes round-trip).

Values mix brackets, quotes, backslashes, NUL and other control characters,
emoji, mixed Chinese and Latin, very long strings, numbers as text, negative
and huge numbers, digits that are not ASCII, impossible dates, a field sent
several times where one value is expected, fields left out and fields the
form does not know. PostgreSQL refuses NUL in text where SQLite stores it,
so run this module with the services too.

The last section sends any Unicode, lone UTF-16 surrogates and control
characters included, to every entry below and to the open data API (its
writes and its read filters): nothing may answer 5xx, and no table may keep a
value UTF-8 cannot encode or a control character other than tab and line
breaks (see ``portal.text``).

The inventory: what a visitor can submit, or set through the address bar
-------------------------------------------------------------------------
Anonymous visitors
- site search, ``/search/`` (q, facets, year, sort, page): single values are
  fuzzed by ``tests/search/test_contract.py``; here, many parameters at
  once, repeated and unknown ones
- EOD catalogue, ``/eod/`` (``CatalogueForm``: q, facets, the investment and
  gap ranges, sort, view, page)
- events listing and its iCal feed, ``/events/`` and ``/events/ical/``
  (when, view, kind, city, month, topic, attendance, page; the calendar's
  month)
- pledge tracker, ``/pledges/``, a company's page and the CSV, Excel and
  JSON exports (``TrackerFilterForm``: q, sector, pledge_type, target years,
  status, verification, scope, sort, page)
- policy library, ``/library/`` (type, jurisdiction, status, language,
  year, topic, page)
- policy briefs and their RSS and Atom feeds, ``/briefs/`` (topic, page)
- event registration, ``/events/<event>/register/`` (``RegistrationForm``)
- the cancellation link, ``/registrations/cancel/<token>/`` (GET asks,
  POST cancels)
- financier sign-up, ``/financiers/signup/`` (``SignUpForm``)
- sign-in forms: financiers ``/financiers/login/``, member representatives
  ``/members/login/``, staff ``/admin/login/`` (Wagtail) and
  ``/django-admin/login/``, with their ``next`` parameter
- Wagtail's password reset, ``/admin/password_reset/``
- the alert unsubscribe link, ``/financiers/unsubscribe/<token>/``
- the language switch, ``/i18n/setlang/`` (language, next)
- the sitemap's page parameter, ``/sitemap.xml?p=``

Approved financiers
- "Save this search", ``/financiers/searches/new/`` (querystring, name,
  frequency), and renaming a saved search or changing its alerts,
  ``/financiers/searches/<pk>/``
- expressing interest in a programme, ``/financiers/interest/<id>/``
  (``InterestForm``)
- the catalogue's exports, ``/eod/export/csv/``, with the catalogue's filters

Member representatives
- a pledge with its milestones, ``/members/pledges/new/`` (``PledgeForm``,
  evidence upload included), and a progress report, ``/members/reports/new/``
  (``ProgressReportForm``)
- the same through the API, ``POST /api/v1/me/pledges``, ``PUT
  /api/v1/me/pledges/<id>`` and ``POST /api/v1/me/pledges/<id>/submit``
"""

import io
import json
import os
import string
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal
from types import SimpleNamespace
from urllib.parse import quote, urlsplit

import hypothesis
import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models, transaction
from django.utils import translation
from django.utils.html import escape
from django.utils.http import url_has_allowed_host_and_scheme
from hypothesis import HealthCheck, example, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from initiatives.eod import catalogue
from initiatives.events.forms import RegistrationForm
from initiatives.events.listing import read_query
from initiatives.financiers.forms import InterestForm, SavedSearchForm, SignUpForm
from initiatives.models import (
    EodSector,
    ExpressionOfInterest,
    Financier,
    Instrument,
    ProgrammeStage,
    Registration,
    SavedSearch,
)
from members.models import (
    Pledge,
    PledgeStatus,
    PledgeType,
    ProgressReport,
    Province,
    Representative,
    Sector,
    Unit,
    Verification,
)
from members.tracker import queries
from portal.models import DocumentLanguage, DocumentStatus, DocumentType, Jurisdiction
from portal.text import readable
from search.backends import DatabaseBackend
from search.records import all_records
from tests.initiatives.eod.factories import EodCatalogPageFactory, EodProgrammePageFactory
from tests.initiatives.events.factories import EventIndexPageFactory, EventPageFactory, RegistrationFactory
from tests.initiatives.financiers.factories import FinancierFactory, SavedSearchFactory
from tests.members.factories import (
    MemberCompanyFactory,
    MilestoneFactory,
    PledgeFactory,
    RepresentativeFactory,
    UserFactory,
)
from tests.portal.factories import TopicFactory
from tests.portal.library.factories import (
    PolicyBriefIndexPageFactory,
    PolicyBriefPageFactory,
    PolicyDocumentFactory,
    PolicyLibraryPageFactory,
    WagtailDocumentFactory,
)

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"
NOTICE = "Some of the address’s parameters could not be used and were ignored:"
LOCKED = "Too many failed sign-in attempts"


def fuzz(examples: int):
    return hypothesis_settings(
        max_examples=examples,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )


# --- Values ------------------------------------------------------------------------

# Characters that break naive parsing, escaping or storage.
NASTY_ALPHABET = (
    "()[]{}<>\"'`\\/;:,.%&|^~*?!=+-_#@$ \t\r\n"
    "\x00\x01\x07\x08\x1b\x7f\x85\xa0\u200b\u200e\u202e\u2028\ufeff\ufffd"
    "碳达峰中和排放企业Ωéß²١١٢𝟘🙂🏭👩🏽‍🔬"
)
SPECIAL_VALUES = [
    "",
    " ",
    "\x00",
    "abc\x00def",
    "%00",
    "null",
    "None",
    "true",
    "on",
    "0",
    "-1",
    "-0",
    "1.5",
    "1,5",
    "1e9",
    "1e999",
    "-1e999",
    "NaN",
    "-Infinity",
    "0x1F",
    "9" * 30,
    "9" * 5000,
    "-" + "9" * 30,
    "²",
    "²²²²",
    "٢٠٢٤",
    "２０２６",
    "0000",
    "9999",
    "2026-13",
    "2026-02-30",
    "0000-00",
    "1899-12-31",
    "2026-1",
    "<script>alert(1)</script>",
    "' OR '1'='1' --",
    "../../etc/passwd",
    "{{ 7*7 }}",
    "%(name)s",
    "x" * 10_000,
    "碳" * 3000,
    'Carbon 碳中和 🙂 "quoted" \\ back',
]
text = st.one_of(
    st.text(max_size=40),
    st.text(alphabet=NASTY_ALPHABET, max_size=40),
    st.sampled_from(SPECIAL_VALUES),
    st.integers().map(str),
    st.decimals(allow_nan=True, allow_infinity=True).map(str),
)
# Sent once, or repeated where the form expects one value.
value = st.one_of(text, st.lists(text, min_size=2, max_size=3))
UNKNOWN_FIELDS = [
    "id",
    "pk",
    "is_staff",
    "is_superuser",
    "status",
    "live",
    "company",
    "user",
    "financier",
    "q[]",
    "a" * 200,
]
# Plausible text a person might type: accepted by forms, and must come back intact.
HUMAN_ALPHABET = string.ascii_letters + string.digits + " '\"()[]{}<>&\\/-.,;:!?#%碳达峰中和排放企业éßΩ🙂🏭👩🏽‍🔬"
human_text = st.text(alphabet=HUMAN_ALPHABET, min_size=1, max_size=60).filter(lambda s: s.strip())

MISSING = object()
# The same views under English and Chinese addresses: translated messages are formatted too.
LANGUAGE_PREFIX = st.sampled_from(["", "/zh-hans"])


@st.composite
def form_data(draw, fields: dict) -> dict:
    """Plausible values for every field, then a few fields broken (left out, random, repeated) and unknown ones added."""
    data = {name: draw(strategy) for name, strategy in fields.items()}
    for name in draw(st.sets(st.sampled_from(sorted(fields)), max_size=min(3, len(fields)))):
        data[name] = draw(st.one_of(st.just(MISSING), value))
    data.update(draw(st.dictionaries(st.sampled_from(UNKNOWN_FIELDS), value, max_size=2)))
    return {name: item for name, item in data.items() if item is not MISSING}


def query_params(names: list[str], plausible: dict | None = None):
    """Any subset of a listing's parameters with any values (plausible ones where given), and unknown ones."""
    plausible = plausible or {}
    parameter = {name: st.one_of(value, plausible[name]) if name in plausible else value for name in names}
    return st.builds(
        lambda known, unknown: {**unknown, **known},
        st.fixed_dictionaries({}, optional=parameter),
        st.dictionaries(st.sampled_from(UNKNOWN_FIELDS), value, max_size=2),
    )


def choice(values) -> st.SearchStrategy:
    return st.sampled_from([str(v) for v in values])


def normalised(text: str) -> str:
    return " ".join(text.split())


def page_of(response) -> str:
    assert response.status_code < 500
    hypothesis.event(f"HTTP {response.status_code}")  # --hypothesis-show-statistics: how often input was accepted
    return response.content.decode()


def assert_errors_shown(response, form) -> None:
    """Every message of a refused form is on the page, in the page's language, as the template escapes it."""
    html = response.content.decode()
    assert form.errors
    with translation.override(response.wsgi_request.LANGUAGE_CODE):
        for messages in form.errors.values():
            for message in messages:
                assert escape(message) in html, message


def tampered(token: str) -> str:
    """The token with its last character changed (to another one, or it would still be genuine)."""
    return token[:-1] + ("B" if token.endswith("A") else "A")


def assert_notices_shown(html: str, problems: list[str]) -> None:
    if problems:
        assert NOTICE in html
    for problem in problems:
        assert escape(problem) in html, problem


# --- Pages and people ----------------------------------------------------------------


@pytest.fixture
def database_search(settings):
    settings.SEARCH_BACKEND = "database"


@pytest.fixture
def shelf(home_page, database_search):
    shelf = EodCatalogPageFactory(parent=home_page)
    programme = EodProgrammePageFactory(parent=shelf, title="Ganjiang river restoration", instruments=["loan", "bond"])
    EodProgrammePageFactory(parent=shelf, title="Datong mine rehabilitation", province="SX", instruments=["equity"])
    DatabaseBackend().replace_all(all_records())
    return {"page": shelf, "programme": programme}


@pytest.fixture
def financier(db):
    return FinancierFactory(status=Financier.Status.APPROVED)


@pytest.fixture
def event(home_page, settings):
    settings.EVENT_REGISTRATION_RATE = (
        1_000_000,
        600,
    )  # the limit has its own tests; here every post must reach the form
    index = EventIndexPageFactory(parent=home_page)
    event = EventPageFactory(parent=index, capacity=3)
    event.topics.add(TopicFactory(slug="hydrogen"))
    event.save_revision().publish()
    return event


# --- Listings read from the address bar ---------------------------------------------------

CATALOGUE_PARAMS = [
    "q",
    *catalogue.FACET_FIELDS,
    "invest_min",
    "invest_max",
    "gap_min",
    "gap_max",
    "sort",
    "view",
    "page",
]
CATALOGUE_PLAUSIBLE = {
    "q": human_text,
    "province": choice(Province.values),
    "sector": choice(EodSector.values),
    "stage": choice(ProgrammeStage.values),
    "instrument": choice(Instrument.values),
    "invest_min": st.integers(-10, 2_000_000).map(str),
    "invest_max": st.decimals(-10, 2_000_000, places=3).map(str),
    "gap_min": st.integers(-10, 2_000_000).map(str),
    "gap_max": st.integers(-10, 2_000_000).map(str),
    "sort": choice(key for key, _label in catalogue.SORT_CHOICES),
    "view": choice(catalogue.VIEWS),
    "page": st.integers(-3, 10**6).map(str),
}


@fuzz(40)
@given(params=query_params(CATALOGUE_PARAMS, CATALOGUE_PLAUSIBLE), signed_in=st.booleans())
def test_catalogue_reports_bad_filters_and_never_fails(client, shelf, financier, params, signed_in):
    client.logout()
    if signed_in:
        client.force_login(financier.user)

    response = client.get(shelf["page"].url, params)

    html = page_of(response)
    assert response.status_code == 200
    assert_notices_shown(html, catalogue.parse(response.wsgi_request.GET).problems())


@fuzz(15)
@given(params=query_params(CATALOGUE_PARAMS, CATALOGUE_PLAUSIBLE))
def test_catalogue_export_takes_any_filters(client, shelf, financier, params):
    client.force_login(financier.user)

    response = client.get(shelf["page"].url + "export/csv/", params)

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")


@pytest.fixture
def shelf_on_elasticsearch(shelf, elasticsearch, settings):
    from search.backends import ElasticsearchBackend

    settings.SEARCH_BACKEND = "elasticsearch"
    ElasticsearchBackend().replace_all(all_records())
    return shelf


REDUCED_MODE = "Search is running in a reduced mode"


@pytest.mark.services
@fuzz(20)
@given(
    params=query_params(CATALOGUE_PARAMS, CATALOGUE_PLAUSIBLE),
    site_search=st.booleans(),
)
def test_no_search_input_makes_elasticsearch_fail(client, shelf_on_elasticsearch, params, site_search):
    # The pages fall back to the database when the cluster answers an error: that notice would mean a bad query.
    url = "/search/" if site_search else shelf_on_elasticsearch["page"].url

    response = client.get(url, params)

    html = page_of(response)
    assert response.status_code == 200
    assert REDUCED_MODE not in html


EVENT_PARAMS = ["when", "view", "kind", "city", "month", "topic", "attendance", "page"]
EVENT_PLAUSIBLE = {
    "when": st.sampled_from(["upcoming", "past"]),
    "view": st.sampled_from(["list", "calendar"]),
    "kind": st.sampled_from(["seminar", "forum", "open-day"]),
    "city": st.sampled_from(["Shanghai", "Beijing"]),
    "month": st.builds("{:04d}-{:02d}".format, st.integers(1990, 2110), st.integers(0, 13)),
    "topic": st.sampled_from(["hydrogen", "no-such-topic"]),
    "attendance": st.sampled_from(["in-person", "online", "hybrid"]),
    "page": st.integers(-3, 10**6).map(str),
}


@fuzz(40)
@given(params=query_params(EVENT_PARAMS, EVENT_PLAUSIBLE))
def test_events_listing_and_calendar_report_bad_filters_and_never_fail(client, event, params):
    index = event.get_parent().specific

    response = client.get(index.url, params)

    html = page_of(response)
    assert response.status_code == 200
    assert_notices_shown(html, read_query(index, response.wsgi_request.GET).problems)


@fuzz(15)
@given(params=query_params(EVENT_PARAMS, EVENT_PLAUSIBLE))
def test_events_feed_takes_any_filters(client, event, params):
    response = client.get(event.get_parent().url + "ical/", params)

    assert response.status_code == 200
    assert response.content.startswith(b"BEGIN:VCALENDAR")


TRACKER_PARAMS = [
    "q",
    "sector",
    "pledge_type",
    "target_from",
    "target_to",
    "status",
    "verification",
    "scope",
    "sort",
    "page",
]
TRACKER_PLAUSIBLE = {
    "q": human_text,
    "sector": choice(Sector.values),
    "pledge_type": choice(PledgeType.values),
    "target_from": st.integers(1900, 2200).map(str),
    "target_to": st.integers(1900, 2200).map(str),
    "status": choice(PledgeStatus.values),
    "verification": choice(Verification.values),
    "scope": st.sampled_from(["1", "2", "3", "123"]),
    "sort": st.sampled_from(["name", "target", "newest"]),
    "page": st.integers(-3, 10**6).map(str),
}


@pytest.fixture
def company(db):
    company = MemberCompanyFactory(name_en="Aldermoor Automotive", name_zh="奥德摩汽车")
    PledgeFactory(company=company)
    return company


@fuzz(30)
@given(params=query_params(TRACKER_PARAMS, TRACKER_PLAUSIBLE), prefix=LANGUAGE_PREFIX)
def test_tracker_reports_bad_filters_and_never_fails(client, company, params, prefix):
    response = client.get(f"{prefix}/pledges/", params)

    html = page_of(response)
    assert response.status_code == 200
    with translation.override(response.wsgi_request.LANGUAGE_CODE):
        _filters, ignored = queries.parse(response.wsgi_request.GET)
    for problem in ignored:
        assert escape(problem) in html


@fuzz(25)
@given(
    params=query_params(TRACKER_PARAMS, TRACKER_PLAUSIBLE),
    where=st.sampled_from(["company", "export.csv", "export.xlsx", "export.json"]),
)
@example(params={"page": "²"}, where="company")  # isdigit() but not int()
@example(params={"page": "9" * 5000}, where="company")  # past int()'s digit limit
def test_company_page_and_exports_take_any_filters(client, company, params, where):
    url = f"/pledges/{company.slug}/" if where == "company" else f"/pledges/{where}"

    response = client.get(url, params)

    assert response.status_code == 200


LIBRARY_PLAUSIBLE = {
    "type": choice(DocumentType.values),
    "jurisdiction": choice(Jurisdiction.values),
    "status": choice(DocumentStatus.values),
    "language": choice(DocumentLanguage.values),
    "year": st.integers(0, 10_000).map(lambda year: f"{year:04d}"),
    "topic": st.sampled_from(["climate", "no-such-topic"]),
    "page": st.integers(-3, 10**6).map(str),
}


@pytest.fixture
def library(home_page):
    page = PolicyLibraryPageFactory(parent=home_page)
    PolicyDocumentFactory(file=WagtailDocumentFactory())
    return page


@fuzz(30)
@given(params=query_params(list(LIBRARY_PLAUSIBLE), LIBRARY_PLAUSIBLE))
@example(params={"year": "0000"})  # there is no year 0: the date lookup raised
@example(params={"year": "²²²²"})  # isdigit() but not int()
def test_library_reports_bad_filters_and_never_fails(client, library, params):
    response = client.get(library.url, params)

    html = page_of(response)
    assert response.status_code == 200
    _chosen, problems = library.read_filters(response.wsgi_request.GET, library.filter_options())
    assert_notices_shown(html, problems)


@pytest.fixture
def briefs(home_page):
    index = PolicyBriefIndexPageFactory(parent=home_page)
    PolicyBriefPageFactory(parent=index, topics=[TopicFactory(slug="carbon-market")])
    return index


@fuzz(30)
@given(
    params=query_params(["topic", "page"], {"topic": st.just("carbon-market"), "page": st.integers(-3, 99).map(str)}),
    route=st.sampled_from(["", "feed/rss/", "feed/atom/"]),
)
@example(params={"topic": "\x00"}, route="")  # PostgreSQL refuses NUL in a query
@example(params={"topic": "a\x00b"}, route="feed/rss/")
def test_briefs_and_their_feeds_take_any_topic(client, briefs, params, route):
    response = client.get(briefs.url + route, params)

    html = page_of(response)
    topic = response.wsgi_request.GET.get("topic", "").strip()
    if topic in ("", "carbon-market"):
        assert response.status_code == 200
    elif route:
        assert response.status_code == 404  # a feed of no topic is not a feed of every brief
    else:
        assert response.status_code == 200
        assert "so all briefs are shown" in html


SEARCH_PARAMS = ["q", "type", "year", "page", "sort", "topic", "language", "jurisdiction", "section"]


@fuzz(25)
@given(params=query_params(SEARCH_PARAMS, {"q": human_text}))
def test_site_search_takes_any_mix_of_parameters(client, home_page, database_search, params):
    # Single values of each parameter are fuzzed by the search contract tests; here they come together and repeated.
    response = client.get("/search/", params)

    assert response.status_code == 200


@fuzz(10)
@given(page=value)
def test_sitemap_page_parameter(client, home_page, page):
    response = client.get("/sitemap.xml", {"p": page})

    assert response.status_code in (200, 404)


# --- Registering for an event and cancelling ----------------------------------------------

REGISTRATION_FIELDS = {
    "name": human_text,
    "email": st.emails().filter(lambda email: len(email) <= 254),
    "organisation": human_text,
    "role": human_text,
    "needs": st.one_of(st.just(""), human_text),
    "consent": st.just("on"),
}


@fuzz(40)
@given(data=form_data(REGISTRATION_FIELDS))
def test_registration_refuses_bad_input_and_keeps_good_input_intact(client, event, data):
    before = Registration.objects.count()

    response = client.post(event.url + "register/", data)

    html = page_of(response)
    posted = response.wsgi_request.POST
    form = RegistrationForm(posted)
    if form.is_bot():
        assert response.status_code == 400
        assert Registration.objects.count() == before
    elif not form.is_valid():
        assert response.status_code == 200
        assert_errors_shown(response, form)
        assert Registration.objects.count() == before
    elif response.status_code == 409:  # this address is registered already
        assert "already registered" in html
        assert Registration.objects.count() == before
    else:
        assert response.status_code == 302
        entry = Registration.objects.get(event=event, email_key=form.cleaned_data["email"].strip().lower())
        assert entry.name == normalised(posted["name"])
        assert entry.organisation == posted["organisation"].strip()
        assert entry.needs == posted.get("needs", "").strip()
        assert Registration.objects.count() == before + 1


@fuzz(25)
@given(token=st.one_of(text, st.just("tampered")), method=st.sampled_from(["get", "post"]))
def test_a_cancellation_link_that_was_not_issued_changes_nothing(client, event, token, method):
    from initiatives.events.cancel_links import cancel_token

    entry = RegistrationFactory(event=event, email="kept@example.com") if not event.registrations.exists() else None
    entry = entry or event.registrations.get()
    if token == "tampered":
        token = tampered(cancel_token(entry))

    response = getattr(client, method)(f"/registrations/cancel/{quote(token, safe='')}/")

    assert response.status_code in (400, 404, 405)
    entry.refresh_from_db()
    assert entry.status == Registration.Status.CONFIRMED


# --- Financier sign-up and every sign-in form ------------------------------------------------

SIGNUP_FIELDS = {
    "full_name": human_text,
    "email": st.emails().filter(lambda email: len(email) <= 150),
    "password1": st.just("green bonds for rivers 2060"),
    "password2": st.just("green bonds for rivers 2060"),
    "organisation": human_text,
    "kind": choice(Financier.Kind.values),
    "position": human_text,
    "phone": st.one_of(st.just(""), st.just("+86 (21) 5555-0100")),
    "consent": st.just("on"),
}


@fuzz(30)
@given(data=form_data(SIGNUP_FIELDS), prefix=LANGUAGE_PREFIX)
def test_financier_signup_refuses_bad_input_and_keeps_good_input_intact(client, db, settings, data, prefix):
    settings.FINANCIER_SIGNUP_RATE = (1_000_000, 3600)
    client.logout()
    before = Financier.objects.count()

    response = client.post(f"{prefix}/financiers/signup/", data)

    page_of(response)
    posted = response.wsgi_request.POST
    with translation.override(response.wsgi_request.LANGUAGE_CODE):
        form = SignUpForm(posted)
        form.is_valid()
    if form.is_bot():
        assert response.status_code == 400
    elif not form.is_valid():
        # The form has just been checked again, now that the account exists; compare with what the view saw.
        if response.status_code == 302:
            assert "taken" in form.errors.as_data()["email"][0].code
        else:
            assert response.status_code == 200
            assert_errors_shown(response, form)
            assert Financier.objects.count() == before
            return
    if response.status_code == 302:
        financier = Financier.objects.get(user__username=posted["email"].strip().lower())
        assert financier.full_name == normalised(posted["full_name"])
        assert financier.organisation == posted["organisation"].strip()
        assert financier.status == Financier.Status.PENDING  # a posted "status" is not heard
        assert not financier.user.is_staff
        assert Financier.objects.count() == before + 1
    else:
        assert Financier.objects.count() == before


def _staff_user():
    user = UserFactory(is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


SIGN_IN_FORMS = {
    "/financiers/login/": lambda: FinancierFactory().user,
    "/members/login/": lambda: RepresentativeFactory().user,
    "/admin/login/": _staff_user,
    "/django-admin/login/": lambda: UserFactory(is_staff=True, is_superuser=True),
}


@pytest.fixture
def account(db, url):
    return SIGN_IN_FORMS[url]()


@pytest.mark.parametrize("url", list(SIGN_IN_FORMS))
@fuzz(20)
@given(
    username=st.one_of(value, st.just("REAL")),
    password=st.one_of(value, st.just(PASSWORD)),
    next_url=st.one_of(st.just(MISSING), value, st.sampled_from(["//evil.example", "https://evil.example/", "/x"])),
    address=st.sampled_from(["203.0.113.7", "198.51.100.20"]),
)
# Django's form leaves the username's length to the browser: django-axes's table on PostgreSQL refused it.
@example(username="x" * 10_000, password="wrong", next_url=MISSING, address="203.0.113.7")
def test_sign_in_forms_never_fail_and_never_send_people_off_site(
    client, account, url, username, password, next_url, address
):
    client.logout()
    data = {"username": account.username if username == "REAL" else username, "password": password}
    query = "" if next_url is MISSING else f"?next={quote(str(next_url), safe='')}"

    response = client.post(url + query, data, REMOTE_ADDR=address)

    html = page_of(response)
    if response.status_code == 302:
        assert username == "REAL" and password == PASSWORD
        location = response["Location"]
        assert url_has_allowed_host_and_scheme(location, allowed_hosts={"testserver"}), location
        assert urlsplit(location).netloc in ("", "testserver")
    elif response.status_code == 429:
        assert LOCKED in html
    else:
        assert response.status_code == 200
        assert 'name="password"' in html
        assert "_auth_user_id" not in client.session


@pytest.fixture
def editor(db):
    return UserFactory(is_staff=True, email="editor@association.example")


@fuzz(20)
@given(email=st.one_of(value, st.just("REAL"), st.emails()))
def test_password_reset_never_fails_and_mails_only_the_account_holder(client, editor, email):
    mail.outbox.clear()

    response = client.post("/admin/password_reset/", {"email": editor.email if email == "REAL" else email})

    assert response.status_code in (200, 302)
    assert all(message.to == [editor.email] for message in mail.outbox)
    if email == "REAL":
        assert len(mail.outbox) == 1


@fuzz(15)
@given(uid=st.one_of(text, st.sampled_from(["MQ", "AA", "MTAwMDAwMDAwMDAwMDAwMDAwMDAwMDA", "LTE"])), token=text)
def test_a_password_reset_link_that_was_not_issued_is_refused(client, editor, uid, token):
    before = editor.password
    url = f"/admin/password_reset/confirm/{quote(uid, safe='') or 'x'}/{quote(token, safe='') or 'x'}/"

    response = client.get(url)
    if response.status_code == 302:  # Django swaps the token for one kept in the session, then asks for it
        response = client.get(response["Location"])
    form = client.post(url, {"new_password1": "a fresh passphrase 2060", "new_password2": "a fresh passphrase 2060"})

    assert response.status_code in (200, 404)
    assert form.status_code in (200, 302, 404)
    editor.refresh_from_db()
    assert editor.password == before


@fuzz(20)
@given(language=st.one_of(value, st.sampled_from(["en", "zh-hans"])), next_url=st.one_of(st.just(MISSING), value))
def test_the_language_switch_stays_on_the_site(client, home_page, language, next_url):
    data = {"language": language}
    if next_url is not MISSING:
        data["next"] = next_url

    response = client.post("/i18n/setlang/", data)

    assert response.status_code in (200, 204, 302)
    if response.status_code == 302:
        assert url_has_allowed_host_and_scheme(response["Location"], allowed_hosts={"testserver"})


# --- The financier area ------------------------------------------------------------------------

SAVE_SEARCH_FIELDS = {
    "querystring": st.builds(
        lambda params: "&".join(f"{quote(k)}={quote(str(v))}" for k, v in params.items()),
        st.fixed_dictionaries(
            {}, optional={"q": human_text, "province": choice(Province.values), "gap_min": st.integers(0, 900)}
        ),
    ),
    "name": st.one_of(st.just(""), human_text),
    "frequency": choice(SavedSearch.Frequency.values),
}


@fuzz(25)
@given(data=form_data(SAVE_SEARCH_FIELDS))
def test_saving_a_search_refuses_bad_input_and_keeps_good_input_intact(client, shelf, financier, data):
    client.force_login(financier.user)
    SavedSearch.objects.filter(financier=financier).delete()

    response = client.post("/financiers/searches/new/", data)

    assert response.status_code == 302
    messages = [str(message) for message in response.wsgi_request._messages]
    saved = SavedSearch.objects.filter(financier=financier).first()
    if saved is None:
        assert messages and any(text.startswith(("Nothing was saved", "This search")) for text in messages), messages
    else:
        posted = response.wsgi_request.POST
        assert saved.name == normalised(posted.get("name", "")) or not normalised(posted.get("name", ""))
        assert saved.querystring == catalogue.canonical_querystring(posted.get("querystring", ""))
        assert any(text.startswith("Search saved as") for text in messages)


@fuzz(15)
@given(data=form_data(SAVE_SEARCH_FIELDS), who=st.sampled_from(["anonymous", "pending", "representative"]))
def test_saving_a_search_is_refused_to_anyone_but_approved_financiers_whatever_they_post(client, shelf, data, who):
    client.logout()
    if who == "pending":
        client.force_login(FinancierFactory(status=Financier.Status.PENDING).user)
    elif who == "representative":
        client.force_login(RepresentativeFactory().user)

    response = client.post("/financiers/searches/new/", data)

    assert response.status_code == (302 if who == "anonymous" else 403)
    if who == "anonymous":
        assert urlsplit(response["Location"]).path == "/financiers/login/"
    assert not SavedSearch.objects.exists()


@fuzz(25)
@given(data=form_data({"name": human_text, "frequency": choice(SavedSearch.Frequency.values)}), prefix=LANGUAGE_PREFIX)
def test_renaming_a_saved_search_refuses_bad_input_and_keeps_good_input_intact(client, financier, data, prefix):
    client.force_login(financier.user)
    saved = SavedSearch.objects.filter(financier=financier).first() or SavedSearchFactory(financier=financier)
    before = (saved.name, saved.frequency)

    response = client.post(f"{prefix}/financiers/searches/{saved.pk}/", data)

    page_of(response)
    with translation.override(response.wsgi_request.LANGUAGE_CODE):
        form = SavedSearchForm(response.wsgi_request.POST, instance=SavedSearch.objects.get(pk=saved.pk))
        form.is_valid()
    saved.refresh_from_db()
    if form.is_valid():
        assert response.status_code == 302
        assert saved.name == normalised(response.wsgi_request.POST["name"])
        assert saved.frequency == response.wsgi_request.POST["frequency"]
    else:
        assert response.status_code == 200
        assert_errors_shown(response, form)
        assert (saved.name, saved.frequency) == before


@fuzz(25)
@given(token=st.one_of(text, st.just("tampered")), method=st.sampled_from(["get", "post"]))
def test_an_unsubscribe_link_that_was_not_issued_changes_nothing(client, financier, token, method):
    from initiatives.financiers.alerts import unsubscribe_token

    saved = SavedSearch.objects.filter(financier=financier).first() or SavedSearchFactory(financier=financier)
    if token == "tampered":
        token = tampered(unsubscribe_token(saved))

    response = getattr(client, method)(f"/financiers/unsubscribe/{quote(token, safe='')}/")

    assert response.status_code in (400, 404, 405)
    saved.refresh_from_db()
    assert saved.frequency == SavedSearch.Frequency.DAILY


INTEREST_FIELDS = {
    "amount_min": st.decimals(Decimal("0.01"), Decimal(500), places=2).map(str),
    "amount_max": st.decimals(Decimal(500), Decimal(90_000), places=2).map(str),
    "instrument": choice(Instrument.values),
    "message": st.one_of(st.just(""), human_text),
}


@fuzz(30)
@given(data=form_data(INTEREST_FIELDS), prefix=LANGUAGE_PREFIX)
def test_expressing_interest_refuses_bad_input_and_keeps_good_input_intact(client, shelf, financier, data, prefix):
    client.force_login(financier.user)
    ExpressionOfInterest.objects.filter(financier=financier).delete()
    programme = shelf["programme"]

    response = client.post(f"{prefix}/financiers/interest/{programme.pk}/", data)

    page_of(response)
    with translation.override(response.wsgi_request.LANGUAGE_CODE):
        form = InterestForm(response.wsgi_request.POST, programme=programme)
        form.is_valid()
    interest = ExpressionOfInterest.objects.filter(financier=financier).first()
    if form.is_valid():
        assert response.status_code == 302
        assert interest.message == form.cleaned_data["message"].strip()
        assert (interest.amount_min, interest.amount_max) == (
            form.cleaned_data["amount_min"],
            form.cleaned_data["amount_max"],
        )
    else:
        assert response.status_code == 200
        assert_errors_shown(response, form)
        assert interest is None


@fuzz(15)
@given(pk=st.one_of(st.integers(min_value=0), st.integers(min_value=2**31, max_value=10**30)))
@example(pk=2**64)  # a programme's id went to SQLite unbounded and overflowed
def test_ids_in_financier_and_member_addresses_are_any_size(client, financier, representative, pk):
    client.force_login(financier.user)
    for url in (f"/financiers/searches/{pk}/", f"/financiers/interest/{pk}/", f"/financiers/searches/{pk}/delete/"):
        assert client.get(url).status_code == 404, url
    client.force_login(representative.user)
    for kind in ("pledges", "reports"):
        for url in (f"/members/{kind}/{pk}/", f"/members/{kind}/{pk}/edit/", f"/members/{kind}/{pk}/evidence/{pk}/"):
            assert client.get(url).status_code == 404, url
        assert client.post(f"/members/{kind}/{pk}/submit/").status_code == 404


# --- The member area ---------------------------------------------------------------------------

PLEDGE_FIELDS = {
    "pledge_type": choice(PledgeType.values),
    "scope_1": st.just("on"),
    "scope_3": st.one_of(st.just(MISSING), st.just("on")),
    "unit": st.just(Unit.TONNES),
    "baseline_year": st.integers(1990, 2020).map(str),
    "baseline_value": st.decimals(0, 10**9, places=2).map(str),
    "target_year": st.integers(2030, 2100).map(str),
    "target_value": st.one_of(st.just(""), st.decimals(0, 1000, places=2).map(str)),
    "status": choice(PledgeStatus.values),
    "verification": choice(Verification.values),
    "description_en": st.one_of(st.just(""), human_text),
    "description_zh": st.one_of(st.just(""), human_text),
    "source_url": st.one_of(st.just(""), st.just("https://example.com/report.pdf")),
    "milestones-TOTAL_FORMS": st.sampled_from(["0", "1"]),
    "milestones-INITIAL_FORMS": st.just("0"),
    "milestones-MIN_NUM_FORMS": st.just("0"),
    "milestones-MAX_NUM_FORMS": st.just("20"),
    "milestones-0-year": st.integers(2021, 2029).map(str),
    "milestones-0-value": st.decimals(0, 10**6, places=2).map(str),
    "milestones-0-description": st.one_of(st.just(""), human_text),
}
# A pledge the form accepts, with one milestone: the base of the examples below.
GOOD_PLEDGE = {
    "pledge_type": "net_zero",
    "scope_1": "on",
    "unit": "tco2e",
    "baseline_year": "2019",
    "baseline_value": "100",
    "target_year": "2050",
    "status": "declared",
    "verification": "self",
    "description_en": "Net zero “by 2050” 🙂",
    "milestones-TOTAL_FORMS": "1",
    "milestones-INITIAL_FORMS": "0",
    "milestones-MIN_NUM_FORMS": "0",
    "milestones-MAX_NUM_FORMS": "20",
    "milestones-0-year": "2030",
    "milestones-0-value": "50",
    "milestones-0-description": "Half 一半",
}
UPLOADS = st.one_of(
    st.just(MISSING),
    st.builds(lambda data: ("evidence.pdf", b"%PDF-1.4\n" + data), st.binary(max_size=200)),
    st.builds(lambda data: ("evidence.pdf", data), st.binary(max_size=200)),
    # Any name a client can send: Django refuses to build an upload whose name ends in nothing ("a/", "..").
    st.builds(
        lambda name: (name, b"%PDF-1.4\n"),
        text.filter(lambda s: 0 < len(s) < 200 and os.path.basename(s) not in {"", ".", ".."}),
    ),
)


@pytest.fixture
def representative(db):
    return RepresentativeFactory(role=Representative.Role.EDITOR)


@fuzz(30)
@given(data=form_data(PLEDGE_FIELDS), upload=UPLOADS, submit=st.booleans())
# A row said to exist, with no id: modelcluster's formset raised KeyError.
@example(data={**GOOD_PLEDGE, "milestones-INITIAL_FORMS": "1"}, upload=MISSING, submit=False)
def test_a_pledge_form_refuses_bad_input_and_keeps_good_input_intact(client, representative, data, upload, submit):
    client.force_login(representative.user)
    other = Pledge.objects.exclude(company=representative.company).count()
    before = Pledge.objects.count()
    if upload is not MISSING:
        data["evidence_file"] = SimpleUploadedFile(*upload)
    if submit:
        data["submit"] = "1"

    response = client.post("/members/pledges/new/", data)

    html = page_of(response)
    assert Pledge.objects.exclude(company=representative.company).count() == other  # a posted "company" is not heard
    if response.status_code == 302:
        pledge = Pledge.objects.get(pk=int(response["Location"].rstrip("/").rpartition("/")[2]))
        draft = pledge.get_latest_revision_as_object()
        assert pledge.company == representative.company
        assert not pledge.live
        posted = response.wsgi_request.POST
        assert draft.description_en == posted.get("description_en", "").strip()
        assert draft.description_zh == posted.get("description_zh", "").strip()
        assert Pledge.objects.count() == before + 1
    else:
        assert response.status_code == 200
        assert "Nothing was saved: please correct the fields marked below." in html
        assert Pledge.objects.count() == before


@fuzz(20)
@given(
    data=form_data(
        {
            **PLEDGE_FIELDS,
            "milestones-TOTAL_FORMS": st.just("1"),
            "milestones-INITIAL_FORMS": st.just("1"),
            "milestones-0-id": st.just("OWN"),
            "milestones-0-DELETE": st.one_of(st.just(MISSING), st.just("on")),
        }
    ),
    milestone_id=st.one_of(
        st.just("OWN"), st.just("OTHER"), st.integers(-(2**63), 2**70).map(str), st.sampled_from(SPECIAL_VALUES)
    ),
)
# An id that is not a number: modelcluster's formset raised ValidationError out of the form.
@example(data={**GOOD_PLEDGE, "milestones-INITIAL_FORMS": "1", "milestones-0-id": "OWN"}, milestone_id=" ")
@example(data={**GOOD_PLEDGE, "milestones-INITIAL_FORMS": "1", "milestones-0-id": "OWN"}, milestone_id="OTHER")
@example(data={**GOOD_PLEDGE, "milestones-INITIAL_FORMS": "1", "milestones-0-id": "OWN"}, milestone_id="OWN")
# An existing row posted without its id: saved as a new one, it kept or dropped the old one by chance.
@example(data={**GOOD_PLEDGE, "milestones-INITIAL_FORMS": "1", "milestones-0-id": ""}, milestone_id="OWN")
def test_editing_a_pledge_refuses_other_pledges_milestones_and_keeps_good_input_intact(
    client, representative, data, milestone_id
):
    client.force_login(representative.user)
    data = dict(data)  # examples are shared between runs
    pledge = Pledge.objects.filter(company=representative.company).first()
    if pledge is None:
        pledge = MilestoneFactory(pledge__company=representative.company, pledge__live=False).pledge
        foreign = MilestoneFactory(description="Someone else's milestone")
    else:
        foreign = Pledge.objects.exclude(company=representative.company).get().milestones.get()
    own = pledge.milestones.get()
    ids = {"OWN": str(own.pk), "OTHER": str(foreign.pk)}
    if data.get("milestones-0-id") == "OWN":
        data["milestones-0-id"] = ids.get(milestone_id, milestone_id)

    response = client.post(f"/members/pledges/{pledge.pk}/edit/", data)

    html = page_of(response)
    foreign.refresh_from_db()
    assert foreign.pledge.company != representative.company
    assert foreign.description == "Someone else's milestone"
    if response.status_code == 302:
        draft = Pledge.objects.get(pk=pledge.pk).get_latest_revision_as_object()
        posted = response.wsgi_request.POST
        assert draft.description_en == posted.get("description_en", "").strip()
        one_row = posted.get("milestones-TOTAL_FORMS") == posted.get("milestones-INITIAL_FORMS") == "1"
        if one_row and not posted.get("milestones-0-DELETE"):
            assert [m.description for m in draft.milestones.all()] == [
                posted.get("milestones-0-description", "").strip()
            ]
    else:
        assert response.status_code == 200
        assert "Nothing was saved: please correct the fields marked below." in html


REPORT_FIELDS = {
    "year": st.integers(1990, 2100).map(str),
    "scope_1": st.decimals(0, 10**9, places=2).map(str),
    "scope_2_location": st.one_of(st.just(""), st.decimals(0, 10**9, places=2).map(str)),
    "scope_2_market": st.one_of(st.just(""), st.decimals(0, 10**9, places=2).map(str)),
    "scope_3": st.one_of(st.just(""), st.decimals(0, 10**9, places=2).map(str)),
    "renewable_share": st.one_of(st.just(""), st.decimals(0, 100, places=2).map(str)),
    "notes": st.one_of(st.just(""), human_text),
}


@fuzz(25)
@given(data=form_data(REPORT_FIELDS), upload=UPLOADS)
def test_a_progress_report_form_refuses_bad_input_and_keeps_good_input_intact(client, representative, data, upload):
    client.force_login(representative.user)
    ProgressReport.objects.filter(company=representative.company).delete()  # one report per year: start afresh
    if upload is not MISSING:
        data["evidence_file"] = SimpleUploadedFile(*upload)

    response = client.post("/members/reports/new/", data)

    html = page_of(response)
    reports = ProgressReport.objects.filter(company=representative.company)
    if response.status_code == 302:
        draft = reports.get().get_latest_revision_as_object()
        assert draft.notes == response.wsgi_request.POST.get("notes", "").strip()
        assert not reports.get().live
    else:
        assert response.status_code == 200
        assert "Nothing was saved: please correct the fields marked below." in html
        assert not reports.exists()


# --- What forms accept, shown everywhere it goes ----------------------------------------------------

# What may be stored: anything but NUL (PostgreSQL refuses it), control characters included. Forms refuse
# them now (see the last section), but rows written before, or by the admin's other forms, may hold them.
accepted_text = st.one_of(st.text(max_size=80), st.text(alphabet=NASTY_ALPHABET, max_size=40)).map(
    lambda text: text.replace("\x00", "").strip()
)


@fuzz(15)
@given(description=accepted_text)
@example(description="2030 \x01 target\x1b")  # openpyxl refused control characters: the public Excel export failed
@example(description="line\r\nbreak\ttab _x000D_ \u2028 碳🙂")  # and these must come back as they are
def test_text_a_representative_typed_is_published_and_exported_without_error(client, company, description):
    pledge = company.pledges.get()
    pledge.milestones.all().delete()
    MilestoneFactory(pledge=pledge, description=description)

    for url in (f"/pledges/{company.slug}/", "/pledges/", "/pledges/export.csv", "/pledges/export.json"):
        assert client.get(url).status_code == 200, url
    workbook = client.get("/pledges/export.xlsx")
    assert workbook.status_code == 200
    rows = list(load_workbook(io.BytesIO(workbook.content)).active.iter_rows(values_only=True))
    shown = ILLEGAL_CHARACTERS_RE.sub("", description)
    assert shown in rows[1][rows[0].index("Milestones")]


# --- Text that cannot be encoded, wherever text comes in ------------------------------------------

# Any Unicode at all: lone surrogates, which JSON carries as "\udfff", and control characters included.
ANY_TEXT = st.one_of(
    st.text(st.characters(exclude_categories=()), max_size=30),
    st.text(alphabet="\ud800\udbff\udc00\udfff\x00\x01\x07\x1b\x7f\x85\x9f\t\n\r 碳a🙂", min_size=1, max_size=12),
)
# What sign-in attempts and sessions record is a log of what was sent, not content anyone reads back.
NOT_CONTENT = {"axes", "sessions"}
ALLOWED_CONTROLS = "\t\n\r"


@dataclass(frozen=True)
class Door:
    """Where text comes in: how it is sent, the address, a valid base and the text fields to break."""

    kind: str  # "form" (POST), "query" (GET parameters), "json" (POST) or "json-put"
    url: object  # the address, or a function of the `doors` fixture giving it
    fields: tuple[str, ...]
    base: dict = field(default_factory=dict)
    who: str = ""  # "representative" or "financier" signs in first


API_PLEDGE = {
    "pledge_type": "net_zero",
    "scopes": [1],
    "baseline_year": 2019,
    "baseline_value": 100,
    "target_year": 2050,
    "description_en": "Net zero",
    "milestones": [{"year": 2030, "value": 50, "description": "Half"}],
}
PLEDGE_TEXT = ("description_en", "description_zh", "source_url", "milestones-0-description")
API_PLEDGE_TEXT = ("description_en", "description_zh", "source_url", "milestones.0.description", "pledge_type")
SIGN_IN = {"username": "someone", "password": PASSWORD}
DOORS = {
    # Forms
    "event registration": Door(
        "form",
        lambda doors: doors.event.url + "register/",
        ("name", "email", "organisation", "role", "needs"),
        {"name": "Li Wei", "email": "li@example.com", "organisation": "Acme", "role": "Engineer", "consent": "on"},
    ),
    "financier sign-up": Door(
        "form",
        "/financiers/signup/",
        ("full_name", "email", "organisation", "position", "phone", "password1"),
        {
            **dict.fromkeys(("full_name", "organisation", "position"), "Fund"),
            "email": "fund@example.com",
            "kind": Financier.Kind.values[0],
            "password1": "green bonds for rivers 2060",
            "password2": "green bonds for rivers 2060",
            "consent": "on",
        },
    ),
    **{
        f"sign-in {url}": Door("form", url, ("username", "password"), SIGN_IN)
        for url in ("/members/login/", "/financiers/login/", "/admin/login/", "/django-admin/login/")
    },
    "password reset": Door("form", "/admin/password_reset/", ("email",), {"email": "editor@example.com"}),
    "language switch": Door("form", "/i18n/setlang/", ("language", "next"), {"language": "zh-hans", "next": "/"}),
    "save a search": Door(
        "form",
        "/financiers/searches/new/",
        ("querystring", "name"),
        {"querystring": "q=river", "name": "Rivers", "frequency": "weekly"},
        "financier",
    ),
    "rename a saved search": Door(
        "form",
        lambda doors: f"/financiers/searches/{doors.saved.pk}/",
        ("name",),
        {"name": "Rivers", "frequency": "weekly"},
        "financier",
    ),
    "express interest": Door(
        "form",
        lambda doors: f"/financiers/interest/{doors.programme.pk}/",
        ("message",),
        {"amount_min": "10", "amount_max": "20", "instrument": "loan", "message": "Interested"},
        "financier",
    ),
    "new pledge": Door("form", "/members/pledges/new/", PLEDGE_TEXT, GOOD_PLEDGE, "representative"),
    "edit a pledge": Door(
        "form", lambda doors: f"/members/pledges/{doors.pledge.pk}/edit/", PLEDGE_TEXT, GOOD_PLEDGE, "representative"
    ),
    "new progress report": Door(
        "form",
        "/members/reports/new/",
        ("notes",),
        {"year": "2024", "scope_1": "100", "notes": "Audited"},
        "representative",
    ),
    # Search boxes and filters in the address
    "site search": Door("query", "/search/", ("q", "topic", "type")),
    "EOD catalogue": Door("query", lambda doors: doors.shelf["page"].url, ("q", "province", "invest_min")),
    "pledge tracker": Door("query", "/pledges/", ("q", "sector")),
    "events": Door("query", lambda doors: doors.event.get_parent().url, ("city", "topic", "month", "kind")),
    "policy library": Door("query", lambda doors: doors.library.url, ("topic", "type", "year")),
    "policy briefs": Door("query", lambda doors: doors.briefs.url, ("topic",)),
    # The API: its writes, and its read filters
    "API new pledge": Door("json", "/api/v1/me/pledges", API_PLEDGE_TEXT, API_PLEDGE, "representative"),
    "API new version": Door(
        "json-put", lambda doors: f"/api/v1/me/pledges/{doors.pledge.pk}", API_PLEDGE_TEXT, API_PLEDGE, "representative"
    ),
    "API submit": Door(
        "json", lambda doors: f"/api/v1/me/pledges/{doors.pledge.pk}/submit", ("comment",), {}, "representative"
    ),
    **{
        f"API {path}": Door("query", f"/api/v1/{path}", names)
        for path, names in {
            "companies": ("q", "sector", "lang"),
            "search": ("q", "topic"),
            "eod/programmes": ("q", "province"),
            "events": ("city", "topic"),
            "documents": ("topic", "type"),
        }.items()
    },
}


@pytest.fixture
def doors(shelf, event, financier, representative, library, briefs, settings):
    settings.FINANCIER_SIGNUP_RATE = (1_000_000, 3600)
    pledge = PledgeFactory(company=representative.company, live=False, target_year=2050)
    MilestoneFactory(pledge=pledge, year=2030)
    return SimpleNamespace(
        shelf=shelf,
        programme=shelf["programme"],
        event=event,
        library=library,
        briefs=briefs,
        saved=SavedSearchFactory(financier=financier),
        pledge=pledge,
        users={"financier": financier.user, "representative": representative.user},
    )


def as_invalid_utf8(value: str) -> bytes:
    """The text's UTF-8 bytes, a lone surrogate as the three bytes a careless encoder writes for it."""
    return value.encode("utf-8", "surrogatepass")


def urlencoded(data: dict) -> str:
    return "&".join(f"{quote(name)}={quote(as_invalid_utf8(str(item)))}" for name, item in data.items())


def with_value(body: dict, dotted: str, value: str) -> dict:
    """A deep copy of the JSON body with one value (say "milestones.0.description") replaced."""
    body = json.loads(json.dumps(body))
    *path, last = dotted.split(".")
    target = body
    for step in path:
        target = target[int(step) if step.isdigit() else step]
    target[last] = value
    return body


def stored_strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from stored_strings(key)
            yield from stored_strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from stored_strings(item)


def assert_nothing_broken_is_stored():
    """Every text and JSON column of every table (revisions included) encodes as UTF-8, without control characters."""
    for model in apps.get_models():
        meta = model._meta
        names = [
            f.attname
            for f in meta.concrete_fields
            if isinstance(f, (models.CharField, models.TextField, models.JSONField))
        ]
        if meta.proxy or not meta.managed or not names:
            continue
        for row in model.objects.values_list(*names):
            for text in stored_strings(list(row)):
                assert readable(text) == text, (meta.label, ascii(text))
                if meta.app_label not in NOT_CONTENT:
                    controls = [c for c in text if unicodedata.category(c) == "Cc" and c not in ALLOWED_CONTROLS]
                    assert not controls, (meta.label, ascii(text))


@pytest.mark.parametrize("door", list(DOORS))
@fuzz(12)
@given(data=st.data())
def test_no_text_sent_anywhere_fails_or_is_stored_unencodable(client, doors, door, data):
    """Any text in one or two text fields of every form, filter and API write: no 5xx, nothing broken kept.

    A form or an address can carry a lone surrogate only as invalid UTF-8, which Django reads as U+FFFD;
    JSON carries it escaped, and a careless client may send its bytes raw.
    """
    spec = DOORS[door]
    values = data.draw(st.dictionaries(st.sampled_from(spec.fields), ANY_TEXT, min_size=1, max_size=2), label="values")
    url = spec.url(doors) if callable(spec.url) else spec.url
    client.logout()
    if spec.who:
        client.force_login(doors.users[spec.who])

    # Each example starts from the same data, so a value kept is the one this example sent.
    with transaction.atomic():
        if spec.kind == "form":
            response = client.post(
                url, urlencoded({**spec.base, **values}), content_type="application/x-www-form-urlencoded"
            )
        elif spec.kind == "query":
            response = client.get(f"{url}?{urlencoded(values)}")
        else:
            body = spec.base
            for name, text in values.items():
                body = with_value(body, name, text)
            raw = data.draw(st.booleans(), label="raw UTF-8")
            payload = as_invalid_utf8(json.dumps(body, ensure_ascii=False)) if raw else json.dumps(body)
            method = client.put if spec.kind == "json-put" else client.post
            response = method(url, payload, content_type="application/json")

        hypothesis.event(f"HTTP {response.status_code}")
        assert response.status_code < 500, response.content[:500]
        assert_nothing_broken_is_stored()
        transaction.set_rollback(True)
