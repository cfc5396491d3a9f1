"""The context linker: a thin spaCy component (`component`), a frozen lexicon (`lexicon`), and strategies,
each a small function with its rule id, run from explicit ordered tuples: `sources.SOURCE_STRATEGIES`,
`timecands.TIME_CANDIDATES`, `measured.MEASURED_STRATEGIES`; `hedges` reads hedge words and modality."""

from claimx.nlp.context.component import ContextLinker
from claimx.nlp.context.lexicon import ContextLexicon

__all__ = ["ContextLinker", "ContextLexicon"]
