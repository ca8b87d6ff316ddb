"""Build the ASGI app: pages, the API, vendored static files, security headers."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Iterable
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.responses import JSONResponse, Response

from newsreel import __version__
from newsreel.api import archive_location
from newsreel.budget import DEFAULT_TIME_BUDGET
from newsreel.web import routes_api, routes_pages
from newsreel.web.errors import HANDLERS, error_body
from newsreel.web.params import accepted, kept_query
from newsreel.web.state import ServerState
from newsreel.web.views import here, month_end

HERE = Path(__file__).parent
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
}


LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")


def host_name(header: str) -> str:
    """The host of a Host header, without its port ("[::1]:8000" -> "::1")."""
    value = header.strip().lower()
    if value.startswith("["):
        return value[1 : value.find("]")] if "]" in value else value
    return value.rsplit(":", 1)[0] if value.count(":") == 1 else value


def api_href(request: Request, path: str, **extra: str | None) -> str:
    """A link to API endpoint ``path`` carrying the page's query parameters that the
    endpoint takes (the API refuses others), then ``extra`` (None: left out)."""
    for route in routes_api.router.routes:
        if getattr(route, "path", None) == path:
            names = accepted(route) or frozenset()
            return f"{path}?{kept_query(request.query_params.multi_items(), names, **extra)}"
    raise LookupError(f"no API endpoint {path}")


def create_app(
    archive: str | Path,
    *,
    read_only: bool = True,
    token: str | None = None,
    allowed_hosts: Iterable[str] = LOCAL_HOSTS,
    time_budget: float | None = DEFAULT_TIME_BUDGET,
) -> FastAPI:
    """The web app serving one archive (read-only unless told; writes need ``token``).

    Requests whose Host header is not one of ``allowed_hosts`` are refused (400), so a
    web page elsewhere cannot read a local archive through DNS rebinding. A search,
    trend or export query running past ``time_budget`` seconds (None: no limit) stops
    and answers 503."""
    state = ServerState(
        archive_location(archive), read_only=read_only, token=token, time_budget=time_budget
    )
    trusted = frozenset(h.lower() for h in allowed_hosts)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        state.close()

    app = FastAPI(
        lifespan=lifespan,
        title="Newsreel",
        version=__version__,
        description="Search, read and analyse an archive of news-video transcripts.",
        openapi_url="/api/v1/openapi.json",
        docs_url=None,
        redoc_url=None,
    )
    app.state.newsreel = state
    templates = Jinja2Templates(directory=str(HERE / "templates"))
    templates.env.globals["version"] = __version__
    templates.env.filters["month_end"] = month_end
    templates.env.filters["here"] = here  # links as path and query, never scheme and host
    templates.env.globals["api_href"] = api_href
    app.state.templates = templates
    for kind, handler in HANDLERS:
        app.add_exception_handler(kind, handler)
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    app.include_router(routes_api.router)
    app.include_router(routes_pages.router)

    @app.middleware("http")
    async def secure(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        host = host_name(request.headers.get("host", ""))
        if host not in trusted:
            message = (
                f"this server answers for {', '.join(sorted(trusted))}, not {host!r} (a "
                f"guard against DNS rebinding): start it with --allowed-host {host} to "
                "answer for that name too"
            )
            return JSONResponse(error_body(400, message), status_code=400)
        head = request.method == "HEAD"
        if head:  # HEAD is answered wherever GET is: the GET's status and headers
            request.scope["method"] = "GET"
        response = await call_next(request)
        if head:
            response = Response(status_code=response.status_code, headers=response.headers)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        if request.url.path.startswith("/static/"):
            response.headers.setdefault("Cache-Control", "public, max-age=3600")
        return response

    return app
