"""Every URL pattern of the site, requested as every role, against the table in `role_matrix`.

One test per role walks all patterns with one signed-in client and gathers
every mismatch into one message. Each request runs in a savepoint that is
rolled back, so a GET that writes (an editing session, a lock) cannot change
what the next pattern sees; sessions live in the cache for the same reason.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.contrib.messages import get_messages
from django.core.files.base import ContentFile
from django.db import transaction
from django.test import Client
from django.urls import resolve
from django.urls.resolvers import RoutePattern
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection, Locale, Site, Task, Workflow

from initiatives.eod.models.programmes import RESTRICTED_DOCUMENTS_COLLECTION
from initiatives.events.cancel_links import cancel_token
from initiatives.events.tickets import CERTIFICATE_SALT, OFFER_SALT, TICKET_PAGE_SALT, signed_reference
from initiatives.financiers.alerts import unsubscribe_token
from initiatives.models import EodProgrammeDocument
from members.area.forms import EVIDENCE_COLLECTION
from members.models import Pledge
from members.review import save_draft, submit_for_review
from search.models import Synonym
from tests.initiatives.eod.factories import EodCatalogPageFactory, EodProgrammePageFactory
from tests.initiatives.events.factories import (
    EventIndexPageFactory,
    EventPageFactory,
    RegistrationFactory,
    SpeakerFactory,
)
from tests.initiatives.financiers.factories import FinancierFactory, InterestFactory, SavedSearchFactory, in_group
from tests.members.factories import (
    MemberCompanyFactory,
    PledgeFactory,
    ProgressReportFactory,
    RepresentativeFactory,
    UserFactory,
)
from tests.portal.factories import HomePageFactory, TopicFactory
from tests.portal.library.factories import (
    PolicyBriefIndexPageFactory,
    PolicyBriefPageFactory,
    PolicyDocumentFactory,
    PolicyLibraryPageFactory,
    WagtailDocumentFactory,
)
from tests.security.role_matrix import (
    ALLOWED,
    HIDDEN,
    LOGIN,
    PAGE_ROUTE_PREFIX,
    REFUSED,
    ROLES,
    Access,
    Outcome,
    Route,
    Rule,
    all_routes,
    everyone,
    rule_for,
    uncovered,
    unused,
)

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
LOGIN_PATHS = ("/admin/login/", "/members/login/", "/financiers/login/", "/django-admin/login/", "/_util/login/")


# --- The world the walk runs in --------------------------------------------------------


def document_in(collection_name: str | None, title: str):
    root = Collection.get_first_root_node()
    collection = root.get_children().filter(name=collection_name).first() if collection_name else root
    if collection is None:
        collection = root.add_child(name=collection_name)
    doc = get_document_model()(title=title, collection=collection)
    doc.file.save(f"{title.lower().replace(' ', '-')}.pdf", ContentFile(PDF), save=False)
    doc._set_document_file_metadata()
    doc.save()
    return doc


def build_world() -> SimpleNamespace:
    """One of everything a URL parameter can point at, and one user per role."""
    w = SimpleNamespace()
    w.home = HomePageFactory()
    w.event_index = EventIndexPageFactory(parent=w.home)
    w.event = EventPageFactory(parent=w.event_index)
    w.event.save_revision().publish()
    w.registration = RegistrationFactory(event=w.event)
    w.speaker = SpeakerFactory()
    w.topic = TopicFactory()
    w.brief_index = PolicyBriefIndexPageFactory(parent=w.home)
    w.brief = PolicyBriefPageFactory(parent=w.brief_index)
    w.library = PolicyLibraryPageFactory(parent=w.home)
    w.policy_document = PolicyDocumentFactory(file=WagtailDocumentFactory())
    w.catalogue = EodCatalogPageFactory(parent=w.home)
    w.programme = EodProgrammePageFactory(parent=w.catalogue)
    w.restricted_document = document_in(RESTRICTED_DOCUMENTS_COLLECTION, "Financial model")
    EodProgrammeDocument.objects.create(page=w.programme, document=w.restricted_document)
    w.programme.save_revision().publish()

    w.company = MemberCompanyFactory()
    w.rep = RepresentativeFactory(company=w.company)
    w.evidence = document_in(EVIDENCE_COLLECTION, "Verification statement")
    w.pledge = PledgeFactory(company=w.company, evidence=w.evidence)
    w.report = ProgressReportFactory(company=w.company, evidence=w.evidence)
    # A change waiting for review, so the review pages and actions point at a real task.
    pledge = Pledge.objects.get(pk=w.pledge.pk)
    pledge.target_year = 2038
    save_draft(w.rep, pledge)
    w.pledge_workflow = submit_for_review(w.rep, pledge)
    w.pledge.refresh_from_db()
    w.pledge_task_state = w.pledge_workflow.current_task_state
    report = type(w.report).objects.get(pk=w.report.pk)
    report.scope_1 = 55_000
    save_draft(w.rep, report)
    w.report_workflow = submit_for_review(w.rep, report)
    w.report.refresh_from_db()
    w.policy_document.save_revision()

    # Someone else's: another company's pledge and report, another financier's saved search.
    w.other_company = MemberCompanyFactory()
    w.other_evidence = document_in(EVIDENCE_COLLECTION, "Other verification statement")
    w.other_pledge = PledgeFactory(company=w.other_company, evidence=w.other_evidence)
    w.other_report = ProgressReportFactory(company=w.other_company, evidence=w.other_evidence)
    w.other_saved_search = SavedSearchFactory()

    w.financier = FinancierFactory()
    w.saved_search = SavedSearchFactory(financier=w.financier)
    w.interest = InterestFactory(financier=w.financier, programme=w.programme)

    w.synonym = Synonym.objects.create(terms="carbon peak, emissions peak")
    w.image = get_image_model().objects.create(title="Wetland", file=get_test_image_file())
    w.redirect = Redirect.objects.create(old_path="/old-events", redirect_page=w.event_index)
    w.page_workflow = Workflow.objects.filter(active=True).first()
    w.task = Task.objects.filter(active=True).first()

    w.users = {
        "anonymous": None,
        "representative": w.rep.user,
        "financier": w.financier.user,
        "editor": in_group("Editors"),
        "moderator": in_group("Moderators"),
        "superuser": UserFactory(is_staff=True, is_superuser=True),
    }
    return w


# --- Filling in a pattern's parameters -------------------------------------------------


def model_of(route: Route):
    callback = route.pattern.callback
    model = (getattr(callback, "view_initkwargs", None) or {}).get("model")
    if model is None and hasattr(callback, "model_admin"):
        model = callback.model_admin.model
    return model if isinstance(model, type) else None


def first_pk(model) -> int | str:
    obj = model._default_manager.order_by("pk").first()
    return obj.pk if obj is not None else 999999


def params_for(route: Route, w: SimpleNamespace, *, foreign: bool = False) -> tuple[dict, list]:
    """Named and positional values for a pattern: what its view would really be asked about."""
    r = route.route
    page = w.event
    by_name = {
        "page_id": page.pk,
        "page_pk": page.pk,
        "parent_page_id": w.event_index.pk,
        "page_to_move_id": page.pk,
        "destination_id": w.home.pk,
        "revision_id": page.latest_revision_id,
        "revision_id_a": "earliest",
        "revision_id_b": "latest",
        "image_id": w.image.pk,
        "document_id": w.policy_document.file_id,
        "doc_id": w.policy_document.file_id,
        "uploaded_file_id": 999999,
        "collection_id": w.restricted_document.collection_id,
        "filter_spec": "fill-100x100",
        "content_type_app_name": "initiatives",
        "content_type_model_name": "eventpage",
        "app_label": "initiatives",
        "model_name": "eventpage",
        "action_name": "approve",
        "action": "delete",
        "task_id": w.task.pk,
        "task_state_id": 999999,
        "workflow_state_id": 999999,
        "workflow_pk": w.page_workflow.pk,
        "session_id": 999999,
        "redirect_id": w.redirect.pk,
        "restriction_id": 999999,
        "page_view_restriction_id": 999999,
        "uidb64": "MQ",
        "token": "set-password",
        "slug": w.company.slug,
        "sector": w.company.sector,
        "day": "2024-06-30",
        "extension": "csv",
        "url": "nothing-here/",
        "content_type_id": ContentType.objects.get_for_model(page).pk,
        "object_id": page.pk,
        "id": w.users["editor"].pk,
    }
    model = model_of(route)
    if model is not None:
        by_name["pk"] = by_name["object_id"] = first_pk(model)
    # Parameters whose meaning depends on where they are: the longest matching prefix decides.
    for scope in (scoped_params(w), foreign_params(w) if foreign else {}):
        for prefix, values in sorted(scope.items(), key=lambda item: -len(item[0])):
            if r.startswith(prefix):
                by_name.update(values)
                break
    positional = POSITIONAL.get(r, lambda w: [])(w)
    return by_name, positional


def scoped_params(w: SimpleNamespace) -> dict[str, dict]:
    pledge_snippet = {
        "pk": w.pledge.pk,
        "object_id": w.pledge.pk,
        "revision_id": w.pledge.latest_revision_id,
        "task_state_id": w.pledge_task_state.pk,
        "workflow_state_id": w.pledge_workflow.pk,
    }
    return {
        "members/pledges/": {"pk": w.pledge.pk, "document_id": w.evidence.pk},
        "members/reports/": {"pk": w.report.pk, "document_id": w.evidence.pk},
        "financiers/searches/": {"pk": w.saved_search.pk},
        "financiers/unsubscribe/": {"token": unsubscribe_token(w.saved_search)},
        "financiers/interest/": {"programme_id": w.programme.pk},
        "registrations/cancel/": {"token": cancel_token(w.registration)},
        "registrations/ticket/": {"token": signed_reference(w.registration, TICKET_PAGE_SALT), "language": "en"},
        "registrations/offer/": {"token": signed_reference(w.registration, OFFER_SALT)},
        "registrations/certificate/": {"token": signed_reference(w.registration, CERTIFICATE_SALT)},
        "admin/snippets/members/pledge/": pledge_snippet,
        "admin/snippets/members/progressreport/": {
            "pk": w.report.pk,
            "object_id": w.report.pk,
            "revision_id": w.report.latest_revision_id,
            "task_state_id": w.report_workflow.current_task_state.pk,
            "workflow_state_id": w.report_workflow.pk,
        },
        "admin/snippets/portal/policydocument/": {
            "pk": w.policy_document.pk,
            "revision_id": w.policy_document.latest_revision_id,
        },
        "api/v1/documents/": {"slug": w.policy_document.slug},
        "api/v1/eod/programmes/": {"programme_id": w.programme.pk},
        "api/v1/me/pledges/": {"pledge_id": w.pledge.pk},
        "api/v1/me/reports/": {"report_id": w.report.pk},
        "admin/snippets/choose/": {},
        "admin/collections/": {"pk": w.restricted_document.collection_id},
        "admin/workflows/": {"pk": w.page_workflow.pk},
        "admin/workflows/tasks/": {"pk": w.task.pk, "app_label": "wagtailcore", "model_name": "groupapprovaltask"},
        "admin/workflows/task_chooser/": {"task_id": w.task.pk},
        "admin/settings/": {"app_name": "portal", "model_name": "siteidentity", "pk": Site.objects.get().pk},
        "admin/tag-autocomplete/": {"app_name": "taggit", "model_name": "tag"},
        "admin/bulk/": {"app_label": "wagtailcore", "model_name": "page", "action": "delete"},
        "admin/pages/create/": {"app_label": "initiatives", "model_name": "eventpage"},
        "admin/translation/submit/snippet/": {"app_label": "portal", "model_name": "topic", "pk": w.topic.pk},
        "admin/editing-sessions/": {"app_label": "wagtailcore", "model_name": "page", "object_id": w.event.pk},
        "admin/events/": {"event_id": w.event.pk},
        "admin/registrations/": {"pk": w.registration.pk},
        "admin/financiers/": {"pk": w.financier.pk},
        "admin/documents/": {"pk": w.policy_document.file_id},
        "admin/images/": {"pk": w.image.pk},
        "admin/pages/^": {"pk": w.event.pk},
        "django-admin/^": {"app_label": "auth"},
        "admin/locales/": {"pk": Locale.get_default().pk},
        "admin/forms/": {"page_id": w.event.pk},
        "admin/api/main/^pages/": {"pk": w.event.pk, "action_name": "copy"},
        "admin/api/main/^documents/": {"pk": w.policy_document.file_id},
        "admin/api/main/^images/": {"pk": w.image.pk},
        "django-admin/auth/user/": {"id": w.users["editor"].pk},
        f"{PAGE_ROUTE_PREFIX}portal.PolicyLibraryPage:": {"slug": w.policy_document.slug},
    }


POSITIONAL = {
    "documents/^(\\d+)/(.*)$": lambda w: [w.restricted_document.pk, w.restricted_document.filename],
    "^((?:[\\w\\-]+/)*)$": lambda w: [""],
}
# Patterns whose regex is not a fill-in-the-blanks template.
EXAMPLE_PATHS = {"admin/^.*/$": "admin/no-such-admin-page/"}


def closing_paren(text: str, start: int) -> int:
    depth, i = 0, start
    while i < len(text):
        if text[i] == "\\":
            i += 2
            continue
        if text[i] == "(":
            depth += 1
        elif text[i] == ")":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    raise ValueError(f"unbalanced regex {text!r}")


def fill_regex(regex: str, named: dict, positional: list) -> str:
    out, i, values = [], 0, iter(positional)
    while i < len(regex):
        char = regex[i]
        if char == "\\":
            out.append(regex[i + 1])
            i += 2
        elif char in "^$":
            i += 1
        elif char == "(":
            end = closing_paren(regex, i)
            group_name = re.match(r"\(\?P<(\w+)>", regex[i:])
            out.append(str(named[group_name.group(1)] if group_name else next(values)))
            i = end + 1
        else:
            out.append(char)
            i += 1
    return "".join(out)


def fill(pattern, named: dict, positional: list) -> str:
    text = str(pattern.pattern)
    if isinstance(pattern.pattern, RoutePattern):
        converters = pattern.pattern.converters

        def value(match):
            name = match.group(2)
            converter = converters.get(name)
            return str(converter.to_url(named[name]) if converter else named[name])

        return re.sub(r"<(?:(\w+):)?(\w+)>", value, text)
    return fill_regex(text, named, positional)


def foreign_params(w: SimpleNamespace) -> dict[str, dict]:
    """For rows with a `foreign` column: the same addresses, pointing at someone else's objects."""
    return {
        "members/pledges/": {"pk": w.other_pledge.pk, "document_id": w.other_evidence.pk},
        "members/reports/": {"pk": w.other_report.pk, "document_id": w.other_evidence.pk},
        "financiers/searches/": {"pk": w.other_saved_search.pk},
        "api/v1/me/pledges/": {"pledge_id": w.other_pledge.pk},
        "api/v1/me/reports/": {"report_id": w.other_report.pk},
    }


