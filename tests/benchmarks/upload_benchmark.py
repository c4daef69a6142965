"""Upload speed: ``upload_file`` against ``curl -T`` to the same local sink, in the same run.

Usage:
    python tests/benchmarks/upload_benchmark.py [--size-mb 300] [--limit-mb-s 10] [--runs 3]

The sink is a separate process on 127.0.0.1 that reads each PUT body and discards it: once
as fast as it can (loopback), once reading at most ``--limit-mb-s`` MB/s (a link that is
slower than the file can be read and hashed). Each figure is the median wall time of
``--runs`` uploads of one random file; the ratio is curl's time over the app's (goal through
the limit: >= 0.97). The MD5 of the file alone is the floor on loopback: the app hashes the
file while sending it, curl does not hash. The app's peak RSS growth during its uploads
shows the file is streamed.
"""

from __future__ import annotations

import argparse
import hashlib
import http.server
import logging
import os
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from voicerecorder.cloud.obs import upload_file

CHUNK = 1 << 20
GOAL_RATIO = 0.97


class Sink(http.server.BaseHTTPRequestHandler):
    """Reads a PUT body and discards it, at most ``limit`` bytes a second (0: no limit)."""

    limit = 0.0

    def do_PUT(self) -> None:
        remaining = int(self.headers["Content-Length"])
        started, received = time.monotonic(), 0
        while remaining:
            chunk = self.rfile.read(min(CHUNK, remaining))
            remaining -= len(chunk)
            received += len(chunk)
            if self.limit:
                time.sleep(max(0.0, received / self.limit - (time.monotonic() - started)))
        self.send_response(200)
        self.send_header("ETag", '"sink"')
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: no line per request."""


def serve(port: int, limit: float) -> None:
    Sink.limit = limit
    http.server.ThreadingHTTPServer(("127.0.0.1", port), Sink).serve_forever()


def start_sink(limit_bytes_s: float) -> tuple[subprocess.Popen[bytes], str]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    sink = subprocess.Popen([sys.executable, __file__, "--serve", str(port), str(limit_bytes_s)])
    deadline = time.monotonic() + 10
    while subprocess.run(["curl", "-s", "-o", "/dev/null", f"http://127.0.0.1:{port}/"]).returncode:
        if time.monotonic() > deadline:
            raise SystemExit("the sink did not start")
        time.sleep(0.1)
    return sink, f"http://127.0.0.1:{port}/bucket/take.zip"


def timed(action) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def md5_of(path: Path) -> str:
    digest = hashlib.md5(usedforsecurity=False)
    with path.open("rb") as source:
        for chunk in iter(lambda: source.read(CHUNK), b""):
            digest.update(chunk)
    return digest.hexdigest()


def compare(path: Path, limit_bytes_s: float, runs: int) -> tuple[float, float]:
    """Median seconds for curl and for the app, uploading ``path`` to a sink with that limit."""
    sink, url = start_sink(limit_bytes_s)
    # "Expect:" off: curl would wait a second for a "100 Continue" the sink does not send.
    curl = ["curl", "-sS", "-f", "-o", "/dev/null", "-H", "Content-Type: application/zip", "-H", "Expect:"]
    curl += ["-T", str(path), url]
    try:
        curl_s, app_s = [], []
        for _ in range(runs):
            curl_s.append(timed(lambda: subprocess.run(curl, check=True)))
            app_s.append(timed(lambda: upload_file(url, path, "application/zip")))
    finally:
        sink.terminate()
        sink.wait()
    return statistics.median(curl_s), statistics.median(app_s)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mb", type=int, default=300)
    parser.add_argument("--limit-mb-s", type=float, default=10.0)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--serve", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        serve(int(args.serve[0]), float(args.serve[1]))
        return
    logging.getLogger("voicerecorder").setLevel(logging.ERROR)  # the sink's ETag is not the file's MD5
    if shutil.which("curl") is None:
        raise SystemExit("curl is missing")
    with tempfile.TemporaryDirectory(prefix="vr-upload-") as folder:
        path = Path(folder) / "take.zip"
        with path.open("wb") as out:
            for _ in range(args.size_mb):
                out.write(os.urandom(CHUNK))
        rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        for label, limit in (("loopback", 0.0), (f"limit {args.limit_mb_s:g} MB/s", args.limit_mb_s * CHUNK)):
            curl_s, app_s = compare(path, limit, args.runs)
            ratio = curl_s / app_s
            line = f"{label:<16} curl -T {curl_s:.2f} s, app {app_s:.2f} s: {ratio:.2f}x curl"
            if limit:
                line += f" (goal >= {GOAL_RATIO}: {'met' if ratio >= GOAL_RATIO else 'NOT met'})"
            print(line, flush=True)
        print(f"MD5 of the file alone: {timed(lambda: md5_of(path)):.2f} s (the app hashes while sending; "
              "curl does not hash: the loopback floor)")  # fmt: skip
        growth = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss_before) / 1024
        print(f"app peak RSS growth over the uploads: {growth:.1f} MB for a {args.size_mb} MB file")


if __name__ == "__main__":
    main()
