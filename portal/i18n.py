from django.utils.translation import get_language


def is_chinese() -> bool:
    return (get_language() or "").startswith("zh")


def pick(english: str, chinese: str) -> str:
    """The visitor's-language version of a bilingual field pair, English as fallback."""
    return (chinese if is_chinese() else english) or english


def join_list(items) -> str:
    """Items joined as the visitor's language lists them: "a, b" or "a、b"."""
    return ("、" if is_chinese() else ", ").join(str(item) for item in items)
