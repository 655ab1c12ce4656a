"""Saved catalogue searches and their email alerts.

A saved search keeps the catalogue's canonical query string. When it is
saved, the programmes it matches are recorded as already known, so alerts
report only what is new. Every morning beat runs `queue_saved_search_alerts`; each
due search (daily ones every day, weekly ones on Mondays, approved and active
financiers only) is checked on its own:

1. Under a lock on the saved search, it is checked again that it is due, the
   search is run (`initiatives.eod.catalogue.matching_programme_ids`) and every
   matching programme whose current version (its `last_published_at`) was
   not reported to this search before is recorded as an `AlertItem` of one
   new `AlertDigest`. Items are unique per (search, programme, version): a
   programme comes back only once it has been published anew.
2. After that transaction commits, a task sends the digest. It claims the
   digest (pending → sent) in the transaction that sends, so a repeat or a
   redelivered task sends nothing more; a failed send rolls back and retries.

Every digest carries a signed one-click unsubscribe link (and the
List-Unsubscribe headers) that turns the search's alerts off, no login needed.
"""

import datetime
import logging
from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.models import Locale

from initiatives.eod import catalogue
from initiatives.eod.matching import match_programme
from initiatives.eod.models import EodProgrammePage
from initiatives.financiers import emails, mandates
from initiatives.financiers.models import AlertDigest, AlertItem, Financier, SavedSearch
from portal import mail
from portal.i18n import page_in
from portal.mail import page_url, site_url

logger = logging.getLogger(__name__)

Frequency = SavedSearch.Frequency

UNSUBSCRIBE_SALT = "initiatives.financiers.unsubscribe"
# A financier keeps at most this many saved searches.
MAX_SAVED_SEARCHES = 50
# A digest still pending after this long lost its task (a crash between commit and enqueue): queue it again.
STALE_DIGEST = datetime.timedelta(minutes=30)


class SaveRefused(Exception):
    """A saved search the rules do not allow; the message is for the financier."""


# --- Names ---------------------------------------------------------------------------


def default_name(querystring: str) -> str:
    labels = catalogue.describe(querystring)
    name = "; ".join(str(label) for label in labels) if labels else _("All EOD programmes")
    return name if len(name) <= 120 else name[:119] + "…"


# --- Which programmes a search reports ------------------------------------------------------


# For a page made live without ever being published through Wagtail (no publication time at all).
NEVER = datetime.datetime(1970, 1, 1, tzinfo=datetime.UTC)


def version_of(page: EodProgrammePage) -> datetime.datetime:
    """When this version of the programme was published: a new publication is a new version."""
    return page.last_published_at or page.first_published_at or page.latest_revision_created_at or NEVER


@dataclass
class Match:
    programme: EodProgrammePage  # the original-language page: items are recorded against it
    version: datetime.datetime


def current_matches(saved_search: SavedSearch) -> list[Match]:
    """Live programmes the search matches now, once each, in the order the search gives.

    The search is run in every site language (a Chinese query finds the
    Chinese pages) and each hit counts for its programme: items are recorded
    against the original-language page. A programme's version is the latest
    publication of any of its language versions, so publishing a translation
    anew is news too.
    """
    hits: list[int] = []
    for language, _name in settings.LANGUAGES:
        hits += catalogue.matching_programme_ids(saved_search.querystring, language)
    key_of = dict(EodProgrammePage.objects.live().filter(pk__in=hits).values_list("pk", "translation_key"))
    return matches_for(list(dict.fromkeys(key_of[pk] for pk in hits if pk in key_of)))


def matches_for(keys: list) -> list[Match]:
    """One match per programme (given by translation key, in that order), with its version now."""
    versions = defaultdict(list)
    for page in EodProgrammePage.objects.live().filter(translation_key__in=keys).order_by("pk"):
        versions[page.translation_key].append(page)
    default_locale_id = Locale.get_default().pk
    matches = []
    for key in keys:
        pages = versions.get(key)
        if not pages:
            continue
        original = next((page for page in pages if page.locale_id == default_locale_id), pages[0])
        matches.append(Match(original, max(version_of(page) for page in pages)))
    return matches


def unreported(saved_search: SavedSearch, matches: list[Match]) -> list[Match]:
    known = set(AlertItem.objects.filter(saved_search=saved_search).values_list("programme_id", "programme_version"))
    return [match for match in matches if (match.programme.pk, match.version) not in known]


