"""An event's practical details are the original's: publishing it copies them to its translations and to their
search records (the EOD programmes' copy is tested in tests/initiatives/eod/test_catalogue_page.py)."""

import datetime

from django.utils import timezone
from wagtail.models import Locale

from search.models import SearchEntry


def test_a_changed_event_date_reaches_the_chinese_events_search_record(
    event, settings, django_capture_on_commit_callbacks
):
    settings.SEARCH_BACKEND, settings.ELASTICSEARCH_URL = "database", ""
    chinese = Locale.objects.get_or_create(language_code="zh-hans")[0]
    index = event.get_parent()
    index.get_parent().copy_for_translation(chinese).save_revision().publish()
    index.copy_for_translation(chinese).save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        translated = event.copy_for_translation(chinese)
        translated.title = "制造业碳核算研讨会"
        translated.save_revision().publish()
    key = f"initiatives.eventpage:{translated.pk}"
    assert SearchEntry.objects.get(key=key).date == timezone.localdate(event.start)

    moved = event.start + datetime.timedelta(days=30)
    event.start, event.end = moved, moved + datetime.timedelta(hours=3)
    with django_capture_on_commit_callbacks(execute=True):
        event.save_revision().publish()

    translated.refresh_from_db()
    assert translated.start == moved
    # Copied with a queryset update, which sends no save signal: the copy queues the translation's index update.
    assert SearchEntry.objects.get(key=key).date == timezone.localdate(moved)
