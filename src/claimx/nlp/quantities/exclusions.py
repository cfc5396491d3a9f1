"""What is not a quantity, and ranks: Matcher patterns, text shapes, and names and codes with digits.

The pattern rules (`patterns.jsonl`) and text shapes (`words.jsonl`, role `not_quantity_shape`) mark
tokens no quantity may use; the `REJECTS_*` functions drop a reading that turns out to be a name, a code
or a list enumerator. Each reject function returns the name of the rule that rejected, or None.
"""

from __future__ import annotations

import re
from functools import cache

from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from claimx.nlp.numbers import parse_numeral, parse_ordinal
from claimx.nlp.quantities.state import Core, Found, View
from claimx.nlp.quantities.units import unit_at
from claimx.rulefiles import load_rules

PLURAL_MODEL = re.compile(r"[0-9]+s")


class PatternRules:
    """The Matcher patterns of patterns.jsonl: NOT_QUANTITY spans and RANK expressions ('second-largest')."""

    def __init__(self, vocab: Vocab, *, validate: bool = True):
        # patterns that read tags or lemmas run only on Docs that have them (a blank pipeline has neither)
        self.matchers = {need: Matcher(vocab, validate=validate) for need in (None, "TAG", "LEMMA")}
        self.labels: dict[str, str] = {}
        for entry in load_rules("patterns"):
            keys = {k for tok in entry.pattern for k in tok}
            need = "TAG" if keys & {"TAG", "POS", "DEP", "MORPH"} else "LEMMA" if "LEMMA" in keys else None
            self.matchers[need].add(entry.id, [entry.pattern])
            self.labels[entry.id] = entry.label

    def match(self, doc: Doc) -> tuple[set[int], dict[int, Found], dict[int, str]]:
        """(tokens excluded from quantities, non-overlapping ranks by start token, and the number tokens of
        NOT_CLAIM matches with their rule id: quantities that are read but are not claims)."""
        excluded: set[int] = set()
        not_claims: dict[int, str] = {}
        ranks: dict[int, Found] = {}
        matches = [
            m
            for need, matcher in self.matchers.items()
            if len(matcher) and (need is None or doc.has_annotation(need))
            for m in matcher(doc)
        ]
        for match_id, start, end in sorted(matches, key=lambda m: (m[1], m[2])):
            rule_id = doc.vocab.strings[match_id]
            if self.labels[rule_id] == "NOT_QUANTITY":
                excluded.update(t.i for t in doc[start:end] if t.like_num or parse_numeral(t.text) or _scale_word(t))
            elif self.labels[rule_id] == "NOT_CLAIM":
                fractions = _fraction_words()
                not_claims.update(
                    {
                        t.i: rule_id
                        for t in doc[start:end]
                        if t.like_num or parse_numeral(t.text) or t.lower_ in fractions
                    }
                )
            else:
                rank = _rank(doc, start, end, rule_id)
                if rank is not None and (rank.start not in ranks or ranks[rank.start].end < end):
                    ranks[rank.start] = rank
        return excluded, _longest_first(ranks), not_claims


def _scale_word(t) -> bool:
    """'millions' in 'in millions of dollars': a scale word the number reader would start on."""
    return t.lower_.removesuffix("s") in (
        "hundred",
        "thousand",
        "million",
        "billion",
        "trillion",
        "quadrillion",
        "quintillion",
    )


@cache
def _fraction_words() -> frozenset[str]:
    """'half', 'third', 'quarter' (numbers.jsonl role fraction): the number of 'the bottom half'."""
    return frozenset(w for e in load_rules("numbers") if e.role == "fraction" for w in e.values)


