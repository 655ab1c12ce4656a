"""EOD programme pages: environmental projects bundled with the industry whose proceeds help pay for them.

A programme is public in outline (what, where, how big, how much is still to
be financed) and restricted in detail (contacts, costs, returns, risks,
confidential documents): `RESTRICTED_FIELDS` names the restricted side in one
place, and the page's template only renders it when the visitor passes
`initiatives.eod.access.can_see_restricted`. Amounts are CNY million throughout.
"""

from decimal import Decimal
from itertools import pairwise

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from initiatives.eod.access import can_see_restricted
from initiatives.eod.choices import EnvironmentalKind, EodSector, Instrument, OutcomeUnit, ProgrammeStage
from initiatives.eod.forms import EodProgrammePageForm
from initiatives.eod.matching import mandate_for_user, match_programme
from initiatives.translations import SharedFieldsPage
from members.models import Province

ZERO = Decimal(0)


# The restricted side of a programme, in one place. The page template shows
# these only when `show_restricted` is true; tests check the HTML for them.
# The secured amount is not among them: the financing gap is public (the
# catalogue filters by it), and secured is sought minus the gap.
RESTRICTED_FIELDS = (
    "contact_name",
    "contact_role",
    "contact_email",
    "contact_phone",
    "irr",
    "payback_years",
    "risks",
)
RESTRICTED_COMPONENT_FIELDS = ("cost", "annual_revenue")

# Created by migration 0005 with a view restriction for financiers and staff.
RESTRICTED_DOCUMENTS_COLLECTION = "EOD programme documents (financiers only)"

ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV", 5: "V"}

# The stage timeline, in the order the stages come.
TIMELINE_FIELDS = ("planning_date", "approval_date", "implementation_date", "evaluation_date")


def validate_sectors(value) -> None:
    _validate_choice_list(value, EodSector)


def validate_instruments(value) -> None:
    _validate_choice_list(value, Instrument)


def _validate_choice_list(value, choices: type[models.TextChoices]) -> None:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ValidationError(_("Expected a list of choices."), code="invalid")
    unknown = sorted(set(value) - set(choices.values))
    if unknown:
        raise ValidationError(
            _("Unknown choice: %(values)s."), code="invalid_choice", params={"values": ", ".join(unknown)}
        )


def _amount(verbose_name, **kwargs) -> models.DecimalField:
    kwargs.setdefault("help_text", _("CNY million"))
    return models.DecimalField(
        verbose_name, max_digits=12, decimal_places=2, validators=[MinValueValidator(ZERO)], **kwargs
    )


