"""Only answer to our own host names: a defence against DNS rebinding.

A page on another site can point its own host name at 127.0.0.1 and then read
whatever the local server answers, as same-origin. Its requests still carry
its own name in ``Host``, so the server answers only requests whose ``Host``
is a loopback name (``localhost``, ``127.0.0.1``, ``[::1]``, any port) or one
it was told to allow; anything else gets a 400 in the app's error shape.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable

from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Receive, Scope, Send

from .errors import error_response
from .rendering import Renderer

LOOPBACK = ("localhost", "127.0.0.1", "[::1]")
# Bind addresses meaning "every interface": not names a client would send.
WILDCARDS = {"", "0.0.0.0", "[::]", "::"}


def host_name(value: str) -> str | None:
    """The name in a ``Host`` value or an allowed-host entry, lower-cased, port dropped,
    IPv6 literals in brackets; None when it is not a host name at all."""
    value = value.strip().lower().rstrip(".")
    if value.startswith("["):
        name, sep, rest = value.partition("]")
        port = rest[1:] if rest.startswith(":") else rest
        if not sep or (rest and not (rest.startswith(":") and port.isdigit())):
            return None
        return name + "]"
    if value.count(":") > 1:  # a bare IPv6 literal, as given to --host
        try:
            return f"[{ipaddress.IPv6Address(value)}]"
        except ValueError:
            return None
    name, _sep, port = value.partition(":")
    if port and not port.isdigit():
        return None
    return name or None


def allowed_names(extra: Iterable[str] | None) -> frozenset[str]:
    """The loopback names plus ``extra`` (wildcard bind addresses are left out)."""
    names = {*LOOPBACK}
    for entry in extra or ():
        entry = entry.strip().lower()
        if entry == "*" or entry.startswith("*."):  # any name; any name under a domain
            names.add(entry)
            continue
        name = host_name(entry)
        if name is not None and entry not in WILDCARDS and name not in WILDCARDS:
            names.add(name)
    return frozenset(names)


def host_allowed(host: str | None, names: frozenset[str]) -> bool:
    if "*" in names:
        return True
    name = host_name(host or "")
    if name is None:
        return False
    if name in names:
        return True
    return any(n.startswith("*.") and name.endswith(n[1:]) for n in names)


class HostGuard:
    """Answers 400 (error shape) to a request whose ``Host`` is not ours.

    Sits inside ``GuardMiddleware``, so the refusal carries the security headers.
    """

    def __init__(self, app: ASGIApp, renderer: Renderer, allowed: frozenset[str]) -> None:
        self.app = app
        self.renderer = renderer
        self.allowed = allowed

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        hosts = [v for k, v in scope.get("headers", []) if k == b"host"]
        host = hosts[0].decode("latin-1") if len(hosts) == 1 else None  # none, or two: refuse
        if host is not None and host_allowed(host, self.allowed):
            await self.app(scope, receive, send)
            return
        if scope["type"] == "websocket":
            await send({"type": "websocket.close", "code": 1008})
            return
        shown = (host or "")[:100]
        exc = HTTPException(400, f"this server does not answer to host {shown!r}")
        await error_response(self.renderer, scope.get("path", ""), exc)(scope, receive, send)
