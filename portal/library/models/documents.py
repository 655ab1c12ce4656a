"""The policy-document library: one entry per national plan, guideline, standard, notice or position paper.

Entries are snippets with draft and live states, so staff publish and
unpublish them the way they do pages. The issuing body, jurisdiction, type
and issue date stay empty when nobody knows them (a file imported without a
manifest rarely says): pages and the API show them as unknown, the admin lists
such entries as needing their metadata, and no value is ever made up. The uploaded file is a Wagtail
document; its text is extracted in the background into `ExtractedPage` rows,
one per PDF page (a single row for DOCX, HTML and plain text), which is what
search highlights passages from.
"""

from urllib.parse import urlencode

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.db.models import F, Q
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import DraftStateMixin, Locale, Page, RevisionMixin

from portal import page_cache
from portal.i18n import pick
from portal.library.cache_tags import LIBRARY
from portal.models.topics import Topic


class Jurisdiction(models.TextChoices):
    INTERNATIONAL = "international", _("International")
    NATIONAL = "national", _("National")
    PROVINCIAL = "provincial", _("Provincial")
    CITY = "city", pgettext_lazy("jurisdiction", "City")
    ASSOCIATION = "association", _("Association")


class DocumentType(models.TextChoices):
    LAW = "law", _("Law")
    REGULATION = "regulation", _("Regulation")
    PLAN = "plan", _("Plan")
    GUIDELINE = "guideline", _("Guideline")
    STANDARD = "standard", _("Standard")
    NOTICE = "notice", _("Notice")
    REPORT = "report", _("Report")
    POSITION_PAPER = "position-paper", _("Position paper")


class DocumentStatus(models.TextChoices):
    IN_FORCE = "in-force", _("In force")
    SUPERSEDED = "superseded", _("Superseded")
    DRAFT = "draft", _("Draft for comment")


class DocumentLanguage(models.TextChoices):
    CHINESE = "zh-hans", _("Chinese")
    ENGLISH = "en", _("English")
    OTHER = "other", _("Other")


class Extraction(models.TextChoices):
    """Where getting the text out of the file stands. Failures keep their reason for staff."""

    PENDING = "pending", _("Waiting for text extraction")
    DONE = "done", _("Text extracted")
    FAILED = "failed", _("Text extraction failed")


# What every entry should say; an entry lacking any of them is listed for staff to complete (NEEDS_METADATA).
REQUIRED_METADATA = ("issuing_body", "jurisdiction", "document_type", "issued_on")
NEEDS_METADATA = Q(issuing_body="") | Q(jurisdiction="") | Q(document_type="") | Q(issued_on__isnull=True)
# Newest first, undated entries last on every database (PostgreSQL would put NULL first).
NEWEST_FIRST = F("issued_on").desc(nulls_last=True)


