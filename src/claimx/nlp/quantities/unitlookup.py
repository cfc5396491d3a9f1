"""Reading the unit written at a token: the news file, the registry (`claimx.units`), and the context rules
that decide ambiguous symbols. Each reading returns a `UnitRef` with the id of the rule that made it.

Ambiguous symbols (documented in docs/rules.md, tested in tests/test_units.py):
- `unit-glued-symbol`: "s", "h", "t" are seconds, hours and metric tons only glued to the digits
  ("90s", "5h", "3t") or to the slash of a rate ("30 m/s", "90 km/h."); spaced, they are words.
- `unit-inch-context`: "in" is an inch only glued ("2in") or before a dimension adjective or the end of
  the clause ("2 in thick", "a pencil of 2 in."); otherwise it is the preposition ("5 in 10").
- `unit-temperature-letter`: a capital "C", "F" or "K" right after a number is a temperature (Celsius,
  Fahrenheit, kelvin) only in a sentence about temperature or weather (`TEMPERATURE_WORDS`: "30 C
  outside", "temperatures reached 40 C") and when no digit or hyphen follows (not "F-16");
- `unit-farad-letter`: a capital "F" that is no temperature is a farad in a sentence about capacitance
  (`CAPACITANCE_WORDS`: "the charge stored in the capacitor was 2.5 F").
- `unit-electric-letter`: a capital "W", "V" or "A" right after a number is a watt, volt or ampere only
  in a sentence about power or electricity (`ELECTRIC_WORDS`: "runs on 3,276 W", "a 230 V supply") and
  when no digit or hyphen follows ("5 W Main Street" is not, nor "B-52 A").
- "m" as million or metre, "pound" as money or mass, "p" as pence: read by the scale and money rules
  (`numerals.suffix_scale`, `units.read_unit`, `money.money_tail`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from claimx import units as registry
from claimx.nlp.quantities.state import View

DIMENSION_ADJECTIVES = frozenset(
    {"thick", "long", "wide", "tall", "high", "deep", "across", "in diameter", "diameter", "square", "of"}
)
TEMPERATURE_WORDS = frozenset(
    {"temperature", "temperatures", "degrees", "degree", "°", "heat", "heatwave", "hot", "cold", "warm", "cool",
     "freezing", "boiling", "melting", "kelvin", "celsius", "fahrenheit", "thermal", "cryogenic", "outside",
     "weather", "forecast", "frost", "thermometer", "oven", "summer", "winter", "warming", "chill", "climate",
     "freeze", "absolute", "superconducting"}
)  # fmt: skip
ELECTRIC_WORDS = frozenset(
    {"power", "powered", "watt", "watts", "electricity", "electric", "electrical", "energy", "device", "devices",
     "consumption", "consumes", "consume", "draw", "draws", "charger", "charging", "battery", "voltage", "volts",
     "current", "circuit", "load", "rated", "output", "hashrate", "solar", "panel", "panels", "motor", "supply",
     "bulb", "lamp", "amps", "amperes", "grid", "operate", "runs", "run"}
)  # fmt: skip
CAPACITANCE_WORDS = frozenset({"capacitor", "capacitors", "capacitance", "supercapacitor", "ultracapacitor"})
ELECTRIC_LETTERS = {"W": "watt", "V": "volt", "A": "ampere"}
POWER_WORDS = {"squared": 2, "cubed": 3, "²": 2, "³": 3}


@dataclass(frozen=True)
class UnitRef:
    """A unit read from the text."""

    unit: str  # canonical name
    kind: str
    id: str  # the rule or news-file entry that read it
    expr: str | None = None  # pint expression, when the registry knows the unit
    scale: float = 1.0  # the factor a prefix of the written unit puts on the number ("MMbbl/d": a million b/d)


def from_expr(expr: str, rule_id: str, entry=None) -> UnitRef:
    """A UnitRef for a pint expression; a news-file entry's own name and kind win."""
    info = registry.describe(expr)
    name = entry.unit if entry is not None and entry.unit else info.name
    kind = entry.kind if entry is not None and entry.kind else info.kind
    scale = entry.scale if entry is not None and entry.scale else 1.0
    return UnitRef(unit=name, kind=kind, id=rule_id, expr=expr, scale=scale)


def from_entry(entry) -> UnitRef:
    """A UnitRef for a news-file entry."""
    if entry.pint:
        return from_expr(entry.pint, entry.id, entry)
    return UnitRef(unit=entry.unit, kind=entry.kind or "other", id=entry.id)


