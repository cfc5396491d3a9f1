"""ContextLinker: the spaCy component that sets source, time, measured concept, hedges and modality on each
quantity span. It only wires the strategies of `sources`, `time`, `measured` and `hedges` to the spans;
its lexicon is built once and frozen, and it keeps nothing about the Docs it reads."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc, Span

from claimx.nlp.context.asides import bracket_name
from claimx.nlp.context.counts import clause_count_unit, concept_kind, implied_count_unit, share_whole_count
from claimx.nlp.context.hedges import find_hedges, modality_from_source, past_baseline
from claimx.nlp.context.lexicon import ContextLexicon
from claimx.nlp.context.measured import find_measured
from claimx.nlp.context.sources import find_source
from claimx.nlp.context.sourcewords import contrasted_clause
from claimx.nlp.context.target import Target
from claimx.nlp.context.time import find_time
from claimx.nlp.extensions import article_context
from claimx.nlp.readings import SourceReading
from claimx.periods import parse_period


def sentence_source(span: Span, before: list[Span]) -> tuple[SourceReading, str] | None:
    """The source of the nearest figure before this one in its sentence, when none applies to this one by
    the parse: "The WHO estimates that in 2015 there were 214 million new cases of malaria resulting in
    438,000 deaths" attributes both figures (rule `src-sentence-shared`)."""
    sent_start = span.sent.start
    if contrasted_clause(span.root):
        return None  # "X claimed that inflation was 9%, but it was actually 1.4%"
    for other in reversed(before):
        if other.start < sent_start:
            return None
        if other._.claimx_source is not None and not other._.claimx_source.scoped and other.end <= span.start:
            return other._.claimx_source, "src-sentence-shared"
    return None


COORDINATION = frozenset({"and", "or", ",", "to", "but", "while", "versus", "vs", "vs."})


def coordinated_measured(span: Span, before: list[Span]) -> tuple[str, str] | None:
    """What the figure just before measures, for a figure no strategy could place that follows it in a
    coordination: "raised the limit to $10 billion in 1989 and $20 billion in 1995" (rule
    `measured-coordinated`). Only across a short gap of a date and a conjunction."""
    prev = next((o for o in reversed(before) if o.end <= span.start), None)
    if prev is None or prev.sent.start != span.sent.start or not prev._.claimx_measured:
        return None
    gap = span.doc[prev.end : span.start]
    if len(gap) > 5 or not any(t.lower_ in COORDINATION for t in gap):
        return None
    if any(t.pos_ in ("VERB", "NOUN") and t.ent_type_ not in ("DATE", "TIME") for t in gap):
        return None  # "$5 billion for exports and 12 tons of grain": the second figure has its own noun
    return prev._.claimx_measured, "measured-coordinated"


def listed_name_measured(span: Span, before: list[Span]) -> tuple[str, str] | None:
    """'NPS received a 70% share, FS 15%, FWS 5%, and BIE 5%': a figure right after a name listed after
    an earlier figure of its sentence is that name's value of what the earlier one measures (rule
    `measured-listed-name`)."""
    doc = span.doc
    k = span.start - 1
    while k >= span.sent.start and doc[k].pos_ == "PROPN" and not doc[k].like_num:
        k -= 1
    if k == span.start - 1 or k < span.sent.start or doc[k].lower_ not in (",", "and", ";"):
        return None
    prev = next((o for o in reversed(before) if o.end <= k and o.sent.start == span.sent.start), None)
    if prev is None or not prev._.claimx_measured:
        return None
    base = re.sub(r" \([^()]*\)$", "", prev._.claimx_measured)  # "share (NPS)" -> "share"
    name = doc[k + 1 : span.start].text
    if all(w[:1].isupper() for w in base.split()):
        return name, "measured-listed-name"  # "The United States had 38%, China 21%": no measure, a name
    return f"{base} ({name})", "measured-listed-name"


LIST_BREAKS = frozenset({"from", "than", "compared", "versus", "vs", "vs.", "against", "since", "down", "up"})


