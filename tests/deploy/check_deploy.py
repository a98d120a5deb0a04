#!/usr/bin/python3
"""Checks deploy/ by reading it: the manifests parse, and every port, path and flag they
name agrees with each other and with `entente serve --help`.

Usage: check_deploy.py ENTENTE_BINARY DEPLOY_DIR
Docker and Kubernetes cannot run on our machines, so this is how they stay correct.
"""
import re
import subprocess
import sys
from pathlib import Path

import yaml

failures = []


def check(ok, message):
    if not ok:
        failures.append(message)


def flags_in(words):
    return {w.split("=")[0] for w in words if w.startswith("--")}


def main(entente, deploy):
    deploy = Path(deploy)
    help_text = subprocess.run([entente, "serve", "--help"], capture_output=True,
                               text=True, timeout=30)
    check(help_text.returncode == 0, "entente serve --help exited non-zero")
    known = set(re.findall(r"--[a-z][a-z0-9-]*", help_text.stdout + help_text.stderr))
    check("--db" in known and "--listen" in known,
          f"serve --help does not document --db and --listen: {sorted(known)}")

    # Kubernetes: StatefulSet + Service.
    docs = []
    for path in sorted((deploy / "k8s").glob("*.yaml")):
        docs += [d for d in yaml.safe_load_all(path.read_text()) if d]
    kinds = {d["kind"]: d for d in docs}
    check({"StatefulSet", "Service"} <= kinds.keys(), f"k8s kinds: {sorted(kinds)}")
    sts, svc = kinds.get("StatefulSet"), kinds.get("Service")
    if sts and svc:
        pod = sts["spec"]["template"]["spec"]
        container = pod["containers"][0]
        args = container.get("args", [])
        check(args[:1] == ["serve"], f"container args start with serve: {args}")
        for flag in flags_in(args):
            check(flag in known, f"k8s arg {flag} is not in serve --help")
        listen = args[args.index("--listen") + 1] if "--listen" in args else ""
        port = int(listen.rsplit(":", 1)[1]) if ":" in listen else None
        ports = {p["name"]: p["containerPort"] for p in container["ports"]}
        check(port in ports.values(), f"--listen port {port} not a containerPort {ports}")
        for probe in ("readinessProbe", "livenessProbe"):
            grpc = container.get(probe, {}).get("grpc")
            check(grpc is not None, f"{probe} must use the gRPC health service")
            check(grpc and grpc.get("port") == port, f"{probe} port != {port}")
        db = args[args.index("--db") + 1] if "--db" in args else ""
        mounts = {m["name"]: m["mountPath"] for m in container["volumeMounts"]}
        claims = {c["metadata"]["name"] for c in sts["spec"]["volumeClaimTemplates"]}
        check(any(db.startswith(path + "/") and name in claims
                  for name, path in mounts.items()),
              f"--db {db} is not on a persistent volume {mounts} {claims}")
        check(pod["securityContext"].get("runAsNonRoot") is True, "pod must run as non-root")
        target = svc["spec"]["ports"][0]["targetPort"]
        check(target in ports or target == port, f"Service targetPort {target} unknown")
        check(svc["spec"]["selector"].items() <= sts["spec"]["selector"]["matchLabels"].items(),
              "Service selector does not match the StatefulSet")

    # Dockerfile: bookworm-slim stages, non-root user, volume and entrypoint flags.
    docker = (deploy / "Dockerfile").read_text()
    stages = re.findall(r"^FROM (\S+)", docker, re.M)
    check(len(stages) >= 2 and all(s == "debian:bookworm-slim" for s in stages),
          f"Dockerfile stages: {stages}")
    check(re.search(r"^USER (?!root)\S+", docker, re.M) is not None, "Dockerfile has no USER")
    entry = re.search(r"^ENTRYPOINT (\[.*\])", docker, re.M)
    check(entry is not None, "Dockerfile has no exec-form ENTRYPOINT")
    if entry:
        words = yaml.safe_load(entry.group(1))
        for flag in flags_in(words):
            check(flag in known, f"Dockerfile flag {flag} is not in serve --help")
        db = words[words.index("--db") + 1]
        volumes = yaml.safe_load(re.search(r"^VOLUME (\[.*\])", docker, re.M).group(1))
        check(any(db.startswith(v + "/") for v in volumes), f"--db {db} not on a VOLUME")
        check(re.search(r"^EXPOSE " + words[words.index("--listen") + 1].rsplit(":")[1],
                        docker, re.M) is not None, "EXPOSE does not match --listen")

    # systemd unit and its environment file.
    unit = (deploy / "systemd" / "entente.service").read_text()
    exec_start = re.search(r"^ExecStart=(.*)$", unit, re.M).group(1).split()
    for flag in flags_in(exec_start):
        check(flag in known, f"systemd flag {flag} is not in serve --help")
    env = dict(line.split("=", 1) for line in (deploy / "entente.env").read_text().splitlines()
               if line and not line.startswith("#"))
    for var in re.findall(r"\$\{?([A-Z_]+)\}?", " ".join(exec_start)):
        check(var in env, f"systemd uses ${var}, which entente.env does not set")
    for flag in re.findall(r"#\s+(--[a-z-]+)", (deploy / "entente.env").read_text()):
        check(flag in known, f"entente.env documents {flag}, not in serve --help")

    for failure in failures:
        print("FAIL:", failure)
    print(f"deploy checks: {'ok' if not failures else f'{len(failures)} failed'}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
