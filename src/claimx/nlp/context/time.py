"""When a figure refers to: date candidates from the strategies in `timecands.TIME_CANDIDATES`, kept when they
hang on the figure's clause (`applies`), the nearest one chosen (`distance`), resolved to a period against the
nearest dated expression of its clause (`resolve`).
"""

from __future__ import annotations

import re
from datetime import date

from spacy.tokens import Span, Token

from claimx.calendar_periods import interval
from claimx.nlp.context.ahead import ahead
from claimx.nlp.context.baselines import PREVIOUS_PERIOD, cue_on, is_baseline, superlative_range
from claimx.nlp.context.lexicon import ContextLexicon, words
from claimx.nlp.context.ranklists import ranked_on
from claimx.nlp.context.since import accumulates, since_cue, since_mark, since_then, under_since, until_writing
from claimx.nlp.context.target import Target
from claimx.nlp.context.timecands import (
    DATE_INTRODUCERS,
    FY_RE,
    NAMED_PERIOD,
    SAME_POINT_OF,
    THIS_YEAR,
    TIME_CANDIDATES,
    Cand,
    frequency_reading,
    joined_ranges,
    shared_by_conjuncts,
)
from claimx.nlp.deps import DATE_MODIFIERS, NAMED_THINGS, NOMINALS, SUBJECTS, nominal_gerund
from claimx.nlp.extensions import article_context
from claimx.nlp.readings import TimeReading
from claimx.periods import Period, parse_period


def _path_and_subjects(head: Token, cands: list[Cand]) -> tuple[set[int], set[int]]:
    """The head's path to the root (up to a coordinated verb with a time of its own, `_own_time_frame`), and
    the tokens of the subjects hanging on that path (not inside a relative clause of theirs): "Imports ... in
    2003 accounted for 55%" dates the figure by its subject."""
    doc = head.doc
    path = {head.i}
    for t in [head, *head.ancestors]:
        path.add(t.i)
        if _own_time_frame(t, cands):
            break
    subjects = {
        t.i
        for i in path
        for c in doc[i].children
        if c.dep_ in SUBJECTS or nominal_gerund(c)
        for t in c.subtree
        if not any(a.dep_ == "relcl" and a.i != c.i and c.i in {x.i for x in a.ancestors} for a in [t, *t.ancestors])
    }
    return path, subjects


def _own_time_frame(verb: Token, cands: list[Cand]) -> bool:
    """A verb coordinated with an earlier one that has a date of its own ("Retail sales fell in January and
    then retraced about half of that decline in February": a date phrase on the verb itself, not a baseline
    nor a date inside a name or a clause of its object). The earlier verb's date is not its figures'; the
    path to the root stops there. A conjunct without one shares the earlier date ("fell 4 percent in March
    and rose 2 percent", unless 'since' puts it after that date: `since.since_then`)."""
    if verb.dep_ != "conj" or verb.pos_ not in ("VERB", "AUX"):
        return False
    doc = verb.doc
    return any(_governor(doc[c.start : c.end].root) == verb.i and not is_baseline(c, doc) for c in cands)


def _governor(d: Token) -> int:
    """The word a date phrase hangs on, past its preposition ('in February' -> 'retraced')."""
    g = d.head
    while g.pos_ == "ADP" and g.head.i != g.i:
        g = g.head
    return g.i


