"""Short readable noun phrases from the parse."""

from __future__ import annotations

from functools import cache

from spacy.tokens import Span, Token

from claimx.nlp.context.lexicon import words
from claimx.nlp.deps import NOMINALS, PHRASE_CHILDREN, nominal_gerund
from claimx.periods import parse_period
from claimx.rulefiles import load_rules


def noun_phrase(tok: Token, exclude: set[int] | None = None, max_tokens: int = 6) -> str:
    """`tok` with its left compound and adjective modifiers, determiners and possessives dropped.

    Only a contiguous run of words ending at `tok` is kept, at most `max_tokens` of them; tokens in
    `exclude` (the quantity itself) are left out.
    """
    doc, exclude = tok.doc, exclude or set()
    determiners = words("determiner")
    keep = {tok.i}
    for child in tok.lefts:
        if _glued_hyphen(child) and child.i + 1 == tok.i:
            keep.add(child.i)  # "long-term": the parser may hang the hyphen on 'term' itself
        if child.dep_ in PHRASE_CHILDREN and child.i not in exclude and not _evidence_verb(child):
            sub = [t.i for t in child.subtree if t.i not in exclude]
            possessive = any(doc[i].tag_ == "POS" or doc[i].lower_ in determiners for i in sub)
            if possessive and child.dep_ == "poss":
                continue
            keep.update(sub)
    idx = sorted(i for i in keep if doc[i].lower_ not in determiners and (not doc[i].is_punct or _glued_hyphen(doc[i])))
    run = [tok.i]
    for i in reversed(idx):
        if i < run[0] and i == run[0] - 1:
            run.insert(0, i)
    while run and _glued_hyphen(doc[run[0]]):
        run.pop(0)
    kept_words = [i for i in run if not _glued_hyphen(doc[i])]
    words_ = kept_words[-max_tokens:]
    cut = len(words_) < len(kept_words) and doc[words_[0]].pos_ == "CCONJ"
    while cut and len(words_) < len(kept_words):  # never start on "and": "Coastal and Marine Hazards ... Program"
        words_ = kept_words[-len(words_) - 1 :]
        before = doc[kept_words[-len(words_) - 1]] if len(words_) < len(kept_words) else None
        cut = before is not None and before.dep_ in ("compound", "amod") and before.head.i == words_[0]
    run = [i for i in run if i >= words_[0]]
    run = _coordinated_head(tok, run, exclude) + run
    if _name_number(tok, exclude):  # "the S&P 500", "P.L. 108-7": a name's number is part of the name
        end = tok.i + 2
        while (
            end + 1 < len(doc)
            and doc[end].text in ("-", "–")
            and not doc[end - 1].whitespace_
            and doc[end + 1].is_digit
        ):
            end += 2
        run.extend(range(tok.i + 1, end))
    elif _code_suffix(tok):  # "90% u-235", "COVID-19 cases": a hyphenated number glued to a word names it
        run.extend((tok.i + 1, tok.i + 2))
    # "semi-finished copper products", "long-term unemployed": a hyphenated word stays one word
    phrase = "".join(doc[i].text + (doc[i].whitespace_ if i != run[-1] else "") for i in run)
    phrase += _nominal_adjective(tok, exclude)
    gerund = _gerund_compound(tok, exclude)
    if gerund:  # "Global corn ending stocks": the tagger's verb 'ending' and its 'object' are the noun
        return phrase + gerund
    phrase += _per_head(tok, exclude)  # "GDP per capita"
    of = _of_complement(tok, exclude)
    if of:  # "the average number of days from nomination to first committee hearing"
        of_prep = next(p for p in tok.children if p.dep_ == "prep" and p.lower_ == "of")
        obj = next(c for c in of_prep.children if c.dep_ == "pobj")
        return phrase + of + _from_to_complement(obj, exclude)
    return phrase + (_from_to_complement(tok, exclude) or _who_complement(tok, exclude))


