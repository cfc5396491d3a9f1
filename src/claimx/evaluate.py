"""Scoring claimx against gold data: what `claimx eval` prints.

Two formats:
- NewsQuant (`eval newsquant FILE`): a JSON list of sentences `{text, quantities: [{value, unit,
  normalized_unit, change}]}`. Per sentence, each gold quantity takes the first unused predicted
  quantity of equal value (ranges "a-b" compare both ends; relative tolerance 1e-5), preferring one
  whose unit also agrees. P = matched / predicted, R = matched / gold, for value, value+unit and
  value+change. The two levels of a change claimx records apart are one range there, as NewsQuant
  annotates them (`newsquant_quantities`).
- Gold claims of a whole article (`eval claims GOLD.json [ARTICLE]`, format of data/gold/): detection
  P/R/F1 by span overlap, and per field the share of required gold claims extracted correctly.

Unit agreement (`units_agree`) normalizes both sides through the unit registry (`claimx.units`: pint and the
news file), the currency lexicon, UNIT_ALIASES
(any surface or name -> the canonical unit; an ISO code -> its currency names), singular
forms, and "X per Y" compounds part by part. A counted noun agrees with a gold compound unit that ends
or begins with it ("country" vs "european country", "course" vs "course meal"), since claimx records
the one noun that is counted, without the rest of the compound.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from claimx.periods import parse_date, parse_period
from claimx.rulefiles import load_rules
from claimx.schema import Claim, Quantity
from claimx.units import singular

REL_TOL = 1e-5
# extra spellings that are the same unit (both sides are lower-cased first)
UNIT_ALIASES: dict[str, str] = {
    "people": "person",  # the same counted noun: NewsQuant writes 'people', the claim golds 'person'
    "persons": "person",
    "%": "percent",
    "percentage": "percent",
    "per cent": "percent",
    "pct": "percent",
    "percentage point": "percentage point",
    "point": "point",
    "pts": "point",
    "meter": "metre",
    "kilometer": "kilometre",
    "centimeter": "centimetre",
    "millimeter": "millimetre",
    "liter": "litre",
    "tonne": "ton",
    "metric ton": "ton",
    "metric tonne": "ton",
    "year of age": "year of age",
    "year old": "year of age",
    "years old": "year of age",
    "degree celsius": "degree celsius",
    "celsius": "degree celsius",
    "degree fahrenheit": "degree fahrenheit",
    "fahrenheit": "degree fahrenheit",
    "$": "usd",
    "us$": "usd",
    "dollar": "usd",
    "times": "times",
    "time": "times",
    "fold": "times",
    "cent": "cent",
    "penny": "cent",
    "pence": "cent",
}


@cache
def _currency_table() -> dict[str, str]:
    """Any currency symbol, code or name, lower-cased -> its ISO code, lower-cased."""
    table: dict[str, str] = {}
    for e in load_rules("currencies"):
        code = e.code.lower()
        for s in [e.code, *e.symbols, *e.glued_symbols, *e.names]:
            table.setdefault(s.lower(), code)
    return table


def _registry_name(unit: str) -> str | None:
    """The canonical name the unit registry gives a written unit ('kilometres', 'km', 'celsius'), or None."""
    from claimx import units

    entry = units.news_entry(unit)
    if entry is not None:
        if entry.role != "unit":
            return None
        return (entry.unit or units.describe(entry.pint).name).lower() if entry.unit or entry.pint else None
    expr = units.lookup_name(unit) or units.lookup_symbol(unit)
    return units.describe(expr).name.lower() if expr else None


@cache
def normalize_unit(unit: str | None) -> str | None:
    """A comparable form of a unit as written or normalized; None for no unit."""
    if unit is None:
        return None
    u = re.sub(r"\s+", " ", unit.strip())
    low = u.lower()
    if low in ("", "-", "none"):
        return None
    whole = _registry_name(u)
    if whole is not None:
        return whole
    if " per " in low or "/" in low:
        parts = re.split(r" per |/", low, maxsplit=1)
        return " per ".join(normalize_unit(p) or p for p in parts)
    for cand in (low, singular(low), UNIT_ALIASES.get(low), UNIT_ALIASES.get(singular(low))):
        if cand is None:
            continue
        cand = UNIT_ALIASES.get(cand, cand)
        if cand in _currency_table():
            return _currency_table()[cand]
        named = _registry_name(cand)
        if named is not None:
            return named
        if cand in UNIT_ALIASES.values():
            return cand
    return singular(low)


def units_agree(pred: str | None, gold: Iterable[str | None]) -> bool:
    """Does the predicted unit agree with any of the gold spellings?"""
    p = normalize_unit(pred)
    golds = [g for g in gold if g is not None]
    if not golds:
        return p is None
    for g in golds:
        n = normalize_unit(g)
        if n == p:
            return True
        if p == "fraction" and n is not None and (n == "percent" or n.startswith(("% ", "percent "))):
            return True  # a share: 'half' as a fraction, the gold in percent or NewsQuant's '% condos'
        if p is not None and n is not None and " per " not in n + p:
            words = n.split(" ")
            # a counted noun agrees with a gold compound that ends or begins with it:
            # "country" / "european country", "course" / "course meal" (three-course meal)
            if p in (words[-1], words[0]) or p.split(" ")[-1] == words[-1]:
                return True
        if p is not None and n is not None and n.split(" ")[-1] == p:
            return True
    return False


def parse_gold_value(value: Any) -> tuple[float | None, float | None, float | None]:
    """NewsQuant value string -> (value, low, high). '252.0-287.0' is a range; '-5' and '1.99E-29' are not."""
    s = str(value).strip()
    try:
        return float(s), None, None
    except ValueError:
        pass
    m = re.match(r"^(-?[\d.]+(?:[eE][-+]?\d+)?)\s*-\s*(-?[\d.]+(?:[eE][-+]?\d+)?)$", s)
    if m:
        return None, float(m.group(1)), float(m.group(2))
    return None, None, None


def _close(a: float | None, b: float | None) -> bool:
    return a is not None and b is not None and math.isclose(a, b, rel_tol=REL_TOL, abs_tol=1e-9)


def values_equal(q: Quantity, value: float | None, low: float | None, high: float | None) -> bool:
    if value is not None:
        return _close(q.value, value)
    if low is not None and high is not None:
        return _close(q.low, low) and _close(q.high, high)
    return False


def change_label(q: Quantity) -> str:
    """Quantity -> NewsQuant change label."""
    if q.change in ("up", "down"):
        return q.change
    return {"~": "~", ">": ">", ">=": ">", "<": "<", "<=": "<", "=": "="}[q.bound]


@dataclass
class PRF:
    matched: int = 0
    predicted: int = 0
    gold: int = 0

    @property
    def p(self) -> float:
        return 100 * self.matched / self.predicted if self.predicted else 0.0

    @property
    def r(self) -> float:
        return 100 * self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        return 2 * self.p * self.r / (self.p + self.r) if self.p + self.r else 0.0

    def line(self, name: str) -> str:
        return (
            f"{name:<14} P {self.p:5.1f}  R {self.r:5.1f}  F1 {self.f1:5.1f}  "
            f"({self.matched}/{self.predicted} predicted, {self.gold} gold)"
        )


@dataclass
class NewsQuantScore:
    value: PRF = field(default_factory=PRF)
    value_unit: PRF = field(default_factory=PRF)
    value_change: PRF = field(default_factory=PRF)
    errors: list[dict] = field(default_factory=list)

    def lines(self) -> list[str]:
        return [self.value.line("value"), self.value_unit.line("value+unit"), self.value_change.line("value+change")]

    def as_dict(self) -> dict:
        return {
            k: {
                "p": round(v.p, 2),
                "r": round(v.r, 2),
                "f1": round(v.f1, 2),
                "matched": v.matched,
                "predicted": v.predicted,
                "gold": v.gold,
            }
            for k, v in (("value", self.value), ("value+unit", self.value_unit), ("value+change", self.value_change))
        }


def load_newsquant(path: str | Path) -> list[dict]:
    """Read a NewsQuant-format file (a JSON list of {text, quantities})."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    if not isinstance(data, list) or not all(isinstance(x, dict) and "text" in x for x in data):
        raise ValueError(f"{path}: expected a JSON list of objects with 'text' and 'quantities'")
    return data


