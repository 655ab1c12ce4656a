"""The API object: its routers, its documentation, and how refusals read."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest
from ninja import NinjaAPI, Swagger

from api import companies, eod, events, library, pledge_drafts, report_drafts, search

DESCRIPTION = """
Read-only open data of the association's portal: member companies and their approved pledges and progress,
events, policy briefs and the policy-document library (metadata), the public side of the EOD programme catalogue,
and site search. Representatives of member companies also read and submit their own company's pledge drafts.

* **Filters and pagination** are those of the matching web page (`/pledges/`, `/events/`, `/briefs/`, `/library/`,
  `/eod/`, `/search/`), with the same parameter names and the same default page size; `page_size` goes up to 50.
  Every list answers `count`, `page`, `page_size`, `pages` and `results`.
* **Bad parameters** get a 422 whose `detail` says what is wrong, with the web page's own message.
* **Language**: `lang=en` (the default) or `lang=zh-hans`; labels, names, translated pages and addresses follow it.
  `Accept-Language` is not read, so one address always gives one answer.
* **Representatives** sign in at `/members/login/`; the API uses that session (cookie). Writes need the CSRF token
  of the `csrftoken` cookie (set by `GET /api/v1/me`) in an `X-CSRFToken` header.
"""

api = NinjaAPI(
    title="Low-Carbon Manufacturers Association open data API",
    version="1",
    description=DESCRIPTION,
    urls_namespace="api-v1",
    openapi_url="/openapi.json",
    docs_url="/docs",
    docs=Swagger(settings={"persistAuthorization": False}),
)

for module in (companies, events, library, eod, search, pledge_drafts, report_drafts):
    api.add_router("", module.router)


@api.exception_handler(PermissionDenied)
def refused(request: HttpRequest, exc: PermissionDenied):
    return api.create_response(request, {"detail": str(exc) or "Forbidden"}, status=403)


@api.exception_handler(ValidationError)
def conflict(request: HttpRequest, exc: ValidationError):
    """A rule of the review flow said no (already waiting for review, nothing to submit): the state conflicts."""
    return api.create_response(request, {"detail": " ".join(exc.messages)}, status=409)