def _evidence_verb(child: Token) -> bool:
    """'Figures show exports fell 3%': the parser's compound "show" is the clause that reports the noun."""
    return child.pos_ == "VERB" and child.dep_ == "compound" and child.lemma_.lower() in words("evidence_verb")


def _code_suffix(tok: Token) -> bool:
    """Is `tok` glued by a hyphen to a number that is no figure ('u-235', 'COVID-19', 'F-35')?"""
    doc, k = tok.doc, tok.i
    if k + 2 >= len(doc) or tok.whitespace_ or doc[k + 1].text not in ("-", "–") or doc[k + 1].whitespace_:
        return False
    return doc[k + 2].is_digit and not any(s.start <= k + 2 < s.end for s in doc.spans.get("claimx_quantities", []))


def _name_number(tok: Token, exclude: set[int]) -> bool:
    """Is the word after a proper name a number of the name ('S&P 500', 'Euro Stoxx 50'), not a figure?"""
    doc = tok.doc
    if tok.pos_ != "PROPN" or tok.i + 1 >= len(doc) or tok.i + 1 in exclude:
        return False
    nxt = doc[tok.i + 1]
    figures = doc.spans.get("claimx_quantities", [])
    return (
        nxt.head.i == tok.i
        and nxt.dep_ == "nummod"
        and nxt.text.isdigit()
        and not any(s.start <= nxt.i < s.end for s in figures)
        and parse_period(f"{tok.text} {nxt.text}") is None  # "November 2014" is a date
    )


PER_HEAD = frozenset({"capita", "head", "person", "inhabitant", "resident"})


def _per_head(tok: Token, exclude: set[int]) -> str:
    """' per capita' after 'GDP', ' per person' after 'spending': a measure per head is another measure."""
    doc = tok.doc
    if tok.i + 2 < len(doc) and doc[tok.i + 1].lower_ == "per" and doc[tok.i + 2].lemma_.lower() in PER_HEAD:
        if not {tok.i + 1, tok.i + 2} & exclude:
            return f" per {doc[tok.i + 2].text}"
    return ""


def _gerund_compound(tok: Token, exclude: set[int]) -> str:
    """' ending stocks' after 'corn', ' operating costs' after 'airline': a participle right after the noun,
    parsed as a clause on it, with its object right after it, is a compound noun the tagger split."""
    doc = tok.doc
    if tok.i + 2 >= len(doc):
        return ""
    verb, obj = doc[tok.i + 1], doc[tok.i + 2]
    if verb.tag_ != "VBG" or verb.dep_ != "acl" or verb.head.i != tok.i:
        return ""
    if obj.dep_ != "dobj" or obj.head.i != verb.i or obj.pos_ != "NOUN" or {verb.i, obj.i} & exclude:
        return ""
    return f" {verb.text} {obj.text}"


def _coordinated_head(tok: Token, run: list[int], exclude: set[int]) -> list[int]:
    """'Couriers and messengers (+7,000)', 'petroleum and coal products ($28.5 billion)': a noun that is the
    second of two coordinated nouns right before it names one category with the first; the first's words
    (at most three, no figure) come first."""
    doc = tok.doc
    if tok.dep_ != "conj" or not run or run[0] < 2 or doc[run[0] - 1].pos_ != "CCONJ":
        return []
    head = tok.head
    if head.i != run[0] - 2 or head.pos_ not in ("NOUN", "PROPN") or head.i in exclude:
        return []
    if any(c.dep_ == "conj" and c.i != tok.i and c.i < tok.i for c in head.children):
        return []  # "wheat, corn and rice": a list, not a category (a conjunct after it, past its figure, is
        # the next item: "Couriers and messengers (+7,000) and air transportation (+6,000)")
    first = [t.i for t in head.lefts if t.dep_ in ("compound", "amod") and t.i == head.i - 1] + [head.i]
    return first + [run[0] - 1]


