"""Highlighting for the database backend: escaped snippets with <mark> around matches.

Alternatives are normalised phrases; in the original text their words may be
separated by any punctuation or spacing and differ in case, so each becomes a
regex that allows exactly that.
"""

import itertools
import re
from functools import lru_cache

from django.utils.html import escape

from search.query_text import HAN

SNIPPET_LENGTH = 180
# A letter or digit that is not Han: what a Latin word must not touch.
LATIN_WORD_CHAR = f"[^\\W_{HAN}]"


@lru_cache(maxsize=256)
def pattern(alternatives: tuple[str, ...]) -> re.Pattern | None:
    parts = []
    for alternative in sorted(alternatives, key=len, reverse=True):
        units = re.findall(f"[{HAN}]|[^\\s{HAN}]+", alternative)
        if not units:
            continue
        body = re.escape(units[0])
        for before, unit in itertools.pairwise(units):
            latin_pair = not re.match(f"[{HAN}]", before) and not re.match(f"[{HAN}]", unit)
            body += (r"[\W_]+" if latin_pair else r"[\W_]*") + re.escape(unit)
        start = "" if re.match(f"[{HAN}]", units[0]) else f"(?<!{LATIN_WORD_CHAR})"
        end = "" if re.match(f"[{HAN}]", units[-1]) else f"(?!{LATIN_WORD_CHAR})"
        parts.append(f"{start}{body}{end}")
    return re.compile("|".join(parts), re.IGNORECASE) if parts else None


def _marked(text: str, regex: re.Pattern | None) -> str:
    if regex is None:
        return escape(text)
    out, last = [], 0
    for match in regex.finditer(text):
        out += [escape(text[last : match.start()]), "<mark>", escape(match.group()), "</mark>"]
        last = match.end()
    out.append(escape(text[last:]))
    return "".join(out)


def whole(text: str, alternatives: tuple[str, ...]) -> str:
    """All of `text`, escaped, every match marked (titles)."""
    return _marked(text, pattern(alternatives))


def count(text: str, alternatives: tuple[str, ...]) -> int:
    regex = pattern(alternatives)
    return len(regex.findall(text)) if regex and text else 0


def snippet(text: str, alternatives: tuple[str, ...], length: int = SNIPPET_LENGTH) -> str | None:
    """About `length` characters around the first match, escaped and marked; None without a match."""
    regex = pattern(alternatives)
    match = regex.search(text) if regex and text else None
    if match is None:
        return None
    start = max(0, match.start() - length // 3)
    if start:
        space = text.rfind(" ", start - 20, start)
        start = space + 1 if space > 0 else start
    end = min(len(text), start + length)
    piece = " ".join(text[start:end].split())
    return ("…" if start else "") + _marked(piece, regex) + ("…" if end < len(text) else "")


def plain(text: str, length: int = SNIPPET_LENGTH) -> str:
    text = " ".join((text or "").split())
    return escape(text[:length] + ("…" if len(text) > length else ""))
