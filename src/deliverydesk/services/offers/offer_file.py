"""Sharing an offer: export its design to a JSON file, import one a peer sent.

The file is written atomically (a temporary file beside it, then a rename), so a crash
leaves the old file or the new one. An import that cannot be used is refused with the
reason and changes nothing.
"""

from __future__ import annotations

from pathlib import Path

from deliverydesk import atomic_file
from deliverydesk.atomic_file import FolderRefused
from deliverydesk.services.changes import Result
from deliverydesk.services.context import Context
from deliverydesk.services.errors import InvalidInput
from deliverydesk.services.offers import offer_format
from deliverydesk.services.offers.offer_design import add_offer
from deliverydesk.services.offers.offers import load_offer, spec_of
from deliverydesk.services.validation import refuse_database_file
from deliverydesk.store.disk_space import is_full
from deliverydesk.wording import RefusalCode

SUFFIX = ".json"


def export_offer(ctx: Context, offer_id: int, path: Path) -> Path:
    """Write the offer's current design to `path`; returns the path written."""
    with ctx.db.sessions() as session:
        spec = spec_of(load_offer(session, offer_id))
    write_atomically(path, offer_format.dumps(spec))
    return path


def import_offer(ctx: Context, path: Path) -> Result[int]:
    """A new offer from an offer file, named "Name (imported)" when the name is taken;
    undo with services.offer_design.delete_offer."""
    spec = offer_format.loads(read_limited(path))
    return add_offer(ctx, spec.without_ids(), "imported")


def read_limited(path: Path) -> bytes:
    """The file's bytes, refusing early anything too big to be an offer file."""
    refuse_database_file(path)
    limit = offer_format.MAX_FILE_BYTES
    try:
        with path.open("rb") as handle:
            raw = handle.read(limit + 1)
    except FileNotFoundError:
        raise InvalidInput(RefusalCode.NO_FILE_AT, path=path) from None
    except IsADirectoryError:
        raise InvalidInput(RefusalCode.PATH_IS_FOLDER_NOT_OFFER_FILE, path=path) from None
    except OSError as error:
        raise InvalidInput(
            RefusalCode.CANNOT_READ_FILE, path=path, reason=error.strerror or error
        ) from None
    if len(raw) > limit:
        raise InvalidInput(RefusalCode.OFFER_FILE_TOO_LARGE, limit_mb=limit // 1_048_576)
    return raw


def write_atomically(path: Path, data: bytes, *, tag: str = "") -> None:
    """Write `data` to `path` whole or not at all (atomic_file.write_atomically), saying in
    plain words why it could not be written; `tag` lets a batch name its temporaries."""
    refuse_database_file(path)
    folder = path.parent
    try:
        atomic_file.write_atomically(path, data, tag=tag)
    except FolderRefused as refused:
        if isinstance(refused.__cause__, FileNotFoundError):
            raise InvalidInput(RefusalCode.NO_FOLDER_FOR_FILE, folder=folder) from None
        raise InvalidInput(
            RefusalCode.CANNOT_WRITE_IN_FOLDER, folder=folder, reason=refused.strerror or refused
        ) from None
    except OSError as error:
        if is_full(error):
            raise InvalidInput(RefusalCode.DISK_FULL_SAVING_FILE, path=path) from None
        raise InvalidInput(
            RefusalCode.CANNOT_SAVE_FILE, path=path, reason=error.strerror or error
        ) from None