def newsquant_quantities(claims: list[Claim]) -> list[Quantity]:
    """The quantities of one sentence's claims, as NewsQuant writes them: NewsQuant annotates a change from
    one level to another ("forecast to slow from 4.8 percent to 4.7 percent", "dropping from 208 pounds to
    193") as one range "4.8-4.7", where claimx records the two levels as two claims (rule ids
    `transition-from`, `transition-to`); the pair is written back as that one range."""
    out: list[Quantity] = []
    for c in claims:
        q = c.quantity
        prev = out[-1] if out else None
        if "transition-to" in c.rule_ids and prev is not None and prev.end <= q.start and _opens(claims, prev):
            out[-1] = prev.model_copy(
                update={
                    "value": None,
                    "low": prev.value,
                    "high": q.value,
                    "end": q.end,
                    "text": f"{prev.text}-{q.text}",
                }
            )
            continue
        out.append(q)
    return out


def _opens(claims: list[Claim], q: Quantity) -> bool:
    return any(c.quantity is q and "transition-from" in c.rule_ids for c in claims)


def score_newsquant(
    items: list[dict], predictions: list[list[Quantity]], *, any_unit_for_unitless: bool = False
) -> NewsQuantScore:
    """Match gold quantities to predicted ones sentence by sentence, as the module docstring says.

    `any_unit_for_unitless`: a gold quantity without a unit agrees with whatever unit is predicted (for
    quantulum3's tests, which give counted nouns no unit: "ten pills" is dimensionless there)."""
    score = NewsQuantScore()
    for item, preds in zip(items, predictions, strict=True):
        golds = item.get("quantities") or []
        for prf in (score.value, score.value_unit, score.value_change):
            prf.predicted += len(preds)
            prf.gold += len(golds)
        used: set[int] = set()
        for g in golds:
            value, low, high = parse_gold_value(g.get("value"))
            gunits = (
                [g.get("normalized_unit"), g.get("unit")]
                if (g.get("normalized_unit") or g.get("unit")) not in (None, "-")
                else [None]
            )
            cands = [k for k, q in enumerate(preds) if k not in used and values_equal(q, value, low, high)]
            if not cands:
                score.errors.append(
                    {"text": item["text"], "gold": g, "error": "missed", "predicted": [q.text for q in preds]}
                )
                continue
            unitless_ok = any_unit_for_unitless and gunits == [None]
            agree = [k for k in cands if unitless_ok or units_agree(preds[k].unit, gunits)]
            k = agree[0] if agree else cands[0]
            used.add(k)
            q = preds[k]
            score.value.matched += 1
            if agree:
                score.value_unit.matched += 1
            else:
                score.errors.append({"text": item["text"], "gold": g, "error": "unit", "predicted": q.unit})
            gchange = g.get("change")
            if gchange is None or change_label(q) == gchange:
                score.value_change.matched += 1
            else:
                score.errors.append({"text": item["text"], "gold": g, "error": "change", "predicted": change_label(q)})
        for k, q in enumerate(preds):
            if k not in used:
                score.errors.append({"text": item["text"], "error": "spurious", "predicted": q.text})
    return score


