"""Event pages and the events index: what the public browses, registers for and adds to calendars.

Times are stored as instants (UTC in the database) together with the time zone
the event happens in; editors type wall-clock times at the venue (see
`initiatives.events.forms.EventPageForm`) and visitors see them in the event's zone
and, when it differs, in their own.
"""

import datetime
import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail.snippets.blocks import SnippetChooserBlock

from initiatives.events.forms import EventPageForm
from initiatives.events.models.registrations import Registration
from initiatives.translations import SharedFieldsPage

# Zones an editor can pick; the first is the default. Events run in China
# mostly, with partners and webinar hosts abroad.
TIME_ZONES = [
    ("Asia/Shanghai", _("China Standard Time (Beijing, Shanghai)")),
    ("Asia/Hong_Kong", _("Hong Kong")),
    ("Asia/Singapore", _("Singapore")),
    ("Asia/Tokyo", _("Tokyo")),
    ("Asia/Seoul", _("Seoul")),
    ("Europe/London", _("London")),
    ("Europe/Paris", _("Paris")),
    ("Europe/Berlin", _("Berlin")),
    ("Europe/Brussels", _("Brussels")),
    ("America/New_York", _("New York")),
    ("America/Los_Angeles", _("Los Angeles")),
    ("UTC", _("Coordinated Universal Time (UTC)")),
]
DEFAULT_TIME_ZONE = "Asia/Shanghai"


def default_reminder_hours() -> list[int]:
    return [168, 24]


class EventKind(models.TextChoices):
    OPEN_DAY = "open-day", _("Open-to-public day")
    UNIVERSITY = "university", _("University collaboration")
    SEMINAR = "seminar", _("Educational seminar")
    FORUM = "forum", _("Forum")
    WEBINAR = "webinar", _("Webinar")


class EventLanguage(models.TextChoices):
    CHINESE = "zh", _("Chinese")
    ENGLISH = "en", _("English")
    BILINGUAL = "bilingual", _("Chinese and English")


class Attendance(models.TextChoices):
    """How people take part, derived from venue and online link; a listing filter."""

    IN_PERSON = "in-person", _("In person")
    ONLINE = "online", _("Online")
    HYBRID = "hybrid", _("In person and online")


class Availability(models.TextChoices):
    """What a listing card says of the seats of an event open for registration. It changes only at these
    thresholds, so most registrations leave the cached listing pages alone (`initiatives.events.cache_tags`)."""

    OPEN = "open", _("Seats available")
    FEW = "few", _("Few seats left")
    FULL = "full", _("Fully booked: waitlist open")


# "Few seats left" from this many free seats down, or a tenth of a larger hall.
FEW_SEATS = 5


class RegistrationStatus(models.TextChoices):
    """Whether the registration form takes entries now, and if not, why."""

    NOT_OFFERED = "not-offered", _("No registration needed")
    CANCELLED = "cancelled", _("The event is cancelled")
    ENDED = "ended", _("The event has taken place")
    NOT_YET_OPEN = "not-yet-open", _("Registration has not opened yet")
    CLOSED = "closed", _("Registration is closed")
    OPEN = "open", _("Registration is open")


class AgendaItemBlock(blocks.StructBlock):
    starts = blocks.TimeBlock(label=_("starts"))
    ends = blocks.TimeBlock(label=_("ends"), required=False)
    title = blocks.CharBlock(label=_("title"), max_length=200)
    description = blocks.TextBlock(label=_("description"), required=False)
    speakers = blocks.ListBlock(SnippetChooserBlock("initiatives.Speaker"), label=_("speakers"), default=[])

    class Meta:
        icon = "time"
        label = _("Agenda item")
        template = "initiatives/blocks/agenda_item.html"


class AgendaBlock(blocks.StreamBlock):
    day = blocks.CharBlock(
        label=_("Day heading"), max_length=80, icon="date", template="initiatives/blocks/agenda_day.html"
    )
    item = AgendaItemBlock()


