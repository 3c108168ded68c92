"""Names in one or more languages, keyed by language tag (:class:`Names`).

Whatever a plan names (the system, its region, tiers, industries, metrics,
enterprises, zones) takes a :class:`Names`, a plain string (English) or a
``{language: name}`` mapping; ``_to_names`` is the converter they share.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, TypeAlias

import attrs

from industrial_plan._errors import FieldError, FieldTypeError, NotFoundError
from industrial_plan._text import check_text, name_key, nfc, visible


def _names(value: Any) -> tuple[tuple[str, str], ...]:
    """The names as (language, text) pairs, each text in NFC (see :func:`nfc`)."""
    if isinstance(value, Names):
        return value.by_language
    if isinstance(value, str):
        return (("en", nfc(value)),)
    if type(value) is dict and len(value) == 1:
        # The common case, a name in one language, without a generator.
        ((key, text),) = value.items()
        return ((key if type(key) is str else str(key), _nfc(text)),)
    if isinstance(value, Mapping):
        return tuple((str(k), _nfc(v)) for k, v in value.items())
    try:
        return tuple((str(k), _nfc(v)) for k, v in value)
    except (TypeError, ValueError):
        raise FieldTypeError(
            f"a name must be text, or text by language tag ({{'en': 'Biomedicine', "
            f"'zh': '生物医药'}}), got {value!r} (a {type(value).__name__})",
            field="name",
            value=value,
        ) from None


def _nfc(text: Any) -> Any:
    return nfc(text) if isinstance(text, str) else text


_TAG = re.compile(r"[a-z]{2,3}(-[A-Za-z0-9]{2,8})*")
_GOOD_TAGS: set[str] = set()  # tags seen valid ("en", "zh"), bounded


@attrs.frozen
class Names:
    """A name in one or more languages, keyed by language tag (``en``, ``zh``).

    Each name is stored in Unicode's composed form (NFC), must show at least
    one visible character (not only spaces, zero-width characters or bidi
    controls), and is compared with others by its key: NFKC, case folded,
    zero-width characters dropped (:meth:`matches`).

    >>> names = Names({"en": "Biomedicine", "zh": "生物医药"})
    >>> names["zh"], str(names)
    ('生物医药', 'Biomedicine')
    """

    by_language: tuple[tuple[str, str], ...] = attrs.field(converter=_names)

    @by_language.validator
    def _check(self, attribute: object, value: tuple[tuple[str, str], ...]) -> None:
        if not value:
            raise FieldError("a name needs at least one language")
        if len(value) > 1:
            languages = [language for language, _ in value]
            if len(set(languages)) != len(languages):
                raise FieldError(f"a language appears twice in {dict(value)!r}")
        for language, text in value:
            if language not in _GOOD_TAGS:
                if not isinstance(language, str) or not _TAG.fullmatch(language):
                    raise FieldError(f"{language!r} is not a language tag such as 'en'")
                if len(_GOOD_TAGS) < 1024:
                    _GOOD_TAGS.add(language)
            if not isinstance(text, str) or not text.strip():
                raise FieldError(f"the {language!r} name is empty")
            check_text(text, f"the {language!r} name")
            if not visible(text):
                raise FieldError(
                    f"the {language!r} name {text!r} has no visible character"
                )

    def __getitem__(self, language: str) -> str:
        for tag, text in self.by_language:
            if tag == language:
                return text
        raise NotFoundError(language, "name in language", self.languages)

    def get(self, language: str, default: str | None = None) -> str | None:
        """The name in *language*, or *default*."""
        return dict(self.by_language).get(language, default)

    @property
    def languages(self) -> list[str]:
        """The language tags, in the order given."""
        return [tag for tag, _ in self.by_language]

    def best(self, language: str = "en") -> str:
        """The name in *language*, else in its base language, else the first one."""
        exact = self.get(language) or self.get(language.split("-")[0].split("_")[0])
        return exact if exact is not None else self.by_language[0][1]

    def matches(self, text: str) -> bool:
        """Whether *text* is one of the names, compared by their key: Unicode's
        compatibility forms folded (NFKC), case ignored, zero-width and bidi
        characters dropped and spaces collapsed (see :func:`name_key`)."""
        wanted = name_key(text)
        return any(name_key(name) == wanted for _, name in self.by_language)

    def as_dict(self) -> dict[str, str]:
        """The names as a plain ``{language: name}`` dict."""
        return dict(self.by_language)

    def __str__(self) -> str:
        return self.best("en")


NameLike: TypeAlias = Names | str | Mapping[str, str]


def _to_names(value: NameLike) -> Names:
    return value if isinstance(value, Names) else Names(value)