def share_trailing_dates(spans: list[Span]) -> None:
    """'about 6% for females and 3.5% for males in 2013': a date closing a coordinated list of figures of
    one kind dates the earlier ones that have none (rule `time-shared-by-list`); only across a gap without a
    verb, with a conjunction or comma, and not past a figure of another kind."""
    for a, b in reversed(list(zip(spans, spans[1:], strict=False))):
        if a._.claimx_time is not None or b._.claimx_time is None or a.sent.start != b.sent.start:
            continue
        qa, qb = a._.claimx_quantity, b._.claimx_quantity
        if qa is None or qb is None or qa.kind != qb.kind or qa.unit != qb.unit:
            continue
        gap = a.doc[a.end : b.start]
        if len(gap) > 6 or any(t.pos_ in ("VERB", "AUX") or t.lower_ in LIST_BREAKS for t in gap):
            continue  # "increased 2.8 percent, down from a peak of 5.6 percent in February 2022": a baseline
        if not any(t.lower_ in ("and", ",") for t in gap):
            continue
        after = a.doc[b.end : min(b.end + 6, b.sent.end)]  # "for males in 2013": the date closes the list
        at = after.text.find(b._.claimx_time.text)
        if at < 0 or after.text[:at].split()[-1:] not in (["in"], ["on"], ["at"], ["during"]):
            continue  # "down 62 million from September": the change's baseline, not the list's date
        a._.claimx_time = b._.claimx_time
        a._.claimx_rule_ids = [*(a._.claimx_rule_ids or []), "time-shared-by-list"]


SUBJECT_PRONOUNS = frozenset({"it", "this", "that"})


def pronoun_measured(span: Span, before: list[Span]) -> tuple[str, str] | None:
    """A figure whose clause's subject is 'it', 'this' or 'that' measures what the last figure of the
    sentence before measured, in the same paragraph: "The official number of people unemployed in 1959 was
    only 21. A year later it was 22." (rule `measured-pronoun`); not an expletive 'it' ("it is prudent to
    hold this rate at 5 percent"), whose verb opens a clause of its own."""
    verb, tok = None, span.root
    while tok.head.i != tok.i and verb is None:  # up through "to", "down", "at": not inside a noun phrase
        tok = tok.head
        verb = tok if tok.pos_ in ("VERB", "AUX") else None
        if verb is None and tok.pos_ not in ("ADP", "ADV", "NUM", "SYM"):
            return None  # "This would be a slowdown from the average of around 4 percent"
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None) if verb is not None else None
    if subj is None or subj.lower_ not in SUBJECT_PRONOUNS or subj.i > span.start:
        return None
    if any(c.dep_ in ("xcomp", "ccomp") and c.i > verb.i for c in verb.children):
        return None  # "it is prudent to hold ...", "it seems that ..."
    prev = next((o for o in reversed(before) if o.end <= span.start and o.sent.start < span.sent.start), None)
    doc = span.doc
    if prev is None or not prev._.claimx_measured or prev.sent.end != span.sent.start:
        return None  # only the sentence right before
    if "\n\n" in doc.text[prev.sent.end_char : span.sent.start_char] or "\n\n" in prev.sent.text:
        return None
    return prev._.claimx_measured, "measured-pronoun"


SERIES_WORDS = frozenset({"end", "beginning", "start", "middle", "close", "half", "course", "rest"})


def series_head(span: Span, before: list[Span]) -> Span | None:
    """The figure this one continues in a dated series: "will be 4.6 percent at the end of this year, 3.9 percent
    at the end of 2025, and 3.1 percent at the end of 2026", "falls to 2.4 percent this year, 2.2 percent next
    year, and 2% in 2026" (rule `series-continued`). The gap from the figure before is only its date, commas
    and a conjunction: no verb, no noun of its own; the two share a unit."""
    prev = next((o for o in reversed(before) if o.end <= span.start), None)
    if prev is None or prev.sent.start != span.sent.start:
        return None
    gap = span.doc[prev.end : span.start]
    if not 2 <= len(gap) <= 9 or gap[-1].lower_ not in (",", "and") or not any(t.ent_type_ == "DATE" for t in gap):
        return None
    for t in gap:
        if not (t.ent_type_ in ("DATE", "TIME") or t.is_punct or t.pos_ in ("ADP", "DET", "CCONJ")
                or t.lower_ in SERIES_WORDS):  # fmt: skip
            return None
    a, b = prev._.claimx_quantity, span._.claimx_quantity
    if a is None or b is None or a.unit != b.unit:
        return None
    head = series_head(prev, [o for o in before if o.end <= prev.start])
    return head if head is not None else prev


def continue_series(span: Span, head: Span, rules: list[str]) -> None:
    """A figure continuing a series says what its head says: measured, source, modality, and whether it is
    a change (the verb before the head, "falls to", made the head a level and the rest levels too)."""
    span._.claimx_measured = head._.claimx_measured
    span._.claimx_source = span._.claimx_source or head._.claimx_source
    if span._.claimx_modality == "asserted":
        span._.claimx_modality = head._.claimx_modality
    q, h = span._.claimx_quantity, head._.claimx_quantity
    ids = [*span._.claimx_rule_ids, "series-continued"]
    if q.change != h.change and any(r.startswith("change-verb") for r in rules):
        span._.claimx_quantity = replace(q, change=h.change)
        ids = [r for r in ids if not r.startswith("change-verb")]
    span._.claimx_rule_ids = ids


