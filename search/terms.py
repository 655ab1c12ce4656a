"""Which texts of a record go into which indexed field, analysed: the same for every backend."""

from search import analysis
from search.records import Record

# Field -> weight, as Elasticsearch and PostgreSQL rank them (title A, labels B, summary C, body D).
FIELDS = ("title_terms", "label_terms", "summary_terms", "body_terms")


def texts(record: Record) -> dict[str, list[str]]:
    return {
        "title_terms": [record["title"], record["alt_title"], record.get("number", "")],
        "label_terms": [
            *record["topic_names"],
            *record.get("labels", []),
            record["issuing_body"],
            record["issuing_body_zh"],
        ],
        "summary_terms": [record["summary"]],
        "body_terms": [record["body"], *(passage["text"] for passage in record["passages"])],
    }


def record_terms(record: Record) -> dict[str, analysis.Analysed]:
    """Each indexed field's streams of terms, with the English-like words that gave them."""
    return {name: analysis.analyse(values) for name, values in texts(record).items()}


def words(analysed: dict[str, analysis.Analysed]) -> dict[str, str]:
    found: dict[str, str] = {}
    for result in analysed.values():
        for term, word in result.words.items():
            found.setdefault(term, word)
    return found
