"""Pages whose practical facts are set once, on the original page, and copied to its translations.

An event's times and seats and an EOD programme's figures and contacts are
the same whatever the language. Editors set them on the original
(default-locale) page, where the form offers them; on a translation they are
shown but disabled. Publishing the original copies them to every
translation, to the live row and to the latest revision, so a translator's
next edit starts from the right values instead of bringing back old ones.
The copy is a queryset update, which sends no save signal, so each
translation's search record is queued for an update here too.
"""

from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from search.records import key_for
from search.signal_handlers import enqueue

COPIED_HELP = _("Set on the original page; copied here when it is published.")


class SharedFieldsPage:
    """A mixin for page models: `shared_fields` are edited on the original and copied to its translations."""

    shared_fields: tuple[str, ...] = ()

    @cached_property
    def original(self):
        """The default-locale page: its shared facts hold for every translation."""
        default = Locale.get_default()
        if self.locale_id == default.pk:
            return self
        original = type(self).objects.filter(translation_key=self.translation_key, locale=default).first()
        if original is None:
            return self
        # The original is its own: asking it again (seats, shared facts) costs no second locale query.
        original.original = original
        return original

    def sync_translations(self) -> None:
        """Copy the shared fields to every translation and queue the translations' search records."""
        model = type(self)
        values = {name: getattr(self, name) for name in self.shared_fields}
        serialised = {key: value for key, value in self.serializable_data().items() if key in self.shared_fields}
        for translation in model.objects.filter(translation_key=self.translation_key).exclude(pk=self.pk):
            model.objects.filter(pk=translation.pk).update(**values)
            revision = translation.latest_revision
            if revision is not None:
                revision.content.update(serialised)
                revision.save(update_fields=["content"])
            enqueue(key_for(translation._meta.label_lower, translation.pk))


def sync_when_original_published(sender, instance: SharedFieldsPage, **kwargs) -> None:
    """A `page_published` receiver: publishing the original updates its translations."""
    if instance.original.pk == instance.pk:
        instance.sync_translations()


class SharedFieldsFormMixin:
    """For the admin form of a `SharedFieldsPage`: on a translation, the shared fields are read-only."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        page = self.instance
        if page.pk and page.original.pk != page.pk:
            for name in page.shared_fields:
                if name in self.fields:
                    self.fields[name].disabled = True
                    self.fields[name].help_text = COPIED_HELP