class PolicyDocument(DraftStateMixin, RevisionMixin, ClusterableModel):
    title = models.CharField(_("original title"), max_length=400, help_text=_("As issued, in its own language."))
    title_en = models.CharField(
        _("English title"), max_length=400, blank=True, help_text=_("Empty when the original is in English.")
    )
    slug = models.SlugField(_("slug"), max_length=120, unique=True, allow_unicode=False)
    number = models.CharField(
        _("document number"),
        max_length=100,
        blank=True,
        help_text=_("As printed on the document, e.g. 国发〔2021〕23号 or GB/T 32150—2015. Empty when it has none."),
    )
    issuing_body = models.CharField(
        _("issuing body (English)"),
        max_length=200,
        blank=True,
        help_text=_("e.g. National Development and Reform Commission. Empty while unknown."),
    )
    issuing_body_zh = models.CharField(_("issuing body (Chinese)"), max_length=200, blank=True)
    jurisdiction = models.CharField(_("jurisdiction"), max_length=20, choices=Jurisdiction.choices, blank=True)
    region = models.CharField(
        _("region"), max_length=80, blank=True, help_text=_("Province or city, for provincial and city documents.")
    )
    document_type = models.CharField(_("document type"), max_length=20, choices=DocumentType.choices, blank=True)
    languages = models.JSONField(
        _("languages"), default=list, blank=True, help_text=_("Languages the file is written in.")
    )
    issued_on = models.DateField(_("issue date"), null=True, blank=True)
    effective_on = models.DateField(_("effective date"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=DocumentStatus.choices, default=DocumentStatus.IN_FORCE
    )
    summary = models.TextField(pgettext_lazy("abstract of a text", "summary"), blank=True)
    topics = ParentalManyToManyField("portal.Topic", verbose_name=_("topics"), blank=True, related_name="documents")
    source_url = models.URLField(_("source address"), max_length=500, blank=True)
    file = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("file"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("PDF, DOCX, HTML or plain text."),
    )
    translation_of = models.ForeignKey(
        "self",
        verbose_name=_("translation of"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="translations",
        help_text=_("The original, when this entry is a translation of another document."),
    )
    metadata_notes = models.TextField(
        _("metadata notes"),
        blank=True,
        help_text=_("Where the import found the title and issue date, and what it could only guess: check them."),
    )
    # Set from the file's bytes: the import skips a file it has already seen.
    content_hash = models.CharField(_("content hash"), max_length=64, blank=True, db_index=True, editable=False)
    extraction = models.CharField(
        _("text extraction"), max_length=10, choices=Extraction.choices, default=Extraction.PENDING, editable=False
    )
    extraction_error = models.TextField(_("extraction problem"), blank=True, editable=False)
    extracted_hash = models.CharField(max_length=64, blank=True, editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    panels = [
        MultiFieldPanel(
            [FieldPanel("title"), FieldPanel("title_en"), FieldPanel("slug"), FieldPanel("summary")],
            heading=_("Title"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("issuing_body"), FieldPanel("issuing_body_zh")]),
                FieldPanel("number"),
                FieldRowPanel([FieldPanel("jurisdiction"), FieldPanel("region")]),
                FieldRowPanel([FieldPanel("document_type"), FieldPanel("status")]),
                FieldRowPanel([FieldPanel("issued_on"), FieldPanel("effective_on")]),
                FieldPanel("languages"),
                FieldPanel("topics"),
            ],
            heading=_("About the document"),
        ),
        MultiFieldPanel(
            [FieldPanel("file"), FieldPanel("source_url"), FieldPanel("translation_of"), FieldPanel("metadata_notes")],
            heading=_("File and source"),
        ),
    ]

    class Meta:
        ordering = [NEWEST_FIRST, "title"]
        verbose_name = _("policy document")
        verbose_name_plural = _("policy documents")
        indexes = [models.Index(fields=["live", "-issued_on"])]

    def __str__(self) -> str:
        return self.display_title

    @property
    def display_title(self) -> str:
        """The title in the visitor's language where there is one: the English title on English pages."""
        return pick(self.title_en or self.title, self.title)

    @property
    def display_issuing_body(self) -> str:
        """In the visitor's language, else in the other one; empty when unknown."""
        return pick(self.issuing_body, self.issuing_body_zh) or self.issuing_body_zh

    def missing_metadata(self) -> list[str]:
        """The names of the required facts nobody has filled in yet, for staff."""
        return [str(self._meta.get_field(name).verbose_name) for name in REQUIRED_METADATA if not getattr(self, name)]

    @property
    def needs_metadata(self) -> bool:
        return any(not getattr(self, name) for name in REQUIRED_METADATA)

    def clean(self) -> None:
        super().clean()
        if self.effective_on and self.issued_on and self.effective_on < self.issued_on:
            raise ValidationError({"effective_on": _("A document cannot take effect before it is issued.")})
        if self.translation_of_id and self.translation_of_id == self.pk:
            raise ValidationError({"translation_of": _("A document cannot be a translation of itself.")})
        if self.translation_of_id and self.translation_of and self.translation_of.translation_of_id:
            raise ValidationError(
                {"translation_of": _("Link a translation to the original document, not to another translation.")}
            )
        unknown = set(self.languages or []) - set(DocumentLanguage.values)
        if unknown:
            raise ValidationError({"languages": _("Unknown language codes: %s") % ", ".join(sorted(unknown))})

    @property
    def original(self) -> "PolicyDocument":
        return self.translation_of or self

    def family(self) -> list["PolicyDocument"]:
        """This document with its original and all translations, original first: shown together."""
        original = self.original
        return [original, *original.translations.filter(live=True).order_by("title")]

    @property
    def full_text(self) -> str:
        return "\n\n".join(self.pages.values_list("text", flat=True))

    def with_content_json(self, content):
        """A revision's version of the document, keeping what describes the file as stored now.

        The extraction state belongs to the row, not to a revision: publishing
        an older revision must not bring back the state of a file read before.
        """
        obj = super().with_content_json(content)
        for name in ("content_hash", "extraction", "extraction_error", "extracted_hash"):
            setattr(obj, name, getattr(self, name))
        return obj

    def get_url(self, request=None) -> str:
        """``<library page url><slug>/`` on the library of the active language (else the default one), or ""."""
        library = PolicyLibraryPage.for_active_locale()
        if library is None:
            return ""
        base = library.get_url(request)
        return f"{base}{library.reverse_subpage('document', kwargs={'slug': self.slug})}" if base else ""

    @property
    def url(self) -> str:
        return self.get_url()

    def language_names(self) -> list[str]:
        return [str(DocumentLanguage(code).label) for code in self.languages or [] if code in DocumentLanguage.values]

    @property
    def file_format(self) -> str:
        """ "PDF", "DOCX"... from the file's extension, for the download link."""
        return self.file.file_extension.upper() if self.file_id else ""


class ExtractedPage(models.Model):
    """The text of one page of a document's file (PDF), or all of it (other formats) as page 1."""

    document = models.ForeignKey(
        PolicyDocument, verbose_name=_("document"), on_delete=models.CASCADE, related_name="pages"
    )
    number = models.PositiveIntegerField(_("page number"))
    text = models.TextField(_("text"), blank=True)

    class Meta:
        ordering = ["document", "number"]
        verbose_name = _("extracted page")
        verbose_name_plural = _("extracted pages")
        constraints = [models.UniqueConstraint(fields=["document", "number"], name="one_extracted_page_per_number")]

    def __str__(self) -> str:
        return f"{self.document} p. {self.number}"


class PolicyLibraryPage(RoutablePageMixin, Page):
    """The public library: lists live documents with filters and shows each one at <library>/<slug>/."""

    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    subpage_types: list[str] = []
    max_count_per_parent = 1

    per_page = 20
    # Query-string filters of the listing, in the order the form shows them.
    filter_names = ("type", "jurisdiction", "status", "language", "year", "topic")

    class Meta:
        verbose_name = _("policy library")

    @classmethod
    def for_active_locale(cls) -> "PolicyLibraryPage | None":
        """The live library page in the active language, else in the default one."""
        pages = cls.objects.live().public()
        for locale in (Locale.get_active(), Locale.get_default()):
            page = pages.filter(locale=locale).first()
            if page is not None:
                return page
        return None

    @staticmethod
    def documents():
        """What the public sees: live documents only, newest first."""
        return PolicyDocument.objects.filter(live=True).order_by(NEWEST_FIRST, "title", "pk")

    def filter_options(self) -> dict[str, list[tuple[str, str]]]:
        """The values each filter offers: years and topics only those that live documents have."""
        live = self.documents()
        years = sorted({date.year for date in live.dates("issued_on", "year")}, reverse=True)
        topics = Topic.objects.filter(documents__in=live.values("pk")).distinct()
        return {
            "type": list(DocumentType.choices),
            "jurisdiction": list(Jurisdiction.choices),
            "status": list(DocumentStatus.choices),
            "language": list(DocumentLanguage.choices),
            "year": [(str(year), str(year)) for year in years],
            "topic": sorted(((topic.slug, topic.name) for topic in topics), key=lambda item: item[1]),
        }

    def filter_labels(self) -> dict[str, str]:
        return {
            "type": gettext("Type"),
            "jurisdiction": gettext("Jurisdiction"),
            "status": gettext("Status"),
            "language": gettext("Language"),
            "year": gettext("Year"),
            "topic": gettext("Topic"),
        }

    def read_filters(self, query, options) -> tuple[dict[str, str], list[str]]:
        """The usable filter values of a query string, and a message for each value that was ignored."""
        chosen, problems = {}, []
        labels = self.filter_labels()
        for name in self.filter_names:
            value = query.get(name, "").strip()
            if not value:
                continue
            # A year with no documents is still a year: it shows an empty list, not an error.
            valid = value in dict(options[name]) or (name == "year" and _is_year(value))
            if valid:
                chosen[name] = value
            else:
                problems.append(
                    gettext("%(filter)s: “%(value)s” is not one of the choices, so it was ignored.")
                    % {"filter": labels[name], "value": value[:40]}
                )
        return chosen, problems

    def filtered(self, chosen: dict[str, str]):
        documents = self.documents()
        lookups = {
            "type": "document_type",
            "jurisdiction": "jurisdiction",
            "status": "status",
            "year": "issued_on__year",
            "topic": "topics__slug",
        }
        for name, value in chosen.items():
            if name == "language":
                # JSONField "contains" is unsupported on SQLite; the quoted code matches one list item exactly.
                documents = documents.filter(languages__icontains=f'"{value}"')
            else:
                documents = documents.filter(**{lookups[name]: value})
        return documents.select_related("file").prefetch_related("topics").distinct()

    @path("")
    def index_route(self, request):
        page_cache.depends_on(request, LIBRARY)
        options = self.filter_options()
        chosen, problems = self.read_filters(request.GET, options)
        paginator = Paginator(self.filtered(chosen), self.per_page)
        page_obj = paginator.get_page(request.GET.get("page"))  # a bad number shows the first or last page
        base = self.get_url(request) or "/"
        page_obj.object_list = list(page_obj.object_list)
        for document in page_obj.object_list:
            # Built from this page's address: asking each document for its url costs queries per row.
            document.listing_url = base + self.reverse_subpage("document", kwargs={"slug": document.slug})
        labels = self.filter_labels()
        context = self.get_context(request)
        context.update(
            {
                "documents": page_obj.object_list,
                "page_obj": page_obj,
                "page_range": paginator.get_elided_page_range(page_obj.number, on_each_side=2, on_ends=1),
                "page_query": urlencode(chosen),
                "problems": problems,
                "filters": [
                    {"name": name, "label": labels[name], "options": options[name], "value": chosen.get(name, "")}
                    for name in self.filter_names
                ],
                "active_filters": [
                    {
                        "label": labels[name],
                        "value": dict(options[name]).get(value, value),
                        "remove_url": _link(base, {key: val for key, val in chosen.items() if key != name}),
                    }
                    for name, value in chosen.items()
                ],
                "clear_url": base,
                "noindex": bool(chosen) or page_obj.number > 1,
            }
        )
        return TemplateResponse(request, "portal/library/library_page.html", context)

    @path("<slug:slug>/", name="document")
    def document_route(self, request, slug):
        page_cache.depends_on(request, LIBRARY)
        document = get_object_or_404(self.documents().select_related("file", "translation_of"), slug=slug)
        if document.translation_of_id and not document.translation_of.live:
            document.translation_of = None  # a draft original stays out of sight
        context = self.get_context(request)
        family = [member for member in document.family() if member.live]
        context.update(
            {
                "document": document,
                "family": family if len(family) > 1 else [],
                "topics": document.topics.all(),
                "library_url": self.get_url(request),
                "canonical_url": (self.get_full_url(request) or "")
                + self.reverse_subpage("document", kwargs={"slug": slug}),
            }
        )
        return TemplateResponse(request, "portal/library/document_page.html", context)


def _is_year(value: str) -> bool:
    # ASCII digits only ("²" passes isdigit() and breaks int()), and no year 0, which dates do not have.
    return len(value) == 4 and value.isascii() and value.isdigit() and int(value) >= 1


def _link(base: str, params: dict[str, str]) -> str:
    return f"{base}?{urlencode(params)}" if params else base
