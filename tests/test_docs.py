"""The CLI reference is generated from --help and must stay in sync; every command has help text."""

import importlib.util

import click
from conftest import ROOT

from claimx.cli import cli


def _gen():
    spec = importlib.util.spec_from_file_location("gen_cli", ROOT / "docs" / "gen_cli.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_docs_cli_reference_in_sync():
    assert (ROOT / "docs" / "cli.md").read_text(encoding="utf-8") == _gen().render(), (
        "regenerate with: python docs/gen_cli.py > docs/cli.md"
    )


def test_docs_every_command_documented_with_help_and_example():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for path, cmd in _gen().walk(cli, ["claimx"]):
        assert cmd.help, f"{' '.join(path)} has no help"
        if not isinstance(cmd, click.Group):
            assert "Example:" in cmd.help, f"{' '.join(path)} help has no Example"
        if len(path) == 2:
            assert f"claimx {path[1]}" in readme, f"README does not mention `claimx {path[1]}`"
