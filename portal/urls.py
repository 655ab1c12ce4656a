from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.contrib import admin
from django.contrib.staticfiles.urls import staticfiles_urlpatterns
from django.urls import include, path
from django.views.i18n import set_language
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.admin.auth import require_admin_access
from wagtail.contrib.sitemaps import Sitemap as PageSitemap
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from api import api
from members.tracker.sitemaps import TrackerSitemap
from portal import views

SITEMAPS = {"pages": PageSitemap, "tracker": TrackerSitemap}

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("django-admin/", admin.site.urls),
    # Before Wagtail's own, which it replaces (same address, name and admin-only guard).
    path("admin/logout/", require_admin_access(views.AdminLogoutView.as_view()), name="wagtailadmin_logout"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("i18n/setlang/", set_language, name="set_language"),
    # The open data API: one address for every language (`lang` or Accept-Language chooses).
    path("api/v1/", api.urls),
]


def media_urlpatterns() -> list:
    """Uploaded images, served straight from disk on a development server.

    Not documents: those go through Wagtail's serve view (`/documents/`),
    which applies collection privacy (restricted EOD files, members'
    evidence). Production's proxy must serve the same folders only.
    """
    patterns = []
    for folder in PUBLIC_MEDIA_FOLDERS:
        patterns += static(f"{settings.MEDIA_URL}{folder}/", document_root=settings.MEDIA_ROOT / folder)
    return patterns


PUBLIC_MEDIA_FOLDERS = ("images", "original_images")

if settings.DEBUG:
    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += media_urlpatterns()

# English pages live at /, Chinese ones under /zh-hans/; Wagtail's catch-all comes last.
urlpatterns += i18n_patterns(
    path("members/", include("members.area.urls")),
    path("financiers/", include("initiatives.financiers.urls")),
    path("pledges/", include("members.tracker.urls")),
    path("registrations/", include("initiatives.events.urls")),
    path("search/", include("search.urls")),
    # Before Wagtail's own, which it replaces (same address and name).
    path("_util/login/", views.SignInView.as_view(), name="wagtailcore_login"),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

handler500 = "portal.views.server_error"
