from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InitiativesConfig(AppConfig):
    name = "initiatives"
    verbose_name = _("Initiatives")

    def ready(self):
        # Imported here: signal handlers import the models, which load only once the app registry is ready.
        from initiatives.eod import search_records as eod_search_records
        from initiatives.eod.signal_handlers import register_signal_handlers as register_eod
        from initiatives.events import cache_tags as events_cache_tags
        from initiatives.events import search_records as events_search_records
        from initiatives.events.signal_handlers import register_signal_handlers as register_events
        from initiatives.financiers import mandates

        register_events()
        register_eod()
        events_cache_tags.register()
        # What search indexes, registered before search's own ready() connects its index updates.
        events_search_records.register()
        eod_search_records.register()
        # How the EOD pages find a financier's mandate, without importing the financier app.
        mandates.register()
