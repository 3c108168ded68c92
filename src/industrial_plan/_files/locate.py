"""Which line of a plan file a field path is on: the entry to :mod:`.positions`
(TOML, JSON) and :mod:`.yaml_positions` (YAML, imported for YAML files only)."""

from __future__ import annotations

from collections.abc import Callable

from .positions import Locator, json_lines, toml_lines


class LazyLocator:
    """Maps field paths to lines, reading the text again only on first use."""

    def __init__(self, text: Callable[[], str], syntax: str) -> None:
        self._text = text
        self._syntax = syntax
        self._locate: Locator | None = None

    def __call__(self, path: str) -> int | None:
        if self._locate is None:
            self._locate = locator(self._text(), self._syntax)
        return self._locate(path)


def locator(text: str, syntax: str) -> Locator:
    """A function from a field path to its line in *text* (``None`` if unknown)."""
    if syntax == "yaml":
        # PyYAML is imported for YAML files only (issue 22: start-up).
        from .yaml_positions import yaml_locator

        return yaml_locator(text)
    readers: dict[str, Callable[[str], Locator]] = {
        "toml": toml_lines,
        "json": json_lines,
    }
    try:
        return readers[syntax](text)
    except (RecursionError, ValueError, KeyError):
        return lambda path: None