def applies(
    date: Span, span: Span, path: set[int], subjects: set[int], lex: ContextLexicon, *, climb: bool = False
) -> bool:
    """Does a date in the sentence date this quantity? It must hang on the quantity's clause."""
    d = date.root
    if d.ent_type_ in NAMED_THINGS and not _lone_fiscal_year(d):
        return False  # "the Trade Act of 1974" names a law
    if date.start > 0 and date.doc[date.start - 1].lower_ == "than":
        return False  # "$10 billion less than 2024": the baseline, not the figure's time
    than = next((a for a in [*d.ancestors][:3] if a.lower_ == "than"), None)
    if than is not None and not (than.left_edge.i <= span.start <= than.right_edge.i):
        return False  # "33 cents less than the price at the same time last year": the baseline's
    for cue in [d, *d.ancestors][:5]:
        if cue.lower_ in ("versus", "vs", "vs.", "compared", "against") and not (
            cue.left_edge.i <= span.start <= cue.right_edge.i
        ):
            return False  # "7.3 million b/d, versus 7.9 million b/d in 2023": the baseline's own time
    between = date.doc[span.end : date.start] if span.end <= date.start else []
    if any(t.lower_ in ("versus", "vs", "vs.", "compared") for t in between):
        return False
    after_than = [t for t in between if t.lower_ == "than"][-1:]
    if after_than and not any(t.pos_ in ("VERB", "AUX") for t in date.doc[after_than[0].i : date.start]):
        return False  # "33 cents less than the price at the same time last year", however it is parsed
    if between and _compared_figure_between(span, between):
        return False  # "added 34,000 jobs, lower than the average gain of 54,000 over the prior 6 months"
    root = span.root
    if root.dep_ == "nummod" and root.head.i >= span.end and root.head.lower_ in words("generic_measure"):
        root = root.head  # "the 251,000 monthly average for all of 2023": the measure the figure is the number of
    own = {t.i for t in root.subtree} if root.pos_ in NOMINALS else set()
    if d.dep_ == "poss" and _meeting_on_path(d.head, path, lex):
        return True  # "At today's meeting, the Committee kept the rate at 5 percent"
    if (
        d.dep_ in DATE_MODIFIERS
        and d.head.pos_ in NOMINALS
        and not (span.start <= d.head.i < span.end)
        and d.head.i not in path
    ):
        # "2024 U.S. tariff rates of 10%" dates the rates, not this figure, unless the dated noun is the
        # subject of the figure's clause ("the 2025 trade deficit was $295.5 billion", "Projected 2025/26
        # ending stocks are raised 7.4 million tons", "A 2012 study found that one-third ..."), the object of
        # its verb ("places the 2017 revenue at $2 billion"), a meeting its clause happens at ("decided at its
        # March meeting to keep ..."), or the noun of its own 'of' phrase ("60% of Mexico's 2024 total trade");
        # rule time-dated-subject
        of_phrase = {t.i for c in span.root.children if c.dep_ == "prep" and c.lower_ == "of" for t in c.subtree}
        valued = d.head.dep_ == "dobj" and d.head.head.i in path or _meeting_on_path(d.head, path, lex)
        valued = valued or _framing_data(d.head, path, lex) or ranked_on(d.head, path)  # "a 2023 Gallup poll"
        return d.head.i in of_phrase or (d.head.i in subjects and not _agent(d.head, span)) or valued
    if d.i in subjects or _opens_subject(date, span, path) or _fronted_frame(date, span):
        return True
    governors = []
    for t in d.ancestors:  # up through "as of", "in", "by" to the word the date hangs on
        governors.append(t)
        if t.pos_ != "ADP" and t.dep_ != "prep" or len(governors) >= 3:
            break
    for g in governors:
        if g.i in path or g.i in subjects or span.start <= g.i < span.end or g.i in own:
            return True
        if g.dep_ == "xcomp" and g.head.i in path:
            return True  # "The participation rate, at 62.6 percent, continued to trend up in March"
        if g.dep_ == "acl" and g.head.i in path:
            return True  # "a $20 billion swap line extended to Argentina in 2025": the figure's noun, dated
        if g.dep_ == "amod" and g.tag_ == "VBN" and g.head.i in path and g.head.pos_ in NOMINALS:
            return True  # "the FY2026 enacted amount of $1.65 billion": a participle dating the figure's noun
        if g.dep_ == "advcl" and g.lower_ in DATE_INTRODUCERS and g.head.i in path:
            return True  # "Effective April 6, 2026, the President imposed a 50% tariff"
        if g.lemma_.lower() in lex.data_nouns or g.lower_ == "according":
            return True  # "according to data in 2023"
        if shared_by_conjuncts(g, path, date, span):
            return True
    if not climb:
        return not governors  # a sentence that is only a date and a figure
    return _climbed(date, governors, path)


def _fronted_frame(date: Span, span: Span) -> bool:
    """'Over the first three quarters of 2018, hours worked in the sector were up 2.0 percent', 'Back in 2010,
    exports were $5 billion': a date phrase that opens the sentence, set off by a comma, frames the clause
    after it however the parser hung it (in the first, on a misread subject clause); a figure's own later date
    still wins by distance."""
    doc, sent = span.doc, span.sent
    opener = doc[sent.start : date.start]
    if len(opener) > 4 or any(t.pos_ not in ("ADP", "DET", "ADV") for t in opener):
        return False  # "Over the", "Back in", "Even as recently as"
    if date.end >= span.start or doc[date.end].text != ",":
        return False
    return not any(t.text in (";", ":") for t in doc[date.end : span.start])