def _of_complement(tok: Token, exclude: set[int]) -> str:
    """' of FDI' after 'Other top sources', ' of refugees' after 'the number': an 'of' phrase right after
    the noun naming what it is of, one to three words without a figure."""
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    if nxt is None or nxt.lower_ != "of" or nxt.head.i != tok.i or nxt.i in exclude:
        return ""
    obj = next((c for c in nxt.children if c.dep_ == "pobj"), None)
    if obj is None or obj.pos_ not in ("NOUN", "PROPN"):
        return ""
    sub = [t for t in obj.subtree]
    if len(sub) > 3 or any(t.i in exclude or t.like_num or t.is_punct for t in sub):
        return ""
    determiners = words("determiner")
    kept = [t for t in sub if t.lower_ not in determiners]
    return " of " + " ".join(t.text for t in kept) if kept else ""


def _from_to_complement(tok: Token, exclude: set[int]) -> str:
    """' from nomination to final Senate vote' after 'days': a span a duration or a distance is measured
    over, 'from' and 'to' phrases right after the noun, at most eight words without a figure."""
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    # the parse may hang the span on the noun the word is 'of' ("the number of days from ... to ...")
    owner = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ == "of" else tok
    if nxt is None or nxt.lower_ != "from" or nxt.head.i not in (tok.i, owner.i):
        return ""
    to = next((t for t in nxt.subtree if t.lower_ == "to" and t.dep_ == "prep"), None)
    if to is None:
        to = next((c for c in nxt.head.children if c.dep_ == "prep" and c.lower_ == "to" and c.i > nxt.i), None)
    if to is None:
        return ""
    sub = tok.doc[nxt.i : to.right_edge.i + 1]
    figure = [t for t in sub if t.like_num and (t.pos_ == "NUM" or any(ch.isdigit() for ch in t.text))]
    if len(sub) > 8 or figure or any(t.i in exclude or t.text in (",", ";", "(", ")") for t in sub):
        return ""  # "from nomination to first committee hearing": an ordinal is a word, not a figure
    return " " + sub.text


PEOPLE_WORDS = frozenset({"person", "people"})
MODIFIER_TAGS = frozenset({"VBN", "VBG", "RB", "IN", "DT", "JJ", "NN", "NNS", "NNP", "NNPS", "TO", "PRP$"})


def _who_complement(tok: Token, exclude: set[int]) -> str:
    """' employed part time for economic reasons' after 'persons', ' living in poverty' after 'people': a noun
    of people says little alone, so the words that restrict it (a participle, a prepositional or negated
    phrase) follow it, up to the clause's verb, a relative pronoun, a comma or a figure, at most eight words."""
    if tok.lemma_.lower() not in PEOPLE_WORDS and tok.lemma_.lower() not in words("person_noun"):
        return ""
    out: list[Token] = []
    for t in tok.doc[tok.i + 1 : tok.sent.end]:
        if t.i in exclude or t.like_num or (t.tag_ not in MODIFIER_TAGS and t.lower_ != "not") or len(out) == 8:
            break
        if t.lower_ == "by":
            break  # "students surveyed by PISA": the agent is the source, not the concept
        if t.pos_ == "PROPN":
            return ""  # "a woman living in Dadaab", "adults in sub-Saharan Africa": no name, and no half phrase
        out.append(t)
    while out and out[-1].tag_ in ("IN", "DT", "TO", "RB", "PRP$"):
        out.pop()  # never end on "in the", "to"
    if not out or not any(t.tag_ in ("VBN", "VBG", "IN") or t.lower_ == "not" for t in out[:2]):
        return ""  # "persons employed ...", "people living in ...", "persons not in ...": not "people Tuesday"
    return " " + tok.doc[out[0].i : out[-1].i + 1].text


