"""claimx's exceptions. Only the CLI turns them into exit codes."""

from __future__ import annotations


class ClaimxError(Exception):
    """Base class: a failure claimx can explain to its user."""


class RuleFileError(ClaimxError):
    """A rule or lexicon file in `claimx/rules/` is invalid."""

    def __init__(self, path: str, line: int, reason: str):
        self.path, self.line, self.reason = path, line, reason
        super().__init__(f"{path}:{line}: {reason}")


class IngestError(ClaimxError):
    """An input could not be read or understood. `code` is a short machine-readable reason."""

    def __init__(self, path: str, code: str, reason: str):
        self.path, self.code, self.reason = path, code, reason
        super().__init__(f"{path}: {reason}")


class ExportError(ClaimxError):
    """An output could not be written."""


class ModelNotFoundError(ClaimxError):
    """Neither en_core_web_sm nor its PyPI re-publication is installed."""


class ReviewFileError(ClaimxError):
    """A review file cannot be merged or read safely; it is left untouched."""

    def __init__(self, path, row: int | None, reason: str):
        self.path, self.row, self.reason = str(path), row, reason
        where = f"{path}, row {row}" if row is not None else str(path)
        super().__init__(f"{where}: {reason} (fix the file, or move it away to start a fresh review)")