def read_written_unit(v: View, k: int) -> tuple[int, UnitRef] | None:
    """(end, unit) of the unit written at token k, with a power after it ('km squared', 'm^2')."""
    hit = _news_phrase(v, k) or _registry_words(v, k) or _symbol(v, k)
    if hit is None:
        return None
    end, ref = hit
    power = _power_after(v, end)
    if power is not None and ref.expr:
        expr = registry.compose(ref.expr, power=power[1])
        if expr:
            end, ref = power[0], from_expr(expr, ref.id)
    return _times_inverse(v, end, ref)


def _times_inverse(v: View, end: int, ref: UnitRef) -> tuple[int, UnitRef]:
    """'9.8 m s−2', '5 kg m−3', '3 m^-2 s^-1': a unit times units with a negative power after it, each its
    own token, is one compound unit (`unit-negative-power`)."""
    doc = v.doc
    expr = ref.expr
    while expr and end < len(doc) and doc[end - 1].whitespace_ and re.search(r"[-−⁻][123¹²³]\.?$", doc[end].text):
        inverse = registry.lookup_symbol(doc[end].text.rstrip("."))
        product = registry.compose(f"({expr}) * ({inverse})") if inverse else None
        if product is None:
            break
        expr, end = product, end + 1
    if expr == ref.expr:
        return end, ref
    return end, from_expr(expr, "unit-negative-power")


def defined_abbreviation(v: View, text: str) -> UnitRef | None:
    """The unit the article defines `text` as, in brackets after the unit's name: '$100 per barrel (b) ...
    $75/b', 'per gallon (gal)' (`unit-defined-abbreviation`)."""
    doc = v.doc
    for i in range(2, len(doc) - 2):
        if doc[i].text == "(" and doc[i + 1].text == text and doc[i + 2].text == ")":
            for j in range(max(0, i - 3), i):
                hit = read_written_unit(v, j)
                if hit is not None and hit[0] == i:
                    return hit[1]
    return None


def _news_phrase(v: View, k: int) -> tuple[int, UnitRef] | None:
    hit = v.lex.news_units.starting(v.doc, k) or v.lex.news_symbols.starting(v.doc, k)
    if hit is None:
        return None
    end, entry = hit
    doc = v.doc
    if doc[k].lower_ in ("x", "×") and end < len(doc) and doc[end].like_num:
        return None  # "30 x 40 cm": the sign between two sides of a dimension, not "30 times"
    return (end, from_entry(entry)) if entry.role == "unit" else None


def _registry_words(v: View, k: int) -> tuple[int, UnitRef] | None:
    """Unit names of one to three words: 'kilometres', 'square feet', 'degrees Celsius', 'light years'; two
    words joined by a hyphen: 'acre-feet', 'kilowatt-hours'."""
    doc = v.doc
    if k + 2 < len(doc) and doc[k + 1].text == "-" and not doc[k].whitespace_ and not doc[k + 1].whitespace_:
        if doc[k].is_alpha and doc[k + 2].is_alpha and len(doc[k]) > 2:
            expr = registry.lookup_name(f"{doc[k].text}-{doc[k + 2].text}")
            if expr and registry.news_entry(doc[k].text) is None:
                return k + 3, from_expr(expr, "unit-registry")
    for n in (3, 2, 1):
        toks = doc[k : k + n]
        if len(toks) < n or not all(t.is_alpha for t in toks) or (n > 1 and not all(t.whitespace_ for t in toks[:-1])):
            continue
        if n == 1 and len(toks[0]) < 3 or toks[0].is_title and toks[0].tag_ == "NNP" and k > v.sent_starts[k]:
            continue  # a proper noun inside a sentence is a name ("2016 Stone spoke"), not a unit
        phrase = " ".join(t.text for t in toks)
        if registry.news_entry(phrase) is not None:
            continue  # the news file decided ("units" is not a unit)
        expr = registry.lookup_name(phrase)
        if expr:
            return k + n, from_expr(expr, "unit-registry")
    return None


