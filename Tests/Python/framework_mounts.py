#!/usr/bin/env python3
"""Mounts the generated Python token route in Flask, FastAPI and Django, each with the lines
docs/token-route.md and the route's header give, and asks each app for a token:

    python3 framework_mounts.py ROUTE.py

with DWOLLA_API, DWOLLA_KEY and DWOLLA_SECRET set (Tests/RouteVectors/with_fake_dwolla.py sets
them). For each framework: a signed-in request for an allowed action gets a token; a signed-out one 401; a GET 405 (the route answers, not the framework); and the app's
own page is still the framework's. It prints one line per framework and exits 1 on any failure.
"""
import asyncio
import importlib.util
import json
import os
import sys

import httpx

TOKEN_URL = "/api/dwolla/client-token"
CUSTOMER = "3f2a9c1e-7b4d-4e6a-9f10-2c8d5e7a1b01"
BASE = "http://app.example"
BODY = {"action": "customer.read",
        "_links": {"customer": {"href": "https://api-sandbox.dwolla.com/customers/" + CUSTOMER}}}


def load_module(path):
    spec = importlib.util.spec_from_file_location("dwolla_token_route", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def session(environ_or_scope):
    """The app's session: signed in when the request says X-Signed-In: yes."""
    if "headers" in environ_or_scope and "type" in environ_or_scope:
        headers = {name.decode("latin-1").lower(): value.decode("latin-1") for name, value in environ_or_scope["headers"]}
        signed_in = headers.get("x-signed-in") == "yes"
    else:
        signed_in = environ_or_scope.get("HTTP_X_SIGNED_IN") == "yes"
    return {"signed_in": signed_in, "customer_id": CUSTOMER if signed_in else None, "id": "mount-test"}


def flask_app(route):
    from flask import Flask
    from werkzeug.middleware.dispatcher import DispatcherMiddleware
    app = Flask("mount_test")

    @app.get("/hello")
    def hello():
        return "flask"
    app.wsgi_app = DispatcherMiddleware(app.wsgi_app, {"/api/dwolla/client-token": route})   # Flask
    return httpx.WSGITransport(app=app)


def fastapi_app(route):
    from fastapi import FastAPI
    from fastapi.responses import PlainTextResponse
    app = FastAPI()

    @app.get("/hello", response_class=PlainTextResponse)
    def hello():
        return "fastapi"
    app.add_route("/api/dwolla/client-token", route.asgi)                                    # FastAPI, Starlette
    return httpx.ASGITransport(app=app)


def django_app(route):
    import django
    from django.conf import settings
    from django.http import HttpResponse
    from django.urls import path
    settings.configure(DEBUG=False, ALLOWED_HOSTS=["app.example"], SECRET_KEY="mount-test", ROOT_URLCONF=__name__,
                       MIDDLEWARE=[], INSTALLED_APPS=[])
    django.setup()
    global urlpatterns
    urlpatterns = [path("hello", lambda request: HttpResponse("django"))]
    from django.core.asgi import get_asgi_application
    # As the route's header says for Django's asgi.py.
    django_app = get_asgi_application()

    async def application(scope, receive, send):
        if scope["type"] == "http" and scope["path"] == "/api/dwolla/client-token":
            return await route.asgi(scope, receive, send)
        return await django_app(scope, receive, send)
    return httpx.ASGITransport(app=application)


def requests():
    """What each mount is asked: (method, path, JSON body or None, signed in)."""
    return [("POST", TOKEN_URL, BODY, True), ("POST", TOKEN_URL, BODY, False), ("GET", TOKEN_URL, None, True),
            ("GET", "/hello", None, False)]


def answers(transport):
    """Each request's answer, through a WSGI app's transport or an ASGI app's."""
    def arguments(method, path, body, signed_in):
        headers = {"Origin": BASE, **({"X-Signed-In": "yes"} if signed_in else {})}
        return dict(method=method, url=path, json=body, headers=headers)
    if isinstance(transport, httpx.WSGITransport):
        with httpx.Client(transport=transport, base_url=BASE) as client:
            return [client.request(**arguments(*request)) for request in requests()]

    async def ask():
        async with httpx.AsyncClient(transport=transport, base_url=BASE) as client:
            return [await client.request(**arguments(*request)) for request in requests()]
    return asyncio.run(ask())


def problems(transport, name):
    """The ways this mount falls short."""
    token, signed_out, get, page = answers(transport)
    found = []
    if token.status_code != 200 or not isinstance(token.json().get("token"), str):
        found.append("signed in: %d %s" % (token.status_code, token.text[:200]))
    if signed_out.status_code != 401 or signed_out.headers.get("content-type") != "application/problem+json":
        found.append("signed out: %d %s" % (signed_out.status_code, signed_out.text[:200]))
    if get.status_code != 405 or get.headers.get("allow") != "POST":
        found.append("GET: %d %s" % (get.status_code, get.text[:200]))
    if page.status_code != 200 or page.text != name.lower():
        found.append("the app's own page: %d %s" % (page.status_code, page.text[:200]))
    return found


def main(argv):
    if len(argv) != 2:
        print("usage: python3 framework_mounts.py ROUTE.py", file=sys.stderr)
        return 2
    module = load_module(argv[1])
    failed = False
    for name, mount in (("Flask", flask_app), ("FastAPI", fastapi_app), ("Django", django_app)):
        route = module.create_token_route(key=os.environ["DWOLLA_KEY"], secret=os.environ["DWOLLA_SECRET"],
                                          api=os.environ["DWOLLA_API"], session=session,
                                          log=lambda level, message, fields: None)
        found = problems(mount(route), name)
        failed = failed or bool(found)
        print("%s: %s" % (name, "; ".join(found) if found else "mounted, answers"))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
