"""The home page's member companies panel: how many there are, and up to twelve of their logos."""

from django.db.models import Prefetch
from django.http import HttpRequest
from wagtail.images import get_image_model

from members.cache_tags import TRACKER
from members.models import MemberCompany
from portal import page_cache


def showcase_context(request: HttpRequest) -> dict:
    page_cache.depends_on(request, TRACKER)
    members = MemberCompany.objects.order_by("name_en")
    # Logos with their renditions in two queries, rather than a cache round trip per logo.
    logos = get_image_model().objects.prefetch_renditions()
    return {
        "member_count": members.count(),
        "featured_members": members.exclude(logo=None).prefetch_related(Prefetch("logo", queryset=logos))[:12],
    }
