"""The other end of a comparison: which date expressions of a sentence are a figure's baseline ('from 2010',
'than in 2019', 'over the previous year', 'as strong as the second half of 2023'), and whether a baseline's cue
hangs on the figure. Used by `time` to keep baselines from dating a level."""

from __future__ import annotations

import re

from spacy.tokens import Token

from claimx.nlp.context.phrases import change_nouns
from claimx.nlp.context.timecands import BASELINE_WORDS, REFERENCE_POINTS, Cand
from claimx.nlp.deps import DATE_MODIFIERS


def is_baseline(c: Cand, doc, figure: Token | None = None) -> bool:
    """Is the expression the other end of a comparison ('from the high rates of 2022', 'than in 2019',
    'compared with 2023', 'from 2010 through 2019', 'its February 2020 level')? Not for a `figure` inside
    that same phrase: in "down from 8.4% the previous year" the previous year is the 8.4%'s own."""
    root = doc[c.start : c.end].root
    if root.dep_ in DATE_MODIFIERS and root.head.lemma_.lower() in REFERENCE_POINTS:
        return True  # "has returned to its February 2020 level", "below its 2022 peak": a reference point
    before = doc[max(c.start - 1, 0)]
    cues = [before] if before.lower_ in BASELINE_WORDS else []
    cues += [t for t in [*root.ancestors][:3] if t.lower_ in BASELINE_WORDS]
    if before.lower_ == "over" and root.head.i == before.i and comparing_over(before, c):
        cues.append(before)
    cues += [t for t in [*root.ancestors][:3] if equative_as(t)]
    if figure is not None:
        cues = [b for b in cues if not (b.left_edge.i <= figure.i <= b.right_edge.i)]
    return bool(cues)


def equative_as(tok: Token) -> bool:
    """The second 'as' of an equative, 'as strong as the second half of 2023', 'as high as in 2019': what
    follows is the other end of a comparison."""
    return (
        tok.lower_ == "as"
        and tok.dep_ == "prep"
        and tok.head.pos_ in ("ADJ", "ADV")
        and any(c.lower_ == "as" and c.dep_ == "advmod" and c.i < tok.i for c in tok.head.children)
    )


PREVIOUS_PERIOD = re.compile(
    r"^the\s+(?:previous|prior|preceding)\s+(?:fiscal\s+)?(?:year|quarter|month)$", re.IGNORECASE
)


def comparing_over(over: Token, c: Cand) -> bool:
    """'up 14% over 2017', 'an increase of 5% over 2019', '12% higher over 2020': 'over' a named year on a
    change word (up, down, a comparative, a change noun) is the comparison's baseline; on a verb it is a
    duration ("grew 5% over 2017", "rose over the past year")."""
    if PREVIOUS_PERIOD.match(c.text):
        return True  # "increasing by 3.3% over the previous year": a period before another is compared with
    if c.year is None or not c.text[:1].isdigit() and not c.text.upper().startswith("FY"):
        return False
    head = over.head
    return (
        head.lower_ in ("up", "down")
        or head.tag_ in ("JJR", "RBR")
        or (head.pos_ == "NOUN" and head.lemma_.lower() in change_nouns())
    )


def cue_on(c: Cand, path: set[int], doc) -> bool:
    """Does the baseline's cue ('from', 'than', 'since') hang on the figure's path, or on a comparative
    word on it ('12% higher than in 2021'), rather than on another noun ('the first increase since
    2019/20')?"""
    root = doc[c.start : c.end].root
    cue = next(
        (
            t
            for t in [doc[max(c.start - 1, 0)], *root.ancestors]
            if t.lower_ in BASELINE_WORDS or t.lower_ == "over" and comparing_over(t, c)
        ),
        None,
    )
    if cue is None:
        return False
    head = cue.head
    return head.i in path or (head.pos_ in ("ADJ", "ADV") and head.head.i in path)


def superlative_range(c: Cand, doc) -> bool:
    """'Turnout was 66.6%, the highest since 1900', 'rates hit 7.8%, the highest level since 2000': a date after
    'since' right after a superlative is where the record's range starts, not when the figure was."""
    before = doc[max(c.start - 1, 0)]
    return before.lower_ == "since" and any(t.tag_ in ("JJS", "RBS") for t in doc[max(before.i - 3, 0) : before.i])
