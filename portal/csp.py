"""Content-Security-Policy for the whole site, by django-csp.

Public pages get `CONTENT_SECURITY_POLICY` from the settings: scripts and
styles from the site's own static files only, no inline code and no nonces,
so a page kept in a shared cache carries a policy that is still right for the
next visitor. Wagtail's and Django's admins write inline scripts and styles
of their own, so paths under `CSP_ADMIN_PATH_PREFIXES` get the relaxed
`CSP_ADMIN_DIRECTIVES` instead, which still keeps plugins, foreign framing,
foreign forms and a foreign <base> out.

Documents keep the policy Wagtail's serve view gives them (`default-src
'none'`); one sent as an attachment also gets `sandbox`, so even a browser
that rendered a downloaded HTML file would run nothing in the site's origin.
"""

from csp.constants import HEADER
from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.http import HttpRequest, HttpResponseBase


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    def get_policy_parts(
        self, request: HttpRequest, response: HttpResponseBase, report_only: bool = False
    ) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        # A view's own policy (django-csp's decorators) wins over the admin default.
        if not report_only and parts.config is None and is_admin_path(request.path_info):
            parts.config = {"default-src": ["'self'"], **settings.CSP_ADMIN_DIRECTIVES}
        return parts

    def process_response(self, request: HttpRequest, response: HttpResponseBase) -> HttpResponseBase:
        response = super().process_response(request, response)
        if is_document_download(request, response):
            response[HEADER] = f"{response[HEADER]}; sandbox"
        return response


def is_admin_path(path: str) -> bool:
    return path.startswith(tuple(settings.CSP_ADMIN_PATH_PREFIXES))


def is_document_download(request: HttpRequest, response: HttpResponseBase) -> bool:
    """A file from Wagtail's document view, sent to be saved rather than shown.

    PDFs are shown inline (`WAGTAILDOCS_INLINE_CONTENT_TYPES`) and keep
    Wagtail's policy alone: Chromium refuses to open a PDF in a sandbox.
    """
    return (
        request.resolver_match is not None
        and request.resolver_match.view_name == "wagtaildocs_serve"
        and response.get("Content-Disposition", "").startswith("attachment")
        and "sandbox" not in response.get(HEADER, "sandbox")
    )
