"""Units: what a unit written after a number is, from pint's registry, and how to convert it. Never spaCy.

pint (BSD) knows about a thousand units with their symbols, aliases, plurals and SI prefixes, and how to
convert between them; ISO 4217 currencies come from babel (see the quantity lexicon). claimx adds one
small data file, `rules/news_units.jsonl`, for what news writes and a registry lacks or reads otherwise:
percentage points, basis points and index points, oil barrels and barrels per day, ages
("37-year-old"), "tons" read as metric tons, aliases such as "per cent", "kph" or "sq ft", and words
that are never units after a number ("are", "line", "hand", "units"). Its `define` lines are added to
the registry, so every conversion, theirs included, is pint's.

Lookup of a written unit (`lookup_name` for words, `lookup_symbol` for symbols):
- the news file first: its `surfaces` case-insensitively, its `symbols` as written;
- unit names, aliases and plurals from the registry, with an SI prefix written out ("kilometres",
  "megawatts", "square feet", "degrees Celsius"), case-insensitive;
- symbols as written ("kW", "GHz", "µm", "km/h", "m/s2", "km²"): a definition's symbol, or an SI prefix
  symbol and one; lower-case symbols only when they are not English words (`SAFE_LOWER_SYMBOLS` and
  their prefixed forms), single capitals never ("C", "F" and "K" after a number are read by the context
  rules of the quantity reader; see docs/rules.md).
`describe(expr)` gives a unit's canonical name (pint's name, "_" read as a space, "/" as "per", powers
as "square"/"cubic"), its kind and dimension; `to_base` converts a value to the registry's base units
(SI), the `value_base` of a claim.
"""

from __future__ import annotations

import re
import warnings
from functools import cache
from typing import NamedTuple

from claimx.rulefiles import load_rules

# lower-case symbols that are not English words, and single letters read as units after a number
# ("Å", "Ω", "‰" and "ℓ" are letters no word is)
SAFE_LOWER_SYMBOLS = frozenset(
    {"m", "g", "l", "ft", "mi", "yd", "lb", "oz", "gal", "bbl", "psi", "mph", "ha", "cal", "mol", "rad",
     "cc", "bit", "ppm", "in", "t", "s", "h", "rpm", "atm", "lbf", "kgf", "ly", "\u00c5", "\u212b", "Ω", "‰", "ℓ"}
)  # fmt: skip
GLUED_ONLY = frozenset({"in", "t", "s", "h"})  # read only when glued to the digits ("5h", "3t"); see reader
PREFIX_SYMBOLS = ("k", "M", "G", "T", "P", "E", "m", "µ", "μ", "n", "c", "d", "p")
# two capitals that are a prefix and a one-letter unit are read as a unit only for watts, bytes and joules ("5 GW",
# "2 TB", "600 EJ"): the rest are as often acronyms after a number ("12 EU countries", "5 TV stations", "3 PC
# makers", "2 EV models" would be exa-enzyme units, teravolts, petacoulombs and exavolts)
CAPITAL_PAIR_BASES = frozenset({"W", "B", "J"})
PREFIX_NAMES = ("kilo", "mega", "giga", "tera", "peta", "exa", "milli", "micro", "nano", "centi", "deci", "pico")
SUPERSCRIPT_POWERS = {"²": 2, "³": 3, "2": 2, "3": 3}
NEGATIVE_POWERS = {"1": 1, "2": 2, "3": 3, "¹": 1, "²": 2, "³": 3}

# dimension (base dimension -> exponent) -> claimx kind, and the unit values of that kind are converted to
# (SI: the named derived unit where there is one, else the base units)
KINDS: dict[frozenset, tuple[str, str | None]] = {
    frozenset({("[length]", 1)}): ("length", None),
    frozenset({("[length]", 2)}): ("area", None),
    frozenset({("[length]", 3)}): ("volume", None),
    frozenset({("[mass]", 1)}): ("mass", None),
    frozenset({("[time]", 1)}): ("duration", None),
    frozenset({("[temperature]", 1)}): ("temperature", None),
    frozenset({("[length]", 1), ("[time]", -1)}): ("speed", None),
    frozenset({("[length]", 1), ("[time]", -2)}): ("acceleration", None),
    frozenset({("[mass]", 1), ("[length]", 2), ("[time]", -2)}): ("energy", "joule"),
    frozenset({("[mass]", 1), ("[length]", 2), ("[time]", -3)}): ("power", "watt"),
    frozenset({("[mass]", 1), ("[length]", -1), ("[time]", -2)}): ("pressure", "pascal"),
    frozenset({("[mass]", 1), ("[length]", 1), ("[time]", -2)}): ("force", "newton"),
    frozenset({("[time]", -1)}): ("frequency", "hertz"),
    frozenset({("[length]", 3), ("[time]", -1)}): ("flow", None),
    frozenset({("[mass]", 1), ("[time]", -1)}): ("flow", None),
    frozenset({("[mass]", 1), ("[length]", -3)}): ("density", None),
    frozenset({("[current]", 1)}): ("electric", None),
    frozenset({("[mass]", 1), ("[length]", 2), ("[current]", -1), ("[time]", -3)}): ("electric", "volt"),
}


