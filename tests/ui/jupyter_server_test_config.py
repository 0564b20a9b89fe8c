"""Jupyter server settings for the UI tests (tests/ui), passed by playwright.config.ts with --config.

Galata's own test configuration: no token or password, its helper extension, throw-away workspaces. Never use it for
a server that others can reach. The root folder is set on the command line (build/ui/server-root).
"""

from jupyterlab.galata import configure_jupyter_server

configure_jupyter_server(c)  # noqa: F821 (c is the config object Jupyter passes to config files)
c.ServerApp.log_level = "ERROR"  # noqa: F821 (Galata's helpers cause harmless 404 warnings)
