"""The HTTP API and the dashboard over a store (`bilateral serve`): FastAPI, Jinja templates, own assets."""