def _green_category() -> models.ForeignKey:
    return models.ForeignKey(
        "initiatives.GreenCategory",
        verbose_name=_("green catalogue category"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The category of China's green finance catalogues the project falls under. Empty: not classified."),
    )


def _labels(values: list[str], choices: type[models.TextChoices]) -> list[str]:
    """Labels in the order of the choices, whatever order they were stored in."""
    return [label for value, label in choices.choices if value in (values or [])]


class EodProgrammePage(SharedFieldsPage, Page):
    code = models.CharField(
        _("programme code"),
        max_length=40,
        db_index=True,
        help_text=_("Unique reference, e.g. EOD-GD-2024-03. Translations keep the code of their original."),
    )
    province = models.CharField(_("province"), max_length=2, choices=Province.choices, db_index=True)
    city = models.CharField(_("city or county"), max_length=80)
    lead_agency = models.CharField(_("lead government agency"), max_length=200)
    implementing_entity = models.CharField(_("implementing entity"), max_length=200)
    stage = models.CharField(
        _("stage"), max_length=20, choices=ProgrammeStage.choices, default=ProgrammeStage.CONCEPT, db_index=True
    )
    sectors = models.JSONField(
        _("industrial sectors"),
        default=list,
        validators=[validate_sectors],
        help_text=_("Industries whose proceeds feed back to the conservation work."),
    )
    summary = models.TextField(
        pgettext_lazy("EOD programme", "summary"),
        max_length=300,
        help_text=_("Public. Two or three sentences for the catalogue."),
    )
    description = RichTextField(
        _("description"), blank=True, features=["h2", "h3", "bold", "italic", "link", "ol", "ul"]
    )
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    total_investment = _amount(_("total investment"))
    financing_sought = _amount(_("financing sought"), help_text=_("CNY million from banks, funds and social capital."))
    financing_secured = _amount(_("financing secured"), default=ZERO, help_text=_("CNY million committed so far."))
    instruments = models.JSONField(
        _("financing instruments"), default=list, blank=True, validators=[validate_instruments]
    )
    proceeds_share = models.DecimalField(
        _("share of proceeds to conservation"),
        max_digits=5,
        decimal_places=2,
        validators=[MinValueValidator(ZERO), MaxValueValidator(Decimal(100))],
        help_text=_("Percent of the industrial proceeds fed back to the environmental work."),
    )
    irr = models.DecimalField(
        _("internal rate of return"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(-100)), MaxValueValidator(Decimal(100))],
        help_text=_("Percent, may be negative. Financiers only."),
    )
    payback_years = models.DecimalField(
        _("payback period"),
        max_digits=4,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0.1"))],
        help_text=_("Years. Financiers only."),
    )
    risks = RichTextField(
        _("risks and mitigation"), blank=True, features=["bold", "italic", "ol", "ul"], help_text=_("Financiers only.")
    )

    contact_name = models.CharField(_("contact name"), max_length=120, blank=True)
    contact_role = models.CharField(_("contact role"), max_length=160, blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)

    notice_url = models.URLField(
        _("notice listing the programme"),
        blank=True,
        help_text=_("The address of the provincial or national notice that listed the programme. Empty: unknown."),
    )
    # The stage timeline: the day each stage began (or is planned to begin). Empty: unknown.
    planning_date = models.DateField(_("planning"), null=True, blank=True)
    approval_date = models.DateField(_("approval"), null=True, blank=True)
    implementation_date = models.DateField(_("implementation"), null=True, blank=True)
    evaluation_date = models.DateField(_("evaluation"), null=True, blank=True)

    latitude = models.DecimalField(
        _("latitude"),
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(-90)), MaxValueValidator(Decimal(90))],
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(-180)), MaxValueValidator(Decimal(180))],
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("code"), FieldPanel("stage")]),
                FieldRowPanel([FieldPanel("province"), FieldPanel("city")]),
                FieldPanel("lead_agency"),
                FieldPanel("implementing_entity"),
                FieldPanel("sectors"),
                FieldPanel("summary"),
                FieldPanel("hero_image"),
            ],
            heading=pgettext_lazy("EOD programme", "Programme"),
        ),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldPanel("notice_url"),
                FieldRowPanel([FieldPanel(name) for name in TIMELINE_FIELDS]),
            ],
            heading=_("Notice and timeline"),
            help_text=_("The day each stage began or is planned to begin. Leave empty what is not known."),
        ),
        MultiFieldPanel(
            [
                FieldPanel("total_investment"),
                FieldRowPanel([FieldPanel("financing_sought"), FieldPanel("financing_secured")]),
                FieldPanel("instruments"),
                FieldRowPanel([FieldPanel("proceeds_share"), FieldPanel("irr"), FieldPanel("payback_years")]),
                FieldPanel("risks"),
            ],
            heading=_("Financing"),
            help_text=_("Amounts in CNY million. Secured amount, returns and risks are shown to financiers only."),
        ),
        InlinePanel("environmental_components", heading=_("Environmental projects"), label=_("Project")),
        InlinePanel("industrial_components", heading=_("Industrial projects"), label=_("Project")),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("contact_name"), FieldPanel("contact_role")]),
                FieldRowPanel([FieldPanel("contact_email"), FieldPanel("contact_phone")]),
            ],
            heading=_("Contact (financiers only)"),
        ),
        FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")], heading=_("Map location")),
        InlinePanel("documents", heading=_("Documents"), label=_("Document")),
        InlinePanel("images", heading=pgettext_lazy("EOD programme", "Photo gallery"), label=_("Photo")),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("code"),
        index.SearchField("summary"),
        index.SearchField("description"),
        index.SearchField("city"),
        index.SearchField("lead_agency"),
        index.FilterField("province"),
        index.FilterField("stage"),
    ]
    parent_page_types = ["initiatives.EodCatalogPage"]
    subpage_types = []
    base_form_class = EodProgrammePageForm
    # One programme whatever the language: edited on the original page and copied to its translations
    # when it is published (see initiatives.translations). Project rows are per language.
    shared_fields = (
        "code",
        "province",
        "stage",
        "sectors",
        "total_investment",
        "financing_sought",
        "financing_secured",
        "instruments",
        "proceeds_share",
        "irr",
        "payback_years",
        "contact_name",
        "contact_role",
        "contact_email",
        "contact_phone",
        "latitude",
        "longitude",
        "hero_image",
        "notice_url",
        *TIMELINE_FIELDS,
    )
    template = "initiatives/eod/programme_page.html"

    class Meta:
        verbose_name = _("EOD programme")
        verbose_name_plural = _("EOD programmes")

    def get_admin_display_title(self):
        return f"{self.code} · {self.draft_title or self.title} ({self.get_province_display()}, {self.get_stage_display()})"

    # --- Rules ------------------------------------------------------------

    def clean(self):
        super().clean()
        errors = {}
        total, sought, secured = self.total_investment, self.financing_sought, self.financing_secured
        if sought is not None and total is not None and sought > total:
            errors["financing_sought"] = _("Financing sought cannot exceed the total investment.")
        if secured is not None and sought is not None and secured > sought:
            errors["financing_secured"] = _("Financing secured cannot exceed the financing sought.")
        if (self.latitude is None) != (self.longitude is None):
            field = "longitude" if self.longitude is None else "latitude"
            errors[field] = _("Give both latitude and longitude, or neither.")
        if self.code and self._code_taken():
            errors["code"] = _("Another programme already uses this code.")
        dated = [(name, getattr(self, name)) for name in TIMELINE_FIELDS if getattr(self, name)]
        for (_earlier, before), (name, after) in pairwise(dated):
            if after < before:
                errors[name] = _("A stage cannot begin before the stage that comes before it.")
        if errors:
            raise ValidationError(errors)

    def _code_taken(self) -> bool:
        # Unique per programme rather than per row: a Chinese translation is
        # its own page row carrying its original's code.
        others = EodProgrammePage.objects.filter(code=self.code)
        if self.translation_key:
            others = others.exclude(translation_key=self.translation_key)
        return others.exclude(pk=self.pk).exists()

    # --- Facts ------------------------------------------------------------

    @property
    def financing_gap(self) -> Decimal:
        return max((self.financing_sought or ZERO) - (self.financing_secured or ZERO), ZERO)

    @property
    def secured_percent(self) -> int:
        if not self.financing_sought:
            return 0
        return round(100 * (self.financing_secured or ZERO) / self.financing_sought)

    def sector_labels(self) -> list[str]:
        return _labels(self.sectors, EodSector)

    def instrument_labels(self) -> list[str]:
        return _labels(self.instruments, Instrument)

    def green_categories(self) -> list:
        """The catalogue categories its projects are tagged with, once each, in the catalogues' order."""
        components = [*self.environmental_components.all(), *self.industrial_components.all()]
        found = {c.green_category.pk: c.green_category for c in components if c.green_category_id}
        return sorted(found.values(), key=lambda category: (category.edition, category.code))

    def timeline(self) -> list[dict]:
        """The four stages with their dates (None: unknown), in order."""
        return [
            {
                "name": name.removesuffix("_date"),
                "label": self._meta.get_field(name).verbose_name,
                "date": getattr(self, name),
            }
            for name in TIMELINE_FIELDS
        ]

    def components_cost(self) -> Decimal:
        """The saved components' costs; the admin form checks the costs being edited (see EodProgrammePageForm)."""
        environmental = sum((c.cost for c in self.environmental_components.all()), ZERO)
        return environmental + sum((c.cost for c in self.industrial_components.all()), ZERO)

    def public_facts(self) -> dict:
        """What anyone may read about the programme: the catalogue, exports and structured data use this."""
        return {
            "title": self.title,
            "code": self.code,
            "province": self.province,
            "city": self.city,
            "lead_agency": self.lead_agency,
            "implementing_entity": self.implementing_entity,
            "stage": self.stage,
            "sectors": list(self.sectors or []),
            "summary": self.summary,
            "total_investment": self.total_investment,
            "financing_sought": self.financing_sought,
            "financing_secured": self.financing_secured,
            "financing_gap": self.financing_gap,
            "instruments": list(self.instruments or []),
            "proceeds_share": self.proceeds_share,
            "latitude": self.latitude,
            "longitude": self.longitude,
            "environmental_components": [
                {"name": c.name, "kind": c.kind, "outcome": c.outcome_display}
                for c in self.environmental_components.all()
            ],
            "industrial_components": [{"name": c.name, "sector": c.sector} for c in self.industrial_components.all()],
            "green_categories": [
                {"edition": c.edition, "code": c.code, "name_en": c.name_en, "name_zh": c.name_zh}
                for c in self.green_categories()
            ],
            "notice_url": self.notice_url or None,
            "timeline": {item["name"]: item["date"] for item in self.timeline()},
        }

    def restricted_facts(self) -> dict:
        """The financier-only side, for views that have checked `can_see_restricted`."""
        facts = {name: getattr(self, name) for name in RESTRICTED_FIELDS}
        facts["component_costs"] = [
            {"name": c.name, **{name: getattr(c, name, None) for name in RESTRICTED_COMPONENT_FIELDS}}
            for c in [*self.environmental_components.all(), *self.industrial_components.all()]
        ]
        return facts

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        documents = list(self.documents.select_related("document__collection"))
        context.update(
            # The one switch the template reads before showing anything in RESTRICTED_FIELDS.
            show_restricted=can_see_restricted(request.user),
            # How the programme fits a signed-in financier's mandate; None for everyone else.
            match=match_programme(self, mandate_for_user(request.user)),
            public_documents=[d for d in documents if not d.restricted],
            restricted_documents=[d for d in documents if d.restricted],
        )
        return context

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        # What the page shows depends on who is signed in: no shared cache may keep a financier's copy.
        patch_vary_headers(response, ["Cookie"])
        if request.user.is_authenticated:
            patch_cache_control(response, private=True)
        return response


