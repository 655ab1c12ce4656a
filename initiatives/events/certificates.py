"""Certificates of attendance: a one-page PDF in English or Chinese for each person checked in.

reportlab sets Latin text in Helvetica and Chinese in its built-in CID font
STSong-Light, which every PDF reader supplies: no font file is shipped or
downloaded. The certificate names its verification address (also as a QR
code), where anyone can confirm it was issued.
"""

import io

import segno
from django.utils import translation
from django.utils.translation import gettext as _
from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

from initiatives.events import times
from initiatives.events.models import Registration
from initiatives.events.tickets import verification_url
from portal.i18n import page_in

CHINESE_FONT = "STSong-Light"
LATIN_FONT, LATIN_BOLD = "Helvetica", "Helvetica-Bold"
LANGUAGES = ("en", "zh-hans")
TEAL = HexColor("#007d7e")

pdfmetrics.registerFont(UnicodeCIDFont(CHINESE_FONT))


class NoCertificate(Exception):
    """This registration has no certificate; the message says why, for the person asking."""


def has_chinese(text: str) -> bool:
    return any(ord(character) >= 0x2E80 for character in text)


def certificate_facts(registration: Registration, language: str) -> dict:
    """What a certificate states, in `language`: also what the verification page shows."""
    event = registration.event
    with translation.override(language):
        page = page_in(event, language)
        start, end = event.local_start, event.local_end
        dates = times.day(start) if start.date() == end.date() else f"{times.day(start)} – {times.day(end)}"
        return {
            "name": registration.name,
            "organisation": registration.organisation,
            "event": page.title,
            "dates": dates,
            "place": ", ".join(part for part in (page.venue_name, page.city) if part) or _("Online"),
            "hours": event.training_hours,
        }


def check_attended(registration: Registration) -> None:
    if not registration.event.has_ended():
        raise NoCertificate(_("Certificates of attendance are ready once the event has ended."))
    if not registration.attended or registration.status != Registration.Status.CONFIRMED:
        raise NoCertificate(
            _(
                "There is no certificate for this registration: certificates are for people checked in at the "
                "event, and we have no check-in for it. If you came, please contact the secretariat."
            )
        )


def certificate_pdf(registration: Registration, language: str) -> bytes:
    """The certificate as PDF bytes. Raises NoCertificate for someone who did not attend."""
    check_attended(registration)
    facts = certificate_facts(registration, language)
    chinese = language != "en"
    width, height = landscape(A4)
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=(width, height))
    with translation.override(language):
        pdf.setTitle(_("Certificate of attendance") + f": {facts['name']}")
        pdf.setAuthor(_("Low-Carbon Manufacturers Association secretariat"))

        def line(text: str, y: float, size: float, *, bold: bool = False, colour=None) -> None:
            font = CHINESE_FONT if chinese or has_chinese(text) else (LATIN_BOLD if bold else LATIN_FONT)
            while size > 8 and pdf.stringWidth(text, font, size) > width - 120:  # a long title shrinks to fit
                size -= 1
            pdf.setFont(font, size)
            pdf.setFillColor(colour or HexColor("#111111"))
            pdf.drawCentredString(width / 2, y, text)

        pdf.setStrokeColor(TEAL)
        pdf.setLineWidth(3)
        pdf.rect(28, 28, width - 56, height - 56)
        line(_("Low-Carbon Manufacturers Association"), height - 90, 14, colour=TEAL)
        line(_("Certificate of attendance"), height - 150, 32, bold=True)
        line(_("This is to certify that"), height - 200, 14)
        line(facts["name"], height - 245, 28, bold=True)
        if facts["organisation"]:
            line(facts["organisation"], height - 272, 13)
        line(_("attended"), height - 310, 14)
        line(facts["event"], height - 345, 20, bold=True)
        separator = "，" if chinese else " · "  # STSong-Light has no middle dot
        line(f"{facts['dates']}{separator}{facts['place']}", height - 375, 12)
        line(_("Training hours: %(hours)s") % {"hours": facts["hours"]}, height - 405, 13)
        address = verification_url(registration)
        line(_("Check this certificate at:"), 80, 9)
        line(address, 66, 8)
        qr = io.BytesIO()
        segno.make(address, error="m").save(qr, kind="png", scale=3, border=1)
        qr.seek(0)
        pdf.drawImage(ImageReader(qr), width - 150, 50, width=90, height=90)
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()
