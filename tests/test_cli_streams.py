"""The command's standard output by the Unix conventions (issue 25, items 5 and 6).

Run as a real process: a reader that stops reading ends the command quietly
(killed by SIGPIPE, as the shell expects), a write that fails is one line on
stderr and status 1, never a traceback; an ASCII-only stream gets currency
codes for symbols.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

import industrial_plan as ip

posix = pytest.mark.skipif(os.name != "posix", reason="POSIX streams and signals")
SOURCE = str(Path(ip.__file__).parent.parent)


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    folder = tmp_path_factory.mktemp("streams")
    plan = folder / "plan.toml"
    ip.save(ip.examples.xiamen(), plan)
    document = folder / "bulletin.txt"
    document.write_text("In 2023 the output reached 12 billion yuan.\n", "utf-8")
    return {
        "plan": str(plan),
        "document": str(document),
        "chart": str(folder / "progress.svg"),
    }


COMMANDS = {
    "report": ["report"],
    "report json": ["report", "--format", "json"],
    "validate": ["validate", "{plan}", "{plan}", "{plan}"],
    "parse": ["parse", "about 5.2 billion yuan"],
    "convert": ["convert", "1 billion yuan", "--to", "USD"],
    "schema": ["schema"],
    "extract": ["extract", "{document}"],
    "chart": ["chart", "-o", "{chart}"],
}


def _run(
    arguments: list[str],
    files: dict[str, str],
    stdout: object,
    env: dict[str, str] | None = None,
    *,
    closed: bool = False,
) -> subprocess.CompletedProcess[str]:
    """The command in a process of its own; *closed*: with fd 1 closed (``>&-``)."""
    if arguments[0] == "chart":
        pytest.importorskip("matplotlib")
    command = [a.format(**files) for a in arguments]
    return subprocess.run(
        [sys.executable, "-m", "industrial_plan", *command],
        stdout=stdout,  # type: ignore[arg-type]
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": SOURCE, **(env or {})},
        timeout=120,
        check=False,
        preexec_fn=(lambda: os.close(1)) if closed else None,
    )


def _ours(stderr: str) -> str:
    """stderr without matplotlib's notes on fonts (the chart's, on some systems)."""
    lines = stderr.splitlines(keepends=True)
    return "".join(line for line in lines if not line.startswith("findfont:"))


@posix
@pytest.mark.parametrize("name", COMMANDS)
def test_a_reader_that_stops_reading_ends_every_command_quietly(
    name: str, files: dict[str, str]
) -> None:
    read, write = os.pipe()
    os.close(read)  # as `| head -1` does once it has its line
    try:
        result = _run(COMMANDS[name], files, write)
    finally:
        os.close(write)
    assert result.returncode == -signal.SIGPIPE, result.stderr
    assert _ours(result.stderr) == ""


REASONS = {
    "full disk": "No space left on device",
    "closed stdout": "standard output is closed",
}


@posix
@pytest.mark.parametrize("name", COMMANDS)
@pytest.mark.parametrize("failure", REASONS)
def test_a_failed_write_is_one_line_on_stderr_and_status_1(
    failure: str, name: str, files: dict[str, str]
) -> None:
    """``> /dev/full`` and ``>&-``: a write error, said once, status 1."""
    if failure == "closed stdout":
        result = _run(COMMANDS[name], files, None, closed=True)
    elif not Path("/dev/full").exists():
        pytest.skip("no /dev/full")
    else:
        with open("/dev/full", "w") as full:
            result = _run(COMMANDS[name], files, full)
    assert result.returncode == 1
    reason = REASONS[failure]
    assert _ours(result.stderr) == f"error: cannot write the output: {reason}\n"


ASCII_TERMINALS = {
    "PYTHONIOENCODING=ascii": {"PYTHONIOENCODING": "ascii"},
    "LC_ALL=C": {"PYTHONUTF8": "0", "LC_ALL": "C", "PYTHONIOENCODING": ""},
}


@pytest.mark.parametrize("terminal", ASCII_TERMINALS)
@pytest.mark.parametrize("output", ["table", "markdown", "csv", "json"])
def test_an_ascii_terminal_gets_currency_codes_for_symbols(
    terminal: str, output: str, files: dict[str, str]
) -> None:
    env = ASCII_TERMINALS[terminal]
    result = _run(
        ["report", "--format", output], files, subprocess.PIPE, {**env, "LANG": "C"}
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.isascii()
    assert "Traceback" not in result.stderr
    if output != "json":  # JSON holds exact figures, not the symbols
        assert "CNY" in result.stdout


def test_an_ascii_terminal_is_told_in_one_line_that_chinese_cannot_be_written(
    files: dict[str, str],
) -> None:
    env = {"PYTHONIOENCODING": "ascii"}
    for command in (
        ["report", "--lang", "zh"],
        ["convert", "1 yuan", "--to", "USD", "--lang", "zh"],
    ):
        result = _run(command, files, subprocess.PIPE, env)
        assert result.returncode == 1
        assert result.stderr.startswith("error: the output's encoding (ascii) cannot")
        assert len(result.stderr.splitlines()) == 1


def test_what_an_ascii_stream_cannot_write_is_replaced_readably() -> None:
    from industrial_plan._outputs.cli_streams import encodable

    assert encodable("CN¥3T — about €5 …", "ascii") == "CNY3T - about EUR5 ..."
    assert encodable("厦门", "ascii") == "\\u53a6\\u95e8"
    assert encodable("厦门 CN¥3T", "utf-8") == "厦门 CN¥3T"


def test_arguments_typed_in_utf8_under_an_ascii_locale_are_read_as_typed(
    files: dict[str, str],
) -> None:
    env = {"PYTHONUTF8": "0", "LC_ALL": "C", "LANG": "C", "PYTHONIOENCODING": ""}
    result = _run(
        ["convert", "超过2万亿元", "--to", "USD"], files, subprocess.PIPE, env
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("more than $")


def test_a_surrogate_escaped_argument_is_read_again_as_utf8() -> None:
    from industrial_plan._outputs.cli_streams import readable_argument

    typed = os.fsdecode("超过2万亿元".encode()) if os.name == "posix" else "超过2万亿元"
    assert readable_argument(typed) == "超过2万亿元"
    assert readable_argument("plain") == "plain"
    broken = "\udcff\udcfe"  # not UTF-8: left as it came
    assert readable_argument(broken) == broken
