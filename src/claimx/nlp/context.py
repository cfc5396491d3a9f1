"""ContextLinker: who says so, what is measured, when, and how sure — for each quantity span.

Reads the dependency parse and the entity labels of the sentence that holds a quantity:
- source: "according to X", "X says/forecasts/estimates (that) ...", "estimated by X", "a report by X";
  a pronoun subject ("it said") resolves to the nearest earlier named organization or person in the
  same paragraph. Cue words and kind words are in `claimx/rules/sources.jsonl`.
- time: the date expression with a year nearest the quantity (years the QuantityMatcher set aside,
  DATE entities, "FY2031"); "last year"/"this year" resolve against the article's date when known.
- measured: the noun phrase the number is about, from the parse (its "of"/"in" complement, the noun it
  modifies, or the subject of its clause).
- hedges and modality: hedge words that govern the quantity (`claimx/rules/hedges.jsonl`).
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from claimx.nlp import extensions  # noqa: F401
from claimx.rulefiles import load_rules

NOMINAL_LINKS = {"compound", "nmod", "amod", "poss", "nummod", "quantmod"}
PHRASE_CHILDREN = {"compound", "amod", "nmod", "poss", "npadvmod"}
DETERMINERS = {"the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "our", "my"}
MONTH_DAY_RE = re.compile(
    r"\b(January|February|March|April|May|June|July|August|September|October|November|December)"
    r"\b(\s+\d{1,2}\b)?"
)  # "July 23", "in March": the article's year
# sources that point back to an earlier sentence ("It said", "the company expects"): the only reason the
# sentence before a figure is parsed with it (see claimx.nlp.prefilter)
SOURCE_PRONOUNS = frozenset({"it", "he", "she", "they"})
SOURCE_DEFINITES = frozenset({"company", "agency", "firm", "group", "bank", "ministry", "survey"})
YEAR_RE = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)")
FY_RE = re.compile(r"^(?:FY|fy)[-']?(\d{2}|\d{4})$")
# a period named relative to now, without a year: "over the past decade", "in the first quarter"
PERIOD_RE = re.compile(
    r"^(?:the )?(?:past|last|next|previous|coming|recent|current|first|second|third|fourth|final)"
    r"(?: \w+)? (?:decades?|years|months?|quarters?|weeks?|century|half)$",
    re.IGNORECASE,
)
RELATIVE_YEAR = {
    "last year": -1,
    "this year": 0,
    "next year": 1,
    "a year ago": -1,
    "a year earlier": -1,
    "the previous year": -1,
    "the past year": -1,
    "previous year": -1,
}
# verbs whose object is a level of the subject ("reserves total $5bn"), not an action on it
STATE_VERBS = {
    "be",
    "have",
    "hold",
    "reach",
    "total",
    "stand",
    "remain",
    "hit",
    "amount",
    "equal",
    "represent",
    "account",
    "average",
    "exceed",
    "top",
    "surpass",
    "number",
    "cost",
    "comprise",
}
GENERIC_NOUNS = {"world", "country", "time", "year", "history", "region", "globe", "nation", "term", "case"}


def _phrase(tok: Token, exclude: set[int] | None = None, max_tokens: int = 6) -> str:
    """A short readable phrase: `tok` with its left compound/adjective modifiers."""
    exclude = exclude or set()
    keep = {tok.i}
    for child in tok.lefts:
        if child.dep_ in PHRASE_CHILDREN and child.i not in exclude:
            sub = [t.i for t in child.subtree if t.i not in exclude]
            if any(tok.doc[i].tag_ == "POS" or tok.doc[i].lower_ in DETERMINERS for i in sub):
                if child.dep_ == "poss":
                    continue
            keep.update(sub)
    idx = sorted(i for i in keep if tok.doc[i].lower_ not in DETERMINERS and not tok.doc[i].is_punct)
    # keep a contiguous run ending at tok
    run = [tok.i]
    for i in reversed(idx):
        if i < run[0] and i == run[0] - 1:
            run.insert(0, i)
    words = [tok.doc[i].text for i in run][-max_tokens:]
    return " ".join(words)


class ContextLinker:
    """Sets source, time, measured, hedges and modality on each quantity span.

    Args:
        nlp: the pipeline.
        name: the component name.
        spans_key: where the QuantityMatcher left its spans.
    """

    def __init__(self, nlp: Language, name: str = "claimx_context", *, spans_key: str = "claimx_quantities"):
        self.name = name
        self.spans_key = spans_key
        self.prep_cues: list[tuple[list[str], str]] = []
        self.verb_cues: dict[str, str] = {}
        self.agent_cues: dict[str, str] = {}
        self.data_nouns: dict[str, str] = {}
        self.kind_words: dict[str, list[str]] = {}
        self.not_source: set[str] = set()
        for e in load_rules("sources"):
            if e.role == "prep_cue":
                for p in e.phrases or []:
                    self.prep_cues.append((p.split(), e.id))
            elif e.role == "verb_cue":
                self.verb_cues.update({w: e.id for w in e.lemmas or []})
            elif e.role == "agent_cue":
                self.agent_cues.update({w: e.id for w in e.lemmas or []})
            elif e.role == "data_noun":
                self.data_nouns.update({w: e.id for w in e.lemmas or []})
            elif e.role == "kind_words":
                self.kind_words[e.kind] = list(e.lemmas or [])
            elif e.role == "not_source":
                self.not_source.update(e.lemmas or [])
        self.prep_cues.sort(key=lambda c: -len(c[0]))
        self.hedges: dict[str, tuple[str, bool, str]] = {}
        for e in load_rules("hedges"):
            for w in e.words:
                self.hedges.setdefault(w, (e.modality, w in e.modal_words, e.id))
            for w in e.modal_words:
                self.hedges[w] = (e.modality, True, e.id)

    def __call__(self, doc: Doc) -> Doc:
        for span in doc.spans.get(self.spans_key, []):
            self.set_annotations(span)
        return doc

    def pipe(self, docs, batch_size: int = 128):
        for doc in docs:
            yield self(doc)

    def set_annotations(self, span: Span) -> None:
        q = span._.claimx_quantity or {}
        head = span.doc[q["head"]] if q.get("head") is not None else span.root
        rules = list(span._.claimx_rule_ids or [])
        source, rid = self.find_source(span, head)
        if rid:
            rules.append(rid)
        span._.claimx_source = source
        span._.claimx_time = self.find_time(span, head)
        span._.claimx_measured = self.find_measured(span, head)
        hedges, modality, hrules = self.find_hedges(span, head)
        if source and modality == "asserted":
            words = set(re.findall(r"[a-z]+", source["text"].lower()))
            if words & {"estimate", "estimates", "estimated"}:
                modality = "estimate"  # "according to estimates"
            elif words & {"forecast", "forecasts", "projection", "projections", "outlook"}:
                modality = "forecast"
        span._.claimx_hedges = hedges
        span._.claimx_modality = modality
        span._.claimx_rule_ids = list(dict.fromkeys(rules + hrules))

    # -- source -----------------------------------------------------------------------------
    def _source_text(self, tok: Token) -> str | None:
        doc = tok.doc
        if tok.lower_ in self.not_source or tok.pos_ == "PRON":
            return None
        if tok.ent_type_ in ("ORG", "PERSON", "GPE", "NORP"):
            ent = next((e for e in doc.ents if e.start <= tok.i < e.end), None)
            if ent is not None:
                words = [t for t in ent if t.lower_ not in ("the",)]
                return doc[words[0].i : words[-1].i + 1].text if words else None
        sub = list(tok.subtree)
        # cut at the first comma, relative clause or apposition after the head
        end = sub[-1].i + 1
        for t in sub:
            if t.i > tok.i and (t.text in (",", "(", ";", "—", "–") or t.dep_ in ("relcl", "appos", "acl")):
                end = t.i
                break
        start = sub[0].i
        while start < tok.i and (doc[start].lower_ in DETERMINERS or doc[start].is_punct):
            start += 1
        text = doc[start:end].text.strip(" ,")
        return text or None

    def _source_kind(self, tok: Token, text: str) -> str:
        low = text.lower()
        words = set(re.findall(r"[a-z]+", low)) | {tok.lemma_.lower()}

        def has(kind: str) -> bool:
            return any((w in words) if " " not in w else (w in low) for w in self.kind_words.get(kind, []))

        if tok.ent_type_ == "PERSON":
            return "person"
        if tok.lemma_.lower() in self.kind_words.get("dataset", []) and tok.pos_ == "NOUN":
            return "dataset"
        if has("government") or tok.ent_type_ in ("GPE", "NORP"):
            return "government"
        if tok.lemma_.lower() in self.kind_words.get("dataset", []):
            return "dataset"
        if (
            tok.lemma_.lower() in self.kind_words.get("publication", [])
            or has("publication")
            and tok.ent_type_ != "ORG"
        ):
            return "publication"
        if tok.ent_type_ == "ORG" or tok.pos_ == "PROPN":
            return "organization"
        if has("unnamed"):
            return "unnamed"
        return "unnamed"

    def _resolve_pronoun(self, tok: Token, sent: Span) -> Token | None:
        """'It said': the nearest earlier ORG or PERSON entity of the paragraph (the Doc)."""
        if tok.lower_ not in SOURCE_PRONOUNS and not (
            tok.lower_ in SOURCE_DEFINITES and any(c.lower_ == "the" for c in tok.lefts)
        ):
            return None
        want = ("PERSON",) if tok.lower_ in ("he", "she") else ("ORG", "PERSON") if tok.lower_ == "they" else ("ORG",)
        cands = [e for e in tok.doc.ents if e.end <= sent.start and e.label_ in want]
        return cands[-1].root if cands else None

    def _make_source(self, tok: Token, cue: str, rid: str, sent: Span) -> tuple[dict | None, str | None]:
        resolved = self._resolve_pronoun(tok, sent)
        if resolved is not None:
            tok = resolved
        text = self._source_text(tok)
        if not text:
            return None, None
        author = ((tok.doc._.claimx_context or {}).get("author") or "").lower()
        if author and (text.lower() in author or author in text.lower()):
            return None, None  # the article's own author or publisher is not a source
        return {"text": text, "kind": self._source_kind(tok, text), "cue": cue}, rid

    def find_source(self, span: Span, head: Token) -> tuple[dict | None, str | None]:
        sent = span.sent
        lowers = [t.lower_ for t in sent]
        # 1. "according to X"
        for words, rid in self.prep_cues:
            n = len(words)
            for k in range(len(lowers) - n + 1):
                if lowers[k : k + n] == words:
                    last = sent[k + n - 1]
                    pobj = next((c for c in last.children if c.dep_ == "pobj"), None)
                    if pobj is None and k + n < len(sent):
                        nxt = sent[k + n]
                        pobj = nxt if nxt.pos_ in ("NOUN", "PROPN") else None
                        if pobj is not None:
                            while (
                                pobj.head.i != pobj.i
                                and pobj.head.i < sent.end
                                and pobj.head.pos_ in ("NOUN", "PROPN")
                                and pobj.dep_ == "compound"
                            ):
                                pobj = pobj.head
                    if pobj is not None and not (span.start <= pobj.i < span.end):
                        if words == ["per"] and pobj.pos_ != "PROPN":
                            continue
                        src, r = self._make_source(pobj, " ".join(t.text for t in sent[k : k + n]).lower(), rid, sent)
                        if src:
                            return src, r
        ancestors = list(head.ancestors)
        # 2. "estimated by X" governing the quantity, then anywhere in the sentence
        agents = [t for t in sent if t.dep_ == "agent" and t.head.lemma_.lower() in self.agent_cues]
        agents.sort(key=lambda t: (t.head not in ancestors, abs(t.i - head.i)))
        for by in agents:
            pobj = next((c for c in by.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                src, r = self._make_source(
                    pobj, f"{by.head.text} {by.text}".lower(), self.agent_cues[by.head.lemma_.lower()], sent
                )
                if src:
                    return src, r
        # 3. "X forecasts that ...", "..., X said": a reporting verb whose complement holds the quantity
        verbs = [t for t in sent if t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in self.verb_cues]
        for t in sent:
            # "EIA's Short-Term Energy Outlook (STEO) projects growth": the tagger read the verb as a plural noun
            if t.pos_ == "NOUN" and t.tag_ == "NNS" and t.lower_.rstrip("s") in self.verb_cues and t.i > sent.start:
                prev = t.doc[t.i - 1]
                if prev.text == ")":
                    opening = next((x for x in reversed(list(t.doc[sent.start : t.i])) if x.text == "("), None)
                    prev = t.doc[opening.i - 1] if opening is not None and opening.i > sent.start else prev
                if prev.pos_ == "PROPN":
                    src, r = self._make_source(prev, t.text.lower(), self.verb_cues[t.lower_.rstrip("s")], sent)
                    if src:
                        return src, r
        verbs.sort(key=lambda t: (t not in ancestors, abs(t.i - head.i)))
        for verb in verbs:
            subj = next((c for c in verb.children if c.dep_ in ("nsubj",)), None)
            if subj is None or (subj.left_edge.i <= head.i <= subj.right_edge.i):
                continue
            if verb not in ancestors and not (verb.dep_ == "ROOT" and head.sent == verb.sent):
                continue
            if verb in ancestors and self._through_relative(head, verb):
                continue  # "announced an agreement, under which ... 15%": the figure is not what was announced
            src, r = self._make_source(subj, verb.text.lower(), self.verb_cues[verb.lemma_.lower()], sent)
            if src:
                return src, r
        # 4. "(latest data, BEA)", "(USGS)": a bracketed attribution after the figure
        src = self._bracket_source(span, sent)
        if src is not None:
            return src, "src-bracket"
        # 5. "a report by X", "X data": a data noun with its owner
        for tok in sent:
            if tok.lemma_.lower() in self.data_nouns and tok.pos_ == "NOUN":
                by = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "by"), None)
                if by is not None:
                    pobj = next((c for c in by.children if c.dep_ == "pobj"), None)
                    if pobj is not None:
                        src, r = self._make_source(
                            pobj, f"{tok.text} by".lower(), self.data_nouns[tok.lemma_.lower()], sent
                        )
                        if src:
                            return src, r
        return None, None

    @staticmethod
    def _through_relative(head: Token, verb: Token) -> bool:
        tok = head
        while tok.i != verb.i and tok.head.i != tok.i:
            if tok.dep_ in ("relcl", "acl"):
                return True
            tok = tok.head
        return False

    @staticmethod
    def _abbreviates(acronym: str, before: Span) -> bool:
        letters = [c.lower() for c in acronym if c.isupper()]
        initials = [t.text[0].lower() for t in before if t.is_alpha]
        it = iter(initials)
        return len(letters) >= 2 and all(any(ch == x for x in it) for ch in letters)

    def _bracket_source(self, span: Span, sent: Span) -> dict | None:
        doc = span.doc
        k = span.end
        while k < sent.end and doc[k].text != "(" and not (doc[k].is_punct and doc[k].text in (";", ".")):
            k += 1
        if k >= sent.end or doc[k].text != "(" or (k > 0 and doc[k - 1].pos_ == "PROPN"):
            return None  # "(STEO)" right after a name abbreviates it
        close = next((t.i for t in doc[k : sent.end] if t.text == ")"), None)
        if close is None or close - k > 8:
            return None
        inner = doc[k + 1 : close]
        names = [t for t in inner if t.pos_ == "PROPN" and (t.ent_type_ in ("ORG", "GPE") or t.is_upper and len(t) > 1)]
        has_data = any(t.lemma_.lower() in self.data_nouns for t in inner)
        if not names or not (has_data or len(inner) == 1 or names[0].ent_type_ == "ORG"):
            return None
        if any(t.like_num for t in inner) or inner.text.lower().startswith(("figure", "table", "see ")):
            return None
        if not has_data and self._abbreviates(inner.text, doc[max(sent.start, k - 10) : k]):
            return None  # "foreign direct investment (FDI)" names a term, not a source
        name = names[-1]
        ent = next((e for e in doc.ents if e.start <= name.i < e.end), None)
        text = ent.text if ent is not None else name.text
        return {"text": text, "kind": self._source_kind(name, text), "cue": f"({inner.text})"}

    # -- time -------------------------------------------------------------------------------
    def _time_applies(self, date: Span, span: Span, path: set[int], subjects: set[int]) -> bool:
        """Does a date in the sentence date this quantity? It must hang on the quantity's clause."""
        d = date.root
        if d.ent_type_ in ("LAW", "ORG", "EVENT", "WORK_OF_ART", "FAC", "PRODUCT"):
            return False  # "the Trade Act of 1974" names a law
        if date.start > 0 and date.doc[date.start - 1].lower_ == "than":
            return False  # "$10 billion less than 2024": the baseline, not the figure's time
        if (
            d.dep_ in ("compound", "nummod", "amod", "nmod")
            and d.head.pos_ in ("NOUN", "PROPN")
            and not (span.start <= d.head.i < span.end)
            and d.head.i not in path
        ):
            return False  # "2024 U.S. tariff rates" dates the rates, not this figure
        if d.i in subjects:
            return True
        governors = []
        for t in d.ancestors:  # up through "as of", "in", "by" to the word the date hangs on
            governors.append(t)
            if t.pos_ != "ADP" and t.dep_ != "prep" or len(governors) >= 3:
                break
        own = {t.i for t in span.root.subtree} if span.root.pos_ in ("NOUN", "PROPN") else set()
        for g in governors:
            if g.i in path or g.i in subjects or span.start <= g.i < span.end or g.i in own:
                return True
            if g.lemma_.lower() in self.data_nouns or g.lower_ == "according":
                return True  # "according to data in 2023"
        return not governors  # a sentence that is only a date and a figure

    def find_time(self, span: Span, head: Token | None = None) -> dict | None:
        doc, sent = span.doc, span.sent
        head = head if head is not None else span.root
        published = (doc._.claimx_context or {}).get("published_year")
        cands: list[tuple[int, str, int | None, int]] = []
        years = doc._.claimx_years or []
        for ent in sent.ents:
            if ent.label_ != "DATE" or (ent.start < span.end and span.start < ent.end):
                continue
            text = ent.text
            low = text.lower()
            m = YEAR_RE.search(text)
            if m:
                words = [t for t in ent if t.lower_ not in ("the",)]
                cands.append((ent.start, doc[words[0].i : words[-1].i + 1].text, int(m.group(1)), ent.end))
            elif MONTH_DAY_RE.search(text):
                cands.append((ent.start, text, published, ent.end))  # "On July 23": the article's year
            elif low.removeprefix("the ") in RELATIVE_YEAR or low in RELATIVE_YEAR:
                key = low if low in RELATIVE_YEAR else low.removeprefix("the ")
                cands.append((ent.start, text, published + RELATIVE_YEAR[key] if published else None, ent.end))
            elif PERIOD_RE.match(text) and not (ent.start > 0 and doc[ent.start - 1].lower_ in ("from", "than")):
                cands.append((ent.start, text, None, ent.end))  # "from the previous week" is a baseline
        for s, e, y in years:
            if sent.start <= s < sent.end and not any(c[0] <= s < c[0] + 8 and str(y) in c[1] for c in cands):
                cands.append((s, doc[s:e].text, y, e))
        for tok in sent:
            m = FY_RE.match(tok.text)
            if m:
                y = int(m.group(1))
                cands.append((tok.i, tok.text, y + 2000 if y < 100 else y, tok.i + 1))
        path = {head.i} | {t.i for t in head.ancestors}
        subjects = {
            t.i
            for i in path
            for c in doc[i].children
            if c.dep_ in ("nsubj", "nsubjpass")
            for t in c.subtree  # "Imports ... in 2003 accounted for 55%": the subject's own date
            if not any(
                a.dep_ == "relcl" and a.i != c.i and c.i in {x.i for x in a.ancestors} for a in [t, *t.ancestors]
            )
        }
        cands = [c for c in cands if self._time_applies(doc[c[0] : c[3]], span, path, subjects)]
        if not cands:
            return None

        def distance(c: tuple) -> tuple[int, int, int]:
            # "from 5.6 million in 2011 to 7.5 million in 2013": the date right after a figure is its own;
            # a period without a year ("last week") yields to a dated one unless it follows the figure
            # ("doubled over the past decade", "2.3 million barrels last week")
            after = c[0] >= span.end
            gap = c[0] - span.end if after else span.start - c[3]
            weak = c[2] is None and PERIOD_RE.match(c[1]) is not None and not (after and gap <= 1)
            return int(weak), gap, int(not after)

        _, text, year, _ = min(cands, key=distance)
        return {"text": text, "year": year}

    # -- measured ---------------------------------------------------------------------------
    def find_measured(self, span: Span, head: Token) -> str | None:
        inside = set(range(span.start, span.end))
        q = span._.claimx_quantity or {}
        if q.get("measured_head") is not None:
            return _phrase(span.doc[q["measured_head"]])
        doc = span.doc
        # 0. "pork (+83%)": a figure in brackets right after a noun is about that noun
        if span.start >= 2 and doc[span.start - 1].text == "(" and doc[span.start - 2].pos_ in ("NOUN", "PROPN"):
            return _phrase(doc[span.start - 2])
        # 1. a counted noun names the thing counted: "11 mineral commodities", "10 members of the TPP";
        #    a hyphenated one classifies the noun it modifies: "the 15-member RCEP"
        unit_tok = next(
            (t for t in reversed(span) if t.pos_ == "NOUN" and q.get("unit") in (t.lemma_.lower(), t.lower_)), None
        )
        if q.get("kind") in ("count", "ratio") and unit_tok is not None and q.get("unit") != "times":
            if (
                unit_tok.dep_ in ("compound", "amod", "nmod")
                and unit_tok.head.i >= span.end
                and unit_tok.head.pos_ in ("NOUN", "PROPN")
                and doc[unit_tok.i - 1].text == "-"
            ):
                return _phrase(unit_tok.head, inside)
            return _phrase(unit_tok)
        if q.get("kind") == "count" and head.pos_ == "NOUN":
            return _phrase(head)
        # 2. "185 billion tons of coal", "70% of imports", "$74 billion in free cash flow"
        for tok in [head] + [t for t in span if t.i != head.i]:
            for prep in tok.children:
                if prep.dep_ == "prep" and prep.lower_ in ("of", "in", "on", "for") and prep.i >= span.end - 1:
                    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                    if (
                        pobj is not None
                        and pobj.ent_type_ not in ("DATE", "TIME")
                        and pobj.lemma_.lower() not in GENERIC_NOUNS
                    ):
                        return _phrase(pobj, inside)
        # 2b. "imported $51.1 billion in automotive goods": the complement hangs on the verb
        if head.dep_ in ("dobj", "obj") and head.head.pos_ == "VERB":
            for prep in head.head.children:
                if prep.dep_ == "prep" and prep.lower_ in ("of", "in", "on") and prep.i >= span.end:
                    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                    if (
                        pobj is not None
                        and pobj.ent_type_ not in ("DATE", "TIME", "GPE")
                        and pobj.lemma_.lower() not in GENERIC_NOUNS
                    ):
                        return _phrase(pobj, inside)
        # 2c. "lowered the auto tariffs to 15%": the level of the verb's object
        if head.dep_ == "pobj" and head.head.lower_ in ("to", "at", "from", "by") and head.head.head.pos_ == "VERB":
            obj = next((c for c in head.head.head.children if c.dep_ in ("dobj", "obj") and c.i not in inside), None)
            if obj is not None and obj.pos_ in ("NOUN", "PROPN"):
                return _phrase(obj, inside)
        # 3. the noun it modifies: "$8 trillion resource potential", "second-largest salt mines"
        tok = head
        if tok.dep_ == "appos" and tok.head.i not in inside:
            tok = tok.head  # "$56.8 billion, $10 billion less than 2024": the restated figure's context
        if (
            tok.dep_ in NOMINAL_LINKS | {"npadvmod"}
            and tok.head.i not in inside
            and tok.head.pos_ in ("NOUN", "PROPN", "ADJ")
        ):
            return _phrase(tok.head, inside)
        # 4. "growth of 4.9%": the noun the "of" phrase hangs on
        if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.pos_ == "NOUN":
            return _phrase(tok.head.head, inside)
        # 5. climb to the clause: a relative/participial clause names its noun, else the subject
        direct_object = tok.dep_ in ("dobj", "obj")
        first_verb = tok.head if direct_object else None
        for _ in range(6):
            if tok.dep_ in ("acl", "relcl") and tok.head.pos_ in ("NOUN", "PROPN"):
                return _phrase(tok.head, inside)
            if tok.pos_ in ("VERB", "AUX"):
                subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                if subj is not None and subj.pos_ != "PRON" and subj.i not in inside:
                    verb = first_verb if first_verb is not None else tok
                    if direct_object and verb.lemma_.lower() not in STATE_VERBS:
                        return f"{_phrase(subj, inside)} {verb.text}"  # "United States exported"
                    return _phrase(subj, inside)
                if tok.dep_ in ("acl", "relcl", "xcomp", "ccomp", "advcl", "conj") and tok.head.i != tok.i:
                    if tok.dep_ in ("advcl",) and tok.lemma_.lower() not in STATE_VERBS:
                        return tok.text  # "while exporting only around $3.88 billion"
                    tok = tok.head
                    continue
                return tok.text if tok.lemma_.lower() not in ("be", "have") else None
            if tok.head.i == tok.i:
                break
            tok = tok.head
        return None

    # -- hedges and modality ----------------------------------------------------------------
    def find_hedges(self, span: Span, head: Token) -> tuple[list[str], str, list[str]]:
        found: list[tuple[int, str]] = []
        modal: list[str] = []
        rules: list[str] = []
        nominal = head.dep_ in NOMINAL_LINKS and head.head.i >= span.end
        chain: list[Token] = []
        tok = head
        while tok.head.i != tok.i:
            if tok.dep_ in NOMINAL_LINKS and tok.head.pos_ in ("NOUN", "PROPN"):
                nominal = True
            tok = tok.head
            chain.append(tok)
        sent = span.sent
        sent_lower = sent.text.lower()

        def note(t: Token, modal_ok: bool) -> None:
            w = t.lower_
            entry = self.hedges.get(w) or self.hedges.get(t.lemma_.lower())
            if entry is None:
                return
            modality, is_modal, rid = entry
            found.append((t.i, w))
            rules.append(rid)
            if is_modal and modal_ok:
                modal.append(modality)

        for t in span:
            note(t, True)
        for anc in chain:
            if anc.pos_ in ("VERB", "AUX", "ADJ"):
                note(anc, True)
            nouns = (
                [anc]
                if anc.pos_ == "NOUN"
                else [c for c in anc.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "NOUN"]
            )
            for noun in nouns:
                for c in noun.children:
                    if c.dep_ in ("amod", "compound") and c.i < noun.i:
                        note(c, True)  # "forecast production", "estimated reserves"
            for c in anc.children:
                if c.dep_ in ("aux", "mark") and c.i < anc.i:
                    note(c, not nominal or c.dep_ == "mark")
        # "expected to" / "set to" are read from the sentence text
        for phrase in ("set to", "poised to", "on track to"):
            if phrase in sent_lower and phrase in self.hedges:
                found.append((sent.start, phrase))
                modal.append(self.hedges[phrase][0])
        found.sort()
        hedges = list(dict.fromkeys(w for _, w in found))
        for m in ("forecast", "estimate", "hypothetical"):
            if m in modal:
                return hedges, m, rules
        return hedges, "asserted", rules
