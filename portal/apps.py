from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Portal")

    def ready(self):
        from portal.page_cache import connect_invalidation
        from portal.signal_handlers import register_signal_handlers

        register_signal_handlers()
        connect_invalidation()
