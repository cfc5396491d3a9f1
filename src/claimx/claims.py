"""The only place a spaCy Span becomes a record: Doc -> list[Claim].

Also owns the two judgements made from a claim's own fields: `claim_type` (Full Fact's quantity-claim
subtypes) and `checkworthiness` (a documented weighted sum of features, see CHECKWORTHINESS_WEIGHTS).
"""

from __future__ import annotations

import calendar
import hashlib
import math
import re
from collections import Counter

from spacy.tokens import Doc, Span

from claimx.anaphora import ANAPHORIC_TIME, MONTH_OR_QUARTER, RELEASE_PERIOD, anaphoric_time, sentence_span
from claimx.nlp.readings import QuantityReading, SourceReading, TimeReading
from claimx.periods import parse_period
from claimx.rulefiles import load_rules, word_list
from claimx.schema import Claim, Quantity, Segment, Source, TimeRef
from claimx.topics import date_of_its_own, topic_periods
from claimx.units import describe as describe_unit
from claimx.units import to_base

SPANS_KEY = "claimx_quantities"

# feature -> weight; checkworthiness = clip(BASE + sum of the weights of the features present, 0, 1)
CHECKWORTHINESS_BASE = 0.3
CHECKWORTHINESS_WEIGHTS: dict[str, float] = {
    "specific_figure": 0.15,  # an exact figure (bound '=') with a unit
    "named_source": 0.2,  # attributed to a named organization, person, publication or dataset
    "unnamed_source": 0.05,  # attributed to "officials", "analysts", ...
    "time_reference": 0.1,  # says when the figure holds
    "comparison": 0.1,  # a change, comparison or ranking
    "money_or_share": 0.05,  # a currency amount or a percentage
    "measured_known": 0.05,  # what is measured is stated
    "prediction": -0.15,  # a forecast or hypothetical: cannot be checked yet
    "hedged": -0.05,  # qualified by an estimate or hedge word
    "no_unit": -0.2,  # a bare number with nothing counted
}


def claim_type(q: Quantity, modality: str, sentence: str) -> str:
    """prediction > ranking > change > comparison > current_value."""
    if modality == "forecast":
        return "prediction"
    if q.kind == "rank":
        return "ranking"
    if q.change is not None:
        return "change"
    if (
        q.bound in (">", "<", ">=", "<=")
        or q.kind == "ratio"
        and q.unit == "times"
        or re.search(r"\b(than|compared (with|to)|versus|vs\.?)\b", sentence, re.IGNORECASE)
    ):
        return "comparison"
    return "current_value"


def checkworthiness(
    q: Quantity,
    source: Source | None,
    time: TimeRef | None,
    measured: str | None,
    ctype: str,
    modality: str,
    hedges: list[str],
) -> tuple[float, list[str]]:
    """Score 0-1 and the features that produced it."""
    feats: list[str] = []
    if q.bound == "=" and q.unit is not None and q.kind != "rank":
        feats.append("specific_figure")
    if source is not None:
        feats.append("unnamed_source" if source.kind == "unnamed" else "named_source")
    if time is not None:
        feats.append("time_reference")
    if ctype in ("change", "comparison", "ranking"):
        feats.append("comparison")
    if q.kind in ("currency", "percent", "percentage_point"):
        feats.append("money_or_share")
    if measured:
        feats.append("measured_known")
    if modality in ("forecast", "hypothetical"):
        feats.append("prediction")
    if hedges:
        feats.append("hedged")
    if q.unit is None and q.kind != "ratio":
        feats.append("no_unit")
    score = CHECKWORTHINESS_BASE + sum(CHECKWORTHINESS_WEIGHTS[f] for f in feats)
    return round(min(1.0, max(0.0, score)), 3), feats


def make_claim_id(article_id: str, sentence: str, quantity_text: str, occurrence: int) -> str:
    """Stable id: the same article, sentence and quantity give the same id, wherever the paragraph moves."""
    norm = re.sub(r"\s+", " ", sentence).strip()
    key = "\x1f".join((article_id, norm, quantity_text, str(occurrence)))
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def _finite(x: float | None) -> float | None:
    return x if x is None or math.isfinite(x) else None


