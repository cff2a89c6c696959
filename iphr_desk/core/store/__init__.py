"""The local database: one SQLite (or SQLCipher) file per data folder, and everything kept in it.

    database     opening a store (checks, WAL, migrations), sessions, error translation
    dbfile       the database file outside SQLite: its kind, one SQLite library per file per process
    folderlock   who may use the data folder at once (shared users, exclusive replacers)
    recovery     journal of operations that replace the file; clean-up of interrupted ones
    models, migrations   the schema (SQLAlchemy ORM, Alembic)
    repository/  what the CLI and GUI do with the store, one module per concern
    search       full-text search (FTS5)
    backup, crypto       rolling backups, encryption at rest

May import: `letters`, `protocol` (for the values it stores) and the shared helpers. Never `export`, never
Qt. SQLAlchemy and Alembic are imported inside functions, so importing this package stays cheap.
"""
