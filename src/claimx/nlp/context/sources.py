"""Who says so: source strategies, tried in the order of `SOURCE_STRATEGIES`; the first that finds one wins.

Each strategy takes the quantity span, its head token and the lexicon, and returns
(SourceReading, rule id) or None. A pronoun subject ("it said") resolves to the nearest earlier named
organization or person in the same Doc; the article's own author is never a source.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from spacy.tokens import Span, Token

from claimx.nlp.context.hedges import FISCAL_OR_YEAR
from claimx.nlp.context.lexicon import ContextLexicon, words
from claimx.nlp.context.phrases import statistic_of
from claimx.nlp.context.ranklists import ranking_list
from claimx.nlp.context.sourcewords import (
    abbreviates,
    anonymous_data,
    beyond_semicolon,
    citation,
    cue_object,
    in_figure,
    institution,
    named_after,
    named_data,
    own_conjunct,
    per_source,
    restates_unit,
    through_relative,
    trailing_report,
)
from claimx.nlp.context.target import Target
from claimx.nlp.deps import OBJECTS, PHRASE_BREAKS, SOURCE_ENTITIES, VERBS
from claimx.nlp.extensions import article_context
from claimx.nlp.readings import SourceReading
from claimx.periods import parse_period

SourceHit = tuple[SourceReading, str]
Strategy = Callable[[Target, ContextLexicon], SourceHit | None]


def source_text(tok: Token, lex: ContextLexicon) -> str | None:
    """The source's name as written: the entity around `tok`, or its noun phrase cut at a comma or clause."""
    doc = tok.doc
    if (tok.lower_ in lex.not_source and not (tok.is_upper and len(tok) > 1 and tok.pos_ == "PROPN")) or (
        tok.pos_ == "PRON"
    ):
        return None  # "who", "it" are no sources; "the WHO" is
    if tok.ent_type_ in SOURCE_ENTITIES:
        ent = next((e for e in doc.ents if e.start <= tok.i < e.end), None)
        if ent is not None:
            kept = [t for t in ent if t.lower_ not in ("the",)]
            return doc[kept[0].i : kept[-1].i + 1].text if kept else None
    sub = list(tok.subtree)
    end = sub[-1].i + 1
    for t in sub:  # cut at the first comma, relative clause or apposition after the head
        if t.i > tok.i and (t.text in (",", "(", ";", "—", "–") or t.dep_ in PHRASE_BREAKS):
            end = t.i
            break
    start = sub[0].i
    while start < tok.i and (doc[start].lower_ in words("determiner") or doc[start].is_punct):
        start += 1
    return doc[start:end].text.strip(" ,") or None


def source_kind(tok: Token, text: str, lex: ContextLexicon) -> str:
    """person, dataset, government, publication, organization or unnamed."""
    low = text.lower()
    found = set(re.findall(r"[a-z]+", low)) | {tok.lemma_.lower()}
    lemma = tok.lemma_.lower()

    def has(kind: str) -> bool:
        return any((w in found) if " " not in w else (w in low) for w in lex.kind_words.get(kind, ()))

    if tok.ent_type_ == "PERSON":
        return "person"
    if lemma in lex.kind_words.get("dataset", ()) and tok.pos_ == "NOUN":
        return "dataset"
    if has("government") or tok.ent_type_ in ("GPE", "NORP"):
        return "government"
    if lemma in lex.kind_words.get("dataset", ()):
        return "dataset"
    if lemma in lex.kind_words.get("publication", ()) or has("publication") and tok.ent_type_ != "ORG":
        return "publication"
    if tok.ent_type_ == "ORG" or tok.pos_ == "PROPN":
        return "organization"
    return "unnamed"


def resolve_pronoun(tok: Token, sent: Span) -> Token | None:
    """'It said', 'the company expects': the nearest earlier ORG (or PERSON) entity of the Doc."""
    low = tok.lower_
    if (
        low not in words("source_pronoun")
        and not (
            low in words("source_definite")
            and any(c.lower_ == "the" for c in tok.lefts)
            # "the World Bank", "the Central Bank": a name, not a description standing for one named before
            and not any(c.dep_ in ("compound", "amod") and c.text[:1].isupper() for c in tok.lefts)
        )
    ):
        return None
    want = ("PERSON",) if low in words("person_pronoun") else ("ORG", "PERSON") if low == "they" else ("ORG",)
    cands = [e for e in tok.doc.ents if e.end <= sent.start and e.label_ in want]
    return cands[-1].root if cands else None


