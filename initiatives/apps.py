from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InitiativesConfig(AppConfig):
    name = "initiatives"
    verbose_name = _("Initiatives")

    def ready(self):
        # Imported here: signal handlers import the models, which load only once the app registry is ready.
        from initiatives.eod.signal_handlers import register_signal_handlers as register_eod
        from initiatives.events.signal_handlers import register_signal_handlers as register_events

        register_events()
        register_eod()
