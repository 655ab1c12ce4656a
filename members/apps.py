from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from portal.home_panels import register_home_panel


class MembersConfig(AppConfig):
    name = "members"
    verbose_name = _("Members")

    def ready(self):
        # Imported here: these modules load models, which cannot be imported while apps are loading.
        from members import cache_tags
        from members.home import showcase_context
        from members.signal_handlers import register_signal_handlers

        register_signal_handlers()
        cache_tags.register()
        register_home_panel("members", "members/home_showcase.html", showcase_context)
