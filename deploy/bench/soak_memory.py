#!/usr/bin/env python3
"""Draws the soak's memory samples (heap in use, resident set, native memory committed per process over time) and
prints each process's slope per hour, fitted by least squares to the samples after the warm-up.
  soak_memory.py MEMORY_CSV OUTPUT_PNG [WARM_UP_SECONDS=120]"""
import csv
import sys
from collections import defaultdict

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402 (after the backend is chosen)

MEASURES = [("heap_used_kb", "heap in use"), ("rss_kb", "resident set (RSS)"), ("native_committed_kb", "native memory committed (NMT)"),
            ("live_heap_kb", "live heap (after a full collection)")]


def slope_per_hour(points):
    """Least-squares slope of (seconds, kB) points, in MB per hour; None with fewer than two points."""
    if len(points) < 2:
        return None
    n = len(points)
    mean_x = sum(x for x, _ in points) / n
    mean_y = sum(y for _, y in points) / n
    var_x = sum((x - mean_x) ** 2 for x, _ in points)
    if var_x == 0:
        return None
    cov = sum((x - mean_x) * (y - mean_y) for x, y in points)
    return cov / var_x * 3600 / 1024


def main():
    samples, png = sys.argv[1], sys.argv[2]
    warm_up = int(sys.argv[3]) if len(sys.argv) > 3 else 120
    series = defaultdict(lambda: defaultdict(list))
    with open(samples, newline="") as f:
        for row in csv.DictReader(f):
            for measure, _ in MEASURES:
                value = int(row.get(measure) or -1)
                if value >= 0:
                    series[measure][row["process"]].append((int(row["seconds"]), value))
    figure, axes = plt.subplots(len(MEASURES), 1, figsize=(11, 14), sharex=True)
    print("| process | " + " | ".join(f"{label}, MB/h" for _, label in MEASURES) + " |")
    print("| --- |" + " --- |" * len(MEASURES))
    processes = sorted({p for measure in series.values() for p in measure})
    slopes = {p: [] for p in processes}
    for axis, (measure, label) in zip(axes, MEASURES):
        for process in processes:
            points = series[measure].get(process, [])
            if points:
                axis.plot([x / 60 for x, _ in points], [y / 1024 for _, y in points], label=process)
            slope = slope_per_hour([(x, y) for x, y in points if x >= warm_up])
            slopes[process].append("n/a" if slope is None else f"{slope:+.1f}")
        axis.set_ylabel(f"{label}, MB")
        axis.grid(True, alpha=0.3)
    axes[0].legend(fontsize=8, ncol=3)
    axes[-1].set_xlabel("minutes")
    figure.suptitle("Soak: memory of each process")
    figure.tight_layout()
    figure.savefig(png, dpi=90)
    for process in processes:
        print(f"| {process} | " + " | ".join(slopes[process]) + " |")
    print(f"picture: {png}")


if __name__ == "__main__":
    main()
