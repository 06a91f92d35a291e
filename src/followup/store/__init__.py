"""Storage: interview records in SQLite (default) or PostgreSQL, via SQLAlchemy Core.

    with open_store() as store:            # or open_store("postgresql://…"), or a file path
        saved, what = store.save_interview(interview)
        rows = store.list_interviews()

Only this package imports SQLAlchemy; the rest of followup sees model values.
"""

from followup.store.database import Store, open_store
from followup.store.records import InterviewSummary, RestoreResult
from followup.store.urls import resolve_url

__all__ = ["InterviewSummary", "RestoreResult", "Store", "open_store", "resolve_url"]
