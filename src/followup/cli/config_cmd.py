"""`followup config`: show and change the user's settings."""

from __future__ import annotations

import typer

from followup.cli import app
from followup.cli.render import console, print_json

config_app = typer.Typer(help="Show or change settings (name, signature, zone, limits).",
                         no_args_is_help=True)
app.add_typer(config_app, name="config")


@config_app.command("show")
def show(as_json: bool = typer.Option(False, "--json")) -> None:
    """Every setting with its value; changed ones are marked."""
    from rich.markup import escape
    from rich.table import Table

    from followup import config
    from followup.paths import config_file

    current = config.load()
    default = config.defaults()
    if as_json:
        print_json(dict(current.values))
        return
    table = Table(title=f"Settings ({config_file()})", title_justify="left")
    for column in ("key", "value", "about"):
        table.add_column(column)
    for setting in config.SPEC:
        value = current.get(setting.key)
        text = escape(shown_value(value))
        shown = text if value != default.get(setting.key) else f"[dim]{text}[/]"
        table.add_row(setting.key, shown, escape(setting.help))
    console.print(table)


def shown_value(value: object) -> str:
    """A value as `config set` takes it back: lists comma-separated, the rest as repr."""
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value) if value else "(none)"
    return repr(value)


@config_app.command("set")
def set_(key: str, value: str) -> None:
    """Set KEY to VALUE, e.g. `followup config set me.name "Priya Raman"`.

    A list takes comma-separated words: `followup config set check.words "roastery, Kubeflow"`.
    """
    from followup import config

    updated = config.set_value(key, value)
    console.print(f"{key} = {shown_value(updated.get(key))}", markup=False)
