from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from members.models import MemberCompany

TRACKER_INDEX = ""


class TrackerSitemap(Sitemap):
    """The pledge tracker and every company page, in each language."""

    i18n = True
    alternates = True
    changefreq = "weekly"

    def items(self):
        return [TRACKER_INDEX, *MemberCompany.objects.order_by("slug").values_list("slug", flat=True)]

    def location(self, slug):
        return reverse("tracker:company", args=[slug]) if slug else reverse("tracker:index")
