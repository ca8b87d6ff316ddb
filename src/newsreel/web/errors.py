"""One error shape for the HTTP API, an error page for the UI.

Every API error is ``{"error": {"status": 404, "code": "not_found", "message": "…"}}``;
the code follows the status, except ``query_timeout`` (503) for a query stopped by the
server's time budget.
"""

from __future__ import annotations

from typing import Any

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from newsreel.errors import (
    ConfigError,
    NewsreelError,
    NotFoundError,
    QueryError,
    StoreError,
    TimeBudgetError,
)

CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    422: "invalid_parameter",
    500: "internal_error",
    503: "unavailable",
}
QUERY_TIMEOUT = "query_timeout"


class ApiProblem(Exception):
    """An HTTP failure with a status and a message for the user."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def error_body(status: int, message: str, code: str | None = None) -> dict[str, Any]:
    """The one JSON error shape (``code`` defaults to the status's)."""
    code = code or CODES.get(status, "error")
    return {"error": {"status": status, "code": code, "message": message}}


def status_of(exc: Exception) -> int:
    """The HTTP status of a Newsreel error."""
    if isinstance(exc, NotFoundError):
        return 404
    if isinstance(exc, TimeBudgetError):
        return 503  # the query was valid; the server would not spend longer on it
    if isinstance(exc, QueryError | ConfigError):
        return 400
    if isinstance(exc, StoreError):
        return 503
    return 500


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors():
        if err.get("type") == "json_invalid":  # loc is ("body", offset): no field to name
            why = (err.get("ctx") or {}).get("error", "")
            at = err.get("loc", ("body", 0))[-1]
            parts.append(f"the request body is no valid JSON (at character {at}: {why})")
            continue
        where = ".".join(str(p) for p in err.get("loc", ()) if p not in ("query", "path", "body"))
        message = str(err.get("msg", "invalid")).removeprefix("Value error, ")
        if err.get("type") == "int_parsing":  # "/story/abc": not pydantic's wording
            message = f"{err.get('input')!r} is not a whole number"
        parts.append(f"{where or 'request'}: {message}")
    return "; ".join(parts) or "invalid request"


def respond(request: Request, status: int, message: str, code: str | None = None) -> Response:
    """JSON for the API, an HTML page for the UI."""
    if request.url.path.startswith("/api/"):
        return JSONResponse(error_body(status, message, code), status_code=status)
    templates = request.app.state.templates
    page: Response = templates.TemplateResponse(
        request,
        "error.html",
        {"status": status, "message": message},
        status_code=status,
        media_type="text/html",
    )
    return page


async def on_newsreel(request: Request, exc: Exception) -> Response:
    """A Newsreel error: 404 not found, 400 bad query or option, 503 archive problem or
    a query past the time budget."""
    code = QUERY_TIMEOUT if isinstance(exc, TimeBudgetError) else None
    return respond(request, status_of(exc), served(request, str(exc)), code)


def served(request: Request, message: str) -> str:
    """An error message as a client reads it: "the archive" for the server's own path
    or database address ("no story 999 in the archive /srv/a.db")."""
    where = str(request.app.state.newsreel.path)
    return message.replace(f"the archive {where}", "the archive").replace(where, "the archive")


async def on_problem(request: Request, exc: Exception) -> Response:
    """A failure raised by a route (authentication, read-only)."""
    assert isinstance(exc, ApiProblem)
    return respond(request, exc.status, exc.message)


async def on_http(request: Request, exc: Exception) -> Response:
    """Unknown URL or method."""
    assert isinstance(exc, StarletteHTTPException)
    message = str(exc.detail) if exc.detail else "not found"
    if exc.status_code == 404 and message == "Not Found":
        message = f"nothing at {request.url.path}"
    return respond(request, exc.status_code, message)


async def on_validation(request: Request, exc: Exception) -> Response:
    """A parameter of the wrong type or out of range."""
    assert isinstance(exc, RequestValidationError)
    return respond(request, 422, _validation_message(exc))


async def on_overflow(request: Request, exc: Exception) -> Response:
    """A whole number too large for the archive (``?version=9223372036854775808``)."""
    return respond(request, 422, "a number given is too large (at most 9223372036854775807)")


async def on_crash(request: Request, exc: Exception) -> Response:
    """Anything unexpected: no traceback leaks to the client."""
    return respond(request, 500, f"internal error ({type(exc).__name__}); see the server log")


HANDLERS: list[tuple[type[Exception] | int, Any]] = [
    (NewsreelError, on_newsreel),
    (ApiProblem, on_problem),
    (StarletteHTTPException, on_http),
    (RequestValidationError, on_validation),
    (OverflowError, on_overflow),
    (Exception, on_crash),
]
