"""Time ``transcript-kit convert`` against a one-off regex splitter on the White House briefings collection.

    .venv/bin/python bench/run_bench.py                 # full collection, once
    .venv/bin/python bench/run_bench.py --limit 200     # quick look
    .venv/bin/python bench/run_bench.py --repeat 3      # median of three

Unpacks the archive into a temporary folder, then runs every measurement on those same files as a subprocess
and prints wall time, MB/s, CPU time and peak memory, plus each convert run's wall time as a multiple of the
splitter's. See bench/README.md for what each figure means.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

BENCH_DIR = Path(__file__).resolve().parent
REPO = BENCH_DIR.parent
ARCHIVE_ENV = "TRANSCRIPT_KIT_BENCH_ARCHIVE"
# The collection is too big for the repository; development machines keep it beside the checkout.
DEFAULT_ARCHIVE = REPO.parent / "shared" / "bench" / "whitehouse-briefings-bench.tar.gz"
SPLITTER = "one-off splitter"
SUFFIXES = (".txt", ".md")  # what the splitter reads; convert reads these too (and subtitles, absent here)

# Each measurement runs inside a fresh interpreter that does nothing but start the command and wait for it, so
# that RUSAGE_CHILDREN covers exactly one command. On Linux ru_maxrss is the peak RSS of the single largest
# process among the (waited-for) descendants, workers included, not a sum; it is KiB on Linux, bytes on macOS.
# The clock sits inside the wrapper too, so the wrapper's own start-up is not timed.
WRAPPER = """
import json, resource, subprocess, sys, time
start = time.perf_counter()
done = subprocess.run(sys.argv[1:], capture_output=True, text=True)
wall = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
json.dump({"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "maxrss": usage.ru_maxrss,
           "returncode": done.returncode, "stdout": done.stdout[-2000:], "stderr": done.stderr[-2000:]},
          sys.stdout)
