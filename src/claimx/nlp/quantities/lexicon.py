"""The quantity reader's lexicon: every word list it uses, built once from `claimx/rules/` and frozen.

Phrases (units, currency symbols and names, bound phrases) are split with the pipeline's own tokenizer,
so that a lexicon phrase matches the tokens the text is split into.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from babel.numbers import list_currencies
from spacy.tokens import Doc, Token

from claimx.nlp.numbers import number_words
from claimx.rulefiles import load_rules, word_list, word_patterns, word_values


class PhraseTrie:
    """Token-sequence lookup: the longest phrase starting or ending at a position."""

    def __init__(self, phrases: Iterable[tuple[list[str], Any]], *, lower: bool = True):
        table: dict[tuple[str, ...], Any] = {}
        for tokens, value in phrases:
            key = tuple(t.lower() if lower else t for t in tokens)
            if key and key not in table:
                table[key] = value
        self.table = MappingProxyType(table)
        self.maxlen = max((len(k) for k in table), default=0)
        self.lower = lower

    def _key(self, toks: Iterable[Token]) -> tuple[str, ...]:
        return tuple(t.lower_ if self.lower else t.text for t in toks)

    def get(self, *words: str) -> Any:
        """The value of a phrase given as words, or None."""
        return self.table.get(tuple(w.lower() if self.lower else w for w in words))

    def starting(self, doc: Doc, i: int, stop: int | None = None) -> tuple[int, Any] | None:
        """(end, value) of the longest phrase starting at token i (and ending by `stop`)."""
        stop = len(doc) if stop is None else stop
        for n in range(min(self.maxlen, stop - i), 0, -1):
            key = self._key(doc[i : i + n])
            hit = self.table.get(key)
            if hit is None and len(key[-1]) > 1 and key[-1].endswith("."):
                # a sentence-final period the tokenizer left on an abbreviation: "350 kW."
                hit = self.table.get(key[:-1] + (key[-1][:-1],))
            if hit is not None:
                return i + n, hit
        return None

    def ending(self, doc: Doc, j: int, floor: int = 0) -> tuple[int, Any] | None:
        """(start, value) of the longest phrase ending right before token j (and starting at `floor` or later)."""
        for n in range(min(self.maxlen, j - floor), 0, -1):
            hit = self.table.get(self._key(doc[j - n : j]))
            if hit is not None:
                return j - n, hit
        return None


@dataclass(frozen=True)
class QuantityLexicon:
    """Units, currencies, bounds, change cues and number words, as the reading rules use them."""

    news_units: PhraseTrie  # the news file's phrases, case-insensitive (claimx.units has the registry)
    news_symbols: PhraseTrie  # the news file's symbols, as written
    cur_symbols: PhraseTrie
    cur_names: PhraseTrie
    currencies: MappingProxyType  # ISO code -> CurrencyEntry
    iso_codes: frozenset[str]  # ISO 4217 codes read as money even without a lexicon entry
    bounds_before: PhraseTrie
    bounds_after: PhraseTrie
    bound_verbs: MappingProxyType  # lemma -> BoundEntry ("exceeds 35 degrees")
    change_verbs: MappingProxyType  # lemma -> (direction, rule id)
    change_nouns: MappingProxyType
    change_before: MappingProxyType
    change_after: MappingProxyType
    change_comparative: MappingProxyType  # "300 more stores than", "522 fewer employees than"
    cardinal: MappingProxyType
    magnitude: MappingProxyType
    suffix: MappingProxyType
    fraction: MappingProxyType
    dozen: MappingProxyType
    multiplier: MappingProxyType
    negative: MappingProxyType
    scaled_codes: MappingProxyType  # "M" -> 1e6 in "30 MUSD"
    shapes: tuple  # (rule id, regex) of text shapes that are never quantities

    @classmethod
    def build(cls, split: Callable[[str], list[str]]) -> QuantityLexicon:
        """The lexicon, with phrases split into tokens by `split` (the pipeline's tokenizer)."""
        cur_symbols, cur_names, currencies = [], [], {}
        for e in load_rules("currencies"):
            currencies[e.code] = e
            cur_symbols += [(split(s), e) for s in [*e.symbols, *e.glued_symbols]]
            cur_names += [(split(s), e) for s in e.names]
        before, after, verbs = [], [], {}
        for e in load_rules("bounds"):
            if e.position == "verb":
                verbs.update({lemma: e for lemma in e.phrases})
            else:
                (before if e.position == "before" else after).extend((split(s), e) for s in e.phrases)
        changes: dict[str, dict[str, tuple[str, str]]] = {
            "verb": {},
            "noun": {},
            "adverb": {},
            "adverb_after": {},
            "comparative": {},
        }
        for e in load_rules("changes"):
            for lemma in e.lemmas:
                changes[e.pos].setdefault(lemma, (e.direction, e.id))
        frozen = MappingProxyType
        return cls(
            news_units=PhraseTrie(
                (split(s), e) for e in load_rules("news_units") if e.role != "count_concept" for s in e.surfaces
            ),
            news_symbols=PhraseTrie(((split(s), e) for e in load_rules("news_units") for s in e.symbols), lower=False),
            cur_symbols=PhraseTrie(cur_symbols, lower=False),
            cur_names=PhraseTrie(cur_names),
            currencies=frozen(currencies),
            iso_codes=frozenset(list_currencies()) - word_list("iso_word"),
            bounds_before=PhraseTrie(before),
            bounds_after=PhraseTrie(after),
            bound_verbs=frozen(verbs),
            change_verbs=frozen(changes["verb"]),
            change_nouns=frozen(changes["noun"]),
            change_before=frozen(changes["adverb"]),
            change_after=frozen(changes["adverb_after"]),
            change_comparative=frozen(changes["comparative"]),
            **{role: frozen(number_words(role)) for role in NUMBER_ROLES},
            scaled_codes=frozen(word_values("scaled_code")),
            shapes=word_patterns("not_quantity_shape"),
        )


NUMBER_ROLES = ("cardinal", "magnitude", "suffix", "fraction", "dozen", "multiplier", "negative")
