"""The import benchmark: `manage.py import_corpus` on generated archives, and the parser alone.

Each import runs in a child process on a fresh copy of a migrated database, exactly as an
editor would run it; its wall time gives files/s, and its peak resident memory is the kernel's
high-water mark of that process's memory (`VmHWM`), read while it runs.
"""

import json
import os
import subprocess
import sys
import time
from pathlib import Path

from bench.databases import DATA, ROOT, django_env


def import_once(database, template, directory, timeout=1800):
    """Import `directory` into a fresh copy of `template`; return time, memory and summary."""
    database.create(template=template)
    report = DATA / f"import-report-{database.name}.json"
    log = DATA / f"import-{database.name}.log"
    command = [
        sys.executable,
        "manage.py",
        "import_corpus",
        str(directory),
        "--report",
        str(report),
    ]
    with open(log, "w") as errors:
        started = time.perf_counter()
        process = subprocess.Popen(
            command, cwd=ROOT, env=django_env(database), stdout=subprocess.DEVNULL, stderr=errors
        )
        deadline = started + timeout
        peak_kb = 0
        while True:
            peak_kb = max(peak_kb, high_water_kb(process.pid))
            pid, status, _usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                process.kill()
                pid, status, _usage = os.wait4(process.pid, 0)
                break
            time.sleep(0.05)
        seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        tail = log.read_text()[-2000:]
        return {"failed": True, "returncode": process.returncode, "seconds": seconds, "log": tail}
    summary = json.loads(report.read_text())["summary"]
    report.unlink(missing_ok=True)
    files = summary["files"]
    return {
        "seconds": round(seconds, 2),
        "files_per_s": round(files / seconds, 1),
        "peak_rss_mb": round(peak_kb / 1024, 1),
        "summary": summary,
    }


def high_water_kb(pid):
    """The peak resident memory of `pid`'s own address space so far (VmHWM), in kB.

    Not `ru_maxrss` from `os.wait4`: Linux starts a child's count at the high-water mark of the
    address space it replaced at exec, which is this (much bigger) process's.
    """
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except (FileNotFoundError, ProcessLookupError):
        return 0
    for line in status.splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return 0


def measure_parser(directory, runs=3):
    """bench.worker task: files/s of `articles.importing.parse_bytes` alone (files in memory),
    with the furniture list and thesaurus the importer passes it."""
    from articles.importing import ParseError, parse_bytes
    from articles.importing.writer import editable_parser_data

    furniture, thesaurus = editable_parser_data()
    files = [path.read_bytes() for path in sorted(Path(directory).glob("*.txt"))]
    results = []
    articles = errors = 0
    for _ in range(runs):
        articles = errors = 0
        started = time.perf_counter()
        for data in files:
            try:
                parsed = parse_bytes(data, furniture=furniture, thesaurus=thesaurus)
            except ParseError:
                errors += 1
                continue
            articles += len(parsed.articles)
        seconds = time.perf_counter() - started
        results.append({"seconds": round(seconds, 3), "files_per_s": round(len(files) / seconds)})
        print(f"  parser: {len(files) / seconds:.0f} files/s", file=sys.stderr, flush=True)
    return {"files": len(files), "articles": articles, "errors": errors, "runs": results}
