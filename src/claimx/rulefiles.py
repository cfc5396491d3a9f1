"""Rule and lexicon files shipped in `claimx/rules/`, each line validated by a pydantic model.

Every entry has a stable `id` and an `example` sentence; `expect` (or `expect_absent`) says what
the example must produce, and one parametrized test runs them all, so each file specifies its own
behaviour. Read with `load_rules(name)`; a malformed line raises `RuleFileError(path, line, reason)`.
"""

from __future__ import annotations

import json
import re
from functools import cache
from importlib.resources import files
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from claimx.errors import RuleFileError

_STRICT = ConfigDict(extra="forbid", frozen=True)


class _Entry(BaseModel):
    model_config = _STRICT
    id: str = Field(description="Stable rule id, recorded in claims' rule_ids.")
    example: str = Field(description="A sentence the entry must handle.")
    expect: dict[str, Any] | None = Field(default=None, description="Fields one extracted item must have.")
    expect_absent: str | None = Field(default=None, description="Text that must not be extracted as a quantity.")


class NumberEntry(_Entry):
    role: Literal["cardinal", "magnitude", "suffix", "dozen", "fraction", "ordinal", "multiplier", "negative"]
    values: dict[str, float] = Field(description="Lower-case word -> value.")


class BoundEntry(_Entry):
    bound: Literal["=", "~", ">", ">=", "<", "<="]
    position: Literal["before", "after", "verb"] = Field(
        description="before/after the number, or a verb (lemma) whose object it is."
    )
    phrases: list[str]


class ChangeEntry(_Entry):
    direction: Literal["up", "down"]
    pos: Literal["verb", "noun", "adverb", "adverb_after", "comparative"]
    lemmas: list[str]


class NewsUnitEntry(_Entry):
    role: Literal["unit", "not_unit", "count_concept"] = Field(
        description="A unit, words that are never units after a number, or the measured concepts (`surfaces`) "
        "whose bare counts are counted in `unit` ('payroll employment rose by 236,000': jobs)."
    )
    surfaces: list[str] = Field(default_factory=list, description="Words and phrases, matched case-insensitively.")
    symbols: list[str] = Field(default_factory=list, description="Symbols, matched case-sensitively.")
    pint: str | None = Field(default=None, description="The pint expression they mean ('oil_barrel / day').")
    define: list[str] | None = Field(default=None, description="pint definitions added to the registry.")
    unit: str | None = Field(default=None, description="Canonical name to record; default: the registry's.")
    kind: str | None = Field(default=None, description="claimx kind; default: from the unit's dimension.")
    scale: float | None = Field(
        default=None, description="A factor the unit's own prefix puts on the number ('MMbbl': a million barrels)."
    )


class CurrencyEntry(_Entry):
    code: str = Field(description="ISO 4217 code (or 'cent').")
    symbols: list[str] = Field(description="Symbols and codes written before or after the number, case-sensitive.")
    names: list[str] = Field(description="Lower-case names written after the number ('yuan', 'rupees').")
    glued_symbols: list[str] = Field(
        default_factory=list,
        description="Symbols read only when glued to the number: ASCII folds of a sign ('PS8.1bn' for "
        "£8.1bn, 'Y=100' for ¥100), which are words or names elsewhere ('the PS 2').",
    )
    contexts: dict[str, list[str]] | None = Field(
        default=None, description="Other ISO code -> article words that select it instead (Rs in Pakistan -> PKR)."
    )
    local_dollars: dict[str, list[str]] | None = Field(
        default=None,
        description="Other ISO code -> words of its country: a bare '$' in an article whose title names that "
        "country, and whose text names it at least three times and more than twice as often as the United States, "
        "is its dollar.",
    )
    minor_of: str | None = Field(
        default=None,
        description="For a hundredth of a currency (cent, penny): the ISO code it belongs to when no other "
        "currency is written near it ('9 cents' in a sentence with '$33.18' is USD 0.09).",
    )


WORD_ROLES = (
    # quantities
    "range_connector", "range_opener", "plural_magnitude", "a_opener", "fraction_magnitude", "half_determiner",
    "word_connector", "list_conjunction", "restatement", "level_preposition", "rate_marker", "rate_noun",
    "time_after", "cent_word", "iso_word", "scaled_code", "scale_suffix", "split_scale_suffix",
    "verb_preposition", "change_preposition", "not_quantity_shape", "compound_measure", "person_verb", "person_noun",
    "up_verb", "transition_verb",
    # context
    "determiner", "source_pronoun", "person_pronoun", "source_definite", "state_verb", "generic_noun",
    "relative_year", "relative_period", "present_word", "era_noun", "period_noun", "month_day", "baseline_preposition",
    "measured_preposition",
    "object_preposition", "level_marker", "estimate_source_word", "forecast_source_word", "sentence_hedge",
    "scale_word", "comparative_word", "generic_measure", "count_head", "action_verb", "pace_noun", "hedge_noun",
    "object_not_report", "evidence_verb", "clause_bound_hedge", "proposal_noun", "actor_verb", "actor_noun",
    "fixed_level", "institution_noun",
    "definite_name", "reference_noun", "indicator_acronym", "measure_instrument", "trend_noun", "meeting_noun",
    "ratio_head", "reference_abbreviation", "taking_away_verb", "bound_hedge", "ranking_word", "market_index",
    "generic_count_noun", "gallon_priced", "barrel_priced",
)  # fmt: skip