def _rank(doc: Doc, start: int, end: int, rule_id: str) -> Found | None:
    ordinal = next((parse_ordinal(t.text) for t in doc[start:end] if parse_ordinal(t.text) is not None), None)
    if ordinal is None:
        return None
    if doc[start].pos_ in ("VERB", "AUX"):  # "ranked fifth": the rank is the ordinal only
        start += 1
    while start < end - 1 and (doc[start].lower_ == "the" or doc[start].text == "("):
        start += 1  # "ranked the 26th", "rice (fourth)"
    if doc[end - 1].text == ")":
        end -= 1
    return Found(
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


def _longest_first(ranks: dict[int, Found]) -> dict[int, Found]:
    """Keep non-overlapping ranks, longest first."""
    kept: dict[int, Found] = {}
    taken: set[int] = set()
    for r in sorted(ranks.values(), key=lambda f: f.start - f.end):
        if not taken & set(range(r.start, r.end)):
            kept[r.start] = r
            taken.update(range(r.start, r.end))
    return kept


def shape_exclusions(doc: Doc, shapes) -> set[int]:
    """Tokens inside text shapes that are never quantities: web addresses, clock times, phone numbers, dates."""
    out: set[int] = set()
    text = doc.text
    for _, rx in shapes:
        for m in rx.finditer(text):
            span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
            if span is not None:
                out.update(t.i for t in span)
    return out


# -- rejecting a reading -----------------------------------------------------------------------------
def hyphenated_name(v: View, i: int, core: Core) -> str | None:
    """'COVID-19', 'F-16', 'Pac-12' are names (but 'minus-5', 'sub-7' qualify the number)."""
    doc = v.doc
    if (
        i >= 2
        and doc[i - 1].text in ("-", "–")
        and doc[i - 2].whitespace_ == ""
        and doc[i - 1].whitespace_ == ""
        and doc[i - 2].text[:1].isalpha()
        and doc[i - 2].text.isalnum()
        and not core.words
        and doc[i - 2].lower_ not in v.lex.negative
        and not v.lex.bounds_before.ending(doc, i - 1, i - 2)
    ):
        return "not-hyphenated-name"
    return None


def name_after(v: View, q: Found, core: Core, cur_hit) -> str | None:
    """A number followed by a proper name is part of it: '737 Max', '11 Pro', '49 Zorro Ranch Road'. Not a
    figure grouped with commas ('63,150 Model 3s' counts cars: names and house numbers are never grouped)."""
    from claimx.nlp.quantities.money import money_name_at

    nxt = v.tok(q.end)
    if (
        cur_hit is None
        and not core.words
        and (q.low is None or _glued_designation(v, q))
        and "," not in v.doc[core.start : core.end].text
        and nxt is not None
        and (_name_word(nxt) and nxt.is_title or _acronym_name(v, q.end))
        and nxt.tag_ != "NNPS"  # "40 Canadians", "1 in 10 Americans": a plural counted, not a name
        and q.kind != "ratio"
        and unit_at(v, q.end) is None
        and money_name_at(v, q.end) is None
        and not (_plural_after_names(v, q.end) and not _counted_before(v, core.start))
    ):  # "96 Liverpool fans" counts fans; "two new 737 Max jets" counts jets
        return "not-name-after"
    return None


def _name_word(tok) -> bool:
    """A word of a proper name: title case ('Zorro'), or an acronym ('IFPC' in '3 IFPC Battalion')."""
    return tok.pos_ == "PROPN" and tok.is_alpha and (tok.is_title or (tok.is_upper and len(tok) > 1))


def _acronym_name(v: View, k: int) -> bool:
    """An acronym after the number that a singular name word or a glued dash follows ('3 IFPC Battalion', '6 IFPC
    BN–I Corps', '1-57 ADA–Fort Drum'): a designation; not one a common noun, a plural name, a bracket or a
    hyphenated compound follows ('40 UN staff', '20 US troops', '27 NIH Institutes', '340 PCUMS (2012)', '60
    NIH-funded universities')."""
    tok, after = v.tok(k), v.tok(k + 1)
    if tok is None or after is None or not (_name_word(tok) and tok.is_upper):
        return False
    if after.text in ("–", "—"):  # not a hyphen: '60 NIH-funded universities', '12 US-made jets' count
        return tok.whitespace_ == ""
    return _name_word(after) and after.tag_ == "NNP"


def _glued_designation(v: View, q: Found) -> bool:
    """An ascending pair of whole numbers glued by a hyphen before a name designates a unit ('1-51 Air Defense
    Artillery', the 1st battalion of the 51st regiment), as a number alone before it does."""
    text = v.doc[q.start : q.end].text
    return re.fullmatch(r"\d+[-–]\d+", text) is not None and q.low is not None and q.high is not None and q.low < q.high


def _counted_before(v: View, k: int) -> bool:
    """Is there a spelled number right before position k, past adjectives ('two new 737 Max jets')?"""
    doc, floor = v.doc, v.sent_starts[k]
    k -= 1
    while k >= floor and doc[k].pos_ == "ADJ":
        k -= 1
    return k >= floor and doc[k].pos_ == "NUM" and doc[k].is_alpha


def _plural_after_names(v: View, k: int) -> bool:
    """A plural after the name: '96 Liverpool fans', '20 Boeing 737s' (a model number made plural), '12 F-35 jets',
    '400 million Windows 10 users' (a name with its number), '40 Pakistan army soldiers'."""
    doc = v.doc
    while k < len(doc) and _name_word(doc[k]):
        k += 1
        if k + 1 < len(doc) and doc[k].text in ("-", "–") and doc[k - 1].whitespace_ == doc[k].whitespace_ == "":
            k += 1  # a hyphenated model code: '12 F-35 jets'
        if k < len(doc) and doc[k].text.isdigit():
            k += 1
    while k < len(doc) and doc[k].tag_ == "NN" and doc[k].dep_ == "compound" and doc[k].is_lower:
        k += 1  # '40 Pakistan army soldiers'
    if k < len(doc) and PLURAL_MODEL.fullmatch(doc[k].text):
        return True
    return k < len(doc) and doc[k].tag_ == "NNS" and doc[k].is_lower


def name_before(v: View, q: Found, core: Core, bounded: bool) -> str | None:
    """A bare number inside a name: 'Big 12', 'Apollo 11', 'S P 500', 'Executive Order (EO) 14257'; or a
    name's number before a singular noun it modifies ('the Planet 9 citizen project': a count would be
    plural)."""
    doc = v.doc
    sent_start = v.sent_starts[core.start]
    prev = doc[core.start - 1] if core.start > sent_start else None
    if prev is None:
        return None
    if q.unit is not None and not _singular_after_name(v, q, core, prev):
        return None
    if (
        prev.is_alpha
        and not prev.is_lower
        and prev.text != "I"
        and prev.lower_ not in v.lex.negative
        and not (bounded and prev.i == sent_start)
    ):
        return "not-name-before"
    if prev.text == ")" and core.start >= 2 and doc[core.start - 2].is_upper and doc[core.start - 2].is_alpha:
        return "not-name-before"
    return None


def _singular_after_name(v: View, q: Found, core: Core, prev) -> bool:
    """'Planet 9 citizen', 'the Method 1 capital surcharge': a capitalised name word, a number (written in
    digits when it is one: "one" counts) and a singular common noun that modifies another noun (a
    compound), as a counted noun never does; after an acronym, any singular noun the number above one
    cannot count ('the ISO 9001 standard', 'the RFC 2616 specification')."""
    noun = v.tok(core.end)
    acronym = prev.is_upper and prev.is_alpha and len(prev) >= 2  # "the ISO 9001 standard": a count would be plural
    return (
        q.kind == "count"
        and q.value is not None
        and (q.value != 1 or not core.words)
        and prev.i != v.sent_starts[core.start]
        and noun is not None
        and noun.tag_ == "NN"
        and ((prev.is_title and noun.dep_ == "compound") or (acronym and q.value > 1 and noun.dep_ != "compound"))
    )


def list_enumerator(v: View, core: Core) -> str | None:
    """'1.' at the start of a line, '2)' anywhere without an opening bracket."""
    doc = v.doc
    if core.end >= len(doc):
        return None
    after = doc[core.end].text
    item = core.end + 1 < len(doc) and any(ch.isalpha() for ch in doc[core.end + 1].text)  # "1. Exports rose"
    after_separator = core.start > 0 and doc[core.start - 1].text in (":", ";")  # "two parts: 1. cut costs; 2."
    if after in (".", ")") and (after_separator or core.start == v.sent_starts[core.start] and item):
        return "not-list-enumerator"
    if after == ")" and not any(t.text == "(" for t in doc[max(0, core.start - 3) : core.start]):
        return "not-list-enumerator"
    return bracketed_enumerator(v, core)


def bracketed_enumerator(v: View, core: Core) -> str | None:
    """'(1) operate the devices, (2) cool them': a bracketed small integer before words, whatever follows
    the bracket (no unit or counted noun is read across it)."""
    doc = v.doc
    if (
        core.end + 1 < len(doc)
        and doc[core.end].text == ")"
        and core.start > 0
        and doc[core.start - 1].text == "("
        and core.end - core.start == 1
        and doc[core.start].text.isdigit()
        and int(doc[core.start].text) <= 20
        and doc[core.end + 1].is_alpha
        and (doc[core.end + 1].is_lower or doc[core.end + 1].is_title and not _scale_word(doc[core.end + 1]))
    ):
        return "not-list-enumerator"  # "(1) operate the devices", "(1) Salaries and Expenses ($207.0 million)"
    return None


def glued_code(v: View, core: Core) -> str | None:
    """A number glued to a code: '24703L202'."""
    doc = v.doc
    if (
        core.end < len(doc)
        and doc[core.end - 1].whitespace_ == ""
        and doc[core.end].text[:1].isalpha()
        and any(ch.isdigit() for ch in doc[core.end].text)
    ):
        return "not-glued-code"
    return None
