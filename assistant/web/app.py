"""The server: FastAPI with the guide pages and no upload routes, and the Gradio page (layout.py) mounted at /."""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable

import gradio as gr
from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response

from assistant.corpus.guides import load_guides
from assistant.web.guide_page import guide_html
from assistant.web.layout import CHAT_CONCURRENCY, CSS, HEAD, Page
from assistant.web.service import Service

STATE_SESSIONS = 200  # sessions whose chat state the server keeps at once (Gradio's default is 10,000); the
# least recently used go first, so serving memory levels off instead of growing with every visitor
# Gradio's routes that take files: the page has no upload, so no visitor may store files on the server.
UPLOAD_PATHS = re.compile(r"^/(?:gradio_api/)?upload(?:_progress)?/?$")


def create_app(service: Service) -> FastAPI:
    """FastAPI with the guide pages, and the Gradio page mounted at /."""
    app = FastAPI()

    @app.get("/guides/{guide_id}", response_class=HTMLResponse)
    def guide_page(guide_id: str) -> str:
        for guide in load_guides(service.settings.guides_dir):
            if guide.id == guide_id:
                return guide_html(guide)
        raise HTTPException(404, f"no guide {guide_id!r}")

    @app.middleware("http")
    async def no_uploads(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        if UPLOAD_PATHS.match(request.url.path):
            return JSONResponse({"error": "this page takes no uploads"}, status_code=404)
        return await call_next(request)

    page = Page(service).blocks().queue(default_concurrency_limit=CHAT_CONCURRENCY)
    page.state_session_capacity = STATE_SESSIONS  # read when the page is mounted
    theme = gr.themes.Soft(font=["system-ui", "sans-serif"], font_mono=["ui-monospace", "monospace"])
    mounted: FastAPI = gr.mount_gradio_app(
        app, page, path="/", theme=theme, css=CSS, head=HEAD, ssr_mode=False, footer_links=["api"]
    )
    return mounted