def record_baseline(saved_search: SavedSearch) -> int:
    """Remember what the search matches now, so that its alerts start with what is new."""
    items = [
        AlertItem(saved_search=saved_search, programme=match.programme, programme_version=match.version)
        for match in unreported(saved_search, current_matches(saved_search))
    ]
    AlertItem.objects.bulk_create(items, ignore_conflicts=True)
    return len(items)


# --- Saving, changing and unsubscribing ------------------------------------------------------------


def save_search(financier: Financier, querystring: str, *, name: str = "", frequency: str = Frequency.WEEKLY):
    """A new saved search from a canonical query string (the caller validated it with the catalogue's form)."""
    name = " ".join(name.split()) or default_name(querystring)
    with transaction.atomic():
        Financier.objects.select_for_update().get(pk=financier.pk)  # one save at a time per financier
        searches = SavedSearch.objects.filter(financier=financier)
        existing = searches.filter(querystring=querystring).first()
        if existing is not None:
            raise SaveRefused(_("You have already saved this search as “%(name)s”.") % {"name": existing.name})
        if searches.count() >= MAX_SAVED_SEARCHES:
            raise SaveRefused(
                _("You can keep up to %(count)s saved searches. Delete one you no longer need first.")
                % {"count": MAX_SAVED_SEARCHES}
            )
        saved_search = SavedSearch.objects.create(
            financier=financier, name=name, querystring=querystring, frequency=frequency, last_run_at=timezone.now()
        )
        record_baseline(saved_search)
    return saved_search


def unsubscribe_token(saved_search: SavedSearch) -> str:
    return signing.Signer(salt=UNSUBSCRIBE_SALT).sign(f"{saved_search.pk}.{saved_search.financier_id}")


def _unsigned(token: str) -> tuple[int, int] | None:
    try:
        value = signing.Signer(salt=UNSUBSCRIBE_SALT).unsign(token)
        pk, financier_id = (int(part) for part in value.split("."))
    except (signing.BadSignature, ValueError):
        return None
    return pk, financier_id


def token_is_genuine(token: str) -> bool:
    """Whether an unsubscribe link is one we made (its search may have been deleted since)."""
    return _unsigned(token) is not None


def search_for_token(token: str) -> SavedSearch | None:
    """The saved search an unsubscribe link points at, or None if the link was altered or the search is gone."""
    ids = _unsigned(token)
    if ids is None:
        return None
    pk, financier_id = ids
    return SavedSearch.objects.select_related("financier").filter(pk=pk, financier_id=financier_id).first()


def unsubscribe(saved_search: SavedSearch) -> bool:
    """Switch the search's alerts off; False if they were off already."""
    return bool(
        SavedSearch.objects.filter(pk=saved_search.pk).exclude(frequency=Frequency.OFF).update(frequency=Frequency.OFF)
    )


# --- When alerts are due ------------------------------------------------------------------------


def period_start(frequency: str, now: datetime.datetime) -> datetime.datetime:
    """The start of the current day (daily) or week from Monday (weekly), in the site's time zone."""
    local = timezone.localtime(now)
    day = local.replace(hour=0, minute=0, second=0, microsecond=0)
    if frequency == Frequency.WEEKLY:
        return day - datetime.timedelta(days=local.weekday())
    return day


def is_due(saved_search: SavedSearch, now: datetime.datetime) -> bool:
    if saved_search.frequency == Frequency.OFF or not saved_search.financier.is_approved:
        return False
    last = saved_search.last_run_at
    return last is None or last < period_start(saved_search.frequency, now)


def due_searches(now: datetime.datetime):
    """Saved searches of approved, active financiers that have not been checked this day (or week)."""
    searches = SavedSearch.objects.filter(financier__status=Financier.Status.APPROVED, financier__user__is_active=True)
    due = Q()
    for frequency in (Frequency.DAILY, Frequency.WEEKLY):
        start = period_start(frequency, now)
        due |= Q(frequency=frequency) & (Q(last_run_at__isnull=True) | Q(last_run_at__lt=start))
    return list(searches.filter(due).order_by("pk").values_list("pk", flat=True))


