"""spaCy side of claimx: components, extensions and the pipeline. Nothing here leaves as a spaCy object."""
