"""Spelling: a word no record holds is also searched as the indexed words closest to it.

The vocabulary is the set of English-like terms the database copy of the
index holds (`search.models.SearchTerm`, kept by the database backend's write
path, which runs whatever backend serves searches), so both backends correct
a query the same way. Each process keeps it in memory, reloaded when the
index changes (a cache generation), and compares a word with it by edit
distance (rapidfuzz): one edit for words of up to seven letters, two for
longer ones, none for words under four letters, which are too often
abbreviations to guess at.
"""

import threading
from dataclasses import dataclass

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from search import generations
from search.models import SearchTerm

GENERATION_KEY = "search:vocabulary:generation"
MIN_LENGTH = 4
MAX_CORRECTIONS = 2

_lock = threading.Lock()
_loaded: "tuple[str, Vocabulary] | None" = None


def max_edits(word: str) -> int:
    if len(word) < MIN_LENGTH:
        return 0
    return 1 if len(word) <= 7 else 2


def correctable(term: str, surface: str) -> bool:
    return surface.isascii() and surface.isalpha() and term.isalpha() and max_edits(surface) > 0


@dataclass
class Vocabulary:
    documents: dict[str, int]  # term -> how many records hold it
    words: dict[str, str]  # term -> a word as written that gives it, for showing

    def known(self, term: str) -> bool:
        return term in self.documents

    def corrections(self, term: str, surface: str) -> list[tuple[str, str]]:
        """(term, word) of the closest indexed terms, for a word no record holds; nothing for one that is held."""
        if self.known(term) or not correctable(term, surface):
            return []
        limit = max_edits(surface)
        pool = [t for t in self.documents if abs(len(t) - len(term)) <= limit]
        found = process.extract(term, pool, scorer=Levenshtein.distance, score_cutoff=limit, limit=20)
        if not found:
            return []
        best = min(distance for _, distance, _ in found)
        closest = sorted((t for t, distance, _ in found if distance == best), key=lambda t: -self.documents[t])
        return [(t, self.words.get(t, t)) for t in closest[:MAX_CORRECTIONS]]


def changed() -> None:
    """Called by the write path when terms come or go: every process reloads on its next query."""
    generations.changed(GENERATION_KEY)


def vocabulary() -> Vocabulary:
    global _loaded
    generation = generations.current(GENERATION_KEY)
    with _lock:
        if _loaded is None or _loaded[0] != generation:
            documents, words = {}, {}
            rows = SearchTerm.objects.filter(documents__gt=0).values_list("term", "word", "documents")
            for term, word, count in rows.iterator(chunk_size=5000):
                documents[term] = count
                words[term] = word
            _loaded = (generation, Vocabulary(documents, words))
        return _loaded[1]