def stale_digests(now: datetime.datetime) -> list[int]:
    pending = AlertDigest.objects.filter(outcome=AlertDigest.Outcome.PENDING, created_at__lt=now - STALE_DIGEST)
    return list(pending.values_list("pk", flat=True))


def check_search(saved_search_id: int, now: datetime.datetime | None = None) -> AlertDigest | None:
    """Record what is new for one saved search in a digest, which the caller queues. None if nothing is due or new."""
    now = now or timezone.now()
    with transaction.atomic():
        saved_search = (
            SavedSearch.objects.select_for_update(of=("self",))
            .select_related("financier__user")
            .filter(pk=saved_search_id)
            .first()
        )
        if saved_search is None or not is_due(saved_search, now):
            return None  # gone, switched off, or another run got there first
        new = unreported(saved_search, current_matches(saved_search))
        digest = None
        if new:
            digest = AlertDigest.objects.create(saved_search=saved_search)
            AlertItem.objects.bulk_create(
                [
                    AlertItem(
                        saved_search=saved_search,
                        programme=match.programme,
                        programme_version=match.version,
                        digest=digest,
                    )
                    for match in new
                ]
            )
        saved_search.last_run_at = now
        saved_search.save(update_fields=["last_run_at"])
    return digest


# --- The digest email ------------------------------------------------------------------------------


def digest_entries(digest: AlertDigest, language: str) -> list[dict]:
    items = list(digest.items.select_related("programme").order_by("pk"))
    earlier = set(
        AlertItem.objects.filter(
            saved_search_id=digest.saved_search_id, programme__in=[item.programme_id for item in items]
        )
        .exclude(digest=digest)
        .values_list("programme_id", flat=True)
    )
    entries = []
    # How each programme fits the financier's mandate, as on the catalogue (None without a mandate).
    mandate = mandates.mandate_of(digest.saved_search.financier)
    with translation.override(language):
        for item in items:
            page = page_in(item.programme, language)
            result = match_programme(page, mandate)
            entries.append(
                {
                    "title": page.title,
                    "code": page.code,
                    "place": ", ".join(part for part in (page.city, page.get_province_display()) if part),
                    "stage": page.get_stage_display(),
                    "gap": page.financing_gap,
                    "url": page_url(page),
                    "updated": item.programme_id in earlier,
                    "match": result.summary if result else "",
                }
            )
    return entries


def build_digest(digest: AlertDigest):
    saved_search = digest.saved_search
    financier = saved_search.financier
    language = financier.language
    with translation.override(language):
        unsubscribe_url = site_url(reverse("financiers:unsubscribe", args=[unsubscribe_token(saved_search)]))
        search_url = catalogue.catalogue_url(saved_search.querystring)
        context = {
            "financier": financier,
            "saved_search": saved_search,
            "filters": [str(label) for label in catalogue.describe(saved_search.querystring)],
            "entries": digest_entries(digest, language),
            "search_url": site_url(search_url) if search_url else "",
            "unsubscribe_url": unsubscribe_url,
            "subject_params": {"name": saved_search.name},
        }
    headers = {"List-Unsubscribe": f"<{unsubscribe_url}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}
    return emails.build("financier_alert", context, financier.user.email, language, headers=headers)


def send_digest(digest_id: int) -> bool:
    """Send one digest, once. True if it went out now."""
    digest = AlertDigest.objects.select_related("saved_search__financier__user").filter(pk=digest_id).first()
    if digest is None or digest.outcome != AlertDigest.Outcome.PENDING:
        return False
    saved_search = digest.saved_search
    if saved_search.frequency == Frequency.OFF or not saved_search.financier.is_approved:
        AlertDigest.objects.filter(pk=digest.pk, outcome=AlertDigest.Outcome.PENDING).update(
            outcome=AlertDigest.Outcome.SKIPPED
        )
        logger.info("Alert digest %s not sent: alerts are off or the financier is not approved", digest.pk)
        return False
    message = build_digest(digest)

    def claim() -> bool:
        pending = AlertDigest.objects.filter(pk=digest.pk, outcome=AlertDigest.Outcome.PENDING)
        return pending.update(outcome=AlertDigest.Outcome.SENT, sent_at=timezone.now()) == 1

    return mail.send_once(claim, [message], label=f"alert digest {digest.pk}")
