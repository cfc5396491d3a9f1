"""`claimx serve DIR`: the review desk in a browser, over one output folder. Never spaCy.

A Starlette app (run by Uvicorn) with the report's pages, review controls on every claim, a triage view
of all claims by check-worthiness, and a JSON API (docs/api.md):

    GET  /api/claims[?article_id=&status=]      every claim record with its review fields
    PUT  /api/claims/{claim_id}/review          {"status", "note"?, "reviewer"?, "evidence_url"?}

Verdicts go to the folder's verdict store (`claimx.verdicts`, SQLite, WAL): a PUT answers 200 only
after its transaction is committed, so a server killed right after loses nothing. review.csv is kept in
step by a background thread (edits typed there are imported first), and `claimx extract` into the same
folder merges under the same folder lock, whether the server runs or not. Only the routes below exist:
no request names a file, so none can read or write outside DIR.
"""

from __future__ import annotations

import json
import re
import threading
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from urllib.parse import urlsplit

from claimx.outputs import OutputFolder
from claimx.outputs.review_file import REVIEWER_COLUMNS, STATUSES
from claimx.report import CSS, TABLE_JS, page_name, render_article, render_index
from claimx.review import refresh_csv, store_of
from claimx.schema import Claim
from claimx.verdicts import VerdictStore

REVIEW_JS = (files("claimx.static") / "review.js").read_text(encoding="utf-8")
MAX_NOTE = 10_000
MAX_REVIEWER = 200
MAX_URL = 2_000


class BadReview(ValueError):
    """A review body that cannot be stored (the message says why)."""


def parse_review(body: object) -> dict:
    """The verdict of a PUT body, validated: status one of STATUSES; note, reviewer as text; evidence_url
    an http(s) URL or empty. Raises BadReview with a message for the 422 answer."""
    if not isinstance(body, dict):
        raise BadReview('the body must be a JSON object like {"status": "verified"}')
    unknown = sorted(set(body) - {"status", "note", "reviewer", "evidence_url"})
    if unknown:
        raise BadReview(f"unknown field(s): {', '.join(unknown)}")
    status = body.get("status")
    if status not in STATUSES:
        raise BadReview(f"status must be one of {', '.join(STATUSES)}; got {status!r}")
    out = {"status": status}
    for key, limit in (("note", MAX_NOTE), ("reviewer", MAX_REVIEWER), ("evidence_url", MAX_URL)):
        value = body.get(key)
        if value is None:
            continue
        if not isinstance(value, str):
            raise BadReview(f"{key} must be a string")
        if len(value) > limit:
            raise BadReview(f"{key} is longer than {limit} characters")
        out[key] = value.strip() if key != "note" else value
    url = out.get("evidence_url")
    if url:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc or any(ch.isspace() for ch in url):
            raise BadReview(f"evidence_url must be an http(s) URL like https://example.org/source; got {url!r}")
    return out


@dataclass
class Corpus:
    """What the folder's last run wrote: claims by id, articles, texts; reloaded when claims.jsonl changes."""

    stamp: tuple[int, int]
    claims: dict[str, Claim]
    articles: list[dict]
    texts: dict[str, str]
    pages: dict[str, str]  # page file name -> article id


class Desk:
    """The server's state: the folder, its verdict store, the loaded run, and the review.csv syncer."""

    def __init__(self, root: Path):
        self.folder = OutputFolder(root)
        if not self.folder.path(self.folder.CLAIMS).exists():
            raise FileNotFoundError(f"{root} has no {self.folder.CLAIMS}; run `claimx extract ... -o {root}` first")
        self.store: VerdictStore = store_of(self.folder)
        self._corpus: Corpus | None = None
        self._lock = threading.Lock()
        self._dirty = threading.Event()
        self._stop = threading.Event()
        self._csv_mtime = 0
        refresh_csv(self.folder, self.store)  # spreadsheet edits made while no server ran
        self._syncer = threading.Thread(target=self._sync_loop, name="claimx-review-csv", daemon=True)

    def start(self) -> None:
        self._syncer.start()

    def stop(self) -> None:
        self._stop.set()
        self._dirty.set()
        if self._syncer.is_alive():
            self._syncer.join(timeout=10)
        refresh_csv(self.folder, self.store)

    def _sync_loop(self) -> None:
        """Keep review.csv in step: after verdicts (coalesced), and when the file is edited by hand."""
        path = self.folder.path(self.folder.REVIEW)
        while not self._stop.is_set():
            changed = self._dirty.wait(timeout=1.0)
            mtime = path.stat().st_mtime_ns if path.exists() else 0
            if changed or mtime != self._csv_mtime:
                self._dirty.clear()
                try:
                    refresh_csv(self.folder, self.store)
                except Exception as exc:  # a broken file: leave it, say so, go on serving
                    print(f"claimx serve: review.csv not refreshed: {exc}", flush=True)
                self._csv_mtime = path.stat().st_mtime_ns if path.exists() else 0
            self._stop.wait(0.3)

    def corpus(self) -> Corpus:
        path = self.folder.path(self.folder.CLAIMS)
        st = path.stat()
        stamp = (st.st_mtime_ns, st.st_size)
        with self._lock:
            if self._corpus is None or self._corpus.stamp != stamp:
                claims = {c.claim_id: c for c in self.folder.iter_claims()}
                articles = self.folder.read_articles()
                self._corpus = Corpus(
                    stamp=stamp,
                    claims=claims,
                    articles=articles,
                    texts=self.folder.read_texts(),
                    pages={page_name(a["article_id"]): a["article_id"] for a in articles},
                )
            return self._corpus

    def claim_records(self, *, article_id: str | None = None, status: str | None = None) -> list[dict]:
        """Every claim of the run with its review fields, in claims.jsonl order."""
        corpus = self.corpus()
        reviews = {r["claim_id"]: r for r in self.store.rows(article_id=article_id)}
        out = []
        for cid, c in corpus.claims.items():
            if article_id is not None and c.article_id != article_id:
                continue
            r = reviews.get(cid, {})
            review = {k: r.get(k, "") for k in REVIEWER_COLUMNS}
            review["status"] = review["status"] or "unreviewed"
            if status is not None and review["status"] != status:
                continue
            out.append({**c.model_dump(mode="json"), **review, "needs_recheck": r.get("needs_recheck", "")})
        return out

    def put_review(self, claim_id: str, body: object) -> dict | None:
        verdict = parse_review(body)
        if claim_id not in self.corpus().claims:
            return None
        row = self.store.put_review(claim_id, verdict)
        if row is not None:
            self._dirty.set()
        return row

    def statuses(self) -> dict[str, str]:
        return {r["claim_id"]: r["status"] for r in self.store.rows()}


