"""Tickets: the signed links in registration emails and the QR code scanned at the door.

Like the cancellation links (`cancel_links`), each link signs the
registration's unguessable reference with a salt of its own, so a link for
one purpose cannot be turned into another. The QR code holds the ticket code
signed with the ticket salt: a code altered or made up is refused at the door
before any lookup. Staff may also type the bare code printed under the QR
code; it is ten random characters (50 bits), found only by exact match.
"""

import io

import segno
from django.core import signing
from django.urls import reverse

from initiatives.events.models import Registration
from initiatives.events.models.registrations import TICKET_ALPHABET, TICKET_CODE_LENGTH, normalise_ticket_code
from portal.mail import site_url

# Never change these: a new salt breaks every link and ticket already sent.
TICKET_PAGE_SALT = "initiatives.registration.ticket-page"
OFFER_SALT = "initiatives.registration.offer"
CERTIFICATE_SALT = "initiatives.registration.certificate"
QR_SALT = "initiatives.registration.check-in"


def signed_reference(registration: Registration, salt: str) -> str:
    return signing.Signer(salt=salt).sign(str(registration.reference))


def _registration(token: str, salt: str) -> Registration | None:
    try:
        reference = signing.Signer(salt=salt).unsign(token)
    except signing.BadSignature:
        return None
    return Registration.objects.select_related("event").filter(reference=reference).first()


def ticket_token(registration: Registration) -> str:
    return signed_reference(registration, TICKET_PAGE_SALT)


def ticket_url(registration: Registration) -> str:
    return site_url(reverse("initiatives:ticket", args=[ticket_token(registration)]))


def registration_for_ticket(token: str) -> Registration | None:
    return _registration(token, TICKET_PAGE_SALT)


def offer_url(registration: Registration) -> str:
    return site_url(reverse("initiatives:offer", args=[signed_reference(registration, OFFER_SALT)]))


def registration_for_offer(token: str) -> Registration | None:
    return _registration(token, OFFER_SALT)


def verification_path(registration: Registration) -> str:
    return reverse("initiatives:verify_certificate", args=[signed_reference(registration, CERTIFICATE_SALT)])


def verification_url(registration: Registration) -> str:
    return site_url(verification_path(registration))


def registration_for_certificate(token: str) -> Registration | None:
    return _registration(token, CERTIFICATE_SALT)


# --- The code at the door --------------------------------------------------------------


def qr_payload(registration: Registration) -> str:
    return signing.Signer(salt=QR_SALT).sign(registration.ticket_code)


def ticket_code_from(scanned_or_typed: str) -> str | None:
    """The ticket code a scan or a typed entry stands for, or None if it cannot be one of ours.

    A scan carries a signature: a forged or altered one is refused. A typed
    code must have the form of one.
    """
    text = scanned_or_typed.strip()
    if ":" in text:
        try:
            return signing.Signer(salt=QR_SALT).unsign(text)
        except signing.BadSignature:
            return None
    code = normalise_ticket_code(text)
    if len(code) != TICKET_CODE_LENGTH or any(character not in TICKET_ALPHABET for character in code):
        return None
    return code


def _qr(registration: Registration) -> segno.QRCode:
    return segno.make(qr_payload(registration), error="m", micro=False)


def qr_svg(registration: Registration) -> str:
    """The ticket's QR code as inline SVG, for the ticket page."""
    return _qr(registration).svg_inline(scale=6, border=4, dark="#111", light="#fff")


def qr_png(registration: Registration) -> bytes:
    """The ticket's QR code as PNG, attached to emails (mail programs do not show inline SVG)."""
    buffer = io.BytesIO()
    _qr(registration).save(buffer, kind="png", scale=8, border=4)
    return buffer.getvalue()
