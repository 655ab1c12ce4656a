"""Text normalisation shared by query parsing, synonyms and the database backend."""

import re
import unicodedata

# Longer input is cut: nobody types more, and it keeps a pasted essay cheap.
MAX_QUERY_LENGTH = 200

HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_HAN_RUN = re.compile(f"([{HAN}]+)")
_SEPARATORS = re.compile(r"[\W_]+")
_LATIN_EDGE = re.compile(f"[^{HAN}]")
# The standard analyser drops punctuation between Han characters, so a phrase runs across it.
_HAN_GAP = re.compile(f"(?<=[{HAN}]) (?=[{HAN}])")


def clean_input(text: str) -> str:
    """The query as we keep it: truncated, without control or unassigned characters."""
    text = unicodedata.normalize("NFKC", str(text or ""))[: MAX_QUERY_LENGTH * 2]
    text = "".join(ch if unicodedata.category(ch)[0] != "C" else " " for ch in text)
    return " ".join(text.split())[:MAX_QUERY_LENGTH]


def normalise(text: str) -> str:
    """Lowercase words separated by single spaces, Han runs set apart from Latin words.

    Mirrors what the standard analyser treats as token boundaries closely
    enough that a `contains` on normalised text behaves like a phrase query.
    """
    text = unicodedata.normalize("NFKC", text or "").lower()
    text = _HAN_RUN.sub(r" \1 ", text)
    return _HAN_GAP.sub("", " ".join(_SEPARATORS.sub(" ", text).split()))


def needle(phrase: str) -> str:
    """What to look for in padded normalised text: Latin ends must sit at word boundaries."""
    start = " " if _LATIN_EDGE.match(phrase[:1]) else ""
    end = " " if _LATIN_EDGE.match(phrase[-1:]) else ""
    return f"{start}{phrase}{end}"


def padded(text: str) -> str:
    return f" {normalise(text)} "


def is_han(text: str) -> bool:
    return bool(_HAN_RUN.search(text))
