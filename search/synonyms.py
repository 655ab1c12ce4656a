"""Equivalent terms, applied when a query is parsed (no reindexing needed).

Built-in groups cover the association's core vocabulary in both languages;
staff add more as `Synonym` snippets. A broader term may also pull in
narrower ones one way only: "dual carbon" finds a page that says only
碳中和, but 碳中和 does not find every page about carbon peaking.
"""

from django.core.cache import cache

from search.query_text import normalise

CACHE_KEY = "search:synonyms:v1"

DUAL_CARBON = (
    "dual carbon",
    "double carbon",
    "carbon peak and carbon neutrality",
    "carbon peaking and carbon neutrality",
    "双碳",
    "碳达峰碳中和",
)
CARBON_PEAK = ("carbon peak", "carbon peaking", "peak carbon", "碳达峰")
CARBON_NEUTRALITY = ("carbon neutrality", "carbon neutral", "碳中和")
EOD = (
    "eod",
    "ecology-oriented development",
    "eco-environment-oriented development",
    "生态环境导向的开发",
    "生态环境导向开发",
)

BUILT_IN_GROUPS = [DUAL_CARBON, CARBON_PEAK, CARBON_NEUTRALITY, EOD]
# Broader group -> narrower groups it also finds.
NARROWER = {DUAL_CARBON: (CARBON_PEAK, CARBON_NEUTRALITY)}


def _build(staff_groups: list[list[str]]) -> dict[str, tuple[str, ...]]:
    expansions: dict[str, set[str]] = {}
    for group in [*BUILT_IN_GROUPS, *staff_groups]:
        terms = {normalise(term) for term in group} - {""}
        # A term in several groups finds everything any of them lists.
        merged = set(terms)
        for term in terms:
            merged |= expansions.get(term, set())
        for term in merged:
            expansions[term] = merged
    for broad, narrower in NARROWER.items():
        extra = {normalise(term) for group in narrower for term in group}
        for term in {normalise(t) for t in broad}:
            expansions[term] = expansions[term] | extra
    return {term: tuple(sorted(alts, key=lambda a: (a != term, a))) for term, alts in expansions.items()}


def synonym_map() -> dict[str, tuple[str, ...]]:
    """Normalised term -> every alternative a query for it should accept (itself first)."""
    expansions = cache.get(CACHE_KEY)
    if expansions is None:
        from search.models import Synonym

        staff = [synonym.term_list() for synonym in Synonym.objects.all()]
        expansions = _build(staff)
        cache.set(CACHE_KEY, expansions, 300)
    return expansions


def forget() -> None:
    """Called when staff change a group, so the next query sees it."""
    cache.delete(CACHE_KEY)