def _nominal_adjective(tok: Token, exclude: set[int]) -> str:
    """' unemployed' in "the long-term unemployed": the parser reads the second half of a hyphenated word as
    the noun and the adjective used as a noun after it as its modifier; the adjective is the head."""
    doc, k = tok.doc, tok.i + 1
    if k >= len(doc) or k in exclude or tok.i < 2 or not _glued_hyphen(doc[tok.i - 1]):
        return ""
    adj = doc[k]
    if adj.head.i != tok.i or adj.dep_ != "amod" or adj.tag_ not in ("JJ", "VBN"):
        return ""
    return tok.whitespace_ + adj.text


def _glued_hyphen(t: Token) -> bool:
    """A hyphen inside a word ('semi-finished'), not a dash between words."""
    return t.text in ("-", "‐", "‑") and t.i > 0 and t.doc[t.i - 1].whitespace_ == "" and t.whitespace_ == ""


def span_tokens(span: Span) -> set[int]:
    """The token indices of a span (the figure's own words, left out of the phrases around it)."""
    return set(range(span.start, span.end))


def figure_anchor(span: Span, head: Token) -> Token:
    """'$56.8 billion, $10 billion less than 2024': a restated figure (apposition) takes its anchor's context."""
    if head.dep_ == "appos" and head.head.i not in span_tokens(span):
        return head.head
    if head.dep_ in ("quantmod", "nmod") and head.head.i >= span.end:
        # "a median income of $40,000 versus $25,905": the parser hangs a compared figure on the next one;
        # it stands where that one stands
        other = next((s for s in span.doc.spans.get("claimx_quantities", []) if s.start <= head.head.i < s.end), None)
        if other is not None and other.start > span.start:
            return other.root
    return head


def past_generic(tok: Token) -> Token:
    """'the number of migrants', 'the amount of debt': a generic measure noun stands for its 'of' noun;
    'the change in payroll employment', 'the rise in prices': a change noun for its 'in' noun, unless that is
    a period ('growth in the fourth quarter'); a statistic of forecasts or estimates for the thing they are
    of ('the median of FOMC participants' projections of this longer-run trend growth rate')."""
    forecasts = statistic_of(tok)
    if forecasts is not None and forecasts.lower_ in words("hedge_noun"):
        prep = next((c for c in forecasts.children if c.dep_ == "prep" and c.lower_ in ("of", "for")), None)
        pobj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
        if pobj is not None and pobj.pos_ in NOMINALS:
            return pobj
    lemma = tok.lemma_.lower()
    prep_word = "of" if lemma in words("generic_measure") else "in" if lemma in change_nouns() else None
    if prep_word is not None:
        prep = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == prep_word), None)
        pobj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
        if pobj is not None and (pobj.pos_ in NOMINALS or pobj.pos_ == "ADJ"):  # "the number of unemployed"
            if prep_word == "in" and (
                pobj.ent_type_ in ("DATE", "TIME") or pobj.lemma_.lower() in words("period_noun") | words("era_noun")
            ):
                return tok  # "GDP growth in the fourth quarter": when it grew, not what
            return pobj
    return tok


@cache
def change_nouns() -> frozenset[str]:
    """'change' and the change nouns of changes.jsonl ('increase', 'decline')."""
    return frozenset({"change"}).union(*(e.lemmas for e in load_rules("changes") if e.pos == "noun"))


@cache
def change_verbs() -> frozenset[str]:
    """The change verbs of changes.jsonl ('increase', 'lower') and 'raise'."""
    return frozenset({"raise"}).union(*(e.lemmas for e in load_rules("changes") if e.pos == "verb"))


def glued_suffix(tok: Token) -> bool:
    """'m' in '12m', 'bn' in '8.1bn': letters the tokenizer split off the digits they were glued to."""
    prev = tok.doc[tok.i - 1] if tok.i > 0 else None
    return prev is not None and prev.like_num and not prev.whitespace_ and tok.is_alpha and len(tok) <= 3


