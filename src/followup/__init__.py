"""followup: a local-first assistant for the follow-up after a job interview."""

__version__ = "0.1.0"
