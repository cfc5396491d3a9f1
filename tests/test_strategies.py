"""Reading rules and context strategies, each on a hand-built Doc (words, heads, deps, tags), no model.

As spaCy's own tests do: a rule is tested on the parse it is written for, so a test fails when the rule
breaks, not when the statistical model changes its mind.
"""

from functools import cache

import pytest
import spacy
from spacy.tokens import Doc

from claimx.nlp.context import ContextLexicon, measured, sources, time
from claimx.nlp.context.hedges import find_hedges
from claimx.nlp.context.target import Target
from claimx.nlp.quantities import QuantityLexicon
from claimx.nlp.quantities.exclusions import glued_code, hyphenated_name, list_enumerator
from claimx.nlp.quantities.money import currency_before, money_name_at
from claimx.nlp.quantities.numerals import read_core
from claimx.nlp.quantities.qualifiers import syntactic_change
from claimx.nlp.quantities.ranges import read_range
from claimx.nlp.quantities.state import Found, View, sentence_starts
from claimx.nlp.quantities.units import counted_noun, read_per
from claimx.nlp.readings import ArticleContext, QuantityReading

BLANK = spacy.blank("en")


@cache
def qlex() -> QuantityLexicon:
    return QuantityLexicon.build(lambda phrase: [t.text for t in BLANK.tokenizer(phrase)])


@cache
def clex() -> ContextLexicon:
    return ContextLexicon.build()


def parsed(spec: str, *, ents: dict[str, str] | None = None, published: int | None = 2025) -> Doc:
    """A Doc from 'word/POS/TAG/dep/head ...' (head: index of the head word, the word itself for ROOT)."""
    rows = [tok.split("/") for tok in spec.split()]
    words = [r[0] for r in rows]
    lemma = {"rose": "rise", "fell": "fall", "said": "say", "exported": "export", "runs": "run"}
    doc = Doc(
        BLANK.vocab,
        words=words,
        pos=[r[1] for r in rows],
        tags=[r[2] for r in rows],
        deps=[r[3] for r in rows],
        heads=[int(r[4]) for r in rows],
        lemmas=[lemma.get(w.lower(), w.lower()) for w in words],
        ents=[(ents or {}).get(w, "O") for w in words],
    )
    doc._.claimx_context = ArticleContext(published_year=published)
    return doc


def reading(doc: Doc, start: int, end: int, head: int, **kw) -> QuantityReading:
    fields = dict(value=None, low=None, high=None, bound="=", unit=None, unit_text=None, kind="other", change=None)
    fields.update(kw)
    return QuantityReading(
        **fields,
        core_start=start,
        core_end=end,
        head=head,
        unit_expr=None,
        end_char=doc[end - 1].idx,
        measured_head=None,
    )


def view(doc: Doc) -> View:
    return View(doc, qlex(), sentence_starts(doc), ArticleContext())


# -- measured concept ---------------------------------------------------------------------------------
COAL = (
    "Pakistan/PROPN/NNP/nsubj/1 possesses/VERB/VBZ/ROOT/1 185/NUM/CD/compound/3 billion/NUM/CD/nummod/4 "
    "tons/NOUN/NNS/dobj/1 of/ADP/IN/prep/4 coal/NOUN/NN/pobj/5 ./PUNCT/./punct/1"
)


def test_strategies_measured_complement_of_the_unit():
    doc = parsed(COAL)
    q = reading(doc, 2, 5, 4, unit="metric ton", kind="mass")
    assert measured.complement(Target(doc[2:5], doc[4], doc[2:5].sent, q), clex()) == ("coal", "measured-complement")
    assert measured.find_measured(Target(doc[2:5], doc[4], doc[2:5].sent, q), clex()) == ("coal", "measured-complement")


@pytest.mark.parametrize(
    "spec,expected",
    [
        # a state verb: the level of its subject
        ("Reserves/NOUN/NNS/nsubj/1 total/VERB/VBP/ROOT/1 $/SYM/$/dobj/1 5/NUM/CD/nummod/2 ./PUNCT/./punct/1",
         ("Reserves", "measured-subject")),
        # an action verb: who did what
        ("The/DET/DT/det/2 United/PROPN/NNP/compound/2 States/PROPN/NNP/nsubj/3 exported/VERB/VBD/ROOT/3 "
         "$/SYM/$/dobj/3 5/NUM/CD/nummod/4 ./PUNCT/./punct/3", ("United States exported", "measured-subject-verb")),
    ],
)  # fmt: skip
def test_strategies_measured_clause_state_and_action_verbs(spec, expected):
    doc = parsed(spec)
    dollar = next(t for t in doc if t.text == "$")
    span = doc[dollar.i : dollar.i + 2]
    q = reading(doc, dollar.i, dollar.i + 2, dollar.i, unit="USD", kind="currency", value=5)
    assert measured.find_measured(Target(span, dollar, span.sent, q), clex()) == expected


