"""Turning what a visitor typed into clauses every backend runs the same way.

User text is never handed to a query parser. It is analysed like the indexed
text (`search.analysis`) and becomes a list of clauses:

- a quoted phrase is a required clause: its words, side by side;
- every other word is an optional clause, and a record matches when it holds
  most of them (`minimum_match`: all of one or two, two of three, three of
  four or five, 60 % of more), so a question or a long title still finds the
  records that hold most of its words. Function words ("how", "the", "的")
  are not clauses.

A clause is a set of alternatives, any of which satisfies it, each a term or
a phrase of terms with the reason it is there: typed, a synonym (staff's or
built-in groups), the words inside a long Chinese word, or a spelling
correction of a word no record holds. The reasons travel with the results so
each hit can say why it matched.
"""

import functools
import math
import re
from dataclasses import dataclass, field

from search import analysis, spelling
from search.analysis import Token
from search.query_text import clean_input
from search.synonyms import synonym_map

MAX_CLAUSES = 12
_QUOTED = re.compile(r"[\"“「『]([^\"”」』]*)[\"”」』]")

TYPED, SYNONYM, INNER, SPELLING = "typed", "synonym", "inner", "spelling"
# How much an alternative's match counts towards ranking, against the words as typed.
WEIGHTS = {TYPED: 1.0, INNER: 0.8, SYNONYM: 0.8, SPELLING: 0.7}


@dataclass(frozen=True)
class Alternative:
    terms: tuple[str, ...]  # one term, or a phrase
    kind: str = TYPED
    label: str = ""  # what a person reads: the synonym or the corrected word

    @property
    def weight(self) -> float:
        return WEIGHTS[self.kind]

    @property
    def is_phrase(self) -> bool:
        return len(self.terms) > 1


@dataclass(frozen=True)
class Clause:
    text: str  # as the visitor typed it
    alternatives: tuple[Alternative, ...]
    required: bool = False  # a quoted phrase

    @property
    def corrected(self) -> str:
        """The clause's text with its spelling corrected, where a correction was made."""
        fixes = [alt.label for alt in self.alternatives if alt.kind == SPELLING]
        return fixes[0] if fixes else self.text


@dataclass
class ParsedQuery:
    text: str
    clauses: list[Clause] = field(default_factory=list)
    exact: bool = False  # "exact words only": no synonyms, corrections or meaning
    sequence: tuple[str, ...] = ()  # every term of the unquoted text in order, function words included

    def __bool__(self) -> bool:
        return bool(self.clauses)

    @property
    def required(self) -> list[Clause]:
        return [clause for clause in self.clauses if clause.required]

    @property
    def optional(self) -> list[Clause]:
        return [clause for clause in self.clauses if not clause.required]

    @property
    def minimum_match(self) -> int:
        """How many optional clauses a record must satisfy."""
        return minimum_match(len(self.optional))

    @property
    def alternatives(self) -> list[Alternative]:
        return [alt for clause in self.clauses for alt in clause.alternatives]

    @property
    def corrections(self) -> dict[str, str]:
        """Typed word -> the word searched instead, for words no record holds."""
        return {c.text: c.corrected for c in self.clauses if c.corrected != c.text}

    @property
    def corrected_text(self) -> str:
        """The query as searched, corrections applied: what "Showing results for" names."""
        text = self.text
        for typed, corrected in self.corrections.items():
            text = re.sub(rf"(?<!\w){re.escape(typed)}(?!\w)", corrected, text, count=1, flags=re.IGNORECASE)
        return text

    @property
    def title_phrases(self) -> list[tuple[str, ...]]:
        """What a title must hold, side by side, to count as the record asked for by name.

        The words typed in order (a title or a document number, typed as written, or a good part of it),
        with any quoted phrase; nothing for a single word, which names no title.
        """
        phrases = [self.sequence] if len(self.sequence) >= 2 else []
        phrases += [clause.alternatives[0].terms for clause in self.required]
        return phrases if (len(self.sequence) >= 2 or self.required) else []


