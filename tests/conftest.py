"""Shared fixtures. The real pipeline is loaded once per session (about half a second)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
SHARED = ROOT.parent / "shared"
GOLD_DIR = SHARED / "data" / "gold"
EVAL_DIR = SHARED / "data" / "eval"


@pytest.fixture(scope="session")
def nlp():
    from claimx.nlp.pipeline import default_nlp

    return default_nlp()


@pytest.fixture(scope="session")
def extract(nlp):
    """extract(text) -> list[Claim] with the session pipeline."""
    from claimx.extract import extract_claims

    def run(text: str, **kw):
        return extract_claims(text, nlp=nlp, **kw)

    return run


def needs_shared(path: Path) -> pytest.MarkDecorator:
    """Skip cleanly when ../shared (development data) is not beside the checkout."""
    return pytest.mark.skipif(not path.exists(), reason=f"{path} not present (development data in ../shared)")
