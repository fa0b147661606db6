#!/usr/bin/env python3
"""Splits a whole-machine `perf` profile of a benchmark by component.

Each sample goes to one bucket: PostgreSQL, or, for the .NET process, the component of the innermost managed frame
that names one (a kernel frame below it counts for that component: a socket send made by Npgsql is Npgsql's), or
another process. Stacks that perf could not unwind past libc's send()/recv() are listed as such: they are the loopback
socket calls whose callers are unknown.

Usage, with the bench started with DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0 DOTNET_ReadyToRun=0 (so that
framework code is jitted and named too):
    perf record -a -g -o perf.data -- sleep 8          # during the measured seconds
    perf script -i perf.data -F comm,pid,ip,sym > perf.txt
    python3 bench/perf-attribution.py perf.txt
"""
import collections
import sys

# Checked in this order on each managed frame, innermost first: the first that matches names the sample's component.
COMPONENTS = [
    ("load generator (HttpClient)", ["System.Net.Http", "Socle.Bench"]),
    ("Npgsql", ["[Npgsql]", "Npgsql."]),
    ("EF Core", ["Microsoft.EntityFrameworkCore"]),
    ("System.Text.Json", ["System.Text.Json"]),
    ("System.Xml", ["System.Private.Xml", "System.Xml"]),
    ("Socle.Audit", ["Socle.Audit"]),
    ("Socle.Record", ["Socle.Record"]),
    ("Socle (other modules)", ["Socle."]),
    ("Kestrel", ["Kestrel"]),
    ("ASP.NET Core (other)", ["Microsoft.AspNetCore", "Microsoft.Extensions"]),
    ("System.Net.Sockets", ["System.Net.Sockets"]),
    ("thread pool, tasks", ["System.Threading"]),
]
GC_MARKERS = ("gc_heap", "GCHeap", "WKS::", "SVR::")


def samples(path):
    comm, frames = None, []
    with open(path, errors="replace") as lines:
        for line in lines:
            if not line.strip():
                if comm is not None:
                    yield comm, frames
                comm, frames = None, []
            elif not line[0].isspace():
                comm = line.strip()
            else:
                address, _, symbol = line.strip().partition(" ")
                frames.append((address.startswith("ffffffff"), symbol or "?"))
    if comm is not None:
        yield comm, frames


def bucket(comm, frames):
    if comm.startswith("postgres"):
        return "PostgreSQL (all processes)"
    if not comm.startswith((".NET", "Kestrel", "dotnet")):
        return "other: " + comm.split()[0]
    if "GC" in comm or any(m in s for _, s in frames[:8] for m in GC_MARKERS):
        return ".NET garbage collector"
    for kernel, symbol in frames:
        if kernel:
            continue
        for name, keys in COMPONENTS:
            if any(k in symbol for k in keys):
                return name
    user = [s for kernel, s in frames if not kernel]
    if user and user[0] in ("__send", "__libc_recv"):
        return f"loopback {user[0].strip('_').replace('libc_', '')}(), caller not unwound"
    return ".NET, not attributed"


def main(path):
    counts, kernel_leaf, total = collections.Counter(), collections.Counter(), 0
    for comm, frames in samples(path):
        total += 1
        name = bucket(comm, frames)
        counts[name] += 1
        kernel_leaf[name] += bool(frames) and frames[0][0]
    print(f"{total} samples")
    print("| Component | share of the machine's samples | of which in the kernel |")
    print("|---|---:|---:|")
    for name, count in counts.most_common():
        print(f"| {name} | {100 * count / total:.1f} % | {100 * kernel_leaf[name] / total:.1f} % |")


if __name__ == "__main__":
    main(sys.argv[1])
