"""QuantityMatcher: finds numeric expressions and reads value, range, bound, unit, kind and change.

How it reads a sentence, left to right:
1. a *core*: a numeral token ("8", "1,000", "1.2bn", "HK$5") or a run of number words ("twenty-five",
   "half a million", "two-thirds"), with any scale words after it ("8 trillion", "3.4 million");
2. a *range* when a second core follows a connector ("70-80%", "between 5 and 10", "5 to 10");
3. to the left: a currency symbol or code, a negative word, a bound phrase ("upwards of", "at least")
   and a change adverb ("up 5%"); to the right: a unit (units.jsonl, longest match), a currency name,
   a "per X" compound, a trailing bound ("or more"), otherwise the counted noun from the parse;
4. what is not a quantity is dropped: years (kept for time), dates, clock times, scores and names
   with digits (patterns.jsonl plus a few shape checks);
5. ranks from patterns.jsonl ("second-largest" -> 2);
6. change: up/down from a change verb or noun governing the quantity, or an adverb next to it.

All word lists are data in `claimx/rules/`; this module only knows how to combine them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

import numpy
from babel.numbers import list_currencies
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token

from claimx.nlp import extensions  # noqa: F401  (registers the ._ attributes)
from claimx.nlp.numbers import (
    Numeral,
    is_year_like,
    number_words,
    parse_numeral,
    parse_ordinal,
    power_of_ten,
    rule_id_for,
    words_value,
)
from claimx.rulefiles import load_rules

RANGE_CONNECTORS = {"-", "–", "—", "to", "/"}
PLURAL_MAGNITUDES = {"hundreds", "thousands", "millions", "billions"}
VULGAR = frozenset("½⅓⅔¼¾⅕⅛")
NOUN_TAGS = {"NN", "NNS"}
# Text shapes that are never quantities, whatever the tokenizer made of them.
NON_QUANTITY_SHAPES = [
    ("web address", re.compile(r"https?://\S+|www\.\S+|\]\([^)\s]*\)")),
    ("clock time", re.compile(r"\b\d{1,2}:\d{2}(?::\d{2})?\b")),
    ("phone number", re.compile(r"(?:\+\d{1,3}[\s.-])?\(?\b\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}\b")),
    ("date", re.compile(r"\b\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}\b")),
]
# ISO 4217 codes that are also English words are money only when our lexicon lists them
ISO_CODES = frozenset(list_currencies()) - {
    "ALL",
    "TOP",
    "CUP",
    "MOP",
    "BOB",
    "PEN",
    "TRY",
    "GEL",
    "SOS",
    "MAD",
    "BAM",
    "LAK",
    "AMD",
    "CAD",
    "MUR",
    "SAR",
    "BIF",
    "DOP",
    "FIM",
}
MILLION_CODE = re.compile(r"^(?P<scale>[MK]|MN|BN)(?P<code>[A-Z]{3})$")  # "30 MUSD", "MEUR 60"


def connector(tok: Token) -> str:
    """A token as a range or fraction connector: lower-cased, the fraction slash U+2044 read as "/"."""
    return "/" if tok.text == "\u2044" else tok.lower_


def sentence_starts(doc: Doc) -> list[int]:
    """For each token, the index of the first token of its sentence (0 throughout without sentences).

    Read once per Doc from the SENT_START array: Token.sent scans the sentence on every call.
    """
    if not len(doc):
        return []
    flags = doc.to_array("SENT_START")
    idx = numpy.arange(len(doc))
    return numpy.maximum.accumulate(numpy.where(flags == 1, idx, 0)).tolist()


@dataclass
class Found:
    """One quantity read from a Doc, before it becomes a span."""

    start: int
    end: int
    value: float | None
    low: float | None = None
    high: float | None = None
    bound: str = "="
    unit: str | None = None
    unit_text: str | None = None
    kind: str = "other"
    change: str | None = None
    base: tuple[str, float, float] | None = None  # (base unit, factor, offset)
    core: tuple[int, int] = (0, 0)
    head: int | None = None
    measured_head: int | None = None  # the noun an elided figure borrows ("an additional 31" -> commodities)
    rule_ids: list[str] = field(default_factory=list)


@dataclass
class _Core:
    start: int
    end: int
    value: float | None
    words: bool = False
    scaled: bool = False
    fraction: bool = False
    numeral: Numeral | None = None
    rule_ids: list[str] = field(default_factory=list)
    unscaled: float | None = None
    low: float | None = None
    high: float | None = None


class _Trie:
    """Token-sequence lookup: longest phrase starting or ending at a position."""

    def __init__(self, lower: bool = True):
        self.table: dict[tuple[str, ...], Any] = {}
        self.maxlen = 0
        self.lower = lower

    def add(self, tokens: Iterable[str], value: Any) -> None:
        key = tuple(t.lower() if self.lower else t for t in tokens)
        if key and key not in self.table:
            self.table[key] = value
            self.maxlen = max(self.maxlen, len(key))

    def _key(self, toks: list[Token]) -> tuple[str, ...]:
        return tuple(t.lower_ if self.lower else t.text for t in toks)

    def starting(self, doc: Doc, i: int, stop: int | None = None) -> tuple[int, Any] | None:
        stop = len(doc) if stop is None else stop
        for n in range(min(self.maxlen, stop - i), 0, -1):
            key = self._key(list(doc[i : i + n]))
            hit = self.table.get(key)
            if hit is None and len(key[-1]) > 1 and key[-1].endswith("."):
                # a sentence-final period the tokenizer left on an abbreviation: "350 kW."
                hit = self.table.get(key[:-1] + (key[-1][:-1],))
            if hit is not None:
                return i + n, hit
        return None

    def ending(self, doc: Doc, j: int, floor: int = 0) -> tuple[int, Any] | None:
        for n in range(min(self.maxlen, j - floor), 0, -1):
            hit = self.table.get(self._key(list(doc[j - n : j])))
            if hit is not None:
                return j - n, hit
        return None


class QuantityMatcher:
    """Finds quantities and stores them as spans in `doc.spans[spans_key]`.

    Args:
        nlp: the pipeline; its tokenizer splits the lexicon phrases the way it splits text.
        name: the component name.
        spans_key: where the spans go.
        validate: validate the Matcher patterns when they are added.

    Example:
        >>> nlp.add_pipe("claimx_quantities")
        >>> [s._.claimx_quantity["value"] for s in nlp("It costs $8 trillion.").spans["claimx_quantities"]]
        [8000000000000.0]
    """

    def __init__(
        self,
        nlp: Language,
        name: str = "claimx_quantities",
        *,
        spans_key: str = "claimx_quantities",
        validate: bool = True,
    ):
        self.name = name
        self.spans_key = spans_key
        self._build_lexicons(nlp)
        # patterns that read tags or lemmas run only on Docs that have them (a blank pipeline has neither)
        self.matchers = {need: Matcher(nlp.vocab, validate=validate) for need in (None, "TAG", "LEMMA")}
        for entry in load_rules("patterns"):
            keys = {k for tok in entry.pattern for k in tok}
            need = "TAG" if keys & {"TAG", "POS", "DEP", "MORPH"} else "LEMMA" if "LEMMA" in keys else None
            self.matchers[need].add(entry.id, [entry.pattern])
        self._pattern_labels = {e.id: e.label for e in load_rules("patterns")}

    # -- lexicons ---------------------------------------------------------------------------
    def _build_lexicons(self, nlp: Language) -> None:
        tok = nlp.tokenizer

        def split(phrase: str) -> list[str]:
            return [t.text for t in tok(phrase)]

        self.units = _Trie()
        for e in load_rules("units"):
            for s in e.surfaces:
                self.units.add(split(s), e)
        self.cur_symbols = _Trie(lower=False)
        self.cur_names = _Trie()
        self.currencies = {}
        for e in load_rules("currencies"):
            self.currencies[e.code] = e
            for s in e.symbols:
                self.cur_symbols.add(split(s), e)
            for s in e.names:
                self.cur_names.add(split(s), e)
        self.bounds_before, self.bounds_after = _Trie(), _Trie()
        self.bound_verbs: dict[str, Any] = {}
        for e in load_rules("bounds"):
            if e.position == "verb":
                self.bound_verbs.update({lemma: e for lemma in e.phrases})
                continue
            trie = self.bounds_before if e.position == "before" else self.bounds_after
            for s in e.phrases:
                trie.add(split(s), e)
        self.change_verbs: dict[str, tuple[str, str]] = {}
        self.change_nouns: dict[str, tuple[str, str]] = {}
        self.change_before: dict[str, tuple[str, str]] = {}
        self.change_after: dict[str, tuple[str, str]] = {}
        table = {
            "verb": self.change_verbs,
            "noun": self.change_nouns,
            "adverb": self.change_before,
            "adverb_after": self.change_after,
        }
        for e in load_rules("changes"):
            for lemma in e.lemmas:
                table[e.pos].setdefault(lemma, (e.direction, e.id))
        self.cardinal = number_words("cardinal")
        self.magnitude = number_words("magnitude")
        self.suffix = number_words("suffix")
        self.fraction = number_words("fraction")
        self.dozen = number_words("dozen")
        self.multiplier = number_words("multiplier")
        self.negative = number_words("negative")
        self.start_words = frozenset(
            {*self.cardinal, *self.magnitude, *self.fraction, *self.dozen, *self.multiplier, "a", "an", "tens"}
        )

    # -- component API ----------------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.match(doc))
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterable[Doc]:
        for doc in docs:
            yield self(doc)

    def match(self, doc: Doc) -> list[Found]:
        """Read every quantity of `doc`; years go to `doc._.claimx_years`."""
        self._sent_starts = sentence_starts(doc)
        excluded, ranks = self._pattern_matches(doc)
        excluded |= self._shape_exclusions(doc)
        years: list[tuple[int, int, int]] = []
        found: list[Found] = []
        i = 0
        while i < len(doc):
            if i in ranks:
                r = ranks[i]
                found.append(r)
                i = r.end
                continue
            q = self._read_quantity(doc, i, excluded, years)
            if q is None:
                i += 1
                continue
            if q.low is not None and q.low == q.high and q.unit is None:
                i = q.end  # "tied Game 7 at 89-89", "a 50-50 split": a score or a share, not a range
                continue
            found.append(q)
            i = max(q.end, i + 1)
        doc._.claimx_years = years
        found = self._join_from_to(doc, found)
        self._propagate(doc, found)
        return found

    def _join_from_to(self, doc: Doc, found: list[Found]) -> list[Found]:
        """'from 208 pounds to 193', 'from 21 mpg combined to 23': one range, low and high as written.

        The range reader only joins numbers with nothing between them; here the first figure may carry its
        unit and one modifier ("combined") before "to". The second figure must have the same unit, or none
        (it then takes the first one's). Figures dated apart ("from 5.6 million b/d in 2011 to 7.5 million
        b/d in 2013") stay two claims, each with its own time.
        """
        out: list[Found] = []
        k = 0
        while k < len(found):
            a = found[k]
            b = found[k + 1] if k + 1 < len(found) else None
            if (
                b is None
                or a.value is None
                or b.value is None
                or a.low is not None
                or b.low is not None
                or a.start == 0
                or doc[a.start - 1].lower_ != "from"
                or a.unit is None
                or (b.unit is not None and b.unit != a.unit)
                or b.bound != "="
                or a.bound != "="
                or self._sent_starts[a.start] != self._sent_starts[b.start]
            ):
                out.append(a)
                k += 1
                continue
            gap = list(doc[a.end : b.start])
            if not gap or gap[-1].lower_ != "to" or not self._ignorable_gap(gap[:-1]):
                out.append(a)
                k += 1
                continue
            a.low, a.high, a.value = a.value, b.value, None
            a.start, a.end = a.start - 1, b.end
            a.core = (a.core[0], b.core[1])
            if a.change is None and b.change is not None:
                a.change = b.change
            a.rule_ids = a.rule_ids + ["range-from-to"] + [r for r in b.rule_ids if r not in a.rule_ids]
            out.append(a)
            k += 2
        return out

    @staticmethod
    def _ignorable_gap(gap: list[Token]) -> bool:
        """Words between 'from X' and 'to Y' that do not break the range: none, or one modifier."""
        if not gap:
            return True
        return len(gap) == 1 and gap[0].is_alpha and gap[0].pos_ in ("ADJ", "ADV", "VERB") and gap[0].is_lower

    def _propagate(self, doc: Doc, found: list[Found]) -> None:
        """A figure restated right after another shares its qualifiers.

        "up 0.25 points, or 0.01%": the second is a rise too; "more than 100 kilometers (60 miles)":
        the conversion in parentheses has the same bound.
        """
        for k, b in enumerate(found):
            # "at least 11 mineral commodities ... for an additional 31", "68,400 people ... and 95,800 who":
            # a bare number takes the counted noun of the last count before it in the sentence
            if b.unit is None and b.kind == "other" and b.low is None and b.value is not None:
                nxt = doc[b.end] if b.end < len(doc) else None
                if nxt is not None and nxt.pos_ in ("NOUN", "PROPN", "NUM"):
                    continue
                prev = next(
                    (
                        a
                        for a in reversed(found[:k])
                        if a.kind == "count" and a.unit and self._sent_starts[a.start] == self._sent_starts[b.start]
                    ),
                    None,
                )
                if prev is not None:
                    b.unit, b.kind = prev.unit, "count"
                    b.measured_head = prev.measured_head if prev.measured_head is not None else prev.head
                    b.rule_ids.append("unit-elided")
        for a, b in pairwise(found):
            between = [t.text.lower() for t in doc[a.end : b.start]]
            if between in ([",", "or"], ["or"], ["("], ["(", "or"]) or (between == ["/"] and a.kind == b.kind):
                if b.change is None and a.change is not None:
                    b.change = a.change
                    b.rule_ids.append("change-restated")
                if b.bound == "=" and a.bound != "=" and between[0] in ("(", "/"):
                    b.bound = a.bound
                    b.rule_ids.append("bound-restated")
                # "C$6 (US$4.46) per share", "9 billion shekels ($2.4 billion) a year": the rate after
                # the brackets belongs to both figures
                if between[0] == "(" and b.end < len(doc) and doc[b.end].text == ")" and a.kind == b.kind == "currency":
                    per = self._read_per(doc, b.end + 1)
                    if per is not None:
                        for x in (a, b):
                            if x.unit and " per " not in x.unit:
                                x.unit = f"{x.unit} per {per[1]}"
                                x.rule_ids.append("unit-per")

    def set_annotations(self, doc: Doc, found: list[Found]) -> None:
        spans = []
        for f in found:
            span = Span(doc, f.start, f.end, label="QUANTITY")
            span._.claimx_quantity = {
                "value": f.value,
                "low": f.low,
                "high": f.high,
                "bound": f.bound,
                "unit": f.unit,
                "unit_text": f.unit_text,
                "kind": f.kind,
                "change": f.change,
                "core_start": f.core[0],
                "core_end": f.core[1],
                "head": f.head,
                "base": f.base,
                "end_char": span.end_char,
                "measured_head": f.measured_head,
            }
            last = doc[f.end - 1]
            if re.fullmatch(r"[A-Za-z]{1,3}\.", last.text) and f.end - 1 > f.start:
                # a sentence period the tokenizer left on "$25k." / "350 kW.": not part of the quantity
                span._.claimx_quantity["end_char"] = span.end_char - 1
            span._.claimx_rule_ids = list(dict.fromkeys(f.rule_ids))
            spans.append(span)
        doc.spans[self.spans_key] = spans

    # -- exclusions and ranks ---------------------------------------------------------------
    def _pattern_matches(self, doc: Doc) -> tuple[set[int], dict[int, Found]]:
        excluded: set[int] = set()
        ranks: dict[int, Found] = {}
        matches = [
            m
            for need, matcher in self.matchers.items()
            if len(matcher) and (need is None or doc.has_annotation(need))
            for m in matcher(doc)
        ]
        for match_id, start, end in sorted(matches, key=lambda m: (m[1], m[2])):
            rule_id = doc.vocab.strings[match_id]
            if self._pattern_labels[rule_id] == "NOT_QUANTITY":
                excluded.update(t.i for t in doc[start:end] if t.like_num or parse_numeral(t.text))
            else:
                ordinal = next(
                    (parse_ordinal(t.text) for t in doc[start:end] if parse_ordinal(t.text) is not None), None
                )
                if ordinal is None:
                    continue
                if doc[start].pos_ in ("VERB", "AUX"):  # "ranked fifth": the rank is the ordinal only
                    start += 1
                prev = ranks.get(start)
                if prev is None or prev.end < end:
                    ranks[start] = Found(
                        start=start,
                        end=end,
                        value=float(ordinal),
                        unit="rank",
                        unit_text=doc[start:end].text,
                        kind="rank",
                        core=(start, end),
                        head=doc[start:end].root.i,
                        rule_ids=[rule_id],
                    )
        # keep non-overlapping ranks, longest first
        kept: dict[int, Found] = {}
        taken: set[int] = set()
        for r in sorted(ranks.values(), key=lambda f: f.start - f.end):
            if not taken & set(range(r.start, r.end)):
                kept[r.start] = r
                taken.update(range(r.start, r.end))
        return excluded, kept

    def _shape_exclusions(self, doc: Doc) -> set[int]:
        out: set[int] = set()
        text = doc.text
        for _, rx in NON_QUANTITY_SHAPES:
            for m in rx.finditer(text):
                span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
                if span is not None:
                    out.update(t.i for t in span)
        return out

    # -- reading one quantity ---------------------------------------------------------------
    def _read_core(self, doc: Doc, i: int, money: bool) -> _Core | None:
        t = doc[i]
        num = parse_numeral(t.text)
        if num is None:
            return self._read_word_core(doc, i)
        value, j, scaled = num.value, i + 1, False
        rules = ["num-digits"]
        if num.suffix:
            s = num.suffix
            nxt_alpha = j < len(doc) and doc[j].is_alpha
            if (
                s in ("k", "K", "bn", "bln", "mn", "mln", "tn", "trn", "M")
                or num.currency
                or money
                or (s == "m" and nxt_alpha)
            ):
                value *= self.suffix.get(s.lower(), self.magnitude.get(s.lower(), 1))
                scaled = True
                rules.append("num-suffix")
            else:
                return None  # "10m" without money: the tokenizer left a unit glued on
        # "12 345": a thousands group separated by a space
        if (
            not scaled
            and not num.has_decimal
            and 1 <= num.n_digits <= 3
            and j < len(doc)
            and re.fullmatch(r"\d{3}", doc[j].text)
            and t.whitespace_ == " "
            and not (j + 1 < len(doc) and parse_numeral(doc[j + 1].text))
        ):
            value = value * 1000 + float(doc[j].text) * (1 if value >= 0 else -1)
            j += 1
        # "10, 000": a thousands group the source spaced after its comma
        if (
            not scaled
            and not num.has_decimal
            and not num.has_separator
            and 1 <= num.n_digits <= 3
            and j + 1 < len(doc)
            and doc[j].text == ","
            and doc[j].whitespace_
            and re.fullmatch(r"\d{3}", doc[j + 1].text)
        ):
            value = value * 1000 + float(doc[j + 1].text)
            j += 2
        # "10 1/2 miles", "7 3/4 %": a whole number and a fraction
        if (
            not scaled
            and not num.has_decimal
            and j + 2 < len(doc)
            and doc[j + 1].text == "/"
            and re.fullmatch(r"\d{1,2}", doc[j].text)
            and re.fullmatch(r"\d{1,3}", doc[j + 2].text)
            and 0 < int(doc[j].text) < int(doc[j + 2].text)
            and int(doc[j + 2].text) in (2, 3, 4, 8, 16, 32, 64)
        ):
            value += int(doc[j].text) / int(doc[j + 2].text)
            j += 3
            rules.append("num-mixed-fraction")
        # "6.02 × 10²³", "3 x 10^8": scientific notation written with spaces (glued forms are one numeral)
        if not scaled and j + 1 < len(doc) and doc[j].text in ("x", "×", "X", "*"):
            for k in range(j + 2, min(len(doc), j + 4) + 1):
                exponent = power_of_ten("".join(t.text for t in doc[j:k]))
                if exponent is not None:
                    value *= 10.0**exponent
                    j = k
                    rules.append("num-scientific")
                    break
        unscaled = value
        value, j, scaled2, more = self._read_scale(doc, j, value, money or bool(num.currency))
        return _Core(i, j, value, scaled=scaled or scaled2, numeral=num, rule_ids=rules + more, unscaled=unscaled)

    def _read_scale(self, doc: Doc, j: int, value: float, money: bool) -> tuple[float, int, bool, list[str]]:
        scaled, rules = False, []
        while j < len(doc):
            w = doc[j].lower_
            glued = doc[j - 1].whitespace_ == ""
            if w in self.magnitude and w not in PLURAL_MAGNITUDES:
                value *= self.magnitude[w]
                j += 1
            elif (
                w in ("-", "–")
                and j + 1 < len(doc)
                and doc[j + 1].lower_ in self.magnitude
                and glued
                and doc[j + 1].lower_ not in PLURAL_MAGNITUDES
            ):
                value *= self.magnitude[doc[j + 1].lower_]
                j += 2
            elif glued and not scaled and self._suffix_scale(doc, j, money):
                value *= self.suffix[doc[j].text.rstrip(".").lower()]
                j += 1
            else:
                break
            scaled = True
            rules.append("num-magnitude")
        return value, j, scaled, rules

    def _suffix_scale(self, doc: Doc, j: int, money: bool) -> bool:
        """A scale letter the tokenizer split off: "$3.5 m", "4.3 M digital", "1.2 m tons", "25 k"."""
        text = doc[j].text.rstrip(".")
        if text.lower() not in self.suffix:
            return False
        if text in ("bn", "mn", "k", "K", "M", "tn"):
            return True
        nxt = doc[j + 1] if j + 1 < len(doc) else None
        if text == "m":  # million with money or before a plural noun ("1.2m tons"), else metre ("1.8m tall")
            return money or (nxt is not None and nxt.is_alpha and nxt.tag_ in ("NNS", "NNPS"))
        return money

    def _read_word_core(self, doc: Doc, i: int) -> _Core | None:
        words = {**self.cardinal, **self.dozen}
        t = doc[i]
        w = t.lower_
        nxt = doc[i + 1].lower_ if i + 1 < len(doc) else ""
        # "millions of", "tens of thousands of": a vague order of magnitude, kept as a range
        if w in PLURAL_MAGNITUDES and nxt == "of":
            base = self.magnitude[w]
            return _Core(
                i, i + 1, None, words=True, scaled=True, low=base, high=base * 10, rule_ids=["num-vague-magnitude"]
            )
        if (
            w == "tens"
            and nxt == "of"
            and i + 3 < len(doc)
            and doc[i + 2].lower_ in PLURAL_MAGNITUDES
            and doc[i + 3].lower_ == "of"
        ):
            base = self.magnitude[doc[i + 2].lower_]
            return _Core(
                i,
                i + 3,
                None,
                words=True,
                scaled=True,
                low=10 * base,
                high=100 * base,
                rule_ids=["num-vague-magnitude"],
            )
        if w in ("a", "an"):
            if nxt in ("hundred", "thousand", "million", "billion", "trillion", "dozen", "lakh", "crore"):
                pass
            elif nxt in ("half", "quarter") and i + 2 < len(doc) and doc[i + 2].lower_ in self.magnitude:
                pass
            elif nxt in self.fraction and i + 2 < len(doc) and doc[i + 2].lower_ == "of":
                pass
            else:
                return None
        elif w in self.fraction:
            if i > 0 and parse_ordinal(doc[i - 1].text) is not None:
                return None  # "the first half of 2017" is a period, not a share
            if nxt in self.magnitude and nxt not in PLURAL_MAGNITUDES and w in ("half", "quarter"):
                pass  # "half million", "a quarter million"
            elif w != "half" or nxt not in ("of", "the", "a", "an", "its", "their", "his", "her", "our"):
                return None
        elif w not in words:
            return None
        j = i + 1
        run = [t.text]
        while j < len(doc):
            w2 = doc[j].lower_
            prev = run[-1].lower()
            if w2 in PLURAL_MAGNITUDES:
                break
            if w2 in words or w2 in self.magnitude:
                run.append(doc[j].text)
                j += 1
            elif (
                w2 in self.fraction
                and w2 != "second"
                and (prev in words or prev in ("-", "a", "an", "half"))
                and not (
                    prev in ("a", "an")
                    and j + 1 < len(doc)
                    and doc[j + 1].lower_ not in self.magnitude
                    and doc[j + 1].lower_ != "of"
                )
            ):
                run.append(doc[j].text)
                j += 1
            elif w2 in ("-", "and", "a", "an") and j + 1 < len(doc):
                after = doc[j + 1].lower_
                joins = after in words or after in self.magnitude or after in self.fraction
                if (
                    not joins
                    or after in PLURAL_MAGNITUDES
                    or (w2 == "and" and prev != "hundred")
                    or (w2 in ("a", "an") and prev != "half")
                ):
                    break
                run.append(doc[j].text)
                j += 1
            else:
                break
        while j > i + 1 and doc[j - 1].lower_ in ("-", "and", "a", "an"):
            j -= 1
            run.pop()
        value = words_value(run)
        if value is None or (len(run) == 1 and w in ("a", "an")):
            return None
        scaled = any(r.lower() in self.magnitude for r in run)
        fraction = any(r.lower() in self.fraction for r in run)
        rules = [rid for rid in (rule_id_for(r) for r in run) if rid]
        unscaled = words_value([r for r in run if r.lower() not in self.magnitude]) or value
        return _Core(i, j, value, words=True, scaled=scaled, fraction=fraction, rule_ids=rules, unscaled=unscaled)

    def _currency_before(self, doc: Doc, i: int, floor: int) -> tuple[int, Any] | None:
        hit = self.cur_symbols.ending(doc, i, floor)
        if hit:
            return hit
        if i - 1 >= floor and doc[i - 1].text in ISO_CODES and doc[i - 1].is_upper:
            return i - 1, doc[i - 1].text
        return None

    def _scaled_code(self, tok: Token) -> tuple[str, float] | None:
        """'MUSD' -> ('USD', 1e6): a currency code with a scale letter, as in financial tables."""
        m = MILLION_CODE.match(tok.text)
        if m and (m.group("code") in ISO_CODES or m.group("code") in self.currencies):
            return m.group("code"), {"M": 1e6, "MN": 1e6, "K": 1e3, "BN": 1e9}[m.group("scale")]
        return None

    def _resolve_currency(self, doc: Doc, entry: Any) -> tuple[str, str]:
        if isinstance(entry, str):
            return entry, f"iso-{entry}"
        if entry.contexts:
            hint = (doc._.claimx_context or {}).get("text_lower") or doc.text.lower()
            for code, words in entry.contexts.items():
                if any(wd in hint for wd in words):
                    return code, entry.id
        return entry.code, entry.id

    def _glued_currency(self, num: Numeral | None) -> Any:
        if num is None or not num.currency:
            return None
        return self.cur_symbols.table.get((num.currency,)) or self.cur_symbols.table.get((num.currency.rstrip("."),))

    def _unit_at(self, doc: Doc, k: int) -> tuple[int, Any] | None:
        """A unit from the lexicon at token k, allowing a glued hyphen ("37-year")."""
        hit = self.units.starting(doc, k)
        if hit is None and k < len(doc) and doc[k].text in ("-", "–") and doc[k].whitespace_ == "":
            hit = self.units.starting(doc, k + 1)
        return hit

    def _money_name_at(self, doc: Doc, k: int) -> tuple[int, Any] | None:
        """A currency written after the number: "15 euros", "500 EUR", "10 $"."""
        hit = self.cur_names.starting(doc, k)
        if hit is None and k < len(doc) and doc[k].text in ISO_CODES and doc[k].is_upper:
            hit = (k + 1, doc[k].text)
        if hit is None and k < len(doc) and not doc[k].is_alpha:
            sym = self.cur_symbols.starting(doc, k, min(len(doc), k + 2))
            if sym is not None and not (sym[0] < len(doc) and parse_numeral(doc[sym[0]].text)):
                hit = sym  # "15 €", but "$ 20,000 $ 37,305" keeps the second symbol for its number
        return hit

    def _money_tail(self, doc: Doc, q: Found, rules: list[str]) -> None:
        """After '75 USD': a scale ('75 USD million') or cents ('3 dollars 50 cents', '13 dollars and 45 cents')."""
        k = q.end
        if q.value is None or k >= len(doc):
            return
        if doc[k].lower_ in self.magnitude and doc[k].lower_ not in PLURAL_MAGNITUDES:
            q.value *= self.magnitude[doc[k].lower_]
            q.end = k + 1
            rules.append("num-magnitude")
            return
        m = k + 1 if doc[k].lower_ == "and" else k
        cents = self._read_core(doc, m, money=False) if m < len(doc) else None
        if cents is None or cents.value is None or not (0 < cents.value < 100) or cents.value != int(cents.value):
            return
        after = doc[cents.end] if cents.end < len(doc) else None
        if after is not None and after.lower_ in ("cent", "cents", "c", "p", "pence"):
            q.value += cents.value / 100
            q.end = cents.end + 1
            rules.append("cur-cents")
        elif (after is None or after.text in (".", "!", "?", ";")) and 10 <= cents.value < 100 and not cents.words:
            q.value += cents.value / 100  # "it costs 15 dollars 50."
            q.end = cents.end
            rules.append("cur-cents")

    def _read_range(self, doc: Doc, core: _Core, cur_hit: tuple[int, Any] | None, excluded: set[int]):
        """A second number that makes `core` a range; returns (core2, end) or None."""
        j = core.end
        first_unit = None
        if cur_hit is None and j < len(doc):
            hit = self._unit_at(doc, j)
            if hit is not None and hit[0] < len(doc) and connector(doc[hit[0]]) in RANGE_CONNECTORS | {"and"}:
                first_unit, j = hit, hit[0]
        if j >= len(doc):
            return None
        conn = connector(doc[j])
        s = cur_hit[0] if cur_hit is not None else core.start
        before = doc[s - 1].lower_ if s > 0 else ""
        if conn == "and" and before != "between":
            return None
        if conn not in RANGE_CONNECTORS | {"and"}:
            return None
        if conn == "to" and before == "by" and (cur_hit is not None or first_unit is not None):
            return None  # "increased by $43.6 billion to $419.2 billion": a change and a level
        k = j + 1
        cur2 = self.cur_symbols.starting(doc, k, min(len(doc), k + 3)) if k < len(doc) else None
        if cur2:
            k = cur2[0]
        if k >= len(doc):
            return None
        core2 = self._read_core(doc, k, money=cur_hit is not None)
        if core2 is None or core2.value is None or any(x in excluded for x in range(core2.start, core2.end)):
            return None
        has_cur2 = bool(cur2) or self._glued_currency(core2.numeral) is not None
        if has_cur2 and cur_hit is None:
            return None  # "5% to $3 billion": two quantities
        end = core2.end
        if first_unit is not None:
            hit = self._unit_at(doc, core2.end)
            if hit is None or hit[1].unit != first_unit[1].unit:
                return None  # "climbed 0.1% to 1,333.18": the second number is a level
        if conn == "/" and not (has_cur2 or (end < len(doc) and doc[end].text == "%")):
            # "1/16 of a pint", "1/2 pound": a fraction, read by the caller
            if not (end < len(doc) and (doc[end].lower_ == "of" or self._unit_at(doc, end))):
                return None
        return core2, end

    def _may_start(self, t: Token) -> bool:
        """Cheap test: can a quantity start at this token?"""
        w = t.lower_
        return w in self.start_words or any(ch.isdigit() for ch in t.text) or t.text in VULGAR or w.endswith("fold")

    def _read_quantity(self, doc: Doc, i: int, excluded: set[int], years: list) -> Found | None:
        t = doc[i]
        if not self._may_start(t):
            return None
        # multipliers: "doubled", "tripled", "twice"
        if t.lower_ in self.multiplier and (
            t.pos_ == "VERB" or t.lower_ in ("twice", "thrice") or t.lower_.endswith("fold")
        ):
            direction = None
            if t.pos_ == "VERB":
                direction = "down" if self.multiplier[t.lower_] < 1 else "up"
            q = Found(
                start=i,
                end=i + 1,
                value=self.multiplier[t.lower_],
                unit="times",
                unit_text=t.text,
                kind="ratio",
                change=direction,
                core=(i, i + 1),
                head=i,
            )
            return self._finish_left(doc, q, None, ["num-multiplier"], self._sent_starts[i])
        cur_hit = self._currency_before(doc, i, max(0, i - 3))
        core = self._read_core(doc, i, money=cur_hit is not None)
        if core is None or any(k in excluded for k in range(core.start, core.end)):
            return None
        rules = list(core.rule_ids)
        sent_start = self._sent_starts[i]
        num = core.numeral
        # names with digits: "COVID-19", "F-16", "Pac-12" (but "minus-5", "sub-7" qualify the number)
        if (
            i >= 2
            and doc[i - 1].text in ("-", "–")
            and doc[i - 2].whitespace_ == ""
            and doc[i - 1].whitespace_ == ""
            and doc[i - 2].text[:1].isalpha()
            and doc[i - 2].text.isalnum()
            and not core.words
            and doc[i - 2].lower_ not in self.negative
            and not self.bounds_before.ending(doc, i - 1, i - 2)
        ):
            return None
        q = Found(
            start=core.start, end=core.end, value=core.value, low=core.low, high=core.high, core=(core.start, core.end)
        )
        # -- range ---------------------------------------------------------------------------
        rng = self._read_range(doc, core, cur_hit, excluded) if core.value is not None else None
        bhit = self.bounds_before.ending(doc, cur_hit[0] if cur_hit else core.start, sent_start)
        compared_year = (
            bhit is not None
            and doc[core.start - 1].lower_ == "than"
            and (core.end >= len(doc) or doc[core.end].is_punct)
        )  # "$10 billion less than 2024."
        bounded = bhit is not None and not compared_year
        year_like = num is not None and is_year_like(num) and not core.scaled and cur_hit is None and not bounded
        if year_like:
            if rng is not None and rng[0].numeral is not None and rng[0].numeral.n_digits in (2, 4):
                years.append((core.start, rng[1], int(core.value)))
                return None
            if not self._has_unit_after(doc, core.end):
                years.append((core.start, core.end, int(core.value)))
                return None
        if rng is not None:
            core2, end = rng
            conn = connector(doc[core.end]) if core.end < len(doc) else ""
            if (
                conn == "/"
                and not (end < len(doc) and doc[end].text == "%")
                and core2.value > core.value > 0
                and cur_hit is None
            ):
                q.value = core.value / core2.value  # "1/16 of a pint"
                core.fraction = True
                rules.append("num-fraction")
            else:
                low, high = core.value, core2.value
                if core2.scaled and not core.scaled and core2.unscaled and abs(core.value) < abs(core2.unscaled) * 10:
                    low = core.value * (core2.value / core2.unscaled)  # "1.2-1.5 billion"
                q.value, q.low, q.high = None, low, high
                rules.append("range-" + ("between" if conn == "and" else "connector"))
            rules += core2.rule_ids
            q.end = end
            q.core = (core.start, end)
        elif (
            core.value is not None
            and core.end + 1 < len(doc)
            and doc[core.end].lower_ == "in"
            and core.value >= 1
            and core.value == int(core.value)
        ):
            c2 = self._read_core(doc, core.end + 1, money=False)  # "one in four"
            if c2 is not None and c2.value and c2.value > core.value and c2.value == int(c2.value) and c2.value <= 1000:
                q.value = core.value / c2.value
                q.end = c2.end
                q.core = (core.start, c2.end)
                q.kind = "ratio"
                rules.append("ratio-one-in-n")

        # a number followed by a proper name is part of it: "737 Max", "11 Pro", "49 Zorro Ranch Road"
        nxt = doc[q.end] if q.end < len(doc) else None
        if (
            cur_hit is None
            and not core.words
            and q.low is None
            and nxt is not None
            and nxt.is_alpha
            and nxt.is_title
            and nxt.pos_ == "PROPN"
            and self._unit_at(doc, q.end) is None
            and self._money_name_at(doc, q.end) is None
            and not (
                self._plural_after_names(doc, q.end)  # "96 Liverpool fans" counts fans,
                and not self._counted_before(doc, core.start, sent_start)
            )
        ):  # "two new 737 Max jets"
            return None
        # -- unit: currency, lexicon unit, currency name, "per X", counted noun ----------------
        self._read_unit(doc, q, core, cur_hit, rules)
        if q.unit is None and q.kind != "ratio" and core.low is not None:
            self._vague_unit(doc, q, rules)
        if q.unit is None and q.kind != "ratio":
            self._shared_unit(doc, q, rules)
        if q.unit is None and core.fraction:
            self._fraction_of(doc, q, rules)
        if q.unit is None and (q.kind != "ratio" or "ratio-one-in-n" in rules):
            counted = self._counted_noun(doc, q, core)
            if counted is not None:
                head = doc[counted]
                q.unit = head.lemma_.lower() if head.tag_ in ("NNS", "NNPS") else head.lower_
                q.unit_text = doc[q.end : counted + 1].text
                q.kind = "ratio" if core.fraction or q.kind == "ratio" else "count"
                q.end = counted + 1
                q.head = counted
                rules.append("unit-counted-noun")
        if core.words and q.unit is None and not core.scaled and not core.fraction:
            return None  # "the two met": a spelled number with nothing counted
        if core.words and q.unit is None and q.kind == "other":
            q.kind = "ratio" if core.fraction else "count"
        # a bare number inside a name: "Big 12", "Apollo 11", "S P 500", "iPhone 11 Pro", "737 Max", "49 Zorro Road"
        if q.unit is None and q.low is None and not core.words and cur_hit is None:
            prev = doc[core.start - 1] if core.start > sent_start else None
            if (
                prev is not None
                and prev.is_alpha
                and not prev.is_lower
                and prev.text != "I"
                and prev.lower_ not in self.negative
                and not (bounded and prev.i == sent_start)
            ):
                return None
            if (
                prev is not None
                and prev.text == ")"
                and core.start >= 2
                and doc[core.start - 2].is_upper
                and doc[core.start - 2].is_alpha
            ):
                return None  # "Executive Order (EO) 14257"

        # a list number: "1." at the start of a line, "2)" anywhere without an opening bracket
        if (
            not core.words
            and q.unit is None
            and core.end < len(doc)
            and (
                (core.start == sent_start and doc[core.end].text in (".", ")"))
                or (
                    doc[core.end].text == ")"
                    and not any(t.text == "(" for t in doc[max(0, core.start - 3) : core.start])
                )
            )
        ):
            return None
        # a number glued to a code: "24703L202"
        if (
            not core.words
            and q.unit is None
            and core.end < len(doc)
            and doc[core.end - 1].whitespace_ == ""
            and doc[core.end].text[:1].isalpha()
            and any(ch.isdigit() for ch in doc[core.end].text)
        ):
            return None
        # trailing bound: "or more"
        hit = self.bounds_after.starting(doc, q.end)
        if hit is not None and not (
            hit[1].id == "bound-or-more" and doc[hit[0] - 1].lower_ == "plus" and doc[q.end - 1].whitespace_
        ):
            q.end, entry = hit
            q.bound = entry.bound
            rules.append(entry.id)
        # an explicit plus sign reports a rise: "pork (+83%)"
        if num is not None and doc[core.start].text.startswith("+") and q.change is None:
            q.change = "up"
            rules.append("change-plus-sign")
        # change adverb after: "5% higher"
        if q.end < len(doc) and doc[q.end].lower_ in self.change_after and q.unit is not None:
            direction, rid = self.change_after[doc[q.end].lower_]
            if doc[q.end].dep_ in ("advmod", "amod", "npadvmod", "acomp", "") or q.start <= doc[q.end].head.i < q.end:
                q.change = direction
                rules.append(rid)
        return self._finish_left(doc, q, cur_hit, rules, sent_start)

    def _read_unit(self, doc: Doc, q: Found, core: _Core, cur_hit: tuple[int, Any] | None, rules: list[str]) -> None:
        glued = self._glued_currency(core.numeral)
        if cur_hit is not None or glued is not None:
            code, rid = self._resolve_currency(doc, cur_hit[1] if cur_hit is not None else glued)
            q.unit, q.kind = code, "currency"
            q.unit_text = doc[cur_hit[0] : core.start].text if cur_hit is not None else core.numeral.currency
            rules.append(rid)
        else:
            hit = self._unit_at(doc, q.end)
            if hit is not None and hit[1].unit == "pound" and core.scaled and "GBP" in self.currencies:
                hit = (hit[0], self.currencies["GBP"])  # "361 million pounds" is money, "8 pounds" a weight
                end, entry = hit
                code, rid = self._resolve_currency(doc, entry)
                q.unit, q.kind, q.unit_text = code, "currency", doc[q.end : end].text
                rules.append(rid)
                q.end = end
                hit = None
            elif hit is not None:
                end, entry = hit
                q.unit, q.kind = entry.unit, entry.kind
                q.unit_text = doc[q.end : end].text
                if entry.base:
                    q.base = (entry.base, entry.factor or 1.0, entry.offset or 0.0)
                rules.append(entry.id)
                q.end = end
            else:
                hit = self._money_name_at(doc, q.end)
                scaled = self._scaled_code(doc[q.end]) if q.end < len(doc) else None
                if hit is not None:
                    end, entry = hit
                    code, rid = self._resolve_currency(doc, entry)
                    q.unit, q.kind, q.unit_text = code, "currency", doc[q.end : end].text
                    rules.append(rid)
                    q.end = end
                    self._money_tail(doc, q, rules)
                elif scaled is not None and q.value is not None:
                    q.unit, q.kind, q.unit_text = scaled[0], "currency", doc[q.end].text
                    q.value *= scaled[1]
                    q.end += 1
                    rules.append("cur-scaled-code")
        # "per barrel", "an ounce", "/day"
        if q.unit is not None and q.kind in (
            "currency",
            "count",
            "mass",
            "volume",
            "energy",
            "length",
            "other",
            "duration",
        ):
            per = self._read_per(doc, q.end)
            if per is not None:
                end, per_unit = per
                q.unit = f"{q.unit} per {per_unit}"
                q.unit_text = f"{q.unit_text or ''} {doc[q.end : end].text}".strip()
                rules.append("unit-per")
                q.end = end
            elif q.kind in ("mass", "volume", "energy") and q.end < len(doc) and doc[q.end].lower_ == "of":
                # "2.4 billion gallons of jet fuel a year": a rate stated after what is measured
                for k in range(q.end + 2, min(len(doc), q.end + 6)):
                    if doc[k].lower_ in ("a", "an", "per") and not doc[k - 1].is_punct:
                        per = self._read_per(doc, k)
                        if (
                            per is not None
                            and self.units.starting(doc, k + 1)
                            and self.units.starting(doc, k + 1)[1].kind == "duration"
                        ):
                            q.unit = f"{q.unit} per {per[1]}"
                            q.unit_text = f"{q.unit_text or ''} {doc[k : per[0]].text}".strip()
                            rules.append("unit-per")
                        break
                    if doc[k].is_punct or doc[k].pos_ in ("VERB", "AUX", "ADP"):
                        break

    def _vague_unit(self, doc: Doc, q: Found, rules: list[str]) -> None:
        """'millions of Americans', 'tens of millions of dollars': the noun after 'of'."""
        k = q.end
        if k >= len(doc) or doc[k].lower_ != "of":
            return
        hit = self._money_name_at(doc, k + 1)
        if hit is not None:
            code, rid = self._resolve_currency(doc, hit[1])
            q.unit, q.kind, q.unit_text, q.end = code, "currency", doc[k + 1 : hit[0]].text, hit[0]
            rules.append(rid)
            return
        m = k + 1
        while m < len(doc) and m - k <= 4:
            tok = doc[m]
            if tok.tag_ in ("NNS", "NNPS") or (tok.pos_ in ("NOUN", "PROPN") and tok.lower_.endswith("s")):
                q.unit = tok.lemma_.lower() if tok.pos_ == "NOUN" else tok.lower_
                q.unit_text, q.kind, q.end, q.head = doc[k + 1 : m + 1].text, "count", m + 1, m
                rules.append("unit-counted-noun")
                return
            if tok.pos_ not in ("ADJ", "DET", "NOUN", "PROPN", "NUM"):
                return
            m += 1

    @staticmethod
    def _counted_before(doc: Doc, k: int, floor: int) -> bool:
        """Is there a number right before position k, past adjectives ('two new 737 Max jets')?"""
        k -= 1
        while k >= floor and doc[k].pos_ == "ADJ":
            k -= 1
        return k >= floor and doc[k].pos_ == "NUM" and doc[k].is_alpha

    def _plural_after_names(self, doc: Doc, k: int) -> bool:
        while k < len(doc) and doc[k].pos_ == "PROPN" and doc[k].is_title:
            k += 1
        return k < len(doc) and doc[k].tag_ == "NNS" and doc[k].is_lower

    def _fraction_of(self, doc: Doc, q: Found, rules: list[str]) -> None:
        """'one fourth of the US population', 'half the condos': the whole the fraction is of."""
        k = q.end
        if k < len(doc) and doc[k].lower_ == "of":
            k += 1
        m = k
        while m < len(doc) and m - k <= 4:
            tok = doc[m]
            if tok.pos_ == "NOUN" and tok.is_alpha and (m + 1 >= len(doc) or doc[m + 1].pos_ != "NOUN"):
                q.unit = tok.lemma_.lower() if tok.tag_ == "NNS" else tok.lower_
                q.unit_text, q.kind, q.end, q.head = doc[q.end : m + 1].text, "ratio", m + 1, m
                rules.append("unit-fraction-of")
                return
            if tok.pos_ not in ("ADJ", "DET", "NOUN", "PROPN", "NUM") and tok.tag_ != "POS":
                return
            m += 1

    def _shared_unit(self, doc: Doc, q: Found, rules: list[str]) -> None:
        """'eight or nine euros', 'four, five or six cylinders': a unit written once for several numbers."""
        k = q.end
        if k + 1 >= len(doc) or doc[k].lower_ not in ("or", ",", "and"):
            return
        m = k + 1
        last_sep = doc[k].lower_
        for _ in range(6):  # skip further numbers of the list
            nxt = self._read_core(doc, m, money=False) if m < len(doc) else None
            if nxt is None:
                return
            m = nxt.end
            hit = self._unit_at(doc, m) or self._money_name_at(doc, m)
            if hit is not None and last_sep == ",":
                return  # "at 16,644, 16 per cent above": a list ends with "or"/"and" before its unit
            if hit is not None:
                entry = hit[1]
                if isinstance(entry, str) or hasattr(entry, "code"):
                    code, rid = self._resolve_currency(doc, entry)
                    q.unit, q.kind = code, "currency"
                else:
                    q.unit, q.kind, rid = entry.unit, entry.kind, entry.id
                q.unit_text = None
                rules.append(rid)
                return
            if m < len(doc) and doc[m].lower_ in ("or", ",", "and") and m + 1 < len(doc):
                last_sep = doc[m].lower_
                m += 1
                continue
            return

    def _finish_left(
        self, doc: Doc, q: Found, cur_hit: tuple[int, Any] | None, rules: list[str], sent_start: int
    ) -> Found:
        s = cur_hit[0] if cur_hit is not None else q.start
        if s > sent_start + 1 and doc[s - 1].text in ("-", "–") and doc[s - 2].lower_ in self.negative:
            s -= 1  # "minus-5"
        if s > sent_start and doc[s - 1].lower_ in self.negative:
            for attr in ("value", "low", "high"):
                v = getattr(q, attr)
                if v is not None:
                    setattr(q, attr, -v)
            s -= 1
            rules.append("num-negative")
        if q.low is not None and s > sent_start and doc[s - 1].lower_ in ("between", "from"):
            s -= 1
        if (
            s > sent_start + 1
            and doc[s - 1].text in ("-", "–")
            and doc[s - 1].whitespace_ == ""
            and self.bounds_before.ending(doc, s - 1, s - 2)
        ):
            s -= 1  # "sub-7 nanometer"
        hit = self.bounds_before.ending(doc, s, sent_start)
        if (
            hit is not None
            and hit[0] == s - 1
            and doc[s - 1].dep_ == "prep"
            and doc[s - 1].head.pos_ == "VERB"
            and doc[s - 1].lower_ in ("around", "about")
            and not q.start <= doc[s - 1].head.i < q.end
        ):
            hit = None  # "organized around four pillars": a preposition of the verb, not a qualifier
        if hit is not None and not (hit[1].bound == "=" and q.kind == "rank"):
            bstart, entry = hit
            # "some" and "about" only qualify a number, never start one ("talked about 5 ...")
            q.bound = entry.bound
            rules.append(entry.id)
            s = bstart
        if (
            s > sent_start and doc[s - 1].lower_ in self.change_before and q.change is None and doc[s - 1].dep_ != "prt"
        ):  # "gave up 517 yards" is no rise
            direction, rid = self.change_before[doc[s - 1].lower_]
            q.change = direction
            rules.append(rid)
        q.start = s
        if q.head is None:
            q.head = self._head(doc, q)
        verb = doc[q.head].head
        if q.bound == "=" and doc[q.head].dep_ in ("dobj", "obj") and verb.lemma_.lower() in self.bound_verbs:
            entry = self.bound_verbs[verb.lemma_.lower()]  # "exceeds 35 degrees", "topped $1 billion"
            negated = any(c.dep_ == "neg" for c in verb.children)
            q.bound = (
                {">": "<=", "<": ">=", ">=": "<", "<=": ">"}.get(entry.bound, entry.bound) if negated else entry.bound
            )
            rules.append(entry.id)
        level = s > sent_start and doc[s - 1].lower_ in ("to", "at", "from")  # "rose 5% to $3bn": a level
        if q.change is None and not level:
            q.change, rid = self._syntactic_change(doc, q)
            if rid:
                rules.append(rid)
        q.rule_ids = rules
        return q

    # -- helpers ----------------------------------------------------------------------------
    def _has_unit_after(self, doc: Doc, k: int) -> bool:
        if k < len(doc) and doc[k].text == "%":
            return True
        hit = self.units.starting(doc, k)
        return hit is not None and hit[1].kind not in ("duration",)

    def _read_per(self, doc: Doc, k: int) -> tuple[int, str] | None:
        if k + 1 >= len(doc):
            return None
        w = doc[k].lower_
        if w not in ("per", "a", "an", "/", "each"):
            return None
        if w == "each":
            return None
        hit = self.units.starting(doc, k + 1)
        after = doc[hit[0]].lower_ if hit is not None and hit[0] < len(doc) else ""
        if after in ("ago", "earlier", "before", "later", "previously", "prior", "after"):
            return None  # "$1.17 billion a year earlier" is a time, not a rate
        if hit is not None and hit[1].kind not in ("percent", "percentage_point"):
            return hit[0], hit[1].unit
        nxt = doc[k + 1]
        if w in ("per", "/") and nxt.is_alpha and nxt.pos_ in ("NOUN", "PROPN", "X", "ADJ"):
            return k + 2, nxt.lemma_.lower() if nxt.tag_ == "NNS" else nxt.lower_
        if w in ("a", "an") and nxt.lower_ in (
            "share",
            "head",
            "person",
            "piece",
            "unit",
            "dozen",
            "gallon",
            "barrel",
            "ton",
            "tonne",
            "litre",
            "liter",
            "kilo",
            "pound",
            "ounce",
        ):
            return k + 2, nxt.lower_  # "$70 a share", "64.2 cents a dozen"
        return None

    def _counted_noun(self, doc: Doc, q: Found, core: _Core) -> int | None:
        """The noun a bare number counts: '13,000 workers', '11 mineral commodities', 'two of his deputies'."""

        def countable(tok: Token) -> bool:
            return tok.is_alpha and (tok.pos_ == "NOUN" and tok.tag_ in NOUN_TAGS or tok.tag_ == "NNPS")

        if q.end >= len(doc):
            return None
        nxt = doc[q.end]
        # "3 cylinder engine", "40 yard line": a number cannot count a singular head, so it counts the
        # singular noun before it ("11 mineral commodities" is counted by its plural head instead)
        if (
            countable(nxt)
            and nxt.tag_ == "NN"
            and q.value not in (None, 1)
            and q.end + 1 < len(doc)
            and doc[q.end + 1].pos_ == "NOUN"
            and doc[q.end + 1].tag_ == "NN"
            and nxt.is_lower
        ):
            return nxt.i
        # "four-cylinder engine", "a six-speed gearbox": the noun after the hyphen is counted
        if (
            nxt.text in ("-", "–")
            and doc[q.end - 1].whitespace_ == ""
            and nxt.whitespace_ == ""
            and q.end + 1 < len(doc)
            and doc[q.end + 1].pos_ == "NOUN"
            and doc[q.end + 1].is_alpha
        ):
            return q.end + 1
        # the parse: the number modifies a noun to its right
        for tok in (doc[q.end - 1], doc[q.core[0]]):
            head = tok.head
            if (
                tok.dep_ in ("nummod", "quantmod", "compound", "amod", "nmod", "npadvmod")
                and head.i >= q.end
                and head.i - q.end <= 3
                and countable(head)
                and all(
                    x.pos_ in ("ADJ", "NOUN", "PROPN", "PUNCT", "VERB", "CCONJ", "ADV", "NUM")
                    and x.text not in (",", ";", ":", "(")
                    for x in doc[q.end : head.i]
                )
            ):
                return head.i
        # adjacency: "13,000 workers"
        if countable(nxt) and (nxt.is_lower or nxt.tag_ == "NNPS"):
            if nxt.tag_ in ("NNS", "NNPS") or (q.value == 1 and q.low is None):
                return nxt.i
        # "two of Johnson's deputies"
        if core.words and nxt.lower_ == "of":
            pobj = next((c for c in nxt.children if c.dep_ == "pobj"), None)
            if pobj is not None and pobj.tag_ in ("NNS", "NNPS") and pobj.i - q.end <= 4:
                return pobj.i
        return None

    def _head(self, doc: Doc, q: Found) -> int:
        """The syntactic head of the number and its unit (qualifiers such as "averaging" left out)."""
        return doc[q.core[0] : max(q.end, q.core[0] + 1)].root.i

    def _syntactic_change(self, doc: Doc, q: Found) -> tuple[str | None, str | None]:
        tok = doc[q.head]
        for _ in range(2):
            head = tok.head
            lemma = head.lemma_.lower()
            if head.i == tok.i:
                break
            if tok.dep_ == "pobj" and head.lower_ in ("by", "of"):
                up = head.head.lemma_.lower()
                if up in self.change_nouns and head.head.pos_ == "NOUN":
                    return self.change_nouns[up]
                if up in self.change_verbs and head.head.pos_ == "VERB":
                    return self.change_verbs[up]
                return None, None
            if tok.dep_ == "pobj":
                return None, None
            if (
                head.pos_ == "NOUN"
                and lemma in self.change_nouns
                and head.i > tok.i
                and tok.dep_ in ("nummod", "compound", "amod", "nmod", "quantmod", "npadvmod")
            ):
                return self.change_nouns[lemma]
            if (
                head.pos_ == "VERB"
                and lemma in self.change_verbs
                and tok.dep_
                in (
                    "dobj",
                    "obj",
                    "npadvmod",
                    "advmod",
                    "attr",
                    "nmod",
                    "nsubj",
                    "quantmod",
                    "acomp",
                    "oprd",
                    "ccomp",
                    "dep",
                    "xcomp",
                    "advcl",
                )
            ):
                if tok.dep_ == "nsubj":
                    return None, None
                return self.change_verbs[lemma]
            if tok.dep_ in ("prep",):
                return None, None
            if head.pos_ in ("VERB", "AUX"):
                break
            tok = head
        return None, None
