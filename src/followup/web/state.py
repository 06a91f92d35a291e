"""What one running app holds: the store, the config (re-read when the file changes), a short
-lived snapshot of the records for the live checker, the clock and the page renderer.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, select_autoescape

from followup import config as config_module
from followup.config import Config
from followup.model import Interview
from followup.paths import config_file
from followup.store import Store
from followup.web.limiter import LoginLimiter
from followup.web.security import csrf_token
from followup.web.settings import WebSettings

HERE = Path(__file__).parent
SNAPSHOT_SECONDS = 10.0
NOTICES = {
    "saved": "Saved.", "created": "Interview saved.", "updated": "Interview updated.",
    "imported": "Notes imported.", "closed": "Interview closed: nothing more is planned.",
    "sent": "Marked as sent: it has left your agenda.", "settings": "Settings saved.",
    "rotated": "A new calendar link was made; the old one no longer works.",
    "recomposed": "A new draft replaced the text.", "polished": "Polished by your model.",
    "staged": "Saved in your mailbox's Drafts folder.", "mailed": "Sent.",
}


@dataclass
class Snapshot:
    """Every record, kept for a few seconds so a check per keystroke does not reload them."""

    taken: float
    generation: int
    by_id: Mapping[int, Interview]


@dataclass
class AppState:
    """Shared by every request of one app (one worker process)."""

    settings: WebSettings
    store: Store
    env: Environment = field(init=False)
    _config: tuple[tuple[int, int], Config] | None = None
    _snapshot: Snapshot | None = None
    _generation: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock)
    logins: LoginLimiter = field(init=False)

    def __post_init__(self) -> None:
        import time

        self.logins = LoginLimiter(self.settings.login_clock or time.monotonic)
        self.env = Environment(loader=FileSystemLoader(HERE / "templates"),
                               autoescape=select_autoescape(default=True),
                               trim_blocks=True, lstrip_blocks=True)

    # -- time and config -------------------------------------------------------------------

    def now(self) -> datetime:
        return self.settings.clock() if self.settings.clock else datetime.now(UTC)

    def config(self) -> Config:
        """The user's settings, re-read only when the file changed."""
        path = config_file()
        try:
            stat = path.stat()
            key = (stat.st_mtime_ns, stat.st_size)
        except OSError:
            key = (0, 0)
        cached = self._config
        if cached is not None and cached[0] == key:
            return cached[1]
        loaded = config_module.load(path)
        self._config = (key, loaded)
        return loaded

    def forget_config(self) -> None:
        self._config = None

    def user_zone(self) -> ZoneInfo:
        return ZoneInfo(self.config().timezone)

    # -- records for the checker -----------------------------------------------------------

    def changed(self) -> None:
        """Records were written: the next check reloads them."""
        with self._lock:
            self._generation += 1

    def records(self) -> Mapping[int, Interview]:
        with self._lock:
            snap = self._snapshot
            generation = self._generation
        if (snap is None or snap.generation != generation
                or time.monotonic() - snap.taken > SNAPSHOT_SECONDS):
            by_id = {i.id: i for i in self.store.all_interviews() if i.id is not None}
            snap = Snapshot(time.monotonic(), generation, by_id)
            with self._lock:
                self._snapshot = snap
        return snap.by_id

    # -- pages -----------------------------------------------------------------------------

    def render(self, request: Request, name: str, status: int = 200,
               **context: Any) -> HTMLResponse:
        notice = context.pop("notice", None) or NOTICES.get(request.query_params.get("done", ""))
        html = self.env.get_template(name).render(
            request=request, csrf=csrf_token(request), notice=notice,
            path=request.url.path, login=self.settings.requires_login, **context)
        return HTMLResponse(html, status_code=status)


def app_state(request: Request) -> AppState:
    state: AppState = request.app.state.followup
    return state
