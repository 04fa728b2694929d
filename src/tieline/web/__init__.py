"""Web UI and JSON API (FastAPI) over the read API; see app.create_app."""
