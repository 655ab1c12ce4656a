"""What publishing an EOD programme sets in motion: its translations take the original's figures and contacts."""

from wagtail.signals import page_published

from initiatives.eod.models import EodProgrammePage
from initiatives.translations import sync_when_original_published


def register_signal_handlers() -> None:
    page_published.connect(
        sync_when_original_published, sender=EodProgrammePage, dispatch_uid="initiatives-eod-programme-published"
    )
