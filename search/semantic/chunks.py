"""A record cut into the passages that are embedded.

Chunk 0 is the head: title, other-language title and summary, which say what
the whole record is about. Then the body and each extracted page, each cut into
windows of about 120 English words or 250 Chinese characters, breaking after a
sentence where one is near and overlapping a little, so a statement that falls
across a cut is still whole in one window. Pages are cut separately and keep
their numbers, so a match by meaning can cite its page.

Sentence encoders lose precision on long inputs (USE was trained on sentences):
a window of this size keeps one or two topics per vector. The cut is
deterministic, so unchanged text gives the same chunks and the same stored
vectors.
"""

import bisect
import functools
import itertools
import operator
import re
from dataclasses import dataclass
from typing import Any

from search.query_text import HAN

# Window size in words. A Chinese character counts 120/250 of a word (250 characters say
# about what 120 English words do), punctuation nothing, so mixed text is measured evenly.
WINDOW = 120.0
HAN_CHARACTER = WINDOW / 250
# The last window of a text may run this far over rather than leave a scrap of a few words.
LAST_WINDOW = WINDOW * 1.25
# A cut looks back this far (at most) for a sentence end; beyond that it cuts between words.
MIN_FILL = WINDOW * 0.5
# What the next window repeats of the previous one: a short sentence, or a few words.
OVERLAP = WINDOW * 0.2
# A record yields at most this many chunks, the head and the first pages first. A
# 100-page report would otherwise give ~300 vectors (about 6 s of CPU and 300 KB); its
# opening pages (summary, contents, introduction) say what it is about, and the full
# text stays searchable by its words.
MAX_CHUNKS = 48

# A token is one Chinese character, or a run of anything else up to the next space or
# Chinese character, each with the whitespace after it, so joining tokens gives the text back.
# A run holding a letter or digit is a word; a run of punctuation alone costs nothing.
# `_tokens` splits a line at its Han runs (with the whitespace after them) and takes a run's characters
# as they are, since each costs the same and ends no sentence: most of a Chinese text's tokens, and most
# of the cutting time when each was matched by a pattern. The rest it matches with `_TOKEN`.
_HAN_RUN = re.compile(rf"([{HAN}]+\s*)")
_TOKEN = re.compile(rf"[^\s{HAN}]+\s*")
_WORD_CHARACTER = re.compile(rf"[^\W{HAN}]")
# The end of a sentence: Chinese full stops need no space after them, Latin ones do
# (so "3.5" and "e.g." inside a sentence are not cuts); closing quotes and brackets stay with it.
_SENTENCE_END = re.compile(r"(?:[。！？；…]+[”’」』）)》]*\s*|[.!?;]+[\"'”’)\]]*\s+)$")
_CHINESE_GAP = re.compile(rf"(?<=[{HAN}，。；：！？、”）》])\s+(?=[{HAN}，。；：！？、“（《])")


@dataclass(frozen=True)
class Chunk:
    ordinal: int  # 0 is the head
    page: int | None  # the PDF page the text comes from, or None
    text: str


@dataclass
class _Tokens:
    """A text's tokens: what each says, what it costs in words, whether a sentence ends with it."""

    texts: list[str]
    costs: list[float]
    ends: list[bool]


@functools.lru_cache(maxsize=65_536)
def _kind(token: str) -> tuple[float, bool]:
    """What a token other than a Han character costs in words, and whether a sentence ends with it.

    Words recur: looked up, most of a rebuild's tokens (several hundred a record) skip the patterns.
    """
    return (1.0 if _WORD_CHARACTER.search(token) else 0.0), _SENTENCE_END.search(token) is not None


def _tokens(text: str, budget: float = float("inf")) -> _Tokens:
    """The text's tokens, up to about `budget` words (what is past the chunk cap is never read)."""
    tokens, used = _Tokens([], [], []), 0.0
    for line in text.splitlines():
        found, costs, ends = [], [], []
        for i, part in enumerate(_HAN_RUN.split(line.strip())):
            if i % 2:  # a Han run: a token a character (costing HAN_CHARACTER, ending no sentence: the
                # sentence marks are not Han characters), the last with the whitespace after the run
                run = part.rstrip()
                found += run
                found[-1] += part[len(run) :]
                costs += [HAN_CHARACTER] * len(run)
                ends += [False] * len(run)
            elif part:
                pieces = _TOKEN.findall(part)
                found += pieces
                for cost, end in map(_kind, pieces):
                    costs.append(cost)
                    ends.append(end)
        if not found:
            continue
        found[-1] = found[-1].rstrip() + " "  # lines join with a space (removed again between Chinese)
        tokens.texts += found
        tokens.costs += costs
        tokens.ends += ends
        tokens.ends[-1] = True  # a line end ends a sentence too: a heading, a list item, a table row
        used = functools.reduce(operator.add, costs, used)  # as token by token, to the last rounding
        if used > budget:
            break
    return tokens


