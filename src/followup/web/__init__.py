"""The web app: the whole workflow in a browser, over the same core as the CLI.

`create_app(WebSettings(...))` builds it; `followup serve` runs it with uvicorn. Pages are
server-rendered (Jinja2) with small vendored scripts in static/ (no build step, no CDN);
the JSON API lives under /api/.
"""

from followup.web.app import create_app
from followup.web.settings import WebSettings

__all__ = ["WebSettings", "create_app"]
