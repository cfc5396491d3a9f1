"""Building the default pipeline: en_core_web_sm 3.8 plus claimx's components."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex, minibatch

from claimx.nlp import factories  # noqa: F401  (registers claimx_* factories)
from claimx.nlp.attributes import TagAttributeRuler
from claimx.nlp.model import MODEL_PACKAGES, find_model, model_info  # noqa: F401  (re-exported)
from claimx.nlp.numbers import VULGAR_FRACTIONS
from claimx.rulefiles import load_rules

SPANS_KEY = "claimx_quantities"


def _currency_codes() -> list[str]:
    """ISO-style codes of currencies.jsonl ('USD', 'EUR'), validated like every rule file."""
    return sorted({s for e in load_rules("currencies") for s in e.symbols if re.fullmatch(r"[A-Z]{3}", s)})


def _suspended_hyphen() -> str:
    """A hyphen left hanging after a number ('10-', 'four-'), as a suffix: lookbehinds of fixed width, one
    per cardinal word of numbers.jsonl."""
    words = sorted({w for e in load_rules("numbers") if e.role == "cardinal" for w in e.values if w.isalpha()}, key=len)
    behind = "|".join(f"(?<=\\b{w})" for w in words + [w.capitalize() for w in words])
    return rf"(?:(?<=[0-9])|{behind})-"


FRACTIONS = "".join(VULGAR_FRACTIONS)


def tune_tokenizer(nlp: Language) -> None:
    """Split numbers from what is glued to them, as news writes it.

    "5kW" -> 5 kW, "24pc" -> 24 pc, "8.1bn" -> 8.1 bn, "EUR50m" -> EUR 50 m, "minus-5" -> minus - 5,
    "7/$9" -> 7 / $ 9, "staff—522" -> staff — 522, "$3 billionFY10" -> billion FY10, "$2.3 millioni" -> million i.
    Ordinal and plural endings stay ("22nd", "1990s", "millions").
    """
    scale_word = "(?:(?<=thousand)|(?<=million)|(?<=billion)|(?<=trillion))"
    infixes = list(nlp.Defaults.infixes) + [
        r"(?<=[0-9])(?=(?!(?:st|nd|rd|th|s|th\.)\b)(?![eE][-+−]?[0-9])[A-Za-z])",  # digit | letters, not 1e10
        r"(?<=[A-Za-z])(?<![0-9][eE])-(?=[0-9])",  # minus-5, sub-7, COVID-19; not 9.83e-3
        r"\]\(",  # Markdown link text](url): the figure in the link text stays a figure
        r"(?<=[0-9])/(?=[$€£¥0-9])",  # 7/$9, 1/16
        r"(?<=[0-9a-z])[-–—](?=[$€£¥][0-9])",  # "$4-$6 million", "$4 million–$6 million": a range's dash
        r"(?<=[0-9])[–—](?=[0-9$€£¥])",  # 5–10%, 2020–2025
        r"(?<=[A-Za-z%)])—(?=[0-9$€£¥])",  # "9,850 staff—522 fewer employees": an em dash between word and figure
        r"(?<=[0-9])\u2044(?=[0-9])",  # 1⁄32 (fraction slash)
        r"(?<=[0-9])(?=[元円₡₾₭€£¥₹₩₽₦₱₺₪৳₫₴])",  # 100元, 15€
        # "$3 billionFY10", "$2.3 billionaFY08": a converter glued a table cell's next entry (and a mark) to it
        scale_word + r"(?=[a-rt-z]?[A-Z])",
        r"(?<=[a-z])(?=FY[0-9])",  # "cFY18", "iFY23": a footnote mark glued to a fiscal-year label
        rf"(?<=[0-9])(?=[{FRACTIONS}])",  # "5¼ percent": a whole number and a vulgar fraction
        rf"(?<=[{FRACTIONS}])-(?=[A-Za-z])",  # "2½-year"
    ]
    codes = "|".join(_currency_codes())
    prefixes = list(nlp.Defaults.prefixes) + [
        rf"(?:{codes})(?=[0-9])",
        r"(?:US|NZ|HK|A|C)(?=[0-9])",
        r"Y=(?=[0-9])",  # ASCII-folded yen (unidecode writes ¥ as "Y=" and £ as "PS")
        r"PS(?=[0-9]+(?:[.,][0-9]|(?:bn|m|k|mn)\b))",  # PS8.1bn, PS21,700; never the console PS5
        r"[~≈±](?=[0-9$€£¥.])",  # ~5%, ≈300
        r"[-−](?=[$€£¥][0-9])",  # -$3 million: a sign before the currency
    ]
    suffixes = list(nlp.Defaults.suffixes) + [
        r"(?<=[0-9][A-Za-z])\.",  # "$25k."
        r"(?<=[0-9][A-Za-z]{2})\.",
        rf"(?<=[{FRACTIONS}])\.",  # "at 5 ¼."
        _suspended_hyphen(),  # "four-, five- and six-cylinder", "10- to 30-year": the number stands apart
        # "$552 milliona", "$2.3 millioni": a footnote mark (not a plural "s")
        r"(?:(?<=thousand)|(?<=million)|(?<=billion)|(?<=trillion))[a-rt-z]$",
    ]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    nlp.tokenizer.suffix_search = compile_suffix_regex(suffixes).search
    nlp.tokenizer.prefix_search = compile_prefix_regex(prefixes).search


STRAIGHT_APOSTROPHE_FORMS = ("'", "'s", "'S", "n't", "N'T", "'re", "'ve", "'ll", "'d", "'m")


def align_curly_apostrophes(nlp: Language) -> None:
    """Give the curly apostrophe forms ("’", "’s", "n’t") the shape, prefix and suffix of the straight ones.

    The model's features are a word's norm, prefix, suffix and shape; spaCy already normalises "’" to "'",
    but the shape "’" is one the model rarely saw, so "The agencies’ combined allocations peaked at $3
    billion" parsed "agencies" as the subject and the closing "’" as a quote. With the straight form's
    features the curly text is read as its ASCII twin is. The text and offsets are untouched."""
    for straight in STRAIGHT_APOSTROPHE_FORMS:
        curly, twin = nlp.vocab[straight.replace("'", "’")], nlp.vocab[straight]
        curly.shape_, curly.prefix_, curly.suffix_ = twin.shape_, twin.prefix_, twin.suffix_


def build_nlp(model: str | None = None, *, fast_attributes: bool = True) -> Language:
    """A fresh pipeline: the statistical model with claimx_quantities and claimx_context added.

    Args:
        model: a model package name or path; default: whichever of MODEL_PACKAGES is installed.
        fast_attributes: replace the model's attribute ruler by `TagAttributeRuler` (identical output).

    Example:
        >>> nlp = build_nlp()
        >>> doc = nlp("Exports fell 3% in 2023.")
    """
    nlp = spacy.load(model or find_model())
    tune_tokenizer(nlp)
    align_curly_apostrophes(nlp)
    if fast_attributes and "attribute_ruler" in nlp.pipe_names:
        rules = nlp.get_pipe("attribute_ruler").patterns
        if TagAttributeRuler.compile(nlp, rules) is not None:  # same output, a fraction of the time
            nlp.replace_pipe("attribute_ruler", "claimx_attribute_ruler", config={"rules": rules})
    # quantities need tags, lemmas and the parse but no entities: placed before "ner", so that
    # `pipe_lazily` can run the entity recognizer only on Docs that hold a quantity
    if "parser" in nlp.pipe_names:  # table cells are sentences of their own
        nlp.add_pipe("claimx_cell_boundaries", before="parser")
    where = {"before": "ner"} if "ner" in nlp.pipe_names else {}
    nlp.add_pipe("claimx_quantities", config={"spans_key": SPANS_KEY}, **where)
    nlp.add_pipe("claimx_context", config={"spans_key": SPANS_KEY})
    return nlp


LAZY_PIPES = ("ner", "claimx_context")


def pipe_lazily(nlp: Language, docs: Iterable[Doc], *, batch_size: int = 64) -> Iterator[Doc]:
    """`nlp.pipe`, except that the components after the quantity reader run only where it found one.

    The entity recognizer is the dearest component of en_core_web_sm (about 45% of its time) and
    only the context linker reads entities, which has nothing to do in a Doc without quantities. Each Doc
    comes out exactly as `nlp.pipe` would make it when it holds a quantity; without one, it lacks
    entities. Order is kept.
    """
    lazy = [name for name in LAZY_PIPES if name in nlp.pipe_names]
    names = nlp.pipe_names
    if (
        not lazy
        or "claimx_quantities" not in names
        or any(names.index(n) < names.index("claimx_quantities") for n in lazy)
    ):
        yield from nlp.pipe(docs, batch_size=batch_size)
        return
    for batch in minibatch(docs, size=batch_size):
        done = list(nlp.pipe(batch, batch_size=batch_size, disable=lazy))
        todo = [d for d in done if d.spans.get(SPANS_KEY)]
        for name in lazy:
            todo = list(nlp.get_pipe(name).pipe(todo, batch_size=batch_size))
        yield from done


@cache
def default_nlp() -> Language:
    """The default pipeline, built once per process."""
    return build_nlp()
