"""Build the directory index from the shipped original: ``python -m zwk_desktop.directory.build``.

Run it after replacing the GV100AD file (and its ``Hinweise.txt``) with a newer Destatis
release; ``--check`` only reports whether the committed index is up to date (exit code 1 if not).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from zwk_desktop.directory import directory_folder
from zwk_desktop.directory.index import INDEX_FILE, index_bytes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m zwk_desktop.directory.build",
        description="Baut den Index des Gemeindeverzeichnisses aus der GV100AD-Originaldatei.",
    )
    parser.add_argument("--ordner", type=Path, default=None, help="Ordner mit GV100AD_*.txt")
    parser.add_argument("--check", action="store_true", help="nur prüfen, ob der Index aktuell ist")
    args = parser.parse_args(argv)
    folder: Path = args.ordner or directory_folder()
    target = folder / INDEX_FILE
    content = index_bytes(folder)
    current = target.read_bytes() if target.exists() else b""
    if args.check:
        if content != current:
            print(f"{target} ist nicht aktuell; bitte neu bauen.", file=sys.stderr)
            return 1
        print(f"{target} ist aktuell.")
        return 0
    if content == current:
        print(f"{target} ist bereits aktuell.")
        return 0
    tmp = target.with_suffix(".tmp")
    tmp.write_bytes(content)
    tmp.replace(target)
    print(f"{target} geschrieben ({len(content):,} Bytes).".replace(",", "."))
    return 0


if __name__ == "__main__":
    sys.exit(main())
