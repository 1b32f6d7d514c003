"""A streaming 7z reader on Python's standard library only (lzma, bz2, zlib).

IGN ships every dataset as 7z, often split in volumes (`.7z.001`, `.7z.002`…). QGIS users on Windows and macOS have
no `7z` tool, and py7zr hard-imports compiled extensions a plugin zip cannot ship; the methods IGN's archives use
(LZMA, LZMA2, BCJ, Delta, BZip2, Deflate, Copy) are all in the standard library. Anything else (AES, PPMd, BCJ2…)
is refused by name.

The header is read by sevenzip_header, folders are decoded by sevenzip_decode; this module opens the archive
(one file or its volumes) and writes its files. Memory stays flat: packed bytes are read and decoded by chunks,
each file's bytes go straight to its part file with their CRC32 computed on the way; headers are bounded before
anything is allocated for them.

    with SevenZip(path) as archive:
        for index, folder in enumerate(archive.folders):
            archive.extract_folder(index, part_path)   # part_path(entry) -> where to write it, or None
"""

import bisect
import concurrent.futures
import contextlib
import itertools
import lzma
import os
import re
import struct
import threading
import zlib

from ..errors import Cancelled, IgnOfflineError
from ..messages import Message, Size, plural
from . import lzma2_split
from .sevenzip_decode import LZMA2, chain, decode, exactly, folder_output, lzma_filter, pack_chunks, read_ahead
from .sevenzip_header import (
    K_ADDITIONAL_STREAMS,
    K_ARCHIVE_PROPERTIES,
    K_ENCODED_HEADER,
    K_END,
    K_FILES_INFO,
    K_HEADER,
    K_MAIN_STREAMS,
    MAX_HEADER_BYTES,
    Corrupt,
    Header,
    NotDecoded,
    Reader,
    assign_streams,
    read_files_info,
    read_streams_info,
)

SIGNATURE = b"7z\xbc\xaf\x27\x1c"
THREADS = min(4, os.cpu_count() or 1)   # LZMA2 blocks decoded at once (7-Zip uses the cores it has too)
READ_AHEAD_FROM = 4 << 20               # folders decoded ahead in a thread of their own, from this size
MIN_PIECE = 8 << 20                     # output of one piece, at least: fewer, larger pieces


class ArchiveError(IgnOfflineError):
    """A 7z archive cannot be read: damaged, incomplete, or made with a method not supported here."""


class MissingVolume(ArchiveError):
    """A multi-part archive ends short: `volume` (a name) is not beside the others."""

    def __init__(self, volume, *args):
        super().__init__(*args)
        self.volume = volume


class DamagedArchiveError(ArchiveError):
    """The archive's bytes are not what its header says (CRCs, sizes, truncated data)."""


class MixedVolumesError(DamagedArchiveError):
    """A multi-part archive's volumes do not make one archive: one is out of place, from another edition, or
    damaged; `volume` names the one found wrong (None: the failing data spans several)."""

    def __init__(self, *args, volume=None):
        super().__init__(*args)
        self.volume = volume


class UnsupportedArchiveError(ArchiveError):
    """The archive uses a compression method or feature this reader does not decode."""


def damaged(name, reason):
    return DamagedArchiveError("{} is damaged: {}. Delete it and download it again.", name, reason)


def mixed_volumes(name, volumes, reason, reading=None):
    """The MixedVolumesError of a multi-part archive that fails with `reason`: the volume found out of place (not
    the one starting the archive, or of another size than the others), else the volumes holding the bytes
    `reading` (start, end) that fail. Whatever the cause, every volume is to be fetched again: which one is right
    cannot be told."""
    names = [os.path.basename(path) for path in volumes.paths]
    wrong, why = _out_of_place(volumes.paths, volumes.sizes)
    if wrong is not None:
        return MixedVolumesError("{} cannot be read: {}. Its volume {} is wrong ({}): the edition is incomplete or "
                                 "its volumes are mixed (from another edition, or in the wrong order). Delete all "
                                 "its volumes ({} to {}) and download them again.",
                                 name, reason, names[wrong], why, names[0], names[-1], volume=names[wrong])
    first, last = _holding(volumes.sizes, reading)
    holding = (names[first] if first == last else Message("{} to {}", names[first], names[last]))
    return MixedVolumesError(plural(
        last - first + 1,
        "{} cannot be read: {}. The failing data lies in its volume {}: the edition is incomplete or its volumes "
        "are mixed (from another edition, or in the wrong order), or that volume is damaged. Delete all its volumes "
        "({} to {}) and download them again.",
        "{} cannot be read: {}. The failing data lies in its volumes {}: the edition is incomplete or its volumes "
        "are mixed (from another edition, or in the wrong order), or one of them is damaged. Delete all its "
        "volumes ({} to {}) and download them again.", name, reason, holding, names[0], names[-1]),
        volume=names[first] if first == last else None)