def gerund_subject(verb: Token) -> str | None:
    """The subject a gerund makes: 'Beginning stocks are 207 million bushels higher' (the tagger reads an
    opening participle and its noun as a clausal subject and its object; together they are the subject
    noun); 'Spending on defense rose to $850 billion', 'Borrowing in March was $4 billion' (a gerund used as a
    noun, with an 'on' or 'of' phrase naming what it is of)."""
    cs = next((c for c in verb.children if c.dep_ == "csubj" and c.tag_ == "VBG"), None)
    if cs is None:
        return None
    obj = cs.nbor(1) if cs.i + 1 < len(cs.doc) else None
    if obj is not None and obj.dep_ == "dobj" and obj.head.i == cs.i and obj.pos_ == "NOUN":
        return f"{cs.text} {noun_phrase(obj)}"
    return gerund_phrase(cs)


def gerund_phrase(g: Token) -> str | None:
    """A gerund subject used as a noun, with an 'on' or 'of' phrase naming what it is of: 'Spending on
    defense', 'Borrowing'; None for a gerund with an object or subject of its own."""
    if not nominal_gerund(g) or any(c.dep_ in ("dobj", "nsubj") for c in g.children):
        return None
    prep = next((c for c in g.rights if c.dep_ == "prep" and c.lower_ in ("on", "of")), None)
    pobj = next((c for c in prep.children if c.dep_ == "pobj" and c.pos_ in NOMINALS), None) if prep else None
    return f"{g.text} {prep.text} {noun_phrase(pobj)}" if pobj is not None else g.text


def number_tokens(span: Span, unit_tok: Token) -> set[int]:
    """The tokens of a count's own number, before the noun it counts: its qualifiers, digits and scale ("about
    135,000", "12m", "50K"), never a number inside a modifier ("three one-year extensions": 'one-year' stays)."""
    out: set[int] = set()
    seen = False
    for x in span:
        if x.i >= unit_tok.i:
            break
        nxt = x.doc[x.i + 1] if x.i + 1 < len(x.doc) else None
        if seen and x.like_num and nxt is not None and nxt.text == "-" and not x.whitespace_:
            break
        if x.like_num or x.text in words("scale_suffix") or glued_suffix(x):
            out.add(x.i)
            seen = True
        elif seen:
            break
        else:
            out.add(x.i)
    return out


def postmodifier(noun: Token, inside: set[int], phrase: str) -> str:
    """' unemployed' in 'the number of people unemployed', ' subject to limit' in 'Debt subject to limit':
    a short adjective or participle phrase right after the noun, up to a date, a number or the figure; ''
    when `phrase` (the noun's phrase) already holds it."""
    post = next((c for c in noun.rights if c.i == noun.i + 1 and c.dep_ in ("amod", "acl")), None)
    if post is None or post.tag_ not in ("JJ", "VBN") or post.text in phrase.split():
        return ""
    kept: list[Token] = []
    for tok in noun.doc[post.i : post.right_edge.i + 1]:
        if tok.i in inside or tok.like_num or tok.ent_type_ in ("DATE", "MONEY", "PERCENT") or tok.is_punct:
            break
        kept.append(tok)
    while kept and kept[-1].pos_ in ("ADP", "DET", "CCONJ", "PART"):
        kept.pop()  # "people killed in 2025": not a dangling "in"
    return " " + " ".join(t.text for t in kept) if 0 < len(kept) <= 4 else ""


STATISTIC_NOUNS = frozenset({"median", "mean", "average", "midpoint", "consensus"})


def statistic_of(noun: Token) -> Token | None:
    """'The median of FOMC participants' projections shows inflation at 1.9 percent': a statistic of
    forecasts or estimates is one itself; the noun its 'of' phrase names."""
    if noun.lemma_.lower() not in STATISTIC_NOUNS:
        return None
    of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    return next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
