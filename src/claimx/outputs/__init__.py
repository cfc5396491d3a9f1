"""The output folder: its one owner (`OutputFolder`), atomic writing, the review file's format, staging."""

from claimx.outputs.atomic import atomic_write, write_json, write_text
from claimx.outputs.folder import OutputFolder

__all__ = ["OutputFolder", "atomic_write", "write_json", "write_text"]