def base_conversion(q: QuantityReading):
    """(unit_base, convert, dimension): the registry's conversion when it knows the unit ('185 billion tons'
    -> kilogram, '37-year' -> second, '104 degrees Fahrenheit' -> kelvin); otherwise the unit itself (ISO
    codes, counted nouns, a bare 'degrees'). Ranks have no base."""
    if q.unit is None or q.kind == "rank":
        return None, lambda v: None, None
    if q.major_currency is not None:  # '9 cents' -> 0.09 USD; '2 cents per gallon' -> 0.02 USD per gallon
        rate = q.unit.split(" per ", 1)[1:]
        return " per ".join([q.major_currency, *rate]), lambda v: None if v is None else v / 100, "currency"
    if q.unit_expr is None:
        return q.unit, lambda v: v, "currency" if q.kind == "currency" else None
    info = describe_unit(q.unit_expr)
    return info.base, lambda v: _finite(to_base(v, q.unit_expr)), info.dimension


PEOPLE = "people"


def counts_people(span: Span, q: QuantityReading) -> bool:
    """Does the count's noun name people: a person noun of words.jsonl (role `person_noun`: women,
    refugees, soldiers, travellers) or a nationality or group (a NORP entity: 'Americans')? Its base unit is
    then `people`, the unit gold files give such counts; `unit` keeps the noun as written."""
    if q.kind != "count" or q.unit is None or q.unit == PEOPLE:
        return False
    if q.unit in word_list("person_noun"):
        return True
    last = span[-1]
    return last.ent_type_ == "NORP" and last.lower_ == q.unit


RATE_WINDOW = re.compile(r"\b(twelve|12|six|6|three|3|nine|9|24|two)[- ]month\b", re.IGNORECASE)
WINDOW_MONTHS = {"twelve": 12, "six": 6, "three": 3, "nine": 9, "two": 2}
MONTH_LABEL = re.compile(r"^(\d{4})-(\d{2})$")


def rate_window(time: TimeRef | None, measured: str | None) -> TimeRef | None:
    """A rate over a window dated by its last month covers the window: "Twelve-month inflation ... was 2.6
    percent in December" refers to the 12 months to December 2023, "the six-month rate ... in December" to
    the six months to December (rule: the measured concept names the window, the time one month)."""
    m = RATE_WINDOW.search(measured or "")
    month = MONTH_LABEL.match(time.period or "") if time is not None else None
    if m is None or month is None:
        return time
    n = WINDOW_MONTHS.get(m.group(1).lower()) or int(m.group(1))
    name = calendar.month_name[int(month.group(2))]
    period = parse_period(f"the {n} months to {name} {month.group(1)}")
    if period is None:
        return time
    return TimeRef(text=f"the {n} months to {name} {month.group(1)}", year=period.year, period=period.label)


def span_to_claim(span: Span, *, offset: int, article_id: str, occurrence: int, text: str | None = None) -> Claim:
    """One quantity span of a Doc made from `text[offset:...]` -> a Claim with article offsets.

    `text` is `span.doc.text` when the caller has it (Doc.text rebuilds the string from every token).
    """
    doc = span.doc
    doc_text = text if text is not None else doc.text
    sent = span.sent
    q: QuantityReading = span._.claimx_quantity
    end_char = q.end_char or span.end_char
    qtext = doc_text[span.start_char : end_char]
    value, low, high = _finite(q.value), _finite(q.low), _finite(q.high)
    unit_base, convert, dimension = base_conversion(q)
    if counts_people(span, q):
        unit_base = PEOPLE  # '125 million pregnant women', '150,000 Americans': counts of people
    quantity = Quantity(
        text=qtext,
        start=offset + span.start_char,
        end=offset + end_char,
        value=value,
        low=low,
        high=high,
        bound=q.bound,
        unit=q.unit,
        unit_text=q.unit_text,
        kind=q.kind,
        dimension=dimension,
        change=q.change,
        value_base=convert(value),
        low_base=convert(low),
        high_base=convert(high),
        unit_base=unit_base,
    )
    src: SourceReading | None = span._.claimx_source
    source = Source(text=src.text, kind=src.kind, cue=src.cue) if src else None
    tm: TimeReading | None = span._.claimx_time
    time = TimeRef(text=tm.text, year=tm.year, period=tm.period) if tm else None
    hedges = list(span._.claimx_hedges or [])
    modality = span._.claimx_modality or "asserted"
    measured = span._.claimx_measured
    time = rate_window(time, measured)
    sent_text = doc_text[sent.start_char : sent.end_char]
    ctype = claim_type(quantity, modality, sent_text)
    score, feats = checkworthiness(quantity, source, time, measured, ctype, modality, hedges)
    sent_start = offset + sent.start_char
    return Claim(
        claim_id=make_claim_id(article_id, sent_text, qtext, occurrence),
        article_id=article_id,
        sentence=sent_text,
        sentence_start=sent_start,
        sentence_end=sent_start + len(sent_text),
        quantity=quantity,
        measured=measured,
        source=source,
        time=time,
        hedges=hedges,
        modality=modality,
        claim_type=ctype,
        checkworthiness=score,
        checkworthiness_features=feats,
        rule_ids=list(span._.claimx_rule_ids or []),
    )