DAY_OR_MONTH = re.compile(
    r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|January|February|March|April|May|June|July|August|September"
    r"|October|November|December|today|yesterday|tomorrow",
    re.IGNORECASE,
)  # a date the parser left as a subject ("a Gallup poll released Tuesday shows") is never who says so


def make_source(
    tok: Token, cue: str, rule_id: str, sent: Span, lex: ContextLexicon, text: str | None = None
) -> SourceHit | None:
    """The source named by `tok` (a pronoun resolved), unless it is the article's own author; `text`, when
    given, is its name as written."""
    resolved = resolve_pronoun(tok, sent)
    if resolved is not None:
        tok = resolved
    tok = _issuer(tok, lex) or named_after(tok) or tok
    text = text or source_text(tok, lex)
    named_subject = tok.dep_ in ("nsubj", "nsubjpass") and tok.ent_type_ == "ORG"  # "Moody's said": the name
    if text and not named_subject:
        text = re.sub(r"\s*(?:['’]s|(?<=s)['’])$", "", text)  # "the Program’s estimate": the Program
    if not text or _counts(tok) or FISCAL_OR_YEAR.match(text) or DAY_OR_MONTH.fullmatch(text):
        return None  # "91 percent of them reported feeling happy": respondents; "FY2025 estimates", "Tuesday": dates
    if tok.pos_ != "PROPN" and any(t.lower_ in ("our", "my") and t.dep_ == "poss" for t in tok.subtree):
        named = [c for c in tok.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
        if not named:
            return None  # "our model finds", "my estimate": the writer's own work (a named one, "our Summary
            # of Economic Projections", "our SHOPP data", is a publication or programme one can cite)
        text = tok.doc[named[0].left_edge.i : tok.i + 1].text
    author = (article_context(tok.doc, "claimx_context").author or "").lower()
    if author and (text.lower() in author or author in text.lower()):
        return None  # the article's own author or publisher is not a source
    return SourceReading(text=text, kind=source_kind(tok, text, lex), cue=cue), rule_id


def _issuer(tok: Token, lex: ContextLexicon) -> Token | None:
    """'a report issued by the Real Estate Economic Institute', 'a survey conducted by Gallup', 'data from
    NOAA': a document whose participle or 'from' names who made it stands for that body, the one who says so
    (whatever cue found the document: 'according to', a reporting verb)."""
    if tok.lemma_.lower() not in lex.data_nouns:
        return None
    hedged = any(c.lower_ in words("estimate_source_word") | words("forecast_source_word") for c in tok.lefts)
    for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ == "from" and not hedged):
        # ("estimated data from the USGS" stays whole: its words make the figure an estimate)
        # "according to the latest weekly data from the National Oceanic and Atmospheric Administration"
        pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if pobj is not None and (pobj.ent_type_ in ("ORG", "GPE") or pobj.pos_ == "PROPN") and source_text(pobj, lex):
            return pobj
    for acl in (c for c in tok.children if c.dep_ == "acl" and c.tag_ == "VBN"):
        by = next((c for c in acl.children if c.dep_ == "agent"), None)
        pobj = next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None
        if pobj is not None and pobj.pos_ in ("PROPN", "NOUN") and source_text(pobj, lex):
            return pobj
    return None


def _counts(tok: Token) -> bool:
    """Is the would-be source itself a figure ('91 percent of them reported feeling happy': respondents)?
    Not "one report", "one monitoring organisation": one is an article there; nor counted bodies that report
    figures in their verb's object ("15 federal agencies reported a total estimate of $186 billion")."""
    spans = tok.doc.spans.get("claimx_quantities", [])
    own = next((s for s in spans if s.start <= tok.i < s.end), None)
    if own is None or own._.claimx_quantity.value in (1, None):
        return False
    # "15 federal agencies reported a total estimate of $186 billion": counted bodies reporting figures of
    # their own are the source of those figures
    if own._.claimx_quantity.kind != "count" or own._.claimx_quantity.unit in ("people", "person"):
        return True  # "About 40% of respondents reported incomes of $50,000": respondents
    objects = [c for c in tok.head.children if c.dep_ == "dobj" and tok.dep_ in ("nsubj", "nsubjpass")]
    return not any(s.start >= o.left_edge.i and s.end <= o.right_edge.i + 1 for o in objects for s in spans)


