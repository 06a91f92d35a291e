"""The web app factory: `create_app(settings)` wires the store, the guards, the pages, the
JSON API and the static files into one FastAPI app.

    uvicorn.run(create_app(WebSettings(port=8765)), host="127.0.0.1", port=8765)

`app_from_env` is the factory uvicorn calls in each worker process when several are asked
for (`followup serve --workers N`), reading the settings `WebSettings.to_env` wrote.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import Depends, FastAPI, Request
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from followup.errors import FollowupError
from followup.store import open_store
from followup.web.security import SecurityMiddleware, csrf_protect
from followup.web.settings import WebSettings
from followup.web.state import HERE, AppState

WARM_TEXT = ("Subject: Thank you\n\nDear Dana,\n\nThank you for your time today. I enjoyed "
             "our talk about streaming pipelines. Please let me know if I can help with "
             "anything else.\n\nBest regards,\nPriya\n")


def create_app(settings: WebSettings | None = None) -> FastAPI:
    """One app over one store; every route is guarded (see security.py)."""
    from followup.web import api, editor, pages, site

    settings = settings or WebSettings()
    store = open_store(settings.database_url)
    state = AppState(settings, store)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        if settings.warm_checker:
            warm(state)
        yield
        store.close()

    app = FastAPI(
        title="followup", version="0.1.0", lifespan=lifespan,
        summary="Follow up after job interviews: records, drafts, checks, agenda.",
        openapi_url="/api/openapi.json", docs_url=None, redoc_url=None,
        dependencies=[Depends(csrf_protect)],
    )
    app.state.followup = state
    app.add_middleware(SecurityMiddleware, settings=settings, limiter=state.logins)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.include_router(api.router)
    for module in (pages, editor, site):
        app.include_router(module.router, include_in_schema=False)
    app.add_exception_handler(FollowupError, _followup_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    return app


def warm(state: AppState) -> None:
    """Load the checker's dictionaries and rules once, so the first keystroke is fast."""
    from followup.check import CheckContext, check
    from followup.language import spelling

    check(WARM_TEXT, CheckContext(), state.config())
    spelling.warm()


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/")


async def _followup_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, FollowupError)
    if _wants_json(request):
        return JSONResponse({"error": exc.message, "status": exc.http_status},
                            status_code=exc.http_status)
    return error_page(request, exc.http_status, exc.message)


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    if _wants_json(request):
        return JSONResponse({"error": str(exc.detail), "status": exc.status_code},
                            status_code=exc.status_code)
    text = "There is no such page." if exc.status_code == 404 else str(exc.detail)
    return error_page(request, exc.status_code, text)


def error_page(request: Request, status: int, message: str) -> Response:
    state: AppState = request.app.state.followup
    titles: dict[int, str] = {403: "Not allowed", 404: "Not found", 422: "Please check this"}
    return state.render(request, "error.html", status, title=titles.get(status, "Problem"),
                        message=message)


def app_from_env() -> Any:
    """uvicorn's factory for worker processes: settings from FOLLOWUP_WEB_* variables."""
    return create_app(WebSettings.from_env())