class UnitInfo(NamedTuple):
    """A unit as claimx records it."""

    name: str  # canonical name ("kilometer per hour")
    kind: str  # claimx kind ("speed")
    dimension: str  # pint dimensionality ("[length] / [time]")
    base: str  # canonical name of the base unit `to_base` converts to ("meter per second")


def singular(word: str) -> str:
    """An English plural's singular by its ending ('applications' -> 'application', 'companies' -> 'company')."""
    for suf, rep in (("ies", "y"), ("sses", "ss"), ("ches", "ch"), ("shes", "sh"), ("xes", "x"), ("s", "")):
        if word.endswith(suf) and len(word) > len(suf) + 2 and not word.endswith("ss"):
            return word[: -len(suf)] + rep
    return word


@cache
def registry():
    """pint's default registry, with the news file's definitions added."""
    import pint

    ureg = pint.UnitRegistry(cache_folder=None, autoconvert_offset_to_baseunit=True)
    for entry in load_rules("news_units"):
        for line in entry.define or []:
            ureg.define(line)
    return ureg


@cache
def _news() -> tuple[dict, dict]:
    """(lower-cased surface -> entry, symbol as written -> entry) of the news file."""
    words, symbols = {}, {}
    for entry in load_rules("news_units"):
        if entry.role == "count_concept":
            continue
        for surface in entry.surfaces:
            words.setdefault(surface.lower(), entry)
        for symbol in entry.symbols:
            symbols.setdefault(symbol, entry)
    return words, symbols


def news_entry(phrase: str):
    """The news file's entry for a written phrase (case-insensitive), or None."""
    return _news()[0].get(phrase.lower())


def _plurals(word: str) -> list[str]:
    if word.endswith("y") and not word.endswith(("ay", "ey", "oy", "uy")):
        return [word[:-1] + "ies"]
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return [word + "es"]
    return [word + "s"]


@cache
def _indexes() -> tuple[dict[str, str], dict[str, str]]:
    """(lower-cased name, alias or plural -> unit name; symbol as written -> unit name), from the registry."""
    ureg = registry()
    names: dict[str, str] = {}
    symbols: dict[str, str] = {}
    not_units = {w for w, e in _news()[0].items() if e.role == "not_unit"}
    for definition in {id(d): d for d in ureg._units.values()}.values():
        canonical = definition.name
        for form in (canonical, *definition.aliases):
            if len(form) > 2 and re.fullmatch(r"[A-Za-z_]+", form):
                word = form.replace("_", " ").lower()
                for w in (word, *_plurals(word)):
                    if w not in not_units:
                        names.setdefault(w, canonical)
            elif form != canonical and re.fullmatch(r"[^\s_]{1,6}", form):
                symbols.setdefault(form, canonical)
        if definition.symbol and re.fullmatch(r"[^\s_]{1,6}", definition.symbol):
            symbols.setdefault(definition.symbol, canonical)
    return names, symbols


def _valid(expr: str) -> str | None:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return str(registry().parse_units(expr))
    except Exception:  # pint raises several types for text that is not a unit
        return None


@cache
def lookup_name(phrase: str) -> str | None:
    """A unit written as words, case-insensitive: 'Kilometres' -> 'kilometer', 'square feet' -> 'foot ** 2'."""
    entry = news_entry(phrase)
    if entry is not None:
        return entry.pint if entry.role == "unit" else None
    low = re.sub(r"[\s-]+", " ", phrase.strip().lower())
    names, _ = _indexes()
    if low in names:
        return names[low]
    for prefix in PREFIX_NAMES:
        rest = low[len(prefix) :]
        if low.startswith(prefix) and len(rest) > 2:
            base = names.get(rest) or lookup_name(rest)
            if base and re.fullmatch(r"[A-Za-z_]+", base):
                return _valid(prefix + base)
    m = re.fullmatch(r"(square|sq|cubic|cu) (.+)", low)
    if m:
        base = lookup_name(m.group(2))
        return _valid(f"({base}) ** {2 if m.group(1) in ('square', 'sq') else 3}") if base else None
    return None