"""


class TreeRSS(threading.Thread):
    """Sample the summed RSS of every process below ``root`` (Linux /proc), for the multi-process figure.

    ru_maxrss cannot give a sum over processes that were alive at the same time, so this polls instead. A
    sum of RSS counts pages that forked workers still share with their parent once per process: it overstates.
    """

    INTERVAL = 0.05

    def __init__(self, root: int) -> None:
        super().__init__(daemon=True)
        self.root = root
        self.peak = 0
        self._stop_event = threading.Event()
        self._page = os.sysconf("SC_PAGE_SIZE")

    @staticmethod
    def available() -> bool:
        return Path(f"/proc/{os.getpid()}/task/{os.getpid()}/children").exists()

    def run(self) -> None:
        while not self._stop_event.wait(self.INTERVAL):
            self.peak = max(self.peak, sum(self._rss(pid) for pid in self._descendants(self.root)))

    def stop(self) -> int:
        self._stop_event.set()
        self.join()
        return self.peak

    def _descendants(self, pid: int) -> list[int]:
        found = []
        for children in Path(f"/proc/{pid}/task").glob("*/children"):
            try:
                for child in map(int, children.read_text().split()):
                    found += [child, *self._descendants(child)]
            except OSError:  # the process ended while we looked
                continue
        return found

    def _rss(self, pid: int) -> int:
        try:
            return int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * self._page
        except (OSError, IndexError, ValueError):
            return 0


def unpack(archive: Path, dest: Path, limit: int | None) -> list[Path]:
    """Extract the transcripts (regular files only) from ``archive`` into ``dest``: the first ``limit``."""
    dest = dest.resolve()
    with tarfile.open(archive, "r:*") as tar:
        members = [m for m in tar.getmembers() if m.isfile() and PurePosixPath(m.name).suffix in SUFFIXES]
        chosen = {m.name for m in sorted(members, key=lambda m: m.name)[:limit]}
        files = []
        # Extract in archive order: a gzip stream only seeks forward cheaply.
        for member in members:
            if member.name not in chosen:
                continue
            # Our own copy loop, not extractall: links, devices and paths escaping dest are never written.
            target = (dest / member.name).resolve()
            if not target.is_relative_to(dest):
                raise SystemExit(f"run_bench: refusing archive member outside {dest}: {member.name!r}")
            target.parent.mkdir(parents=True, exist_ok=True)
            source = tar.extractfile(member)
            assert source is not None  # a regular file always has contents
            with source, open(target, "wb") as out:
                shutil.copyfileobj(source, out)
            files.append(target)
    return files


@dataclass
class Result:
    wall: float  # seconds
    cpu: float  # user + system seconds, all processes
    peak_rss: int  # bytes, the largest single process
    tree_rss: int | None  # bytes, sampled sum over the process tree (None without /proc)
    returncode: int
    stdout: str
    stderr: str
    errors: int = 0  # lines in convert's errors.jsonl

    @property
    def failed(self) -> bool:
        # convert exits 1 when some inputs went to errors.jsonl and the rest converted: still a valid timing.
        return self.returncode not in (0, 1) or (self.returncode == 1 and not self.errors)


def measure(command: list[str], env: dict[str, str]) -> Result:
    """Run ``command`` once inside the wrapper and collect its figures."""
    wrapper = subprocess.Popen(
        [sys.executable, "-c", WRAPPER, *command], stdout=subprocess.PIPE, text=True, env=env
    )
    sampler = TreeRSS(wrapper.pid) if TreeRSS.available() else None
    if sampler:
        sampler.start()
    out, _ = wrapper.communicate()
    tree = sampler.stop() if sampler else None
    raw = json.loads(out)
    return Result(
        wall=raw["wall"],
        cpu=raw["cpu"],
        peak_rss=raw["maxrss"] * (1 if sys.platform == "darwin" else 1024),  # KiB on Linux, bytes on macOS
        tree_rss=tree,
        returncode=raw["returncode"],
        stdout=raw["stdout"],
        stderr=raw["stderr"],
    )


def run(template: list[str], inputs: Path, tmp: Path, env: dict[str, str]) -> Result:
    """Measure one command from ``template`` on ``inputs``, writing into a fresh folder removed after."""
    out = Path(tempfile.mkdtemp(dir=tmp, prefix="out-"))
    command = [arg.replace("{in}", str(inputs)).replace("{out}", str(out)) for arg in template]
    result = measure(command, env)
    errors = out / "errors.jsonl"
    result.errors = len(errors.read_text().splitlines()) if errors.is_file() else 0
    shutil.rmtree(out)
    return result


def _count(pattern: str, text: str) -> int | None:
    match = re.search(pattern, text)
    return int(match.group(1).replace(",", "")) if match else None


def _positive(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError("must be a whole number, 1 or more")
    return int(value)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "archive",
        nargs="?",
        type=Path,
        default=Path(os.environ.get(ARCHIVE_ENV, DEFAULT_ARCHIVE)),
        help=f"the collection (.tar.gz); default ${ARCHIVE_ENV} or {DEFAULT_ARCHIVE}",
    )
    parser.add_argument(
        "--repeat", type=_positive, default=1, help="runs of each command, interleaved (default 1)"
    )
    parser.add_argument("--stat", choices=("median", "best"), default="median", help="how to combine repeats")
    parser.add_argument("--limit", type=_positive, help="only the first N files by path (a quick run)")
    parser.add_argument("--workers", default="1,2", help="convert --workers values to run (default 1,2)")
    parser.add_argument("--skip-splitter", action="store_true", help="do not run the one-off splitter")
    parser.add_argument("--skip-convert", action="store_true", help="do not run transcript-kit convert")
    parser.add_argument("--format", help="passed to convert --format (default: convert's, jsonl,parquet)")
    args = parser.parse_args()

    if not args.archive.is_file():
        print(
            f"run_bench: bench archive not found: {args.archive}\n"
            f"It is not part of the repository; pass its path as an argument or set {ARCHIVE_ENV}.",
            file=sys.stderr,
        )
        return 2

    runs: dict[str, list[str]] = {}  # command templates: {in} is the input folder, {out} an empty folder
    if not args.skip_splitter:
        runs[SPLITTER] = [sys.executable, str(BENCH_DIR / "oneoff_splitter.py"), "{in}", "{out}/turns.jsonl"]
    if not args.skip_convert:
        fmt = ["--format", args.format] if args.format else []
        for workers in args.workers.split(","):
            cli = [sys.executable, "-m", "transcript_kit.cli", "convert", "{in}", *fmt]
            runs[f"convert --workers {workers}"] = [*cli, "--workers", workers, "--out", "{out}"]

    # Other work on the machine slows the runs, two workers most: the load average is printed with the figures.
    load_before = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
    with tempfile.TemporaryDirectory(prefix="transcript-kit-bench-") as tmp:
        # Measure this checkout's src/, not whatever transcript-kit happens to be installed. Bytecode goes to
        # a cache of our own, even where PYTHONDONTWRITEBYTECODE is set: an installed package has its .pyc
        # files, and compiling every module on every run would be counted against convert.
        pythonpath = [str(REPO / "src"), *filter(None, [os.environ.get("PYTHONPATH")])]
        env = dict(os.environ, PYTHONPATH=os.pathsep.join(pythonpath), PYTHONPYCACHEPREFIX=f"{tmp}/pycache")
        env.pop("PYTHONDONTWRITEBYTECODE", None)

        inputs = Path(tmp) / "input"
        files = unpack(args.archive, inputs, args.limit)
        n_bytes = sum(f.stat().st_size for f in files)

        # One untimed run of each command on two files fills that cache and stops early if a command fails.
        warmup = Path(tmp) / "warmup"
        for file in files[:2]:
            (warmup / file.relative_to(inputs)).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(file, warmup / file.relative_to(inputs))
        for name, template in runs.items():
            result = run(template, warmup, Path(tmp), env)
            if result.failed:
                print(
                    f"run_bench: {name} failed (exit {result.returncode}):\n{result.stderr}", file=sys.stderr
                )
                return 2

        results: dict[str, list[Result]] = {name: [] for name in runs}
        # Interleave the repeats so that a slow spell on the machine hits every command alike.
        for _ in range(args.repeat):
            for name, template in runs.items():
                results[name].append(run(template, inputs, Path(tmp), env))

    combine = statistics.median if args.stat == "median" else min
    print(
        f"{len(files)} files, {n_bytes / 1e6:.1f} MB from {args.archive.name}; "
        f"{args.stat} of {args.repeat} run(s) for times, max for memory; "
        f"Python {platform.python_version()}, {os.cpu_count()} CPUs"
    )
    print(
        f"{'command':<22}{'wall s':>8}{'MB/s':>8}{'CPU s':>8}{'peak RSS MB':>13}{'tree RSS MB':>13}"
        f"{'turns':>9}{'errors':>8}{'vs splitter':>13}"
    )
    baseline = None
    failed = False
    for name, tries in results.items():
        bad = [t for t in tries if t.failed]
        if bad:
            print(f"{name:<22}FAILED (exit {bad[0].returncode}):\n{bad[0].stderr}{bad[0].stdout}")
            failed = True
            continue
        wall = combine(t.wall for t in tries)
        cpu = combine(t.cpu for t in tries)
        peak = max(t.peak_rss for t in tries)
        trees = [t.tree_rss for t in tries if t.tree_rss is not None]
        tree = f"{max(trees) / 1e6:.1f}" if trees else "n/a"
        turns = _count(r"([\d,]+) turns", tries[-1].stdout)
        if name == SPLITTER:
            baseline = wall
        ratio = f"{wall / baseline:.2f}x" if baseline else "-"
        print(
            f"{name:<22}{wall:>8.2f}{n_bytes / 1e6 / wall:>8.1f}{cpu:>8.2f}{peak / 1e6:>13.1f}{tree:>13}"
            f"{turns if turns is not None else '?':>9}{tries[-1].errors:>8}{ratio:>13}"
        )
    print("peak RSS: the largest single process (ru_maxrss); tree RSS: sampled sum over all its processes")
    if load_before is not None:
        print(f"1-minute load average: {load_before:.2f} before, {os.getloadavg()[0]:.2f} after")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