def _climbed(date: Span, governors: list[Token], path: set[int]) -> bool:
    """`applies` when no date applies by the parse: a date in a clause or phrase that hangs on the figure's."""
    if not governors:
        return True  # a sentence that is only a date and a figure
    d, last = date.root, governors[-1]
    if last.dep_ in ("advcl", "relcl") and last.head.i in path:
        # "35 loans were made, of which 12 defaulted, as of February 2026": 'as of' stamps the clause
        # the subordinate one hangs on; "have fled since the war began in 2022": a 'since' clause's date
        # starts the period (`since.since_cue`)
        return date.start >= 2 and date.doc[date.start - 2 : date.start].text.lower() == "as of" or since_mark(last)
    if governors[0].lower_ == "during" and _in_subjects_clause(last, path):
        # "households that use oil as their primary heating fuel during the 2014-15 winter will spend 27% less":
        # the period a relative clause of the subject says its people act in is the figure's
        return True
    cue = d if d.pos_ == "ADP" else governors[0]  # a span of years may be rooted on 'through'
    if last.dep_ == "acl" and last.tag_ == "VBN" and cue.lower_ in ("in", "during", "through"):
        last = last.head  # "received aid through programs administered by HHS in fiscal years 2022 through 2024"
    if cue.lower_ in ("in", "during", "through") and last.pos_ == "NOUN" and last.dep_ == "pobj":
        # "ranked second among markets for U.S. exports in 2025": a date phrase the parser hung on the
        # noun of a phrase of the figure's verb dates the verb (tried when no date applies otherwise)
        return last.head.dep_ == "prep" and last.head.head.i in path
    return False


def _framing_data(noun: Token, path: set[int], lex: ContextLexicon) -> bool:
    """A census, poll or survey in a phrase on the figure's clause: its date is the figure's ('In a 2023 Gallup
    poll, 62 percent backed the plan', 'At the 2010 census, the town had 5,000 residents')."""
    framing = noun.lemma_.lower() in ("census", "poll", "survey") and noun.lemma_.lower() in lex.data_nouns
    return framing and noun.dep_ == "pobj" and noun.head.head.i in path


def _meeting_on_path(noun: Token, path: set[int], lex: ContextLexicon) -> bool:
    """Is the noun a meeting (words.jsonl role `meeting_noun`) the figure's clause happens at ('decided at its
    March meeting to keep the rate at 5 percent')? Not one a figure was reported at ('the rate was 4 percent,
    the board said at its June meeting')."""
    verb = noun.head.head
    return (
        noun.lemma_.lower() in words("meeting_noun")
        and noun.dep_ == "pobj"
        and noun.head.dep_ == "prep"
        and verb.i in path
        and verb.lemma_.lower() not in lex.verb_cues
    )


SUBJECT_PREMODIFIERS = {"DT", "PDT", "JJ", "JJR", "JJS", "VBN", "VBG", "NN", "NNS", "NNP", "NNPS", "HYPH", "POS"}


def _opens_subject(date: Span, span: Span, path: set[int]) -> bool:
    """A date among the words that open the sentence before the subject of the figure's clause, with only
    determiners, adjectives, participles and nouns around it, is part of the subject's phrase, however the
    parser hung it: "Projected 2025/26 all rice ending stocks are lowered by 1.5 million cwt" (the parser
    makes "Projected" a clause of its own) (time-dated-subject)."""
    doc = date.doc
    start = date.sent.start
    subject = next((c for i in path for c in doc[i].children if c.dep_ in SUBJECTS and c.i >= date.end), None)
    if subject is None or span.start <= subject.i or date.start - start > 3:
        return False
    around = [t for t in doc[start : subject.i] if not date.start <= t.i < date.end]
    return all(t.tag_ in SUBJECT_PREMODIFIERS for t in around)


