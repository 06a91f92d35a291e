"""The editor's mail hand-offs (.eml download, stage in Drafts, send), through the mail
module (`followup.mail`) when it is installed; without it the editor simply does not show
them.
"""

from __future__ import annotations

import importlib.util
from typing import Any

from fastapi import APIRouter

from followup.config import Config

router = APIRouter()


def available() -> bool:
    """Whether the mail module (eml, account, service) is part of this install."""
    try:
        return importlib.util.find_spec("followup.mail.eml") is not None
    except ModuleNotFoundError:
        return False


def actions(config: Config) -> dict[str, Any] | None:
    """What the editor may offer: None without the mail module."""
    if not available():
        return None
    return {"eml": True, "account": False}
