"""Measured-concept strategies that read what the sentence predicates of the figure, not its noun phrase:
an amount said to be available, a rank held among a set, the levels of a change of an object, a figure
predicated of a noun in a small clause, a rate of change ('GDP grew at a 4.9 percent pace'), a distance from a
place, what an amount is worth of. Part of `measured.MEASURED_STRATEGIES`."""

from __future__ import annotations

from spacy.tokens import Token

from claimx.nlp.context.lexicon import ContextLexicon, words
from claimx.nlp.context.phrases import change_verbs, figure_anchor, noun_phrase, past_generic, span_tokens
from claimx.nlp.context.target import Target
from claimx.nlp.deps import AGENT_ENTITIES, NOMINALS, SUBJECTS, VERBS

MeasuredHit = tuple[str | None, str]
AVAILABLE = frozenset({"available", "unavailable"})


def _amount_noun(t: Target) -> Token:
    """The figure's noun, or the generic measure it fills ('a total of $1 billion' -> 'total')."""
    tok = t.head
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in words("generic_measure"):
        return tok.head.head
    return tok


def _availability(noun: Token) -> Token | None:
    """'$750 million available', '$5.5 billion is available', 'made $215 billion available'."""
    own = next((c for c in noun.children if c.lower_ in AVAILABLE and c.dep_ in ("amod", "oprd", "acomp")), None)
    if own is not None:
        return own
    if noun.dep_ in SUBJECTS and noun.head.lower_ in AVAILABLE:
        return noun.head  # 'with $750 million available' parsed as a small clause
    if noun.dep_ in SUBJECTS:
        return next((c for c in noun.head.children if c.lower_ in AVAILABLE and c.dep_ in ("acomp", "oprd")), None)
    return None


def available_amount(t: Target, lex: ContextLexicon) -> MeasuredHit | None:
    """An amount said to be available measures the funding available, and what for when the text says
    ('with $750 million available', 'a total of $1 billion was available', 'made $215 billion available to
    the facility'): `measured-available`. A count names its own noun first (`counted_noun`)."""
    q = t.quantity
    if q is None or q.kind == "count":
        return None
    avail = _availability(_amount_noun(t))
    if avail is None:
        return None
    what = "funding" if q.kind == "currency" else None
    phrase = " ".join(w for w in (what, avail.lower_) if w)
    for prep in avail.children:
        pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if prep.lower_ in ("for", "to") and pobj is not None and pobj.lemma_.lower() not in words("period_noun"):
            return f"{phrase} {prep.lower_} {noun_phrase(pobj)}", "measured-available"
    return phrase, "measured-available"


def rank_among(t: Target, lex: ContextLexicon) -> MeasuredHit | None:
    """A rank held among a set ranks in that set: 'Mexico ranked second, after Canada, among markets for
    U.S. goods exports' measures 'markets for U.S. goods exports' (`measured-rank-among`)."""
    q = t.quantity
    if q is None or q.kind != "rank":
        return None
    for holder in (t.head, t.head.head):
        among = next((c for c in holder.children if c.lower_ == "among"), None)
        pobj = next((c for c in among.children if c.dep_ == "pobj"), None) if among is not None else None
        if pobj is not None:
            phrase = noun_phrase(pobj)
            purpose = next((c for c in pobj.children if c.lower_ == "for" and c.dep_ == "prep"), None)
            whose = next((c for c in purpose.children if c.dep_ == "pobj"), None) if purpose is not None else None
            if whose is not None and " for " not in phrase:
                phrase = f"{phrase} for {noun_phrase(whose)}"  # 'markets for U.S. goods exports'
            return phrase, "measured-rank-among"
    return None


CRITERION_NOUNS = frozenset({"number", "amount", "share", "value", "volume", "size", "output", "production"})


def _gerund_words(verb: Token) -> str:
    """The gerund with its object, up to a comma and at most six words."""
    doc = verb.doc
    end = min(verb.right_edge.i + 1, verb.i + 6)
    end = next((w.i for w in doc[verb.i : end] if w.is_punct and w.text != "-"), end)
    return doc[verb.i : end].text