def url_of(route: Route, w: SimpleNamespace, *, foreign: bool = False) -> str:
    if route.route in EXAMPLE_PATHS:
        return "/" + EXAMPLE_PATHS[route.route]
    named, positional = params_for(route, w, foreign=foreign)
    if route.page_model is not None:
        page = route.page_model.objects.live().first()
        return page.url + fill(route.pattern, named, positional)
    return "/" + "".join(fill(level, named, positional) for level in (*route.parents, route.pattern))


# --- Asking as each role ---------------------------------------------------------------


@dataclass
class Seen:
    outcome: Outcome | None  # None: a server error
    status: int
    detail: str = ""


def classify(response, role: str) -> Seen:
    status = response.status_code
    if status >= 500:
        detail = repr(response.exc_info[1]) if getattr(response, "exc_info", None) else ""
        return Seen(None, status, detail)
    if status in (401, 403):
        return Seen(REFUSED, status)
    if status == 404:
        return Seen(HIDDEN, status)
    if status in (301, 302, 303, 307, 308):
        target = response["Location"]
        if any(path in target for path in LOGIN_PATHS):
            return Seen(LOGIN if role == "anonymous" else REFUSED, status, target)
        refusals = [m for m in get_messages(response.wsgi_request) if "permission" in str(m).lower()]
        # Wagtail's admin says "Sorry, you do not have permission" and sends the user to the admin home.
        if refusals:
            return Seen(REFUSED, status, f"{target} ({refusals[0]})")
        return Seen(ALLOWED, status, target)
    return Seen(ALLOWED, status)


