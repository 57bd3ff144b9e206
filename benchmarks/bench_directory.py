"""The municipality directory: loading the index and searching it (issue 6).

Baselines measured in the same run: a bare ``json.loads`` of the same index file, and a plain
scan of every name with ``in`` for the same query.
"""

from __future__ import annotations

import json
import statistics

from benchmarks import Result, benchmark, median_seconds
from zwk_desktop.directory import Directory, directory_folder
from zwk_desktop.directory.index import INDEX_FILE

QUERIES = (
    "München", "Muenchen", "münch", "09162", "Hamburg", "Ahorn", "Ahorn Coburg",
    "Landkreis Coburg", "Neustadt", "neustadt coburg", "Vorpommern-Greifswald", "a", "b",
    "Bad", "09", "Lindenhagen am See",
)  # fmt: skip


@benchmark
def directory_load() -> list[Result]:
    path = directory_folder() / INDEX_FILE
    ours = median_seconds(lambda: Directory.load(path), repeat=40, warmup=3)
    bare = median_seconds(lambda: json.loads(path.read_bytes()), repeat=40, warmup=3)
    size = len(Directory.load(path))
    return [
        Result(
            f"Gemeindeverzeichnis laden ({size:,} Einträge)".replace(",", "."),
            ours,
            bare,
            "s",
            "≤ 50 ms Median",
            ours <= 0.050,
        )
    ]


@benchmark
def directory_search() -> list[Result]:
    directory = Directory.load(directory_folder() / INDEX_FILE)
    names = [e.casefold() for e in json.loads((directory_folder() / INDEX_FILE).read_bytes())[
        "eintraege"]["name"]]  # fmt: skip
    ours = {q: median_seconds(lambda q=q: directory.search(q), repeat=60) for q in QUERIES}
    bare = {
        q: median_seconds(lambda q=q: [n for n in names if q.casefold() in n], repeat=60)
        for q in QUERIES
    }
    worst = max(ours, key=lambda q: ours[q])
    return [
        Result(
            f"Suche (Median über {len(QUERIES)} Anfragen)",
            statistics.median(ours.values()),
            statistics.median(bare.values()),
            "s",
            "≤ 10 ms",
            statistics.median(ours.values()) <= 0.010,
        ),
        Result(
            f"Suche, langsamste Anfrage („{worst}“)",
            ours[worst],
            bare[worst],
            "s",
            "≤ 10 ms",
            ours[worst] <= 0.010,
        ),
    ]
