"""The context linker's lexicon: attribution cues, kind words, hedges and the word lists of the
time and measured-concept rules, built once from `claimx/rules/` and frozen."""

from __future__ import annotations

import re
from dataclasses import dataclass
from types import MappingProxyType

from claimx.rulefiles import load_rules, word_list, word_patterns, word_values


@dataclass(frozen=True)
class ContextLexicon:
    """Everything the source, time, measured and hedge strategies look up."""

    prep_cues: tuple[tuple[tuple[str, ...], str], ...]  # ("according", "to") -> rule id, longest first
    verb_cues: MappingProxyType  # reporting-verb lemma -> rule id
    agent_cues: MappingProxyType  # "estimated by" verbs
    data_nouns: MappingProxyType  # "a report by", "(latest data, BEA)"
    kind_words: MappingProxyType  # source kind -> words that give it
    not_source: frozenset[str]
    hedges: MappingProxyType  # word -> (modality, sets modality?, rule id)
    relative_year: MappingProxyType  # "last year" -> -1
    relative_period: re.Pattern
    month_day: re.Pattern
    count_concepts: tuple[tuple[tuple[str, ...], str, str], ...]  # (concept words, unit, rule id), longest first

    @classmethod
    def build(cls) -> ContextLexicon:
        prep_cues: list[tuple[tuple[str, ...], str]] = []
        verb_cues, agent_cues, data_nouns, kind_words = {}, {}, {}, {}
        not_source: set[str] = set()
        for e in load_rules("sources"):
            if e.role == "prep_cue":
                prep_cues += [(tuple(p.split()), e.id) for p in e.phrases or []]
            elif e.role == "verb_cue":
                verb_cues.update({w: e.id for w in e.lemmas or []})
            elif e.role == "agent_cue":
                agent_cues.update({w: e.id for w in e.lemmas or []})
            elif e.role == "data_noun":
                data_nouns.update({w: e.id for w in e.lemmas or []})
            elif e.role == "kind_words":
                kind_words[e.kind] = tuple(e.lemmas or [])
            elif e.role == "not_source":
                not_source.update(e.lemmas or [])
        prep_cues.sort(key=lambda c: -len(c[0]))
        hedges: dict[str, tuple[str, bool, str]] = {}
        for e in load_rules("hedges"):
            for w in e.words:
                hedges.setdefault(w, (e.modality, w in e.modal_words, e.id))
            for w in e.modal_words:
                hedges[w] = (e.modality, True, e.id)
        (_, period), (_, month_day) = word_patterns("relative_period")[0], word_patterns("month_day")[0]
        return cls(
            prep_cues=tuple(prep_cues),
            verb_cues=MappingProxyType(verb_cues),
            agent_cues=MappingProxyType(agent_cues),
            data_nouns=MappingProxyType(data_nouns),
            kind_words=MappingProxyType(kind_words),
            not_source=frozenset(not_source),
            hedges=MappingProxyType(hedges),
            relative_year=MappingProxyType(word_values("relative_year")),
            relative_period=re.compile(period.pattern, re.IGNORECASE),
            month_day=month_day,
            count_concepts=tuple(
                sorted(
                    (
                        (tuple(w.lower().split()), e.unit, e.id)
                        for e in load_rules("news_units")
                        if e.role == "count_concept" and e.unit
                        for w in e.surfaces
                    ),
                    key=lambda c: -len(c[0]),
                )
            ),
        )


def words(role: str) -> frozenset[str]:
    """A word list of words.jsonl (re-exported for the strategies)."""
    return word_list(role)