def according_to(t: Target, lex: ContextLexicon) -> SourceHit | None:
    """'according to X', 'as reported by X', 'per X' anywhere in the sentence."""
    span = t.span
    sent = t.sent
    lowers = [t.lower_ for t in sent]
    for cue, rid in lex.prep_cues:
        n = len(cue)
        for k in range(len(lowers) - n + 1):
            if tuple(lowers[k : k + n]) != cue:
                continue
            pobj = cue_object(sent, k, n)
            if pobj is None or span.start <= pobj.i < span.end or (cue == ("per",) and not per_source(pobj, lex)):
                continue
            if cue == ("per",) and in_figure(sent, k):
                continue  # "12.3 yards per rush avg.": a rate's "per", not "per the CBO"
            if cue == ("based", "on") and (not named_data(pobj, lex) or anonymous_data(sent[k].head)):
                continue  # "based on the Grain Stocks report" names a source; "based on all current data" a basis,
                #           as is what "Estimates based on the Consumer Price Index" are made from
            hit = make_source(pobj, " ".join(t.text for t in sent[k : k + n]).lower(), rid, sent, lex)
            if hit:
                return hit
    return None


def agent(t: Target, lex: ContextLexicon) -> SourceHit | None:
    """'estimated by X': an agent of an attribution verb, the one governing the quantity first."""
    head = t.head
    sent = t.sent
    ancestors = t.ancestors
    agents = [t for t in sent if t.dep_ == "agent" and t.head.lemma_.lower() in lex.agent_cues]
    agents.sort(key=lambda t: (t.head not in ancestors, abs(t.i - head.i)))
    for by in agents:
        pobj = next((c for c in by.children if c.dep_ == "pobj"), None)
        if pobj is not None and by.head.lemma_.lower() in words("actor_verb"):
            if not institution(pobj) or not (by.head in ancestors or pobj in ancestors):
                continue  # "$511.2 million above the amount requested by the Administration": not its figure
        if pobj is not None and _names_a_measure(by):
            continue  # "inflation, as measured by the PCE price index": the measure, not who says so
        if pobj is not None:
            cue = f"{by.head.text} {by.text}".lower()
            hit = make_source(pobj, cue, lex.agent_cues[by.head.lemma_.lower()], sent, lex)
            if hit:
                return hit
    return None


def _names_a_measure(by: Token) -> bool:
    """Does the phrase after 'by' name an index or other measure (words.jsonl role `measure_instrument`)?
    Read up to its end, as the parser may attach the head noun elsewhere ('the personal consumption
    expenditures (PCE) price index')."""
    for tok in by.doc[by.i + 1 : min(by.i + 10, by.sent.end)]:
        if tok.is_punct and tok.text not in ("(", ")", "-", "'"):
            return False
        if tok.pos_ in ("VERB", "AUX", "ADP") and tok.i > by.i + 1:
            return False
        if tok.lemma_.lower() in words("measure_instrument") and tok.pos_ in ("NOUN", "PROPN"):
            return True
    return False


def verb_tagged_as_noun(t: Target, lex: ContextLexicon) -> SourceHit | None:
    """ "EIA's Short-Term Energy Outlook (STEO) projects growth": the tagger read the verb as a plural noun.
    So in "Census Bureau data show exports rose 5 percent" and "Data from the Census Bureau show ...": an
    evidence verb in its base form read as a singular noun after data, or after a name the data are from
    (not "the Netflix show"); and a report closing the sentence after a comma (", a new poll shows.")."""
    sent = t.sent
    for t in sent:
        lemma = t.lower_.rstrip("s")
        if not (t.pos_ == "NOUN" and lemma in lex.verb_cues and t.i > sent.start):
            continue
        trailing = trailing_report(t, lex)
        if trailing is not None:
            text = trailing.text
            return SourceReading(text=text, kind=source_kind(trailing[-1], text, lex), cue=t.lower_), lex.verb_cues[
                lemma
            ]
        if t.tag_ != "NNS" and not (lemma in words("evidence_verb") and _after_data(t.doc[t.i - 1], lex)):
            continue
        prev = t.doc[t.i - 1]
        if prev.text == ")":
            opening = next((x for x in reversed(list(t.doc[sent.start : t.i])) if x.text == "("), None)
            prev = t.doc[opening.i - 1] if opening is not None and opening.i > sent.start else prev
        if lemma in words("evidence_verb") and prev.lemma_.lower() in lex.data_nouns:
            hit = _named_data_before(prev, t.text.lower(), lex.verb_cues[lemma], lex)  # "Census Bureau data show"
            if hit:
                return hit
        elif prev.pos_ == "PROPN":
            hit = make_source(prev, t.text.lower(), lex.verb_cues[lemma], sent, lex)
            if hit:
                return hit
    return None