# -- gold claims of one article ---------------------------------------------------------------
MIN_OVERLAP = 0.5  # a detection covers at least half of the shorter of the gold and predicted spans
CLAIM_FIELDS = ("value+unit", "unit", "bound", "change", "source", "time", "measured", "modality")


@dataclass
class ClaimsScore:
    detection: PRF
    fields: dict[str, tuple[int, int]]
    rows: list[dict]

    def lines(self) -> list[str]:
        out = [self.detection.line("detection")]
        for name, (ok, n) in self.fields.items():
            out.append(f"{name:<14} {100 * ok / n if n else 0:5.1f}%  ({ok}/{n} required gold claims)")
        return out

    def as_dict(self) -> dict:
        return {
            "detection": {
                "p": round(self.detection.p, 2),
                "r": round(self.detection.r, 2),
                "f1": round(self.detection.f1, 2),
            },
            "fields": {k: round(100 * ok / n, 2) if n else 0.0 for k, (ok, n) in self.fields.items()},
        }


def locate_gold(text: str, gold: dict) -> tuple[int, int] | None:
    """The article span of a gold claim: its quantity_text nearest the sentence substring."""
    anchor = text.find(gold["sentence"])
    qtext = gold["quantity_text"]
    hits = [m.start() for m in re.finditer(re.escape(qtext), text)]
    if not hits:
        return None
    if anchor < 0:
        start = hits[0]
    else:
        end_anchor = anchor + len(gold["sentence"])
        start = min(hits, key=lambda h: 0 if anchor <= h <= end_anchor else min(abs(h - anchor), abs(h - end_anchor)))
    return start, start + len(qtext)


def _norm_text(s: str) -> str:
    return re.sub(r"[^a-z0-9 ]", "", re.sub(r"^(the|a|an) ", "", s.lower().strip()))


def _written_and_base(q: Quantity) -> list[Quantity]:
    """The quantity as written and, when the registry converted it, in its base unit: '9 cents' agrees
    with a gold '0.09 USD', '5 km' with '5000 metre', a fraction 'half' with '50 percent'."""
    if q.unit == "fraction" and q.value_base is not None:  # 'half' agrees with a gold '50 percent'
        pct = {k: None if getattr(q, k) is None else 100 * getattr(q, k) for k in ("value", "low", "high")}
        return [q, q.model_copy(update={**pct, "unit": "percent"})]
    if q.unit_base is None or q.unit_base == q.unit or q.unit_base == "dimensionless":
        return [q]
    base = q.model_copy(update={"value": q.value_base, "low": q.low_base, "high": q.high_base, "unit": q.unit_base})
    return [q, base]