def _in_subjects_clause(t: Token, path: set[int]) -> bool:
    """Is `t` in a restrictive relative clause (no comma before it: "The company, which grew during the 1990s,
    earned $5 million" says nothing of when it earned) of the subject of the figure's clause, or of a noun in
    that subject?"""
    clause = next((a for a in [t, *t.ancestors] if a.dep_ == "relcl"), None)
    if clause is None or (clause.left_edge.i > 0 and clause.doc[clause.left_edge.i - 1].text in (",", "(", "—")):
        return False
    return any(a.dep_ in SUBJECTS and a.head.i in path for a in clause.ancestors)


def _lone_fiscal_year(d: Token) -> bool:
    """'For FY2026, Congress appropriated': the tagger reads a fiscal year alone as an organisation."""
    return (
        FY_RE.match(d.text) is not None
        and d.ent_iob_ == "B"
        and (d.i + 1 >= len(d.doc) or d.doc[d.i + 1].ent_iob_ != "I")
    )


def _agent(noun: Token, span: Span) -> bool:
    """Is the noun the active subject of the verb that governs the figure, acting on an object the figure
    describes ("The November 2025 agreement lowered the tariff to 15%": the agreement's date is the
    agent's, not the tariff's)? A passive subject ("2025/26 stocks are raised 7.4 million tons"), the
    subject of a verb without an object ("February job gains moved up to 275,000") or whose object is the
    figure ("Our FY 2027 request uses $50 million"), or of a verb whose clause reports the figure ("A
    2012 study found that one-third ...") is not."""
    verb = noun.head
    if noun.dep_ != "nsubj":
        return False
    governing = next((a for a in span.root.ancestors if a.pos_ in ("VERB", "AUX")), None)
    if governing is None or governing.i != verb.i:
        return False
    return any(c.dep_ == "dobj" and not (span.start <= c.i < span.end) for c in verb.children)


def _compared_figure_between(span: Span, between: Span) -> bool:
    """Is there, between the figure and a date, another figure introduced by 'than' (the baseline, which
    the date belongs to)?"""
    others = [s for s in span.doc.spans.get("claimx_quantities", []) if between.start <= s.start < between.end]
    return any(t.lower_ == "than" and t.i < o.start for o in others for t in between)


def find_time(t: Target, lex: ContextLexicon) -> tuple[TimeReading, str] | None:
    """(the period the figure refers to, the strategy's rule id), or None."""
    span, head = t.span, t.head
    cands: list[Cand] = []
    for collect in TIME_CANDIDATES:
        cands += collect(t, lex, cands)
    cands = joined_ranges(cands, span.doc)
    path, subjects = _path_and_subjects(head, cands)
    everything = cands
    span_time = _change_span(t, cands)
    if span_time is not None:
        return span_time, "time-change-span"
    doc = span.doc
    if span.start >= 2 and doc[span.start - 1].text == "(" and not _own_baseline(t, cands):
        # "60% ($752.0 billion) of Mexico's 2024 trade": a bracketed restatement has its figure's time
        restated = next((s for s in doc.spans.get("claimx_quantities", []) if s.end == span.start - 1), None)
        if restated is not None and restated._.claimx_time is not None:
            return restated._.claimx_time, "time-bracket-restated"
    before_bracket = _date_before_bracket(span, cands)
    if before_bracket is not None:
        return _reading(before_bracket, [before_bracket], everything, span), "time-before-bracket"
    owner = _relative_clause_date(head, cands)
    cands = (
        [owner]
        if owner
        else [
            c for c in cands if _right_after(c, span) or applies(span.doc[c.start : c.end], span, path, subjects, lex)
        ]
    )
    if not cands:
        doc = span.doc
        cands = [c for c in everything if applies(doc[c.start : c.end], span, path, subjects, lex, climb=True)]
    if span.end < t.sent.end and doc[span.end].lower_ in words("baseline_preposition"):
        # "rose 4% in May from April and 6% from a year earlier": a figure with its own baseline is not
        # dated by the baseline of a figure before it
        earlier = [q.end for q in doc.spans.get("claimx_quantities", []) if q.end <= span.start]
        cands = [c for c in cands if not (is_baseline(c, doc) and any(e <= c.start < span.start for e in earlier))]
    end = _figure_end(span)  # a date after a semicolon is another clause's ("hired 500; two years later, ...")
    cands = [c for c in since_then(t, cands) if c.start < end or not any(x.text == ";" for x in doc[end : c.start])]
    cands = [c for c in cands if not superlative_range(c, doc)]
    right = [c for c in cands if _right_after(c, span)]
    own = right or [c for c in cands if not is_baseline(c, span.doc, head)]
    if own and (right or t.quantity is None or not t.quantity.moves):
        # a level: "3.2 percent over the previous 12 months, an improvement from 2022" is not 2022's; a
        # change spans from its baseline ("down 94% from 2010"), which stays a candidate
        cands = own
    if not cands:
        return frequency_reading(t)

    def distance(c: Cand) -> tuple[int, int, int, int]:
        # "from 5.6 million in 2011 to 7.5 million in 2013": the date right after a figure is its own;
        # a period without a year ("last week") yields to a dated one unless it follows the figure
        # ("doubled over the past decade", "2.3 million barrels last week")
        after = c.start >= end
        gap = c.start - end if after else span.start - c.end
        on_clause = after and (gap <= 1 or _governor(doc[c.start : c.end].root) in path)
        relative = lex.relative_period.match(c.text) is not None and not on_clause
        weak = c.rule == "time-present" or c.year is None and (c.rule == "time-event" or relative)
        crosses = not after and any(x.text == ";" for x in doc[c.end : span.start])  # another clause's
        return int(crosses), int(weak), gap, int(not after)

    best = min(cands, key=distance)
    if t.quantity is not None and t.quantity.moves:
        best = _past_baseline(best, cands, doc, head)
    if t.quantity is not None and t.quantity.moves and best.year is not None:
        spanned = _baseline_span(best, everything, doc, path)
        if spanned is not None:
            return spanned, "time-change-baseline"
    reading = _reading(best, cands, everything, span)
    since = since_cue(best, doc)
    if since is not None and accumulates(t, since):
        until = until_writing(reading, best, since)
        if until is not None:
            return until, "time-since"
    return reading, best.rule