def client_for(user) -> Client:
    client = Client(raise_request_exception=False)
    if user is not None:
        client.force_login(user)
    return client


def session_key(client: Client) -> str:
    cookie = client.cookies.get(settings.SESSION_COOKIE_NAME)
    return cookie.value if cookie else ""


def ask(client: Client, method: str, url: str, role: str, user=None, *, rollback: bool = True) -> Seen:
    session = session_key(client)
    client.cookies.pop("messages", None)  # only this request's messages say whether it was refused
    with transaction.atomic():
        response = getattr(client, method)(url)
        transaction.set_rollback(rollback)
    if user is not None and session_key(client) != session:
        # Signed out: Wagtail's admin sign-out drops the session cookie even on the GET it answers with 405.
        client.force_login(user)
    return classify(response, role)


def agrees(seen: Seen, expected: Outcome, rule: Rule) -> bool:
    if seen.outcome is None:
        return rule.raises and expected == ALLOWED
    if seen.outcome == expected:
        return True
    return rule.dummy and expected == ALLOWED and seen.outcome == HIDDEN


@pytest.fixture
def cache_sessions(settings):
    # Savepoints are rolled back after each request; a database session saved inside one would vanish with it.
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cache"


# What an unsafe request must not change: every row of the models the project's forms and actions write.
WATCHED = (
    "members.MemberCompany",
    "members.Pledge",
    "members.Milestone",
    "members.ProgressReport",
    "members.Representative",
    "initiatives.Registration",
    "initiatives.Financier",
    "initiatives.SavedSearch",
    "initiatives.ExpressionOfInterest",
    "initiatives.FinancierMandate",
    "initiatives.GreenCategory",
    "search.Synonym",
    "portal.PolicyDocument",
    "wagtailcore.Page",
    "wagtailcore.Revision",
    "wagtailcore.WorkflowState",
    "wagtailcore.TaskState",
    "wagtaildocs.Document",
    "auth.User",
)


