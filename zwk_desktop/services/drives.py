"""Where a folder lives: a local disk, a network share, or a folder that OneDrive or SharePoint
synchronise.

SQLite's WAL mode needs shared memory between the processes that open the database; on a network
share (UNC path, mapped drive, NFS/SMB mount) that does not work reliably, and a synchronising
client that uploads ``-wal`` and ``-shm`` files separately can tear the database apart. There the
draft store uses a rollback journal with exclusive locking instead (`database.connect`).
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path, PurePath, PureWindowsPath
from urllib.parse import quote

LOCAL, NETWORK, SYNCED = "lokal", "Netzlaufwerk", "synchronisiert"
NETWORK_FILESYSTEMS = {
    "nfs", "nfs4", "cifs", "smb3", "smbfs", "fuse.sshfs", "9p", "afs", "ceph", "glusterfs",
    "fuse.rclone", "davfs", "fuse.davfs2",
}  # fmt: skip
_SYNC_VARIABLES = ("OneDrive", "OneDriveCommercial", "OneDriveConsumer")
DRIVE_REMOTE = 4  # GetDriveTypeW


@dataclass(frozen=True)
class FolderKind:
    kind: str
    """`LOCAL`, `NETWORK` or `SYNCED`."""
    detail: str
    """German: why (e.g. "Netzwerkfreigabe \\\\server\\daten"); empty for a local folder."""

    @property
    def local(self) -> bool:
        return self.kind == LOCAL


def classify(
    folder: PurePath,
    *,
    platform: str = sys.platform,
    env: Mapping[str, str] | None = None,
    drive_type: Callable[[str], int] | None = None,
    sync_roots: Iterable[str] | None = None,
    mounts: str | None = None,
) -> FolderKind:
    """What kind of folder `folder` is. The keyword arguments stand in for the system (tests)."""
    env = os.environ if env is None else env
    if platform == "win32":
        return _classify_windows(PureWindowsPath(folder), env, drive_type, sync_roots)
    if platform.startswith("linux"):
        return _classify_linux(str(folder), mounts)
    return FolderKind(LOCAL, "")


def _classify_windows(
    folder: PureWindowsPath,
    env: Mapping[str, str],
    drive_type: Callable[[str], int] | None,
    sync_roots: Iterable[str] | None,
) -> FolderKind:
    text = str(folder)
    if text.upper().startswith("\\\\?\\UNC\\") or (
        text.startswith("\\\\") and not text.startswith(("\\\\?\\", "\\\\.\\"))
    ):
        return FolderKind(NETWORK, f"Netzwerkfreigabe {folder.anchor}")
    drive = folder.drive
    if drive and (drive_type or _drive_type)(drive + "\\") == DRIVE_REMOTE:
        return FolderKind(NETWORK, f"Netzlaufwerk {drive}")
    roots = [*(env.get(v, "") for v in _SYNC_VARIABLES)]
    roots += list(sync_roots) if sync_roots is not None else _onedrive_mount_points()
    lowered = text.lower().rstrip("\\") + "\\"
    for root in roots:
        if root and lowered.startswith(root.lower().rstrip("\\") + "\\"):
            return FolderKind(SYNCED, f"von OneDrive/SharePoint synchronisierter Ordner {root}")
    if any(part.lower().startswith("onedrive") for part in folder.parts[1:]):
        return FolderKind(SYNCED, "von OneDrive synchronisierter Ordner")
    return FolderKind(LOCAL, "")


def _drive_type(root: str) -> int:
    if sys.platform != "win32":
        return 0
    import ctypes

    return int(ctypes.windll.kernel32.GetDriveTypeW(root))


def _onedrive_mount_points() -> list[str]:
    """Folders the OneDrive client synchronises (also SharePoint libraries), from the registry."""
    if sys.platform != "win32":
        return []
    import winreg

    found: list[str] = []
    try:
        accounts = winreg.OpenKey(winreg.HKEY_CURRENT_USER, r"Software\Microsoft\OneDrive\Accounts")
    except OSError:
        return found
    with accounts:
        for index in range(64):
            try:
                name = winreg.EnumKey(accounts, index)
            except OSError:
                break
            for sub, value in (("", "UserFolder"), ("ScopeIdToMountPointPathCache", None)):
                try:
                    key = winreg.OpenKey(accounts, f"{name}\\{sub}" if sub else name)
                except OSError:
                    continue
                with key:
                    if value:
                        with contextlib.suppress(OSError):
                            found.append(str(winreg.QueryValueEx(key, value)[0]))
                        continue
                    for n in range(256):
                        try:
                            found.append(str(winreg.EnumValue(key, n)[1]))
                        except OSError:
                            break
    return found


def _classify_linux(folder: str, mounts: str | None) -> FolderKind:
    if mounts is None:
        try:
            mounts = Path("/proc/self/mounts").read_text(encoding="utf-8", errors="replace")
        except OSError:
            return FolderKind(LOCAL, "")
    best, best_type = "", ""
    for line in mounts.splitlines():
        fields = line.split()
        if len(fields) < 3:
            continue
        point = fields[1].replace("\\040", " ")
        inside = folder == point or folder.startswith(point.rstrip("/") + "/")
        if inside and len(point) >= len(best):
            best, best_type = point, fields[2]
    if best_type in NETWORK_FILESYSTEMS:
        return FolderKind(NETWORK, f"Netzwerk-Dateisystem {best_type} unter {best}")
    return FolderKind(LOCAL, "")


def sqlite_uri(path: PurePath, mode: str = "ro") -> str:
    """A ``file:`` URI SQLite accepts for `path`, also a UNC path: ``\\\\server\\share\\x`` is
    ``file:////server/share/x`` (``Path.as_uri`` gives ``file://server/…``, which SQLite rejects:
    "invalid uri authority")."""
    text = str(path)
    if isinstance(path, PureWindowsPath) or (sys.platform == "win32" and "\\" in text):
        text = text.replace("\\", "/")
        if not text.startswith("/"):
            text = "/" + text  # C:/x → /C:/x
    return f"file://{quote(text, safe='/:')}?mode={mode}"
