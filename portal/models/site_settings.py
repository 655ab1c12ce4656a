"""Site-wide identity, main navigation and footer, edited under Settings."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.db.models import Q
from django.urls import translate_url
from django.utils.functional import cached_property
from django.utils.translation import get_language, override
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Locale, Orderable, Page

from portal.i18n import pick


def validate_link_address(value: str) -> None:
    if value.startswith("/") and not value.startswith("//"):
        return
    URLValidator(schemes=["http", "https"])(value)


class Link(Orderable):
    """A menu entry: a page (titled in the visitor's language) or an address."""

    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("page"), null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    url = models.CharField(
        _("address"),
        max_length=500,
        blank=True,
        validators=[validate_link_address],
        help_text=_("A full address (https://…) or a path on this site, such as /pledges/."),
    )
    label_en = models.CharField(_("label (English)"), max_length=60, blank=True)
    label_zh = models.CharField(_("label (Chinese)"), max_length=60, blank=True)

    panels = [FieldPanel("page"), FieldPanel("url"), FieldPanel("label_en"), FieldPanel("label_zh")]

    class Meta:
        abstract = True

    def clean(self):
        if bool(self.page_id) == bool(self.url):
            raise ValidationError(_("Choose either a page or an address."))
        if self.url and not self.label_en:
            raise ValidationError({"label_en": _("A link to an address needs a label.")})

    @property
    def target_page(self):
        # The page in the visitor's language when a translation is live.
        if not self.page_id:
            return None
        if not hasattr(self, "_target_page"):
            self._target_page = self.page.localized
        return self._target_page

    @property
    def label(self) -> str:
        chosen = pick(self.label_en, self.label_zh)
        if chosen:
            return chosen
        return self.target_page.title if self.page_id else self.url

    @property
    def href(self) -> str:
        if self.page_id:
            # With the request, Wagtail reads the site's root paths once per request, not once per link.
            return self.target_page.get_url(getattr(self, "_request", None))
        # A path on this site follows the visitor's language (/pledges/ -> /zh-hans/pledges/).
        if not self.url.startswith("/"):
            return self.url
        language = get_language()
        with override(settings.LANGUAGE_CODE):  # stored paths are the unprefixed, default-language ones
            return translate_url(self.url, language)


def with_target_pages(links: list[Link], request=None) -> list[Link]:
    """The links with their pages in the visitor's language, found in two queries for the whole list.

    Read one by one, each page link costs three queries (its page, the active
    locale, the translation) on every page of the site.
    """
    page_ids = {link.page_id for link in links if link.page_id}
    if not page_ids:
        return links
    try:
        locale = Locale.get_active()
    except Locale.DoesNotExist:
        locale = None
    originals = Page.objects.filter(pk__in=page_ids)
    wanted = Q(pk__in=page_ids)
    if locale is not None:
        wanted |= Q(translation_key__in=originals.values("translation_key"), locale=locale, live=True)
    pages = list(Page.objects.filter(wanted))
    by_id = {page.pk: page for page in pages}
    translated = {page.translation_key: page for page in pages if locale is not None and page.locale_id == locale.pk and page.live}  # fmt: skip
    for link in links:
        link._request = request
        if link.page_id in by_id:
            original = by_id[link.page_id]
            link.page = original
            link._target_page = translated.get(original.translation_key, original)
    return links


@register_setting(icon="site")
class SiteIdentity(BaseSiteSetting, ClusterableModel):
    name_en = models.CharField(_("name (English)"), max_length=120, default="Low-Carbon Manufacturers Association")
    name_zh = models.CharField(_("name (Chinese)"), max_length=60, default="低碳制造商协会")
    short_name = models.CharField(_("short name"), max_length=16, default="LCMA")
    tagline_en = models.CharField(_("tagline (English)"), max_length=200, blank=True)
    tagline_zh = models.CharField(_("tagline (Chinese)"), max_length=120, blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)
    address = models.TextField(_("postal address"), blank=True)
    footer_note = models.TextField(_("footer note"), blank=True)
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("privacy notice"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Linked from forms that ask for consent, such as event registration."),
    )

    panels = [
        MultiFieldPanel([FieldPanel("name_en"), FieldPanel("name_zh"), FieldPanel("short_name")], heading=_("Name")),
        MultiFieldPanel([FieldPanel("tagline_en"), FieldPanel("tagline_zh")], heading=_("Tagline")),
        InlinePanel("menu_items", heading=_("Main navigation"), label=_("Menu item")),
        InlinePanel("footer_links", heading=_("Footer links"), label=_("Footer link")),
        MultiFieldPanel(
            [FieldPanel("contact_email"), FieldPanel("address"), FieldPanel("footer_note")], heading=_("Footer")
        ),
        FieldPanel("privacy_page"),
    ]

    class Meta:
        verbose_name = _("site identity and navigation")

    @property
    def name(self) -> str:
        return pick(self.name_en, self.name_zh)

    @property
    def tagline(self) -> str:
        return pick(self.tagline_en, self.tagline_zh)

    @cached_property
    def menu_links(self) -> list["MenuItem"]:
        return with_target_pages(list(self.menu_items.all()), getattr(self, "_request", None))

    @cached_property
    def footer_link_list(self) -> list["FooterLink"]:
        return with_target_pages(list(self.footer_links.all()), getattr(self, "_request", None))


class MenuItem(Link):
    setting = ParentalKey(SiteIdentity, related_name="menu_items", on_delete=models.CASCADE)


class FooterLink(Link):
    setting = ParentalKey(SiteIdentity, related_name="footer_links", on_delete=models.CASCADE)