def test_strategies_measured_modified_noun():
    doc = parsed("$/SYM/$/nmod/4 8/NUM/CD/nummod/0 trillion/NUM/CD/compound/1 resource/NOUN/NN/compound/4 "
                 "potential/NOUN/NN/ROOT/4")  # fmt: skip
    q = reading(doc, 0, 3, 0, unit="USD", kind="currency", value=8e12)
    assert measured.find_measured(Target(doc[0:3], doc[0], doc[0:3].sent, q), clex()) == (
        "resource potential",
        "measured-modified-noun",
    )


RANKING = (
    "Countries/NOUN/NNS/nsubj/5 with/ADP/IN/prep/0 the/DET/DT/det/4 highest/ADJ/JJS/amod/4 rate/NOUN/NN/pobj/1 "
    "were/AUX/VBD/ROOT/5 Angola/PROPN/NNP/attr/5 (/PUNCT/-LRB-/punct/6 56.9/NUM/CD/appos/6 )/PUNCT/-RRB-/punct/6 "
    "./PUNCT/./punct/5"
)


def test_strategies_measured_ranking_criterion_not_the_ranked_noun():
    doc = parsed(RANKING, ents={"Angola": "B-GPE"})
    doc[5].lemma_ = "be"
    q = reading(doc, 8, 9, 8, value=56.9)
    target = Target(doc[8:9], doc[8], doc[8:9].sent, q)
    assert measured.ranking_criterion(target, clex()) == ("rate", "measured-ranking-criterion")
    doc = parsed(RANKING.replace("highest/ADJ/JJS", "high/ADJ/JJ"), ents={"Angola": "B-GPE"})
    doc[5].lemma_ = "be"
    target = Target(doc[8:9], doc[8], doc[8:9].sent, q)
    assert measured.ranking_criterion(target, clex()) is None, "no superlative, no ranking"
    doc = parsed(RANKING)  # "Angola" not a place: the bracket names what the figure is about (bracket_noun)
    doc[5].lemma_ = "be"
    assert measured.ranking_criterion(Target(doc[8:9], doc[8], doc[8:9].sent, q), clex()) is None


def test_strategies_measured_strategies_run_in_their_declared_order():
    names = [s.__name__ for s in measured.MEASURED_STRATEGIES]
    assert names[:2] == ["elided", "comparison_baseline"] and names[-1] == "clause"
    assert names.index("bracket_noun") < names.index("counted_noun") < names.index("clause")
    # "pork (+83%)": the bracket rule decides before the clause around the figure is read
    doc = parsed("Prices/NOUN/NNS/nsubj/1 rose/VERB/VBD/ROOT/1 for/ADP/IN/prep/1 pork/NOUN/NN/pobj/2 "
                 "(/PUNCT/-LRB-/punct/5 +83/NUM/CD/appos/3 %/NOUN/NN/punct/5 )/PUNCT/-RRB-/punct/5")  # fmt: skip
    q = reading(doc, 5, 7, 5, unit="percent", kind="percent", value=83)
    assert measured.find_measured(Target(doc[5:7], doc[5], doc[5:7].sent, q), clex()) == (
        "pork",
        "measured-bracket-noun",
    )


# -- sources ------------------------------------------------------------------------------------------
USGS = (
    "According/VERB/VBG/prep/6 to/ADP/IN/prep/0 the/DET/DT/det/3 USGS/PROPN/NNP/pobj/1 ,/PUNCT/,/punct/6 "
    "exports/NOUN/NNS/nsubj/6 rose/VERB/VBD/ROOT/6 5/NUM/CD/nummod/8 %/NOUN/NN/dobj/6 ,/PUNCT/,/punct/6 "
    "analysts/NOUN/NNS/nsubj/11 said/VERB/VBD/ccomp/6 ./PUNCT/./punct/6"
)


