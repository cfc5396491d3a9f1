"""The fact-checkers' report: a self-contained static site built from an output folder.

`build_report(out_dir)` reads claims.jsonl, articles.jsonl, texts.jsonl and review.csv and writes
report/index.html (articles with claim counts and review progress) and one page per article: the clean
text with every claim highlighted (hover or click shows its fields) and a claims table that sorts and
filters in the browser. No network assets, no server: the pages share report.css and report.js,
written beside them.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
from functools import cache
from importlib.resources import files
from pathlib import Path

from claimx.outputs import OutputFolder
from claimx.schema import Claim

CSS = (files("claimx.static") / "report.css").read_text(encoding="utf-8")

TABLE_JS = (files("claimx.static") / "report.js").read_text(encoding="utf-8")


def page_name(article_id: str) -> str:
    """A safe, stable file name for an article page."""
    slug = re.sub(r"[^A-Za-z0-9._-]+", "_", article_id).strip("._")[:60] or "article"
    return f"{slug}-{hashlib.sha1(article_id.encode('utf-8')).hexdigest()[:8]}.html"


def _e(x: object) -> str:
    return html.escape("" if x is None else str(x), quote=True)


def _page(title: str, body: str, *, depth: int, script: bool = False) -> str:
    """A page linking the report's own stylesheet and script (files beside it; nothing from the network)."""
    up = "../" * depth
    return (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1"><title>{_e(title)}</title>'
        f'<link rel="stylesheet" href="{up}report.css"></head><body>{body}'
        + (f'<script src="{up}report.js"></script>' if script else "")
        + "</body></html>\n"
    )


def _td(text: str, sort_value: object) -> str:
    attr = "" if sort_value is None else f' data-v="{_e(sort_value)}"'
    return f"<td{attr}>{_e(text)}</td>"


def _num(x: float) -> str:
    """74000000000.0 -> '74,000,000,000'; 4.9 -> '4.9'; never an exponent a reader must decode."""
    if x == int(x) and abs(x) < 1e18:
        return f"{int(x):,}"
    return f"{x:,.6f}".rstrip("0").rstrip(".")


def _value(c: Claim) -> str:
    q = c.quantity
    if q.value is not None:
        return _num(q.value)
    if q.low is not None:
        return f"{_num(q.low)} – {_num(q.high)}"
    return ""


def _fields(c: Claim, status: str) -> list[tuple[str, str]]:
    q = c.quantity
    return [
        ("value", _value(c)),
        ("unit", q.unit or ""),
        ("bound", q.bound),
        ("change", q.change or ""),
        ("measured", c.measured or ""),
        ("source", f"{c.source.text} ({c.source.kind}; {c.source.cue})" if c.source else ""),
        ("time", c.time.text if c.time else ""),
        ("modality", c.modality),
        ("claim type", c.claim_type),
        ("checkworthiness", f"{c.checkworthiness:.2f}"),
        ("status", status),
        ("rules", ", ".join(c.rule_ids)),
    ] + ([("table cell", f"row {c.table.row_header or '—'}; column {c.table.column_header}")] if c.table else [])


HEADS = [
    ("quantity", "text"),
    ("value", "number"),
    ("unit", "text"),
    ("bound", "text"),
    ("change", "text"),
    ("measured", "text"),
    ("source", "text"),
    ("time", "text"),
    ("modality", "text"),
    ("type", "text"),
    ("checkworthiness", "number"),
    ("status", "text"),
]
FILTERS = [  # (element id, label, options) of the claims table's filters
    ("f-type", "claim type", ["current_value", "change", "comparison", "ranking", "prediction"]),
    ("f-source", "source", ["yes", "no"]),
    ("f-modality", "modality", ["asserted", "estimate", "forecast", "hypothetical"]),
    ("f-status", "review status", ["unreviewed", "verified", "false", "misleading", "unverifiable", "not_a_claim"]),
]


def highlighted_text(text: str, claims: list[Claim], statuses: dict[str, str]) -> str:
    """The article text, escaped, with a <mark> and a popup of fields around every claim."""
    parts, pos = [], 0
    for c in sorted(claims, key=lambda c: c.quantity.start):
        q = c.quantity
        if q.start < pos:
            continue
        status = statuses.get(c.claim_id, "unreviewed")
        pop = "".join(f"<tr><th>{_e(k)}</th><td>{_e(v) or '—'}</td></tr>" for k, v in _fields(c, status))
        parts.append(_e(text[pos : q.start]))
        parts.append(
            f'<mark class="claim status-{_e(status)}" id="c-{_e(c.claim_id)}" data-claim-id="{_e(c.claim_id)}" '
            f'data-value="{_e(_value(c))}" data-unit="{_e(q.unit or "")}" tabindex="0">{_e(text[q.start : q.end])}'
            f'<span class="pop"><table>{pop}</table></span></mark>'
        )
        pos = q.end
    parts.append(_e(text[pos:]))
    return "".join(parts)


def claim_row(c: Claim, status: str) -> str:
    """One row of the claims table, with the data-* attributes its filters read."""
    q = c.quantity
    cells = [
        (q.text, None),
        (_value(c), q.value if q.value is not None else q.low),
        (q.unit or "", None),
        (q.bound, None),
        (q.change or "", None),
        (c.measured or "", None),
        (c.source.text if c.source else "", None),
        (c.time.text if c.time else "", None),
        (c.modality, None),
        (c.claim_type, None),
        (f"{c.checkworthiness:.2f}", c.checkworthiness),
        (status, None),
    ]
    tds = "".join(_td(t, v) for t, v in cells)
    return (
        f'<tr data-id="{_e(c.claim_id)}" data-type="{_e(c.claim_type)}" '
        f'data-source="{"yes" if c.source else "no"}" data-modality="{_e(c.modality)}" '
        f'data-status="{_e(status)}" data-cw="{c.checkworthiness}">{tds}</tr>'
    )


