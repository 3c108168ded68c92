"""Fuzzing every public entry point with mutated input (issue 12).

Starting from every bundled plan, serialised in each syntax, hypothesis
deletes, inserts and replaces text, swaps values for others of any type
(huge and tiny numbers, unicode, control characters, deep nesting), and
feeds the result to ``load``/``loads``/``from_dict``, ``assess``,
``parse_figure``, ``convert`` and the command line.  Each must return, or
raise the library's :class:`IndustrialPlanError` (the command line: exit
0, 1 or 2, messages on stderr, never a traceback), within a bounded time.

The example counts follow the hypothesis profile: the default and ``ci``
profiles keep CI affordable; ``HYPOTHESIS_PROFILE=stress`` runs ten times as
many.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import tempfile
from collections.abc import Callable
from decimal import Decimal
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

import pytest
import tomli_w
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

import industrial_plan as ip
from industrial_plan import cli, examples

SYNTAXES = ("toml", "yaml", "json")
# A bound against hangs (runaway backtracking, expanding aliases), not a
# speed goal: every example here takes well under a second.
BOUNDED = settings(
    deadline=dt.timedelta(seconds=10),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
_T = TypeVar("_T")


@functools.cache
def bundled_plans() -> tuple[ip.IndustrialSystem, ...]:
    """Every plan that ships in ``industrial_plan.examples``."""
    folder = resources.files(examples)
    names = sorted(p.name for p in folder.iterdir() if p.name.endswith(".toml"))
    assert names, "no bundled plans found"
    return tuple(ip.load(examples.path(name.removesuffix(".toml"))) for name in names)


@functools.cache
def texts() -> tuple[tuple[str, str], ...]:
    return tuple(
        (syntax, ip.dumps(plan, syntax))
        for plan in bundled_plans()
        for syntax in SYNTAXES
    )


def ours(call: Callable[..., _T], *args: Any, **kwargs: Any) -> _T | None:
    """The call's result, or None if it raised the library's error."""
    try:
        return call(*args, **kwargs)
    except ip.IndustrialPlanError:
        return None


# -- what gets inserted ----------------------------------------------------------------

NASTY_TEXT = st.sampled_from(
    [
        "\x00",
        "\x1b[2J",
        "\ufeff",
        "\u202e",
        "\\ud800",  # a JSON escape of an unpaired surrogate
        "[" * 2000,
        "{" * 2000,
        '{"a":' * 300,
        "- " * 300,
        "9" * 5000,
        "1e999999",
        "-1e-999999",
        "nan",
        "inf",
        "0x1F",
        "&a [1]",
        "*a",
        "!!python/object/apply:os.system ['true']",
        "!!binary aGk=",
        '"""',
        "'''",
        "[[tiers]]\n",
        "[tiers.industries]\n",
        '"year" = "2030"\n',
        "\n",
        ": ",
        ", ",
        "491.2 GW",
        "超过2万亿元",
        "1" + "0" * 40,
    ]
)
INSERTS = st.one_of(NASTY_TEXT, st.text(max_size=30))


@st.composite
def mutated_texts(draw: st.DrawFn) -> tuple[str, str]:
    """A bundled plan's text with a few random edits."""
    syntax, text = draw(st.sampled_from(texts()))
    for _ in range(draw(st.integers(1, 4))):
        start = draw(st.integers(0, len(text)))
        end = draw(st.integers(start, min(len(text), start + 80)))
        edit = draw(st.sampled_from(["delete", "insert", "replace", "repeat"]))
        if edit == "delete":
            text = text[:start] + text[end:]
        elif edit == "insert":
            text = text[:start] + draw(INSERTS) + text[start:]
        elif edit == "replace":
            text = text[:start] + draw(INSERTS) + text[end:]
        else:
            text = text[:end] + text[start:end] * draw(st.integers(1, 50)) + text[end:]
    return syntax, text


def _deep(levels: int) -> Any:
    value: Any = 1
    for _ in range(levels):
        value = [value]
    return value


ANY_VALUE = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.sampled_from([10**400, -(10**400), 2**63, -1, 0]),
    st.floats(allow_nan=True, allow_infinity=True),
    st.decimals(allow_nan=False, allow_infinity=False).map(str),
    st.text(max_size=20),
    NASTY_TEXT,
    st.dates(),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=3),
    st.integers(60, 300).map(_deep),
)