def minimum_match(optional: int) -> int:
    return math.ceil(optional * 0.6) if optional else 0


def _analysed_synonyms(groups: dict[str, tuple[str, ...]]) -> dict[tuple[str, ...], list[tuple[tuple[str, ...], str]]]:
    """Synonym groups by the terms of each of their phrases: (terms, the phrase as written) of every alternative.

    Analysing every group's phrases takes tens of milliseconds, on every search that uses synonyms: the
    result is kept for as long as the groups are the same (read only: callers must not change it).
    """
    return _analysed_groups(tuple(groups.items()))


@functools.lru_cache(maxsize=4)
def _analysed_groups(groups: tuple[tuple[str, tuple[str, ...]], ...]) -> dict:
    analysed = {}
    for term, alternatives in groups:
        key = tuple(analysis.terms(term))
        if key:
            analysed[key] = [(tuple(analysis.terms(alt)), alt) for alt in alternatives if analysis.terms(alt)]
    return analysed


def _word_alternatives(token: Token, surface: str, exact: bool, vocabulary) -> tuple[Alternative, ...]:
    alternatives = [Alternative((token.term,), TYPED, surface)]
    inner = analysis.inner_words(token.term)
    if inner:
        alternatives.append(Alternative(tuple(inner), INNER, surface))
    if not exact and vocabulary is not None:
        for term, word in vocabulary.corrections(token.term, surface):
            alternatives.append(Alternative((term,), SPELLING, word))
    return tuple(alternatives)


def parse(
    text: str,
    *,
    exact: bool = False,
    synonyms: dict[str, tuple[str, ...]] | None = None,
    vocabulary: "spelling.Vocabulary | None" = None,
    correct: bool = True,
) -> ParsedQuery:
    """The clauses of `text`. `exact` keeps the words as typed (no synonyms, no corrections);
    `correct=False` keeps synonyms but searches a word no record holds as typed."""
    text = clean_input(text)
    query = ParsedQuery(text=text, exact=exact)
    seen: set[tuple[Alternative, ...]] = set()

    def add(clause: Clause) -> None:
        if clause.alternatives and clause.alternatives not in seen and len(query.clauses) < MAX_CLAUSES:
            seen.add(clause.alternatives)
            query.clauses.append(clause)

    for quoted in _QUOTED.findall(text):
        terms = tuple(analysis.terms(quoted))
        if terms:
            add(Clause(quoted.strip(), (Alternative(terms, TYPED, quoted.strip()),), required=True))

    rest = _QUOTED.sub(" ", text)
    folded, offsets = analysis.fold_with_offsets(rest)
    found = analysis.tokens(folded, inner=False)
    surfaces = [rest[offsets[token.start] : offsets[token.end]] for token in found]
    if not exact:
        groups = _analysed_synonyms(synonym_map() if synonyms is None else synonyms)
        longest = max((len(key) for key in groups), default=0)
    else:
        groups, longest = {}, 0
    if correct and not exact and vocabulary is None:
        vocabulary = spelling.vocabulary()
    if not correct:
        vocabulary = None

    words = [(token, surface) for token, surface in zip(found, surfaces, strict=True)]
    query.sequence = tuple(token.term for token in found)
    content = [pair for pair in words if not analysis.is_stopword_term(pair[1])] or words
    position = 0
    while position < len(words):
        # Longest synonym phrase first, so "carbon peak and carbon neutrality" is taken whole, not as "carbon peak".
        for size in range(min(longest, len(words) - position), 0, -1):
            key = tuple(token.term for token, _ in words[position : position + size])
            if key in groups:
                span = rest[offsets[words[position][0].start] : offsets[words[position + size - 1][0].end]]
                alternatives = [Alternative(key, TYPED, span)]
                alternatives += [Alternative(terms, SYNONYM, label) for terms, label in groups[key] if terms != key]
                add(Clause(span, tuple(alternatives)))
                position += size
                break
        else:
            token, surface = words[position]
            if (token, surface) in content:
                add(Clause(surface, _word_alternatives(token, surface, exact, vocabulary)))
            position += 1
    return query
