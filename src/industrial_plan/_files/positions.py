"""Where a field path sits in plan file text: the line numbers of problems.

The fast parsers keep no positions (tomllib, json) or keep them only in a
slower mode (YAML nodes), and positions are needed only when a problem is
reported.  So a plan is parsed once, without positions; only when it has
problems is its text read again, here, to map each problem's field path
(``tiers[1].industries[0].targets[2].year``) to the line of its key.

Each syntax is read by a tokenizer that follows its grammar (strings,
multi-line strings, quoted keys, comments, inline tables), so that text
inside a string is never taken for a key or a header.  A path that has no
line of its own (a value inside an inline table or array that the tokenizer
gives no line) maps to the line of the nearest enclosing path.  Locating
never raises: at worst a problem is reported without a line.
"""

from __future__ import annotations

import bisect
import json
import re
import tomllib
from collections.abc import Callable, Mapping
from typing import Any

Locator = Callable[[str], "int | None"]

_LAST_SEGMENT = re.compile(r"(\.?[^.\[\]]+|\[\d+\])$")
_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
_SYNTAX_LINE = re.compile(r"\s*\(at line (\d+), column (\d+)\)\s*$")
_SYNTAX_END = re.compile(r"\s*\(at end of document\)\s*$")


class DuplicateKeyFound(Exception):
    """A parser met a key a second time in one table; :func:`json_duplicates`
    and :func:`yaml_duplicates` then find both lines."""

    def __init__(self, key: object) -> None:
        super().__init__(key)
        self.key = key


DEEPEST = 100
"""How deep the locators follow paths; deeper values take the line of their
ancestor at this depth.  Problems name no deeper path (plans may nest
:data:`~industrial_plan.MAX_DEPTH` levels), and following every level of a
100,000-deep file would write paths of every length up to 300,000 characters:
gigabytes, for a 200 kB file."""


def nearest_line(places: Mapping[str, int], path: str) -> int | None:
    """The line of *path*, or of the nearest enclosing path that has one."""
    while path:
        if path in places:
            return places[path]
        shorter = _LAST_SEGMENT.sub("", path)
        if shorter == path:
            return None
        path = shorter
    return None


def toml_error_line(message: str, text: str) -> tuple[str, int | None]:
    """tomllib's message without its position suffix, and the line it names.

    tomllib (before Python 3.14) gives the position only inside the message.
    """
    found = _SYNTAX_LINE.search(message)
    if found:
        column = found.group(2)
        return f"{message[: found.start()]} (column {column})", int(found.group(1))
    if _SYNTAX_END.search(message):
        return _SYNTAX_END.sub("", message) + " (at the end)", text.count("\n") + 1
    return message, None


# -- TOML ------------------------------------------------------------------------------


def toml_lines(text: str) -> Locator:
    """Map field paths to lines of (valid) TOML text, following TOML's grammar.

    Table headers are followed as TOML reads them: ``[[tiers.industries]]``
    adds an industry to the last tier.
    """
    scanner = _TomlScanner(text)
    scanner.run()
    places = scanner.places
    return lambda path: nearest_line(places, path)


