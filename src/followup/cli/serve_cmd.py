"""`followup serve`: the web app on this machine (127.0.0.1:8765 by default), opened in the
browser.

    followup serve                       local only; opens the browser
    followup serve --port 9000 --no-browser
    followup serve --host 0.0.0.0        reachable from other machines: asks for an access
                                         token (printed once) or FOLLOWUP_WEB_PASSWORD
"""

from __future__ import annotations

import os
import secrets
import socket
import threading

import typer

from followup.cli import app
from followup.cli.render import console
from followup.errors import InputError

PASSWORD_ENV = "FOLLOWUP_WEB_PASSWORD"


def _check_port(host: str, port: int) -> None:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((host, port))
        except OSError as exc:
            raise InputError(f"cannot listen on {host}:{port} ({exc.strerror}); is followup "
                             f"already running? Try another --port") from None


@app.command("serve")
def serve(
    ctx: typer.Context,
    host: str = typer.Option("127.0.0.1", "--host", metavar="H",
                             help="Address to listen on; anything but loopback asks for a "
                                  "login."),
    port: int = typer.Option(8765, "--port", metavar="N", help="Port to listen on."),
    no_browser: bool = typer.Option(False, "--no-browser", help="Do not open a browser."),
    workers: int = typer.Option(1, "--workers", metavar="N",
                                help="Worker processes (for a shared server)."),
    allow_host: list[str] = typer.Option([], "--allow-host", metavar="NAME",
                                         help="Another Host name to answer to (a reverse "
                                              "proxy's); repeatable."),
) -> None:
    """Start the web app: the whole workflow in your browser."""
    import uvicorn

    from followup.web.serving import uvicorn_options
    from followup.web.settings import WebSettings

    if not 0 < port < 65536:
        raise InputError(f"--port {port}: choose a port from 1 to 65535")
    if workers < 1:
        raise InputError(f"--workers {workers}: at least 1")
    db = (ctx.find_root().obj or {}).get("db")
    settings = WebSettings(database_url=db, host=host, port=port,
                           allowed_hosts=tuple(h.lower() for h in allow_host))
    password = os.environ.get(PASSWORD_ENV) or None
    if password is not None and settings.requires_login:
        from followup.web.limiter import password_problem

        if problem := password_problem(password):
            raise InputError(f"{PASSWORD_ENV} is too weak for a server others can reach: "
                             f"{problem}. Choose a longer one, or unset it to get an access "
                             "token")
    shown = "localhost" if host in ("127.0.0.1", "::1") else host
    url = f"http://{'127.0.0.1' if host in ('0.0.0.0', '::') else shown}:{port}/"
    if settings.requires_login:
        token = None if password else secrets.token_urlsafe(24)
        from dataclasses import replace

        settings = replace(settings, access_token=token, password=password)
        if token:
            console.print(f"Access token (shown once; anyone with it can use this server): "
                          f"[bold]{token}[/]")
            url = f"{url}login?token={token}"
        else:
            console.print(f"Log in with the password in {PASSWORD_ENV}.")
    _check_port(host, port)
    console.print(f"followup is running at [bold]{url}[/] — press Ctrl+C to stop.")
    if workers > 1:
        os.environ.update(settings.to_env())
        uvicorn.run("followup.web.app:app_from_env", factory=True, host=host, port=port,
                    workers=workers, **uvicorn_options())
        return
    from followup.web import create_app

    server = uvicorn.Server(uvicorn.Config(create_app(settings), host=host, port=port,
                                           **uvicorn_options()))
    if not no_browser:
        threading.Thread(target=_open_when_ready, args=(server, url), daemon=True).start()
    server.run()


def _open_when_ready(server: object, url: str) -> None:
    import time
    import webbrowser

    for _ in range(200):
        if getattr(server, "started", False):
            webbrowser.open(url)
            return
        time.sleep(0.05)
