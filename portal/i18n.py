from django.utils.translation import get_language
from wagtail.models import Locale, Page


def is_chinese() -> bool:
    return (get_language() or "").startswith("zh")


def pick(english: str, chinese: str) -> str:
    """The visitor's-language version of a bilingual field pair, English as fallback."""
    return (chinese if is_chinese() else english) or english


def join_list(items) -> str:
    """Items joined as the visitor's language lists them: "a, b" or "a、b"."""
    return ("、" if is_chinese() else ", ").join(str(item) for item in items)


def page_in(page: Page, language: str) -> Page:
    """The page's live translation in `language` (for an email in its reader's language), else the page itself."""
    locale = Locale.objects.filter(language_code=language).first()
    translated = page.get_translation_or_none(locale) if locale else None
    return translated.specific if translated is not None and translated.live else page.specific
