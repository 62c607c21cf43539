"""One `dotnet hms.dll serve --storage memory` process on free loopback ports, for the client's tests."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import tempfile
import time
from pathlib import Path

import grpc

from hms_client import Prover

START_TIMEOUT = 120.0
STOP_TIMEOUT = 45.0


def repo_root() -> Path:
    """The checkout this client lives in: the folder above with the `hms` script and src/Cli."""
    here = Path(__file__).resolve().parent
    for folder in [here, *here.parents]:
        if (folder / "hms").is_file() and (folder / "src" / "Cli").is_dir():
            return folder
    raise RuntimeError(f"no repo root (with ./hms and src/Cli) above {here}")


def hms_dll() -> Path:
    configuration = os.environ.get("HMS_CONFIGURATION", "Release")
    dll = repo_root() / "src" / "Cli" / "bin" / configuration / "net10.0" / "hms.dll"
    if not dll.is_file():
        raise RuntimeError(f"{dll} is missing: build first (./hms build, or dotnet build src/Cli -c {configuration})")
    return dll


def free_ports(count: int) -> list[int]:
    """Distinct ports nobody listens on: all held open at once, so the kernel cannot hand one out twice."""
    sockets = [socket.socket(socket.AF_INET, socket.SOCK_STREAM) for _ in range(count)]
    try:
        for s in sockets:
            s.bind(("127.0.0.1", 0))
        return [s.getsockname()[1] for s in sockets]
    finally:
        for s in sockets:
            s.close()


class Serve:
    """Started means the gRPC health service says SERVING. `prover` is a client of it."""

    def __init__(self) -> None:
        self.folder = tempfile.TemporaryDirectory(prefix="hms-pyclient-")
        self.port, silo_port, gateway_port = free_ports(3)
        self.log_path = Path(self.folder.name) / "serve.log"
        self._log = open(self.log_path, "wb")
        command = ["dotnet", str(hms_dll()), "serve", "--storage", "memory", "--port", str(self.port),
                   "--silo-port", str(silo_port), "--gateway-port", str(gateway_port)]
        # Its own process group, so stopping it also ends the solver processes it started.
        self.process = subprocess.Popen(command, cwd=self.folder.name, stdin=subprocess.DEVNULL, stdout=self._log,
                                        stderr=subprocess.STDOUT, start_new_session=True,
                                        env={**os.environ, "HMS_STATE_DIR": self.folder.name})
        # Short reconnect backoff: gRPC's default grows to minutes while the port is not yet open.
        self.channel = grpc.insecure_channel(self.target, [("grpc.initial_reconnect_backoff_ms", 100),
                                                           ("grpc.max_reconnect_backoff_ms", 500)])
        self.prover = Prover(self.target, channel=self.channel)
        try:
            self._wait_until_serving()
        except BaseException:
            self.stop()
            raise

    @property
    def target(self) -> str:
        return f"127.0.0.1:{self.port}"

    def tail(self, lines: int = 40) -> str:
        return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])

    def _wait_until_serving(self) -> None:
        """Waits for the connection (an event of the channel), then polls the health check: another process's
        readiness has no event to wait on, and each poll is bounded by the process's exit."""
        deadline = time.monotonic() + START_TIMEOUT
        while (remaining := deadline - time.monotonic()) > 0:
            if self.process.poll() is not None:
                raise RuntimeError(f"hms serve exited with code {self.process.returncode}\n{self.tail()}")
            try:
                grpc.channel_ready_future(self.channel).result(timeout=min(5.0, remaining))
            except grpc.FutureTimeoutError:
                continue
            if self.prover.healthy(timeout=min(5.0, remaining)):
                return
            try:
                self.process.wait(timeout=0.2)
            except subprocess.TimeoutExpired:
                pass
        raise RuntimeError(f"hms serve was not SERVING after {START_TIMEOUT:.0f} s\n{self.tail()}")

    def stop(self) -> None:
        """SIGTERM to its process group (as Ctrl-C), SIGKILL if it does not exit in time."""
        self.channel.close()
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=STOP_TIMEOUT)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        try:
            os.killpg(self.process.pid, signal.SIGKILL)  # solver processes left behind, if any
        except ProcessLookupError:
            pass
        self._log.close()
        self.folder.cleanup()
