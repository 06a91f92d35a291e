"""The `followup` command line: a thin Typer layer over the core.

Each command group lives in its own module; `main()` maps FollowupError to a one-line message
and an exit code, so a user mistake never shows a traceback.
"""

from __future__ import annotations

import sys

import typer
from typer.core import TyperGroup

from followup.errors import FollowupError


class FollowupGroup(TyperGroup):
    """Maps FollowupError to one line on stderr and its exit code, for every command.

    Doing it here rather than in main() means tests through CliRunner see exactly what a
    user sees.
    """

    def invoke(self, ctx: typer.Context) -> object:  # type: ignore[override]
        try:
            return super().invoke(ctx)
        except FollowupError as error:
            from followup.cli.render import print_error

            print_error(str(error))
            ctx.exit(error.exit_code)


app = typer.Typer(
    cls=FollowupGroup,
    name="followup",
    help="Follow up after job interviews: record them, draft and check notes, know when to send.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
    add_completion=False,
)


@app.callback()
def _global_options(
    ctx: typer.Context,
    db: str | None = typer.Option(
        None, "--db", metavar="URL",
        help="Database URL or SQLite file (default: FOLLOWUP_DATABASE_URL, else the data dir).",
    ),
) -> None:
    ctx.obj = {"db": db}


def _register() -> None:
    # Importing registers each group's commands on `app`; the modules import heavy libraries
    # (SQLAlchemy, YAML) only inside commands, so `followup --help` stays fast.
    from followup.cli import (  # noqa: F401
        check_cmd,
        config_cmd,
        demo,
        draft_cmd,
        entry,
        mail_cmd,
        records,
        serve_cmd,
        timeline_cmd,
    )


def main() -> None:
    try:
        app(prog_name="followup")
    except KeyboardInterrupt:
        print("\ninterrupted; nothing was changed by the unfinished step", file=sys.stderr)
        sys.exit(130)


_register()