def rank_criterion(t: Target, lex: ContextLexicon) -> MeasuredHit | None:
    """'ranks fifth worldwide in the number of renewable energy green jobs', 'and 29th largest in terms of
    purchasing power parity': a rank "in terms of" X, or "in the number (share, amount ...) of" X, ranks by X
    (`measured-rank-criterion`)."""
    q = t.quantity
    if q is None or q.kind != "rank" or (t.head.dep_ == "amod" and t.head.head.pos_ in NOMINALS):
        return None  # "the ninth largest port in terms of containers handled" ranks ports
    for holder in (t.head, t.head.head):
        for prep in (c for c in holder.children if c.lower_ == "in" and c.i >= t.span.end):
            pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            of = next((c for c in pobj.children if c.lower_ == "of"), None) if pobj is not None else None
            whose = next((c for c in of.children if c.dep_ in ("pobj", "pcomp")), None) if of is not None else None
            if whose is None or whose.pos_ not in (*NOMINALS, "VERB"):
                continue
            # a gerund the parser made of a compound ("in terms of purchasing power parity") is read whole
            phrase = noun_phrase(whose) if whose.dep_ == "pobj" else _gerund_words(whose)
            if pobj.lower_ == "terms":
                return phrase, "measured-rank-criterion"
            if pobj.lemma_.lower() in CRITERION_NOUNS:
                return f"{pobj.text} of {phrase}", "measured-rank-criterion"
    return None


def transition_object(t: Target, lex: ContextLexicon) -> MeasuredHit | None:
    """'The agreement lowered the tariff from 25% to 15%', 'Congress increased the budget from $5 billion to
    $7 billion': the two levels of a change (the reader's `transition-from`, `transition-to`) are levels of the
    object the verb changes, whatever the parser hangs them on; an intransitive change ('prices rose from')
    is left to the clause strategies."""
    span = t.span
    rules = span._.claimx_rule_ids or []
    if "transition-from" not in rules and "transition-to" not in rules:
        return None
    doc = span.doc
    opener = next(
        (doc[k] for k in range(span.start - 1, max(t.sent.start, span.start - 12) - 1, -1) if doc[k].lower_ == "from"),
        None,
    )
    verb = opener.head if opener is not None else None
    if verb is None or verb.pos_ != "VERB":
        return None
    inside = set(range(span.start, span.end))
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.pos_ in NOMINALS and c.i < opener.i), None)
    return (noun_phrase(obj, inside), "measured-transition-object") if obj is not None else None


def small_clause(t: Target, lex: ContextLexicon) -> MeasuredHit | None:
    """A figure predicated of a noun in a small clause after a verb measures that noun: 'making the three-month
    average a strong 265,000' measures 'three-month average' (`measured-small-clause`); the parser hangs the
    noun as the figure's own subject. A pronoun ('making it 5%') says nothing, nor the holder of a rank ('making
    the country the sixth richest in coal resources' ranks coal resources)."""
    if t.quantity is not None and t.quantity.kind == "rank":
        return None
    head = t.head
    if head.dep_ not in ("dobj", "ccomp", "oprd", "xcomp") or head.head.pos_ not in ("VERB", "AUX"):
        return None
    subj = next((c for c in head.children if c.dep_ in SUBJECTS and c.i < t.span.start), None)
    if subj is None or subj.pos_ not in NOMINALS or subj.pos_ == "PRON":
        return None
    return noun_phrase(subj, set(range(t.span.start, t.span.end))), "measured-small-clause"


