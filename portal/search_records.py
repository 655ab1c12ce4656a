"""The site's own pages in site search: standard pages' records, and topics renamed.

Registered with the search app by `register()`, from the portal app's `ready()`.
Above the ground floor (it imports `search`), with the shell.
"""

from django.db.models.signals import post_save

from portal.models.pages import StandardPage
from portal.models.topics import Topic
from search.records import Record, live_pages, page_date, page_record, stream_text
from search.registry import Source, register_source
from search.signal_handlers import changed

# Everything tagged with topics, by the topic's related name: a topic's names are in their records.
TAGGED = ("briefs", "documents", "events")


def standard_record(page: StandardPage) -> Record:
    return page_record(page, summary=page.introduction, body=stream_text(page.body), date=page_date(page))


def topic_changed(sender, instance: Topic, raw: bool = False, **kwargs) -> None:
    """A renamed topic changes the records of everything tagged with it."""
    if raw or instance.pk is None:
        return
    for related in TAGGED:
        for obj in getattr(instance, related).all().only("pk"):
            changed(obj)


def register() -> None:
    register_source(Source("portal.standardpage", live_pages(StandardPage), standard_record))
    post_save.connect(topic_changed, sender=Topic, dispatch_uid="search-topic-save")
