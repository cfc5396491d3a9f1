"""Every rule and lexicon entry runs its own example sentence."""

import json

import pytest

from claimx.errors import RuleFileError
from claimx.rulecheck import check_entry
from claimx.rulefiles import RULE_MODELS, load_rules, parse_rule_lines

ENTRIES = [(name, e) for name in RULE_MODELS for e in load_rules(name)]


@pytest.mark.parametrize("name,entry", ENTRIES, ids=[f"{n}:{e.id}" for n, e in ENTRIES])
def test_rules_example(name, entry, nlp):
    assert check_entry(name, entry, nlp=nlp) is None


def test_rules_every_entry_has_an_expectation():
    for name, e in ENTRIES:
        if name != "boilerplate":
            assert e.expect or e.expect_absent, f"{name}:{e.id} has no expect"


def test_rules_bad_line_names_file_and_line():
    good = json.dumps({"id": "x", "bound": "~", "position": "before", "phrases": ["about"], "example": "about 5"})
    bad = json.dumps({"id": "y", "bound": "~", "position": "before", "phrases": ["about"], "example": "e", "extra": 1})
    with pytest.raises(RuleFileError) as err:
        parse_rule_lines("bounds", [good, bad], "bounds.jsonl")
    assert err.value.line == 2 and "extra" in str(err.value)
    with pytest.raises(RuleFileError, match="not valid JSON"):
        parse_rule_lines("bounds", ["{"], "bounds.jsonl")
    with pytest.raises(RuleFileError, match="duplicate id"):
        parse_rule_lines("bounds", [good, good], "bounds.jsonl")