def past_clause(span: Span) -> bool:
    """Is the figure's clause in the past tense: its governing verb a past form ("averaged", "included")
    or with a past auxiliary ("was raised", "had fallen")?"""
    tok = span.root
    while tok.pos_ not in ("VERB", "AUX") and tok.head.i != tok.i:
        tok = tok.head
    if tok.tag_ == "VBD":
        return True
    return tok.pos_ in ("VERB", "AUX") and any(a.tag_ == "VBD" for a in tok.children if a.dep_ in ("aux", "auxpass"))


NOT_CLAIM_PREFIX = "not-claim-"


def doc_to_claims(
    doc: Doc,
    *,
    offset: int,
    article_id: str,
    seen: Counter | None = None,
    non_claims: bool = False,
    past: set[str] | None = None,
) -> list[Claim]:
    """Every quantity of `doc` as a Claim. `seen` counts (sentence, quantity) pairs across an article; the
    ids of claims whose clause is in the past tense are added to `past` (for `carry_time`).

    A quantity a NOT_CLAIM pattern marked (a time window 'over the past 12 months', 'the two countries',
    'One study found') is a quantity but not a claim: left out unless `non_claims` (the quantity
    benchmarks score every quantity read)."""
    seen = seen if seen is not None else Counter()
    claims = []
    text = doc.text
    for span in doc.spans.get(SPANS_KEY, []):
        if span.start == span.end:
            continue
        if not non_claims and any(r.startswith(NOT_CLAIM_PREFIX) for r in span._.claimx_rule_ids or []):
            continue
        sent = span.sent
        key = (re.sub(r"\s+", " ", text[sent.start_char : sent.end_char]).strip(), span.text)
        claims.append(span_to_claim(span, offset=offset, article_id=article_id, occurrence=seen[key], text=text))
        seen[key] += 1
        if past is not None and past_clause(span):
            past.add(claims[-1].claim_id)
    return claims


def count_sentences(doc: Doc) -> int:
    """Sentences of a processed Doc."""
    return sum(1 for _ in doc.sents) if doc.has_annotation("SENT_START") else 1


OWN_DATE = re.compile(
    r"(?<![\d$€£.,/#§-])(?:19|20)\d\d(?![\d%]|[.,]\d)|\b(?:January|February|March|April|June|July|August|"
    r"September|October|November|December|quarter|yesterday|today)\b"
)
NOT_CARRIED_KINDS = ("duration", "rank")