def _reading(best: Cand, applying: list[Cand], everything: list[Cand], span: Span) -> TimeReading:
    """The chosen expression as a reading, its period resolved (`resolve`)."""
    published = article_context(span.doc, "claimx_context").published
    period = resolve(best, applying, everything, span.doc, published)
    if period is None:
        return TimeReading(text=best.text, year=best.year)
    period = ahead(period, best.text, best.start, span, published)
    year = best.year if best.year is not None and period.label.startswith("FY") else period.year
    return TimeReading(text=best.text, year=year, period=period.label)


def _change_span(t: Target, cands: list[Cand]) -> TimeReading | None:
    """'increased from $134.2 billion in 2006 to $337.9 billion in 2025, a 150% increase': a change stated
    beside a from-to pair of dated figures spans from the first date to the second (2006/2025); so does
    one between two months of a year ("declined 29% from $112 in June to $79 in November": June to
    November), each end read against the article's date."""
    span, q = t.span, t.quantity
    if q is None or not q.moves:
        return None
    ends: dict[str, Cand] = {}
    for other in span.doc.spans.get("claimx_quantities", []):
        if other is span or not (t.sent.start <= other.start < t.sent.end):
            continue
        h = Target.of(other).head
        word = _from_or_to(h)
        if h.i in range(span.start, span.end) or word not in ("from", "to") or word in ends:
            continue
        own = next((c for c in cands if _right_after(c, other)), None)
        if own is not None:
            ends[word] = own
    a, b = ends.get("from"), ends.get("to")
    if a is None or b is None or a.start >= b.start or span.start < b.end and span.end > a.start:
        return None
    # the two ends in time order, months of one year included ("from $112 in June to $79 in November")
    published = article_context(span.doc, "claimx_context").published
    first, last = (parse_period(c.text, reference=published) for c in (a, b))
    if first is None or last is None or first.start >= last.start:
        return None
    period = parse_period(f"{a.text} to {b.text}", reference=published)
    if period is None:
        return None
    return TimeReading(text=f"{a.text} to {b.text}", year=last.year, period=period.label)


def _from_or_to(h: Token) -> str | None:
    """'from' or 'to' when the figure is the object of one, directly ("from $40 million") or as the value
    of a level named in it ("from their high of $112", "to an average of $79"); else None."""
    if h.dep_ != "pobj":
        return None
    prep = h.head
    if prep.lower_ == "of" and prep.head.dep_ == "pobj":
        prep = prep.head.head
    return prep.lower_