class _TomlScanner:
    def __init__(self, text: str) -> None:
        self.text = text
        self.size = len(text)
        self.newlines = [i for i, char in enumerate(text) if char == "\n"]
        self.places: dict[str, int] = {}
        self.counts: dict[str, int] = {}  # concrete array path -> elements so far

    def line(self, position: int) -> int:
        return bisect.bisect_left(self.newlines, position) + 1

    def at(self, position: int) -> str:
        return self.text[position] if position < self.size else ""

    def record(self, path: str, position: int) -> None:
        self.places.setdefault(path, self.line(position))

    def run(self) -> None:
        table = ""
        position = 0
        while position < self.size:
            position = self.blank(position)
            char = self.at(position)
            if char in "\r\n":
                position += 1
                continue
            if char == "#":
                position = self.end_of_line(position)
                continue
            start = position
            if self.text.startswith("[[", position):
                keys, position = self.key(position + 2)
                table = self.concrete(keys[:-1], keys[-1])
                index = self.counts.get(table, 0)
                self.counts[table] = index + 1
                table = f"{table}[{index}]"
                self.record(table, start)
                position = self.end_of_line(position)
            elif char == "[":
                keys, position = self.key(position + 1)
                table = self.concrete(keys[:-1], keys[-1])
                self.record(table, start)
                position = self.end_of_line(position)
            else:
                keys, position = self.key(position)
                path = table
                for key in keys:
                    path = f"{path}.{key}" if path else key
                    self.record(path, start)
                position = self.blank(position)
                if self.at(position) != "=":
                    position = self.end_of_line(position)
                    continue
                position = self.value(self.blank(position + 1), path)
                position = self.end_of_line(position)

    def concrete(self, keys: list[str], last: str) -> str:
        """The path of the last element of each array of tables along *keys*."""
        path = ""
        for key in keys:
            path = f"{path}.{key}" if path else key
            if path in self.counts:
                path = f"{path}[{self.counts[path] - 1}]"
        return f"{path}.{last}" if path else last

    def blank(self, position: int) -> int:
        while self.at(position) in (" ", "\t"):
            position += 1
        return position

    def blank_lines(self, position: int) -> int:
        """Skip spaces, newlines and comments, as inside arrays."""
        while True:
            char = self.at(position)
            if char in (" ", "\t", "\r", "\n"):
                position += 1
            elif char == "#":
                position = self.text.find("\n", position)
                if position < 0:
                    return self.size
            else:
                return position

    def end_of_line(self, position: int) -> int:
        end = self.text.find("\n", position)
        return self.size if end < 0 else end + 1

    def key(self, position: int) -> tuple[list[str], int]:
        """A dotted key; returns its parts and the position after it."""
        keys: list[str] = []
        while True:
            position = self.blank(position)
            char = self.at(position)
            if char in ('"', "'"):
                end = self.string_end(position)
                keys.append(self.key_text(self.text[position:end]))
                position = end
            else:
                bare = _BARE_KEY.match(self.text, position)
                if bare is None:
                    return keys or [""], position
                keys.append(bare.group())
                position = bare.end()
            position = self.blank(position)
            if self.at(position) != ".":
                return keys, position
            position += 1

    @staticmethod
    def key_text(quoted: str) -> str:
        if quoted.startswith("'"):
            return quoted[1:-1]
        value: str = tomllib.loads(f"k = {quoted}")["k"]
        return value

    def string_end(self, position: int) -> int:
        """The position after the string (of any of TOML's four kinds) at *position*."""
        quote = self.at(position)
        text = self.text
        if text.startswith(quote * 3, position):
            position += 3
            while position < self.size:
                if quote == '"' and text[position] == "\\":
                    position += 2
                elif text.startswith(quote * 3, position):
                    position += 3
                    # Up to two quotes may end the content: """a "quote"""""
                    for _ in range(2):
                        if self.at(position) == quote:
                            position += 1
                    return position
                else:
                    position += 1
            return self.size
        position += 1
        while position < self.size and text[position] not in (quote, "\n"):
            position += 2 if quote == '"' and text[position] == "\\" else 1
        return position + 1

    def value(self, position: int, path: str) -> int:
        """Record the items of the value at *position*; the position after it."""
        char = self.at(position)
        if char in ('"', "'"):
            return self.string_end(position)
        if char == "[":
            position += 1
            index = 0
            while position < self.size:
                position = self.blank_lines(position)
                if self.at(position) in ("]", ""):
                    return position + 1
                if self.at(position) == ",":
                    position += 1
                    continue
                item = f"{path}[{index}]"
                self.record(item, position)
                position = self.value(position, item)
                index += 1
            return position
        if char == "{":
            position += 1
            while position < self.size:
                position = self.blank_lines(position)
                if self.at(position) in ("}", ""):
                    return position + 1
                if self.at(position) == ",":
                    position += 1
                    continue
                start = position
                keys, position = self.key(position)
                inner = path
                for key in keys:
                    inner = f"{inner}.{key}"
                    self.record(inner, start)
                position = self.blank(position)
                if self.at(position) != "=":
                    return position
                position = self.value(self.blank(position + 1), inner)
            return position
        # A number, boolean or date: up to the next separator.
        start = position
        while self.at(position) not in (",", "]", "}", "\n", "#", ""):
            position += 1
        return max(position, start + 1)


# -- JSON ------------------------------------------------------------------------------


def json_lines(text: str) -> Locator:
    """Map field paths to lines of (valid) JSON text.

    A stack of open objects and arrays gives each key and item its path;
    strings are skipped whole, so their contents are never read as structure.
    """
    places, _ = _json_scan(text)
    return lambda path: nearest_line(places, path)


Duplicate = tuple[str, Any, int, int]
"""A key given twice in one table: (path of the key, key, first line, second line)."""


def json_duplicates(text: str) -> list[Duplicate]:
    """Every key given twice in one object of JSON *text*, with both lines."""
    try:
        return _json_scan(text)[1]
    except (RecursionError, ValueError):
        return []


def _json_scan(text: str) -> tuple[dict[str, int], list[Duplicate]]:
    places: dict[str, int] = {}
    duplicates: list[Duplicate] = []
    # [path, kind "{" or "[", key or index, {key: line} of an object]
    stack: list[list[Any]] = []
    line, position, size = 1, 0, len(text)

    def value_path() -> str:
        if not stack:
            return ""
        path, kind, at, _ = stack[-1]
        if len(stack) > DEEPEST:
            return str(path)  # see DEEPEST
        if kind == "[":
            return f"{path}[{at}]"
        return f"{path}.{at}" if path else str(at)

    def value_starts() -> None:
        if stack and stack[-1][1] == "[":
            stack[-1][2] += 1
            places.setdefault(value_path(), line)

    expecting_key = False
    while position < size:
        char = text[position]
        if char == "\n":
            line += 1
        elif char == '"':
            end = position + 1
            while end < size and text[end] != '"':
                end += 2 if text[end] == "\\" else 1
            if expecting_key and stack:
                key = json.loads(text[position : end + 1])
                stack[-1][2] = key
                seen = stack[-1][3]
                if key in seen:
                    duplicates.append((value_path(), key, seen[key], line))
                else:
                    seen[key] = line
                places.setdefault(value_path(), line)
                expecting_key = False
            else:
                value_starts()
            position = end
        elif char in "{[":
            value_starts()
            stack.append([value_path(), char, -1 if char == "[" else None, {}])
            expecting_key = char == "{"
        elif char in "}]":
            if stack:
                stack.pop()
        elif char == ",":
            expecting_key = bool(stack) and stack[-1][1] == "{"
        elif char not in " \t\r:\ufeff":
            value_starts()  # a number, true, false or null
            while position + 1 < size and text[position + 1] not in ",}] \t\r\n":
                position += 1
        position += 1

    return places, duplicates