class EodEnvironmentalComponent(Orderable):
    page = ParentalKey(EodProgrammePage, on_delete=models.CASCADE, related_name="environmental_components")
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=30, choices=EnvironmentalKind.choices)
    cost = _amount(_("cost"), help_text=_("CNY million. Financiers only."))
    outcome_value = models.DecimalField(
        _("expected outcome"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(ZERO)],
    )
    outcome_unit = models.CharField(_("outcome unit"), max_length=20, choices=OutcomeUnit.choices, blank=True)
    outcome_note = models.CharField(_("outcome note"), max_length=200, blank=True)
    green_category = _green_category()

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("kind")]),
        FieldRowPanel([FieldPanel("cost"), FieldPanel("green_category")]),
        FieldRowPanel([FieldPanel("outcome_value"), FieldPanel("outcome_unit")]),
        FieldPanel("outcome_note"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("environmental project")
        verbose_name_plural = _("environmental projects")

    def clean(self):
        super().clean()
        value, unit = self.outcome_value, self.outcome_unit
        if (value is None) != (not unit):
            field = "outcome_unit" if value is not None else "outcome_value"
            raise ValidationError({field: _("Give the outcome with its unit, or neither.")})
        if unit == OutcomeUnit.WATER_CLASS and (value != value.to_integral_value() or not 1 <= value <= 5):
            raise ValidationError({"outcome_value": _("A water-quality class is a whole number from 1 (I) to 5 (V).")})

    @property
    def outcome_display(self) -> str:
        if self.outcome_value is None or not self.outcome_unit:
            return ""
        if self.outcome_unit == OutcomeUnit.WATER_CLASS:
            return _("Water-quality class %(class)s") % {"class": ROMAN.get(int(self.outcome_value), "")}
        value = (
            self.outcome_value.normalize()
            if self.outcome_value == self.outcome_value.to_integral()
            else self.outcome_value
        )
        return f"{value:,f} {self.get_outcome_unit_display()}"


class EodIndustrialComponent(Orderable):
    page = ParentalKey(EodProgrammePage, on_delete=models.CASCADE, related_name="industrial_components")
    name = models.CharField(_("name"), max_length=200)
    sector = models.CharField(_("sector"), max_length=30, choices=EodSector.choices)
    cost = _amount(_("cost"), help_text=_("CNY million. Financiers only."))
    annual_revenue = _amount(
        _("forecast annual revenue"), null=True, blank=True, help_text=_("CNY million per year. Financiers only.")
    )

    green_category = _green_category()

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("sector")]),
        FieldRowPanel([FieldPanel("cost"), FieldPanel("annual_revenue")]),
        FieldPanel("green_category"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("industrial project")
        verbose_name_plural = _("industrial projects")


class EodProgrammeDocument(Orderable):
    page = ParentalKey(EodProgrammePage, on_delete=models.CASCADE, related_name="documents")
    document = models.ForeignKey(
        "wagtaildocs.Document", verbose_name=_("document"), on_delete=models.CASCADE, related_name="+"
    )
    title = models.CharField(
        _("title"),
        max_length=200,
        blank=True,
        help_text=_(
            "Empty: the document's own title. Documents in a collection with a view restriction are for financiers only."
        ),
    )

    panels = [FieldPanel("document"), FieldPanel("title")]

    @property
    def label(self) -> str:
        return self.title or self.document.title

    @property
    def restricted(self) -> bool:
        # Wagtail's serve view enforces the same restrictions on the file itself.
        return bool(self.document.collection.get_view_restrictions())


class EodProgrammeImage(Orderable):
    page = ParentalKey(EodProgrammePage, on_delete=models.CASCADE, related_name="images")
    image = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("image"), on_delete=models.CASCADE, related_name="+"
    )
    caption = models.CharField(_("caption"), max_length=250, blank=True)

    panels = [FieldPanel("image"), FieldPanel("caption")]