def _named_data_before(data: Token, cue: str, rule_id: str, lex: ContextLexicon) -> SourceHit | None:
    """'Census Bureau data': data named by the names right before it (the tagger may hang them on the verb
    it read as a noun); plain 'official data' names no one."""
    doc = data.doc
    start = data.i
    while start > data.sent.start and doc[start - 1].pos_ == "PROPN":
        start -= 1
    if start == data.i:
        return None
    text = doc[start : data.i + 1].text
    return SourceReading(text=text, kind=source_kind(doc[start], text, lex), cue=cue), rule_id


def _after_data(prev: Token, lex: ContextLexicon) -> bool:
    """Is `prev` a data noun ('data', 'figures'), or a name inside a phrase a data noun heads ('Data from
    the Census Bureau')?"""
    if prev.lemma_.lower() in lex.data_nouns:
        return True
    head = prev.head.head if prev.dep_ == "pobj" else None
    return prev.pos_ == "PROPN" and head is not None and head.lemma_.lower() in lex.data_nouns


def reporting_verb(t: Target, lex: ContextLexicon) -> SourceHit | None:
    """'X forecasts that ...', '..., X said', '... fell 3%, X said, after ...': the subject of a reporting
    verb whose clause holds the figure, or that comments on that clause as an aside."""
    head = t.head
    sent = t.sent
    ancestors = t.ancestors
    verbs = [t for t in sent if t.pos_ in VERBS and t.lemma_.lower() in lex.verb_cues]
    verbs.sort(key=lambda t: (t not in ancestors, abs(t.i - head.i)))
    changed = t.quantity is not None and t.quantity.change is not None
    for verb in verbs:
        if changed and verb.i == head.head.i and head.dep_ in OBJECTS | {"npadvmod"}:
            continue  # "Shares added 4%", "the index put on 12 points": the verb is the change, not a report
        if verb.lemma_.lower() in words("object_not_report") and any(c.dep_ == "dobj" for c in verb.children):
            continue  # "Leisure and hospitality added 72,000 jobs": adding jobs is not saying so
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        relative = subj is not None and subj.tag_ in ("WDT", "WP") and verb.dep_ == "relcl"
        if relative:
            subj = verb.head  # "The company, which reported revenue of $4 billion": the company reports
        if subj is None or (not relative and subj.left_edge.i <= head.i <= subj.right_edge.i):
            continue
        if verb.lemma_.lower() in words("evidence_verb") and (not _evidence(subj, lex) or anonymous_data(subj)):
            continue  # "the unemployment rates showed little change": rates are measured, not a source
        if verb.lemma_.lower() in words("actor_verb") and not institution(subj):
            continue  # "The budget requests $227.1 million": a document, not who asks
        aside = verb.dep_ == "parataxis" and verb.head in ancestors  # "fell 3%, the agency said, after ..."
        if verb not in ancestors and not aside and not (verb.dep_ == "ROOT" and head.sent == verb.sent):
            continue
        if verb in ancestors and through_relative(head, verb):
            continue  # "announced an agreement, under which ... 15%": the figure is not what was announced
        if verb in ancestors and own_conjunct(head, verb):
            continue  # "X claimed that inflation was 9%, but it was actually 1.4%": not X's
        document = _framing_document(verb) if subj.pos_ == "NOUN" and not subj.ent_type_ else None
        if document is not None:  # "In our Summary of Economic Projections, the median participant projects"
            text = " ".join(t.text for t in document.subtree if t.dep_ not in ("poss", "det") and t.pos_ != "PUNCT")
            hit = make_source(document, f"in {verb.text.lower()}", "src-data-frame", sent, lex, text=text)
        else:
            hit = make_source(subj, verb.text.lower(), lex.verb_cues[verb.lemma_.lower()], sent, lex)
        if hit and relative:
            return replace(hit[0], scoped=True), hit[1]  # the relative clause's figures only
        if hit:
            return hit
    return None