def _symbol(v: View, k: int) -> tuple[int, UnitRef] | None:
    doc = v.doc
    if k >= len(doc):
        return None
    tok = doc[k]
    # "350 kW.", and a one-letter symbol ending its sentence ("300 K.", "230 V."; the tokenizer keeps a
    # letter and its period together, as for initials)
    last = k + 1 >= len(doc) or v.sent_starts[k + 1] != v.sent_starts[k]
    text = tok.text[:-1] if tok.text.endswith(".") and (len(tok.text) > 2 or len(tok.text) == 2 and last) else tok.text
    glued = k > 0 and doc[k - 1].whitespace_ == "" and any(ch.isdigit() for ch in doc[k - 1].text)
    per_glued = k > 1 and doc[k - 1].text == "/" and not doc[k - 2].whitespace_ and not doc[k - 1].whitespace_
    glued = glued or per_glued  # "m/s", "km/h.": a letter glued to a slash is the rate's unit
    if text in registry.GLUED_ONLY:
        rule = _context_symbol(v, k, text, glued)
        return (k + 1, rule) if rule else None
    if text in ("C", "F", "K"):
        rule = _temperature_letter(v, k, text) or (_farad(v, k) if text == "F" else None)
        return (k + 1, rule) if rule else None
    if text.rstrip(".") in ELECTRIC_LETTERS:
        rule = _electric_letter(v, k, text.rstrip("."))
        return (k + 1, rule) if rule else None
    expr = registry.lookup_symbol(text)
    return (k + 1, from_expr(expr, "unit-registry-symbol")) if expr else None


def _context_symbol(v: View, k: int, text: str, glued: bool) -> UnitRef | None:
    if text == "in":
        nxt = v.lower(k + 1)
        if glued or nxt in DIMENSION_ADJECTIVES or k + 1 >= len(v.doc) or v.doc[k + 1].is_punct and nxt != "-":
            return from_expr("inch", "unit-inch-context")
        return None
    if glued:
        return from_expr(registry.lookup_symbol(text), "unit-glued-symbol")
    doc = v.doc
    if text == "h" and k + 2 < len(doc) and doc[k + 1].like_num and doc[k + 2].lower_ in ("min", "mins", "minutes"):
        return from_expr(registry.lookup_symbol(text), "unit-glued-symbol")  # "2 h 30 min": hours, then minutes
    return None


def _temperature_letter(v: View, k: int, letter: str) -> UnitRef | None:
    doc = v.doc
    nxt = v.tok(k + 1)
    if nxt is not None and (nxt.text[:1].isdigit() or nxt.text in ("-", "–") and nxt.whitespace_ == ""):
        return None
    start = v.sent_starts[k]
    end = next((i for i in range(k, len(doc)) if v.sent_starts[i] != start), len(doc))
    if not any(t.lower_ in TEMPERATURE_WORDS or t.lemma_ in TEMPERATURE_WORDS for t in doc[start:end]):
        return None  # a lemma counts: "cooled", "heated", "froze"
    expr = {"C": "degree_Celsius", "F": "degree_Fahrenheit", "K": "kelvin"}[letter]
    return from_expr(expr, "unit-temperature-letter")


def _farad(v: View, k: int) -> UnitRef | None:
    """'The charge stored in the capacitor was 2.5 F': a capital F in a sentence about capacitance."""
    nxt = v.tok(k + 1)
    if nxt is not None and (nxt.text[:1].isdigit() or nxt.text in ("-", "–") and nxt.whitespace_ == ""):
        return None
    if not any(t.lower_ in CAPACITANCE_WORDS for t in v.doc[v.sent_starts[k] : k + 12]):
        return None
    return from_expr("farad", "unit-farad-letter")


def _electric_letter(v: View, k: int, letter: str) -> UnitRef | None:
    doc = v.doc
    nxt = v.tok(k + 1)
    if nxt is not None and (nxt.text[:1].isdigit() or nxt.is_title or nxt.text in ("-", "–") and nxt.whitespace_ == ""):
        return None
    start = v.sent_starts[k]
    end = next((i for i in range(k, len(doc)) if v.sent_starts[i] != start), len(doc))
    if not any(t.lower_ in ELECTRIC_WORDS for t in doc[start:end]):
        return None
    return from_expr(ELECTRIC_LETTERS[letter], "unit-electric-letter")


def _power_after(v: View, k: int) -> tuple[int, int] | None:
    """'squared', 'cubed', '²', '^2' right after a unit: (end, power)."""
    doc = v.doc
    if k < len(doc) and doc[k].lower_ in POWER_WORDS:
        return k + 1, POWER_WORDS[doc[k].lower_]
    if k + 1 < len(doc) and doc[k].text == "^" and re.fullmatch(r"[23]", doc[k + 1].text):
        return k + 2, int(doc[k + 1].text)
    return None
