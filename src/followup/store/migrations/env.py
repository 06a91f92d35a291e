"""Alembic environment: migrations run on a connection that followup hands in.

followup configures Alembic in code (no alembic.ini): `migrate._upgrade` puts the open
connection in `config.attributes["connection"]`. For development, `FOLLOWUP_DATABASE_URL`
(or the default database) is used when no connection is given, e.g. for
`alembic -x ... revision --autogenerate` with a small ini pointing here.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import context

from followup.store.tables import metadata


def _run(connection: sa.Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        # SQLite cannot ALTER most things; batch mode rebuilds the table instead.
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        lock_key = context.config.attributes.get("pg_lock_key")
        if connection.dialect.name == "postgresql" and lock_key is not None:
            # Two processes starting at once: the second waits, then finds nothing to do.
            connection.execute(sa.text("SELECT pg_advisory_xact_lock(:k)"), {"k": lock_key})
        context.run_migrations()


def _main() -> None:
    if context.is_offline_mode():
        raise SystemExit("followup migrations run online only")
    connection = context.config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    from followup.store.connect import create_engine
    from followup.store.urls import resolve_url

    engine = create_engine(resolve_url())
    with engine.connect() as conn:
        _run(conn)
        conn.commit()


_main()
