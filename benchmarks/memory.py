"""Peak memory and time of loading large plans, each load in a fresh process.

Writes plans of 10,000 and 100,000 industries (see ``test_plans.plan``) with
``ip.save`` into a directory, then loads each in its own Python process and
prints a Markdown table: file size, peak resident memory (``ru_maxrss``) of
the process, the memory of a process that only imports the library, and the
load's wall time.  Run from the repository root::

    python benchmarks/memory.py /tmp/plans            # 10,000 and 100,000
    python benchmarks/memory.py /tmp/plans 10000      # just one size

Writing the 100,000-industry plans takes a few minutes per syntax; files
already in the directory are reused.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

PROBE = """
import json, resource, sys, time
import industrial_plan as ip
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
start = time.perf_counter()
plan = ip.load(sys.argv[1])  # the default size limit
seconds = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"seconds": seconds, "peak_kib": peak, "import_kib": before,
                  "industries": len(plan.industries)}))
"""


WRITE = """
import sys
import industrial_plan as ip
from test_plans import plan
ip.save(plan(int(sys.argv[2])), sys.argv[1])
"""


def main(directory: str, sizes: list[int]) -> None:
    folder = Path(directory)
    folder.mkdir(parents=True, exist_ok=True)
    print(
        "| industries | syntax | file size | peak RSS | RSS after import "
        "| ratio | load time |"
    )
    print("|--:|---|--:|--:|--:|--:|--:|")
    for size in sizes:
        for syntax in ("toml", "yaml", "json"):
            file = folder / f"plan-{size}.{syntax}"
            if not file.exists():
                # In a process of its own: a child inherits its parent's peak
                # (ru_maxrss survives fork and exec), so this process stays small.
                subprocess.run(
                    [sys.executable, "-c", WRITE, str(file.resolve()), str(size)],
                    check=True,
                    cwd=Path(__file__).parent,
                )
            result = subprocess.run(
                [sys.executable, "-c", PROBE, str(file)],
                capture_output=True,
                text=True,
                check=True,
            )
            found = json.loads(result.stdout)
            assert found["industries"] == size
            megabytes = file.stat().st_size / 1e6
            peak = found["peak_kib"] / 1024
            print(
                f"| {size:,} | {syntax} | {megabytes:.1f} MB | {peak:,.0f} MiB | "
                f"{found['import_kib'] / 1024:,.0f} MiB | "
                f"{peak * 1.048576 / megabytes:.0f}x | {found['seconds']:.1f} s |",
                flush=True,
            )


if __name__ == "__main__":
    main(sys.argv[1], [int(n) for n in sys.argv[2:]] or [10_000, 100_000])
