"""What a run changed in one MBTiles file: tiles new, changed, gone and unchanged, the bytes of the new and changed
ones, and the addresses of those that differ — as the engine knows them (a 304 or the same body again: unchanged; a
tile the server now says is empty, 204/404: gone).

The addresses are bounded (MAX_LISTED per file and run, packed in one int each: about 4 MB at most): past it only
the counts go on and `complete` says the list is cut. A patch compares the files themselves; the list says where.
"""

from dataclasses import dataclass, field

NEW, CHANGED, GONE = "new", "changed", "gone"
KINDS = (NEW, CHANGED, GONE)
MAX_LISTED = 100_000
_BITS = 24  # x and y of zoom ≤ 24 fit in 24 bits each


def pack(zoom, x, y):
    return (zoom << 2 * _BITS) | (x << _BITS) | y


def unpack(key):
    mask = (1 << _BITS) - 1
    return key >> 2 * _BITS, (key >> _BITS) & mask, key & mask


@dataclass
class TileChanges:
    new: int = 0
    changed: int = 0
    gone: int = 0
    unchanged: int = 0
    bytes: int = 0                 # bodies of the new and changed tiles
    complete: bool = True          # False: more differ than MAX_LISTED, the list holds the first ones
    listed: dict = field(default_factory=lambda: {kind: [] for kind in KINDS})   # kind -> [packed address]

    def add(self, kind, zoom, x, y, size=0):
        """One tile of `kind` (NEW, CHANGED, GONE), with the size of its new body."""
        setattr(self, kind, getattr(self, kind) + 1)
        self.bytes += size
        if sum(len(keys) for keys in self.listed.values()) < MAX_LISTED:
            self.listed[kind].append(pack(zoom, x, y))
        else:
            self.complete = False

    @property
    def differ(self):
        return self.new + self.changed + self.gone

    def addresses(self, kind):
        """The (zoom, x, y) of `kind` listed, in z, x, y order."""
        return [unpack(key) for key in sorted(self.listed[kind])]