def state() -> dict[str, list]:
    return {label: list(apps.get_model(label).objects.order_by("pk").values_list()) for label in WATCHED}


def changed(before: dict, after: dict) -> list[str]:
    return [label for label in WATCHED if before[label] != after[label]]


def walk(role: str) -> list[str]:
    """Request every pattern as this role; the disagreements with the table, one line each."""
    world = build_world()
    user = world.users[role]
    client = client_for(user)
    problems = []
    for route in all_routes():
        rule = rule_for(route.route)
        url = url_of(route, world)
        if route.page_model is None and normalised(resolve(url).route) != normalised(route.route):
            problems.append(f"{route.route}: {url} reaches {resolve(url).route} instead")
        seen = ask(client, "get", url, role, user)
        expected = rule.access[role]
        if not agrees(seen, expected, rule):
            problems.append(
                f"{route.route}  GET {url}: expected {expected}, got {seen.outcome} {seen.status} {seen.detail}"
            )
        if rule.post is not None and rule.post[role] != ALLOWED:
            problems += refused_unsafe(client, rule, url, role, user, rule.post[role])
        if rule.foreign is not None:
            problems += someone_elses(client, route, rule, world, role, user)
    return problems


def someone_elses(client: Client, route: Route, rule: Rule, world: SimpleNamespace, role: str, user) -> list[str]:
    """The same address pointing at another company's or financier's object, as the row's `foreign` column says.

    Its unsafe method is sent as every role: whatever the answer, someone else's object must not change.
    """
    url = url_of(route, world, foreign=True)
    problems = []
    post_only = rule.post is not None and rule.access == everyone(ALLOWED)  # every GET is a 405, wherever it points
    if not post_only:
        seen = ask(client, "get", url, role, user)
        if not agrees(seen, rule.foreign[role], rule):
            problems.append(
                f"{route.route}  GET {url} (someone else's): expected {rule.foreign[role]}, "
                f"got {seen.outcome} {seen.status}"
            )
    if rule.post is not None:
        expected = (rule.foreign_post or rule.foreign)[role]
        problems += refused_unsafe(client, rule, url, role, user, expected)
    return problems


