"""The colours of a progress chart: one for each kind of line and mark, one
for each status, so that the panels, their titles and the key agree.
"""

from __future__ import annotations

from typing import Final

from industrial_plan._progress.results import Status

OBSERVED: Final = "#1f4e79"
TARGET: Final = "#7d3c98"
REQUIRED: Final = "#e67e22"
PROJECTED: Final = "#7f8c8d"
_STATUS_COLOURS: Final = {
    Status.ACHIEVED: "#1e8449",
    Status.ON_TRACK: "#1e8449",
    Status.ACCELERATION_NEEDED: "#b9770e",
    Status.LIMITED_PROGRESS: "#a93226",
    Status.DETERIORATION: "#a93226",
    Status.NOT_ACHIEVED: "#a93226",
    Status.INSUFFICIENT_DATA: "#5d6d7e",
    Status.NOT_QUANTIFIED: "#5d6d7e",
    Status.WITHIN_CAP: "#1e8449",
    Status.CAP_EXCEEDED: "#a93226",
}
