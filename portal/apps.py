from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Portal")

    def ready(self):
        # Imported here: these modules load models, which cannot be imported while apps are loading.
        from portal import search_records
        from portal.admin_exports import protect_spreadsheet_exports
        from portal.library import cache_tags as library_cache_tags
        from portal.library import search_records as library_search_records
        from portal.library.signal_handlers import register_signal_handlers
        from portal.page_cache import connect_invalidation
        from portal.uploads import limit_pillow_pixels

        register_signal_handlers()
        # Before search's own ready(), which connects index updates for what is registered.
        library_search_records.register()
        library_cache_tags.register()
        search_records.register()
        connect_invalidation()
        limit_pillow_pixels()
        protect_spreadsheet_exports()