def _nodes(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [path]
    if isinstance(value, dict):
        for key, item in value.items():
            found += _nodes(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _nodes(item, (*path, index))
    return found


@functools.cache
def plain_plans() -> tuple[str, ...]:
    return tuple(ip.dumps(plan, "json") for plan in bundled_plans())


@st.composite
def mutated_data(draw: st.DrawFn) -> dict[str, Any]:
    """A bundled plan as plain data with values swapped, removed or added."""
    data: dict[str, Any] = json.loads(draw(st.sampled_from(plain_plans())))
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(_nodes(data)[1:]))
        parent: Any = data
        for step in path[:-1]:
            parent = parent[step]
        edit = draw(st.sampled_from(["swap", "swap", "delete", "add"]))
        if edit == "swap":
            parent[path[-1]] = draw(ANY_VALUE)
        elif edit == "delete":
            del parent[path[-1]]
        elif isinstance(parent, dict):
            parent[draw(st.text(max_size=8))] = draw(ANY_VALUE)
        else:
            parent.insert(path[-1], draw(ANY_VALUE))
    return data


def _written(data: dict[str, Any], syntax: str) -> str | None:
    """*data* in *syntax*, or None if the syntax cannot hold it (TOML has no null)."""
    try:
        if syntax == "toml":
            return tomli_w.dumps(data)
        if syntax == "yaml":
            return str(yaml.safe_dump(data, allow_unicode=True))
        return json.dumps(data, default=str, ensure_ascii=False)
    except (TypeError, ValueError, RecursionError, yaml.YAMLError):
        return None


def _assess(system: ip.IndustrialSystem | None) -> None:
    if system is not None:
        ours(ip.assess, system)


# -- the library -----------------------------------------------------------------------


@BOUNDED
@given(mutated_texts())
def test_loads_survives_mutated_text(case: tuple[str, str]) -> None:
    syntax, text = case
    system = ours(ip.loads, text, syntax)
    assert system is None or isinstance(system, ip.IndustrialSystem)
    _assess(system)


@BOUNDED
@given(mutated_data(), st.sampled_from(SYNTAXES))
def test_loads_and_from_dict_survive_mutated_values(
    data: dict[str, Any], syntax: str
) -> None:
    _assess(ours(ip.from_dict, data))
    text = _written(data, syntax)
    if text is not None:
        _assess(ours(ip.loads, text, syntax))


@BOUNDED
@given(mutated_texts())
def test_load_survives_mutated_files(case: tuple[str, str]) -> None:
    syntax, text = case
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"plan.{syntax}"
        path.write_text(text, encoding="utf-8")
        ours(ip.load, path)
        path.write_bytes(text.encode("utf-8")[: len(text) // 2] + b"\xff\xfe")
        ours(ip.load, path)


@functools.cache
def figure_texts() -> tuple[str, ...]:
    found = [
        ip.format_figure(observation.figure, locale=locale, style=style)
        for plan in bundled_plans()
        for _, observation in plan.observations()
        for locale in ("en", "zh")
        for style in ("long", "compact")
    ]
    return tuple(sorted(set(found)))


@st.composite
def mutated_figures(draw: st.DrawFn) -> str:
    text = draw(st.sampled_from(figure_texts()))
    for _ in range(draw(st.integers(0, 3))):
        start = draw(st.integers(0, len(text)))
        end = draw(st.integers(start, len(text)))
        text = text[:start] + draw(INSERTS) + text[end:]
    return text


FIGURE_TEXT = st.one_of(mutated_figures(), st.text(max_size=40), NASTY_TEXT)
CODES = st.one_of(
    st.sampled_from(["USD", "CNY", "EUR", "JPY", "usd", "yuan", "XXX", "", "GW"]),
    st.text(max_size=5),
)


@BOUNDED
@given(FIGURE_TEXT, st.one_of(st.none(), CODES))
def test_parse_figure_survives_any_text(text: str, currency: str | None) -> None:
    figure = ours(ip.parse_figure, text, currency=currency)
    if figure is not None:
        ours(ip.format_figure, figure)
        ours(figure.describe)


@BOUNDED
@given(
    FIGURE_TEXT,
    CODES,
    st.one_of(
        st.builds(dict, year=st.integers(-(10**6), 10**6)),
        st.builds(dict, on=st.dates()),
        st.builds(
            dict,
            rate=st.builds(
                ip.Rate,
                st.sampled_from(["CNY", "USD"]),
                st.sampled_from(["USD", "EUR"]),
                st.decimals(min_value=Decimal("1e-30"), max_value=Decimal("1e30")),
                st.just("fuzz"),
            ),
        ),
    ),
)
def test_convert_survives_any_figure_and_currency(
    text: str, to: str, when: dict[str, Any]
) -> None:
    figure = ours(ip.parse_figure, text)
    if figure is not None:
        ours(ip.convert, figure.quantity, to, **when)


# -- the command line ------------------------------------------------------------------

runner = CliRunner()


def assert_clean_exit(args: list[str]) -> None:
    result = runner.invoke(cli.app, args)
    assert result.exit_code in (0, 1, 2), (args, result.output)
    assert result.exception is None or isinstance(result.exception, SystemExit), args
    assert "Traceback" not in result.output
    if result.exit_code == 1:
        assert result.stderr.strip(), args  # a message, on stderr


@settings(BOUNDED, max_examples=max(10, (settings.default.max_examples or 100) // 5))
@given(mutated_texts(), st.sampled_from(["validate", "report"]))
def test_commands_that_read_plans_survive_mutated_files(
    case: tuple[str, str], command: str
) -> None:
    syntax, text = case
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"plan.{syntax}"
        path.write_text(text, encoding="utf-8")
        extra = ["--format", "json"] if command == "report" else []
        assert_clean_exit([command, str(path), *extra])


ARGUMENT = st.one_of(FIGURE_TEXT, CODES, st.sampled_from(["--to", "--rate", "-1"]))


@BOUNDED
@given(FIGURE_TEXT, st.lists(ARGUMENT, max_size=3))
def test_parse_command_survives_any_text(text: str, extra: list[str]) -> None:
    assert_clean_exit(["parse", "--", text, *extra])


@BOUNDED
@given(
    FIGURE_TEXT,
    CODES,
    st.one_of(
        st.just([]),
        st.tuples(st.just("--rate"), st.one_of(FIGURE_TEXT, st.decimals().map(str))),
        st.tuples(st.just("--year"), st.integers(-5, 10**6).map(str)),
        st.tuples(st.just("--on"), st.text(max_size=12)),
    ),
)
def test_convert_command_survives_any_figure_and_rate(
    text: str, to: str, option: Any
) -> None:
    assert_clean_exit(["convert", "--to", to, *option, "--", text])


# -- what fuzzing found ----------------------------------------------------------------


def test_a_year_outside_the_calendar_is_a_rate_error_not_a_value_error() -> None:
    with pytest.raises(ip.DateOutOfRangeError, match="calendar years"):
        ip.convert(ip.amount(1, "CNY"), "USD", year=0)
    assert_clean_exit(["convert", "--to", "USD", "--year", "0", "491.2 billion yuan"])