def pace_of_change(t: Target, lex: ContextLexicon) -> MeasuredHit | None:
    """'GDP grew at a 4.9 percent pace', 'earnings grew at an annual rate of 5 percent', 'the increase in
    earnings has slowed to an annualized rate of 3.2 percent', 'inflation is dipping below a 3 percent
    rate': a rate of change measures the subject of the verb that changes (the noun a change noun is in),
    not the word 'pace' or 'rate'."""
    head = figure_anchor(t.span, t.head)
    noun = head.head if head.dep_ in ("pobj", "compound", "nmod", "nummod", "amod", "npadvmod") else head
    if noun.dep_ in ("amod", "compound") and noun.head.lemma_.lower() in words("pace_noun"):
        noun = noun.head  # "a 1.2 percent annualized rate"
    if noun.lower_ == "of" and noun.head.lemma_.lower() in words("pace_noun"):
        noun = noun.head
    pace = noun.lemma_.lower() in words("pace_noun")
    if not pace or noun.dep_ != "pobj" or noun.head.lower_ not in PACE_PREPOSITIONS:
        return None
    verb = noun.head.head
    for _ in range(3):  # "grew at a little more than a 2 percent pace": up through 'more than' to the verb
        if verb.pos_ in VERBS or verb.head.i == verb.i:
            break
        verb = verb.head
    if verb.pos_ not in VERBS:
        return None
    subj = next((c for c in verb.children if c.dep_ in SUBJECTS), None)
    if subj is None and verb.dep_ == "relcl" and verb.head.pos_ in NOMINALS:
        subj = verb.head  # "earnings, which grew at an annual rate of 5%"
    if subj is None or subj.pos_ == "PRON" and verb.dep_ != "relcl":
        return None
    if subj.pos_ == "PRON" or subj.lower_ in ("which", "that"):
        subj = verb.head if verb.dep_ == "relcl" else None
    if subj is None:
        return None
    what = noun_phrase(past_generic(subj), span_tokens(t.span))  # "the increase in earnings": earnings
    rate = noun_phrase(noun, span_tokens(t.span))
    if rate.lower() != noun.lower_:  # "a 12-month rate of 2.9 percent": the window names the statistic
        return f"{rate} of {what}", "measured-pace-subject"
    return what, "measured-pace-subject"


PACE_PREPOSITIONS = frozenset({"at", "by", "to", "than", "below", "above", "near", "around", "under", "over"})


SHARE_WORDS = frozenset({"half", "third", "quarter", "fifth", "majority", "minority"})


