"""Token tests the source strategies share: which words name no one, which act as institutions, and
which bracketed asides abbreviate a term or cite a publication."""

from __future__ import annotations

from spacy.tokens import Span, Token

from claimx import units as registry
from claimx.nlp.context.lexicon import ContextLexicon, words

ANONYMOUS_DATA = frozenset({"data", "datum", "figure", "estimate", "number", "statistic", "reading", "evidence"})


def anonymous_data(tok: Token) -> bool:
    """Data that name no one: 'Recent data indicate', 'Estimates based on the Consumer Price Index and other
    data indicate', 'A rough estimate suggests' (the writer's own reading); not 'Census Bureau data', 'the
    BLS's figures', 'data from the Census Bureau', 'Figures released by Eurostat'."""
    if tok.lemma_.lower() not in ANONYMOUS_DATA or tok.pos_ != "NOUN":
        return False
    own = [
        c
        for c in tok.children
        if c.dep_ in ("poss", "compound", "nmod")
        or c.dep_ == "prep"
        and c.lower_ in ("from", "by", "of")
        or c.dep_ == "acl"
        and any(g.dep_ == "agent" for g in c.children)  # "Figures released by Eurostat"
    ]
    return not own


def institution(tok: Token) -> bool:
    """Is this subject of a budget or legislative act ('requested', 'appropriated', 'proposed') a body that
    acts and can be asked: a name, or an institution noun ('the Administration', 'Congress', 'the ministry')?
    The figure it requests or appropriates is its statement; a document ('the budget') is not a source."""
    return (
        tok.pos_ == "PROPN"
        or tok.ent_type_ in ("ORG", "GPE", "NORP")
        or tok.lemma_.lower() in words("institution_noun")
    )


def through_relative(head: Token, verb: Token) -> bool:
    tok = head
    while tok.i != verb.i and tok.head.i != tok.i:
        if tok.dep_ in ("relcl", "acl"):
            return True
        tok = tok.head
    return False


def abbreviates(acronym: str, before: Span) -> bool:
    letters = [c.lower() for c in acronym if c.isupper()]
    initials = iter(t.text[0].lower() for t in before if t.is_alpha)
    return len(letters) >= 2 and all(any(ch == x for x in initials) for ch in letters)


def citation(inner: Span) -> Span | None:
    """A bibliographic citation: a name, a comma, then only a date ('World Oil, August 1994', 'Oil & Gas
    Journal, January 1, 2024'); not a place and its year ('Texas, 2023')."""
    doc = inner.doc
    for comma in (t.i for t in inner if t.text == "," and inner.start < t.i < inner.end - 1):
        name, date = doc[inner.start : comma], doc[comma + 1 : inner.end]
        if all(t.ent_type_ == "DATE" or t.text == "," for t in date) and any(t.like_num for t in date):
            named = all(
                t.pos_ == "PROPN" and t.ent_type_ not in ("DATE", "GPE") or t.lower_ in ("of", "&", "the") for t in name
            )
            return name if named and name[-1].pos_ == "PROPN" and len(name) <= 5 else None
    return None


def restates_unit(inner: Span, unit: str | None) -> bool:
    """'13.306 billion barrels (Bbbls)', '500 megawatts (MW)': a bracket that abbreviates the figure's own unit
    defines it; it names no source."""
    if unit is None or len(inner) != 1:
        return False
    entry = registry.news_entry(inner.text)
    if entry is not None:
        return entry.role == "unit" and entry.unit == unit
    expr = registry.lookup_symbol(inner.text)
    return expr is not None and registry.describe(expr).name == unit


def own_conjunct(head: Token, verb: Token) -> bool:
    """Is the figure in a clause that 'but' coordinates with the reporting verb, with a subject of its own
    ('Biden claimed that inflation was 9%, but it was actually 1.4%')? The report does not reach it."""
    below = next((a for a in [head, *head.ancestors] if a.head.i == verb.i and a.i != verb.i), None)
    return below is not None and _contrasted(below)  # '“...,” Sastre added, “and they are happy ...”' is his


def contrasted_clause(tok: Token) -> bool:
    """Is the token in a clause that 'but' or 'yet' coordinates with its own subject ('..., but it was actually
    1.4%')? A source of the clause before does not carry into it."""
    clause = next((a for a in [tok, *tok.ancestors] if a.pos_ in ("VERB", "AUX")), None)
    return clause is not None and _contrasted(clause)


def _contrasted(clause: Token) -> bool:
    """A conjunct clause with its own subject that 'but' or 'yet' opens."""
    if clause.dep_ != "conj" or not any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children):
        return False
    start = clause.left_edge.i  # the 'but' opens this clause ("but in five communities" inside one is not)
    return any(c.dep_ == "cc" and c.lower_ in ("but", "yet") and start - 2 <= c.i < start for c in clause.head.children)


