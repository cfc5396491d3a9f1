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
from importlib.resources import files
from pathlib import Path

from claimx.export import atomic_write
from claimx.review import REVIEW_FILE, load_claims, load_jsonl, read_review, read_statuses
from claimx.schema import Claim

TEXTS_FILE = "texts.jsonl"
REPORT_DIR = "report"

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
    ]


def render_article(article: dict, text: str, claims: list[Claim], statuses: dict[str, str]) -> str:
    """One article page: highlighted text and the claims table."""
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
    rows = []
    for c in claims:
        q = c.quantity
        status = statuses.get(c.claim_id, "unreviewed")
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
        rows.append(
            f'<tr data-id="{_e(c.claim_id)}" data-type="{_e(c.claim_type)}" '
            f'data-source="{"yes" if c.source else "no"}" data-modality="{_e(c.modality)}" '
            f'data-status="{_e(status)}" data-cw="{c.checkworthiness}">{tds}</tr>'
        )
    heads = [
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
    thead = "".join(f'<th data-type="{t}">{_e(h)}</th>' for h, t in heads)

    def select(fid: str, label: str, options: list[str]) -> str:
        opts = "".join(f'<option value="{_e(o)}">{_e(o)}</option>' for o in options)
        return f'<label>{label} <select id="{fid}"><option value="">all</option>{opts}</select></label>'

    filters = (
        '<div class="filters">'
        + select("f-type", "claim type", ["current_value", "change", "comparison", "ranking", "prediction"])
        + select("f-source", "source", ["yes", "no"])
        + select("f-modality", "modality", ["asserted", "estimate", "forecast", "hypothetical"])
        + select(
            "f-status",
            "review status",
            ["unreviewed", "verified", "false", "misleading", "unverifiable", "not_a_claim"],
        )
        + '<label>checkworthiness ≥ <input id="f-cw" type="number" min="0" max="1" step="0.05" value="0"></label>'
        + f'<span class="count"><span id="shown">{len(claims)}</span> of {len(claims)} claims shown</span></div>'
    )
    title = article.get("title") or article["article_id"]
    body = (
        f'<header><a href="../index.html">&larr; all articles</a><h1>{_e(title)}</h1>'
        f'<div class="count">{_e(article["article_id"])} · {len(claims)} claims</div></header><main>'
        f'<h2>Text</h2><div class="article" id="text">{"".join(parts)}</div>'
        f'<h2>Claims</h2>{filters}<table id="claims"><thead><tr>{thead}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></main>"
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


def _from_folder(out_dir: Path):
    claims = load_claims(out_dir)
    by_article: dict[str, list[Claim]] = {}
    for c in claims:
        by_article.setdefault(c.article_id, []).append(c)
    texts = {t["article_id"]: t["text"] for t in load_jsonl(out_dir / TEXTS_FILE)}
    for a in load_jsonl(out_dir / "articles.jsonl"):
        if a["article_id"] in texts:
            yield a, texts[a["article_id"]], by_article.get(a["article_id"], [])


def build_report(out_dir: Path, *, articles=None) -> Path:
    """Write report/ inside an output folder; returns the index path.

    `articles` yields (summary, text, claims) per article, e.g. streamed from a run's staging files;
    by default they are read from the folder's claims.jsonl, articles.jsonl and texts.jsonl. Review
    statuses always come from its review.csv. A page whose content did not change is not rewritten.
    """
    out_dir = Path(out_dir)
    articles = _from_folder(out_dir) if articles is None else articles
    if articles is None:
        read_review(out_dir / REVIEW_FILE)  # `claimx report` after a reviewer's edits: refuse a broken file
    statuses = read_statuses(out_dir / REVIEW_FILE)
    report = out_dir / REPORT_DIR
    for name, content in (("report.css", CSS), ("report.js", TABLE_JS)):
        target = report / name
        if not target.exists() or target.read_text(encoding="utf-8") != content:
            with atomic_write(target) as fh:
                fh.write(content)
    listed: list[dict] = []
    counts: dict[str, list[str]] = {}
    for a, text, cs in articles:
        listed.append(a)
        counts[a["article_id"]] = [c.claim_id for c in cs]  # the index needs ids and statuses only
        stamp = hashlib.sha256(
            json.dumps(
                [a.get("title"), text, [c.model_dump(mode="json") for c in cs], [statuses.get(c.claim_id) for c in cs]],
                sort_keys=True,
            ).encode()
        ).hexdigest()
        target = report / "articles" / page_name(a["article_id"])
        marker = f"<!-- claimx:{stamp} -->"
        if target.exists() and target.read_text(encoding="utf-8").endswith(marker + "\n"):
            continue  # unchanged since the last run
        with atomic_write(target) as fh:
            fh.write(render_article(a, text, cs, statuses) + marker + "\n")
    index = report / "index.html"
    with atomic_write(index) as fh:
        fh.write(render_index(listed, counts, statuses))
    return index
