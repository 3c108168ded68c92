"""Lines of fields in YAML text, and keys given twice, from PyYAML's events.

Apart from :mod:`.positions` so that PyYAML is imported for YAML files only.
"""

from __future__ import annotations

from typing import Any

import yaml

from .positions import DEEPEST, Duplicate, Locator, nearest_line

# libyaml's composer is C; the pure-Python one is the fallback.
YAML_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def yaml_locator(text: str) -> Locator:
    """:func:`yaml_lines`, or a locator that knows no line if *text* is not
    valid YAML."""
    try:
        return yaml_lines(text)
    except (RecursionError, ValueError, KeyError, yaml.YAMLError):
        return lambda path: None


def yaml_lines(text: str) -> Locator:
    """Map field paths to lines of (valid) YAML text, from the parser's events.

    A stack of open mappings and sequences gives each key and item its path,
    as for JSON; no node graph is composed, so a large plan with one problem
    costs no more memory to locate than to load.
    """
    places, _ = _yaml_scan(text)
    return lambda path: nearest_line(places, path)


def yaml_duplicates(text: str) -> list[Duplicate]:
    """Every key given twice in one mapping of YAML *text*, with both lines.

    Keys are compared as written (a merge key's mapping brings none of its
    own here: explicit keys override merged ones, as YAML says).
    """
    try:
        return _yaml_scan(text)[1]
    except (RecursionError, ValueError, KeyError, yaml.YAMLError):
        return []


def _yaml_scan(text: str) -> tuple[dict[str, int], list[Duplicate]]:
    places: dict[str, int] = {}
    duplicates: list[Duplicate] = []
    # [path, is a mapping, key or index, expecting a key, {key: line}]
    stack: list[list[Any]] = []
    loader: Any = YAML_LOADER(text)

    def child_path(frame: list[Any]) -> str:
        path, mapping, at, _, _ = frame
        if len(stack) > DEEPEST:
            return str(path)  # see DEEPEST
        if mapping:
            return f"{path}.{at}" if path else str(at)
        return f"{path}[{at}]"

    def value_starts(line: int) -> str:
        """The path of a value starting here; records an item's line."""
        if not stack:
            return ""
        frame = stack[-1]
        if not frame[1]:
            frame[2] += 1
            places.setdefault(child_path(frame), line)
        return child_path(frame)

    def value_ends() -> None:
        if stack and stack[-1][1]:
            stack[-1][3] = True

    try:
        while not loader.check_event(yaml.StreamEndEvent):
            event = loader.get_event()
            line = event.start_mark.line + 1
            if isinstance(event, yaml.CollectionStartEvent):
                path = value_starts(line)
                mapping = isinstance(event, yaml.MappingStartEvent)
                stack.append([path, mapping, None if mapping else -1, True, {}])
            elif isinstance(event, yaml.CollectionEndEvent):
                stack.pop()
                value_ends()
            elif isinstance(event, yaml.ScalarEvent | yaml.AliasEvent):
                frame = stack[-1] if stack else None
                if frame is not None and frame[1] and frame[3]:
                    key = getattr(event, "value", None)
                    frame[2] = key
                    frame[3] = False
                    seen = frame[4]
                    if key in seen and key != "<<":
                        duplicates.append((child_path(frame), key, seen[key], line))
                    elif key is not None:
                        seen[key] = line
                    places.setdefault(child_path(frame), line)
                else:
                    value_starts(line)
                    value_ends()
    finally:
        loader.dispose()
    return places, duplicates