def test_strategies_source_according_to_beats_a_reporting_verb():
    doc = parsed(USGS, ents={"USGS": "B-ORG"})
    span = doc[7:9]
    hit = sources.find_source(Target(span, doc[8], span.sent), clex())
    assert hit is not None
    reading_, rule = hit
    assert (reading_.text, reading_.kind, reading_.cue, rule) == ("USGS", "organization", "according to",
                                                                  "src-according-to")  # fmt: skip
    assert [s.__name__ for s in sources.SOURCE_STRATEGIES][0] == "according_to"


def test_strategies_source_reporting_verb_subject():
    doc = parsed("Sales/NOUN/NNS/nsubj/1 rose/VERB/VBD/ccomp/6 5/NUM/CD/nummod/3 %/NOUN/NN/dobj/1 ,/PUNCT/,/punct/6 "
                 "analysts/NOUN/NNS/nsubj/6 said/VERB/VBD/ROOT/6 ./PUNCT/./punct/6")  # fmt: skip
    hit = sources.reporting_verb(Target(doc[2:4], doc[3], doc[2:4].sent), clex())
    assert hit is not None and (hit[0].text, hit[0].kind, hit[0].cue) == ("analysts", "unnamed", "said")
    assert sources.according_to(Target(doc[2:4], doc[3], doc[2:4].sent), clex()) is None


def test_strategies_source_pronoun_resolves_to_an_earlier_organization():
    doc = parsed(
        "Barrick/PROPN/NNP/nsubj/1 runs/VERB/VBZ/ROOT/1 mines/NOUN/NNS/dobj/1 ./PUNCT/./punct/1 "
        "It/PRON/PRP/nsubj/5 said/VERB/VBD/ROOT/5 output/NOUN/NN/nsubj/7 rose/VERB/VBD/ccomp/5 "
        "7/NUM/CD/nummod/9 %/NOUN/NN/dobj/7 ./PUNCT/./punct/5",
        ents={"Barrick": "B-ORG"},
    )
    hit = sources.reporting_verb(Target(doc[8:10], doc[9], doc[8:10].sent), clex())
    assert hit is not None and hit[0].text == "Barrick"


def test_strategies_source_never_the_articles_author():
    spec = (
        "Sales/NOUN/NNS/nsubj/1 rose/VERB/VBD/ccomp/6 5/NUM/CD/nummod/3 %/NOUN/NN/dobj/1 ,/PUNCT/,/punct/6 "
        "Smith/PROPN/NNP/nsubj/6 said/VERB/VBD/ROOT/6 ./PUNCT/./punct/6"
    )
    doc = parsed(spec, ents={"Smith": "B-PERSON"})
    doc._.claimx_context = ArticleContext(author="Jane Smith")
    assert sources.find_source(Target(doc[2:4], doc[3], doc[2:4].sent), clex()) is None


# -- time ---------------------------------------------------------------------------------------------
def _exports(when: str, ents: dict[str, str]) -> Doc:
    return parsed(
        f"Exports/NOUN/NNS/nsubj/1 rose/VERB/VBD/ROOT/1 5/NUM/CD/nummod/3 %/NOUN/NN/dobj/1 {when} ./PUNCT/./punct/1",
        ents=ents,
    )


def test_strategies_time_a_dated_prepositional_phrase_on_the_figures_verb():
    doc = _exports("in/ADP/IN/prep/1 2023/NUM/CD/pobj/4", {"2023": "B-DATE"})
    hit = time.find_time(Target(doc[2:4], doc[3], doc[2:4].sent), clex())
    assert hit is not None and (hit[0].text, hit[0].year, hit[1]) == ("2023", 2023, "time-year")


def test_strategies_time_a_relative_year_against_the_article_date():
    doc = _exports("last/ADJ/JJ/amod/5 year/NOUN/NN/npadvmod/1", {"last": "B-DATE", "year": "I-DATE"})
    hit = time.find_time(Target(doc[2:4], doc[3], doc[2:4].sent), clex())
    assert hit is not None and (hit[0].text, hit[0].year, hit[1]) == ("last year", 2024, "time-relative-year")