class WordsEntry(_Entry):
    role: Literal[WORD_ROLES] = Field(description="What the list is for (see docs/rules.md).")
    words: list[str] = Field(default_factory=list, description="Words or phrases, as the rule compares them.")
    values: dict[str, float] | None = Field(default=None, description="Word -> value, for roles that need one.")
    regex: str | None = Field(default=None, description="A regular expression, for roles matched on text.")


class PatternEntry(_Entry):
    label: Literal["NOT_QUANTITY", "NOT_CLAIM", "RANK"]
    pattern: list[dict[str, Any]] = Field(description="A spaCy Matcher token pattern.")
    reason: str | None = Field(default=None, description="Why a NOT_QUANTITY match is not a quantity.")


class BoilerplateEntry(_Entry):
    role: Literal["tail_marker", "line", "author_bio"]
    lines: list[str] | None = Field(default=None, description="Whole lines, matched case-insensitively.")
    regex: str | None = Field(default=None, description="Regex matched against a whole lower-cased line.")


class SourceEntry(_Entry):
    role: Literal["prep_cue", "verb_cue", "agent_cue", "data_noun", "kind_words", "not_source"]
    phrases: list[str] | None = None
    lemmas: list[str] | None = None
    kind: str | None = None


class HedgeEntry(_Entry):
    modality: Literal["estimate", "forecast", "hypothetical"]
    words: list[str] = Field(description="Words listed in a claim's hedges.")
    modal_words: list[str] = Field(description="Words that set the claim's modality when they govern it.")


RULE_MODELS: dict[str, type[_Entry]] = {
    "numbers": NumberEntry,
    "bounds": BoundEntry,
    "changes": ChangeEntry,
    "news_units": NewsUnitEntry,
    "currencies": CurrencyEntry,
    "patterns": PatternEntry,
    "boilerplate": BoilerplateEntry,
    "sources": SourceEntry,
    "hedges": HedgeEntry,
    "words": WordsEntry,
}


def parse_rule_lines(name: str, lines: list[str], path: str) -> list[_Entry]:
    """Validate the lines of rule file `name`; raise RuleFileError naming the first bad line."""
    model = RULE_MODELS[name]
    entries: list[_Entry] = []
    seen: set[str] = set()
    for lineno, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            entry = model.model_validate(json.loads(line))
        except json.JSONDecodeError as exc:
            raise RuleFileError(path, lineno, f"not valid JSON: {exc.msg}") from None
        except ValidationError as exc:
            err = exc.errors()[0]
            where = ".".join(str(p) for p in err["loc"])
            raise RuleFileError(path, lineno, f"{where}: {err['msg']}") from None
        if entry.id in seen:
            raise RuleFileError(path, lineno, f"duplicate id {entry.id!r}; ids must be unique")
        seen.add(entry.id)
        entries.append(entry)
    return entries


@cache
def load_rules(name: str) -> tuple[Any, ...]:
    """The validated entries of `claimx/rules/<name>.jsonl`, cached."""
    if name not in RULE_MODELS:
        raise KeyError(f"unknown rule file {name!r}; expected one of {sorted(RULE_MODELS)}")
    resource = files("claimx.rules").joinpath(f"{name}.jsonl")
    return tuple(
        parse_rule_lines(name, resource.read_text(encoding="utf-8").splitlines(), f"claimx/rules/{name}.jsonl")
    )


@cache
def word_list(role: str) -> frozenset[str]:
    """Every word of the words.jsonl entries with this role (and their `values` keys)."""
    if role not in WORD_ROLES:
        raise KeyError(f"unknown word role {role!r}; expected one of {sorted(WORD_ROLES)}")
    out: set[str] = set()
    for entry in load_rules("words"):
        if entry.role == role:
            out.update(entry.words)
            out.update(entry.values or {})
    return frozenset(out)


@cache
def word_values(role: str) -> dict[str, float]:
    """Word -> value of the words.jsonl entries with this role."""
    return {w: v for e in load_rules("words") if e.role == role for w, v in (e.values or {}).items()}


@cache
def word_patterns(role: str) -> tuple[tuple[str, re.Pattern], ...]:
    """(id, compiled regex) of the words.jsonl entries with this role, in file order."""
    return tuple((e.id, re.compile(e.regex)) for e in load_rules("words") if e.role == role and e.regex)
