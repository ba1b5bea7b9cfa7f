#!/usr/bin/env python3
"""Foundation benchmarks for the gateway (issue 2 budgets), run against the packaged jar via ./openclaw.

  startup   cold start to the first /readyz 200, median of N, with and without the AOT cache
  cli       wall time of `openclaw --version` and `openclaw config get gateway.port` (hyperfine)
  rss       resident set size after the gateway has idled
  healthz   /healthz requests per second at 64 connections (wrk)

Everything talks to 127.0.0.1 only and uses a throw-away OPENCLAW_HOME. Output is plain text for docs/benchmarks.md.
"""
import http.client
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LAUNCHER = os.path.join(ROOT, "openclaw")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def env_for(home, aot=True):
    env = dict(os.environ, OPENCLAW_HOME=home)
    if not aot:
        env["OPENCLAW_AOT"] = "0"
    return env


def get(port, path, timeout=1.0):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request("GET", path)
        resp = conn.getresponse()
        resp.read()
        return resp.status
    finally:
        conn.close()


def start_gateway(home, port, aot=True):
    """Starts the gateway and returns (process, seconds until /readyz answered 200)."""
    t0 = time.perf_counter()
    proc = subprocess.Popen([LAUNCHER, "gateway", "--port", str(port)], env=env_for(home, aot),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = t0 + 30
    while time.perf_counter() < deadline:
        try:
            if get(port, "/readyz", timeout=0.2) == 200:
                return proc, time.perf_counter() - t0
        except OSError:
            pass
        if proc.poll() is not None:
            raise RuntimeError("gateway exited with %s" % proc.returncode)
        time.sleep(0.005)
    proc.kill()
    raise RuntimeError("gateway not ready within 30 s")


def stop(proc):
    proc.terminate()
    proc.wait(timeout=30)
    return proc.returncode


def bench_startup(runs):
    home = tempfile.mkdtemp(prefix="oc-bench-")
    try:
        # First start creates the token, the database and the schema; it is reported separately.
        proc, first = start_gateway(home, free_port())
        stop(proc)
        print("first-ever start (creates DB, schema, token), AOT: %.3f s" % first)
        for aot in (True, False):
            times = []
            for _ in range(runs):
                proc, t = start_gateway(home, free_port(), aot)
                code = stop(proc)
                if code != 0:
                    raise RuntimeError("gateway exit code %s after SIGTERM" % code)
                times.append(t)
            print("cold start to /readyz 200, %s AOT cache: median %.3f s, min %.3f, max %.3f (n=%d)" % (
                "with" if aot else "without", statistics.median(times), min(times), max(times), runs))
    finally:
        shutil.rmtree(home, ignore_errors=True)


def bench_cli():
    home = tempfile.mkdtemp(prefix="oc-bench-")
    try:
        env = env_for(home)
        subprocess.run([LAUNCHER, "--version"], env=env, check=True, stdout=subprocess.DEVNULL)
        subprocess.run(["hyperfine", "-N", "--warmup", "3", "--runs", "30", "--style", "basic",
                        "%s --version" % LAUNCHER, "%s config get gateway.port" % LAUNCHER], env=env, check=True)
    finally:
        shutil.rmtree(home, ignore_errors=True)


def rss_kib(pid):
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return -1


def bench_rss(idle_seconds):
    home = tempfile.mkdtemp(prefix="oc-bench-")
    try:
        port = free_port()
        proc, _ = start_gateway(home, port)
        ready = rss_kib(proc.pid)
        time.sleep(idle_seconds)
        idle = rss_kib(proc.pid)
        for _ in range(100):
            get(port, "/healthz")
        get(port, "/metrics")
        after = rss_kib(proc.pid)
        stop(proc)
        print("RSS at ready %.1f MiB; after %d s idle %.1f MiB; after 100 probes + a scrape %.1f MiB" % (
            ready / 1024, idle_seconds, idle / 1024, after / 1024))
    finally:
        shutil.rmtree(home, ignore_errors=True)


def bench_healthz(duration, connections):
    home = tempfile.mkdtemp(prefix="oc-bench-")
    try:
        port = free_port()
        proc, _ = start_gateway(home, port)
        url = "http://127.0.0.1:%d/healthz" % port
        subprocess.run(["wrk", "-t2", "-c%d" % connections, "-d5s", url], check=True, stdout=subprocess.DEVNULL)
        out = subprocess.run(["wrk", "-t2", "-c%d" % connections, "-d%ds" % duration, "--latency", url],
                             check=True, capture_output=True, text=True).stdout
        print(out)
        print("RSS after load: %.1f MiB" % (rss_kib(proc.pid) / 1024))
        stop(proc)
    finally:
        shutil.rmtree(home, ignore_errors=True)


def main():
    what = sys.argv[1:] or ["startup", "cli", "rss", "healthz"]
    for w in what:
        print("== %s" % w, flush=True)
        if w == "startup":
            bench_startup(int(os.environ.get("RUNS", "10")))
        elif w == "cli":
            bench_cli()
        elif w == "rss":
            bench_rss(int(os.environ.get("IDLE_SECONDS", "10")))
        elif w == "healthz":
            bench_healthz(int(os.environ.get("DURATION", "20")), int(os.environ.get("CONNECTIONS", "64")))
        else:
            sys.exit("unknown benchmark %s (startup, cli, rss, healthz)" % w)


if __name__ == "__main__":
    main()