def test_strategies_time_a_baseline_after_than_is_not_the_figures_time():
    doc = parsed("Spending/NOUN/NN/nsubj/1 was/AUX/VBD/ROOT/1 $/SYM/$/attr/1 10/NUM/CD/nummod/2 less/ADJ/JJR/amod/2 "
                 "than/ADP/IN/prep/4 2024/NUM/CD/pobj/5 ./PUNCT/./punct/1", ents={"2024": "B-DATE"})  # fmt: skip
    assert time.find_time(Target(doc[2:4], doc[2], doc[2:4].sent), clex()) is None


def test_strategies_time_a_number_read_as_a_year_dates_the_figure():
    doc = _exports("in/ADP/IN/prep/1 2023/NUM/CD/pobj/4", {})
    doc._.claimx_years = [(5, 6, 2023)]
    hit = time.find_time(Target(doc[2:4], doc[3], doc[2:4].sent), clex())
    assert hit is not None and (hit[0].year, hit[1]) == (2023, "time-year-number")


# -- hedges -------------------------------------------------------------------------------------------
def test_strategies_hedges_a_modal_on_the_figures_clause_sets_modality():
    doc = parsed("Sales/NOUN/NNS/nsubj/2 could/AUX/MD/aux/2 reach/VERB/VB/ROOT/2 $/SYM/$/dobj/2 5/NUM/CD/nummod/3")
    hedges, modality, rules = find_hedges(Target(doc[3:5], doc[3], doc[3:5].sent), clex())
    assert (hedges, modality) == (["could"], "hypothetical") and rules == ["hedge-hypothetical"]


# -- quantity reading rules ---------------------------------------------------------------------------
def test_strategies_change_from_the_verb_a_figure_is_the_object_of():
    doc = parsed("Exports/NOUN/NNS/nsubj/1 fell/VERB/VBD/ROOT/1 3/NUM/CD/nummod/3 %/NOUN/NN/dobj/1")
    q = Found(2, 4, 3.0, core=(2, 3), head=3)
    assert syntactic_change(view(doc), q) == ("down", "change-verb-down")


def test_strategies_change_from_a_change_noun_the_figure_modifies():
    doc = parsed("a/DET/DT/det/3 7/NUM/CD/nummod/2 %/NOUN/NN/compound/3 increase/NOUN/NN/ROOT/3")
    q = Found(1, 3, 7.0, core=(1, 2), head=2)
    assert syntactic_change(view(doc), q) == ("up", "change-noun-up")


def test_strategies_change_a_level_after_by_of_a_verb():
    doc = parsed("Output/NOUN/NN/nsubj/1 grew/VERB/VBD/ROOT/1 by/ADP/IN/prep/1 4/NUM/CD/nummod/4 %/NOUN/NN/pobj/2")
    q = Found(3, 5, 4.0, core=(3, 4), head=4)
    doc[1].lemma_ = "grow"
    assert syntactic_change(view(doc), q) == ("up", "change-verb-up")


@pytest.mark.parametrize(
    "words,value,rules",
    [
        (["1.2bn"], 1.2e9, ["num-digits", "num-suffix"]),
        (["8", "trillion"], 8e12, ["num-digits", "num-magnitude"]),
        (["10", "1/2"], None, None),
        (["twenty", "-", "five"], 25, ["num-tens", "num-cardinal"]),
        (["a", "third", "of"], 1 / 3, ["num-fraction"]),
        (["the", "two"], None, None),
    ],
)
def test_strategies_numerals_read_a_number_without_a_parse(words, value, rules):
    doc = Doc(BLANK.vocab, words=words)
    core = read_core(view(doc), 0, money=False)
    if value is None:
        assert core is None or core.end == 1
    else:
        assert core is not None and core.value == pytest.approx(value) and core.rule_ids == rules


def test_strategies_range_with_a_connector():
    doc = Doc(BLANK.vocab, words=["70", "-", "80", "%"])
    v = view(doc)
    core = read_core(v, 0, money=False)
    core2, end = read_range(v, core, None)
    assert (core2.value, end) == (80, 3)


def test_strategies_currency_before_and_after_the_number():
    doc = Doc(BLANK.vocab, words=["$", "5", "and", "15", "euros"])
    v = view(doc)
    assert currency_before(v, 1, 0)[1].code == "USD"
    assert money_name_at(v, 4)[1].code == "EUR"


def test_strategies_rate_after_a_figure():
    doc = Doc(BLANK.vocab, words=["$", "70", "a", "share", "and", "$", "1", "a", "year", "earlier"])
    v = view(doc)
    assert read_per(v, 2) == (4, "share")
    assert read_per(v, 7) is None  # "a year earlier" is a time, not a rate


