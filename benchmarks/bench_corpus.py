"""The corpus command on the 2,225 BBC articles (../shared): articles a second on one worker process and on two (and a
CPU second, which a busy machine does not change), and
the peak memory of the run (the command and its workers), measured, never asserted: run with `make bench`.

`--repeat K` runs the corpus K times over (ids made unique) to show that memory stays flat as the corpus grows
(nine times is 20,025 articles): while it runs, a line is printed as the articles done pass 2,000, 10,000 and 20,000
(`--checkpoints`), with the peak memory so far and the memory in use then, so one run shows whether memory grows
with the corpus (and a run cut short still shows the checkpoints it passed). Each run writes into a fresh temporary
folder and starts its own local cluster; the time includes starting the worker processes and their one-off loading
of the lists.
"""
from __future__ import annotations

import argparse
import json
import os
import tempfile
import threading
import time
from pathlib import Path

import psutil

from newslens import corpus, paths

BBC = paths.SHARED / "corpora" / "bbc_2225.jsonl"
MiB = 2**20


class Usage:
    """Polls this process and all its children (the Dask workers) while it is open: peak resident memory, in all
    and of the largest process, and the CPU seconds each used (a busy machine slows the clock, not the CPU time).
    Given the run's --out folder, it also prints the memory as the articles done pass each of `checkpoints`."""

    def __init__(self, every: float = 0.2, out: Path | None = None, checkpoints: tuple[int, ...] = ()):
        self.every, self.total, self.largest, self._stop = every, 0, 0, threading.Event()
        self.cpu: dict[int, float] = {}
        self.out, self.checkpoints, self.t0 = out, sorted(checkpoints), time.perf_counter()

    def _done(self) -> int:
        """Articles analysed so far: every partition marker but the last holds a full partition."""
        return len(list((self.out / corpus.DONE).glob("part-*.parquet"))) * corpus.PARTITION_SIZE

    def _check(self, now: int) -> None:
        while self.checkpoints and self.out is not None and self._done() >= self.checkpoints[0]:
            done, seconds = self.checkpoints.pop(0), time.perf_counter() - self.t0
            print(f"    {done:>6,} articles done after {seconds:5.0f} s ({done / seconds:.1f} a second): peak memory so "
                  f"far {self.total / MiB:,.0f} MiB in all ({self.largest / MiB:,.0f} MiB the largest process), "
                  f"{now / MiB:,.0f} MiB in use now", flush=True)

    def _poll(self) -> None:
        me = psutil.Process()
        while not self._stop.is_set():
            sizes = []
            for proc in [me, *me.children(recursive=True)]:
                try:
                    with proc.oneshot():
                        sizes.append(proc.memory_info().rss)
                        times = proc.cpu_times()
                        self.cpu[proc.pid] = times.user + times.system
                except psutil.Error:  # a process that ended between listing and reading
                    pass
            self.total, self.largest = max(self.total, sum(sizes)), max(self.largest, max(sizes, default=0))
            self._check(sum(sizes))
            self._stop.wait(self.every)

    def __enter__(self) -> "Usage":
        self._thread = threading.Thread(target=self._poll, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()


def repeated(source: Path, times: int, folder: Path) -> Path:
    """The corpus written `times` over into one JSONL file, each copy's ids made unique."""
    target = folder / f"bbc_x{times}.jsonl"
    with open(target, "w", encoding="utf-8") as out:
        for k in range(times):
            with open(source, encoding="utf-8") as rows:
                for line in rows:
                    record = json.loads(line)
                    record["id"] = f"{record['id']}-{k}"
                    out.write(json.dumps(record) + "\n")
    return target


def measure(source: Path, workers: int, checkpoints: tuple[int, ...] = ()) -> None:
    with tempfile.TemporaryDirectory(prefix="newslens-bench-") as out, \
            Usage(out=Path(out), checkpoints=checkpoints) as usage:
        t0 = time.perf_counter()
        report = corpus.run(source, Path(out), workers=workers, progress=False)
        seconds = time.perf_counter() - t0
    cpu = sum(usage.cpu.values())
    print(f"  {workers} worker{'s' if workers > 1 else ''}: {report.articles:,} articles ({report.failed} failed) in "
          f"{seconds:.0f} s: {report.articles / seconds:.1f} articles a second; {cpu:.0f} CPU seconds in all processes "
          f"({report.articles / cpu:.1f} articles a CPU second); peak memory {usage.total / MiB:,.0f} MiB in all, "
          f"{usage.largest / MiB:,.0f} MiB the largest process; load average {os.getloadavg()[0]:.1f} at the end",
          flush=True)


def main() -> None:
    top = argparse.ArgumentParser(description=__doc__)
    top.add_argument("--workers", type=int, nargs="+", default=[1, 2], help="worker counts to measure (default 1 2)")
    top.add_argument("--repeat", type=int, default=1, help="run the corpus this many times over (default 1)")
    top.add_argument("--checkpoints", type=int, nargs="*", default=[2000, 10000, 20000],
                     help="print the memory as the articles done pass these counts (default 2000 10000 20000)")
    args = top.parse_args()
    if not BBC.is_file():
        print(f"{BBC} not here: corpus benchmark skipped")
        return
    with tempfile.TemporaryDirectory(prefix="newslens-bench-input-") as folder:
        source = BBC if args.repeat == 1 else repeated(BBC, args.repeat, Path(folder))
        print(f"corpus command on {source.name} (the BBC corpus{f' x{args.repeat}' if args.repeat > 1 else ''}):",
              flush=True)
        for workers in args.workers:
            measure(source, workers, tuple(args.checkpoints))


if __name__ == "__main__":
    main()
