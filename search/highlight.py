"""Escaped snippets with <mark> around what matched, the same for every backend.

A text is analysed as the index analysed it (`search.analysis`), so a mark
goes on every word whose term a query alternative holds: "Vehicles" for a
search for "vehicle", 碳达峰 in 实现碳达峰目标. Chinese phrases are also found
as runs of characters, whichever way the text was cut into words.
"""

import re

from django.utils.html import escape

from search import analysis
from search.query import Alternative

SNIPPET_LENGTH = 180


def _spans(text: str, alternatives: tuple[Alternative, ...]) -> list[tuple[int, int, int]]:
    """(start, end, index of the alternative) of every match in `text`, offsets into `text`."""
    if not text or not alternatives:
        return []
    folded, offsets = analysis.fold_with_offsets(text)
    # Chinese alternatives are found as runs of characters below; only the others need the text's words, and
    # never the inner words of long Chinese ones (a phrase is matched on the words in order). Analysing every
    # page of every hit shown was most of a search's time.
    han = [all(analysis.is_han(analysis.readable(term)) for term in alt.terms) for alt in alternatives]
    found = [] if all(han) else analysis.tokens(folded, inner=False)
    by_term: dict[str, list[int]] = {}
    words = [token for token in found if not token.inner]
    for index, token in enumerate(found):
        by_term.setdefault(token.term, []).append(index)
    word_index = {id(token): n for n, token in enumerate(words)}
    spans = []
    for number, alternative in enumerate(alternatives):
        if han[number]:
            run = "".join(analysis.readable(term) for term in alternative.terms)
            spans += [(m.start(), m.end(), number) for m in re.finditer(re.escape(run), folded)]
            continue
        first, rest = alternative.terms[0], alternative.terms[1:]
        for index in by_term.get(first, []):
            token = found[index]
            if not rest:
                spans.append((token.start, token.end, number))
                continue
            position = word_index.get(id(token))
            if position is None:
                continue
            following = words[position + 1 : position + 1 + len(rest)]
            if [t.term for t in following] == list(rest):
                spans.append((token.start, following[-1].end, number))
    return sorted((offsets[start], offsets[end], number) for start, end, number in spans)


def _merged(spans: list[tuple[int, int, int]]) -> list[tuple[int, int]]:
    merged: list[list[int]] = []
    for start, end, _ in spans:
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(start, end) for start, end in merged]


def _marked(text: str, spans: list[tuple[int, int]], offset: int = 0) -> str:
    out, last = [], 0
    for start, end in spans:
        start, end = start - offset, end - offset
        if start < last or end > len(text):
            continue
        out += [escape(text[last:start]), "<mark>", escape(text[start:end]), "</mark>"]
        last = end
    out.append(escape(text[last:]))
    return "".join(out)


def matches(text: str, alternatives: tuple[Alternative, ...]) -> list[tuple[int, int, int]]:
    """(start, end, index of the alternative) of every match in `text`."""
    return _spans(text, alternatives)


def whole(text: str, alternatives: tuple[Alternative, ...]) -> str:
    """All of `text`, escaped, every match marked (titles)."""
    return _marked(text, _merged(_spans(text, alternatives)))


def snippet(
    text: str, alternatives: tuple[Alternative, ...], length: int = SNIPPET_LENGTH, spans: list | None = None
) -> str | None:
    """About `length` characters where most different alternatives match, escaped and marked; None without a match.
    `spans`: the text's `matches`, where the caller has them already."""
    spans = _spans(text, alternatives) if spans is None else spans
    if not spans:
        return None
    # The window that shows the most different alternatives, then the earliest.
    best_start, best_score = spans[0][0], -1
    for start, _, _ in spans:
        inside = {number for s, e, number in spans if s >= start and e <= start + length}
        if len(inside) > best_score:
            best_start, best_score = start, len(inside)
    start = max(0, best_start - length // 4)
    if start:
        space = text.rfind(" ", max(0, start - 20), start)
        start = space + 1 if space > 0 else start
    end = min(len(text), start + length)
    inside = [(s, e) for s, e in _merged(spans) if s >= start and e <= end]
    piece = text[start:end]
    html = _marked(piece, inside, offset=start)
    return ("…" if start else "") + " ".join(html.split()) + ("…" if end < len(text) else "")


def plain(text: str, length: int = SNIPPET_LENGTH) -> str:
    text = " ".join((text or "").split())
    return escape(text[:length] + ("…" if len(text) > length else ""))
