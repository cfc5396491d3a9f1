"""Date candidates of a figure's sentence, one strategy per kind of expression (`TIME_CANDIDATES`): DATE
entities with a year, a month and day (the article's year), a period relative to the article's date ("last
year"), a period relative to now without a year ("over the past decade"); numbers the quantity reader set aside
as years; fiscal years ("FY2031"); events ("during the pandemic"); the present of the writing. Years are never
quantities. `claimx.nlp.context.time` keeps those that hang on the figure's clause and chooses one.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

from spacy.tokens import Span, Token

from claimx.nlp.context.lexicon import ContextLexicon, words
from claimx.nlp.context.target import Target
from claimx.nlp.deps import DATE_MODIFIERS, SUBJECTS
from claimx.nlp.extensions import article_context
from claimx.nlp.readings import TimeReading
from claimx.periods import parse_period

YEAR_RE = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)")
FY_RE = re.compile(r"^(?:FY|fy)[-']?(\d{2}|\d{4})$")


class Cand(NamedTuple):
    start: int
    text: str
    year: int | None
    end: int
    rule: str


Collector = Callable[[Target, ContextLexicon, list[Cand]], list[Cand]]


def date_entities(t: Target, lex: ContextLexicon, sofar: list[Cand]) -> list[Cand]:
    """DATE entities of the sentence outside the quantity: a year, a month and day, a relative year or period."""
    span = t.span
    doc = span.doc
    published = article_context(doc, "claimx_context").published_year
    out = []
    for ent in t.sent.ents:
        if ent.label_ == "DATE" and ent.start < span.start < ent.end:
            ent = Span(doc, ent.start, span.start, label="DATE")  # "on Thursday 30 passengers": run into the figure
        if ent.label_ != "DATE" or (ent.start < span.end and span.start < ent.end):
            continue
        ent = _with_same_point(_without_comparative(_without_period_comparison(ent)))
        text, low = ent.text, ent.text.lower()
        m = YEAR_RE.search(text)
        rel = low if low in lex.relative_year else low.removeprefix("the ")
        if low in words("present_word"):
            continue  # "today": read by `present_words`, which knows when it dates a report, not a figure
        if m:
            kept = [t for t in ent if t.lower_ not in ("the",)]
            # the quantity reader's year may be longer than the entity: a split year "2025/26"
            # (also after a period noun: "fiscal year 2014–15")
            starts = {kept[0].i} | {w.i for w in ent if YEAR_RE.search(w.text)}
            end = max([ent.end] + [e for s, e, _ in doc._.claimx_years or [] if s in starts])
            end = with_period_noun(doc, ent.start, end)
            shown = doc[kept[0].i : max(end, kept[-1].i + 1)].text
            out.append(Cand(ent.start, shown, int(m.group(1)), end, "time-year"))
        elif lex.month_day.search(text):
            out.append(Cand(ent.start, text, published, ent.end, "time-month-day"))  # "On July 23": this year
        elif ent.start > 0 and doc[ent.start - 1].lower_ in words("baseline_preposition") and not _describes(ent, span):
            continue  # "from the previous week", "up 5% from a year ago": the baseline of a change
        elif rel in lex.relative_year:
            year = published + int(lex.relative_year[rel]) if published else None
            out.append(Cand(ent.start, text, year, ent.end, "time-relative-year"))
        elif lex.relative_period.match(text):
            out.append(Cand(ent.start, text, None, ent.end, "time-period"))
        elif BARE_DURATION.match(text) and not _rate_window(doc, ent.start):
            continue  # "tracking 10,000 participants over seven years": how long, not when
        elif WEEKDAY_ALONE.match(text):
            # "fell 2 percentage points on Monday", "reported 144 deaths Sunday", "On Wednesday, 23 passengers
            # tested positive": the day of a news event; not the day a figure was said ("said on Monday that
            # 3 million people need aid"), unless the figure is a change, which happened when it was reported
            # "up from 27 on Monday": a bare figure's day; not a noun's ("losses in three indexes on Monday")
            right_after = ent.start == span.end + 1 and doc[span.end].lower_ == "on" and doc[span.end - 1].like_num
            moved_that_day = t.quantity is not None and t.quantity.moves and not _said_of_a_period(ent, t, lex)
            if t.quantity is not None and (moved_that_day or right_after or _counted_that_day(ent, t, lex)):
                out.append(Cand(ent.start, text, None, ent.end, "time-weekday"))
        elif readable_period(text):
            out.append(Cand(ent.start, text, None, ent.end, "time-resolved-period"))  # "the prior quarter"
    return out


def _describes(date: Span, span: Span) -> bool:
    """Is the figure inside a clause the date phrase holds ("down from the day before, when more than 12,000
    cases were reported")? Then the date is the figure's own, not a baseline."""
    root = date.root
    return root.left_edge.i <= span.start and span.end - 1 <= root.right_edge.i


def _said_of_a_period(date: Span, t: Target, lex: ContextLexicon) -> bool:
    """Is the weekday the day a change over a stated interval was reported, not the day it happened ("Egg prices
    rose 36% from a year ago, the Bureau of Labor Statistics said Wednesday")? The weekday hangs on a verb of
    saying and the sentence measures the change from a dated baseline."""
    verb = next((a for a in date.root.ancestors if a.pos_ in ("VERB", "AUX")), None)
    if verb is None or verb.lemma_.lower() not in lex.verb_cues:
        return False
    doc = date.doc
    return any(
        ent.label_ == "DATE" and ent.start > t.sent.start and doc[ent.start - 1].lower_ in words("baseline_preposition")
        for ent in t.sent.ents
    )


def _counted_that_day(date: Span, t: Target, lex: ContextLexicon) -> bool:
    """Is the figure a count that is the subject or object of the verb the weekday hangs on: what happened or
    was reported that day ("authorities reported 144 deaths Sunday", "On Wednesday, 23 passengers tested
    positive", "12 people were killed on Friday", "On Tuesday, militants stormed a hotel, killing seven
    people")? Not a count in a clause said that day ("officials said
    Tuesday 26 hostages were killed": the day of the saying) nor one in a phrase ("tariffs on exports from 35
    countries")."""
    if t.quantity is None or t.quantity.kind != "count":
        return False
    verb = next((a for a in date.root.ancestors if a.pos_ in ("VERB", "AUX")), None)
    root = t.span.root
    noun = root.head if root.dep_ == "nummod" else root
    if verb is None or noun.dep_ not in (*SUBJECTS, "dobj"):
        return False
    # the verb itself, or a participle continuing its event ("On Tuesday, militants stormed a hotel, killing
    # seven people"); not a clause of saying
    continued = noun.head.dep_ in ("advcl", "conj") and noun.head.head.i == verb.i and noun.head.tag_ == "VBG"
    if noun.head.i != verb.i and not (continued and verb.lemma_.lower() not in lex.verb_cues):
        return False
    doc = date.doc
    k = 2 if date.start >= 2 and doc[date.start - 1].lower_ == "on" else 1
    before = doc[max(date.start - k, 0)]
    if before.i != verb.i and before.pos_ == "VERB" and before.lemma_.lower() in lex.verb_cues:
        return False  # "said Tuesday 26 hostages were killed", whatever the parse hung the day on
    return noun.dep_ == "dobj" or verb.lemma_.lower() not in lex.verb_cues


SAME_POINT = re.compile(r"^(?:the\s+)?same\s+(?:time|period|point|week|month|quarter)$", re.IGNORECASE)


def _with_same_point(ent: Span) -> Span:
    """'$109/bbl for the same time last year', '53 cents below the same time last year': the tagger takes
    'last year' alone (or 'the same time' as a date of its own); the period is the same point of the year
    before the figure's anchor, read by claimx.periods."""
    doc = ent.doc
    for k in (3, 2):
        if ent.start >= k and SAME_POINT.match(doc[ent.start - k : ent.start].text):
            return Span(doc, ent.start - k, ent.end, label="DATE")
    if ent.end < len(doc) and ent.root.lower_ == "day" and doc[ent.end].lower_ in ("before", "after"):
        return Span(doc, ent.start, ent.end + 1, label="DATE")  # "down from the day before": the tagger's "the day"
    return ent


def _without_comparative(ent: Span) -> Span:
    """The tagger may take the comparative before a date into it ('$31 (5%) less this winter than last
    winter'): the date starts after it."""
    start = ent.start
    while start < ent.end - 1 and ent.doc[start].tag_ in ("JJR", "RBR"):
        start += 1
    return ent if start == ent.start else ent.doc[start : ent.end]


PERIOD_UNITS = frozenset({"year", "quarter", "month", "week", "day"})


def _without_period_comparison(ent: Span) -> Span:
    """'8% year over year in the quarter ended March 31': the tagger may start the date inside the
    comparison ('over year in the quarter ...'), which names no period; the date starts after it."""
    doc, k = ent.doc, ent.start
    if k + 1 < ent.end and doc[k].lower_ in ("over", "on") and doc[k + 1].lower_ in PERIOD_UNITS:
        if k > 0 and doc[k - 1].lower_ == doc[k + 1].lower_:
            k += 2
            while k < ent.end - 1 and doc[k].pos_ == "ADP":
                k += 1
            return doc[k : ent.end] if k < ent.end else ent
    return ent


_PROBE = parse_period("2000")
_MONTH_PROBE = parse_period("January 2000")  # "over the month" read from a dated month
_DAY_PROBE = parse_period("2000-01-03")  # "the day before", "the previous day" read from a dated day
DAY_WORD = re.compile(r"\bday\b", re.IGNORECASE)
# a day of the week alone dates a move made that day ("stocks fell 2% on Monday") and a count of what happened
# or was reported that day (`_counted_that_day`), not a level set or announced on it ("Trump levied 25% tariffs
# Wednesday") nor a figure said on it ("officials said Tuesday 26 hostages were killed")
WEEKDAY_ALONE = re.compile(
    r"^(?:on\s+|last\s+|this\s+|late\s+|early\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day(?:\s+(?:morning|afternoon|evening|night))?$",
    re.IGNORECASE,
)
# a count of time units with nothing that places it ("seven years", "18 months"): a duration
BARE_DURATION = re.compile(
    r"^(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|"
    r"a few|several|many)\s+(?:days?|weeks?|months?|quarters?|years?|decades?|centuries)$",
    re.IGNORECASE,
)
BASELINE_WORDS = frozenset({"from", "than", "since", "compared", "versus", "vs", "vs.", "through"})
THIS_YEAR = re.compile(r"\b(?:this|last|next)\s+year$", re.IGNORECASE)
SAME_POINT_OF = re.compile(r"\b(?:same|earlier|previous|prior|before)\b", re.IGNORECASE)
NAMED_PERIOD = re.compile(
    r"^(?:the\s+)?(?:(?:first|second|third|fourth)\s+quarter|january|february|march|april|may|june|july|august|"
    r"september|october|november|december)$",
    re.IGNORECASE,
)
DATE_INTRODUCERS = frozenset({"effective", "starting", "beginning"})
REFERENCE_POINTS = frozenset({"level", "high", "low", "peak", "trough", "record", "baseline"})


def _rate_window(doc, start: int) -> bool:
    """Is the duration at `start` the window of a rate right before it ('3 percent over three months')?"""
    if start < 2 or doc[start - 1].lower_ not in ("over", "in", "during", "across"):
        return False
    spans = doc.spans.get("claimx_quantities", [])
    return any(s.end == start - 1 and s._.claimx_quantity.kind in ("percent", "percentage_point") for s in spans)


def readable_period(text: str) -> bool:
    """Can claimx.periods read this expression (given an anchor and a reference date)?"""
    if _PROBE is not None and parse_period(text, reference=_PROBE.end, anchor=_PROBE) is not None:
        return True
    if _MONTH_PROBE is not None and parse_period(text, anchor=_MONTH_PROBE) is not None:
        return True
    return (
        _DAY_PROBE is not None
        and DAY_WORD.search(text) is not None
        and parse_period(text, anchor=_DAY_PROBE) is not None
    )


def year_numbers(t: Target, lex: ContextLexicon, sofar: list[Cand]) -> list[Cand]:
    """Numbers the quantity reader read as years, unless a DATE entity already holds them."""
    span = t.span
    doc, sent = span.doc, t.sent
    out = []
    for s, e, y in doc._.claimx_years or []:
        if sent.start <= s < sent.end and not any(c.start <= s < c.start + 8 and str(y) in c.text for c in sofar):
            e = with_period_noun(doc, s, e)
            out.append(Cand(s, doc[s:e].text, y, e, "time-year-number"))
    return out


def with_period_noun(doc, start: int, end: int) -> int:
    """The end of a year and the period noun it names (words.jsonl role `period_noun`): "in the 2020
    calendar year", "the 2014-15 winter", "the 2023 season". The noun phrase is the date, so the parse
    that hangs the year on its noun does not hide it from the figure's clause (`applies`)."""
    root = doc[start:end].root
    head = root.head
    if (
        root.dep_ in DATE_MODIFIERS
        and head.i >= end
        and head.i - end <= 2
        and head.lemma_.lower() in words("period_noun")
        and all(t.head.i == head.i and t.dep_ in DATE_MODIFIERS for t in doc[end : head.i])
    ):
        return head.i + 1
    return end


SPAN_LINKS = frozenset({"through", "thru", "to", "and", "-", "–", "—"})
YEAR_END = re.compile(r"^((?:19|20)\d\d)$")


def fiscal_years(t: Target, lex: ContextLexicon, sofar: list[Cand]) -> list[Cand]:
    """'FY2031', "FY'24"; two joined by 'through', 'to', 'and' or a dash are one span of fiscal years ("$533
    million annually for FY2028 through FY2031", "For FY2024 and FY2025, USDA allocated $300 million")."""
    out: list[Cand] = []
    doc = t.span.doc
    for tok in t.sent:
        m = FY_RE.match(tok.text)
        if not m or (out and out[-1].end > tok.i):
            continue
        y = int(m.group(1))
        end = tok.i + 1
        last = FY_RE.match(doc[end + 1].text) or YEAR_END.match(doc[end + 1].text) if end + 1 < t.sent.end else None
        if last is not None and doc[end].lower_ in SPAN_LINKS:  # "FY2020-2023": both ends fiscal
            y, end = int(last.group(1)), end + 2
        out.append(Cand(tok.i, doc[tok.i : end].text, y + 2000 if y < 100 else y, end, "time-fiscal-year"))
    return out


EVENT_PREPOSITIONS = frozenset({"during", "before", "after", "since", "amid", "throughout", "in"})
ERA_QUALIFIERS = frozenset({"current", "previous", "prior", "earlier", "last", "recent", "present", "this", "that"})


def qualified_era(obj: Token) -> bool:
    """'in the current expansion', 'in that earlier recession': an era after 'in' is a time only when a word
    places it ('in the election' may be where, not when)."""
    return obj.lemma_.lower() in words("era_noun") and any(
        c.lower_ in ERA_QUALIFIERS for c in obj.children if c.dep_ in ("amod", "det")
    )


def event_periods(t: Target, lex: ContextLexicon, sofar: list[Cand]) -> list[Cand]:
    """An era named by an event: "during World War II", "before the pandemic", "since the 2008 financial
    crisis" (an EVENT entity or a noun of words.jsonl role `era_noun` after "during", "before", "after",
    "since", "amid" or "throughout"). "before", "after" and "since" stay in the text, they bound the
    period; no year is resolved. The candidate spans the preposition, so `applies` reads it as a phrase."""
    out = []
    for prep in t.sent:
        if prep.lower_ not in EVENT_PREPOSITIONS or prep.dep_ != "prep":
            continue
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if obj is None or not (obj.ent_type_ == "EVENT" or obj.lemma_.lower() in words("era_noun")):
            continue
        if prep.lower_ == "in" and not qualified_era(obj):
            continue
        end = obj.right_edge.i + 1
        if end - prep.i > 6 or any(
            tok.like_num and not YEAR_RE.fullmatch(tok.text) for tok in t.sent.doc[prep.i : end]
        ):
            continue
        first = prep.i if prep.lower_ in ("before", "after", "since") else prep.i + 1
        # "during the 2009 global financial crisis": an era its name dates has that year
        year = next((int(w.text) for w in t.sent.doc[first:end] if YEAR_RE.fullmatch(w.text)), None)
        if not any(c.start <= obj.i < c.end for c in sofar):  # "during 2020" is a date entity already
            out.append(Cand(prep.i, t.sent.doc[first:end].text, year, end, "time-event"))
    return out


PRESENT_UNDATED_KINDS = frozenset({"duration", "length", "rank", "age", "area"})


def present_words(t: Target, lex: ContextLexicon, sofar: list[Cand]) -> list[Cand]:
    """'currently valued at $176.0 billion', 'Today, take-up is $500 billion', 'the current figure of 230,000':
    the present of the writing (words.jsonl role present_word), read by claimx.periods as the month of the
    article's date; weaker than any dated period of the clause."""
    span, q = t.span, t.quantity
    if q is not None and q.kind in PRESENT_UNDATED_KINDS:
        return []  # a duration, distance, rank or age is not a reading of the present ("must now spend ten days")
    out = []
    for tok in t.sent:
        if tok.lower_ not in words("present_word") or span.start <= tok.i < span.end:
            continue
        if tok.head.lemma_.lower() in lex.verb_cues:
            continue  # "the Bureau reported today": when it was said, not when the figure was
        if any(c.start <= tok.i < c.end for c in sofar):
            continue  # inside a date entity already read ("today's 2024 figure")
        if tok.lower_ == "current" and tok.dep_ != "amod":
            continue
        out.append(Cand(tok.i, tok.text, None, tok.i + 1, "time-present"))
    return out


POINTING_WORDS = frozenset({"that", "this", "same"})


def anaphoric_periods(t: Target, lex: ContextLexicon, sofar: list[Cand]) -> list[Cand]:
    """'During that time period, IRS recovered over $1.2 billion', 'in this period': a period that points back
    to one named before (resolved by `anaphora.anaphoric_time`); the tagger leaves most of them untagged."""
    out = []
    for tok in t.sent:
        if tok.lower_ not in ("period", "periods") or any(c.start <= tok.i < c.end for c in sofar):
            continue
        first = tok.i - 1
        if first >= 0 and tok.doc[first].lower_ == "time":
            first -= 1
        if first < 0 or tok.doc[first].lower_ not in POINTING_WORDS:
            continue
        if tok.doc[first].lower_ == "same" and first > 0 and tok.doc[first - 1].lower_ in ("the", "this", "that"):
            first -= 1  # "the same period", "in this same time period"
        out.append(Cand(first, tok.doc[first : tok.i + 1].text, None, tok.i + 1, "time-anaphoric-period"))
    return out


PERIOD_CODE = re.compile(r"^(?:Q[1-4]|H[12])$")


def period_codes(t: Target, lex: ContextLexicon, sofar: list[Cand]) -> list[Cand]:
    """'Q2 revenue was $5 billion', 'H1 profit fell 10%': a quarter or half written as its code, which the
    tagger leaves untagged (`time-period-code`; its year is the anchor's, else the latest before the writing)."""
    out = []
    for tok in t.sent:
        if PERIOD_CODE.match(tok.text) and not any(c.start <= tok.i < c.end for c in sofar):
            out.append(Cand(tok.i, tok.text, None, tok.i + 1, "time-period-code"))
    return out


def to_date_periods(t: Target, lex: ContextLexicon, sofar: list[Cand]) -> list[Cand]:
    """'Year to date, 1,200 people have died', 'up 4% year to date': the year (quarter, month) so far, which
    the tagger leaves untagged unless hyphenated (`time-to-date`; read by `periods.parse_period`)."""
    out, doc = [], t.sent.doc
    for tok in t.sent:
        if tok.lower_ not in ("year", "quarter", "month") or any(c.start <= tok.i < c.end for c in sofar):
            continue
        words = [x.lower_ for x in doc[tok.i + 1 : min(tok.i + 5, t.sent.end)] if x.text not in ("-", "–")]
        if words[:2] == ["to", "date"]:
            end = next(x.i for x in doc[tok.i + 1 : t.sent.end] if x.lower_ == "date") + 1
            out.append(Cand(tok.i, doc[tok.i : end].text, None, end, "time-to-date"))
    return out


ORDINAL_WORDS = frozenset({"first", "second", "third", "fourth", "1st", "2nd", "3rd", "4th"})
ELIDED_NOUNS = frozenset({"quarter", "half", "week", "month"})


def elided_periods(t: Target, lex: ContextLexicon, sofar: list[Cand]) -> list[Cand]:
    """'2.5% in the third quarter and 1.8% in the fourth', 'in the first half of 2024 ... in the second': an
    ordinal whose period noun is elided after the same noun named before it in the sentence is that period
    (`time-elided-period`; its year is the earlier one's)."""
    out, doc = [], t.sent.doc
    named: dict[str, Cand] = {}  # period noun -> the candidate naming "the <ordinal> <noun>"
    for c in sorted(sofar, key=lambda c: c.start):
        words = c.text.lower().split()
        noun = next((w for w in words if w in ELIDED_NOUNS), None)
        if noun is not None and any(w in ORDINAL_WORDS for w in words) and c.start >= t.sent.start:
            named.setdefault(noun, c)
    for noun, first in named.items():
        for tok in doc[first.end : t.sent.end]:
            nxt = doc[tok.i + 1] if tok.i + 1 < t.sent.end else None
            if (
                tok.lower_ in ORDINAL_WORDS
                and doc[tok.i - 1].lower_ == "the"
                and (nxt is None or nxt.is_punct or nxt.pos_ in ("CCONJ", "ADP"))
                and not any(c.start <= tok.i < c.end for c in sofar)
            ):
                rest = first.text.split(noun, 1)[1] if noun in first.text else ""  # " of 2024"
                text = f"the {tok.text} {noun}{rest}"
                out.append(Cand(tok.i - 1, text, first.year, tok.i + 1, "time-elided-period"))
    return out


RANGE_OPENERS = frozenset({"from", "between"})
RANGE_LINKS = frozenset({"to", "through", "thru", "until", "till", "-", "–", "—"})


def joined_ranges(cands: list[Cand], doc) -> list[Cand]:
    """Two dates joined into one period: "From July to the end of October, the yield increased about 1
    percentage point", "between March and June", "January through March" (the tagger takes each end
    alone). The ends must be adjacent candidates linked by one word ('to', 'through', 'until', a dash; 'and'
    after 'between'; a comma after a full date may precede it: "between December 9, 2002, and March 17, 2003"); an
    opening 'from' or 'between' joins the span, so the range is not read as the
    baseline of a change. The ends are dropped; the range takes the later end's year, else the earlier's."""
    ordered = sorted(cands, key=lambda c: (c.start, -c.end))
    out: list[Cand] = []
    i = 0
    while i < len(ordered):
        a = ordered[i]
        b = ordered[i + 1] if i + 1 < len(ordered) else None
        opener = doc[a.start - 1].lower_ if a.start > 0 else ""
        # 'and' joins after "between" (before the date or inside the tagger's entity: "Between fiscal years
        # 2020") or after plural "years" ("in fiscal years 2021 and 2022")
        words_a = a.text.lower().split()
        both = opener == "between" or words_a[:1] == ["between"] or "years" in words_a
        links = RANGE_LINKS | ({"and"} if both else set())
        comma = (
            b is not None and a.end < len(doc) and doc[a.end].text == "," and b.start == a.end + 2
        )  # "December 9, 2002, and March"
        link = doc[a.end + 1] if comma else doc[a.end] if a.end < len(doc) else None
        if b is not None and b.start == a.end + 1 + comma and link is not None and link.lower_ in links:
            start = a.start - 1 if opener in RANGE_OPENERS else a.start
            text = doc[start : b.end].text
            year = b.year if b.year is not None else a.year
            out.append(Cand(start, text, year, b.end, "time-date-range"))
            i += 2
            continue
        out.append(a)
        i += 1
    return out


TIME_CANDIDATES: tuple[Collector, ...] = (
    date_entities,
    year_numbers,
    fiscal_years,
    event_periods,
    present_words,
    anaphoric_periods,
    to_date_periods,
    period_codes,
    elided_periods,
)


def shared_by_conjuncts(verb: Token, path: set[int], date: Span, span: Span) -> bool:
    """A date closing the last of coordinated verbs in one tense dates the figures of the earlier ones that
    have none ("participants conserved 520 billion kilowatt-hours, saved $42 billion, and avoided 400 million
    metric tons in 2020"): the adjunct is read with the whole coordination. Not across a date between the
    figure and it ("sold 5 million cars in 2020 and earned $3 billion in 2021"), nor from a verb of another
    tense or mood ("rose 5% and is expected to rise 3% in 2025")."""
    if verb.dep_ != "conj" or verb.pos_ != "VERB" or date.start < span.end:
        return False
    d = date.root
    adjunct = d.dep_ == "npadvmod" and d.head.i == verb.i or d.dep_ == "pobj" and d.head.head.i == verb.i
    if not adjunct:
        return False  # "and ended the 2025 filing season with 9,850 staff": the verb's object, not when
    first = verb
    while first.dep_ == "conj" and first.i not in path:
        first = first.head
    if (
        first.i not in path
        or first.pos_ != "VERB"
        or first.tag_ != verb.tag_
        or first.tag_ not in ("VBD", "VBZ", "VBP")
    ):
        return False
    between = span.doc[span.end : date.start]
    dated = any(t.ent_type_ == "DATE" and t.pos_ != "ADJ" for t in between)  # not "annual utility bills"
    return not dated and not any(t.pos_ == "AUX" or t.dep_ == "mark" for t in between)


FREQUENCY = re.compile(r"\b(?:(?:each|every|per)\s+(?:year|month|week|day|quarter)|annually|yearly)\b", re.IGNORECASE)


def frequency_reading(t: Target) -> tuple[TimeReading, str] | None:
    """No date applies, but the sentence says how often: 'about 10,000 malaria cases per year', 'US$12
    billion every year', 'infant deaths yearly' (a recurrence, without a period); not a rate written in
    a figure's unit ('7.9 million barrels per day')."""
    sent = t.sent
    units = [(s.start_char, s.end_char) for s in sent.doc.spans.get("claimx_quantities", [])]
    for m in FREQUENCY.finditer(sent.text):
        start = sent.start_char + m.start()
        if not any(a <= start < b for a, b in units):  # "7.9 million barrels per day": a unit, not how often
            return TimeReading(text=m.group(0), year=None), "time-frequency"
    return None