@cache
def lookup_symbol(token: str) -> str | None:
    """A unit symbol as written, case-sensitive, unless it could be an English word: 'MW' -> 'megawatt'."""
    entry = _news()[1].get(token) or (news_entry(token) if not token.isalpha() else None)
    if entry is not None:
        return entry.pint if entry.role == "unit" else None
    if "/" in token and 2 < len(token) <= 12:
        num, _, den = token.partition("/")
        a, b = lookup_symbol(num) or lookup_name(num), lookup_symbol(den) or lookup_name(den)
        return _valid(f"({a}) / ({b})") if a and b else None
    m = re.fullmatch(r"([A-Za-zµμ]{1,4})(?:\^|\*\*)?[-−⁻]([123¹²³])", token)
    if m:  # "s⁻¹", "m−3", "fb−1", "m^-2": an explicit negative power marks a unit, prefixed symbols included
        base = lookup_symbol(m.group(1)) or _valid(m.group(1))
        return _valid(f"({base}) ** -{NEGATIVE_POWERS[m.group(2)]}") if base else None
    m = re.fullmatch(r"(.+?)(?:\^|\*\*)?([²³23])", token)
    if m and not m.group(1).isdigit():
        base = lookup_symbol(m.group(1))
        return _valid(f"({base}) ** {SUPERSCRIPT_POWERS[m.group(2)]}") if base else None
    if token.isalpha() and token.islower() and not _safe_lower(token):
        return None
    _, symbols = _indexes()
    if token in symbols and (len(token) > 1 or token in SAFE_LOWER_SYMBOLS):
        return symbols[token]
    for prefix in PREFIX_SYMBOLS:
        rest = token[len(prefix) :]
        if len(token) == 2 and token.isupper() and rest not in CAPITAL_PAIR_BASES:
            continue
        if token.startswith(prefix) and rest in symbols and rest != "in" and not (prefix in "EP" and rest.islower()):
            return _valid(f"{prefix}{symbols[rest]}")  # "El" is a word, not an exalitre
    if re.fullmatch(r"h[A-Z][a-z]?", token) and token[1:] in symbols:
        return _valid(f"hecto{symbols[token[1:]]}")  # "hPa", "hL": hecto- only before a capital symbol
    if re.fullmatch(r"[KMGTP]i(?:B|bit)", token):
        return _valid(token)  # binary prefixes: "KiB", "GiB", "Mibit"
    return None


def _safe_lower(token: str) -> bool:
    """A lower-case symbol that is not an English word: a safe symbol, or an SI prefix and one ('km', 'mg',
    'ms'); the glued-only letters take a prefix only as milli-, micro- or nanoseconds."""
    if token in SAFE_LOWER_SYMBOLS:
        return True
    for p in PREFIX_SYMBOLS:
        rest = token[len(p) :]
        if token.startswith(p) and rest in SAFE_LOWER_SYMBOLS and (rest not in GLUED_ONLY or token in ("ms", "ns")):
            return True
    return False


@cache
def describe(expr: str) -> UnitInfo:
    """Canonical name, kind, dimension and base unit of a pint expression ('kilometer / hour')."""
    ureg = registry()
    units = ureg.parse_units(expr)
    dims = ureg.get_dimensionality(units)
    kind, base = _kind(dims, canonical_name(units))
    base_units = ureg.parse_units(base) if base else ureg.Quantity(1, units).to_base_units().units
    return UnitInfo(
        name=canonical_name(units), kind=kind, dimension=str(dims), base=canonical_name(base_units) or "dimensionless"
    )


def _kind(dims, name: str) -> tuple[str, str | None]:
    if re.search(r"\b\w*(byte|bit)s?\b", name):
        return ("data", "bit") if "per second" not in name else ("frequency", "bit / second")
    if not dict(dims):
        return "ratio", None
    return KINDS.get(frozenset(dict(dims).items()), ("other", None))


def canonical_name(units) -> str:
    """pint units -> 'square kilometer', 'mile per hour', 'degree Celsius', 'newton meter'."""
    num, den = [], []
    for name, power in units._units.items():
        word = name.replace("_", " ")
        if abs(power) == 2:
            word = f"square {word}"
        elif abs(power) == 3:
            word = f"cubic {word}"
        elif abs(power) != 1:
            word = f"{word}^{abs(power):g}"
        (num if power > 0 else den).append(word)
    text = " ".join(num) or ("1" if den else "")
    return text + "".join(f" per {d}" for d in den)


def to_base(value: float | None, expr: str) -> float | None:
    """`value` in `expr` converted to the unit `describe(expr).base` names (None stays None)."""
    if value is None:
        return None
    ureg = registry()
    units = ureg.parse_units(expr)
    _, base = _kind(ureg.get_dimensionality(units), canonical_name(units))
    q = ureg.Quantity(value, units)
    return float(
        f"{(q.to(base) if base else q.to_base_units()).magnitude:.12g}"
    )  # 57 % -> 0.57, not 0.5700000000000001


def convert(value: float, expr: str, target: str) -> float | None:
    """`value` in `expr` expressed in `target` (None when the dimensions differ)."""
    ureg = registry()
    try:
        return float(ureg.Quantity(value, ureg.parse_units(expr)).to(ureg.parse_units(target)).magnitude)
    except Exception:  # pint raises DimensionalityError and others for units that do not convert
        return None


def compose(numerator: str, denominator: str | None = None, power: int = 1) -> str | None:
    """A compound unit expression ('kilometer', 'hour' -> 'kilometer / hour'); None when pint cannot read it."""
    expr = f"({numerator}) ** {power}" if power != 1 else f"({numerator})"
    return _valid(f"{expr} / ({denominator})" if denominator else expr)


def registry_size() -> tuple[int, int, int]:
    """(units, names and aliases, symbols) known: what the registry brings."""
    names, symbols = _indexes()
    return len({id(d) for d in registry()._units.values()}), len(names), len(symbols)