def share_predicate(t: Target, lex: ContextLexicon) -> MeasuredHit | None:
    """A bare share that is the subject of 'be' or 'have' measures what the clause says it is or has:
    'Of all households, 46.7% were married couples' -> 'married couples', 'About 30% are women', '7.5% had a
    female householder', '43.0% were non-families' (`measured-share-predicate`). Not a share of a named whole
    ('30% of voters are women': the whole's strategy), nor the object of another verb."""
    q = t.quantity
    anchor = figure_anchor(t.span, t.head)
    is_share = (q is not None and q.unit == "percent") or anchor.lemma_.lower() in SHARE_WORDS
    verb = anchor.head
    of = next((c for c in anchor.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    if is_share and of is not None and anchor.dep_ == "nsubjpass" and verb.tag_ == "VBN" and verb.i > anchor.i:
        return _whole_done_to(of, verb, t)  # "Nearly a third of the wheat crop was lost"
    if not is_share or anchor.dep_ not in SUBJECTS or verb.lemma_.lower() not in ("be", "have") or verb.i < anchor.i:
        return None
    if of is not None:
        return _whole_in_state(of, verb, t)
    doc = t.span.doc
    # the words right after the verb (the parser may hang them on a later clause: "were married couples
    # living together and 43.0% were ...")
    for tok in doc[verb.i + 1 : t.sent.end]:
        if tok.pos_ in ("DET", "ADV", "PART"):
            continue
        end = tok.i + 2 if tok.i + 2 < len(doc) and doc[tok.i + 1].text == "-" and not tok.whitespace_ else tok.i
        if end > tok.i and not doc[tok.i + 1].whitespace_:  # "non-families": one hyphenated word
            head = doc[end].head  # "opposite-sex married couples": the noun the word modifies
            if head.i > end and head.pos_ in NOMINALS and doc[end].dep_ in ("amod", "compound", "nmod"):
                return doc[tok.i : head.i + 1].text, "measured-share-predicate"
            return doc[tok.i : end + 1].text, "measured-share-predicate"
        if tok.pos_ in NOMINALS:
            return noun_phrase(tok, span_tokens(t.span)), "measured-share-predicate"
        if tok.pos_ == "ADJ" and tok.head.i == verb.i:  # "are functionally illiterate"
            return doc[tok.left_edge.i : tok.i + 1].text, "measured-share-predicate"
        if tok.pos_ == "ADJ":
            continue  # "were married couples": the noun's adjective
        return None
    return None


def _whole_in_state(of: Token, verb: Token, t: Target) -> MeasuredHit | None:
    """'About 30% of adults in the UK are obese', 'Some 12% of households were without power': a share of a
    named whole that is in a state measures the part of the whole in it ('adults that are obese');
    '30% of voters are women' leaves the whole to its own strategy."""
    whole = next((c for c in of.children if c.dep_ == "pobj"), None)
    if whole is None or verb.lemma_.lower() != "be":
        return None
    state = next((c for c in verb.children if c.i > verb.i and c.dep_ in ("acomp", "attr") and c.pos_ == "ADJ"), None)
    if state is None:
        state = next((c for c in verb.children if c.i > verb.i and c.dep_ == "prep" and c.lower_ == "without"), None)
    if state is None:
        return None
    doc = verb.doc
    end = min(state.right_edge.i + 1, state.i + 6)
    end = next((w.i for w in doc[state.i : end] if w.is_punct or w.dep_ == "cc"), end)
    if whole.pos_ == "PRON":  # "about 90% of them are Islamic in nature": the group is named before
        return doc[state.i : end].text, "measured-share-predicate"
    return f"{noun_phrase(whole, span_tokens(t.span))} that {verb.text} {doc[state.i : end].text}", (
        "measured-share-predicate"
    )


def _whole_done_to(of: Token, verb: Token, t: Target) -> MeasuredHit | None:
    """'Nearly a third of the country's wheat crop was lost', '40% of homes were destroyed': a share of a whole
    that a passive verb acts on measures the part it acted on ('wheat crop lost')."""
    whole = next((c for c in of.children if c.dep_ == "pobj"), None)
    if whole is None or whole.pos_ == "PRON":
        return None
    particle = next((c for c in verb.children if c.dep_ == "prt"), None)
    done = verb.text + (f" {particle.text}" if particle else "")
    if not any(c.like_num for c in whole.subtree):  # "(43%) of the $900.0 million be used for DM": what is done
        done = f"{noun_phrase(whole, span_tokens(t.span))} {done}"
    preps = ("on", "for", "to", "of") if particle is not None else ("on", "for", "to")  # "made up of"
    prep = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ in preps), None)
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
    if pobj is not None and pobj.pos_ in NOMINALS and pobj.ent_type_ not in ("DATE", "TIME"):
        done += f" {prep.text} {noun_phrase(pobj)}"  # "budget spent on defense"
    return done, "measured-share-predicate"


def clause_subject(verb: Token) -> Token | None:
    """The verb's subject; of two, the one after an evidence verb the parser made a compound ("Data from the
    BLS show wages grew 4.1%": wages)."""
    subjects = [c for c in verb.children if c.dep_ in SUBJECTS]
    if len(subjects) > 1 and any(
        t.pos_ == "VERB" and t.lemma_.lower() in words("evidence_verb")
        for t in verb.doc[subjects[0].i : subjects[-1].i]
    ):
        return subjects[-1]
    return subjects[0] if subjects else None


def own_move(verb: Token, subj: Token, t: Target) -> bool:
    """Is the change verb the subject's own move ('The Dow lost 300 points', 'Exports are raised 100 million
    bushels': the Dow, exports), not an amount an agent gains or loses ('the federal government could lose
    $233 billion': what it loses)?"""
    if verb.lemma_.lower() not in change_verbs():
        return False
    q = t.quantity
    agent = subj.ent_type_ in AGENT_ENTITIES or subj.lemma_.lower() in words("institution_noun")
    return not (agent and q is not None and q.kind == "currency" and " per " not in (q.unit or ""))


DIRECTIONS = frozenset({"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest"})