def _baseline_span(best: Cand, cands: list[Cand], doc, path: set[int]) -> TimeReading | None:
    """'deaths in 2015 were reduced by 60% from a 2000 estimate': a change dated by its own period, with
    the baseline's period in the same clause, spans from the baseline to its own period (2000 to 2015);
    not "raised 7.4 million tons in 2025/26, the first increase since 2019/20", nor a date another figure
    owns ("rose 3.7 percent in January, versus a peak pace of 6.9 percent in late 2021")."""
    figures = doc.spans.get("claimx_quantities", [])
    before = [
        c
        for c in cands
        if c.year is not None
        and c.year < best.year
        and is_baseline(c, doc)
        and cue_on(c, path, doc)
        and not any(_right_after(c, q) for q in figures)  # "versus a peak of 6.9 percent in late 2021"
    ]
    if not before or best.rule == "time-event":
        return None
    b = min(before, key=lambda c: abs(c.start - best.start))
    text = f"{b.text} to {best.text}"
    period = parse_period(text)
    if period is None:  # each end read alone: "from 2010 to the year-to-date 2014 through August"
        published = article_context(doc, "claimx_context").published
        first, last = (parse_period(c.text, reference=published) for c in (b, best))
        if first is None or last is None or first.start > last.start:
            return None
        period = interval(first, last)
    return TimeReading(text=text, year=best.year, period=period.label)


def _own_baseline(t: Target, cands: list[Cand]) -> bool:
    """Does a bracketed change name its own baseline ('$4.2 million (-12% from 2022)')? Then it is no
    restatement of the figure before the bracket, and its dates are read as a change's."""
    if t.quantity is None or not t.quantity.moves:
        return False
    doc = t.span.doc
    close = next((tok.i for tok in doc[t.span.end : t.sent.end] if tok.text == ")"), t.sent.end)
    return any(t.span.end <= c.start < close and is_baseline(c, doc) for c in cands)


def _past_baseline(best: Cand, cands: list[Cand], doc, head: Token) -> Cand:
    """A change's nearest date is its baseline ('At the end of last year, 821,838 lived in Japan, a 13%
    increase from 2022', 'For FY2027, the Administration requested $13.7 million (-7% from FY2026)'): the
    change reaches a later period of its clause, which dates it (`_baseline_span` then spans the two). A
    baseline alone, or one later than every other date of the clause, stays; so does a relative baseline
    ("over the previous year") with no dated period of the clause beside it."""
    if best.year is None and PREVIOUS_PERIOD.match(best.text) and is_baseline(best, doc, head):
        # "fiscal year 2014–15 exports increasing by 3.3% over the previous year": the period compared
        dated = [c for c in cands if c.year is not None and not is_baseline(c, doc, head)]
        return min(dated, key=lambda c: abs(c.start - best.start)) if dated else best
    if not is_baseline(best, doc, head):
        return best
    published = article_context(doc, "claimx_context").published

    def start(c: Cand) -> date | None:  # "the end of last year", "February" read against the article's date
        period = parse_period(c.text, reference=published) if published is not None else None
        if period is not None and (c.year is None or period.year == c.year):
            return period.start
        return date(c.year, 1, 1) if c.year is not None else None

    first = start(best)
    if first is None:
        return best
    later = [c for c in cands if (start(c) or first) > first and not is_baseline(c, doc, head)]
    return min(later, key=lambda c: abs(c.start - best.start)) if later else best


def _date_before_bracket(span: Span, cands: list[Cand]) -> Cand | None:
    """'supplemental funding enacted for FY2026 ($28 million; ...)', 'in 2020 ($5 billion)': a figure
    opening a bracket right after a date is that date's."""
    if span.start < 2 or span.doc[span.start - 1].text != "(":
        return None
    return next((c for c in cands if c.end == span.start - 1 and c.year is not None), None)


def _figure_end(span: Span) -> int:
    """Where the figure's phrase ends: past the noun it is the number of ('the 1.5 average over the past
    15 years': the period follows the average)."""
    root = span.root
    if root.dep_ == "nummod" and root.head.i == span.end and root.head.lower_ in words("generic_measure"):
        return span.end + 1
    return span.end


