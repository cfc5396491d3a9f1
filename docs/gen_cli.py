"""Regenerate docs/cli.md from the commands' --help: `python docs/gen_cli.py > docs/cli.md`."""

from __future__ import annotations

import click

from claimx.cli import cli


def walk(cmd: click.Command, path: list[str]):
    yield path, cmd
    if isinstance(cmd, click.Group):
        for name in sorted(cmd.commands):
            yield from walk(cmd.commands[name], path + [name])


def render() -> str:
    out = [
        "# claimx command-line reference",
        "",
        "Generated from `--help` by `python docs/gen_cli.py > docs/cli.md`; a test keeps it in sync.",
        "",
    ]
    for path, cmd in walk(cli, ["claimx"]):
        ctx = click.Context(
            cmd, info_name=" ".join(path), terminal_width=100, max_content_width=100, help_option_names=["-h", "--help"]
        )
        out += [f"## `{' '.join(path)}`", "", "```", cmd.get_help(ctx).rstrip(), "```", ""]
    return "\n".join(out)


if __name__ == "__main__":
    print(render(), end="")
