"""What publishing an event page sets in motion: translations kept in step, seats filled, people told."""

from django.db import transaction
from wagtail.signals import page_published

from initiatives.events import registration
from initiatives.events.models import EventPage, Registration, RegistrationEmail
from initiatives.events.tasks import send_registration_email


def on_event_published(sender, instance: EventPage, **kwargs) -> None:
    if instance.original.pk != instance.pk:
        return
    instance.sync_translations()
    # Staff may have raised the capacity, or cancelled the event: act once the publish is committed.
    transaction.on_commit(lambda: after_publish(instance.pk))


def after_publish(event_id: int) -> None:
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
