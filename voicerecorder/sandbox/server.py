"""Running the sandbox: a ThreadingHTTPServer on 127.0.0.1 in a background thread."""

from __future__ import annotations

import contextlib
import errno
import logging
import socket
import threading
from collections.abc import Iterator
from http.server import ThreadingHTTPServer
from pathlib import Path
from types import TracebackType

from voicerecorder.errors import UserFacingError
from voicerecorder.regions import DEFAULT_REGION
from voicerecorder.sandbox.app import SandboxApp
from voicerecorder.sandbox.assessment import AssessmentRunner
from voicerecorder.sandbox.auth import Authenticator
from voicerecorder.sandbox.context import Sandbox
from voicerecorder.sandbox.credentials import (
    DEFAULT_AK,
    DEFAULT_SK,
    SandboxKeys,
    project_id_for,
)
from voicerecorder.sandbox.faults import FaultDice, FaultPlan
from voicerecorder.sandbox.handler import SandboxRequestHandler
from voicerecorder.sandbox.obs import UrlSigner
from voicerecorder.sandbox.store import JobStore, ObjectStore
from voicerecorder.text import Bilingual

HOST = "127.0.0.1"
log = logging.getLogger(__name__)


class SandboxHttpServer(ThreadingHTTPServer):
    """The HTTP server; remembers open connections so stopping closes kept-alive ones too."""

    daemon_threads = True

    def __init__(self, port: int, app: SandboxApp) -> None:
        self.app = app
        self._connections: set[socket.socket] = set()
        self._connections_lock = threading.Lock()
        super().__init__((HOST, port), SandboxRequestHandler)
        self.base_url = f"http://{HOST}:{self.server_address[1]}"

    def track(self, connection: socket.socket) -> None:
        """Remember an open connection (called from its request thread)."""
        with self._connections_lock:
            self._connections.add(connection)

    def untrack(self, connection: socket.socket) -> None:
        """Forget a closed connection (called from its request thread)."""
        with self._connections_lock:
            self._connections.discard(connection)

    def close_connections(self) -> None:
        """Shut down every open connection, including idle kept-alive ones."""
        with self._connections_lock:
            connections = list(self._connections)
        for connection in connections:
            with contextlib.suppress(OSError):
                connection.shutdown(socket.SHUT_RDWR)


class SandboxServer:
    """The local MetaStudio + OBS emulator. ``start()`` serves from a background thread.

    ``base_url`` is the endpoint to give a client (``http://127.0.0.1:PORT``); jobs and
    uploads are kept under ``data_dir`` and survive restarts.
    """

    def __init__(
        self,
        data_dir: Path,
        *,
        port: int = 0,
        ak: str = DEFAULT_AK,
        sk: str = DEFAULT_SK,
        speed: float = 1.0,
        faults: FaultPlan | None = None,
    ) -> None:
        if speed <= 0:
            raise UserFacingError(
                Bilingual(
                    "--speed must be greater than 0 (1 = real pace, 10 = ten times faster).",
                    "--speed 必须大于 0（1 为正常速度，10 为十倍速）。",
                ),
                exit_code=2,
            )
        self.data_dir = Path(data_dir)
        self.port = port
        self.keys = SandboxKeys(ak, sk)
        self.speed = speed
        self.faults = faults or FaultPlan()
        self._http: SandboxHttpServer | None = None
        self._thread: threading.Thread | None = None
        self._runner: AssessmentRunner | None = None

    @property
    def base_url(self) -> str:
        """``http://127.0.0.1:PORT`` while running; RuntimeError otherwise."""
        if self._http is None:
            raise RuntimeError("the sandbox is not running")
        return self._http.base_url

    def served(self, operation: str) -> int:
        """How many ``ObsPut`` or ``ObsGet`` requests this run has received (faults included)."""
        if self._http is None:
            raise RuntimeError("the sandbox is not running")
        return self._http.app.sandbox.served[operation]

    @property
    def project_id(self) -> str:
        """The project id the sandbox's IAM hands out for the default region."""
        return project_id_for(DEFAULT_REGION)

    def start(self) -> SandboxServer:
        """Bind 127.0.0.1:port and serve in a background thread; UserFacingError if the port is taken."""
        store = JobStore(self.data_dir)
        objects = ObjectStore(self.data_dir)
        self._runner = AssessmentRunner(store, objects)
        sandbox = Sandbox(
            store=store,
            objects=objects,
            signer=UrlSigner(self.keys.derived("obs-url")),
            dice=FaultDice(self.faults),
            speed=self.speed,
            start_assessment=self._runner.start,
        )
        try:
            self._http = SandboxHttpServer(self.port, SandboxApp(sandbox, Authenticator(self.keys)))
        except OSError as error:
            raise _bind_error(self.port, error) from error
        self._thread = threading.Thread(
            target=self._http.serve_forever,
            kwargs={"poll_interval": 0.05},
            name="metastudio-sandbox",
            daemon=True,
        )
        self._thread.start()
        self._runner.resume()
        log.info("MetaStudio sandbox serving on %s (data in %s)", self._http.base_url, self.data_dir)
        return self

    def stop(self) -> None:
        """Stop serving, close every connection and wait for running assessments."""
        if self._http is None:
            return
        self._http.shutdown()
        self._http.close_connections()
        self._http.server_close()
        if self._thread is not None:
            self._thread.join(timeout=10)
        if self._runner is not None:
            self._runner.wait()
        self._http = None

    def __enter__(self) -> SandboxServer:
        return self.start()

    def __exit__(
        self, kind: type[BaseException] | None, value: BaseException | None, traceback: TracebackType | None
    ) -> None:
        self.stop()


def _bind_error(port: int, error: OSError) -> UserFacingError:
    if error.errno == errno.EADDRINUSE:
        return UserFacingError(
            Bilingual(
                f"Port {port} on 127.0.0.1 is already in use. Stop the other program or choose "
                "another port with --port (0 picks a free one).",
                f"127.0.0.1 的端口 {port} 已被占用。请关闭占用它的程序，"
                "或用 --port 选择其他端口（0 表示自动选择）。",
            )
        )
    return UserFacingError(
        Bilingual(
            f"Cannot listen on 127.0.0.1:{port}: {error.strerror}.",
            f"无法在 127.0.0.1:{port} 上监听：{error.strerror}。",
        )
    )


# The in-process sandboxes by data folder, with how many callers use each (see in_process).
_SHARED: dict[Path, tuple[SandboxServer, int]] = {}
_SHARED_LOCK = threading.Lock()


@contextlib.contextmanager
def in_process(data_dir: Path) -> Iterator[SandboxServer]:
    """The process's sandbox for ``data_dir`` with the demo credentials on a free port, serving
    (the app's default). Any thread. Callers at the same time share one server, so its jobs live
    in one store: two of the app's workflows (a SEGMENT upload, a quality check, tracking) never
    write over each other's jobs, nor resume the same assessment twice. The last caller to leave
    stops it."""
    key = data_dir.resolve()
    with _SHARED_LOCK:
        server, users = _SHARED.get(key) or (SandboxServer(data_dir).start(), 0)
        _SHARED[key] = (server, users + 1)
    try:
        yield server
    finally:
        with _SHARED_LOCK:
            server, users = _SHARED.pop(key)
            if users > 1:
                _SHARED[key] = (server, users - 1)
            else:
                server.stop()
