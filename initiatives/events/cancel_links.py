"""Signed cancellation links: the link in every registration email names the registration and cannot be altered."""

from django.core import signing

from initiatives.events.models import Registration

# Unchanged since the links were first sent: a new salt would break every link already in people's mailboxes.
CANCEL_SALT = "initiatives.registration.cancel"


def cancel_token(registration: Registration) -> str:
    return signing.Signer(salt=CANCEL_SALT).sign(str(registration.reference))


def registration_for_token(token: str) -> Registration | None:
    """The registration a cancellation link points at, or None if the link was altered."""
    try:
        reference = signing.Signer(salt=CANCEL_SALT).unsign(token)
    except signing.BadSignature:
        return None
    return Registration.objects.select_related("event").filter(reference=reference).first()