def carry_time(
    claims: list[Claim], text: str, segments: list[Segment], past: set[str] | frozenset[str] = frozenset()
) -> list[Claim]:
    """A figure whose sentence states no time takes the time of the sentence just before it in the same
    paragraph, when that sentence's figures have one and continue its data ("Prices fell 3% in October.
    Diesel fell 2%." dates both to October; so do two percentages, "The jobless rate was 3.5 percent in
    March. The rate for teenagers was 9.8 percent."); the claim gets rule id `time-carried`. Durations and
    ranks never take one, and a sentence that names its own year, month or quarter keeps what the linker
    found. A figure stated in the past tense ("Wholesale prices averaged $2.16", "Other sources included
    Spain ($4.4 billion)") takes a resolved period of the same or the previous sentence whatever it measures
    (`time-carried-past`): a past event or state is dated by the narrative before it; a present-tense
    statement ("The majority of cases occur in children") is not. A paragraph that opens on a reporting
    period (`topic_periods`) dates its undated figures, and makes its asserted figures forecasts when the
    opening announces an outlook."""
    bounds = sorted((s.char_start, s.char_end) for s in segments)

    def paragraph(c: Claim) -> int:
        return next((i for i, (s, e) in enumerate(bounds) if s <= c.sentence_start < e), -1)

    out: list[Claim] = []
    last: tuple[int, int, TimeRef, Claim] | None = None  # (paragraph, sentence end, its time, its claim)
    origin: Claim | None = None  # the claim a carried time came from, while its sentence lasts
    stated: set[int] = set()  # sentences where the linker found a time for some figure
    topics = topic_periods(claims, text, bounds)
    for c in claims:
        para = paragraph(c)
        span = sentence_span(out, c)  # "from $22.5 billion in 2006 to $50.4 billion in 2024, ... the same period"
        if c.time is not None and (
            span is not None
            or c.time.period is None
            and ANAPHORIC_TIME.match(c.time.text)
            or _narrative_step(c, last, para)
        ):
            before = last[2] if last is not None and last[0] == para and last[2].period else None
            if before is None and last is not None and RELEASE_PERIOD.match(c.time.text):
                # "Over the month, health care added 34,000 jobs" opening a paragraph: the month of the
                # release is the last month the text dated a figure to, whatever its paragraph
                before = last[2] if MONTH_OR_QUARTER.fullmatch(last[2].period or "") else None
            before = span or before
            pointed = anaphoric_time(
                c, text, bounds[para][0] if para >= 0 else 0, before, bounds[para - 1][0] if para > 0 else 0
            )
            c = _with_time(c, pointed, "time-anaphora") if pointed is not None else c
        if c.time is not None:
            stated.add(c.sentence_start)
        elif (
            c.sentence_start not in stated
            and last is not None
            and _adjacent(last, para, c, text)
            and (same_data(last[3], c) or same_rates(last[3], c) or _continues_origin(origin, last[3], c))
            and not OWN_DATE.search(c.sentence)
        ):
            origin = origin or last[3]
            c = _with_time(c, last[2])
        elif (
            last is not None
            and _adjacent(last, para, c, text)
            and c.claim_id in past
            and last[2].period is not None
            and c.quantity.kind not in (*NOT_CARRIED_KINDS, "age")
            and not OWN_DATE.search(c.sentence)
        ):
            c = _with_time(c, last[2], "time-carried-past")
        elif (
            para in topics
            and c.sentence_start not in stated
            and c.quantity.kind not in NOT_CARRIED_KINDS
            and not date_of_its_own(c.sentence, OWN_DATE)
        ):
            c = _with_time(c, topics[para][0], "time-topic")
        if para in topics and topics[para][1] and c.modality == "asserted" and not c.hedges:
            c = _with_modality(c, "forecast", "modality-topic")
        if c.time is not None:
            if "time-carried" not in c.rule_ids:
                origin = None
            last = (para, c.sentence_end, c.time, c)
        out.append(c)
    return out


NARRATIVE_STEP = re.compile(
    r"^(?:(?:a|one|two|three|four|five|\d+)\s+years?\s+(?:later|after|earlier|before)"
    r"|the\s+(?:following|next|previous|prior|preceding)\s+year|the\s+year\s+(?:after|before))$",
    re.IGNORECASE,
)


def _narrative_step(c: Claim, last: tuple[int, int, TimeRef, Claim] | None, para: int) -> bool:
    """'The number unemployed in 1959 was only 21. A year later it was 22.': a step of years from a dated
    figure of the paragraph, in a sentence that names no date of its own, counts from that figure's year,
    not from the writing (which put 'a year later' in the future)."""
    if c.time is None or not NARRATIVE_STEP.match(c.time.text) or last is None or last[0] != para:
        return False
    return not OWN_DATE.search(c.sentence.replace(c.time.text, " ")) and last[2].period is not None


def _continues_origin(origin: Claim | None, last: Claim, c: Claim) -> bool:
    """'Prices fell 15 cents this week. In the Midwest and Rocky Mountains prices fell 15 cents to average
    $3.47 and $3.50 per gallon, respectively.': a figure of the sentence a carried time just reached takes it
    too when it continues the data of the figure the time came from."""
    return origin is not None and last.sentence_start == c.sentence_start and same_data(origin, c)


TITLE_FY = re.compile(r"\b(?:FY\s?|Fiscal Year\s+)((?:19|20)\d\d)\b", re.IGNORECASE)
TITLE_SPAN = re.compile(r"(?<!\d)((?:1[6-9]|20)\d\d)\s*[-–—]\s*((?:1[6-9]|20)\d\d)(?!\d)")


