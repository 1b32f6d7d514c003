"""What the library holds of one product in one zone: `<library>/datasets/<PRODUCT>/<Dxxx>/state.json`.

    {"product": "RGEALTI", "zone": "D031", "variant": "5M",
     "edition": "RGEALTI_2-0_5M_ASC_LAMB93-IGN69_D031_2020-10-14", "date": "2020-10-14",
     "files": {"RGEALTI_…_2020-10-14.7z": {"md5": "…", "size": 123}},
     "extracted": {"RGEALTI_…_2020-10-14": ["data/RGEALTI_…/…/x.asc", …]},
     "checked": "2026-11-26T09:00:00Z",
     "outputs": {"toulouse": {"hillshade": "../toulouse/hillshade.tif"}},
     "bbox": [0.44, 42.69, 2.05, 43.92]}

Paths are relative to the zone's folder, with '/', so a library moved or copied to another machine (or system)
still reads. `checked` is the last time the service was asked successfully (said to the user; the next run lists
the zone's editions whole, whatever this date). The file is written whole or not at all
(core.storage.write_atomically), and read defensively: a damaged one is treated as absent (everything is fetched
again), with a note saying so; so is one naming a path out of its zone's folder (it would make a sync remove or
trust files elsewhere).

Beside it, `md5_failures.json` ({file name: {"md5": the listed MD5, "failures": n}}) counts the runs on which a
file arrived with another MD5 than the one listed: at two, the file is no longer fetched (core.datasets.sync).
"""

import json
import os
import re
import time
from dataclasses import asdict, dataclass, field

from .. import names, storage
from ..errors import IgnOfflineError
from ..messages import Message
from .zones import is_zone_code

DATASETS_FOLDER = "datasets"
ARCHIVES_FOLDER = "archives"
DATA_FOLDER = "data"
STATE_FILE = "state.json"
FAILURES_FILE = "md5_failures.json"
MAX_STATE_BYTES = 64 * 2**20  # 7,401 ASC tiles of RGE ALTI 1 m make about 1 MB: anything far larger is not ours
# An ISO 8601 UTC instant.
CHECK_FORMAT = "%Y-%m-%dT%H:%M:%SZ"
_PRODUCT = re.compile(r"\A[A-Z0-9][A-Z0-9-]*\Z")


def product_folder(library, product):
    """`<library>/datasets/<PRODUCT>`; a product id that is not one (letters, digits, '-') is refused."""
    if not isinstance(product, str) or not _PRODUCT.match(product):
        raise IgnOfflineError("'{}' is not a product of the download service (BDTOPO, RGEALTI…): no folder is made "
                              "for it.", product)
    return os.path.join(library, DATASETS_FOLDER, product)


def zone_folder(library, product, zone):
    """`<library>/datasets/<PRODUCT>/<Dxxx>`: one zone's archives, data and state. A zone that is not one of the
    service's codes is refused (core.datasets.service refuses its listing first: this is the last guard before
    the disk)."""
    if not is_zone_code(zone):
        raise IgnOfflineError("'{}' is not a zone code of the download service (D031, D02A, R76, FRA…): no folder "
                              "is made for it.", zone)
    return os.path.join(product_folder(library, product), zone)


def is_plain_name(name):
    """True for a name that is one file's name on every system (core.names: no separator, drive, control
    character, Windows device name, trailing dot or space; not '.', '..' or empty)."""
    return names.is_plain_name(name)


def is_inside(path):
    """True for a relative path ('/'-separated, as state.json keeps them) that stays in its folder."""
    parts = path.split("/") if isinstance(path, str) else [""]
    return all(is_plain_name(part) for part in parts)


def archives_folder(folder):
    return os.path.join(folder, ARCHIVES_FOLDER)


def data_folder(folder):
    return os.path.join(folder, DATA_FOLDER)


def check_time(now=None):
    """`now` (seconds since the epoch; default: the clock) as an ISO 8601 UTC instant (CHECK_FORMAT)."""
    return time.strftime(CHECK_FORMAT, time.gmtime(time.time() if now is None else now))


