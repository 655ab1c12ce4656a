"""What search keeps in the database: the denormalised entries of the embedded
backend, and the staff-edited synonym groups both backends expand queries with."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel


class SearchEntry(models.Model):
    """One searchable record (see `search.records`), flattened for `DatabaseBackend`.

    The `*_terms` columns hold the record's analysed terms (`search.analysis`),
    the same the Elasticsearch index holds, one stream after another with
    `analysis.GAP` between them. The database indexes them itself: on
    PostgreSQL a generated `search_vector` tsvector (title A, labels B,
    summary C, body D) with a GIN index, on SQLite the FTS5 table
    `search_searchentry_fts`, kept in step by triggers. Both are made by
    migration 0007 (see there), so the model does not name them.
    """

    key = models.CharField(max_length=80, unique=True)
    content_type = models.CharField(max_length=60, db_index=True)
    title = models.CharField(max_length=500)
    alt_title = models.CharField(max_length=500, blank=True)
    summary = models.TextField(blank=True)
    body = models.TextField(blank=True)
    passages = models.JSONField(default=list, blank=True)
    url = models.CharField(max_length=500, blank=True)
    date = models.DateField(null=True, blank=True)
    year = models.PositiveIntegerField(null=True, blank=True)
    issuing_body = models.CharField(max_length=200, blank=True)
    jurisdiction = models.CharField(max_length=20, blank=True)
    document_type = models.CharField(max_length=20, blank=True)
    status = models.CharField(max_length=20, blank=True)
    languages = models.JSONField(default=list, blank=True)
    topics = models.JSONField(default=list, blank=True)
    group = models.CharField(max_length=80, blank=True)  # records that are translations of each other share it
    # The multi-valued facets' values, {field: [value, ...]}, as the entry's `SearchTag` rows hold them: a search
    # counts them over its matches from the row it has already read, where the tags would be joined to every match.
    facet_values = models.JSONField(default=dict, blank=True)
    # EOD programmes: the catalogue's facets, ranges (CNY million) and sorts.
    province = models.CharField(max_length=10, blank=True)
    stage = models.CharField(max_length=30, blank=True)
    size_band = models.CharField(max_length=20, blank=True)
    gap_band = models.CharField(max_length=20, blank=True)
    investment = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    gap = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    title_terms = models.TextField(blank=True)
    label_terms = models.TextField(blank=True)
    summary_terms = models.TextField(blank=True)
    body_terms = models.TextField(blank=True)
    version = models.CharField(max_length=40)

    class Meta:
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")
        # group: every search looks up the translations of the hits it shows, which read the whole table without it.
        indexes = [models.Index(fields=["-date"]), models.Index(fields=["group"], name="search_entry_group")]

    def __str__(self) -> str:
        return self.key


class SearchTag(models.Model):
    """A value of a multi-valued facet (language, topic, sector, instrument) of an entry: counted in SQL."""

    # No index of its own: `one_tag_per_value` starts with the entry and answers what one would.
    entry = models.ForeignKey(SearchEntry, on_delete=models.CASCADE, related_name="tags", db_index=False)
    facet = models.CharField(max_length=20)
    value = models.CharField(max_length=60)

    class Meta:
        indexes = [models.Index(fields=["facet", "value", "entry"], name="search_tag_facet_value")]
        constraints = [models.UniqueConstraint(fields=["entry", "facet", "value"], name="one_tag_per_value")]

    def __str__(self) -> str:
        return f"{self.facet}:{self.value}"


class SearchChunk(models.Model):
    """A passage of an entry that has a meaning vector: the head (title and summary) or a window of its text."""

    entry = models.ForeignKey(SearchEntry, on_delete=models.CASCADE, related_name="chunks", db_index=False)
    ordinal = models.PositiveSmallIntegerField()
    page = models.PositiveIntegerField(null=True, blank=True)
    digest = models.CharField(max_length=64)  # the text's `Embedding`, when computed

    class Meta:
        # A rebuild writes several of these a record, each into every index: the entry is indexed by
        # `one_chunk_per_ordinal` alone, and the digest by an index for equality only (`db_index` on
        # PostgreSQL adds a second one for LIKE, which nothing asks). The two dropped indexes took a
        # third of writing 750,000 passages.
        indexes = [models.Index(fields=["digest"], name="search_chunk_digest")]
        constraints = [models.UniqueConstraint(fields=["entry", "ordinal"], name="one_chunk_per_ordinal")]

    def __str__(self) -> str:
        return f"{self.entry_id}#{self.ordinal}"


class SearchTerm(models.Model):
    """An English-like term of the index with how many entries hold it: the vocabulary spelling corrects to."""

    term = models.CharField(max_length=100, unique=True)
    word = models.CharField(max_length=100)  # a word as written that gives the term ("emissions" for "emiss")
    documents = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return self.term


class Synonym(models.Model):
    """A group of terms that mean the same thing to a reader, in either language.

    Applied when a query is parsed, so a change takes effect on the next
    search without reindexing.
    """

    terms = models.TextField(
        _("equivalent terms"),
        help_text=_("One term or phrase per line, in English or Chinese, e.g. “green finance” and “绿色金融”."),
    )
    note = models.CharField(_("note"), max_length=200, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    panels = [FieldPanel("terms"), FieldPanel("note")]

    class Meta:
        ordering = ["terms"]
        verbose_name = _("search synonym group")
        verbose_name_plural = _("search synonym groups")

    def __str__(self) -> str:
        return " = ".join(self.term_list())

    def clean(self) -> None:
        super().clean()
        if len(self.term_list()) < 2:
            raise ValidationError({"terms": _("Give at least two terms, one per line.")})

    def term_list(self) -> list[str]:
        lines = self.terms.replace("，", "\n").replace(",", "\n").splitlines()
        return [line.strip() for line in lines if line.strip()]


class PendingUpdate(models.Model):
    """A record changed in the database whose index update is not confirmed yet.

    Written in the same transaction as the change, so it exists exactly when
    the change does; removed by the sync task once every backend holds the
    record as it is now. A row that stays (the cluster was down longer than the
    task's retries, or the broker lost the task) is replayed by the periodic
    `search.tasks.sync_pending_records`.
    """

    key = models.CharField(max_length=80, unique=True)
    changed_at = models.DateTimeField(db_index=True)

    class Meta:
        verbose_name = _("pending search update")
        verbose_name_plural = _("pending search updates")

    def __str__(self) -> str:
        return self.key


from search.semantic.models import Embedding, VectorIndex  # noqa: E402, F401 - the models live with the semantic search code