def title_span_time(claims: list[Claim], text: str, segments: list[Segment]) -> list[Claim]:
    """A title that names a span of years states what the article covers ("The Length of Major Steps in
    the Supreme Court Appointment Process (1975-2022)"): a figure no rule dated refers to that span (rule
    `time-title-span`). A title that names one fiscal year ("Judiciary Budget Request for FY2027") is the
    year of the amounts and shares no rule dated (`time-title-fiscal`; counts of judges or courts are not
    the year's). A single calendar year in a title ("Sudan's death toll in 2025") is as often a topic as
    a coverage, and dates nothing."""
    title = next((s for s in segments if s.kind == "title"), None)
    spans = list(TITLE_SPAN.finditer(text, title.char_start, title.char_end)) if title is not None else []
    if len(spans) == 1 and int(spans[0].group(1)) < int(spans[0].group(2)):
        period = parse_period(spans[0].group(0))
        if period is not None:
            time = TimeRef(text=spans[0].group(0), year=int(spans[0].group(2)), period=period.label)
            return [_with_time(c, time, "time-title-span") if c.time is None else c for c in claims]
    fiscal = list(TITLE_FY.finditer(text, title.char_start, title.char_end)) if title is not None else []
    if len({m.group(1) for m in fiscal}) == 1:
        year = int(fiscal[0].group(1))
        time = TimeRef(text=fiscal[0].group(0), year=year, period=f"FY{year}")
        return [
            _with_time(c, _fiscal_difference(c, time), "time-title-fiscal")
            if c.time is None and c.quantity.kind in ("currency", "percent")
            else c
            for c in claims
        ]
    return claims


BASELINE_FY = re.compile(
    r"\b(?:than|compared\s+(?:to|with)|over|from)\s+(?:the\s+|its\s+)?(?:FY\s?|fiscal\s+year\s+)((?:19|20)\d\d)\b",
    re.IGNORECASE,
)


def _fiscal_difference(c: Claim, title: TimeRef) -> TimeRef:
    """A change in a budget for the title's fiscal year, measured against an earlier one its sentence names
    ("The request is $527.8 million less (-37%) than the FY2026 enacted appropriation", "a 5.9 percent
    increase over the FY 2026 enacted level" in "FY2027 Budget Request") spans from that year to the title's:
    FY2026 to FY2027. A level keeps the title's year."""
    if c.quantity.change is None:
        return title
    m = BASELINE_FY.search(c.sentence)
    if m is None or int(m.group(1)) >= (title.year or 0):
        return title
    return TimeRef(text=f"FY{m.group(1)} to {title.text}", year=title.year, period=f"FY{m.group(1)}/FY{title.year}")


def carry_count_unit(claims: list[Claim], segments: list[Segment]) -> list[Claim]:
    """A bare figure of a hundred or more that no rule gave a unit counts what the last count before it
    in the paragraph counts (rule `unit-carried`): "Payroll employment rose by 236,000 jobs ... compared
    with the average monthly gain of 334,000", "February job gains moved back up to 275,000 jobs, making the
    three-month average 265,000". Runs after the context linker, whose clause rules come first."""
    bounds = sorted((s.char_start, s.char_end) for s in segments)

    def paragraph(c: Claim) -> int:
        return next((i for i, (s, e) in enumerate(bounds) if s <= c.sentence_start < e), -1)

    out: list[Claim] = []
    last: Claim | None = None
    for c in claims:
        q = c.quantity
        size = max(abs(x) for x in (q.value, q.low, q.high) if x is not None) if q.value or q.low else 0
        if q.unit is None and q.kind in ("count", "other") and size >= 100 and last and paragraph(last) == paragraph(c):
            unit = last.quantity  # of a rate, its counted noun: "743.6 people per square mile ... 1,145" people
            noun, base = unit.unit.split(" per ")[0], (unit.unit_base or unit.unit).split(" per ")[0]
            q2 = q.model_copy(update={"unit": noun, "unit_base": base, "kind": "count"})
            q2 = q2.model_copy(update={"value_base": q.value, "low_base": q.low, "high_base": q.high})
            ctype = claim_type(q2, c.modality, c.sentence)
            score, feats = checkworthiness(q2, c.source, c.time, c.measured, ctype, c.modality, c.hedges)
            c = c.model_copy(
                update={
                    "quantity": q2,
                    "claim_type": ctype,
                    "checkworthiness": score,
                    "checkworthiness_features": feats,
                    "rule_ids": [*c.rule_ids, "unit-carried"],
                }
            )
        if c.quantity.kind == "count" and c.quantity.unit is not None:
            last = c
        out.append(c)
    return out