def _framing_document(verb: Token) -> Token | None:
    """A named document framing a report whose subject is a common noun: 'In our Summary of Economic
    Projections, the median participant projects ...' is the Summary's projection (not 'In Canada, officials
    said', a place, nor 'In March', a date)."""
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "in" and c.i < verb.i):
        pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if pobj is None or pobj.pos_ != "PROPN" or pobj.ent_type_ in ("GPE", "LOC", "DATE", "NORP", "PERSON"):
            continue
        if sum(1 for t in pobj.subtree if t.pos_ == "PROPN") >= 2:
            return pobj
    return None


def _evidence(subj: Token, lex: ContextLexicon) -> bool:
    """Can this subject of 'show', 'indicate' or 'suggest' be a source: data, a survey or study, a named body?"""
    of = next((c for c in subj.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    inner = [c for c in of.children if c.dep_ == "pobj"] if of is not None else []
    return any(  # "A range of estimates suggest": the estimates
        t.lemma_.lower() in lex.data_nouns or t.pos_ == "PROPN" or t.ent_type_ in ("ORG", "PERSON")
        for t in [subj, *inner]
    )


def bracket(t: Target, lex: ContextLexicon) -> SourceHit | None:
    """'(latest data, BEA)', '(USGS)': a bracketed attribution after the figure; not '(FDI)' after its term."""
    span = t.span
    doc, sent = span.doc, t.sent
    k = span.end
    while k < sent.end and doc[k].text != "(" and not (doc[k].is_punct and doc[k].text in (";", ".")):
        k += 1
    if k >= sent.end or doc[k].text != "(" or (k > 0 and doc[k - 1].pos_ == "PROPN"):
        return None  # "(STEO)" right after a name abbreviates it
    close = next((t.i for t in doc[k : sent.end] if t.text == ")"), None)
    if close is None or close - k > 12:
        return None
    inner = doc[k + 1 : close]
    if not len(inner):
        return None  # "36 cents ()": an empty bracket (a template the export lost) cites nobody
    if k == span.end and restates_unit(inner, t.quantity.unit if t.quantity is not None else None):
        return None  # "13.306 billion barrels (Bbbls)": the unit's abbreviation
    cited = citation(inner)
    if cited is not None:  # "(World Oil, August 1994)", "(Reuters, 2023)": a publication and its date
        return SourceReading(text=cited.text, kind=source_kind(cited[-1], cited.text, lex), cue=f"({inner.text})"), (
            "src-citation"
        )
    if close - k > 8 or inner[0].pos_ == "ADP" and inner[0].lower_ not in ("from", "per", "via", "by"):
        return None  # "BIE 5% (for BIE schools)": a purpose or scope, not who says so
    names = [t for t in inner if t.pos_ == "PROPN" and (t.ent_type_ in ("ORG", "GPE") or t.is_upper and len(t) > 1)]
    has_data = any(t.lemma_.lower() in lex.data_nouns for t in inner)
    if not names or not (has_data or len(inner) == 1 or names[0].ent_type_ == "ORG"):
        return None
    if any(t.like_num for t in inner) or inner.text.lower().startswith(("figure", "table", "see ")):
        return None
    if not has_data and abbreviates(inner.text, doc[max(sent.start, k - 10) : k]):
        return None  # "foreign direct investment (FDI)" names a term, not a source
    name = names[-1]
    ent = next((e for e in doc.ents if e.start <= name.i < e.end), None)
    text = ent.text if ent is not None else name.text
    return SourceReading(text=text, kind=source_kind(name, text, lex), cue=f"({inner.text})"), "src-bracket"


def data_noun(t: Target, lex: ContextLexicon) -> SourceHit | None:
    """'a report by X', 'a survey by X': a data noun with its author."""
    sent = t.sent
    for tok in sent:
        lemma = tok.lemma_.lower()
        if lemma not in lex.data_nouns or tok.pos_ != "NOUN" and ranking_list(t) != tok:
            continue  # a named index a rank is on is a data noun too ("the 2015 Financial Secrecy Index")
        by = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "by"), None)
        pobj = next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None
        if pobj is not None:
            hit = make_source(pobj, f"{tok.text} by".lower(), lex.data_nouns[lemma], sent, lex)
            if hit:
                return hit
        owner = _owner(tok)
        if lemma in words("measure_instrument") and tok.dep_ in ("nsubj", "nsubjpass"):
            owner = None  # "The PCE price index for food has increased by 1.2 percent": the index is measured
        if owner is not None and _about_figure(tok, t):
            # "The Uppsala Conflict Data Program's estimate of 60,000 killed", "the IMF's forecast is 3.1%"; a
            # named document is its name: "The CBO estimate of $1.9 trillion", "the NASS Crop Production report"
            named = _named_document(tok) if owner.dep_ == "compound" else None
            hit = make_source(owner, _owner_cue(owner, tok), "src-data-owner", sent, lex, text=named)
            if hit:
                return hit
        hit = _published_in(tok, t, sent, lex) or _framing_count(tok, t, sent, lex)
        if hit:
            return hit
    return None


