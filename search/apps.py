from django.apps import AppConfig
from django.db import connections
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _ensure_fulltext_index(sender, using: str = "default", **kwargs) -> None:
    # On SQLite a migration that alters SearchEntry rebuilds its table, which drops the index's triggers.
    from search.backends import fulltext  # imports models: not before the app registry is ready

    fulltext.install(connections[using])


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Search")

    def ready(self) -> None:
        from search import cache_tags, signal_handlers  # connect to models: not before the app registry is ready

        # The content apps, listed before search in INSTALLED_APPS, have registered their sources by now.
        signal_handlers.connect()
        cache_tags.register()
        post_migrate.connect(_ensure_fulltext_index, sender=self)