def named_after(tok: Token) -> Token | None:
    """'Property analysis company CoreLogic says', 'The rating agency Moody's said': a descriptor noun right
    before the name it describes; the name is the source (the parser hangs it as an apposition, or as a second
    subject)."""
    if tok.pos_ != "NOUN" or tok.i + 1 >= len(tok.doc):
        return None
    name = tok.doc[tok.i + 1]
    described = (name.dep_ == "appos" and name.head.i == tok.i) or (
        name.dep_ == tok.dep_ and name.head.i == tok.head.i and tok.dep_ in ("nsubj", "nsubjpass")
    )
    return name if name.pos_ == "PROPN" and described else None


def per_source(pobj: Token, lex: ContextLexicon) -> bool:
    """Does 'per' name a source: a name ('per AAA'), or a document after a determiner ('per a company filing',
    'per the report'), which no rate has ('per capita', 'per year')?"""
    if pobj.pos_ == "PROPN":
        return True
    det = next((c for c in pobj.lefts if c.dep_ in ("det", "poss")), None)
    return det is not None and pobj.lemma_.lower() in lex.data_nouns


def in_figure(sent: Span, k: int) -> bool:
    """Is the sentence's token k inside a figure or right after one (a rate's 'per')?"""
    i = sent.start + k
    return any(q.start <= i <= q.end for q in sent.doc.spans.get("claimx_quantities", []))


def named_data(tok: Token, lex: ContextLexicon) -> bool:
    """A named dataset or publication: 'the September 30 Grain Stocks report', 'Census data', 'the Small
    Grains Summary' (not 'available data', 'current prices')."""
    named = any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in tok.lefts)
    return tok.lemma_.lower() in lex.data_nouns and named or tok.pos_ == "PROPN" and tok.ent_type_ != "DATE"


def cue_object(sent: Span, k: int, n: int) -> Token | None:
    """The object of a prepositional cue: its pobj, else the noun right after it (climbing compounds)."""
    pobj = next((c for c in sent[k + n - 1].children if c.dep_ == "pobj"), None)
    if pobj is None and k + n < len(sent):
        nxt = sent[k + n]
        pobj = nxt if nxt.pos_ in ("NOUN", "PROPN") else None
        while (
            pobj is not None
            and pobj.head.i != pobj.i
            and pobj.head.i < sent.end
            and pobj.head.pos_ in ("NOUN", "PROPN")
            and pobj.dep_ == "compound"
        ):
            pobj = pobj.head
    return pobj


def trailing_report(verb: Token, lex: ContextLexicon) -> Span | None:
    """'Nearly 60% of voters back the plan, a new poll shows.': the tagger reads a reporting verb that closes the
    sentence as a noun of the data phrase before it. The phrase after the comma, past its determiner, is the
    source ('new poll'), when it ends in a data noun."""
    doc, sent = verb.doc, verb.sent
    after = doc[verb.i + 1] if verb.i + 1 < sent.end else None
    if after is not None and not (after.is_punct and after.text in (".", "!", "?")):
        return None
    data = doc[verb.i - 1]
    if data.lemma_.lower() not in lex.data_nouns:
        return None
    k = data.i
    while k > sent.start and doc[k - 1].pos_ in ("ADJ", "NOUN", "PROPN", "DET", "PRON") and doc[k - 1].text != ",":
        k -= 1
    if k <= sent.start or doc[k - 1].text != ",":
        return None
    while doc[k].pos_ == "DET":
        k += 1
    if data.lemma_.lower() in ANONYMOUS_DATA and not any(w.pos_ in ("PROPN", "PRON") for w in doc[k : data.i]):
        return None  # ", the data show.", ", official figures show.": data that name no one
    return doc[k : data.i + 1] if k <= data.i else None


def beyond_semicolon(span: Span, text: str) -> bool:
    """Is the source named only in a clause that a semicolon after the figure opens, ahead of that clause's own
    figures ("The claim that crime rose 40% in 2024 is false; FBI data show violent crime fell 4.5%")? That
    clause reports its own figures; a source closing the whole sentence ("Prices rose 5%; wages fell 2%, the BLS
    said") reports both."""
    doc, sent = span.doc, span.sent
    semi = next((t for t in doc[span.end : sent.end] if t.text == ";"), None)
    if semi is None or text in doc[sent.start : semi.i].text:
        return False
    at = doc[semi.i : sent.end].text.find(text)
    if at < 0:
        return False
    named_at = doc[semi.i].idx + at
    return any(q.start_char > named_at for q in doc.spans.get("claimx_quantities", []) if q.start >= semi.i)
