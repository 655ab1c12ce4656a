"""What a hit shows and says: marked title and summary, the passages that matched, and why it matched.

The same for every backend: the backend says which of the query's
alternatives a record holds (anywhere in it) and hands over its pages; the
marks are found here by analysing the shown text as the index did
(`search.highlight`), and the reasons come from the query's clauses
(`search.query`): the words as typed, a synonym, a corrected spelling, or
closeness in meaning with the passage (and its page) that came closest.
"""

from search import highlight
from search.backends.database import Details
from search.query import INNER, SPELLING, SYNONYM, TYPED, ParsedQuery
from search.ranking import Candidate
from search.results import Hit, Match, Passage, Translation

MAX_PASSAGES = 3


def matches(query: ParsedQuery, candidate: Candidate, details: Details) -> list[Match]:
    """Why the record matched, in the query's order: each clause once, by the best alternative it holds."""
    reasons, index = [], 0
    for clause in query.clauses:
        held = []
        for alternative in clause.alternatives:
            if index in details.matched:
                held.append(alternative)
            index += 1
        kinds = {alt.kind for alt in held}
        if {TYPED, INNER} & kinds:
            reasons.append(Match(TYPED, clause.text))
        elif SYNONYM in kinds:
            label = next(alt.label for alt in held if alt.kind == SYNONYM)
            reasons.append(Match(SYNONYM, label, clause.text))
        elif SPELLING in kinds:
            label = next(alt.label for alt in held if alt.kind == SPELLING)
            reasons.append(Match(SPELLING, label, clause.text))
    if candidate.chunk is not None:
        reasons.append(Match("meaning", ""))
    return reasons


def passages(query: ParsedQuery, candidate: Candidate, details: Details) -> list[Passage]:
    """The pages (or the part of the text) that hold most of the query, marked; the closest in meaning too."""
    alternatives = tuple(query.alternatives)
    shown: list[Passage] = []
    pages = [p for p in details.passages if p.get("text")]
    if pages and alternatives:
        scored = []
        for number, page in enumerate(pages):
            spans = highlight.matches(page["text"], alternatives)  # analysing every page is most of this work
            held = {alternative for _, _, alternative in spans}
            if held:
                scored.append((-len(held), number, page, spans))
        for _, _, page, spans in sorted(scored, key=lambda item: item[:2])[:MAX_PASSAGES]:
            html = highlight.snippet(page["text"], alternatives, spans=spans)
            if html:
                shown.append(Passage(html=html, page=page.get("page") if candidate.pages else None))
    elif details.body and alternatives:
        html = highlight.snippet(details.body, alternatives)
        if html:
            shown.append(Passage(html=html))
    chunk = (details.closest or candidate.chunk) if candidate.chunk is not None else None
    text = (chunk.text or details.chunk_text(chunk.ordinal)) if chunk is not None and chunk.ordinal > 0 else ""
    if text:
        page = chunk.page if candidate.pages else None
        if not any(p.page == page and page is not None for p in shown):
            html = (highlight.snippet(text, alternatives) if alternatives else None) or highlight.plain(text)
            if not any(p.html == html for p in shown):  # the words already showed this very text
                shown.append(Passage(html=html, page=page, by_meaning=True))
    return shown[: MAX_PASSAGES + 1]


def hit(query: ParsedQuery, candidate: Candidate, details: Details) -> Hit:
    alternatives = tuple(query.alternatives)
    summary = ""
    if candidate.summary:
        summary = highlight.snippet(candidate.summary, alternatives, length=240) or highlight.plain(
            candidate.summary, 240
        )
    return Hit(
        key=candidate.key,
        content_type=candidate.content_type,
        title=candidate.title,
        title_html=highlight.whole(candidate.title, alternatives)
        if alternatives
        else highlight.plain(candidate.title, 500),
        alt_title=candidate.alt_title,
        url=candidate.url,
        date=candidate.date,
        summary=summary,
        languages=candidate.languages,
        passages=passages(query, candidate, details),
        matches=matches(query, candidate, details),
        translations=[Translation(s["key"], s["url"], s["title"], s["languages"]) for s in details.siblings],
        group=candidate.group,
    )