def refused_unsafe(client: Client, rule: Rule, url: str, role: str, user, expected: Outcome) -> list[str]:
    """An empty POST (or PUT) from a role the row refuses: refused, and nothing in the database changed."""
    session = session_key(client)
    with transaction.atomic():
        before = state()
        seen = ask(client, rule.method, url, role, rollback=False)
        after = state()
        transaction.set_rollback(True)
    if user is not None and session_key(client) != session:
        client.force_login(user)
    problems = []
    if not agrees(seen, expected, rule):
        problems.append(
            f"{rule.route}  {rule.method.upper()} {url}: expected {expected}, got {seen.outcome} {seen.status}"
        )
    if changed(before, after):
        problems.append(
            f"{rule.route}  {rule.method.upper()} {url} as {role} changed {', '.join(changed(before, after))}"
        )
    return problems


def normalised(route: str) -> str:
    return route.replace("^", "").replace("$", "")


@pytest.mark.parametrize("role", ROLES)
def test_every_url_pattern_answers_each_role_as_the_table_says(role, cache_sessions):
    missing = uncovered([route.route for route in all_routes()])
    assert not missing, "URL patterns without a row in tests/security/role_matrix.py:\n" + "\n".join(missing)
    problems = walk(role)
    assert not problems, f"{len(problems)} disagreements with the table for {role}:\n" + "\n".join(problems)


