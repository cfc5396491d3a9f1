"""Context a section's heading, or a list's lead-in, gives its claims. Never spaCy.

Headings that name only a period ("2010", "2000", "FY2024", "2023 census", "Third quarter 2024") date the
figures of their sections, up to the next heading, that no rule dated (rule `time-heading`): Wikipedia's
"Demographics" section writes its census figures under "2010" and "2000" subheadings, reports their results
under "Fiscal Year 2024". It takes two such headings: a lone date line ("2026", "March 5, 2026" under a
report's title) is a dateline, not a section, and a heading naming a month or a day is one too. A heading
with other words ("Wages in 2023", "Outlook for 2025") is a topic, as a title's single year is, and dates
nothing.

A list's lead-in that attributes what follows ("According to President Trump, the Commerce Secretary
recommended a range of actions including" before "- an immediate 30% tariff on ...") is the source of the
items' figures that name none (rule `src-list-lead`; `list_lead_sources`).

A block of prose that ends on its own source line (a report's text box: "| Mexico's Economy / Mexico has a
population of 132 million ... / Sources: Economist Intelligence Unit (EIU) View, ...") says where its figures
come from: each figure of the block that names no source takes the first source the line names (rule
`source-block-note`; `block_source_notes`). A source line under a table is the table's (`tablecells`); one
that is a web address is page furniture.
"""

from __future__ import annotations

import re

from claimx.claims import revised
from claimx.periods import parse_period
from claimx.rulefiles import load_rules
from claimx.schema import Block, Claim, Segment, Source, TimeRef
from claimx.tablecells import source_note

CENSUS = re.compile(r"^(?:(?:the\s+)?((?:19|20)\d\d)\s+census|census\s+(?:of\s+)?((?:19|20)\d\d))$", re.IGNORECASE)
HAS_YEAR = re.compile(r"(?:19|20)\d\d")
DAY_OR_MONTH = re.compile(r"^\d{4}-\d\d")  # "2024-06", "2024-06-05"; a quarter "2024-Q3" or half "2024-H1" is a section


def heading_time(claims: list[Claim], text: str, segments: list[Segment]) -> list[Claim]:
    """Each undated claim in a section whose heading names only a period, given that period."""
    sections: list[tuple[int, int, TimeRef]] = []
    headings = [s for s in segments if s.kind == "heading"]
    for k, h in enumerate(headings):
        time = _heading_period(text[h.char_start : h.char_end])
        if time is not None:
            end = headings[k + 1].char_start if k + 1 < len(headings) else len(text)
            sections.append((h.char_end, end, time))
    if len(sections) < 2:
        return claims  # one date line alone ("March 2026" under a report's title) is a dateline, not a section
    out = []
    for c in claims:
        hit = next((t for start, end, t in sections if start <= c.quantity.start < end), None)
        out.append(revised(c, ["time-heading"], time=hit) if hit is not None and c.time is None else c)
    return out


def _heading_period(heading: str) -> TimeRef | None:
    words = heading.strip().rstrip(".:")
    census = CENSUS.match(words)
    when = (census.group(1) or census.group(2)) if census else words
    if len(words) > 40 or not HAS_YEAR.search(when):
        return None
    period = parse_period(when)
    if period is None or DAY_OR_MONTH.search(period.label):
        return None  # "March 5, 2026", "June 2024": a dateline names a day or month
    return TimeRef(text=words, year=period.year, period=period.label)


LIST_OPENER = re.compile(r"(?::|\b(?:including|include|includes|included|such as|following|as follows))\s*$")


def list_lead_sources(claims: list[Claim], text: str, blocks: list[Block] | None) -> list[Claim]:
    """Each claim of a list item without a source, given the source its list's lead-in names: the last sentence
    of the block before the list, when it opens the list (a colon, 'including', 'such as', 'the following')
    and starts with an attribution cue of sources.jsonl ('According to X,')."""
    items = [b for b in blocks or [] if b.kind == "list_item"]
    if not items or not any(c.source is None for c in claims):
        return claims
    leads: dict[int, Source] = {}  # list item start -> the source its lead-in names
    ordered = sorted(blocks or [], key=lambda b: b.char_start)
    lead: Source | None = None
    for b in ordered:
        if b.kind == "list_item":
            if lead is not None:
                leads[b.char_start] = lead
            continue
        lead = _lead_source(text[b.char_start : b.char_end])
    out = []
    for c in claims:
        item = next((b for b in items if b.char_start <= c.quantity.start < b.char_end), None)
        source = leads.get(item.char_start) if item is not None else None
        out.append(revised(c, ["src-list-lead"], source=source) if source is not None and c.source is None else c)
    return out


NOTE_LINE = re.compile(r"^[|*_\s]*sources?\s*:[*_\s]*", re.IGNORECASE)


def block_source_notes(claims: list[Claim], text: str, segments: list[Segment]) -> list[Claim]:
    """Each claim without a source in a paragraph whose last line is a source note, given the note's source."""
    notes: list[tuple[int, int, Source]] = []  # (block start, note line start, source)
    for s in segments:
        if s.kind != "paragraph":
            continue
        block = text[s.char_start : s.char_end].rstrip()
        cut = block.rfind("\n")
        m = NOTE_LINE.match(block[cut + 1 :]) if cut > 0 else None
        note = source_note("Source: " + block[cut + 1 :][m.end() :]) if m else None
        if note and not note.lower().startswith(("http", "www.")):
            notes.append((s.char_start, s.char_start + cut, Source(text=note, kind="publication", cue="Source:")))
    if not notes:
        return claims
    out = []
    for c in claims:
        hit = next((src for start, end, src in notes if start <= c.quantity.start < end), None)
        out.append(revised(c, ["source-block-note"], source=hit) if hit is not None and c.source is None else c)
    return out


def _lead_source(block: str) -> Source | None:
    last = re.split(r"(?<=[.!?])\s+", block.strip())[-1]
    if not LIST_OPENER.search(last):
        return None
    cues = [p for e in load_rules("sources") if e.role == "prep_cue" for p in e.phrases]
    m = re.match(rf"^(?P<cue>{'|'.join(re.escape(p) for p in cues)})\s+(?P<src>[^,;:]{{3,80}}),", last, re.IGNORECASE)
    if m is None or not m.group("src")[:1].isupper() and not m.group("src").lower().startswith("the "):
        return None
    name = re.sub(r"^the\s+", "", m.group("src"), flags=re.IGNORECASE)
    return Source(text=name, kind=_kind(name), cue=m.group("cue").lower())


def _kind(name: str) -> str:
    """The kind of a named source by the kind words of sources.jsonl ('Department', 'report'), else a person
    when it is a title and a name ('President Trump'), else an organization."""
    words_ = {w.lower() for w in re.findall(r"[A-Za-z]+", name)}
    for e in load_rules("sources"):
        if e.role == "kind_words" and words_ & set(e.lemmas or e.phrases or ()):
            return e.kind
    return "person" if PERSON_TITLE.match(name) else "organization"


PERSON_TITLE = re.compile(
    r"^(?:President|Secretary|Senator|Governor|Minister|Chair(?:man|woman)?|Dr\.?|Mr\.?|Ms\.?)\s+[A-Z]"
)