class EventIndexPage(RoutablePageMixin, Page):
    """The events listing: upcoming by default, a past archive, a month calendar and iCal feeds."""

    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    parent_page_types = ["portal.HomePage"]
    subpage_types = ["initiatives.EventPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("events index")

    @path("")
    def index_route(self, request):
        # Imported here: the view module imports this model.
        from initiatives.events.listing import serve_listing

        return serve_listing(self, request)

    # Wagtail page paths allow no dots, so the feeds are "ical/" rather than "feed.ics".
    @path("ical/", name="feed")
    def feed(self, request):
        # Imported here: the view module imports this model.
        from initiatives.events.ical import feed_response

        return feed_response(self, request)

    def events(self):
        return EventPage.objects.live().public().child_of(self).specific()


class EventPage(SharedFieldsPage, RoutablePageMixin, Page):
    kind = models.CharField(_("kind"), max_length=20, choices=EventKind.choices, default=EventKind.SEMINAR)
    introduction = models.TextField(
        _("introduction"), max_length=400, help_text=_("One or two sentences for listings.")
    )
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    description = RichTextField(
        _("description"), blank=True, features=["h2", "h3", "bold", "italic", "link", "ol", "ul"]
    )

    start = models.DateTimeField(_("starts"))
    end = models.DateTimeField(_("ends"))
    time_zone = models.CharField(_("time zone"), max_length=40, choices=TIME_ZONES, default=DEFAULT_TIME_ZONE)
    cancelled = models.BooleanField(
        _("cancelled"), default=False, help_text=_("Keeps the page up, marked as cancelled, and tells calendars.")
    )

    venue_name = models.CharField(_("venue"), max_length=160, blank=True)
    venue_address = models.CharField(_("venue address"), max_length=255, blank=True)
    city = models.CharField(_("city"), max_length=80, blank=True, db_index=True)
    online_url = models.URLField(_("online link"), blank=True, help_text=_("Webinar or livestream address."))

    language = models.CharField(
        _("language"), max_length=10, choices=EventLanguage.choices, default=EventLanguage.CHINESE
    )
    topics = ParentalManyToManyField("portal.Topic", verbose_name=_("topics"), blank=True, related_name="events")

    registration_required = models.BooleanField(
        _("registration through this site"), default=True, help_text=_("Untick for events that are open to all.")
    )
    capacity = models.PositiveIntegerField(
        _("capacity"),
        null=True,
        blank=True,
        help_text=_("Confirmed seats; later registrations join the waitlist. Empty: no limit."),
    )
    registration_opens = models.DateTimeField(
        _("registration opens"), null=True, blank=True, help_text=_("Empty: as soon as the page is published.")
    )
    registration_closes = models.DateTimeField(
        _("registration closes"), null=True, blank=True, help_text=_("Empty: when the event starts.")
    )

    reminder_hours = models.JSONField(
        _("reminders"),
        default=default_reminder_hours,
        blank=True,
        help_text=_("When confirmed people are reminded, before the event starts. None ticked: no reminders."),
    )
    offer_hours = models.PositiveSmallIntegerField(
        _("hours to accept a freed seat"),
        default=24,
        help_text=_(
            "A freed seat is offered to the first person on the waitlist, who has this long to accept it "
            "before it passes to the next. 0: the seat is given at once, without asking."
        ),
    )
    certificate_hours = models.DecimalField(
        _("training hours"),
        max_digits=4,
        decimal_places=1,
        null=True,
        blank=True,
        help_text=_("Hours stated on certificates of attendance. Empty: the length of the event."),
    )

    agenda = StreamField(AgendaBlock(), blank=True, verbose_name=_("agenda"))

    summary = RichTextField(
        _("summary"),
        blank=True,
        features=["h2", "h3", "bold", "italic", "link", "ol", "ul"],
        help_text=_("After the event: what happened."),
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("kind"),
                FieldPanel("introduction"),
                FieldPanel("hero_image"),
                FieldPanel("language"),
                FieldPanel("topics"),
            ],
            heading=_("About"),
        ),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("start"), FieldPanel("end")]), FieldPanel("time_zone"), FieldPanel("cancelled")],
            heading=_("When"),
            help_text=_("Enter times as clocks show them at the venue, in the event's time zone."),
        ),
        MultiFieldPanel(
            [FieldPanel("venue_name"), FieldPanel("venue_address"), FieldPanel("city"), FieldPanel("online_url")],
            heading=_("Where"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("registration_required"),
                FieldPanel("capacity"),
                FieldRowPanel([FieldPanel("registration_opens"), FieldPanel("registration_closes")]),
                FieldPanel("reminder_hours"),
                FieldPanel("offer_hours"),
                FieldPanel("certificate_hours"),
            ],
            heading=_("Registration"),
        ),
        FieldPanel("description"),
        InlinePanel("speaker_links", heading=_("Speakers"), label=_("Speaker")),
        InlinePanel("partners", heading=_("Partner organisations"), label=_("Partner")),
        FieldPanel("agenda"),
        MultiFieldPanel(
            [
                FieldPanel("summary"),
                InlinePanel("materials", heading=_("Materials"), label=_("Document")),
                InlinePanel("photos", heading=_("Photo gallery"), label=_("Photo")),
            ],
            heading=_("After the event"),
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("introduction"),
        index.SearchField("description"),
        index.SearchField("summary"),
        index.SearchField("venue_name"),
        index.FilterField("kind"),
        index.FilterField("start"),
        index.FilterField("city"),
    ]
    parent_page_types = ["initiatives.EventIndexPage"]
    subpage_types = []
    base_form_class = EventPageForm
    # One event whatever the language: edited on the original page and copied to its translations
    # when it is published (see initiatives.translations).
    shared_fields = (
        "kind",
        "start",
        "end",
        "time_zone",
        "cancelled",
        "online_url",
        "registration_required",
        "capacity",
        "registration_opens",
        "registration_closes",
        "reminder_hours",
        "offer_hours",
        "certificate_hours",
    )

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    # --- Routes -----------------------------------------------------------

    @path("")
    def event_route(self, request):
        # Imported here: the view module imports this model.
        from initiatives.events.views import event_page

        return event_page(request, self)

    @path("ical/", name="ics")
    def ics(self, request):
        # Imported here: the view module imports this model.
        from initiatives.events.ical import event_response

        return event_response(self, request)

    @path("register/", name="register")
    def register_route(self, request):
        # Imported here: the view module imports this model.
        from initiatives.events.views import register

        return register(request, self)

    # --- Rules ------------------------------------------------------------

    def clean(self):
        super().clean()
        errors = {}
        if self.start and self.end and self.end <= self.start:
            errors["end"] = _("The event must end after it starts.")
        if self.registration_opens and self.registration_closes and self.registration_closes <= self.registration_opens:
            errors["registration_closes"] = _("Registration must close after it opens.")
        if self.registration_closes and self.end and self.registration_closes > self.end:
            errors["registration_closes"] = _("Registration cannot close after the event has ended.")
        if not (self.venue_name or self.online_url):
            errors["venue_name"] = _("Give a venue, an online link, or both.")
        if self.time_zone:
            try:
                zoneinfo.ZoneInfo(self.time_zone)
            except (zoneinfo.ZoneInfoNotFoundError, ValueError):
                errors["time_zone"] = _("Unknown time zone.")
        if errors:
            raise ValidationError(errors)

    @property
    def source(self) -> "EventPage":
        """The original page (`original`): registrations and seats belong to it, whichever translation is read."""
        return self.original

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.time_zone or DEFAULT_TIME_ZONE)

    @property
    def local_start(self) -> datetime.datetime:
        return self.start.astimezone(self.zone)

    @property
    def local_end(self) -> datetime.datetime:
        return self.end.astimezone(self.zone)

    @property
    def attendance(self) -> str:
        if self.venue_name and self.online_url:
            return Attendance.HYBRID
        return Attendance.ONLINE if self.online_url else Attendance.IN_PERSON

    @property
    def in_zone_of_site(self) -> bool:
        return self.zone.key == settings.TIME_ZONE

    def has_ended(self, now: datetime.datetime | None = None) -> bool:
        return self.end <= (now or timezone.now())

    def registration_status(self, now: datetime.datetime | None = None) -> RegistrationStatus:
        now = now or timezone.now()
        if not self.registration_required:
            return RegistrationStatus.NOT_OFFERED
        if self.cancelled:
            return RegistrationStatus.CANCELLED
        if self.end <= now:
            return RegistrationStatus.ENDED
        if self.registration_opens and now < self.registration_opens:
            return RegistrationStatus.NOT_YET_OPEN
        if now >= (self.registration_closes or self.start):
            return RegistrationStatus.CLOSED
        return RegistrationStatus.OPEN

    def seats_taken(self) -> int:
        """Confirmed seats and seats offered to someone from the waitlist, held until they answer."""
        held = (Registration.Status.CONFIRMED, Registration.Status.OFFERED)
        return self.source.registrations.filter(status__in=held).count()

    @property
    def training_hours(self):
        """The hours a certificate states: set by staff, or the event's length to the half hour."""
        if self.certificate_hours is not None:
            return self.certificate_hours
        return round((self.end - self.start).total_seconds() / 1800) / 2

    def seats_left(self) -> int | None:
        """Free confirmed seats, or None when there is no limit."""
        if self.source.capacity is None:
            return None
        return max(self.source.capacity - self.seats_taken(), 0)

    def availability(self, taken: int | None = None) -> Availability | None:
        """The seats band a listing card shows while registration is open, else None. `taken` (the source's
        `seats_taken()`) spares the query when a listing has counted the seats of all its cards at once."""
        if self.registration_status() != RegistrationStatus.OPEN:
            return None
        capacity = self.capacity  # a shared field, the original's on every translation: no query for the original
        if capacity is None:
            return Availability.OPEN
        left = capacity - (self.seats_taken() if taken is None else taken)
        if left <= 0:
            return Availability.FULL
        if left <= max(FEW_SEATS, capacity // 10):
            return Availability.FEW
        return Availability.OPEN

    def waitlist_length(self) -> int:
        return self.source.registrations.filter(status=Registration.Status.WAITLISTED).count()

    @cached_property
    def speaker_list(self) -> list["EventSpeaker"]:
        """The speakers with their photos' renditions, in three queries however many there are (not two each)."""
        photos = get_image_model().objects.prefetch_renditions()
        links = self.speaker_links.select_related("speaker").prefetch_related(
            models.Prefetch("speaker__photo", queryset=photos)
        )
        return list(links)


class EventSpeaker(Orderable):
    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="speaker_links")
    speaker = models.ForeignKey(
        "initiatives.Speaker", verbose_name=_("speaker"), on_delete=models.CASCADE, related_name="+"
    )
    role = models.CharField(_("role"), max_length=80, blank=True, help_text=_("e.g. Keynote, Moderator, Panellist"))

    panels = [FieldPanel("speaker"), FieldPanel("role")]


class EventPartner(Orderable):
    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="partners")
    name = models.CharField(_("name"), max_length=160)
    url = models.URLField(_("website"), blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [FieldPanel("name"), FieldPanel("url"), FieldPanel("logo")]


class EventMaterial(Orderable):
    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="materials")
    document = models.ForeignKey(
        "wagtaildocs.Document", verbose_name=_("document"), on_delete=models.CASCADE, related_name="+"
    )
    title = models.CharField(_("title"), max_length=200, blank=True, help_text=_("Empty: the document's own title."))

    panels = [FieldPanel("document"), FieldPanel("title")]

    @property
    def label(self) -> str:
        return self.title or self.document.title


class EventPhoto(Orderable):
    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="photos")
    image = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("image"), on_delete=models.CASCADE, related_name="+"
    )
    caption = models.CharField(_("caption"), max_length=250, blank=True)

    panels = [FieldPanel("image"), FieldPanel("caption")]
