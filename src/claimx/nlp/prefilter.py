"""Doing less work: find the sentences that can hold a quantity before the statistical pipeline runs.

Most sentences of an article hold no number. A blank English tokenizer with a rule-based sentencizer
(about 70 times faster than tagging and parsing) splits each paragraph; a sentence is a candidate when
one of its tokens can start a number by the quantity reader's own test (`claimx.nlp.numbers.can_start_number`:
digits in any script, vulgar fractions, number, ordinal, fraction and multiplier words), so every sentence the
reader can read a number from is parsed. A candidate that refers back ("It said output rose 7%", "the company
expects") is parsed together with the sentence before it, where the source rules look for the name
("Barrick runs the mine."); the others are parsed alone.
"""

from __future__ import annotations

from functools import cache

import spacy
from spacy.language import Language

from claimx.nlp.numbers import ARTICLES, bounded_article_unit, can_start_number
from claimx.rulefiles import word_list


@cache
def sentence_splitter() -> Language:
    """A blank English pipeline with the rule-based sentencizer."""
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


def has_number(tokens) -> bool:
    """Can a number be read from any token? The quantity reader's own test, `can_start_number`.

    Asked of a whole sentence, the test needs look-ahead only for "a"/"an" before a unit read as one ("a
    percentage point"); before a word that can start a number, that word is in the sentence too.
    """
    toks = list(tokens)
    return any(
        can_start_number(t.text, toks[k + 1].text if t.lower_ in ARTICLES and k + 1 < len(toks) else None)
        or (
            t.lower_ in ARTICLES
            and 0 < k < len(toks) - 1
            and bounded_article_unit(toks[k - 1].text, t.text, toks[k + 1].text)
        )
        for k, t in enumerate(toks)
    )


def refers_back(tokens) -> bool:
    """Does a sentence hold a word the source rules resolve from the sentence before ('it', 'the company')?"""
    back = word_list("source_pronoun") | word_list("source_definite")
    return any(t.lower_ in back for t in tokens)


def _after_abbreviation(sents, k: int) -> bool:
    """Did the splitter end the sentence before at an abbreviation's period ("S.Con.Res. 33 was adopted",
    "see No. 5", "the U.S. and p. 12")? The next one then opens on a digit or a lower-case word, and
    the two are one sentence, parsed together; a lower-case abbreviation of a reference (words.jsonl role
    `reference_abbreviation`: "see fig. 2") before a digit too."""
    if k == 0 or len(sents[k - 1]) < 2 or not sents[k][0].text[:1].isalnum():
        return False
    word, stop = sents[k - 1][-2], sents[k - 1][-1]
    first = sents[k][0].text[:1]
    letters = word.text.replace(".", "")
    short = letters.isalpha() and (len(word) <= 4 or "." in word.text) and not word.whitespace_ and stop.text == "."
    fragment = len(sents[k]) == 2 and sents[k][0].is_alpha and len(sents[k][0]) <= 4 and sents[k][1].text == "."
    reference = word.lower_ in word_list("reference_abbreviation")  # "(See fig." | "2.)"
    return short and (first.islower() or first.isdigit() and (word.text[:1].isupper() or reference) or fragment)


def candidate_windows(text: str, *, context: int = 1) -> tuple[list[tuple[int, int]], int]:
    """Character windows of `text` worth parsing, and the number of sentences in it.

    Each window is a run of candidate sentences, each with the `context` sentences before it when it
    refers back (see `refers_back`); overlapping or touching windows are merged.
    """
    doc = sentence_splitter()(text)
    sents = list(doc.sents)
    keep = [False] * len(sents)
    for k, s in enumerate(sents):
        if has_number(s):
            before = context if refers_back(s) else 0
            while k - before > 0 and _after_abbreviation(sents, k - before):
                before += 1  # "S.Con." | "Res." | "33 by a vote": one sentence
            for j in range(max(0, k - before), k + 1):
                keep[j] = True
    windows: list[tuple[int, int]] = []
    for k, s in enumerate(sents):
        if not keep[k]:
            continue
        start, end = s.start_char, s.end_char
        if windows and (keep[k - 1] if k > 0 else False):
            windows[-1] = (windows[-1][0], end)
        else:
            windows.append((start, end))
    return windows, len(sents)
