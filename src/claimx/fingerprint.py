"""A fingerprint of claimx's own code and rule files, for cache keys: any edit changes it."""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path


@cache
def rules_hash() -> str:
    """SHA-256 over the package's rule and lexicon files and its code (a source checkout changes without
    a version bump)."""
    h = hashlib.sha256()
    package = Path(__file__).resolve().parent
    for path in sorted([*package.rglob("*.py"), *package.rglob("*.jsonl")]):
        h.update(path.relative_to(package).as_posix().encode())
        h.update(path.read_bytes())
    return h.hexdigest()