def test_every_row_decides_some_pattern():
    stale = unused([route.route for route in all_routes()])
    assert not stale, "Rows in tests/security/role_matrix.py that match no URL pattern any more:\n" + "\n".join(stale)


def test_a_pattern_without_a_row_is_reported():
    routes = [route.route for route in all_routes()]
    assert uncovered(routes) == []
    assert uncovered([*routes, "reports/<int:pk>/download/"]) == ["reports/<int:pk>/download/"]
    # A group row covers only what starts with its prefix: a new project admin area needs its own row.
    assert uncovered(["admin/carbon-credits/"]) == ["admin/carbon-credits/"]


def test_the_longest_matching_row_wins():
    group = Rule("admin/things/*", Access(LOGIN, REFUSED, REFUSED, ALLOWED, ALLOWED, ALLOWED))
    exception = Rule("admin/things/delete/<int:pk>/", group.access.but(editor=REFUSED))
    rules = [group, exception]
    assert rule_for("admin/things/", rules) is group
    assert rule_for("admin/things/delete/<int:pk>/", rules) is exception
    assert rule_for("admin/other/", rules) is None


def test_the_walk_tells_a_refusal_from_a_page(cache_sessions, home_page):
    """The classification the table is checked with: a wrong row would be reported, not waved through."""
    anonymous, signed_in = client_for(None), client_for(UserFactory())
    assert ask(anonymous, "get", "/members/", "anonymous").outcome == LOGIN
    assert ask(signed_in, "get", "/members/", "representative").outcome == REFUSED  # not linked to a company
    assert ask(signed_in, "get", "/admin/", "representative").outcome == REFUSED  # sent to sign in again
    assert ask(signed_in, "get", "/", "representative").outcome == ALLOWED
    assert ask(signed_in, "get", "/no-such-page/", "representative").outcome == HIDDEN
    assert not agrees(Seen(LOGIN, 302), ALLOWED, Rule("members/", everyone(ALLOWED)))
    assert not agrees(Seen(HIDDEN, 404), ALLOWED, Rule("members/", everyone(ALLOWED)))
    assert agrees(Seen(HIDDEN, 404), ALLOWED, Rule("members/", everyone(ALLOWED), dummy=True))
    assert not agrees(Seen(None, 500), ALLOWED, Rule("members/", everyone(ALLOWED), dummy=True))


def test_the_unsafe_check_sees_a_change():
    before = state()
    Synonym.objects.create(terms="net zero, carbon neutrality")
    assert changed(before, state()) == ["search.Synonym"]