@dataclass
class ZoneState:
    product: str
    zone: str
    variant: str = None
    edition: str = None
    date: str = None
    files: dict = field(default_factory=dict)      # name -> {"md5": hex, "size": bytes}
    extracted: dict = field(default_factory=dict)  # archive (first volume's stem) -> [relative paths]
    checked: str = None                            # CHECK_FORMAT, UTC
    outputs: dict = field(default_factory=dict)    # area slug -> {kind: relative path or [paths]}
    bbox: list = None                              # the edition's lon/lat box, as the service gave it

    def md5s(self):
        """The MD5s of the files this zone's data came from."""
        return {info.get("md5") for info in self.files.values() if info.get("md5")}

    def extracted_paths(self, folder):
        """Every extracted file, as an absolute path under the zone's `folder`."""
        return [absolute(folder, path) for paths in self.extracted.values() for path in paths]

    def is_complete(self, folder):
        """True when every file extracted last time is still there: the data can be used without a download."""
        paths = self.extracted_paths(folder)
        return bool(paths) and all(os.path.exists(path) for path in paths)


def relative(folder, path):
    """`path` relative to `folder`, with '/' whatever the system."""
    return os.path.relpath(os.path.abspath(path), os.path.abspath(folder)).replace(os.sep, "/")


def absolute(folder, path):
    return os.path.normpath(os.path.join(folder, *path.split("/")))


def read_state(folder, log=None):
    """The ZoneState in `folder`, or None when there is none; a damaged one is None too, said in `log`."""
    path = os.path.join(folder, STATE_FILE)
    if not os.path.exists(path):
        return None
    try:
        with open(path, encoding="utf-8") as stream:
            document = json.loads(stream.read(MAX_STATE_BYTES + 1))
        state = _from_document(document)
    except (OSError, UnicodeDecodeError, ValueError, TypeError, AttributeError):
        if log:
            log(Message("'{}' is damaged: its zone is downloaded again.", path))
        return None
    return state


class _Damaged(ValueError):
    """A state.json that is JSON but not a state (its field named)."""


def _from_document(document):
    if not isinstance(document, dict):
        raise _Damaged("not an object")
    known = {name: document.get(name) for name in ZoneState.__dataclass_fields__ if name in document}
    state = ZoneState(**known)
    if not (isinstance(state.product, str) and isinstance(state.zone, str)):
        raise _Damaged("product, zone")
    if state.bbox is not None and not (isinstance(state.bbox, list) and len(state.bbox) == 4):
        raise _Damaged("bbox")
    for name in ("files", "extracted", "outputs"):
        value = getattr(state, name)
        if value is None:
            setattr(state, name, {})
        elif not isinstance(value, dict):
            raise _Damaged(name)
    if not all(isinstance(info, dict) for info in state.files.values()):
        raise _Damaged("files")
    if not all(isinstance(paths, list) and all(isinstance(p, str) for p in paths)
               for paths in state.extracted.values()):
        raise _Damaged("extracted")
    # Its names and paths are joined to the zone's folder, to read, reuse and remove files: none may lead out.
    if not all(is_plain_name(name) for name in list(state.files) + list(state.extracted)):
        raise _Damaged("files")
    if not all(is_inside(path) for paths in state.extracted.values() for path in paths):
        raise _Damaged("extracted")
    return state


def write_state(folder, state):
    """`state` into `<folder>/state.json`, atomically (a reader sees the old state or the new one)."""
    os.makedirs(folder, exist_ok=True)
    text = json.dumps(asdict(state), indent=1, sort_keys=True, ensure_ascii=False) + "\n"
    storage.write_atomically(os.path.join(folder, STATE_FILE), text)


def read_failures(folder):
    """{file name: {"md5": listed MD5, "failures": runs}} of `folder`'s md5_failures.json ({} if none or damaged:
    at worst a file is tried once more)."""
    try:
        with open(os.path.join(folder, FAILURES_FILE), encoding="utf-8") as stream:
            document = json.loads(stream.read(MAX_STATE_BYTES + 1))
    except (OSError, UnicodeDecodeError, ValueError):
        return {}
    if not isinstance(document, dict):
        return {}
    return {name: info for name, info in document.items()
            if isinstance(info, dict) and isinstance(info.get("md5"), str) and isinstance(info.get("failures"), int)}


def write_failures(folder, failures):
    """`failures` into `<folder>/md5_failures.json` atomically; the file removed when there is none."""
    path = os.path.join(folder, FAILURES_FILE)
    if not failures:
        try:
            os.remove(path)
        except FileNotFoundError:
            pass
        return
    os.makedirs(folder, exist_ok=True)
    storage.write_atomically(path, json.dumps(failures, indent=1, sort_keys=True) + "\n")
