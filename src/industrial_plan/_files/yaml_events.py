"""YAML to plain data straight from the parser's events, without a node graph.

``yaml.load`` composes the whole document into nodes (each with two marks)
before it builds any value, so at its peak it holds both: about 60 times the
file's size for a large plan.  Here values are built as the events arrive,
with the safe loader's own tag resolution and scalar constructors, so only
the data is kept.  The result is what ``yaml.safe_load`` gives: the same
types, anchors and aliases (shared, not copied), and ``<<`` merge keys.
"""

from __future__ import annotations

from typing import Any

import yaml
from yaml.constructor import ConstructorError

from .positions import DuplicateKeyFound
from .yaml_positions import YAML_LOADER

_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"
_MERGE = "tag:yaml.org,2002:merge"
_PLAIN_TAGS = (None, "!")


class _MergeKey:
    """The ``<<`` key: the mapping (or list of mappings) after it is merged in."""


_MERGE_KEY = _MergeKey()
_NO_KEY = object()


def load(text: str) -> Any:
    """The value of the single YAML document in *text* (``None`` if empty).

    Raises :class:`yaml.YAMLError`, with the position, for text that is not
    YAML or uses tags that build anything but plain data.
    """
    loader = YAML_LOADER(text)
    try:
        return _document(loader)
    finally:
        loader.dispose()


def _document(loader: Any) -> Any:
    loader.get_event()  # stream start
    if loader.check_event(yaml.StreamEndEvent):
        return None
    loader.get_event()  # document start
    anchors: dict[str, Any] = {}
    # [container, key awaiting its value, mapping merged into or None,
    #  keys merged into this mapping or None]
    stack: list[list[Any]] = []
    root: Any = None
    while True:
        event: Any = loader.get_event()
        if isinstance(event, yaml.DocumentEndEvent):
            break
        if isinstance(event, yaml.MappingEndEvent | yaml.SequenceEndEvent):
            done = stack.pop()
            if done[2] is not None:  # the value of a merge key, complete now
                _merge(done[2], done[0], event)
            continue
        if isinstance(event, yaml.AliasEvent):
            if event.anchor not in anchors:
                raise ConstructorError(
                    None,
                    None,
                    f"found undefined alias {event.anchor!r}",
                    event.start_mark,  # type: ignore[arg-type]
                )
            value = anchors[event.anchor]
        elif isinstance(event, yaml.ScalarEvent):
            value = _scalar(loader, event)
        else:
            value = _collection(event)
        if getattr(event, "anchor", None) is not None and not isinstance(
            event, yaml.AliasEvent
        ):
            anchors[event.anchor] = value
        collection = isinstance(event, yaml.CollectionStartEvent)
        if stack and collection and stack[-1][1] is _MERGE_KEY:
            # Merged when complete: its items are still to come.
            stack.append([value, _NO_KEY, stack[-1], None])
            continue
        if stack:
            _attach(stack[-1], value, event)
        else:
            root = value
        if collection:
            stack.append([value, _NO_KEY, None, None])
    if not loader.check_event(yaml.StreamEndEvent):
        event = loader.get_event()
        raise yaml.composer.ComposerError(
            "expected a single document in the stream",
            None,
            "but found another document",
            event.start_mark,
        )
    return root


def _scalar(loader: Any, event: Any) -> Any:
    tag = event.tag
    if tag in _PLAIN_TAGS:
        tag = loader.resolve(yaml.ScalarNode, event.value, event.implicit)
    if tag == _MERGE:
        return _MERGE_KEY
    node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark)
    constructors = loader.yaml_constructors
    construct = constructors.get(tag, constructors[None])
    return construct(loader, node)


def _collection(event: Any) -> Any:
    mapping = isinstance(event, yaml.MappingStartEvent)
    if event.tag not in (*_PLAIN_TAGS, _MAP if mapping else _SEQ):
        raise ConstructorError(
            None,
            None,
            f"could not determine a constructor for the tag {event.tag!r}",
            event.start_mark,
        )
    return {} if mapping else []


def _attach(top: list[Any], value: Any, event: Any) -> None:
    container = top[0]
    if isinstance(container, list):
        container.append(value)
        return
    key = top[1]
    if key is _NO_KEY:
        if isinstance(value, list | dict):
            raise ConstructorError(
                "while constructing a mapping",
                None,
                "found an unhashable key",
                event.start_mark,
            )
        top[1] = value
        return
    if key is _MERGE_KEY:
        _merge(top, value, event)
        return
    top[1] = _NO_KEY
    if key in container:
        merged = top[3]
        if merged is None or key not in merged:
            raise DuplicateKeyFound(key)
        merged.discard(key)  # an explicit key overrides a merged one, once
    container[key] = value


def _merge(top: list[Any], value: Any, event: Any) -> None:
    """Merge *value* into the mapping of *top*; keys it already has win."""
    top[1] = _NO_KEY
    for part in value if isinstance(value, list) else [value]:
        if not isinstance(part, dict):
            raise ConstructorError(
                "while constructing a mapping",
                None,
                "a merge key takes a mapping or a list of mappings",
                event.start_mark,
            )
        container = top[0]
        if top[3] is None:
            top[3] = set()
        for name, item in part.items():
            if name not in container:
                container[name] = item
                top[3].add(name)
