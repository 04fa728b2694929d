"""Store: the SQLite knowledge base (schema and the only module that writes SQL)."""