def _out_of_place(paths, sizes):
    """(index of the volume that cannot be where it is, why: a Message), or (None, None). 7-Zip cuts volumes of
    one size, the last one smaller or equal; only the first starts with the 7z signature."""
    starts = [index for index, path in enumerate(paths) if _starts_an_archive(path)]
    if 0 not in starts:
        if starts:
            return 0, Message("it does not start the archive; {} does", os.path.basename(paths[starts[0]]))
        return 0, Message("it does not start a 7z archive")
    for index in range(1, len(sizes)):
        if index in starts:
            return index, Message("it starts an archive of its own")
        if index < len(sizes) - 1 and sizes[index] != sizes[0]:
            return index, Message("it is {} where the volumes before it are {}: only the last one may be smaller",
                                  Size(sizes[index]), Size(sizes[0]))
        if index == len(sizes) - 1 and sizes[index] > sizes[0]:
            return index, Message("it is {}, larger than the volumes before it ({})",
                                  Size(sizes[index]), Size(sizes[0]))
    return None, None


def _starts_an_archive(path):
    try:
        with open(path, "rb") as stream:
            start = stream.read(32)
    except OSError:
        return False
    return (len(start) == 32 and start[:6] == SIGNATURE
            and zlib.crc32(start[12:32]) == struct.unpack("<I", start[8:12])[0])


def _holding(sizes, reading):
    """(first, last) indexes of the volumes holding the bytes `reading` (start, end); all of them when unknown."""
    if reading is None:
        return 0, len(sizes) - 1
    start, end = reading
    first = last = None
    offset = 0
    for index, size in enumerate(sizes):
        if first is None and start < offset + size:
            first = index
        if end > offset:
            last = index
        offset += size
    first = len(sizes) - 1 if first is None else first
    return first, max(first, last if last is not None else first)


def unsupported(name, reason):
    return UnsupportedArchiveError("{} uses {}, which IGN Offline cannot extract: extract it with 7-Zip "
                                   "(www.7-zip.org) instead.", name, reason)


# -- volumes -------------------------------------------------------------------------------------------------------

def volume_paths(first_volume_path, with_parts=False):
    """The archive's files in order: `x.7z` alone, or `x.7z.001`, `x.7z.002`… as far as they go (and as far as
    their `.part` go too, `with_parts`)."""
    match = re.search(r"\.(\d{3})$", first_volume_path)
    if not match:
        return [first_volume_path] if os.path.isfile(first_volume_path) or with_parts else []
    stem, width = first_volume_path[:match.start()], len(match.group(1))
    paths, number = [], int(match.group(1))
    while True:
        path = "{}.{:0{}d}".format(stem, number, width)
        if not (os.path.isfile(path) or (with_parts and os.path.isfile(path + ".part"))):
            return paths
        paths.append(path)
        number += 1


def next_volume_name(paths):
    """The name of the volume after the last of `paths` (the one missing when the archive ends short)."""
    last = paths[-1]
    match = re.search(r"\.(\d{3})$", last)
    if not match:
        return last
    return "{}.{:03d}".format(os.path.basename(last[:match.start()]), int(match.group(1)) + 1)


