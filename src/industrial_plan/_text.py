"""Text fit to show: no control characters.

NUL, escape and the other control characters (Unicode category Cc) break
terminals, CSV and Markdown output, and an escape sequence in a name can
rewrite what a terminal shows.  Names and ids take none; longer text
(statements, descriptions, quotes) may break lines with newlines and tabs.
Unpaired surrogates (which JSON's ``\ud800`` escapes can produce) are refused
too: no file, terminal or CSV can be written with them.

Names are compared by :func:`name_key`, and shown through :func:`neutral`,
which makes bidirectional controls (U+202E and its kin) visible, so that a
name cannot reorder the text of a report around it.
"""

from __future__ import annotations

import re
import unicodedata
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


# -- names: one form in, one key to compare, nothing invisible ------------------------

# Bidirectional controls: embeddings, overrides, isolates and the marks.
BIDI_CONTROLS = (
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
_BIDI = re.compile(f"[{BIDI_CONTROLS}]")
# Characters that show nothing: format characters (Unicode category Cf:
# zero-width spaces and joiners, U+FEFF, bidi controls, the soft hyphen),
# separators and spaces, and the few marks and fillers drawn as nothing.
_INVISIBLE_EXTRA = frozenset("\u034f\u115f\u1160\u17b4\u17b5\u3164\uffa0\u2800")


def nfc(text: str) -> str:
    """*text* in Unicode's composed normal form (NFC), as names are stored."""
    return (
        text
        if unicodedata.is_normalized("NFC", text)
        else unicodedata.normalize("NFC", text)
    )


def name_key(text: str) -> str:
    """The key two names are compared by: equal keys are the same name.

    NFKC folds compatibility forms (full-width letters and digits, the
    no-break space, ligatures) into their plain forms; format characters
    (zero-width spaces and joiners, U+FEFF, bidi controls) are dropped;
    runs of spaces become one; case is folded (``casefold``, which leaves
    Chinese as it is).  So "Biomedicine", "BIOMEDICINE", "Bio\\u200bmedicine",
    "Ｂｉｏｍｅｄｉｃｉｎｅ" and the decomposed and composed forms of "Café"
    share a key.
    """
    if text.isascii():
        return " ".join(text.split()).casefold()
    folded = unicodedata.normalize("NFKC", text).casefold()
    folded = unicodedata.normalize("NFKC", folded)
    kept = "".join(c for c in folded if unicodedata.category(c) != "Cf")
    return " ".join(kept.split())


def visible(text: str) -> bool:
    """Whether *text* has a character that shows: not only spaces, zero-width
    characters, U+FEFF or bidi controls."""
    if text.isascii():
        return not text.isspace() and bool(text)
    return any(
        not char.isspace()
        and unicodedata.category(char) not in ("Cf", "Zs", "Zl", "Zp", "Cc", "Mn")
        and char not in _INVISIBLE_EXTRA
        for char in text
    )


def neutral(text: str) -> str:
    """*text* with each bidi control written as its escape (``\\u202e``), so that
    it shows rather than reorders what surrounds it."""
    if text.isascii() or _BIDI.search(text) is None:
        return text
    return _BIDI.sub(lambda found: f"\\u{ord(found.group()):04x}", text)
