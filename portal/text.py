"""Text that cannot be stored or shown: refused where people send it, replaced where it is read back.

Two kinds of character are never wanted in what people type or import:

- lone UTF-16 surrogates (U+D800 to U+DFFF, say JSON's "\\udfff"): half of an
  encoded pair, they cannot be encoded as UTF-8, so the database, the page and
  the e-mail that should carry them all fail;
- control characters (C0, DEL and C1): invisible, refused by XML (feeds,
  spreadsheets) and by PostgreSQL (NUL). Multi-line text keeps tab, line feed
  and carriage return.

`text_problem` is the rule. Forms take it through `PlainTextFormMixin`, which
puts `PlainTextValidator` on every text field (Django's `CharField` only
refuses NUL), the API's schemas through the `OneLine` and `Lines` types, and
importers call it on each value. Text read from files, where refusing is no
answer, goes through `storable`. What was stored before the rule existed is
made readable with `readable` where it is loaded (`ReadableRevisionsMixin` for
revisions), so a page shows U+FFFD instead of failing; `xml_text` does the same
for XML written from stored text.
"""

import re
from dataclasses import dataclass
from typing import Annotated

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import ProhibitNullCharactersValidator
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _
from pydantic import AfterValidator
from pydantic_core import PydanticCustomError

SURROGATE = re.compile("[\ud800-\udfff]")
# Unicode's "Cc" category: C0, DEL and C1.
CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")
CONTROL_IN_LINES = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
LINE_BREAK = re.compile("[\n\r]")

MESSAGES = {
    "unencodable": _(
        "The text contains a broken character (U+%(code)04X, half of an encoded pair) that cannot be saved. "
        "Type or paste that part again."
    ),
    "line_break": _("This field takes a single line: remove the line break."),
    "control_character": _(
        "The text contains an invisible control character (U+%(code)04X) that cannot be saved. Remove it."
    ),
}


@dataclass(frozen=True)
class TextProblem:
    code: str
    character: str

    @property
    def params(self) -> dict:
        return {"code": ord(self.character)}

    @property
    def message(self) -> str:
        return MESSAGES[self.code] % self.params


def text_problem(value: str, *, multiline: bool = False, controls: bool = True) -> TextProblem | None:
    """What makes the text unusable, if anything: the first broken character, else the first control character.

    `controls=False` checks encodability alone (a password is hashed, never shown: refusing a character in
    it would lock out whoever chose it).
    """
    found = SURROGATE.search(value)
    if found:
        return TextProblem("unencodable", found.group())
    if not controls:
        return None
    found = (CONTROL_IN_LINES if multiline else CONTROL).search(value)
    if found:
        return TextProblem("line_break" if LINE_BREAK.match(found.group()) else "control_character", found.group())
    return None


def readable(value: str) -> str:
    """The text with each lone surrogate as U+FFFD (a surrogate pair becomes its character): it can be encoded."""
    if not SURROGATE.search(value):
        return value
    return value.encode("utf-16", "surrogatepass").decode("utf-16", "replace")


def storable(value: str) -> str:
    """Text read from a file, where refusing is no answer: broken characters as U+FFFD, control characters
    (tab and line breaks kept) as spaces, so words on either side stay apart."""
    return CONTROL_IN_LINES.sub(" ", readable(value))


def xml_text(value: str) -> str:
    """Text as XML 1.0 carries it: control characters (tab and line breaks kept) dropped, broken ones as U+FFFD."""
    return CONTROL_IN_LINES.sub("", readable(value))


def readable_data(data):
    """`readable` applied to every string of decoded JSON (dicts, lists, keys included)."""
    if isinstance(data, str):
        return readable(data)
    if isinstance(data, dict):
        return {readable_data(key): readable_data(value) for key, value in data.items()}
    if isinstance(data, list):
        return [readable_data(item) for item in data]
    return data


# --- Forms -------------------------------------------------------------------------------------


@deconstructible
class PlainTextValidator:
    """Refuses text `text_problem` finds fault with; values that are not text are left to their field."""

    def __init__(self, *, multiline: bool = False, controls: bool = True):
        self.multiline = multiline
        self.controls = controls

    def __call__(self, value) -> None:
        if not isinstance(value, str):
            return
        problem = text_problem(value, multiline=self.multiline, controls=self.controls)
        if problem:
            raise ValidationError(MESSAGES[problem.code], code=problem.code, params=problem.params)

    def __eq__(self, other) -> bool:
        return isinstance(other, PlainTextValidator) and (self.multiline, self.controls) == (
            other.multiline,
            other.controls,
        )


def guard_text_field(field: forms.Field) -> None:
    """Give a text field the plain-text rule: multi-line when its widget is a text area.

    It stands in for Django's NUL check, which it includes, so NUL gets one message, not two.
    """
    if not isinstance(field, forms.CharField) or isinstance(field, forms.JSONField):
        return
    if any(isinstance(validator, PlainTextValidator) for validator in field.validators):
        return
    validator = PlainTextValidator(
        multiline=isinstance(field.widget, forms.Textarea),
        controls=not isinstance(field.widget, forms.PasswordInput),
    )
    field.validators = [
        v for v in field.validators if not isinstance(v, ProhibitNullCharactersValidator) or not validator.controls
    ] + [validator]


class PlainTextFormMixin:
    """Every text field of the form refuses broken and control characters (see the module's docstring).

    Put it first among a form's bases. A form's fields are copies made for each instance, so the class's
    fields are not changed.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            guard_text_field(field)


# --- API schemas -------------------------------------------------------------------------------


def _schema_rule(multiline: bool):
    def check(value: str) -> str:
        problem = text_problem(value, multiline=multiline)
        if problem:
            raise PydanticCustomError(problem.code, str(problem.message))
        return value

    return check


OneLine = Annotated[str, AfterValidator(_schema_rule(multiline=False))]
Lines = Annotated[str, AfterValidator(_schema_rule(multiline=True))]


# --- Reading back what was stored ---------------------------------------------------------------


class ReadableRevisionsMixin:
    """Revisions load with their broken characters replaced, for models that take text from JSON.

    A revision keeps its values as JSON, which can hold an escaped lone surrogate that no
    column could; one saved before the rule above made every page showing it fail.
    """

    def with_content_json(self, content):
        return super().with_content_json(readable_data(content))