def _owner(noun: Token) -> Token | None:
    """Whose document or act the noun is: a possessive ("the IMF's forecast", "the governor's plan") or a
    name or institution compounded to it ("the CBO estimate", "the Administration request", "the White House
    proposal"); not a date ("the March estimate") nor a common noun ("the jobs report")."""
    for c in noun.children:
        if c.dep_ == "poss" and c.pos_ in ("PROPN", "NOUN"):
            return c
        if c.dep_ == "poss" and c.lower_ in ("its", "their") and noun.dep_ == "dobj":
            # "The IMF cut its forecast for growth to 2.8%": the subject whose own document it is
            subj = next((s for s in noun.head.children if s.dep_ == "nsubj"), None)
            return subj if subj is not None and (subj.pos_ == "PROPN" or subj.ent_type_ == "ORG") else None
        if c.dep_ == "compound" and c.i < noun.i and institution(c) and not _period(c):
            return c
    return None


def _period(tok: Token) -> bool:
    return tok.ent_type_ in NOT_OWNERS or parse_period(tok.text) is not None


def _named_document(noun: Token) -> str:
    """'NASS November Crop Production report': the noun with the names and words compounded before it."""
    start = noun.i
    while (
        start > 0
        and noun.doc[start - 1].dep_ in ("compound", "amod", "nmod")
        and noun.doc[start - 1].head.i > start - 1
    ):
        start -= 1
    return noun.doc[start : noun.i + 1].text


def _in_own_phrase(noun: Token, t: Target) -> bool:
    """Is the figure in the noun's own phrase ('the request of $1.30 billion'), not a clause on it ('the
    proposal, which would have applied to 9%')?"""
    tok = t.head
    while tok.i != noun.i:
        if tok.dep_ in ("relcl", "acl", "advcl", "ccomp") or tok.head.i == tok.i:
            return False
        tok = tok.head
    return True


NOT_OWNERS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})


def _owner_cue(owner: Token, noun: Token) -> str:
    return (f"'s {noun.text}" if owner.dep_ == "poss" else noun.text).lower()


def actor_noun(t: Target, lex: ContextLexicon) -> SourceHit | None:
    """'The Administration request of $1.30 billion', 'Under the White House proposal, spending would rise by
    $40 billion': a request, proposal or plan whose phrase holds the figure, or under which its clause
    stands, is its owner's statement, as the verb is ('the Administration requested', `src-actor`)."""
    sent = t.sent
    for tok in sent:
        if tok.lemma_.lower() not in words("actor_noun") or tok.pos_ != "NOUN":
            continue
        owner = _owner(tok)
        if owner is None or not (_in_own_phrase(tok, t) or _framing_act(tok, t)):
            continue  # "The center's FY2027 request is $35.6 million": the writer's account of a request
        hit = make_source(owner, _owner_cue(owner, tok), "src-actor-noun", sent, lex)
        if hit:
            return replace(hit[0], scoped=True), hit[1]
    return None


