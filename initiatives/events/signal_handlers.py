"""What publishing an event page sets in motion: translations kept in step, seats filled, people told."""

from django.db import transaction
from wagtail.signals import page_published

from initiatives import registration
from initiatives.forms import SHARED_FIELDS
from initiatives.models import EventPage, Registration, RegistrationEmail


def sync_translations(event: EventPage) -> None:
    """Copy the original's practical details (times, capacity, status...) to its translations.

    Both the live row and the latest revision are updated, so a translator's
    next edit starts from the right values instead of bringing back old ones.
    """
    values = {name: getattr(event, name) for name in SHARED_FIELDS}
    serialised = {name: value for name, value in event.serializable_data().items() if name in SHARED_FIELDS}
    translations = EventPage.objects.filter(translation_key=event.translation_key).exclude(pk=event.pk)
    for translation in translations:
        EventPage.objects.filter(pk=translation.pk).update(**values)
        revision = translation.latest_revision
        if revision is not None:
            revision.content.update(serialised)
            revision.save(update_fields=["content"])


def on_event_published(sender, instance: EventPage, **kwargs) -> None:
    if instance.source.pk != instance.pk:
        return
    sync_translations(instance)
    # Staff may have raised the capacity, or cancelled the event: act once the publish is committed.
    transaction.on_commit(lambda: after_publish(instance.pk))


def after_publish(event_id: int) -> None:
    from initiatives.tasks import send_registration_email

    event = EventPage.objects.get(pk=event_id)
    if event.cancelled:
        # Only people not yet told: publishing a cancelled event again must not requeue everyone.
        untold = event.registrations.exclude(status=Registration.Status.CANCELLED).exclude(
            emails__kind=RegistrationEmail.Kind.EVENT_CANCELLED
        )
        for registration_id in untold.values_list("pk", flat=True):
            send_registration_email.delay(registration_id, RegistrationEmail.Kind.EVENT_CANCELLED)
    else:
        registration.fill_vacancies(event)


def register_signal_handlers() -> None:
    page_published.connect(on_event_published, sender=EventPage, dispatch_uid="initiatives-event-published")
