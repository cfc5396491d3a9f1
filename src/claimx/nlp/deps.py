"""Named sets of dependency labels and tags, in one place, for every rule that reads the parse.

The labels are those of spaCy's English models (ClearNLP style). A rule names the set it means
("a word that modifies a noun", "a subject") instead of re-declaring a tuple of labels.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

SUBJECTS = frozenset({"nsubj", "nsubjpass"})
OBJECTS = frozenset({"dobj", "obj"})
# a word that modifies the noun it hangs on ("11 mineral commodities", "second-largest mines")
NOUN_MODIFIERS = frozenset({"nummod", "quantmod", "compound", "amod", "nmod", "npadvmod"})
# links inside a noun phrase: a number on one of these is part of a nominal, not a clause's argument
NOMINAL_LINKS = frozenset({"compound", "nmod", "amod", "poss", "nummod", "quantmod"})
# left children that belong to a short readable noun phrase
PHRASE_CHILDREN = frozenset({"compound", "amod", "nmod", "poss", "npadvmod"})
# modifiers a date hangs on a noun with ("2024 U.S. tariff rates")
DATE_MODIFIERS = frozenset({"compound", "nummod", "amod", "nmod"})
# how a number can hang on a change verb and be the change ("rose 5%", "5% higher", "grew by")
CHANGE_VERB_ARGS = frozenset(
    {"dobj", "obj", "npadvmod", "advmod", "attr", "nmod", "nsubj", "quantmod", "acomp", "oprd", "ccomp", "dep",
     "xcomp", "advcl"}
)  # fmt: skip
# an adverb or adjective after a figure ("5% higher"); "" is a Doc without a parse
ADVERBIALS = frozenset({"advmod", "amod", "npadvmod", "acomp", ""})
RELATIVE_CLAUSES = frozenset({"relcl", "acl"})
# clauses a figure's clause can hang on, climbed through to reach the subject
CLAUSE_LINKS = frozenset({"acl", "relcl", "xcomp", "ccomp", "advcl", "conj"})
# where a source's noun phrase ends
PHRASE_BREAKS = frozenset({"relcl", "appos", "acl"})
# entity labels of things that are named, not dated ("the Trade Act of 1974")
NAMED_THINGS = frozenset({"LAW", "ORG", "EVENT", "WORK_OF_ART", "FAC", "PRODUCT"})
# a named place, people or organisation: who acts or where, never what a figure measures
AGENT_ENTITIES = frozenset({"GPE", "NORP", "ORG", "PERSON", "LOC", "FAC"})
# entity labels a source can carry
SOURCE_ENTITIES = frozenset({"ORG", "PERSON", "GPE", "NORP"})
COUNTABLE_TAGS = frozenset({"NN", "NNS"})
PLURAL_TAGS = frozenset({"NNS", "NNPS"})
NOMINALS = frozenset({"NOUN", "PROPN"})
VERBS = frozenset({"VERB", "AUX"})

# words that join the two ends of a range ("5.6% to 7.9%", "between 5 and 10")
RANGE_LINKS = frozenset({"to", "and", "-", "–", "—", "through"})


def phrase_head(span: Span) -> Token:
    """The syntactic head of a quantity's words: the span's root, except that a range whose connector the
    parser hung outside it ("reduce capital by 5.6% to 7.9%": "to 7.9%" on the verb) is read where its first
    end is."""
    head = span.root
    if head.i > span.start and head.lower_ in RANGE_LINKS and head.head.i not in range(span.start, span.end):
        head = span.doc[span.start : head.i].root
    return head


def nominal_gerund(t: Token) -> bool:
    """A gerund subject that is a noun ('Spending for fiscal 2025 is $10 billion', 'Ending stocks for 2025/26
    are ...'), not a clause with a subject, adverb or auxiliary of its own ('Raising rates in 2022 was ...')."""
    return (
        t.dep_ in ("csubj", "nsubj", "nsubjpass")
        and t.tag_ == "VBG"
        and t.i == t.left_edge.i
        and not any(c.dep_ in ("nsubj", "aux", "neg", "advmod", "ccomp", "xcomp") for c in t.children)
        and not any(c.dep_ == "dobj" and c.i > t.i + 1 for c in t.children)
    )
