"""Figures for a corpus at scale: incremental re-runs, peak memory, and the Ray engine beside the local pool.

    python bench/scale_bench.py                       # all three, on the 3,786 White House briefings
    python bench/scale_bench.py --only incremental    # or: memory, ray
    python bench/scale_bench.py --limit 400           # a quick look on the first 400 files

Each command runs as a subprocess inside run_bench's wrapper (wall time, CPU time, peak RSS of the largest
process), on the collection unpacked once into a temporary folder. See bench/README.md for what the figures mean.

- incremental: a full run (empty cache), a re-run after changing one file, and a re-run with nothing changed,
  all ``convert --workers 1`` into the same output folder; the re-run's wall time as a share of the full run's
  (target: at most 15%).
- memory: peak RSS of ``convert --workers 1 --no-cache`` on the whole collection and on its first half
  (target: under 300 MB for both, i.e. not growing with the corpus).
- ray: ``convert --workers 2 --no-cache`` (the local process pool) against ``--engine ray --workers 2`` on a local
  Ray instance it starts itself, and against ``--engine ray --ray-address auto`` on a 2-CPU Ray cluster started
  beforehand with ``ray start --head`` (what a cluster user has); target: Ray within 1.1x of the local pool.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH_DIR))

from run_bench import ARCHIVE_ENV, DEFAULT_ARCHIVE, REPO, Result, measure, unpack  # noqa: E402

MB = 1e6


def _env(tmp: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO / "src"), env.get("PYTHONPATH")]))
    env["PYTHONPYCACHEPREFIX"] = str(tmp / "pycache")
    env.setdefault("RAY_AUTH_MODE", "disabled")  # a throwaway local cluster needs no token
    return env


def _convert(args: list[str], env: dict[str, str]) -> Result:
    result = measure([sys.executable, "-m", "transcript_kit", "convert", "-q", *args], env)
    if result.returncode != 0:
        raise SystemExit(f"scale_bench: convert {' '.join(args)} failed:\n{result.stderr}")
    return result


def _row(name: str, result: Result, base: float | None = None) -> str:
    share = f"{result.wall / base:8.1%}" if base else " " * 8
    return f"{name:<44} {result.wall:7.2f} {result.cpu:7.2f} {result.peak_rss / MB:9.1f}  {share}"


HEADER = f"{'run':<44} {'wall s':>7} {'CPU s':>7} {'peak MB':>9}  {'share':>8}"


def incremental(inputs: Path, tmp: Path, env: dict[str, str], repeat: int) -> None:
    print("\nincremental re-runs (convert --workers 1, same output folder)\n" + HEADER)
    changed = sorted(inputs.rglob("*.txt"))[0]
    original = changed.read_bytes()
    shares = []
    for attempt in range(repeat):
        out = tmp / f"incremental-{attempt}"
        full = _convert([str(inputs), "--out", str(out)], env)
        changed.write_bytes(original + f"\n\nMS. PSAKI:  One more thing ({attempt}).\n".encode())
        one = _convert([str(inputs), "--out", str(out)], env)
        same = _convert([str(inputs), "--out", str(out)], env)
        changed.write_bytes(original)
        print(_row("full run (empty cache)", full))
        print(_row("re-run, one file changed", one, full.wall))
        print(_row("re-run, nothing changed", same, full.wall))
        shares.append(one.wall / full.wall)
        shutil.rmtree(out)
        shutil.rmtree(out.parent / f".{out.name}.transcript-kit")
    print(f"re-run after one change / full run: median {statistics.median(shares):.1%} (target <= 15%)")


def memory(inputs: Path, tmp: Path, env: dict[str, str]) -> None:
    print("\npeak memory (convert --workers 1 --no-cache)\n" + HEADER)
    files = sorted(p for p in inputs.rglob("*") if p.is_file())
    half = tmp / "half"
    for path in files[: len(files) // 2]:
        target = half / path.relative_to(inputs)
        target.parent.mkdir(parents=True, exist_ok=True)
        os.link(path, target)
    for name, folder, count in (("whole", inputs, len(files)), ("half", half, len(files) // 2)):
        result = _convert([str(folder), "--out", str(tmp / f"memory-{name}"), "--no-cache"], env)
        print(_row(f"{name} collection ({count:,} files)", result))
        shutil.rmtree(tmp / f"memory-{name}")


def ray(inputs: Path, tmp: Path, env: dict[str, str], repeat: int) -> None:
    print("\nRay against the local pool (2 workers each, --no-cache)\n" + HEADER)
    ray_cli = Path(sys.executable).with_name("ray")
    runs: dict[str, list[Result]] = {"local": [], "ray (own local instance)": [], "ray (running cluster)": []}
    started = subprocess.run(
        [
            str(ray_cli),
            "start",
            "--head",
            "--num-cpus",
            "2",
            "--include-dashboard",
            "false",
            "--disable-usage-stats",
        ],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if started.returncode != 0:
        raise SystemExit(f"scale_bench: ray start failed:\n{started.stderr[-2000:]}")
    try:
        common = [str(inputs), "--workers", "2", "--no-cache"]
        for attempt in range(repeat):  # the commands take turns, so a slow spell hits them alike
            for name, extra in (
                ("local", []),
                ("ray (running cluster)", ["--engine", "ray", "--ray-address", "auto"]),
            ):
                runs[name].append(_convert([*common, *extra, "--out", str(tmp / f"ray-{attempt}")], env))
        own_env = {k: v for k, v in env.items() if k != "RAY_ADDRESS"}
        subprocess.run([str(ray_cli), "stop", "--force"], env=env, capture_output=True, check=False)
        for attempt in range(repeat):
            runs["ray (own local instance)"].append(
                _convert([*common, "--engine", "ray", "--out", str(tmp / f"ray-own-{attempt}")], own_env)
            )
    finally:
        subprocess.run([str(ray_cli), "stop", "--force"], env=env, capture_output=True, check=False)
    base = statistics.median(r.wall for r in runs["local"])
    for name, results in runs.items():
        middle = sorted(results, key=lambda r: r.wall)[len(results) // 2]
        print(_row(f"{name} (median of {len(results)})", middle, base))
    print("share = wall time / the local pool's (target: Ray <= 110%)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "archive", nargs="?", type=Path, default=Path(os.environ.get(ARCHIVE_ENV, DEFAULT_ARCHIVE))
    )
    parser.add_argument("--limit", type=int, help="only the first N files")
    parser.add_argument("--only", choices=("incremental", "memory", "ray"), action="append")
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    if not args.archive.is_file():
        print(
            f"scale_bench: no collection at {args.archive} (pass its path or set {ARCHIVE_ENV})",
            file=sys.stderr,
        )
        return 2
    chosen = args.only or ["incremental", "memory", "ray"]
    with tempfile.TemporaryDirectory(prefix="tk-scale-") as name:
        tmp = Path(name)
        files = unpack(args.archive, tmp / "in", args.limit)
        size = sum(f.stat().st_size for f in files)
        print(
            f"{len(files):,} files, {size / MB:.1f} MB; CPUs: {os.cpu_count()}; load before: {os.getloadavg()[0]:.2f}"
        )
        env = _env(tmp)
        _convert([str(files[0]), "--out", str(tmp / "warm"), "--no-cache"], env)  # fill the bytecode cache
        if "incremental" in chosen:
            incremental(tmp / "in", tmp, env, args.repeat)
        if "memory" in chosen:
            memory(tmp / "in", tmp, env)
        if "ray" in chosen:
            ray(tmp / "in", tmp, env, args.repeat)
        print(f"load after: {os.getloadavg()[0]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