def distance_from(t: Target, lex: ContextLexicon) -> MeasuredHit | None:
    """'around 150 kilometers from the provincial capital Quetta', 'a village 40 miles north of the border',
    'about 6 kilometers away from the site': a length measured from a place is the distance from it, not
    the subject of the clause ('the area', 'passengers')."""
    q = t.quantity
    if q is None or q.kind != "length":
        return None
    doc = t.span.doc
    k = t.span.end
    if k < len(doc) and doc[k].lower_ == "away":
        k += 1
    toward = k + 1 < len(doc) and doc[k].lower_ in DIRECTIONS and doc[k + 1].lower_ == "of"
    k += 1 if toward else 0
    if k >= len(doc) or not (doc[k].lower_ == "from" or toward):
        return None
    pobj = next((c for c in doc[k].children if c.dep_ == "pobj"), None)
    if pobj is None or pobj.pos_ not in NOMINALS:
        return None
    return f"distance from {noun_phrase(pobj, span_tokens(t.span))}", "measured-distance-from"


TIME_TAKING_VERBS = frozenset({"need", "take", "require", "spend"})


def time_needed(t: Target, lex: ContextLexicon) -> MeasuredHit | None:
    """'Iran would have needed one year to complete the necessary steps', 'It took three years to build the
    plant': a duration a verb of needing or taking has as its object, with an infinitive of purpose, is the
    time needed to do that (`measured-time-needed`); without one, the clause says what lasted."""
    q, head = t.quantity, t.head
    if q is None or q.kind != "duration" or head.dep_ not in ("dobj", "npadvmod"):
        return None
    if head.head.lemma_.lower() not in TIME_TAKING_VERBS:
        return None
    verb = head.head
    purpose = next((c for c in verb.children if c.dep_ in ("xcomp", "advcl") and c.i > head.i and c.tag_ == "VB"), None)
    if purpose is None:
        return None  # "The process took about an hour": the clause's subject says what lasted
    doc = purpose.doc
    end = min(purpose.right_edge.i + 1, purpose.i + 6)
    end = next((w.i for w in doc[purpose.i : end] if w.is_punct and w.text != "-"), end)
    return f"time needed to {doc[purpose.i : end].text}", "measured-time-needed"


def event_duration(t: Target, lex: ContextLexicon) -> MeasuredHit | None:
    """'The Administration waived the Jones Act for 60 days', 'Officials closed the border for two weeks': a
    duration "for" a verb that acts on an object is how long that act lasts, the verb with its object ('waived
    Jones Act'), not the agent (`measured-event-duration`); without an object the clause says what lasted."""
    q, head = t.quantity, t.head
    if q is None or q.kind != "duration" or head.dep_ != "pobj" or head.head.lower_ != "for":
        return None
    verb = head.head.head
    if verb.pos_ not in VERBS:
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN")), None)
    if obj is None or obj.i > head.i:
        return None
    return f"{verb.text} {noun_phrase(obj, span_tokens(t.span))}", "measured-event-duration"


def taken_from(t: Target, lex: ContextLexicon) -> MeasuredHit | None:
    """'the strike will cut half a percentage point off GDP growth', 'The storm shaved $2 billion from the state
    budget': an amount a verb of taking away removes from or off a noun measures that noun, not the agent
    (`measured-taken-from`)."""
    q, head = t.quantity, t.head
    if q is None or q.kind not in ("currency", "percent", "percentage_point") or head.dep_ != "dobj":
        return None
    verb = head.head
    if verb.lemma_.lower() not in words("taking_away_verb"):
        return None
    prep = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("off", "from") and c.i > head.i), None)
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
    if pobj is None or pobj.pos_ not in ("NOUN", "PROPN") or pobj.ent_type_ in AGENT_ENTITIES:
        return None
    return noun_phrase(pobj, span_tokens(t.span)), "measured-taken-from"


def worth_of(t: Target, lex: ContextLexicon) -> MeasuredHit | None:
    """'$16.2 billion worth of copper products': what the money buys."""
    span = t.span
    doc = span.doc
    worth = next((tok for tok in doc[span.end : span.end + 2] if tok.lower_ == "worth"), None)
    if worth is None:
        return None
    nxt = doc[worth.i + 1] if worth.i + 1 < len(doc) else None
    if nxt is not None and nxt.lower_ == "of":
        pobj = next((c for c in nxt.children if c.dep_ == "pobj"), None)
        if pobj is None:
            pobj = next((c for c in doc[nxt.i + 1 : nxt.i + 6] if c.pos_ in NOMINALS and c.dep_ == "pobj"), None)
        if pobj is not None:
            return noun_phrase(pobj, span_tokens(span)), "measured-worth-of"
    return None