def transition_measured(span: Span, before: list[Span]) -> tuple[str, str] | None:
    """The level a change reached measures what the level it left measured: "would reduce the average
    capital surcharge from 2.7% to 2.3%" (rule `measured-transition`; the reader marks the two levels
    `transition-from` and `transition-to`)."""
    if "transition-to" not in (span._.claimx_rule_ids or []):
        return None
    prev = next((o for o in reversed(before) if o.end <= span.start), None)
    if prev is None or "transition-from" not in (prev._.claimx_rule_ids or []) or not prev._.claimx_measured:
        return None
    return prev._.claimx_measured, "measured-transition"


def _past(span: Span, time) -> bool:
    """Is the figure a comparison's past baseline (`hedges.past_baseline`)?"""
    published = article_context(span.doc, "claimx_context").published
    period = parse_period(time.period) if time.period else None
    return past_baseline(span, period, published)


class ContextLinker:
    """Sets source, time, measured, hedges and modality on each quantity span.

    Args:
        nlp: the pipeline.
        name: the component name.
        spans_key: where the QuantityMatcher left its spans.
    """

    def __init__(self, nlp: Language, name: str = "claimx_context", *, spans_key: str = "claimx_quantities"):
        self.name = name
        self.spans_key = spans_key
        self.lexicon = ContextLexicon.build()

    def __call__(self, doc: Doc) -> Doc:
        article_context(doc, self.name)  # warns once when the Doc lacks its article context
        done: list[Span] = []
        for span in doc.spans.get(self.spans_key, []):
            self.set_annotations(span, done)
            done.append(span)
        share_trailing_dates(done)
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)

    def set_annotations(self, span: Span, before: list[Span] | None = None) -> None:
        """Run every strategy family on one quantity span and store what they found (`before`: the spans
        of the Doc already annotated)."""
        target = Target.of(span)
        rules = list(span._.claimx_rule_ids or [])
        source = find_source(target, self.lexicon) or sentence_source(span, before or [])
        if source is not None:
            rules.append(source[1])
        time = find_time(target, self.lexicon)
        measured = transition_measured(span, before or [])
        if measured is None and target.quantity is not None:
            measured = find_measured(target, self.lexicon)
        if target.quantity is not None and (measured is None or measured[0] is None):
            measured = (
                listed_name_measured(span, before or [])
                or coordinated_measured(span, before or [])
                or pronoun_measured(span, before or [])
                or measured
            )
        named = bracket_name(span)  # "Spain ($4.4 billion)": Spain's value of what the clause measures
        if named is not None and (measured is None or measured[0] is None or measured[1] == "measured-coordinated"):
            measured = (named, "measured-bracket-name")
        elif named is not None and named.lower() not in measured[0].lower():
            measured = (f"{measured[0]} ({named})", measured[1])
        q = target.quantity
        if q is not None and q.unit is None and q.kind in ("count", "other"):
            implied = (
                implied_count_unit(measured[0] if measured else None, self.lexicon)
                or clause_count_unit(target, self.lexicon)
                or share_whole_count(target, measured[0] if measured else None)
            )
            if implied is not None:  # "employment rose by 236,000": jobs
                span._.claimx_quantity = replace(q, unit=implied[0], kind=concept_kind(implied[1]))
                rules.append(implied[1])
        hedges, modality, hedge_rules = find_hedges(target, self.lexicon)
        if source is not None:
            modality = modality_from_source(source[0].text, modality)
        if modality == "forecast" and time is not None and _past(span, time[0]):
            modality, hedge_rules = "asserted", [*hedge_rules, "modality-baseline"]
        span._.claimx_source = source[0] if source else None
        span._.claimx_time = time[0] if time else None
        span._.claimx_measured = measured[0] if measured else None
        span._.claimx_hedges = hedges
        span._.claimx_modality = modality
        span._.claimx_rule_ids = list(dict.fromkeys(rules + hedge_rules))
        span._.claimx_strategies = {"time": time[1] if time else None, "measured": measured[1] if measured else None}
        head = series_head(span, before or [])
        if head is not None:
            continue_series(span, head, rules)
            span._.claimx_strategies["measured"] = "series-continued"