def _framing_act(noun: Token, t: Target) -> bool:
    """'Under the plan, spending would rise': the act a figure's clause is under or in."""
    prep = noun.head
    return (
        noun.dep_ == "pobj"
        and prep.lower_ in ("under", "in")
        and prep.head.pos_ in VERBS
        and prep.head in [t.head, *t.head.ancestors]
    )


FRAMING_COUNTS = frozenset({"census", "poll", "survey"})


def _framing_count(noun: Token, t: Target, sent: Span, lex: ContextLexicon) -> SourceHit | None:
    """'As of the census of 2000, there were 1,539 people', 'In a 2023 Gallup poll, 62 percent ...': a census,
    poll or survey in a phrase on the figure's clause is the count the figure comes from (`src-data-frame`)."""
    if noun.lemma_.lower() not in FRAMING_COUNTS or noun.dep_ != "pobj":
        return None
    gov, preps = noun.head, []
    while gov.pos_ == "ADP" and gov.head.i != gov.i and gov.dep_ in ("prep", "pcomp"):
        preps.insert(0, gov.lower_)
        gov = gov.head
    if gov.pos_ not in ("VERB", "AUX") or gov not in [t.head, *t.head.ancestors]:
        return None
    return make_source(noun, " ".join(preps) or noun.head.lower_, "src-data-frame", sent, lex)


PUBLISHERS = frozenset({"ORG", "PRODUCT", "WORK_OF_ART", "LAW"})  # not "the estimate in March", "in Canada"


def _published_in(noun: Token, t: Target, sent: Span, lex: ContextLexicon) -> SourceHit | None:
    """'The median projection in the SEP is 2.8 percent', 'the estimate from the CBO': the named document or
    body a data noun about the figure is in or from; not a date or a place ('the estimate in March')."""
    if not _about_figure(noun, t):
        return None
    for prep in noun.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("in", "from"):
            continue
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            acronym = pobj.pos_ == "PROPN" and pobj.is_upper and len(pobj) > 1 and not pobj.ent_type_
            # "the consensus from the Blue Chip survey", "the median forecast in a Reuters poll": a named survey
            named = pobj.lemma_.lower() in lex.data_nouns and any(  # "the Blue-Chip consensus": a compound's too
                c.dep_ == "compound" and c.pos_ == "PROPN" and c.ent_type_ not in NOT_OWNERS and c.i < pobj.i
                for c in pobj.subtree
            )
            if pobj.ent_type_ in PUBLISHERS or acronym or named:
                return make_source(pobj, f"{noun.text} {prep.text}".lower(), "src-data-owner", sent, lex)
    return None


def _about_figure(noun: Token, t: Target) -> bool:
    """Is the data noun about this figure: the figure in its phrase, or the noun the subject of its clause?"""
    inside = noun.left_edge.i <= t.head.i <= noun.right_edge.i
    revised = noun.dep_ == "dobj" and noun.head.pos_ == "VERB"  # "cut its forecast to 2.8%": its new value
    if ranking_list(t) == noun:
        return True  # "ranked fourth on the Tax Justice Network's 2015 Financial Secrecy Index": who ranked
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and statistic_of(noun.head.head) == noun:
        noun = noun.head.head  # "The median of FOMC participants' projections is 1.8 percent": the statistic's
    return inside or (noun.dep_ in ("nsubj", "nsubjpass") or revised) and noun.head in t.ancestors


# the order is the precedence: an explicit cue beats an inferred one
SOURCE_STRATEGIES: tuple[Strategy, ...] = (
    according_to,
    agent,
    verb_tagged_as_noun,
    reporting_verb,
    bracket,
    data_noun,
    actor_noun,
)


RELAY_CUES = frozenset({"cited by", "as cited by", "citing"})


def find_source(t: Target, lex: ContextLexicon) -> SourceHit | None:
    """The first source the strategies find, in order; a relay ("as cited by the website TTG Asia") yields
    to the originator a reporting verb names in the same sentence ("Zion Market Research has found")."""
    for strategy in SOURCE_STRATEGIES:
        hit = strategy(t, lex)
        if hit is not None and beyond_semicolon(t.span, hit[0].text):
            return None
        if hit is not None:
            if hit[0].cue in RELAY_CUES:
                origin = reporting_verb(t, lex)
                return origin if origin is not None else hit
            return hit
    return None
