"""A company's public pledges and reports as they stood on a date, from the revision history.

Every publication of a reviewed item writes a `PublicChange` holding the
published revision and its date, so the version public on a date is the
revision of the item's latest public change on or before that date. Items
unpublished by staff since then drop out from the day they were unpublished.
The company's own profile has no history and is shown as it is today.
"""

from __future__ import annotations

import datetime

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from wagtail.models import ModelLogEntry

from members.models import AlignmentAssessment, Pledge, ProgressReport, PublicChange


def end_of(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day + datetime.timedelta(days=1), datetime.time.min))


def public_on(company_id, day: datetime.date) -> tuple[list[Pledge], list[ProgressReport], list[PublicChange]]:
    """(pledges, reports, public changes) as the public saw them at the end of `day`."""
    until = end_of(day)
    changes = list(
        PublicChange.objects.filter(company_id=company_id, published_at__lt=until, revision__isnull=False)
        .select_related("revision", "submitted_by")
        .order_by("-published_at", "-pk")
    )
    types = ContentType.objects.get_for_models(Pledge, ProgressReport)
    latest = {}
    for change in changes:
        latest.setdefault((change.content_type_id, change.object_id), change)
    removed = {}
    for content_type_id, object_id, stamp in ModelLogEntry.objects.filter(
        action__in=("wagtail.unpublish", "wagtail.delete"),
        content_type__in=types.values(),
        timestamp__lt=until,
    ).values_list("content_type_id", "object_id", "timestamp"):
        key = (content_type_id, object_id)
        removed[key] = max(stamp, removed.get(key, stamp))
    pledges, reports = [], []
    for key, change in latest.items():
        if key in removed and removed[key] >= change.published_at:
            continue  # unpublished or deleted since its last publication
        content_type_id = key[0]
        obj = change.revision.as_object()
        obj.live = True
        (pledges if content_type_id == types[Pledge].pk else reports).append(obj)
    pledges.sort(key=lambda p: (p.target_year, p.pledge_type, p.pk))
    reports.sort(key=lambda r: r.year)
    return pledges, reports, changes


def assessment_on(company_id, day: datetime.date) -> AlignmentAssessment | None:
    return (
        AlignmentAssessment.objects.filter(company_id=company_id, assessed_at__lt=end_of(day))
        .order_by("-assessed_at", "-pk")
        .first()
    )


def first_publication(company_id) -> datetime.date | None:
    first = PublicChange.objects.filter(company_id=company_id).order_by("published_at").first()
    return timezone.localdate(first.published_at) if first else None