VALUATION_PARTICIPLES = frozenset({"valued", "priced", "estimated", "pegged", "assessed", "appraised", "put"})


def valued_at(t: Target, lex: ContextLexicon) -> MeasuredHit | None:
    """'its holdings of IMF SDRs, currently valued at $176.0 billion', 'the shipment, priced at $2 million': a
    participle of valuation measures the noun it describes, the object of the clause it follows when the
    parser hangs it on the verb; 'estimated the number of cases at between 350 and 550 million', with 'at'
    hung on the object: that object."""
    head = figure_anchor(t.span, t.head)
    if head.dep_ == "conj" and head.head.dep_ == "pobj":
        head = head.head  # "between 350 and 550 million": the range's first number holds the 'at'
    at = head.head
    if head.dep_ != "pobj" or at.lower_ != "at":
        return None
    inside = span_tokens(t.span)
    owner = at.head
    if owner.pos_ in NOMINALS and owner.dep_ in ("dobj", "nsubjpass") and owner.head.pos_ in VERBS:
        if owner.head.lemma_.lower() in ("estimate", "put", "peg", "value", "price", "assess", "place"):
            return noun_phrase(past_generic(owner), inside), "measured-valued-at"
        return None
    if owner.lower_ not in VALUATION_PARTICIPLES or owner.tag_ not in ("VBN", "VBD"):
        return None
    if owner.dep_ == "acl" and owner.head.pos_ in NOMINALS:
        return noun_phrase(past_generic(owner.head), inside), "measured-valued-at"
    if owner.dep_ == "advcl":
        obj = next((c for c in owner.head.children if c.dep_ == "dobj"), None)
        if obj is not None and obj.pos_ in NOMINALS and obj.i < owner.i:
            return noun_phrase(past_generic(obj), inside), "measured-valued-at"
    return None


def multiplied_object(t: Target, lex: ContextLexicon) -> MeasuredHit | None:
    """'Feed shortages have more than doubled the price of chicken': a multiplier verb with an object
    multiplies that object, not its subject (the cause)."""
    q = t.quantity
    if q is None or q.unit != "times":
        return None
    verb = next((tok for tok in t.span if tok.pos_ == "VERB"), None)
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None) if verb is not None else None
    if obj is None or obj.pos_ not in NOMINALS:
        return None
    return noun_phrase(past_generic(obj), span_tokens(t.span)), "measured-multiplied-object"


RESPONSE_VERBS = frozenset(
    {"report", "cite", "say", "expect", "experience", "plan", "support", "oppose", "favor", "favour", "prefer",
     "agree", "believe", "want", "feel", "indicate", "identify", "describe", "consider"}
)  # fmt: skip
PRONOUNS = frozenset({"them", "they", "these", "those", "us", "you"})


def respondent_share(t: Target, lex: ContextLexicon) -> MeasuredHit | None:
    """'An estimated 34 percent of health care workers reported symptoms of depression, and 57 percent reported
    experiencing symptoms of anxiety', 'About 40 percent of respondents cited rising costs': a share that is the
    subject of a verb of responding measures the share of the group that said or did what the verb's object
    names ('health care workers who reported experiencing symptoms of anxiety'; `measured-respondent-share`)."""
    q, head = t.quantity, t.head
    if q is None or q.kind != "percent" or head.dep_ not in ("nsubj", "nsubjpass"):
        return None
    verb = head.head
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in RESPONSE_VERBS:
        return None
    doc = head.doc
    if any(w.pos_ in ("VERB", "AUX") for w in doc[head.right_edge.i + 1 : verb.i]):
        return None  # the parser took a later verb for the share's: "85 percent of museums report having ..."
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "xcomp", "ccomp") and c.i > verb.i), None)
    if obj is None or obj.pos_ == "ADV":
        return None
    end = min(obj.right_edge.i + 1, obj.left_edge.i + 8)
    end = next((w.i for w in doc[obj.left_edge.i : end] if w.is_punct and w.text != "-" or w.dep_ == "cc"), end)
    group = _respondents(head)
    if group is not None and group.lower() in PRONOUNS:
        return None  # "91 percent of them": the group is named before (`measured-antecedent`)
    what = f"{verb.text} {doc[obj.left_edge.i : end].text}"
    return (f"{group} who {what}" if group else what), "measured-respondent-share"