class Volumes:
    """The volumes of a multi-part archive read as one seekable file (one volume works too)."""

    def __init__(self, paths):
        self.paths = paths
        self.sizes = [os.path.getsize(p) for p in paths]
        self.size = sum(self.sizes)
        self.position = 0
        self._open = (None, None)  # (index, file)

    def seek(self, position):
        self.position = position

    def read(self, count):
        """Up to `count` bytes from the current position (fewer only at the end of the last volume)."""
        parts = []
        while count > 0 and self.position < self.size:
            index, offset = self._locate(self.position)
            handle = self._file(index)
            handle.seek(offset)
            block = handle.read(min(count, self.sizes[index] - offset))
            if not block:
                break
            parts.append(block)
            self.position += len(block)
            count -= len(block)
        return b"".join(parts)

    def _locate(self, position):
        for index, size in enumerate(self.sizes):
            if position < size:
                return index, position
            position -= size
        return len(self.sizes) - 1, self.sizes[-1]

    def _file(self, index):
        if self._open[0] != index:
            self.close()
            self._open = (index, open(self.paths[index], "rb"))
        return self._open[1]

    def close(self):
        if self._open[1] is not None:
            self._open[1].close()
        self._open = (None, None)


# -- the archive ---------------------------------------------------------------------------------------------------

