"""The web edge: a read-only SPARQL 1.1 endpoint, a query page and the graph explorer.

``create_app(store, settings)`` builds the Starlette application; ``serve(settings, host,
port)`` opens the store read-only and runs it under uvicorn on loopback by default.
"""

from newsprov.server.app import LOOPBACK, TRUNCATED_HEADER, create_app, serve, uvicorn_config

__all__ = ["LOOPBACK", "TRUNCATED_HEADER", "create_app", "serve", "uvicorn_config"]
