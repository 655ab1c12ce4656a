"""Who may reach which URL: the site's role matrix, one row per URL pattern or per named group of them.

The six roles are the ones the design names: the public, a member company's
representative, an approved financier, staff in Wagtail's Editors and
Moderators groups, and a superuser. `tests/security/test_role_matrix.py`
walks every URL pattern of the project (and every sub-route of a routable
page) as every role and compares what happens with this table; a pattern
that no row covers fails that test, so a new URL cannot arrive without
someone deciding who may reach it.

A row's `route` is the pattern's full route as Django prints it (the
English variant of the language-prefixed patterns, which have no prefix), or
a group of them ending in "*". The longest matching row wins, so a group can
hold exceptions. Routable page sub-routes are written
"page:<app_label.Model>:<route>". Groups name one admin area each
("admin/pages/*", "admin/snippets/members/pledge/*"): there is no row for all
of "admin/", so a new admin area of the project needs a row of its own.

Outcomes, as the walk classifies a GET:
- allowed: the view ran for this user (2xx, 304, 405 for a POST-only view,
  or a redirect that is not to a sign-in page nor a refusal);
- login: an anonymous visitor is sent to a sign-in page;
- refused: 401/403, a signed-in user sent to a sign-in page, or Wagtail's
  "no permission" redirect to the admin home;
- hidden: 404 for an object that exists (not the user's, or not shown to them).
Rows for views that change state also say what an empty POST gets; the walk
sends one as every role the row refuses and checks nothing changed.
Rows for a company's or a financier's own objects also say what each role
gets when the address points at someone else's (`foreign`): the walk asks
for that too.
A row marked `dummy` has a parameter the walk cannot point at a real object
(an upload that is gone, a form page the site does not have): there 404 also
counts as allowed, since the permission check passed. A 5xx always fails,
but where it is the view's own answer (`raises`): Wagtail's check of the error
page, and the health check while a service is down.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from django.urls import URLPattern, URLResolver, get_resolver
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import get_page_models

ROLES = ("anonymous", "representative", "financier", "editor", "moderator", "superuser")
PAGE_ROUTE_PREFIX = "page:"


class Outcome(StrEnum):
    ALLOWED = "allowed"
    LOGIN = "login"
    REFUSED = "refused"
    HIDDEN = "hidden"


ALLOWED, LOGIN, REFUSED, HIDDEN = Outcome.ALLOWED, Outcome.LOGIN, Outcome.REFUSED, Outcome.HIDDEN


@dataclass(frozen=True)
class Access:
    """What each role gets."""

    anonymous: Outcome
    representative: Outcome
    financier: Outcome
    editor: Outcome
    moderator: Outcome
    superuser: Outcome

    def __getitem__(self, role: str) -> Outcome:
        return getattr(self, role)

    def but(self, **changes: Outcome) -> Access:
        return Access(**{role: changes.get(role, self[role]) for role in ROLES})


def everyone(outcome: Outcome = ALLOWED) -> Access:
    return Access(*(outcome for _ in ROLES))


# The profiles the rows are made of.
PUBLIC = everyone(ALLOWED)
# The Wagtail admin: anonymous visitors are sent to its sign-in page; representatives and financiers, who have
# no admin access, are sent there too with "You do not have permission to access the admin" (refused).
STAFF = Access(LOGIN, REFUSED, REFUSED, ALLOWED, ALLOWED, ALLOWED)
MODERATORS = STAFF.but(editor=REFUSED)
SUPERUSER = STAFF.but(editor=REFUSED, moderator=REFUSED)
# Django's own admin: is_staff alone lets a user in, and only the superuser has model permissions there.
DJANGO_ADMIN = SUPERUSER
MEMBER_AREA = Access(LOGIN, ALLOWED, REFUSED, REFUSED, REFUSED, REFUSED)
FINANCIER_AREA = Access(LOGIN, REFUSED, ALLOWED, REFUSED, REFUSED, REFUSED)


@dataclass(frozen=True)
class Rule:
    route: str
    access: Access
    why: str = ""
    dummy: bool = False  # a parameter points at nothing real, so 404 counts as allowed
    raises: bool = False  # a 5xx is the view's own answer, not a fault: it counts as reached
    # For views that change state: what an empty POST (or `method`) gets; roles it refuses must change nothing.
    post: Access | None = None
    method: str = "post"
    # For views of one's own objects: what each role gets when the object is another company's or financier's.
    foreign: Access | None = None
    foreign_post: Access | None = None  # when the unsafe method answers otherwise than GET

    @property
    def is_group(self) -> bool:
        return self.route.endswith("*")

    def covers(self, route: str) -> bool:
        return route.startswith(self.route[:-1]) if self.is_group else route == self.route


# --- The table ------------------------------------------------------------------------

# Roles an API call refuses with 401 (anonymous) or 403 (signed in, not a representative).
API_REPRESENTATIVE = MEMBER_AREA.but(anonymous=REFUSED)
# Another company's item, or another financier's saved search, is a 404 for its would-be owner: never revealed.
OTHER_COMPANYS = MEMBER_AREA.but(representative=HIDDEN)
OTHER_COMPANYS_API = API_REPRESENTATIVE.but(representative=HIDDEN)
OTHER_FINANCIERS = FINANCIER_AREA.but(financier=HIDDEN)
POST_ONLY = "POST-only: a GET is answered 405 before any permission check; the POST is what is guarded"

RULES: list[Rule] = [
    # --- The public site -----------------------------------------------------------
    Rule("healthz", PUBLIC, "503 is its answer while a service is down (checked in tests/portal)", raises=True),
    Rule("sitemap.xml", PUBLIC),
    Rule("i18n/setlang/", PUBLIC),
    Rule("search/", PUBLIC),
    Rule("^((?:[\\w\\-]+/)*)$", PUBLIC, "Wagtail's page catch-all: every live page is public"),
    Rule("_util/login/", PUBLIC, "Wagtail's sign-in for private pages and documents"),
    Rule("_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/", PUBLIC, dummy=True),
    Rule("pledges/", PUBLIC),
    Rule("pledges/export.csv", PUBLIC),
    Rule("pledges/export.xlsx", PUBLIC),
    Rule("pledges/export.json", PUBLIC),
    Rule("pledges/<slug:slug>/", PUBLIC),
    Rule("pledges/<slug:slug>/as-of/<str:day>/", PUBLIC, "a company page as it stood on a date, for citing"),
    Rule("pledges/methodology/", PUBLIC),
    Rule("pledges/sectors/<slug:sector>/", PUBLIC),
    Rule("registrations/cancel/<str:token>/", PUBLIC, "the signed link is the permission; only POST cancels"),
    Rule("registrations/ticket/<str:token>/", PUBLIC, "the signed link in the registration emails is the permission"),
    Rule(
        "registrations/ticket/<str:token>/certificate-<str:language>.pdf",
        everyone(REFUSED),
        "the signed link, and only for someone checked in: the walk's registrant was not, so all are refused",
    ),
    Rule("registrations/offer/<str:token>/", PUBLIC, "the signed link is the permission; only POST answers"),
    Rule(
        "registrations/certificate/<str:token>/",
        PUBLIC,
        "anyone may verify a certificate; the walk's registrant has none, so it answers 404",
        dummy=True,
    ),
    Rule("registrations/token/", PUBLIC, "the CSRF token a cached event page's form fetches"),
    Rule("registrations/event/<int:page_id>/", PUBLIC, "anyone may register; a GET goes back to the form", dummy=True),
    Rule("page:portal.PolicyBriefIndexPage:", PUBLIC),
    Rule("page:portal.PolicyBriefIndexPage:feed/rss/", PUBLIC),
    Rule("page:portal.PolicyBriefIndexPage:feed/atom/", PUBLIC),
    Rule("page:portal.PolicyLibraryPage:", PUBLIC),
    Rule("page:portal.PolicyLibraryPage:<slug:slug>/", PUBLIC),
    Rule("page:initiatives.EventIndexPage:", PUBLIC),
    Rule("page:initiatives.EventIndexPage:ical/", PUBLIC),
    Rule("page:initiatives.EventPage:", PUBLIC),
    Rule("page:initiatives.EventPage:ical/", PUBLIC),
    Rule("page:initiatives.EventPage:register/", PUBLIC, "anyone may register; a GET goes back to the form"),
    Rule("page:initiatives.EodCatalogPage:", PUBLIC, "the public side of every programme"),
    Rule(
        "page:initiatives.EodCatalogPage:export/<str:extension>/",
        Access(REFUSED, REFUSED, ALLOWED, ALLOWED, ALLOWED, ALLOWED),
        "exports carry the restricted figures: approved financiers and staff only",
    ),
    # Files: the walk asks for a document in the financiers-only EOD collection.
    Rule(
        "documents/^(\\d+)/(.*)$",
        STAFF.but(financier=ALLOWED),
        "Wagtail's serve view applies the collection's group restriction (Financiers, Editors, Moderators)",
    ),
    Rule("documents/authenticate_with_password/<int:restriction_id>/", PUBLIC, dummy=True),
    # --- Open data API ------------------------------------------------------------------
    Rule("api/v1/", PUBLIC, "the API root has no page of its own", dummy=True),
    Rule("api/v1/openapi.json", PUBLIC),
    Rule("api/v1/docs", PUBLIC),
    Rule("api/v1/companies", PUBLIC),
    Rule("api/v1/companies/<slug>", PUBLIC),
    Rule("api/v1/events", PUBLIC),
    Rule("api/v1/briefs", PUBLIC),
    Rule("api/v1/documents", PUBLIC),
    Rule("api/v1/documents/<slug>", PUBLIC),
    Rule("api/v1/eod/programmes", PUBLIC),
    Rule("api/v1/eod/programmes/<programme_id>", PUBLIC, "the public side only, as on the page"),
    Rule("api/v1/search", PUBLIC),
    Rule("api/v1/me", API_REPRESENTATIVE),
    Rule("api/v1/me/pledges", API_REPRESENTATIVE, "GET lists, POST drafts a new pledge", post=API_REPRESENTATIVE),
    Rule(
        "api/v1/me/pledges/<pledge_id>",
        API_REPRESENTATIVE,
        "GET reads, PUT saves a new version",
        post=API_REPRESENTATIVE,
        method="put",
        foreign=OTHER_COMPANYS_API,
        # The body is validated before the pledge is looked up: an empty one is the same 422 for any id, which
        # reveals nothing (a valid body gets the 404); the walk still checks nothing changed.
        foreign_post=OTHER_COMPANYS_API.but(representative=ALLOWED),
    ),
    Rule(
        "api/v1/me/pledges/<pledge_id>/submit", PUBLIC, POST_ONLY, post=API_REPRESENTATIVE, foreign=OTHER_COMPANYS_API
    ),
    Rule("api/v1/me/reports", API_REPRESENTATIVE, "GET lists, POST drafts a new report", post=API_REPRESENTATIVE),
    Rule(
        "api/v1/me/reports/<report_id>",
        API_REPRESENTATIVE,
        "GET reads, PUT saves a new version",
        post=API_REPRESENTATIVE,
        method="put",
        foreign=OTHER_COMPANYS_API,
        # As for pledges: an empty body is the same 422 for any id.
        foreign_post=OTHER_COMPANYS_API.but(representative=ALLOWED),
    ),
    Rule(
        "api/v1/me/reports/<report_id>/submit", PUBLIC, POST_ONLY, post=API_REPRESENTATIVE, foreign=OTHER_COMPANYS_API
    ),
    # --- Member area: the walk's representative works for the company that owns the pledge and report ---------
    Rule("members/login/", PUBLIC),
    Rule("members/logout/", PUBLIC, "POST-only sign-out"),
    Rule("members/password-reset/", PUBLIC, "asking for a link; every address gets the same answer"),
    Rule("members/password-reset/sent/", PUBLIC),
    Rule("members/password-reset/<uidb64>/<token>/", PUBLIC, "the emailed token is the permission"),
    Rule("members/", MEMBER_AREA),
    Rule("members/pledges/new/", MEMBER_AREA, post=MEMBER_AREA),
    Rule("members/pledges/<int:pk>/", MEMBER_AREA, foreign=OTHER_COMPANYS),
    Rule(
        "members/pledges/<int:pk>/edit/",
        MEMBER_AREA,
        "a pledge in review sends its editor back to it",
        post=MEMBER_AREA,
        foreign=OTHER_COMPANYS,
    ),
    Rule("members/pledges/<int:pk>/submit/", MEMBER_AREA, post=MEMBER_AREA, foreign=OTHER_COMPANYS),
    Rule("members/pledges/<int:pk>/evidence/<int:document_id>/", MEMBER_AREA, foreign=OTHER_COMPANYS),
    Rule("members/reports/new/", MEMBER_AREA, post=MEMBER_AREA),
    Rule("members/reports/<int:pk>/", MEMBER_AREA, foreign=OTHER_COMPANYS),
    Rule("members/reports/<int:pk>/edit/", MEMBER_AREA, post=MEMBER_AREA, foreign=OTHER_COMPANYS),
    Rule("members/reports/<int:pk>/submit/", MEMBER_AREA, post=MEMBER_AREA, foreign=OTHER_COMPANYS),
    Rule("members/reports/<int:pk>/evidence/<int:document_id>/", MEMBER_AREA, foreign=OTHER_COMPANYS),
    # --- Financier area: the walk's financier owns the saved search ---------------------------------------
    Rule("financiers/login/", PUBLIC),
    Rule("financiers/logout/", PUBLIC, "POST-only sign-out"),
    Rule("financiers/password-reset/", PUBLIC, "asking for a link; every address gets the same answer"),
    Rule("financiers/password-reset/sent/", PUBLIC),
    Rule("financiers/password-reset/<uidb64>/<token>/", PUBLIC, "the emailed token is the permission"),
    Rule(
        "financiers/signup/",
        FINANCIER_AREA.but(anonymous=ALLOWED),
        "sign-up is for new visitors; a financier is sent to the dashboard, other accounts are refused",
        post=FINANCIER_AREA.but(anonymous=ALLOWED),
    ),
    Rule("financiers/", FINANCIER_AREA),
    Rule("financiers/mandate/", FINANCIER_AREA, post=FINANCIER_AREA),
    Rule("financiers/matches/", FINANCIER_AREA),
    Rule("financiers/searches/new/", PUBLIC, POST_ONLY, post=FINANCIER_AREA),
    Rule("financiers/searches/<int:pk>/", FINANCIER_AREA, post=FINANCIER_AREA, foreign=OTHER_FINANCIERS),
    Rule("financiers/searches/<int:pk>/delete/", FINANCIER_AREA, post=FINANCIER_AREA, foreign=OTHER_FINANCIERS),
    Rule("financiers/unsubscribe/<str:token>/", PUBLIC, "the signed link is the permission (one-click unsubscribe)"),
    Rule("financiers/interest/<int:programme_id>/", FINANCIER_AREA, post=FINANCIER_AREA),
    # --- Django's admin: superusers only ------------------------------------------------------------------
    Rule("django-admin/*", SUPERUSER),
    Rule("django-admin/login/", PUBLIC),
    Rule("django-admin/logout/", PUBLIC, "POST-only sign-out"),
    Rule("django-admin/autocomplete/", everyone(REFUSED).but(anonymous=LOGIN), "refuses a request without its field"),
    Rule("django-admin/axes/accessattempt/add/", SUPERUSER.but(superuser=REFUSED), "axes' records are read-only"),
    Rule("django-admin/axes/accesslog/add/", SUPERUSER.but(superuser=REFUSED), "axes' records are read-only"),
    Rule("django-admin/axes/accessfailurelog/add/", SUPERUSER.but(superuser=REFUSED), "axes' records are read-only"),
    Rule("django-admin/r/<path:content_type_id>/<path:object_id>/", SUPERUSER, dummy=True),
    Rule("django-admin/(?P<url>.*)$", SUPERUSER, "the admin's own 404 for unknown addresses", dummy=True),
    # --- The Wagtail admin: the project's own views -------------------------------------------------------
    Rule("admin/member-submissions/", MODERATORS, "only the review workflow's groups (Moderators) review members"),
    Rule("admin/representatives/*", MODERATORS, "linking accounts to companies needs the representative permissions"),
    Rule("admin/representatives/new/", MODERATORS, post=MODERATORS),
    Rule("admin/representatives/edit/<int:pk>/", MODERATORS, post=MODERATORS),
    Rule("admin/representatives/delete/<int:pk>/", MODERATORS, post=MODERATORS),
    Rule("admin/events/*", STAFF, "event staff read the check-in lists"),
    Rule("admin/events/<int:event_id>/door/", STAFF, "event staff check people in at the door", post=STAFF),
    Rule("admin/events/<int:event_id>/door/check-in/", STAFF, POST_ONLY, post=STAFF),
    Rule(
        "admin/events/<int:event_id>/follow-up/",
        MODERATORS,
        "moderators email everyone who came or not",
        post=MODERATORS,
    ),
    Rule("admin/registrations/*", MODERATORS, "editors read registrations; moderators correct and cancel them"),
    Rule("admin/registrations/", STAFF),
    Rule("admin/registrations/results/", STAFF),
    Rule("admin/registrations/inspect/<int:pk>/", STAFF),
    Rule("admin/registrations/edit/<int:pk>/", MODERATORS, post=MODERATORS),
    Rule("admin/registrations/cancel/<int:pk>/", MODERATORS, post=MODERATORS),
    Rule("admin/financiers/*", MODERATORS, "financier accounts are for moderators"),
    Rule("admin/financiers/edit/<int:pk>/", MODERATORS, post=MODERATORS),
    Rule("admin/financiers/approve/<int:pk>/", MODERATORS, post=MODERATORS),
    Rule("admin/financiers/reject/<int:pk>/", MODERATORS, post=MODERATORS),
    Rule("admin/financiers/suspend/<int:pk>/", MODERATORS, post=MODERATORS),
    Rule("admin/expressions-of-interest/*", MODERATORS),
    Rule("admin/expressions-of-interest/edit/<int:pk>/", MODERATORS, post=MODERATORS),
    Rule(
        "admin/expressions-of-interest/delete/<int:pk>/",
        SUPERUSER,
        "nobody but a superuser deletes what financiers sent",
    ),
    Rule("admin/saved-searches/*", MODERATORS, "read-only for staff"),
    Rule("admin/saved-searches/history/<int:pk>/", SUPERUSER, "history and usage need more than the view permission"),
    Rule("admin/saved-searches/history-results/<int:pk>/", SUPERUSER),
    Rule("admin/saved-searches/usage/<int:pk>/", SUPERUSER),
    # Snippets of the project's models: Editors prepare, Moderators also publish, unpublish and delete.
    Rule("admin/snippets/members/pledge/*", STAFF),
    Rule("admin/snippets/members/pledge/delete/<int:pk>/", MODERATORS, post=MODERATORS),
    Rule("admin/snippets/members/pledge/unpublish/<int:pk>/", MODERATORS, post=MODERATORS),
    Rule("admin/snippets/members/pledge/history/<int:pk>/revisions/<int:revision_id>/unschedule/", MODERATORS),
    Rule(
        "admin/snippets/members/pledge/workflow/action/<int:pk>/<slug:action_name>/<int:task_state_id>/",
        MODERATORS,
        "approving or sending back a member's change is the review workflow's (Moderators)",
        post=MODERATORS,
    ),
    Rule(
        "admin/snippets/members/pledge/workflow/collect_action_data/<int:pk>/<slug:action_name>/<int:task_state_id>/",
        MODERATORS,
        post=MODERATORS,
    ),
    Rule("admin/snippets/members/progressreport/*", STAFF),
    Rule("admin/snippets/members/progressreport/delete/<int:pk>/", MODERATORS, post=MODERATORS),
    Rule("admin/snippets/members/progressreport/unpublish/<int:pk>/", MODERATORS, post=MODERATORS),
    Rule("admin/snippets/members/progressreport/history/<int:pk>/revisions/<int:revision_id>/unschedule/", MODERATORS),
    Rule(
        "admin/snippets/members/progressreport/workflow/action/<int:pk>/<slug:action_name>/<int:task_state_id>/",
        MODERATORS,
        post=MODERATORS,
    ),
    Rule(
        "admin/snippets/members/progressreport/workflow/collect_action_data/<int:pk>/<slug:action_name>/<int:task_state_id>/",
        MODERATORS,
        post=MODERATORS,
    ),
    Rule("admin/snippets/members/membercompany/*", STAFF),
    Rule("admin/snippets/members/pathway/*", MODERATORS, "pathways change every label: Moderators edit, Editors read"),
    Rule("admin/snippets/members/pathway/", STAFF),
    Rule("admin/snippets/members/pathway/results/", STAFF),
    Rule("admin/snippets/members/pathway/add/", MODERATORS, post=MODERATORS),
    Rule("admin/snippets/members/pathway/edit/<int:pk>/", MODERATORS, post=MODERATORS),
    Rule("admin/snippets/members/pathway/delete/<int:pk>/", MODERATORS, post=MODERATORS),
    Rule("admin/snippets/members/membercompany/delete/<int:pk>/", SUPERUSER),
    Rule("admin/snippets/portal/policydocument/*", STAFF),
    Rule("admin/snippets/portal/policydocument/delete/<int:pk>/", MODERATORS),
    Rule("admin/snippets/portal/policydocument/unpublish/<int:pk>/", MODERATORS),
    Rule("admin/snippets/portal/policydocument/history/<int:pk>/revisions/<int:revision_id>/unschedule/", MODERATORS),
    Rule("admin/snippets/portal/policydocument/reextract/<int:pk>/", STAFF, POST_ONLY, post=STAFF),
    Rule("admin/snippets/portal/topic/*", SUPERUSER, "no staff group holds the topic permissions"),
    Rule("admin/snippets/initiatives/speaker/*", STAFF),
    Rule("admin/snippets/initiatives/speaker/delete/<int:pk>/", SUPERUSER),
    Rule("admin/snippets/search/synonym/*", MODERATORS, "synonyms change every search: Moderators edit, Editors read"),
    Rule("admin/snippets/search/synonym/", STAFF),
    Rule("admin/snippets/search/synonym/results/", STAFF),
    Rule("admin/snippets/search/synonym/add/", MODERATORS, post=MODERATORS),
    Rule("admin/snippets/search/synonym/edit/<int:pk>/", MODERATORS, post=MODERATORS),
    Rule("admin/snippets/search/synonym/delete/<int:pk>/", MODERATORS, post=MODERATORS),
    Rule(
        "admin/snippets/initiatives/greencategory/*",
        MODERATORS,
        "green catalogue categories tag every programme: Moderators keep them, Editors read them",
    ),
    Rule("admin/snippets/initiatives/greencategory/", STAFF),
    Rule("admin/snippets/initiatives/greencategory/results/", STAFF),
    Rule("admin/snippets/initiatives/greencategory/add/", MODERATORS, post=MODERATORS),
    Rule("admin/snippets/initiatives/greencategory/edit/<int:pk>/", MODERATORS, post=MODERATORS),
    Rule("admin/snippets/initiatives/greencategory/delete/<int:pk>/", MODERATORS, post=MODERATORS),
    Rule("admin/snippets/choose/members/membercompany/*", STAFF),
    Rule("admin/snippets/choose/members/pledge/*", STAFF),
    Rule("admin/snippets/choose/members/progressreport/*", STAFF),
    Rule("admin/snippets/choose/portal/policydocument/*", STAFF),
    Rule("admin/snippets/choose/portal/topic/*", STAFF),
    Rule("admin/snippets/choose/portal/topic/create/", SUPERUSER),
    Rule("admin/snippets/choose/initiatives/speaker/*", STAFF),
    Rule("admin/snippets/choose/initiatives/greencategory/*", STAFF),
    Rule("admin/snippets/choose/initiatives/greencategory/create/", MODERATORS),
    Rule("admin/snippets/choose/search/synonym/*", STAFF),
    Rule("admin/snippets/choose/members/pathway/*", STAFF),
    Rule("admin/snippets/choose/members/pathway/create/", MODERATORS),
    Rule("admin/snippets/choose/search/synonym/create/", MODERATORS),
    # --- The Wagtail admin: Wagtail's own areas, as its permissions and the groups' grants make them ----------
    Rule("admin/", STAFF),
    Rule("admin/login/", PUBLIC),
    Rule("admin/logout/", STAFF, "POST-only sign-out"),
    Rule("admin/password_reset/*", PUBLIC),
    Rule("admin/sprite/", PUBLIC),
    Rule("admin/jsi18n/", PUBLIC),
    Rule("admin/^.*/$", STAFF, "the admin's own 404 for unknown addresses", dummy=True),
    Rule("admin/test404/", STAFF),
    Rule("admin/failwhale/", STAFF, "Wagtail's check of the server-error page raises on purpose", raises=True),
    Rule("admin/account/", STAFF),
    Rule("admin/dismissibles/", STAFF),
    Rule("admin/editing-sessions/*", STAFF, POST_ONLY),
    Rule("admin/block-preview/", STAFF, "needs a block to preview", dummy=True),
    Rule("admin/api/main/*", STAFF),
    Rule("admin/api/main/^pages/find/", STAFF, "needs a query", dummy=True),
    Rule("admin/api/main/^documents/find/", STAFF, "needs a query", dummy=True),
    Rule("admin/api/main/^images/find/", STAFF, "needs a query", dummy=True),
    Rule("admin/bulk/<str:app_label>/<str:model_name>/<str:action>/", STAFF, "needs the chosen ids", dummy=True),
    Rule("admin/pages/*", STAFF),
    Rule("admin/pages/<int:page_id>/delete/", MODERATORS),
    Rule("admin/pages/<int:page_id>/unpublish/", MODERATORS),
    Rule("admin/pages/<int:page_to_move_id>/move/", MODERATORS),
    Rule("admin/pages/<int:page_id>/privacy/", MODERATORS),
    Rule("admin/pages/<int:page_id>/revisions/<int:revision_id>/unschedule/", MODERATORS),
    Rule("admin/pages/<int:page_id>/convert_alias/", STAFF, "the page is not an alias", dummy=True),
    Rule(
        "admin/pages/workflow/action/<int:page_id>/<slug:action_name>/<int:task_state_id>/",
        STAFF,
        "no page is in moderation",
        dummy=True,
    ),
    Rule(
        "admin/pages/workflow/collect_action_data/<int:page_id>/<slug:action_name>/<int:task_state_id>/",
        STAFF,
        "no page is in moderation",
        dummy=True,
    ),
    Rule(
        "admin/pages/<int:page_id>/workflow_history/detail/<int:workflow_state_id>/",
        STAFF,
        "no page is in moderation",
        dummy=True,
    ),
    Rule("admin/choose-page/*", STAFF),
    Rule("admin/choose-external-link/", STAFF),
    Rule("admin/choose-email-link/", STAFF),
    Rule("admin/choose-phone-link/", STAFF),
    Rule("admin/choose-anchor-link/", STAFF),
    Rule("admin/tag-autocomplete/*", STAFF),
    Rule("admin/documents/*", STAFF, "Editors and Moderators hold document permissions on the root collection"),
    Rule("admin/images/*", STAFF, "Editors and Moderators hold image permissions on the root collection"),
    Rule("admin/images/<int:image_id>/generate_url/", STAFF, "dynamic image URLs are not served", dummy=True),
    Rule("admin/images/<int:image_id>/generate_url/output/", STAFF, "dynamic image URLs are not served", dummy=True),
    Rule("admin/embeds/*", STAFF),
    Rule("admin/snippets/", STAFF),
    Rule("admin/reports/*", STAFF),
    Rule("admin/reports/locked/", MODERATORS, "needs the unlock permission"),
    Rule("admin/reports/locked/results/", MODERATORS),
    Rule("admin/forms/*", STAFF, "the site has no form pages", dummy=True),
    Rule("admin/forms/submissions/<int:page_id>/delete/", everyone(REFUSED).but(anonymous=LOGIN), "not a form page"),
    Rule("admin/collections/*", SUPERUSER, "no staff group manages collections"),
    Rule("admin/collections/<int:pk>/delete/", STAFF.but(editor=HIDDEN, moderator=HIDDEN)),
    Rule("admin/workflows/*", SUPERUSER, "no staff group manages workflows"),
    Rule("admin/workflows/enable/<int:pk>/", STAFF, POST_ONLY),
    Rule("admin/workflows/remove/<int:page_pk>/", STAFF, POST_ONLY),
    Rule("admin/workflows/remove/<int:page_pk>/<int:workflow_pk>/", STAFF, POST_ONLY),
    Rule("admin/workflows/tasks/enable/<int:pk>/", STAFF, POST_ONLY),
    Rule("admin/workflows/task_chooser/*", STAFF),
    Rule("admin/redirects/*", SUPERUSER),
    Rule("admin/settings/*", SUPERUSER, "site settings: superusers only"),
    Rule("admin/settings/<slug:app_name>/<slug:model_name>/<int:pk>/preview/", SUPERUSER, dummy=True),
    Rule("admin/translation/*", SUPERUSER),
    Rule("admin/translation/submit/snippet/<slug:app_label>/<slug:model_name>/<str:pk>/", SUPERUSER, dummy=True),
    Rule("admin/locales/*", SUPERUSER),
    Rule("admin/sites/*", SUPERUSER),
    Rule("admin/users/*", SUPERUSER),
    Rule("admin/groups/*", SUPERUSER),
]


# --- Finding the patterns and their rows --------------------------------------------


@dataclass(frozen=True)
class Route:
    """One URL pattern: its full route, its name, the pattern and the resolvers above it."""

    route: str
    name: str | None
    pattern: URLPattern
    parents: tuple = field(default=(), compare=False)
    page_model: type | None = None  # for a routable page's sub-route


def url_routes(patterns=None, parents: tuple = (), namespace: str | None = None) -> list[Route]:
    """Every URL pattern below the root resolver (English variant for the language-prefixed ones)."""
    if patterns is None:
        patterns = get_resolver().url_patterns
    routes = []
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = ":".join(filter(None, (namespace, pattern.namespace))) or None
            routes += url_routes(pattern.url_patterns, (*parents, pattern), inner)
        else:
            route = "".join(str(parent.pattern) for parent in parents) + str(pattern.pattern)
            name = f"{namespace}:{pattern.name}" if namespace and pattern.name else pattern.name
            routes.append(Route(route, name, pattern, parents))
    return routes


def page_routes() -> list[Route]:
    """The sub-routes of every routable page model, which Wagtail's catch-all hands to the page."""
    routes = []
    for model in get_page_models():
        if issubclass(model, RoutablePageMixin) and not model._meta.abstract:
            for pattern in model.get_subpage_urls():
                route = f"{PAGE_ROUTE_PREFIX}{model._meta.label}:{pattern.pattern}"
                routes.append(Route(route, pattern.name, pattern, page_model=model))
    return routes


def all_routes() -> list[Route]:
    return url_routes() + page_routes()


def rule_for(route: str, rules: list[Rule] = RULES) -> Rule | None:
    """The row that decides this route: an exact row, else the longest group that holds it."""
    matching = [rule for rule in rules if rule.covers(route)]
    exact = [rule for rule in matching if not rule.is_group]
    if exact:
        return exact[0]
    return max(matching, key=lambda rule: len(rule.route), default=None)


def uncovered(routes: list[str], rules: list[Rule] = RULES) -> list[str]:
    """Routes no row decides: each needs a row before the walk can pass."""
    return [route for route in routes if rule_for(route, rules) is None]


def unused(routes: list[str], rules: list[Rule] = RULES) -> list[str]:
    """Rows that decide nothing (a pattern renamed or removed): stale rows would hide the real table."""
    return [rule.route for rule in rules if not any(rule.covers(route) for route in routes)]