def filters_bar(n_claims: int) -> str:
    """The filter controls above the claims table."""

    def select(fid: str, label: str, options: list[str]) -> str:
        opts = "".join(f'<option value="{_e(o)}">{_e(o)}</option>' for o in options)
        return f'<label>{label} <select id="{fid}"><option value="">all</option>{opts}</select></label>'

    return (
        '<div class="filters">'
        + "".join(select(*f) for f in FILTERS)
        + '<label>checkworthiness ≥ <input id="f-cw" type="number" min="0" max="1" step="0.05" value="0"></label>'
        + f'<span class="count"><span id="shown">{n_claims}</span> of {n_claims} claims shown</span></div>'
    )


def render_article(article: dict, text: str, claims: list[Claim], statuses: dict[str, str]) -> str:
    """One article page: highlighted text and the claims table."""
    rows = "".join(claim_row(c, statuses.get(c.claim_id, "unreviewed")) for c in claims)
    thead = "".join(f'<th data-type="{t}">{_e(h)}</th>' for h, t in HEADS)
    title = article.get("title") or article["article_id"]
    body = (
        f'<header><a href="../index.html">&larr; all articles</a><h1>{_e(title)}</h1>'
        f'<div class="count">{_e(article["article_id"])} · {len(claims)} claims</div></header><main>'
        f'<h2>Text</h2><div class="article" id="text">{highlighted_text(text, claims, statuses)}</div>'
        f'<h2>Claims</h2>{filters_bar(len(claims))}<table id="claims"><thead><tr>{thead}</tr></thead>'
        f"<tbody>{rows}</tbody></table></main>"
    )
    return _page(title, body, depth=1, script=True)


def render_index(articles: list[dict], claim_ids: dict[str, list[str]], statuses: dict[str, str]) -> str:
    rows = []
    for a in articles:
        cs = claim_ids.get(a["article_id"], [])
        done = sum(1 for cid in cs if statuses.get(cid, "unreviewed") != "unreviewed")
        pct = 100 * done / len(cs) if cs else 0
        rows.append(
            f'<tr><td><a href="articles/{page_name(a["article_id"])}">{_e(a.get("title") or a["article_id"])}</a>'
            f'<div class="count">{_e(a["article_id"])}</div></td><td data-v="{len(cs)}">{len(cs)}</td>'
            f'<td data-v="{pct:.1f}">{done} / {len(cs)} '
            f'<span class="bar"><span style="width:{pct:.0f}%"></span></span></td></tr>'
        )
    total = sum(len(v) for v in claim_ids.values())
    body = (
        f'<header><h1>claimx report</h1><div class="count">{len(articles)} articles · {total} claims</div></header>'
        f'<main><table id="articles"><thead><tr><th>article</th><th>claims</th><th>reviewed</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></main>"
    )
    return _page("claimx report", body, depth=0)


def _from_folder(folder: OutputFolder):
    by_article: dict[str, list[Claim]] = {}
    for c in folder.iter_claims():
        by_article.setdefault(c.article_id, []).append(c)
    texts = folder.read_texts()
    for a in folder.read_articles():
        if a["article_id"] in texts:
            yield a, texts[a["article_id"]], by_article.get(a["article_id"], [])


@cache
def _renderer() -> str:
    """The page renderer's own fingerprint (this module's source): a new renderer rewrites every page."""
    return hashlib.sha256(Path(__file__).read_bytes()).hexdigest()


def _page_stamp(article: dict, text: str, claims: list[Claim], statuses: dict[str, str]) -> str:
    """A marker of everything a page shows, and of the code that draws it: a page whose marker is unchanged
    is not rewritten."""
    state = [_renderer(), article.get("title"), text, [c.model_dump(mode="json") for c in claims]]
    state.append([statuses.get(c.claim_id) for c in claims])
    return hashlib.sha256(json.dumps(state, sort_keys=True).encode()).hexdigest()


def build_report(folder: OutputFolder, *, articles=None, statuses: dict[str, str] | None = None) -> Path:
    """Write report/ inside an output folder; returns the index path.

    `articles` yields (summary, text, claims) per article, e.g. streamed from a run's staging files;
    by default they are read from the folder's claims.jsonl, articles.jsonl and texts.jsonl, and its
    review.csv (a reviewer's edits) is validated first: a broken file raises ReviewFileError naming the
    row. A page whose content did not change is not rewritten.
    """
    if articles is None:
        statuses = {r["claim_id"]: r["status"] for r in folder.read_review()}
        articles = _from_folder(folder)
    elif statuses is None:
        statuses = folder.read_statuses()  # the review file the run has just written
    for name, content in (("report.css", CSS), ("report.js", TABLE_JS)):
        folder.write_if_changed(f"{folder.REPORT_DIR}/{name}", content)
    listed: list[dict] = []
    counts: dict[str, list[str]] = {}
    for a, text, cs in articles:
        listed.append(a)
        counts[a["article_id"]] = [c.claim_id for c in cs]  # the index needs ids and statuses only
        name = f"{folder.REPORT_DIR}/articles/{page_name(a['article_id'])}"
        marker = f"<!-- claimx:{_page_stamp(a, text, cs, statuses)} -->\n"
        if (folder.read_text(name) or "").endswith(marker):
            continue  # unchanged since the last run
        folder.write_text(name, render_article(a, text, cs, statuses) + marker)
    folder.write_text(folder.REPORT_INDEX, render_index(listed, counts, statuses))
    return folder.path(folder.REPORT_INDEX)
