"""Turning what a visitor typed into clauses both backends understand.

User text is never handed to a query parser: it becomes a list of clauses,
every one required, each a tuple of equivalent alternatives (a synonym group,
or just the phrase itself). Every alternative is matched as a phrase, which
is what makes Chinese precise on the `standard` analyser (one token per Han
character): 碳达峰 must appear as a run, not as 碳, 达 and 峰 scattered about.
"""

import re
from dataclasses import dataclass, field

from search.query_text import clean_input, is_han, needle, normalise
from search.synonyms import synonym_map

MAX_CLAUSES = 12
_QUOTED = re.compile(r"[\"“「『]([^\"”」』]*)[\"”」』]")


@dataclass
class ParsedQuery:
    text: str
    clauses: list[tuple[str, ...]] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.clauses)

    @property
    def matching_clauses(self) -> list[tuple[str, ...]]:
        """The clauses with only the alternatives that decide a match (see `essential`)."""
        return [essential(clause) for clause in self.clauses]

    @property
    def alternatives(self) -> list[str]:
        return [alt for clause in self.clauses for alt in clause]

    @property
    def words(self) -> list[str]:
        """Single Latin words the visitor typed: what spelling suggestions work on."""
        return [c[0] for c in self.clauses if len(c) == 1 and " " not in c[0] and not is_han(c[0])]


def essential(clause: tuple[str, ...]) -> tuple[str, ...]:
    """The alternatives of a clause that can match where no other one does.

    "carbon peak and carbon neutrality" holds "carbon peak", so it can only
    match where "carbon peak" does: as a query it adds work, not results. It
    is still highlighted whole (highlighting uses every alternative).
    """
    return tuple(
        alternative
        for alternative in clause
        if not any(other != alternative and needle(other) in f" {alternative} " for other in clause)
    )


def parse(text: str, synonyms: dict[str, tuple[str, ...]] | None = None) -> ParsedQuery:
    text = clean_input(text)
    synonyms = synonym_map() if synonyms is None else synonyms
    clauses: list[tuple[str, ...]] = []

    def add(clause: tuple[str, ...]) -> None:
        if clause and clause not in clauses:
            clauses.append(clause)

    # Quoted text is taken literally: one phrase, no synonyms.
    for quoted in _QUOTED.findall(text):
        add(tuple(filter(None, [normalise(quoted)])))
    rest = f" {normalise(_QUOTED.sub(' ', text))} "

    # Longest synonym terms first, so "carbon peak and carbon neutrality" is
    # taken whole rather than as "carbon peak".
    for term in sorted(synonyms, key=len, reverse=True):
        hole = needle(term)
        if hole in rest:
            add(synonyms[term])
            rest = rest.replace(hole, " ")
            rest = f" {rest.strip()} "

    for token in rest.split():
        add((token,))
    return ParsedQuery(text=text, clauses=clauses[:MAX_CLAUSES])
