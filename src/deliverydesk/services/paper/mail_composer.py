"""Opening the system's mail composer with a file attached, through the programs already
on the computer (no network, no account of ours):

- Linux and the BSDs: `xdg-email --attach FILE --subject S --body B ADDRESS`, which
  Thunderbird, Evolution, KMail and others honour.
- Windows: Simple MAPI's MAPISendMailW (mapi32.dll, through ctypes), which Outlook and
  Thunderbird implement; the composer opens without blocking (MAPI_DIALOG_MODELESS).
- macOS: Mail through AppleScript (`osascript`), the values passed as the script's
  arguments so that no quote in a name or message can break the script.

Each platform's arguments are built by a pure function, tested on any system; only
`compose` starts anything. Where no composer takes the file, `compose` says so (False) and
the caller shows the file and copies the message instead.
"""

from __future__ import annotations

import ctypes
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

XDG_EMAIL = "xdg-email"
# xdg-email hands the message over and returns; a mail program it had to start stays in
# the foreground (Thunderbird does, until it is closed), so after this long it counts as
# opened: a program that cannot start fails well before.
LAUNCH_WAIT_S = 5.0

# Simple MAPI (MAPI.h)
MAPI_TO = 1
MAPI_LOGON_UI = 0x00000001
MAPI_DIALOG = 0x00000008
MAPI_DIALOG_MODELESS = 0x00000004 | MAPI_DIALOG
SUCCESS_SUCCESS = 0
MAPI_USER_ABORT = 1  # the person closed the composer: it did open


@dataclass(frozen=True, slots=True)
class MailDraft:
    """One message to open in the composer."""

    to: str  # an address, or "" for the person to fill in
    subject: str
    body: str
    attachment: Path


def xdg_email_args(draft: MailDraft, program: str = XDG_EMAIL) -> list[str]:
    """The command line for xdg-email; each value one argument (no shell)."""
    args = [program, "--utf8", "--attach", str(draft.attachment)]
    args += ["--subject", draft.subject, "--body", draft.body]
    if draft.to.strip():
        args.append(draft.to.strip())
    return args


# AppleScript run with the draft's values as its arguments: `item n of argv`, never text
# pasted into the script.
_MAIL_SCRIPT = (
    "on run argv",
    'tell application "Mail"',
    "set m to make new outgoing message with properties "
    "{subject:item 1 of argv, content:item 2 of argv, visible:true}",
    "tell m",
    'if item 3 of argv is not "" then make new to recipient at end of to recipients '
    "with properties {address:item 3 of argv}",
    "make new attachment with properties {file name:(POSIX file (item 4 of argv))} "
    "at after the last paragraph",
    "end tell",
    "activate",
    "end tell",
    "end run",
)


def mac_mail_args(draft: MailDraft) -> list[str]:
    """The command line for macOS Mail: osascript, its script lines, then the values."""
    args = ["osascript"]
    for line in _MAIL_SCRIPT:
        args += ["-e", line]
    return [*args, draft.subject, draft.body, draft.to.strip(), str(draft.attachment)]


# -- Simple MAPI's structures (ULONG is 32 bits on Windows, whatever the platform here) --
class MapiRecipDescW(ctypes.Structure):
    _fields_ = (
        ("ulReserved", ctypes.c_uint32),
        ("ulRecipClass", ctypes.c_uint32),
        ("lpszName", ctypes.c_wchar_p),
        ("lpszAddress", ctypes.c_wchar_p),
        ("ulEIDSize", ctypes.c_uint32),
        ("lpEntryID", ctypes.c_void_p),
    )


class MapiFileDescW(ctypes.Structure):
    _fields_ = (
        ("ulReserved", ctypes.c_uint32),
        ("flFlags", ctypes.c_uint32),
        ("nPosition", ctypes.c_uint32),
        ("lpszPathName", ctypes.c_wchar_p),
        ("lpszFileName", ctypes.c_wchar_p),
        ("lpFileType", ctypes.c_void_p),
    )