def _review_of(row: dict) -> dict:
    return {k: row[k] for k in (*REVIEWER_COLUMNS, "needs_recheck")} | {"claim_id": row["claim_id"]}


def _with_review_script(page: str, depth: int) -> str:
    return page.replace("</body>", f'<script src="{"../" * depth}review.js"></script></body>', 1)


def triage_page() -> str:
    """The triage view: every claim of every article by check-worthiness; review.js fills it in."""
    options = {
        "f-type": ["current_value", "change", "comparison", "ranking", "prediction"],
        "f-source": ["yes", "no"],
        "f-modality": ["asserted", "estimate", "forecast", "hypothetical"],
        "f-status": list(STATUSES),
    }
    labels = {"f-type": "claim type", "f-source": "source", "f-modality": "modality", "f-status": "review status"}
    selects = "".join(
        f'<label>{labels[k]} <select id="{k}"><option value="">all</option>'
        + "".join(f'<option value="{o}">{o}</option>' for o in v)
        + "</select></label>"
        for k, v in options.items()
    )
    keys = (
        "<kbd>j</kbd>/<kbd>k</kbd> next/previous · <kbd>v</kbd> verified · <kbd>f</kbd> false · "
        "<kbd>m</kbd> misleading · <kbd>u</kbd> unverifiable · <kbd>n</kbd> not a claim · <kbd>0</kbd> unreviewed · "
        "<kbd>e</kbd> edit note"
    )
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1"><title>claimx triage</title>'
        '<link rel="stylesheet" href="report.css"></head><body>'
        '<header><a href="index.html">&larr; all articles</a><h1>Triage</h1>'
        f'<div class="count">most check-worthy first · {keys}</div></header><main>'
        f'<div class="filters">{selects}<label>checkworthiness ≥ <input id="f-cw" type="number" min="0" max="1" '
        'step="0.05" value="0"></label><label>reviewer <input id="reviewer" size="14"></label>'
        '<span class="count"><span id="shown">0</span> claims shown</span></div>'
        '<div id="panel" class="panel"><div id="p-sentence" class="sentence"></div>'
        '<label>note <textarea id="p-note" rows="2" cols="60"></textarea></label>'
        '<label>evidence URL <input id="p-evidence" size="50" placeholder="https://"></label>'
        '<span id="p-msg" role="status"></span></div>'
        '<table id="triage"><thead><tr><th>checkworthiness</th><th>article</th><th>quantity</th><th>measured</th>'
        "<th>source</th><th>status</th></tr></thead><tbody></tbody></table></main>"
        '<script src="review.js"></script></body></html>\n'
    )


def _error(status: int, message: str):
    from starlette.responses import JSONResponse

    return JSONResponse({"detail": message}, status_code=status)


