"""The quantity reader: a thin spaCy component (`component`), a frozen lexicon (`lexicon`), and one small
function per reading rule (`numerals`, `money`, `ranges`, `units`, `qualifiers`, `exclusions`), run in
order by `reader`."""

from claimx.nlp.quantities.component import QuantityMatcher
from claimx.nlp.quantities.lexicon import QuantityLexicon

__all__ = ["QuantityMatcher", "QuantityLexicon"]
