"""The Ray engine: the same shards as the local engine, run as Ray tasks on a cluster or a local Ray instance.

``pip install 'transcript-kit[ray]'``, then ``transcript-kit convert … --engine ray [--ray-address ADDR]``. The
map step (:func:`~transcript_kit.pipeline.convert_shard`) runs as one task per shard; the driver runs the
corpus-level speaker pass; the turns table is written by tasks as part files (``turns.parquet/part-NNNNN.parquet``,
a dataset directory; JSON Lines parts joined in order by the driver, byte-identical to the local engine's). Tasks
read the inputs and write results and parts by path, so on a cluster the inputs, the output folder and the
cache must be on storage every node mounts at the same path.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import attrs

from transcript_kit.errors import InputError
from transcript_kit.pipeline import (
    ConvertConfig,
    Shard,
    ShardResult,
    TurnPart,
    convert_shard,
    write_turn_part,
)


def _ray() -> Any:
    try:
        import ray
    except ImportError:
        raise InputError(
            "--engine ray needs Ray: pip install 'transcript-kit[ray]' (or pip install ray)"
        ) from None
    return ray


@attrs.define(slots=True)
class RayEngine:
    """Run shards and turn parts as Ray tasks. Use it as a context manager: it connects to ``address`` (``ray start
    --head`` prints it; "auto" finds a running cluster), else starts a local instance with ``workers`` CPUs that
    lives as long as the run. A Ray session the caller already started is used as it is."""

    address: str | None = None
    workers: int = 2
    writes_parts: bool = True
    _started: bool = attrs.field(default=False, init=False)

    @property
    def part_count(self) -> int:
        # Two parts per worker keep every worker busy until the end; each part is one Parquet file.
        return max(1, 2 * self.workers)

    def _wait(self, refs: list[Any], each: Callable[[Any], None]) -> None:
        ray = _ray()
        pending = refs
        while pending:
            done, pending = ray.wait(pending, num_returns=1)
            for ref in done:
                each(ray.get(ref))

    def run_shards(
        self, shards: Sequence[Shard], config: ConvertConfig, tick: Callable[[int], None]
    ) -> list[ShardResult]:
        ray = _ray()
        task = ray.remote(num_cpus=1)(convert_shard)
        config_ref = ray.put(config)
        results: list[ShardResult] = []

        def finished(result: ShardResult) -> None:
            results.append(result)
            tick(len(shards[result.index].files))

        self._wait([task.remote(shard, config_ref) for shard in shards], finished)
        return sorted(results, key=lambda r: r.index)

    def write_parts(self, parts: Sequence[TurnPart], tick: Callable[[int], None]) -> list[int]:
        ray = _ray()
        task = ray.remote(num_cpus=1)(_indexed_part)
        counts = [0] * len(parts)

        def finished(outcome: tuple[int, int]) -> None:
            index, count = outcome
            counts[index] = count
            tick(count)

        self._wait([task.remote(part) for part in parts], finished)
        return counts

    def __enter__(self) -> RayEngine:
        ray = _ray()
        if not ray.is_initialized():
            try:
                if self.address:
                    ray.init(address=self.address, include_dashboard=False, log_to_driver=False)
                else:
                    # "local": a new instance even where a cluster runs on this machine (ray.init would join it),
                    # its services on the loopback address: a local run needs no network.
                    ray.init(
                        address="local",
                        num_cpus=self.workers,
                        include_dashboard=False,
                        log_to_driver=False,
                        _node_ip_address="127.0.0.1",
                    )
            except ConnectionError as error:
                raise InputError(f"--ray-address {self.address}: cannot connect to Ray: {error}") from None
            self._started = True
        # Parts follow the CPUs the cluster really has, not the local --workers.
        self.workers = max(1, int(ray.cluster_resources().get("CPU", self.workers)))
        return self

    def __exit__(self, *exc: object) -> None:
        if self._started:
            _ray().shutdown()
            self._started = False


def _indexed_part(part: TurnPart) -> tuple[int, int]:
    return part.index, write_turn_part(part)
