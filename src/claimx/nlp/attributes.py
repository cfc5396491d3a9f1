"""TagAttributeRuler: the trained pipeline's attribute ruler, applied through lookup tables.

en_core_web_sm's `attribute_ruler` maps each tag to its part of speech and morphology with about 180
token patterns, and runs spaCy's Matcher over every token for them: about 12% of the pipeline's time.
Almost all of its patterns look at one token only (its TAG, LOWER, DEP, IS_SPACE), so the attributes a
token receives depend on those four values alone. This component computes them once per distinct
combination (lower-case forms and dependency labels that no pattern names are folded together, so the
tables stay small), writes POS, MORPH and LEMMA for the whole Doc with one `Doc.from_array`, and keeps a
Matcher for the few multi-token patterns, run only when a Doc holds a token that can start one.

The result is the same as the ruler it replaces, token for token (tests/test_pipeline.py compares them);
patterns it cannot compile (an operator it does not know) make `TagAttributeRuler.compile` return None,
and the stock ruler stays.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import numpy
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, POS, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.tokens._retokenize import normalize_token_attrs, set_token_attrs
from spacy.util import minibatch

FIELDS = ("TAG", "LOWER", "DEP", "IS_SPACE")  # what single-token patterns may test, in key order
WRITTEN = (POS, MORPH, LEMMA)  # what is written by array; anything else token by token
Pred = Callable[[tuple], bool]


def _predicate(field: str, spec: Any) -> Pred | None:
    k = FIELDS.index(field)
    if not isinstance(spec, dict):
        return lambda t: t[k] == spec
    if len(spec) != 1:
        return None
    ((op, arg),) = spec.items()
    if op == "IN":
        values = frozenset(arg)
        return lambda t: t[k] in values
    if op == "NOT_IN":
        values = frozenset(arg)
        return lambda t: t[k] not in values
    if op == "REGEX":
        rx = re.compile(arg)
        return lambda t: bool(rx.search(t[k]))
    return None


def _literals(spec: Any) -> set[str] | None:
    """The values a predicate can accept, when it names them (None: any value may pass)."""
    if not isinstance(spec, dict):
        return {spec}
    if set(spec) == {"IN"}:
        return set(spec["IN"])
    return None


class TagAttributeRuler:
    """Drop-in replacement for a trained AttributeRuler (see the module docstring)."""

    def __init__(self, nlp: Language, name: str = "claimx_attribute_ruler", *, rules: list[dict]):
        """`rules`: the replaced ruler's `patterns` property, in its order ({"patterns", "attrs", "index"})."""
        self.name = name
        self.vocab = nlp.vocab
        self.rules = rules
        self._single: list[tuple[int, list[Pred], dict]] = []
        self._multi = Matcher(nlp.vocab)
        self._multi_rules: dict[str, tuple[int, int, dict]] = {}
        self._starts: list[tuple[set[str] | None, set[str] | None, list[re.Pattern]]] = []
        self._lowers: set[str] = set()  # lower-case forms some single-token pattern names
        self._deps: set[str] = set()
        self._table: dict[tuple, tuple] = {}  # folded (tag, lower, dep, space) hashes -> _entry
        self._lower_regexes: list[re.Pattern] = []
        self._regex_seen: dict[int, int] = {}  # lower hash -> itself when a REGEX pattern matches it, else 0
        self._ok = True
        for idx, rule in enumerate(rules):
            attrs = normalize_token_attrs(self.vocab, rule["attrs"])
            for pattern in rule["patterns"]:
                if len(pattern) == 1:
                    self._add_single(idx, pattern[0], attrs)
                else:
                    self._add_multi(idx, rule.get("index", 0), pattern, attrs)
        strings = self.vocab.strings
        self._lower_hashes = {strings[w] for w in self._lowers}
        self._dep_hashes = {strings[d] for d in self._deps}
        # where each multi-token pattern may start, as hashes: (lower forms, dependency labels, regexes)
        self._start_hashes = [
            (
                [strings[w] for w in lows] if lows is not None else None,
                [strings[d] for d in deps] if deps is not None else None,
                regexes,
            )
            for lows, deps, regexes in self._starts
        ]

    def _add_single(self, idx: int, token: dict, attrs: dict) -> None:
        preds = []
        for field, spec in token.items():
            pred = _predicate(field, spec) if field in FIELDS else None
            if pred is None:
                self._ok = False
                return
            if field in ("LOWER", "DEP"):
                # values a pattern names stay distinct in the tables; the rest fold into one
                names = _literals(spec)
                if names is None and isinstance(spec, dict) and set(spec) == {"NOT_IN"}:
                    names = set(spec["NOT_IN"])
                if names is None and field == "LOWER" and isinstance(spec, dict) and set(spec) == {"REGEX"}:
                    self._lower_regexes.append(re.compile(spec["REGEX"]))  # checked once per spelling
                    names = set()
                if names is None:
                    self._ok = False
                    return
                (self._lowers if field == "LOWER" else self._deps).update(names)
            preds.append(pred)
        self._single.append((idx, preds, attrs))

    def _add_multi(self, idx: int, index: int, pattern: list[dict], attrs: dict) -> None:
        key = f"claimx_attr_{idx}_{len(self._multi_rules)}"
        self._multi.add(key, [pattern])
        self._multi_rules[key] = (idx, index, attrs)
        first = pattern[0]
        lowers = _literals(first["LOWER"]) if "LOWER" in first else None
        deps = _literals(first["DEP"]) if "DEP" in first else None
        regexes = (
            [re.compile(first["LOWER"]["REGEX"])]
            if isinstance(first.get("LOWER"), dict) and set(first["LOWER"]) == {"REGEX"}
            else []
        )
        if lowers is None and deps is None and not regexes:
            self._ok = False  # cannot tell cheaply where it may start
        self._starts.append((lowers, deps, regexes))

    @classmethod
    def compile(cls, nlp: Language, rules: list[dict], name: str = "claimx_attribute_ruler"):
        """A TagAttributeRuler for these rules, or None when some pattern is beyond it."""
        ruler = cls(nlp, name, rules=rules)
        return ruler if ruler._ok else None

    # -- lookup -----------------------------------------------------------------------------
    def _regex_fold(self, lower: int) -> int:
        folded = self._regex_seen.get(lower)
        if folded is None:
            text = self.vocab.strings[lower] if lower else ""
            folded = lower if any(rx.search(text) for rx in self._lower_regexes) else 0
            if len(self._regex_seen) < 200_000:
                self._regex_seen[lower] = folded
        return folded

    def _key(self, tag: int, lower: int, dep: int, space: int) -> tuple:
        """The strings a folded row stands for (lower 0: a form no pattern names; dep 1: such a label)."""
        strings = self.vocab.strings
        return (
            strings[tag] if tag else "",
            strings[lower] if lower else "\0",
            "\0" if dep == 1 else strings[dep] if dep else "",
            bool(space),
        )

    def _entry(self, key: tuple) -> tuple:
        """(matching rules, values of the written attributes, which are set, anything else to set)."""
        rules = [(idx, attrs) for idx, preds, attrs in self._single if all(p(key) for p in preds)]
        merged: dict = {}
        for _, attrs in rules:
            merged.update(attrs)
        values = tuple(merged.get(a, 0) for a in WRITTEN)
        present = tuple(a in merged for a in WRITTEN)
        return rules, values, present, any(a not in WRITTEN for a in merged)

    def _may_start_multi(self, doc: Doc, lowers: numpy.ndarray, deps: numpy.ndarray) -> bool:
        if not self._multi_rules:
            return False
        strings = self.vocab.strings
        words = None
        for low_hashes, dep_hashes, regexes in self._start_hashes:
            if low_hashes is not None and numpy.isin(lowers, low_hashes).any():
                return True
            if dep_hashes is not None and numpy.isin(deps, dep_hashes).any():
                return True
            if regexes:
                words = words if words is not None else {strings[h] for h in set(lowers.tolist()) if h}
                if any(rx.search(w) for rx in regexes for w in words):
                    return True
        return False

    # -- component API ----------------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        feats = doc.to_array([TAG, LOWER, DEP, IS_SPACE])
        table, cache = self._table, []
        lower_names, dep_names = self._lower_hashes, self._dep_hashes
        for tag, lower, dep, space in feats.tolist():
            if lower not in lower_names:
                lower = self._regex_fold(lower) if self._lower_regexes else 0
            key = (tag, lower, dep if dep in dep_names else (1 if dep else 0), space)
            entry = table.get(key)
            if entry is None:
                entry = table[key] = self._entry(self._key(*key))
            cache.append(entry)
        values = numpy.array([e[1] for e in cache], dtype=numpy.uint64)
        present = numpy.array([e[2] for e in cache], dtype=bool)
        doc.from_array(list(WRITTEN), numpy.where(present, values, doc.to_array(list(WRITTEN))))
        # token by token, in rule order: tokens with other attributes, and multi-token matches
        todo: dict[int, list[tuple[int, dict]]] = {i: [] for i, e in enumerate(cache) if e[3]}
        if self._may_start_multi(doc, feats[:, 1], feats[:, 2]):
            for match_id, start, end in self._multi(doc):
                idx, index, attrs = self._multi_rules[self.vocab.strings[match_id]]
                todo.setdefault(doc[start:end][index].i, []).append((idx, attrs))
        for i, extra in todo.items():
            token = doc[i]
            for _, attrs in sorted(cache[i][0] + extra, key=lambda r: r[0]):
                set_token_attrs(token, attrs)
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for batch in minibatch(docs, size=batch_size):
            for doc in batch:
                yield self(doc)
