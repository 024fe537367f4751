"""A scripted OpenAI-compatible server on loopback for the LLM tests: each test gives it a script (what to do with
the next POST /v1/chat/completions): stream an answer, hang, answer 429 or 500, send broken JSON, break the
stream off. The `llm_server` fixture (conftest.py) runs one per test."""

from __future__ import annotations

import json
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from assistant.settings import Settings

KEY = "sk-test-SECRET"


def _chunk(delta: dict, finish: str | None = None) -> bytes:
    body = {
        "id": "c1",
        "object": "chat.completion.chunk",
        "created": 0,
        "model": "scripted",
        "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
    }
    return f"data: {json.dumps(body)}\n\n".encode()


def stream(*deltas: str, finish: str | None = "stop", done: bool = True):
    """A streamed answer: a role chunk, one chunk per delta, a finishing chunk, then [DONE]."""

    def script(handler, body):
        handler.send_response(200)
        handler.send_header("Content-Type", "text/event-stream")
        handler.end_headers()
        handler.wfile.write(_chunk({"role": "assistant", "content": ""}))
        for delta in deltas:
            handler.wfile.write(_chunk({"content": delta}))
            handler.wfile.flush()
        if finish:
            handler.wfile.write(_chunk({}, finish))
        if done:
            handler.wfile.write(b"data: [DONE]\n\n")

    return script


def completion(text: str):
    """A non-streamed answer, or a streamed one when the request asks for it."""

    def script(handler, body):
        if body.get("stream"):
            return stream(text)(handler, body)
        payload = {
            "id": "c1",
            "object": "chat.completion",
            "created": 0,
            "model": "scripted",
            "choices": [{"index": 0, "message": {"role": "assistant", "content": text}, "finish_reason": "stop"}],
        }
        reply(200, json.dumps(payload))(handler, body)

    return script


def reply(status: int, body: str, content_type: str = "application/json"):
    def script(handler, request):
        data = body.encode()
        handler.send_response(status)
        handler.send_header("Content-Type", content_type)
        handler.send_header("Content-Length", str(len(data)))
        handler.end_headers()
        handler.wfile.write(data)

    return script


def hang(release: threading.Event):
    def script(handler, body):
        release.wait(10)  # longer than any timeout under test; the fixture releases it at teardown

    return script


def broken_chunked_stream(handler, body):
    """HTTP/1.1 chunked body cut off mid-chunk: the connection dies under the client."""
    handler.send_response(200)
    handler.send_header("Content-Type", "text/event-stream")
    handler.send_header("Transfer-Encoding", "chunked")
    handler.end_headers()
    data = _chunk({"role": "assistant", "content": "In Germany"})
    handler.wfile.write(f"{len(data):x}\r\n".encode() + data + b"\r\n")
    handler.wfile.write(b'400\r\ndata: {"id": "c1", "cho')
    handler.wfile.flush()
    handler.connection.shutdown(socket.SHUT_RDWR)
    handler.close_connection = True


class Handler(BaseHTTPRequestHandler):
    def do_POST(self):  # noqa: N802 - the http.server API
        body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))) or b"{}")
        self.server.requests.append({"path": self.path, "body": body, "auth": self.headers.get("Authorization")})
        try:
            self.server.script(self, body)
        except OSError:
            pass  # the script closed the connection on purpose

    def log_message(self, *args):  # keep test output clean
        pass


def settings_for(url: str, **overrides) -> Settings:
    return Settings(
        openai_base_url=url,
        openai_api_key=KEY,
        llm="openai",
        llm_model="scripted-model",
        llm_timeout=overrides.pop("llm_timeout", 2.0),
        **overrides,
    )


def start() -> ThreadingHTTPServer:
    """A running server with `url`, `requests` (what it was sent), `script` and a `release` event for hang()."""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    httpd.requests, httpd.script, httpd.release = [], completion("unset"), threading.Event()
    threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    httpd.url = f"http://127.0.0.1:{httpd.server_address[1]}/v1"
    return httpd


def stop(httpd: ThreadingHTTPServer) -> None:
    httpd.release.set()
    httpd.shutdown()
    httpd.server_close()
