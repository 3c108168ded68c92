"""Text fit to show: no control characters.

NUL, escape and the other control characters (Unicode category Cc) break
terminals, CSV and Markdown output, and an escape sequence in a name can
rewrite what a terminal shows.  Names and ids take none; longer text
(statements, descriptions, quotes) may break lines with newlines and tabs.
Unpaired surrogates (which JSON's ``\ud800`` escapes can produce) are refused
too: no file, terminal or CSV can be written with them.
"""

from __future__ import annotations

import re
from typing import Any

from ._errors import FieldError, FieldTypeError

# Unicode categories Cc (control) and Cs (surrogate)
_ANY_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
_CONTROL_BUT_LINES = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


def check_text(value: object, what: str, *, lines: bool = False) -> None:
    """Raise :class:`ValueError` if *value* is text holding a control character.

    With *lines*, tabs and newlines are allowed.  Values other than text
    pass: their type is checked elsewhere.
    """
    if not isinstance(value, str):
        return
    found = (_CONTROL_BUT_LINES if lines else _ANY_CONTROL).search(value)
    if found is not None:
        shown = value if len(value) <= 60 else value[:57] + "..."
        code = ord(found.group())
        kind = "unpaired surrogate" if code >= 0xD800 else "control character"
        raise FieldError(
            f"{what} {shown!r} contains the {kind} U+{code:04X} "
            f"at position {found.start()}"
        )


def single_line(instance: Any, attribute: Any, value: Any) -> None:
    """attrs validator: text without any control character (names, ids, urls);
    ``None`` passes (the field's default, where it has one)."""
    if type(value) is not str and value is not None:
        _not_text(attribute.name, value)
    check_text(value, attribute.name)


def free_text(instance: Any, attribute: Any, value: Any) -> None:
    """attrs validator: text without control characters but tabs and newlines;
    ``None`` passes."""
    if type(value) is not str and value is not None:
        _not_text(attribute.name, value)
    check_text(value, attribute.name, lines=True)


def _not_text(field: str, value: object) -> None:
    if isinstance(value, str):
        return  # a subclass of str is text
    raise FieldTypeError(
        f"{field} must be text, got {value!r} (a {type(value).__name__})",
        field=field,
        value=value,
    )