class Handlers:
    """The app's request handlers over one Desk; blocking work runs in Starlette's thread pool."""

    def __init__(self, desk: Desk):
        self.desk = desk

    async def index(self, request):
        from starlette.concurrency import run_in_threadpool
        from starlette.responses import HTMLResponse

        def render() -> str:
            corpus = self.desk.corpus()
            ids: dict[str, list[str]] = {}
            for c in corpus.claims.values():
                ids.setdefault(c.article_id, []).append(c.claim_id)
            page = render_index(corpus.articles, ids, self.desk.statuses())
            link = '<p><a href="triage">Triage: all claims, most check-worthy first &rarr;</a></p>'
            return _with_review_script(page.replace("<main>", f"<main>{link}", 1), 0)

        return HTMLResponse(await run_in_threadpool(render))

    async def article(self, request):
        from starlette.concurrency import run_in_threadpool
        from starlette.responses import HTMLResponse

        name = request.path_params["page"]

        def render() -> str | None:
            corpus = self.desk.corpus()
            article_id = corpus.pages.get(name)
            if article_id is None:
                return None
            summary = next(a for a in corpus.articles if a["article_id"] == article_id)
            claims = [c for c in corpus.claims.values() if c.article_id == article_id]
            page = render_article(summary, corpus.texts.get(article_id, ""), claims, self.desk.statuses())
            return _with_review_script(page, 1)

        page = await run_in_threadpool(render)
        return HTMLResponse(page) if page is not None else _error(404, f"no article page {name!r}")

    async def triage(self, request):
        from starlette.responses import HTMLResponse

        return HTMLResponse(triage_page())

    async def list_claims(self, request):
        from starlette.concurrency import run_in_threadpool
        from starlette.responses import JSONResponse

        unknown = sorted(set(request.query_params) - {"article_id", "status"})
        if unknown:
            return _error(422, f"unknown query parameter(s): {', '.join(unknown)}; use article_id and status")
        status = request.query_params.get("status")
        if status is not None and status not in STATUSES:
            return _error(422, f"status must be one of {', '.join(STATUSES)}")
        records = await run_in_threadpool(
            self.desk.claim_records, article_id=request.query_params.get("article_id"), status=status
        )
        return JSONResponse(records)

    async def get_claim(self, request):
        from starlette.concurrency import run_in_threadpool
        from starlette.responses import JSONResponse

        claim_id = request.path_params["claim_id"]
        records = [r for r in await run_in_threadpool(self.desk.claim_records) if r["claim_id"] == claim_id]
        return JSONResponse(records[0]) if records else _error(404, f"no claim {claim_id!r}")

    async def put_review(self, request):
        from starlette.concurrency import run_in_threadpool
        from starlette.responses import JSONResponse

        claim_id = request.path_params["claim_id"]
        if not re.fullmatch(r"[0-9a-f]{8,64}", claim_id):
            return _error(404, f"no claim {claim_id!r}")
        raw = await request.body()
        if len(raw) > 64_000:
            return _error(413, "the body is larger than 64 kB")
        try:
            body = json.loads(raw or b"null")
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            return _error(400, f"the body is not valid JSON ({exc})")
        try:
            row = await run_in_threadpool(self.desk.put_review, claim_id, body)
        except BadReview as exc:
            return _error(422, str(exc))
        if row is None:
            return _error(404, f"no claim {claim_id!r} in this folder's last run")
        return JSONResponse(_review_of(row))

    async def not_found(self, request, exc):
        from starlette.responses import PlainTextResponse

        code = getattr(exc, "status_code", 404)
        if request.url.path.startswith("/api/"):
            return _error(code, getattr(exc, "detail", "not found"))
        return PlainTextResponse(
            "not found: see / for the articles and /triage" if code == 404 else "not allowed", code
        )


def _static(content: str, media: str):
    async def handler(request):
        from starlette.responses import Response

        return Response(content, media_type=media)

    return handler


def create_app(root: Path):
    """The Starlette app over output folder `root` (the routes are listed in the module docstring)."""
    from contextlib import asynccontextmanager

    from starlette.applications import Starlette
    from starlette.concurrency import run_in_threadpool
    from starlette.responses import RedirectResponse, Response
    from starlette.routing import Route

    desk = Desk(Path(root))
    h = Handlers(desk)

    @asynccontextmanager
    async def lifespan(app):
        desk.start()
        try:
            yield
        finally:
            await run_in_threadpool(desk.stop)

    routes = [
        Route("/", h.index),
        Route("/index.html", h.index),
        Route("/report", lambda r: RedirectResponse("/")),
        Route("/triage", h.triage),
        Route("/favicon.ico", lambda r: Response(status_code=204)),
        Route("/articles/{page}", h.article),
        Route("/report.css", _static(CSS, "text/css")),
        Route("/report.js", _static(TABLE_JS, "text/javascript")),
        Route("/review.js", _static(REVIEW_JS, "text/javascript")),
        Route("/api/claims", h.list_claims, methods=["GET"]),
        Route("/api/claims/{claim_id}", h.get_claim, methods=["GET"]),
        Route("/api/claims/{claim_id}/review", h.put_review, methods=["PUT"]),
    ]
    return Starlette(routes=routes, lifespan=lifespan, exception_handlers={404: h.not_found, 405: h.not_found})


def serve(root: Path, *, host: str = "127.0.0.1", port: int = 8000, quiet: bool = False) -> None:
    """Run the review desk until interrupted (Ctrl-C or SIGTERM)."""
    import uvicorn

    app = create_app(root)
    uvicorn.run(app, host=host, port=port, log_level="warning" if quiet else "info", access_log=not quiet)