def _right_after(c: Cand, span: Span) -> bool:
    """'to $534.8 billion in 2025', 'from $35.9 million for FY2026 to $38.0 million for FY2027': a year or
    date right after the figure, joined by 'in', 'during' or 'for', is the figure's own whatever the parse
    attached it to ('2025 (170% increase)' read as '2025 increase'), even after 'from' or a bracket ('$112
    per barrel (bbl) in June'); a month or quarter without its year too; not a year that
    modifies a noun after it ('in 2024 dollars', 'for 2025 elections'). So is a deictic period right after
    it or its bracket ('$3.09 per gallon (gal) this winter', '2.3 million barrels last week')."""
    doc = span.doc
    if c.start == span.end + 2 and doc[span.end : c.start].text.lower() == "as of":
        return True  # "over 4.6 million as of October 2021"
    if doc[c.start].lower_ in DEICTIC and c.start == _past_bracket(doc, span.end):
        return True  # "to average $3.09 per gallon (gal) this winter, 20% lower than last winter"
    after = _past_bracket(doc, span.end)  # "$112 per barrel (bbl) in June"
    if c.start == after + 1 and doc[after].lower_ == "on" and c.rule == "time-weekday":
        return True  # "The death toll rose to 64, up from 27 on Monday": the day of the figure before it
    if c.start != after + 1 or doc[after].lower_ not in ("in", "during", "for"):
        return False
    if c.year is None and not NAMED_PERIOD.match(c.text):
        return False  # a year, or a month or quarter of the article's year ("at 3.5 percent in March")
    return c.end >= len(doc) or doc[c.end].pos_ not in ("NOUN", "PROPN") or doc[c.end].ent_type_ == "DATE"


DEICTIC = frozenset({"this", "last", "next"})


def _past_bracket(doc, i: int) -> int:
    """The token after a bracket opening at i ('$3.09 per gallon (gal) this winter'), else i."""
    if i < len(doc) and doc[i].text == "(":
        close = next((t.i for t in doc[i : min(i + 8, len(doc))] if t.text == ")"), None)
        return close + 1 if close is not None else i
    return i


def _relative_clause_date(head: Token, cands: list[Cand]) -> Cand | None:
    """The date a relative clause holding the figure describes: "from 2022, when inflation was above 8
    percent" dates the 8 percent to 2022, whatever else the sentence dates; so does "from the day before when
    more than 12,000 cases were reported" (a 'when' clause the parser hangs on the date)."""
    for anc in [head, *head.ancestors]:
        if anc.dep_ == "relcl" or (anc.dep_ == "advcl" and any(c.lower_ == "when" for c in anc.children)):
            return next((c for c in cands if c.start <= anc.head.i < c.end), None)
    return None


def resolve(best: Cand, applying: list[Cand], everything: list[Cand], doc, published) -> Period | None:
    """The period of the chosen expression, resolved against the nearest dated expression of the figure's
    clause (the candidates that apply to it), else of the sentence, else the article's date:
    "8.1% in 2025, down from 8.4% the previous year" -> the second figure's period is 2024. A baseline
    ("from the high rates of 2022", "than in 2019", "from 2010 through 2019") is never an anchor."""

    def nearest(cands: list[Cand]) -> Period | None:
        dated = [
            (abs(c.start - best.start), c)
            for c in cands
            if c is not best
            and c.start != best.start
            and not is_baseline(c, doc)
            and not under_since(c, doc)
            and c.rule != "time-elided-period"  # "1.8% in the fourth" reads from the quarter it elides
        ]
        for _, c in sorted(dated, key=lambda x: x[0]):
            p = parse_period(c.text)  # no reference: only an expression that names its year reads,
            points_back = THIS_YEAR.search(c.text) and SAME_POINT_OF.search(best.text)
            if p is None and (NAMED_PERIOD.match(c.text) or points_back):
                # or a named month or quarter ("in March"); a period of this year ("$78 in the fourth quarter
                # this year, compared to $109 for the same time last year") anchors what points back to it
                p = parse_period(c.text, reference=published)
            if p is not None and not re.fullmatch(r"\d{4}/\d{4}", p.label):
                return p  # a span of years ("(2017-21)") names no one year to anchor on
        return None

    anchor = nearest(applying) or nearest(everything)
    return parse_period(best.text, reference=published, anchor=anchor)
