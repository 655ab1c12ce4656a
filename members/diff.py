"""What changed between two versions of a pledge or report, in words a person reads.

`diff_objects(old, new)` compares two instances of the same model (say the live
row and `revision.as_object()`) field by field and returns the list-of-dicts
shape `PublicChange.changes` stores:

    [{"field": "target_year", "label": "Target year", "old": "2045", "new": "2040"}, ...]

Values are display values (choice labels, "Yes"/"No", grouped numbers, related
objects by name); labels are the fields' verbose names. Both follow the active
language, so callers that store the result pick the language first. Child rows
(a pledge's milestones) appear as added, removed or changed rows. `old=None`
means a new item: every value it has is listed as new.
"""

from decimal import Decimal

from django.db import models
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from modelcluster.models import get_all_child_relations
from wagtail.models import DraftStateMixin, RevisionMixin

from members.models import provenance

# Publication bookkeeping, not data anyone reviews.
BOOKKEEPING = {field.name for mixin in (DraftStateMixin, RevisionMixin) for field in mixin._meta.fields}


def compared_fields(model) -> list[models.Field]:
    """The fields a reviewer compares, in the model's order."""
    return [
        field
        for field in model._meta.concrete_fields
        if field.editable and not field.primary_key and field.name not in BOOKKEEPING
    ]


def child_fields(model) -> list[models.Field]:
    """A child row's own fields: not its key, parent link or ordering."""
    return [
        field
        for field in model._meta.concrete_fields
        if field.editable and not field.primary_key and field.name != "sort_order" and not field.remote_field
    ]


def raw_value(obj, field: models.Field):
    return getattr(obj, field.attname)


def display_value(obj, field: models.Field) -> str:
    """A field's value as a person reads it; "" when empty."""
    value = raw_value(obj, field)
    if value is None or value == "":
        return ""
    if field.name == "provenance":
        return provenance.describe(value)
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(field, models.BooleanField):
        return _("Yes") if value else _("No")
    if field.remote_field:
        related = getattr(obj, field.name, None)
        return str(related) if related is not None else ""
    if isinstance(field, models.DecimalField):
        # 100000.00 -> "100,000"; 12.50 -> "12.5" (values set in code may still be ints or strings)
        number = Decimal(str(value)).normalize()
        return f"{number:,f}" if number == number.to_integral() else f"{number:,}"
    return str(value)


def label_of(field: models.Field) -> str:
    return capfirst(str(field.verbose_name))


def rows_of(obj, relation_name: str) -> list:
    return list(getattr(obj, relation_name).all()) if obj is not None else []


def describe_row(row, fields: list[models.Field]) -> str:
    return " · ".join(text for text in (display_value(row, field) for field in fields) if text)


def same_row(old_row, new_row, fields: list[models.Field]) -> bool:
    return all(raw_value(old_row, field) == raw_value(new_row, field) for field in fields)


def pair_rows(old_rows: list, new_rows: list, fields: list[models.Field]):
    """Match rows by primary key, then by their first field (a milestone's year).

    Yields (old, new) pairs where either side may be None (added or removed).
    """
    unmatched_old = list(old_rows)
    pending_new = []
    for new_row in new_rows:
        match = next((row for row in unmatched_old if new_row.pk is not None and row.pk == new_row.pk), None)
        if match is not None:
            unmatched_old.remove(match)
            yield match, new_row
        else:
            pending_new.append(new_row)
    key = fields[0] if fields else None
    for new_row in pending_new:
        match = key and next((row for row in unmatched_old if raw_value(row, key) == raw_value(new_row, key)), None)
        if match:
            unmatched_old.remove(match)
            yield match, new_row
        else:
            yield None, new_row
    for old_row in unmatched_old:
        yield old_row, None


def diff_children(old, new, relation) -> list[dict]:
    name = relation.name
    model = relation.related_model
    fields = child_fields(model)
    key = fields[0] if fields else None
    changes = []
    for old_row, new_row in pair_rows(rows_of(old, name), rows_of(new, name), fields):
        if old_row is not None and new_row is not None and same_row(old_row, new_row, fields):
            continue
        either = new_row if new_row is not None else old_row
        heading = capfirst(str(model._meta.verbose_name))
        label = f"{heading} {display_value(either, key)}" if key else heading
        changes.append(
            {
                "field": name,
                "label": label,
                "old": describe_row(old_row, fields) if old_row is not None else "",
                "new": describe_row(new_row, fields) if new_row is not None else "",
            }
        )
    return changes


def diff_objects(old, new) -> list[dict]:
    """Field-by-field changes from `old` to `new` (`old=None`: everything `new` has)."""
    model = type(new)
    changes = []
    for field in compared_fields(model):
        new_text = display_value(new, field)
        if old is None:
            if new_text:
                changes.append({"field": field.name, "label": label_of(field), "old": "", "new": new_text})
            continue
        if raw_value(old, field) != raw_value(new, field):
            changes.append(
                {"field": field.name, "label": label_of(field), "old": display_value(old, field), "new": new_text}
            )
    for relation in get_all_child_relations(model):
        changes.extend(diff_children(old, new, relation))
    return changes


def detached_copy(obj):
    """An in-memory copy of a row and its child rows, unaffected by later saves."""
    return type(obj).from_serializable_data(obj.serializable_data())