def _join(texts: list[str]) -> str:
    # Lines joined with a space: none is wanted between Chinese characters (or their punctuation).
    return "".join(_CHINESE_GAP.split("".join(texts).strip()))


def windows(text: str, limit: int = MAX_CHUNKS) -> list[str]:
    """`text` cut into at most `limit` overlapping windows of about WINDOW words."""
    tokens = _tokens(text, budget=limit * WINDOW)
    n = len(tokens.texts)
    cumulative = list(itertools.accumulate(tokens.costs, initial=0.0))
    # Where a sentence ends: i such that token i - 1 ends one.
    sentence_ends = list(itertools.compress(itertools.count(1), tokens.ends))

    def cost(start: int, end: int) -> float:
        return cumulative[end] - cumulative[start]

    found, start = [], 0
    while start < n and len(found) < limit:
        if cost(start, n) <= LAST_WINDOW:
            end, at_sentence = n, True
        else:
            # The furthest end within WINDOW: found by bisection, then settled by the same
            # comparison as a token-by-token walk (cost is monotonic in `end`, rounding included).
            end = max(start, min(n, bisect.bisect_right(cumulative, cumulative[start] + WINDOW) - 1))
            while end < n and cost(start, end + 1) <= WINDOW:
                end += 1
            while end > start and cost(start, end) > WINDOW:
                end -= 1
            end = max(end, start + 1)
            # Back to the last sentence end, unless that leaves the window less than half full
            # (an earlier sentence end would leave it emptier still).
            at = bisect.bisect_right(sentence_ends, end) - 1
            cut = sentence_ends[at] if at >= 0 and sentence_ends[at] > start else None
            if cut is not None and cost(start, cut) < MIN_FILL:
                cut = None
            at_sentence = cut is not None
            end = cut or end
        piece = _join(tokens.texts[start:end])
        if piece:
            found.append(piece)
        if end >= n:
            break
        # The next window starts a little before this one ends: at a sentence start after a
        # cut at a sentence end, else a few words back; never before this window's second token.
        # `back`: the earliest start after this window's first token that repeats at most OVERLAP,
        # found as `end` is above (by bisection, then settled by the same comparison as a walk back).
        back = max(start + 1, bisect.bisect_left(cumulative, cumulative[end] - OVERLAP))
        while back > start + 1 and cost(back - 1, end) <= OVERLAP:
            back -= 1
        while back < end and cost(back, end) > OVERLAP:
            back += 1
        if not at_sentence:
            start = back
        else:  # the earliest sentence start from there, if any before `end`
            at = bisect.bisect_left(sentence_ends, back)
            start = sentence_ends[at] if at < len(sentence_ends) and sentence_ends[at] < end else end
    return found


def _head(record: dict[str, Any]) -> tuple[str, str]:
    """The head's text, and what of the summary did not fit in it (windowed with the body)."""
    titles = [" ".join(t.split()) for t in (record.get("title"), record.get("alt_title")) if t and t.strip()]
    titles = list(dict.fromkeys(titles))  # a document whose two titles are the same says it once
    budget = max(WINDOW - sum(cost for title in titles for cost in _tokens(title).costs), MIN_FILL)
    tokens = _tokens(record.get("summary") or "")
    if sum(tokens.costs) <= budget * 1.25:
        return "\n".join(filter(None, [*titles, _join(tokens.texts)])), ""
    # A long summary: the head takes its first sentences (or words), the rest goes with the body.
    used, cut, hard = 0.0, 0, 0
    for i, (cost, ends) in enumerate(zip(tokens.costs, tokens.ends, strict=True)):
        used += cost
        if used > budget:
            break
        hard = i + 1
        if ends:
            cut = i + 1
    cut = cut or hard
    return "\n".join(filter(None, [*titles, _join(tokens.texts[:cut])])), _join(tokens.texts[cut:])


def chunks(record: dict[str, Any]) -> list[Chunk]:
    """The head, then the body's and each page's windows, at most MAX_CHUNKS, in reading order."""
    head, rest = _head(record)
    sections: list[tuple[int | None, str]] = [(None, "\n".join(filter(None, [rest, record.get("body") or ""])))]
    sections += [(passage.get("page"), passage.get("text") or "") for passage in record.get("passages") or []]
    found = [Chunk(0, None, head)] if head else []
    for page, text in sections:
        if len(found) == MAX_CHUNKS:
            break
        found += [Chunk(len(found) + i, page, piece) for i, piece in enumerate(windows(text, MAX_CHUNKS - len(found)))]
    return found