def test_strategies_counted_noun_right_after_a_number():
    doc = Doc(BLANK.vocab, words=["13,000", "workers", "left"], pos=["NUM", "NOUN", "VERB"], tags=["CD", "NNS", "VBD"])
    q = Found(0, 1, 13000.0, core=(0, 1))
    assert counted_noun(view(doc), q, read_core(view(doc), 0, money=False)) == 1


@pytest.mark.parametrize(
    "words,index,rule",
    [
        (["1", ".", "Exports", "rose"], 0, list_enumerator),
        (["24703", "L202"], 0, glued_code),
        (["COVID", "-", "19", "cases"], 2, hyphenated_name),
    ],
)
def test_strategies_names_and_codes_with_digits_are_rejected(words, index, rule):
    doc = Doc(BLANK.vocab, words=words, spaces=[w not in ("COVID", "-", "24703") for w in words])
    v = view(doc)
    core = read_core(v, index, money=False)
    assert core is not None
    why = rule(v, index, core) if rule is hyphenated_name else rule(v, core)
    assert why is not None and why.startswith("not-")


def test_strategies_measured_pace_of_change_is_the_subject_of_the_changing_verb():
    # "GDP grew at a 4.9 percent pace": the measure is GDP, not "pace"
    doc = parsed("GDP/PROPN/NNP/nsubj/1 grew/VERB/VBD/ROOT/1 at/ADP/IN/prep/1 a/DET/DT/det/6 "
                 "4.9/NUM/CD/nummod/5 percent/NOUN/NN/compound/6 pace/NOUN/NN/pobj/2")  # fmt: skip
    q = reading(doc, 4, 6, 5, unit="percent", kind="percent", value=4.9)
    assert measured.pace_of_change(Target(doc[4:6], doc[5], doc[4:6].sent, q), clex()) == (
        "GDP",
        "measured-pace-subject",
    )


def test_strategies_measured_worth_of_is_what_the_money_buys():
    doc = parsed("Imports/NOUN/NNS/nsubj/1 were/AUX/VBD/ROOT/1 $/SYM/$/nmod/3 16/NUM/CD/attr/1 "
                 "billion/NUM/CD/compound/3 worth/ADJ/JJ/amod/3 of/ADP/IN/prep/5 copper/NOUN/NN/compound/8 "
                 "products/NOUN/NNS/pobj/6")  # fmt: skip
    q = reading(doc, 2, 5, 3, unit="USD", kind="currency", value=16e9)
    assert measured.worth_of(Target(doc[2:5], doc[3], doc[2:5].sent, q), clex()) == (
        "copper products",
        "measured-worth-of",
    )


def test_strategies_measured_refuses_a_unit_and_asks_the_next_strategy():
    # "a hashrate of 255 TWh": counted/complement rules would answer the unit; the 'of' noun gives "hashrate"
    doc = parsed("a/DET/DT/det/1 hashrate/NOUN/NN/ROOT/1 of/ADP/IN/prep/1 255/NUM/CD/nummod/4 TWh/NOUN/NN/pobj/2")
    q = reading(doc, 3, 5, 4, unit="terawatt hour", unit_text="TWh", kind="energy", value=255)
    t = Target(doc[3:5], doc[4], doc[3:5].sent, q)
    assert measured.refused("TWh", "measured-counted-noun", t)
    assert measured.find_measured(t, clex()) == ("hashrate", "measured-named-by-of")


def test_strategies_measured_comparative_takes_the_subject_of_its_clause():
    # "prices will average $3.09, 20% lower": "lower" is never what is measured
    doc = parsed("Prices/NOUN/NNS/nsubj/2 will/AUX/MD/aux/2 average/VERB/VB/ROOT/2 $/SYM/$/nmod/4 3.09/NUM/CD/dobj/2 "
                 ",/PUNCT/,/punct/4 20/NUM/CD/nummod/7 %/NOUN/NN/npadvmod/8 lower/ADJ/JJR/amod/4")  # fmt: skip
    q = reading(doc, 6, 8, 7, unit="percent", kind="percent", value=20)
    t = Target(doc[6:8], doc[7], doc[6:8].sent, q)
    assert measured.comparative(t, clex()) == ("Prices", "measured-comparative-subject")
    assert measured.refused("lower", "measured-modified-noun", t)