class SevenZip:
    """An open 7z archive (one file or its volumes): `entries`, `folders`, and extraction by folders."""

    def __init__(self, first_volume_path):
        self.path = first_volume_path
        self.name = os.path.basename(first_volume_path)
        paths = volume_paths(first_volume_path)
        if not paths:
            raise ArchiveError("{} does not exist.", first_volume_path)
        self.volumes = Volumes(paths)
        self._reading = None  # the bytes being read (start, end) when something fails: which volumes hold them
        try:
            with self.reasons_said():
                header = self._read_header()
        except BaseException:
            self.volumes.close()
            raise
        self.folders, self.entries = header.folders, header.entries
        self._by_folder = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def close(self):
        self.volumes.close()

    @property
    def size(self):
        """The archive's bytes, all volumes together."""
        return self.volumes.size

    def _read_header(self):
        self._reading = (0, 32)
        start = self.volumes.read(32)
        if len(start) < 32 or start[:6] != SIGNATURE:
            raise Corrupt(Message("it is not a 7z archive"))
        if zlib.crc32(start[12:32]) != struct.unpack("<I", start[8:12])[0]:
            raise Corrupt(Message("its start header fails its CRC"))
        offset, size, crc = struct.unpack("<QQI", start[12:32])
        end = 32 + offset + size
        if end > self.volumes.size:
            if len(self.volumes.paths) > 1 or self.path.endswith(".001"):
                missing = next_volume_name(self.volumes.paths)
                # The template in a Message: gathered for translation (the class takes the volume first).
                raise MissingVolume(missing, Message(
                    "{} is incomplete: its volume {} is missing. Download it (all the volumes must be side by side "
                    "in one folder), then run again.", self.name, missing))
            raise Corrupt(Message("it ends before its header (truncated)"))
        if size == 0:
            return Header()
        if size > MAX_HEADER_BYTES:
            raise Corrupt(Message("its header would take {} bytes", size))
        self._reading = (32 + offset, end)
        self.volumes.seek(32 + offset)
        data = self.volumes.read(size)
        if zlib.crc32(data) != crc:
            raise Corrupt(Message("its header fails its CRC"))
        for _ in range(4):  # an encoded header decodes to a header, rarely encoded again
            reader = Reader(data)
            kind = reader.number()
            if kind == K_HEADER:
                return self._parse_header(reader)
            if kind != K_ENCODED_HEADER:
                raise Corrupt(Message("unexpected property {} in its header", kind))
            data = self._decode_header(reader)
        raise Corrupt(Message("its header is encoded too many times"))

    def _decode_header(self, reader):
        packed = Header()
        read_streams_info(reader, packed)
        if len(packed.folders) != 1:
            raise Corrupt(Message("its encoded header has no single folder"))
        folder = packed.folders[0]
        if folder.unpack_size > MAX_HEADER_BYTES:
            raise Corrupt(Message("its header would take {} bytes", folder.unpack_size))
        data = b"".join(folder_output(self.volumes, folder))
        if folder.crc is not None and zlib.crc32(data) != folder.crc:
            raise Corrupt(Message("its header fails its CRC"))
        return data

    def _parse_header(self, reader):
        header = Header()
        kind = reader.number()
        if kind == K_ARCHIVE_PROPERTIES:
            while reader.number() != K_END:
                reader.bytes(reader.number())
            kind = reader.number()
        if kind == K_ADDITIONAL_STREAMS:
            read_streams_info(reader, Header())
            kind = reader.number()
        if kind == K_MAIN_STREAMS:
            read_streams_info(reader, header)
            kind = reader.number()
        if kind == K_FILES_INFO:
            read_files_info(reader, header)
            kind = reader.number()
        if kind != K_END:
            raise Corrupt(Message("unexpected property {} in its header", kind))
        assign_streams(header)
        for folder in header.folders:
            chain(folder)  # unsupported methods refused before anything is written
            if folder.pack_offset + sum(folder.pack_sizes) > self.volumes.size:
                raise Corrupt(Message("it ends before its data does (truncated)"))
        return header

    def folder_entries(self, index):
        """The entries whose data folder `index` holds, in order."""
        if self._by_folder is None:  # once: thousands of folders by thousands of entries add up
            self._by_folder = [[] for _ in self.folders]
            for entry in self.entries:
                if entry.folder is not None:
                    self._by_folder[entry.folder].append(entry)
        return self._by_folder[index]

    def extract_folder(self, index, part_path, written=None, is_cancelled=None):
        """Decode folder `index` into the files `part_path(entry)` names for its entries (None: decode that entry
        only to check it). Every entry's CRC32 is checked; a mismatch raises DamagedArchiveError naming the file.
        `written(count)` is told the bytes written, from this thread; Cancelled when `is_cancelled()` says so.
        An LZMA2 folder made in blocks (7-Zip with several threads) is decoded by as many threads."""
        with self.reasons_said():
            folder = self.folders[index]
            self._reading = (folder.pack_offset, folder.pack_offset + sum(folder.pack_sizes))
            pieces = None
            if THREADS > 1 and is_plain_lzma2(folder) and folder.unpack_size >= 2 * MIN_PIECE:
                pieces = lzma2_split.pieces(self._read_at, folder.pack_offset, folder.pack_sizes[0], MIN_PIECE)
            if pieces and len(pieces) > 1 and sum(p[3] for p in pieces) == folder.unpack_size:
                Threaded(self, index, pieces, part_path).run(written, is_cancelled)
            else:
                self._extract_in_order(index, part_path, written, is_cancelled)

    def _read_at(self, position, count):
        self.volumes.seek(position)
        return self.volumes.read(count)

    @contextlib.contextmanager
    def reasons_said(self):
        """Corrupt and NotDecoded reasons raised as one whole sentence naming the archive."""
        try:
            yield
        except Corrupt as exc:
            if len(self.volumes.paths) > 1:  # volumes out of place or mixed look damaged: say which, and why
                raise mixed_volumes(self.name, self.volumes, exc.args[0], self._failing_bytes()) from exc
            raise damaged(self.name, exc.args[0]) from exc
        except NotDecoded as exc:
            raise unsupported(self.name, exc.args[0]) from exc

    def _failing_bytes(self):
        """(start, end) of the bytes read when a read failed: what was being read, up to where this reader got
        (decoding stops soon after the first wrong byte, so the volumes after it are not named)."""
        if self._reading is None:
            return None
        start, end = self._reading
        position = self.volumes.position
        return (start, position) if start < position < end else (start, end)

    def _extract_in_order(self, index, part_path, written, is_cancelled):
        chunks = folder_output(self.volumes, self.folders[index])
        if self.folders[index].unpack_size >= READ_AHEAD_FROM:  # a thread for a small file costs more than it saves
            chunks = read_ahead(chunks)
        with contextlib.closing(chunks) as folder_chunks:
            self._write_in_order(index, folder_chunks, part_path, written, is_cancelled)

    def _write_in_order(self, index, folder_chunks, part_path, written, is_cancelled):
        pending = memoryview(b"")  # slices of a view copy nothing: many small files in one chunk stay cheap
        for entry in self.folder_entries(index):
            path = part_path(entry)
            crc, left = 0, entry.size
            with open(path, "wb") if path is not None else contextlib.nullcontext() as out:
                while left:
                    if not pending:
                        if is_cancelled is not None and is_cancelled():
                            raise Cancelled()
                        pending = memoryview(next(folder_chunks, b""))
                        if not pending:
                            raise Corrupt(Message("its compressed data ends early"))
                    piece, pending = pending[:left], pending[left:]
                    left -= len(piece)
                    crc = zlib.crc32(piece, crc)
                    if out is not None:
                        out.write(piece)
                        if written is not None:
                            written(len(piece))
            check_crc(entry, crc)


