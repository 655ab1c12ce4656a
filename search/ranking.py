"""From what a backend retrieved to the hits a page shows, the same for every backend.

A backend answers with two ranked lists of candidates, by words (BM25 or the
database's own rank) and by meaning (nearest vectors), over the same filters.
They are fused by reciprocal rank: a record high in both lists comes first,
one found only by meaning still gets in. The exact words keep their say where
it matters most: a record whose title holds the query's words side by side
(a title or a document number typed as it is written) goes first.

Translations of one record (a brief and its Chinese version, a document and
its English translation) are one result, represented by the version in the
visitor's language when that one matched, with the others linked.
"""

from dataclasses import dataclass, field

from search.results import SearchRequest

# Reciprocal rank fusion: weight / (K + rank). 60 is the constant of the original paper and of
# Elasticsearch's rrf. A record holding every word of the query is the strongest evidence; one holding
# most of them, or close in meaning, counts half as much (chosen on the relevance bench: bench/README.md).
RRF_K = 60
LEXICAL_WEIGHT = 1.0
PARTIAL_WEIGHT = 0.5
SEMANTIC_WEIGHT = 0.5
# How many of each list are fused: the deepest page served, with room for translations folded away.
MIN_CANDIDATES = 100


@dataclass(frozen=True)
class Meaning:
    """What to find by meaning: records whose closest passage is at least `floor` similar to the query
    (cosine) and within `margin` of the closest record.

    Similarity has no fixed scale across queries (a short query scores lower against everything than a
    long one), so what counts is the distance to the best match: a query whose best match scores 0.35
    keeps what scores 0.2 and above; `floor` keeps out what is hardly related to anything.
    """

    vector: object  # numpy.ndarray
    floor: float
    margin: float

    def threshold(self, best: float) -> float:
        return max(self.floor, best - self.margin)


@dataclass
class Chunk:
    ordinal: int
    page: int | None
    text: str
    score: float


@dataclass
class Candidate:
    key: str
    content_type: str
    title: str
    url: str
    date: str | None
    alt_title: str = ""
    summary: str = ""
    languages: list[str] = field(default_factory=list)
    group: str = ""
    pages: bool = False  # has page-numbered passages (a PDF)
    lexical_rank: int | None = None
    title_match: bool = False  # the query's words, side by side, in the title
    complete: bool = True  # holds every clause of the query, not just most of them
    matched: set[str] | None = None  # names of the query alternatives it holds, where the backend said
    semantic_rank: int | None = None
    chunk: Chunk | None = None  # its passage closest in meaning
    entry_id: int | None = None  # the database backend's row

    @property
    def by_words(self) -> bool:
        return self.lexical_rank is not None


def candidates_needed(request: SearchRequest) -> int:
    return max(MIN_CANDIDATES, 2 * (request.offset + request.per_page))


def _merged(lexical: list[Candidate], semantic: list[Candidate]) -> dict[str, Candidate]:
    """Both lists as one candidate per record, each knowing its rank in either list (word matches first)."""
    merged: dict[str, Candidate] = {}
    for rank, candidate in enumerate(lexical):
        candidate.lexical_rank = rank
        merged[candidate.key] = candidate
    for rank, candidate in enumerate(semantic):
        known = merged.setdefault(candidate.key, candidate)
        known.semantic_rank = rank
        known.chunk = candidate.chunk
    return merged


def fuse(lexical: list[Candidate], semantic: list[Candidate]) -> list[Candidate]:
    """One list, best first: title matches by words, then the rest by reciprocal rank."""

    def score(candidate: Candidate) -> float:
        found = 0.0
        if candidate.lexical_rank is not None:
            weight = LEXICAL_WEIGHT if candidate.complete else PARTIAL_WEIGHT
            found += weight / (RRF_K + candidate.lexical_rank + 1)
        if candidate.semantic_rank is not None:
            found += SEMANTIC_WEIGHT / (RRF_K + candidate.semantic_rank + 1)
        return found

    merged = _merged(lexical, semantic)
    pinned = [candidate for candidate in lexical if candidate.title_match]
    rest = sorted((candidate for candidate in merged.values() if not candidate.title_match), key=lambda c: -score(c))
    return pinned + rest


def by_date(lexical: list[Candidate], semantic: list[Candidate]) -> list[Candidate]:
    """Everything found, by words or by meaning alone, newest first (undated last): what a date sort lists,
    so that the pages show every result the total counts. Ties keep word matches first (a stable sort)."""
    merged = _merged(lexical, semantic).values()
    return sorted(merged, key=lambda candidate: str(candidate.date or ""), reverse=True)


def grouped(candidates: list[Candidate], language: str) -> list[tuple[Candidate, list[Candidate]]]:
    """Translations folded into one result each, at the place of the best of them.

    The result shows the best version, or the version in `language` where that
    one matched the same way (by words, or by meaning only), so its marks and
    reasons are its own; the other versions are linked.
    """
    order: list[str] = []
    members: dict[str, list[Candidate]] = {}
    for candidate in candidates:
        group = candidate.group or candidate.key
        if group not in members:
            order.append(group)
            members[group] = []
        members[group].append(candidate)
    results = []
    for group in order:
        versions = members[group]
        best = versions[0]
        chosen = next(
            (c for c in versions if language and language in c.languages and c.by_words == best.by_words), best
        )
        results.append((chosen, [c for c in versions if c is not chosen]))
    return results