class MapiMessageW(ctypes.Structure):
    _fields_ = (
        ("ulReserved", ctypes.c_uint32),
        ("lpszSubject", ctypes.c_wchar_p),
        ("lpszNoteText", ctypes.c_wchar_p),
        ("lpszMessageType", ctypes.c_wchar_p),
        ("lpszDateReceived", ctypes.c_wchar_p),
        ("lpszConversationID", ctypes.c_wchar_p),
        ("flFlags", ctypes.c_uint32),
        ("lpOriginator", ctypes.POINTER(MapiRecipDescW)),
        ("nRecipCount", ctypes.c_uint32),
        ("lpRecips", ctypes.POINTER(MapiRecipDescW)),
        ("nFileCount", ctypes.c_uint32),
        ("lpFiles", ctypes.POINTER(MapiFileDescW)),
    )


@dataclass(frozen=True)
class MapiCall:
    """MAPISendMailW's arguments; it holds the arrays the message points into alive."""

    message: MapiMessageW
    recipients: ctypes.Array[MapiRecipDescW]
    files: ctypes.Array[MapiFileDescW]
    flags: int


def mapi_call(draft: MailDraft) -> MapiCall:
    """The message, recipients and attachment for MAPISendMailW, built without calling it."""
    to = draft.to.strip()
    recipients = (MapiRecipDescW * 1)()
    if to:
        recipients[0] = MapiRecipDescW(0, MAPI_TO, to, f"SMTP:{to}", 0, None)
    files = (MapiFileDescW * 1)()
    # nPosition 0xFFFFFFFF: the composer places the attachment itself.
    files[0] = MapiFileDescW(0, 0, 0xFFFFFFFF, str(draft.attachment), draft.attachment.name, None)
    message = MapiMessageW()
    message.lpszSubject = draft.subject
    message.lpszNoteText = draft.body
    message.nRecipCount = 1 if to else 0
    message.lpRecips = ctypes.cast(recipients, ctypes.POINTER(MapiRecipDescW)) if to else None
    message.nFileCount = 1
    message.lpFiles = ctypes.cast(files, ctypes.POINTER(MapiFileDescW))
    return MapiCall(message, recipients, files, MAPI_LOGON_UI | MAPI_DIALOG_MODELESS)


def _mapi_send(call: MapiCall) -> bool:  # pragma: no cover - Windows only
    try:
        mapi = ctypes.WinDLL("mapi32.dll")  # type: ignore[attr-defined,unused-ignore]
        send = mapi.MAPISendMailW
    except (OSError, AttributeError):  # no mail program registered for Simple MAPI
        return False
    send.restype = ctypes.c_uint32
    result = send(0, 0, ctypes.byref(call.message), call.flags, 0)
    return int(result) in (SUCCESS_SUCCESS, MAPI_USER_ABORT)


def _run(args: list[str]) -> bool:
    """Start a composer's command; True unless it is missing or says it failed."""
    try:
        process = subprocess.Popen(
            args,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,  # the mail program outlives a closed window
        )
    except OSError:
        return False
    try:
        return process.wait(timeout=LAUNCH_WAIT_S) == 0
    except subprocess.TimeoutExpired:  # the mail program itself, still open: it took it
        return True


def compose(draft: MailDraft, platform: str | None = None) -> bool:
    """Open the system's composer with the draft; False when none could take it (no
    xdg-email, no Simple MAPI mail program, or the program said it failed)."""
    platform = platform or sys.platform
    if platform == "win32":  # pragma: no cover - Windows only
        return _mapi_send(mapi_call(draft))
    if platform == "darwin":  # pragma: no cover - macOS only
        return _run(mac_mail_args(draft))
    program = shutil.which(XDG_EMAIL)
    if program is None:
        return False
    return _run(xdg_email_args(draft, program))
