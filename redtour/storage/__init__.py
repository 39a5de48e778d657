"""Database layer: SQLAlchemy 2 models, Alembic migrations, repositories returning core dataclasses."""
