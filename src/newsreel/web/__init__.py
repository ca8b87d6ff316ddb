"""The web UI and HTTP API (``newsreel serve``): FastAPI + Jinja2 on uvicorn.

FastAPI (on Starlette) gives typed query parameters, validation and the OpenAPI
document for free; Jinja2 autoescapes every value rendered into a page; uvicorn is the
maintained ASGI server. Static assets (CSS, JS, Chart.js) are vendored in
``web/static`` so the UI works offline and needs no build step.
"""

from newsreel.web.app import create_app

__all__ = ["create_app"]
