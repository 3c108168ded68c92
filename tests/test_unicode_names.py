"""Unicode names (issue 25, item 7): one form in (NFC), one key to compare
(NFKC, case folded, invisible characters dropped), no invisible-only names,
and bidi controls neutralised in every text output."""

from __future__ import annotations

import json
import unicodedata

import attrs
import pytest
from typer.testing import CliRunner

import industrial_plan as ip
from industrial_plan import cli
from industrial_plan._outputs import report, review, rows, text_report

COMPOSED = "Caf\u00e9 industries"
DECOMPOSED = unicodedata.normalize("NFD", COMPOSED)


def _with_names(*names: str) -> ip.IndustrialSystem:
    """The Xiamen plan with its first tier's first industries renamed."""
    system = ip.examples.xiamen()
    tier = system.tiers[0]
    industries = [
        attrs.evolve(industry, name=name)
        for industry, name in zip(tier.industries, names, strict=False)
    ]
    industries += tier.industries[len(names) :]
    return attrs.evolve(system, tiers=[attrs.evolve(tier, industries=industries)])


def test_names_are_stored_in_nfc() -> None:
    assert DECOMPOSED != COMPOSED
    assert ip.Names(DECOMPOSED)["en"] == COMPOSED
    assert ip.Names({"en": DECOMPOSED, "zh": "咖啡"})["en"] == COMPOSED


@pytest.mark.parametrize(
    "other",
    [
        DECOMPOSED,  # the other normal form
        "Caf\u00e9 industries".upper(),
        "Caf\u00e9\u200b industries",  # a zero-width space
        "Caf\u00e9\u00a0industries",  # a no-break space
        "Ｃａｆé ｉｎｄｕｓｔｒｉｅｓ",  # full-width forms
        "Caf\u00e9  industries",  # two spaces
    ],
)
def test_names_that_differ_only_invisibly_are_duplicates(other: str) -> None:
    with pytest.raises(ip.PlanValidationError, match="duplicate name") as caught:
        _with_names(COMPOSED, other)
    (problem,) = caught.value.problems
    assert problem.path == "tiers[0].industries[1].name.en"


@pytest.mark.parametrize(
    "name", ["\u200b", "\ufeff", "\u202e", "\u200b \u2066\u00a0", "\u3164"]
)
def test_a_name_of_invisible_characters_only_is_refused(name: str) -> None:
    with pytest.raises(ValueError, match="has no visible character"):
        ip.Names(name)
    text = ip.dumps(ip.examples.xiamen(), "json")
    first = ip.examples.xiamen().industries[0].name["en"]
    bad = text.replace(json.dumps(first), json.dumps(name), 1)
    with pytest.raises(ip.PlanValidationError, match="has no visible character"):
        ip.loads(bad, "json")


def test_industry_finds_its_name_in_the_other_normal_form() -> None:
    system = _with_names(DECOMPOSED)
    wanted = system.tiers[0].industries[0]
    assert system.industry(COMPOSED) is wanted
    assert system.industry(DECOMPOSED) is wanted
    assert system.industry("ＣＡＦÉ\u200b industries") is wanted


EVIL = "chips\u202e sgolana\u2066"  # an override, and an isolate left open


def _evil_plan() -> ip.IndustrialSystem:
    """The Xiamen plan with the tier that has targets named :data:`EVIL`."""
    system = ip.examples.xiamen()
    tier = attrs.evolve(system.tiers[0], name=EVIL)
    return attrs.evolve(system, tiers=[tier, *system.tiers[1:]])


def _evil_assessment() -> ip.SystemAssessment:
    return ip.assess(_evil_plan())


def _bidi_free(text: str) -> bool:
    return not any(char in text for char in "\u202e\u2066")


def test_bidi_controls_are_neutralised_in_every_text_output() -> None:
    assessment = _evil_assessment()
    display = rows.Display()
    outputs = {
        "table": "\n".join(text_report.report_lines(assessment, display, 200)),
        "markdown": report.markdown(assessment, display),
        "csv": report.report_csv(assessment, display),
        "table csv": report.to_csv(assessment, display),
        "review": "\n".join(review.review_lines(assessment, "en", 200)),
        "review markdown": review.review_markdown(assessment),
        "review csv": review.review_csv(assessment),
    }
    for name, text in outputs.items():
        assert _bidi_free(text), name
        if name != "review csv":  # owners by id only
            assert "\\u202e" in text, name


def test_bidi_controls_are_escaped_in_the_json_report_text(tmp_path) -> None:
    path = tmp_path / "plan.json"
    ip.save(_evil_plan(), path)
    result = CliRunner().invoke(cli.app, ["report", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert _bidi_free(result.stdout)
    assert "\\u202e" in result.stdout
    # Escapes in JSON text: the data reads back unchanged.
    data = json.dumps(json.loads(result.stdout), ensure_ascii=False)
    assert EVIL in data