def _value_unit_ok(name: str, gold: dict, q: Quantity) -> bool:
    if name == "unit" or (gold.get("value") is None and gold.get("low") is None):
        return units_agree(q.unit, [gold.get("unit")])
    ok = values_equal(q, gold.get("value"), gold.get("low"), gold.get("high"))
    return ok and units_agree(q.unit, [gold.get("unit")])


def _field_ok(name: str, gold: dict, c: Claim | None, reference: date | None = None) -> bool:
    if c is None:
        return False
    q = c.quantity
    if name in ("value+unit", "unit"):
        return any(_value_unit_ok(name, gold, form) for form in _written_and_base(q))
    if name == "bound":
        return q.bound == gold.get("bound", "=")
    if name == "change":
        return q.change == gold.get("change")
    if name == "source":
        g = gold.get("source")
        if g is None or c.source is None:
            return g is None and c.source is None
        a, b = _norm_text(g), _norm_text(c.source.text)
        return a in b or b in a
    if name == "time":
        g = gold.get("time")
        if g is None or c.time is None:
            return g is None and c.time is None
        if (c.time.year is not None and str(c.time.year) == str(g)) or _norm_text(str(g)) in _norm_text(c.time.text):
            return True
        # a gold time may gloss itself: "the past five months (June to October 2023)" is either reading
        readings = [str(g), *re.findall(r"\(([^()]+)\)", str(g)), re.sub(r"\s*\([^()]*\)", "", str(g))]
        periods = [parse_period(x, reference=reference) for x in readings]
        return any(p is not None and c.time.period == p.label for p in periods)
    if name == "measured":
        words = gold.get("measured") or []
        if not words:
            return c.measured is None
        m = (c.measured or "").lower()
        return any(w.lower() in m for w in words)
    if name == "modality":
        return c.modality == gold.get("modality", "asserted")
    raise KeyError(name)


def score_claims(text: str, gold: dict, claims: list[Claim], *, published: str | None = None) -> ClaimsScore:
    """Detection and per-field accuracy of `claims` against a gold claims file's entries.

    `published` is the article's date: a gold time is read as a period against it (claimx.periods), so
    a claim whose time resolves to the same period is right ("October" of a November 2023 article is
    the gold "October 2023")."""
    reference = parse_date(published)
    entries = gold["claims"]
    spans = [locate_gold(text, g) for g in entries]
    used: set[int] = set()
    match: dict[int, Claim] = {}
    for gi, span in enumerate(spans):
        if span is None:
            continue
        best, best_overlap = None, 0
        for ci, c in enumerate(claims):
            if ci in used:
                continue
            overlap = min(span[1], c.quantity.end) - max(span[0], c.quantity.start)
            shorter = min(span[1] - span[0], c.quantity.end - c.quantity.start)
            if overlap > best_overlap and overlap >= MIN_OVERLAP * shorter:
                best, best_overlap = ci, overlap
        if best is not None:
            used.add(best)
            match[gi] = claims[best]
    required = [gi for gi, g in enumerate(entries) if not g.get("optional")]
    matched_optional = sum(1 for gi in match if entries[gi].get("optional"))
    tp = sum(1 for gi in required if gi in match)
    det = PRF(matched=tp, predicted=len(claims) - matched_optional, gold=len(required))
    fields = {
        name: (sum(_field_ok(name, entries[gi], match.get(gi), reference) for gi in required), len(required))
        for name in CLAIM_FIELDS
    }
    rows = []
    for gi, g in enumerate(entries):
        c = match.get(gi)
        rows.append(
            {
                "quantity_text": g["quantity_text"],
                "optional": bool(g.get("optional")),
                "found": c.quantity.text if c else None,
                "wrong": [f for f in CLAIM_FIELDS if c is not None and not _field_ok(f, g, c, reference)],
            }
        )
    for ci, c in enumerate(claims):
        if ci not in used:
            rows.append({"quantity_text": None, "optional": False, "found": c.quantity.text, "wrong": ["spurious"]})
    return ClaimsScore(detection=det, fields=fields, rows=rows)


def resolve_gold_article(gold_path: Path, gold: dict) -> Path | None:
    """The article a gold file names, relative to the working folder or any folder above the gold file."""
    rel = Path(gold["article"])
    for base in [Path.cwd(), *gold_path.resolve().parents]:
        if (base / rel).is_file():
            return base / rel
    return None