def _respondents(share: Token) -> str | None:
    """The group a share is 'of' ('34 percent of health care workers'), or that of the share it is coordinated
    with ('..., and 57 percent reported ...')."""
    for tok in (share, share.head.head if share.head.dep_ == "conj" else None):
        if tok is None:
            continue
        of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        if tok is not share:
            subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            of = next((c for c in subj.children if c.dep_ == "prep" and c.lower_ == "of"), None) if subj else None
        pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if pobj is not None:
            return noun_phrase(pobj)
    return None


def age_of_owner(t: Target, lex: ContextLexicon) -> MeasuredHit | None:
    """'Joseph, in his 20s, ...', 'a man in his 50s', 'The victims were in their 30s': a decade of life measures
    the age of the person the possessive stands for: the noun "in" hangs on, else the clause's subject
    (`measured-age-of`)."""
    q, span = t.quantity, t.span
    doc = span.doc
    if q is None or q.unit != "year of age" or span.start == 0 or doc[span.start - 1].tag_ != "PRP$":
        return None
    if not (span[-1].text[:1].isdigit() and span[-1].text.endswith("0s")):
        return None
    owner = doc[span.start - 1]
    prep = owner.head.head if owner.head.head.lower_ == "in" else None
    person = None
    if prep is not None and prep.head.pos_ in NOMINALS:
        person = prep.head
    elif prep is not None and prep.head.pos_ in VERBS:
        person = clause_subject(prep.head)
    if person is None or person.pos_ == "PRON":
        return "age", "measured-age-of"
    return f"age of {noun_phrase(person, span_tokens(span))}", "measured-age-of"


IRREGULAR_PARTICIPLES = {"flee": "fled", "hurt": "hurt", "strand": "stranded"}


def person_event(noun: Token) -> Token | None:
    """The verb of what happened to people counted as its subject or object ('eight million people died',
    '14 million people have been displaced', 'killed 150,000 Americans'; words.jsonl role `person_verb`):
    a death toll measures the deaths, not the people."""
    verb = noun.head
    if noun.dep_ in (*SUBJECTS, "dobj") and verb.pos_ in VERBS and verb.lemma_.lower() in words("person_verb"):
        return verb
    return None


def participle(verb: Token) -> str:
    """What happened to the people, as a participle: 'killed' whether the text says 'killed' or 'kill'
    ('Floods kill 40 people a year': 'people killed'; 'Amazon employs 1.5 million people': 'people employed')."""
    if verb.tag_ in ("VBD", "VBN"):
        return verb.text
    lemma = verb.lemma_.lower()
    if lemma in IRREGULAR_PARTICIPLES:
        return IRREGULAR_PARTICIPLES[lemma]
    return lemma + "d" if lemma.endswith("e") else lemma + "ed"


STATE_VERBS = frozenset({"be", "remain", "stay"})


def counted_state(noun: Token) -> str | None:
    """The state counted people or things are in, as the clause says it: 'Two hundred prisoners remain at
    large' ('at large'), 'Five people are still missing' ('missing'), 'Three workers are in custody'."""
    verb = noun.head
    if noun.dep_ not in SUBJECTS or verb.i < noun.i:
        return None
    if verb.lower_ == "missing":  # "are still missing": the parser makes the state the verb
        return "missing"
    if verb.lemma_.lower() not in STATE_VERBS:
        return None
    for c in verb.children:
        if c.i < verb.i:
            continue
        if c.dep_ == "acomp" and c.pos_ == "ADJ":
            return c.text
        if c.dep_ == "prep" and c.lower_ in ("at", "in", "on", "under", "without"):
            rest = next((g for g in c.children if g.dep_ in ("pobj", "amod")), None)  # "at large"
            if rest is not None and rest.ent_type_ not in ("DATE", "TIME", "GPE", "LOC"):
                return c.doc[c.i : rest.i + 1].text
    return None