def same_data(before: Claim, c: Claim) -> bool:
    """Do two figures continue one data series: the same kind of measure (money, percent, volume, ...;
    never a count, a duration or a rank), one of them a change ("prices fell 10 cents to $2.64")?"""
    a, b = before.quantity, c.quantity
    if a.change and b.change and a.unit and b.unit in (a.unit, None) and not {a.kind, b.kind} & {*NOT_CARRIED_KINDS}:
        return True  # a series of changes in one count: "added 51,000 jobs in March. Hospitals (+11,000) ..."
    if {a.kind, b.kind} & {*NOT_CARRIED_KINDS, "count", "other"}:
        return False
    series = a.change is not None or b.change is not None or "change" in (before.claim_type, c.claim_type)
    return series and (a.unit == b.unit or a.kind == b.kind)


def same_rates(before: Claim, c: Claim) -> bool:
    """Two percentages of one paragraph, the first sentence dated once: "The jobless rate was 3.5 percent in
    March. The rates for adult men (3.4 percent) and women (3.1 percent) showed little change." A target
    ("our 2 percent target") is a standing figure, never dated this way."""
    a, b = before.quantity, c.quantity
    return a.kind == b.kind == "percent" and not (c.measured and "target" in c.measured.lower())


def _adjacent(last: tuple[int, int, TimeRef, Claim], para: int, c: Claim, text: str) -> bool:
    """Is the claim's sentence the one right after (or the same as) the sentence that gave `last`?"""
    if last[0] != para:
        return False
    return last[1] >= c.sentence_start or not text[last[1] : c.sentence_start].strip()


def revised(c: Claim, rules: list[str], **fields) -> Claim:
    """The claim with some fields replaced (time, measured, modality, ...), its claim type and checkworthiness
    recomputed from them, and `rules` added to its rule ids."""
    f = {k: fields.get(k, getattr(c, k)) for k in ("quantity", "source", "time", "measured", "modality", "hedges")}
    ctype = claim_type(f["quantity"], f["modality"], c.sentence) if "modality" in fields else c.claim_type
    score, feats = checkworthiness(
        f["quantity"], f["source"], f["time"], f["measured"], ctype, f["modality"], f["hedges"]
    )
    update = {**fields, "claim_type": ctype, "checkworthiness": score, "checkworthiness_features": feats}
    return c.model_copy(update={**update, "rule_ids": [*c.rule_ids, *rules]})


def _with_time(c: Claim, time: TimeRef, rule: str = "time-carried") -> Claim:
    return revised(c, [rule], time=time)


# a reporting period: a fiscal year or a split (marketing, crop) year; a calendar year in an opening sentence
# is as often narrative ("In 2023, EIA began a survey") as the paragraph's topic
def _with_modality(c: Claim, modality: str, rule: str) -> Claim:
    return revised(c, [rule], modality=modality)


NAME = re.compile(r"(?:[A-Z][\w'’.&-]*\s+(?:(?:of|for|and|on|the|de)\s+)*)*[A-Z][\w'’.&-]*")


def resolve_definite_sources(claims: list[Claim], text: str) -> list[Claim]:
    """A source that is a common noun standing for a body named earlier in the article ('the group says',
    'according to the group', 'the agency said'; words.jsonl role definite_name) is that body: the nearest
    name before the figure's sentence whose words include a noun of the same class ('Cameroon's
    Interprofessional Association of Poultry Farmers' for 'the group'); rule id `src-definite-resolved`.
    The parser's windows see one sentence back (`nlp.sources.resolve_pronoun`); this looks through the
    whole article, as a reader does."""
    classes = [frozenset(e.words or ()) for e in load_rules("words") if e.role == "definite_name"]
    out: list[Claim] = []
    for c in claims:
        src = c.source
        words_ = src.text.split() if src is not None else []
        if src is None or not words_ or any(w[:1].isupper() for w in words_ if w != "The"):
            out.append(c)
            continue
        head = words_[-1].lower()
        wanted = frozenset().union(*(k for k in classes if head in k))
        name = _nearest_name(text[: c.sentence_start], wanted) if wanted else None
        if name is None:
            out.append(c)
            continue
        source = src.model_copy(update={"text": name, "kind": "organization"})
        out.append(c.model_copy(update={"source": source, "rule_ids": [*c.rule_ids, "src-definite-resolved"]}))
    return out


def _nearest_name(before: str, wanted: frozenset[str]) -> str | None:
    for m in reversed(list(NAME.finditer(before[-4000:]))):
        name = re.sub(r"^(?:The|A|An)\s+", "", m.group(0))
        name_words = [w.lower().strip(".,'’") for w in name.split()]
        if len(name_words) >= 2 and wanted & set(name_words):
            return name
    return None
