"""An OTLP/HTTP collector that keeps nothing, for deploy/local/bench: the services export their spans and metrics to
127.0.0.1:4318 as they would to a collector in production, and get 200 at once (an absent collector costs them a failed
connection per export instead). Stopped by its PID."""
import http.server


class Sink(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.send_response(200)
        self.send_header("Content-Type", "application/x-protobuf")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


http.server.ThreadingHTTPServer(("127.0.0.1", 4318), Sink).serve_forever()
