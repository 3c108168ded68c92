"""Where a figure was stated: :class:`Source`.

A publisher, a document's title and date, its address and the words quoted;
plan files cite a document once by its ``id`` and refer to it from each
figure.
"""

from __future__ import annotations

import datetime as dt

import attrs

from industrial_plan._errors import FieldError, FieldTypeError
from industrial_plan._text import free_text, single_line


def _optional_date(value: object) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise FieldError(f"source date {value!r} is not an ISO date") from None
    raise FieldTypeError(f"source date must be a date or ISO string, got {value!r}")


@attrs.frozen
class Source:
    """Where a figure was stated.

    Attributes:
        publisher: who published it ("chinadaily.com.cn").
        title: the document's title.
        date: the publication date.
        url: where to read it.
        quote: the words that state the figure ("exceeded 2 trillion yuan").
        id: a short name for the document, so that plan files can cite it
            once and refer to it from every figure.
    """

    publisher: str | None = attrs.field(default=None, validator=single_line)
    title: str | None = attrs.field(default=None, validator=single_line)
    date: dt.date | None = attrs.field(default=None, converter=_optional_date)
    url: str | None = attrs.field(default=None, validator=single_line)
    quote: str | None = attrs.field(default=None, validator=free_text)
    id: str | None = attrs.field(default=None, kw_only=True, validator=single_line)

    def __attrs_post_init__(self) -> None:
        if all(getattr(self, f.name) is None for f in attrs.fields(Source)):
            raise FieldError(
                "a source needs at least one of publisher, title, date, url, quote, id"
            )

    @property
    def document(self) -> Source:
        """The same source without the quoted words: the document itself."""
        return attrs.evolve(self, quote=None)

    def quoting(self, words: str | None) -> Source:
        """The same document, quoting *words*."""
        return attrs.evolve(self, quote=words)

    def __str__(self) -> str:
        parts = [p for p in (self.publisher, self.title) if p]
        if self.date is not None:
            parts.append(self.date.isoformat())
        text = ", ".join(parts)
        if self.quote:
            text = f'"{self.quote}" ({text})' if text else f'"{self.quote}"'
        return text