def check_crc(entry, crc):
    if entry.crc is not None and crc != entry.crc:
        raise Corrupt(Message("'{}' fails its CRC check", entry.name))


def is_plain_lzma2(folder):
    return len(folder.coders) == 1 and folder.coders[0].method == LZMA2 and len(folder.packed_streams) == 1


class Threaded:
    """One LZMA2 folder decoded by pieces in threads, each writing its output where it lands in the files (own
    handles, own volume reader); the CRC of each file is put together from its pieces' CRCs, in order."""

    def __init__(self, archive, index, pieces, part_path):
        self.archive, self.pieces = archive, pieces
        self.entries = archive.folder_entries(index)
        self.filter = lzma_filter(archive.folders[index].coders[0])
        self.starts, start = [], 0
        for entry in self.entries:
            self.starts.append(start)
            start += entry.size
        self.paths = [part_path(entry) for entry in self.entries]
        self.segments = {}         # (entry index, piece index) → (crc, length)
        self.stop = threading.Event()
        self.done = [0] * len(pieces)

    def run(self, written, is_cancelled):
        for path in self.paths:
            if path is not None:
                open(path, "wb").close()
        reported = 0
        with concurrent.futures.ThreadPoolExecutor(min(THREADS, len(self.pieces))) as pool:
            futures = [pool.submit(self.decode, k) for k in range(len(self.pieces))]
            try:
                running = futures
                while running:
                    if is_cancelled is not None and is_cancelled():
                        raise Cancelled()
                    finished, running = concurrent.futures.wait(futures, 0.2, concurrent.futures.FIRST_EXCEPTION)
                    if written is not None and sum(self.done) > reported:
                        written(sum(self.done) - reported)
                        reported = sum(self.done)
                    for future in finished:
                        future.result()  # a piece's error, raised here
            finally:
                self.stop.set()  # the pool waits for its threads before anything is removed
        for index, entry in enumerate(self.entries):
            crc, length = 0, 0
            for k in range(len(self.pieces)):
                part_crc, part_length = self.segments.get((index, k), (0, 0))
                crc, length = lzma2_split.crc32_combine(crc, part_crc, part_length), length + part_length
            if length != entry.size:
                raise Corrupt(Message("its compressed data ends early"))
            check_crc(entry, crc)

    def decode(self, k):
        offset, size, position, output = self.pieces[k]
        volumes, handles = Volumes(self.archive.volumes.paths), {}
        try:
            chunks = itertools.chain(pack_chunks(volumes, offset, size), [b"\0"])
            decoder = lzma.LZMADecompressor(lzma.FORMAT_RAW, filters=[self.filter])
            for block in exactly(decode(chunks, decoder), output):
                if self.stop.is_set():
                    return
                position = self.place(k, memoryview(block), position, handles)
        finally:
            for handle in handles.values():
                handle.close()
            volumes.close()

    def place(self, k, view, position, handles):
        """Write `view`, the output at `position` of the folder, into the files it belongs to."""
        index = bisect.bisect_right(self.starts, position) - 1
        while len(view):
            entry_end = self.starts[index] + self.entries[index].size
            take = min(len(view), entry_end - position)
            if take > 0:
                crc, length = self.segments.get((index, k), (0, 0))
                self.segments[(index, k)] = (zlib.crc32(view[:take], crc), length + take)
                if self.paths[index] is not None:
                    if index not in handles:
                        handles[index] = open(self.paths[index], "r+b")
                    handles[index].seek(position - self.starts[index])
                    handles[index].write(view[:take])
                    self.done[k] += take
                view, position = view[take:], position + take
            index += 1
        return position
