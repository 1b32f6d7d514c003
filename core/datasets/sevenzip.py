"""A streaming 7z reader on Python's standard library only (lzma, bz2, zlib).

IGN ships every dataset as 7z, often split in volumes (`.7z.001`, `.7z.002`…). QGIS users on Windows and macOS have
no `7z` tool, and py7zr hard-imports compiled extensions a plugin zip cannot ship; the methods IGN's archives use
(LZMA, LZMA2, BCJ, Delta, BZip2, Deflate, Copy) are all in the standard library. Anything else (AES, PPMd, BCJ2…)
is refused by name.

Memory stays flat: packed bytes are read and decoded by chunks, each file's bytes go straight to its writer with
their CRC32 computed on the way; headers are bounded before anything is allocated for them.

    with SevenZip(path) as archive:
        for entry in archive.entries: ...
        archive.extract_folders(open_output)   # open_output(entry) -> writer with write()/close(), or None
"""

import bisect
import bz2
import concurrent.futures
import contextlib
import itertools
import lzma
import os
import queue
import re
import struct
import threading
import zlib

from ..errors import IgnOfflineError
from ..messages import Message
from . import lzma2_split

SIGNATURE = b"7z\xbc\xaf\x27\x1c"
CHUNK = 1 << 20
MAX_HEADER_BYTES = 64 << 20      # a header lists names and sizes: 64 MB is a million files
MAX_ENTRIES = 1_000_000          # IGN's largest archives hold tens of thousands of files
MAX_CODERS = 8                   # 7-Zip writes at most 4 (BCJ2); more is not an archive
MAX_PROPERTIES = 64
THREADS = min(4, os.cpu_count() or 1)   # LZMA2 blocks decoded at once (7-Zip uses the cores it has too)
MIN_PIECE = 8 << 20                     # output of one piece, at least: fewer, larger pieces

# Property ids of the header (7zFormat.txt).
K_END, K_HEADER, K_ARCHIVE_PROPERTIES, K_ADDITIONAL_STREAMS, K_MAIN_STREAMS, K_FILES_INFO = range(6)
K_PACK_INFO, K_UNPACK_INFO, K_SUBSTREAMS_INFO, K_SIZE, K_CRC, K_FOLDER = 6, 7, 8, 9, 10, 11
K_CODERS_UNPACK_SIZE, K_NUM_UNPACK_STREAM, K_EMPTY_STREAM, K_EMPTY_FILE = 12, 13, 14, 15
K_NAME, K_MTIME, K_WIN_ATTRIBUTES, K_ENCODED_HEADER, K_DUMMY = 0x11, 0x14, 0x15, 0x17, 0x19

# Method ids: the ones decoded here, and names for a clear refusal of the others.
COPY, LZMA1, LZMA2, DELTA = b"\x00", b"\x03\x01\x01", b"\x21", b"\x03"
BZIP2, DEFLATE = b"\x04\x02\x02", b"\x04\x01\x08"
BRANCH_FILTERS = {
    b"\x03\x03\x01\x03": lzma.FILTER_X86, b"\x04": lzma.FILTER_X86,
    b"\x03\x03\x02\x05": lzma.FILTER_POWERPC, b"\x05": lzma.FILTER_POWERPC,
    b"\x03\x03\x04\x01": lzma.FILTER_IA64, b"\x06": lzma.FILTER_IA64,
    b"\x03\x03\x05\x01": lzma.FILTER_ARM, b"\x07": lzma.FILTER_ARM,
    b"\x03\x03\x07\x01": lzma.FILTER_ARMTHUMB, b"\x08": lzma.FILTER_ARMTHUMB,
    b"\x03\x03\x08\x05": lzma.FILTER_SPARC, b"\x09": lzma.FILTER_SPARC,
}
METHOD_NAMES = {
    b"\x06\xf1\x07\x01": "AES-256 (a password-protected archive)", b"\x03\x04\x01": "PPMd",
    b"\x03\x03\x01\x1b": "BCJ2", b"\x04\x01\x09": "Deflate64", b"\x0a": "ARM64", b"\x0b": "RISC-V",
    b"\x04\xf7\x11\x01": "Zstandard", b"\x04\xf7\x11\x02": "Brotli", b"\x04\xf7\x11\x04": "LZ4",
    b"\x04\xf7\x11\x05": "LZ5", b"\x04\xf7\x11\x06": "Lizard", b"\x03\x03\x01\x0b": "BCJ2",
}
FILE_ATTRIBUTE_DIRECTORY = 0x10
FILE_ATTRIBUTE_REPARSE_POINT = 0x400     # a Windows link
FILE_ATTRIBUTE_UNIX_EXTENSION = 0x8000   # the high 16 bits hold st_mode


class ArchiveError(IgnOfflineError):
    """A 7z archive cannot be read: damaged, incomplete, or made with a method not supported here."""


class DamagedArchiveError(ArchiveError):
    """The archive's bytes are not what its header says (CRCs, sizes, truncated data)."""


class UnsupportedArchiveError(ArchiveError):
    """The archive uses a compression method or feature this reader does not decode."""


class Corrupt(Exception):
    """Why the archive is damaged (a Message), raised deep inside and said whole by the SevenZip methods."""


class NotDecoded(Exception):
    """What this reader does not decode (a Message), said whole by the SevenZip methods."""


class Cancelled(Exception):
    """Raised inside extraction when the caller's is_cancelled() says so."""


def damaged(name, reason):
    return DamagedArchiveError("{} is damaged: {}. Delete it and download it again.", name, reason)


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


# -- header structures ---------------------------------------------------------------------------------------------

class Coder:
    def __init__(self, method, properties, inputs, outputs):
        self.method, self.properties, self.inputs, self.outputs = method, properties, inputs, outputs


class Folder:
    """A unit of compression: its coders, how they bind, its packed streams and the sizes they unpack to."""

    def __init__(self):
        self.coders, self.bind_pairs, self.packed_streams = [], [], []
        self.unpack_sizes, self.crc = [], None
        self.pack_offset = 0      # archive offset of its first packed stream
        self.pack_sizes = []
        self.streams = 1          # files it holds

    @property
    def unpack_size(self):
        """The size of the folder's final output: the output stream no bind pair consumes."""
        bound = {out for _, out in self.bind_pairs}
        for index, size in enumerate(self.unpack_sizes):
            if index not in bound:
                return size
        raise Corrupt(Message("no unbound output stream"))


class Entry:
    """A file or directory of the archive."""

    __slots__ = ("name", "size", "crc", "has_stream", "is_directory", "attributes", "mtime", "folder")

    def __init__(self, name):
        self.name = name
        self.size = 0
        self.crc = None
        self.has_stream = True
        self.is_directory = False
        self.attributes = None
        self.mtime = None         # seconds since 1970, or None
        self.folder = None        # index of its folder, None for an empty file or directory

    @property
    def is_link(self):
        """A symbolic link (POSIX mode stored by p7zip/7-Zip) or a Windows reparse point."""
        attributes = self.attributes or 0
        if attributes & FILE_ATTRIBUTE_REPARSE_POINT:
            return True
        return bool(attributes & FILE_ATTRIBUTE_UNIX_EXTENSION) and (attributes >> 16) & 0o170000 == 0o120000


class Reader:
    """Reads the header's encoding from bytes; every overrun is a Corrupt header."""

    def __init__(self, data):
        self.data, self.position = data, 0

    def byte(self):
        if self.position >= len(self.data):
            raise Corrupt(Message("its header ends too early"))
        self.position += 1
        return self.data[self.position - 1]

    def bytes(self, count):
        if count < 0 or self.position + count > len(self.data):
            raise Corrupt(Message("its header ends too early"))
        self.position += count
        return self.data[self.position - count:self.position]

    def number(self):
        """7z's variable-length integer: the leading one bits of the first byte count the bytes that follow."""
        first = self.byte()
        mask, extra = 0x80, 0
        while extra < 8 and first & mask:
            extra += 1
            mask >>= 1
        low = int.from_bytes(self.bytes(extra), "little")
        high = (first & (mask - 1)) if extra < 8 else 0
        return low + (high << (8 * extra))

    def count(self, limit=None):
        """A number of items, refused before anything is allocated for them when it cannot be honest: every item
        takes at least a byte of the header, and no archive of IGN's has a million."""
        value = self.number()
        if value > (limit if limit is not None else min(len(self.data), MAX_ENTRIES)):
            raise Corrupt(Message("its header announces {} items", value))
        return value

    def uint32(self):
        return struct.unpack("<I", self.bytes(4))[0]

    def uint64(self):
        return struct.unpack("<Q", self.bytes(8))[0]

    def bits(self, count):
        data = self.bytes((count + 7) // 8)
        return [bool(data[i >> 3] & (0x80 >> (i & 7))) for i in range(count)]

    def defined(self, count):
        """An 'all defined' byte, else a bit vector."""
        return [True] * count if self.byte() else self.bits(count)

    def digests(self, count):
        return [self.uint32() if present else None for present in self.defined(count)]

    def expect(self, wanted):
        found = self.number()
        if found != wanted:
            raise Corrupt(Message("unexpected property {} in its header", found))


class Header:
    """What the header says: folders with their packed streams, and the entries."""

    def __init__(self):
        self.pack_position = 0
        self.pack_sizes, self.folders, self.entries = [], [], []
        self.substream_sizes, self.substream_crcs = [], []


def read_streams_info(reader, header):
    """PackInfo, UnpackInfo and SubStreamsInfo, as far as they are present."""
    kind = reader.number()
    if kind == K_PACK_INFO:
        header.pack_position = reader.number()
        count = reader.count()
        kind = reader.number()
        while kind != K_END:
            if kind == K_SIZE:
                header.pack_sizes = [reader.number() for _ in range(count)]
            elif kind == K_CRC:
                reader.digests(count)  # the folders' CRCs check the same bytes once unpacked
            else:
                raise Corrupt(Message("unexpected property {} in its header", kind))
            kind = reader.number()
        kind = reader.number()
    if kind == K_UNPACK_INFO:
        read_unpack_info(reader, header)
        kind = reader.number()
    for folder in header.folders:
        header.substream_sizes.append([folder.unpack_size])
        header.substream_crcs.append([folder.crc])
    if kind == K_SUBSTREAMS_INFO:
        read_substreams_info(reader, header)
        kind = reader.number()
    if kind != K_END:
        raise Corrupt(Message("unexpected property {} in its header", kind))
    place_packed_streams(header)


def read_unpack_info(reader, header):
    reader.expect(K_FOLDER)
    count = reader.count()
    if reader.byte():
        raise NotDecoded(Message("external folder lists"))
    header.folders = [read_folder(reader) for _ in range(count)]
    reader.expect(K_CODERS_UNPACK_SIZE)
    for folder in header.folders:
        outputs = sum(coder.outputs for coder in folder.coders)
        folder.unpack_sizes = [reader.number() for _ in range(outputs)]
    kind = reader.number()
    if kind == K_CRC:
        for folder, crc in zip(header.folders, reader.digests(count)):
            folder.crc = crc
        kind = reader.number()
    if kind != K_END:
        raise Corrupt(Message("unexpected property {} in its header", kind))


def read_folder(reader):
    folder = Folder()
    for _ in range(reader.count(MAX_CODERS)):
        flags = reader.byte()
        if flags & 0x80:
            raise NotDecoded(Message("alternative coder methods"))
        method = bytes(reader.bytes(flags & 0x0F))
        inputs, outputs = (reader.count(MAX_CODERS), reader.count(MAX_CODERS)) if flags & 0x10 else (1, 1)
        properties = bytes(reader.bytes(reader.count(MAX_PROPERTIES))) if flags & 0x20 else b""
        folder.coders.append(Coder(method, properties, inputs, outputs))
    inputs = sum(coder.inputs for coder in folder.coders)
    outputs = sum(coder.outputs for coder in folder.coders)
    if outputs < 1 or inputs < outputs - 1:
        raise Corrupt(Message("a folder's coders do not bind"))
    folder.bind_pairs = [(reader.number(), reader.number()) for _ in range(outputs - 1)]
    packed = inputs - len(folder.bind_pairs)
    if packed == 1:
        bound = {index for index, _ in folder.bind_pairs}
        folder.packed_streams = [index for index in range(inputs) if index not in bound][:1]
    else:
        folder.packed_streams = [reader.number() for _ in range(packed)]
    return folder


def read_substreams_info(reader, header):
    kind = reader.number()
    counts = [1] * len(header.folders)
    if kind == K_NUM_UNPACK_STREAM:
        counts = [reader.count() for _ in header.folders]
        kind = reader.number()
    sizes = []
    for folder, count in zip(header.folders, counts):
        folder.streams = count
        if count == 0:
            sizes.append([])
            continue
        known = [reader.number() for _ in range(count - 1)] if kind == K_SIZE else []
        last = folder.unpack_size - sum(known)
        if last < 0:
            raise Corrupt(Message("its files are larger than their folder"))
        sizes.append(known + [last])
    if kind == K_SIZE:
        kind = reader.number()
    crcs = [[folder.crc] if count == 1 and folder.crc is not None else [None] * count
            for folder, count in zip(header.folders, counts)]
    while kind != K_END:
        if kind == K_CRC:
            missing = [(f, s) for f, row in enumerate(crcs) for s, crc in enumerate(row) if crc is None]
            for (f, s), crc in zip(missing, reader.digests(len(missing))):
                crcs[f][s] = crc
        else:
            raise Corrupt(Message("unexpected property {} in its header", kind))
        kind = reader.number()
    header.substream_sizes, header.substream_crcs = sizes, crcs


def place_packed_streams(header):
    """Each folder's archive offset and packed sizes, from the packed streams laid end to end."""
    offset, index = 32 + header.pack_position, 0
    for folder in header.folders:
        folder.pack_offset = offset
        folder.pack_sizes = header.pack_sizes[index:index + len(folder.packed_streams)]
        if len(folder.pack_sizes) != len(folder.packed_streams):
            raise Corrupt(Message("its folders have more packed streams than it lists"))
        index += len(folder.packed_streams)
        offset += sum(folder.pack_sizes)


def read_files_info(reader, header):
    count = reader.count()
    entries = [Entry("") for _ in range(count)]
    empty_stream, empty_file = [False] * count, []
    while True:
        kind = reader.number()
        if kind == K_END:
            break
        size = reader.number()
        data = Reader(reader.bytes(size))
        if kind == K_EMPTY_STREAM:
            empty_stream = data.bits(count)
        elif kind == K_EMPTY_FILE:
            empty_file = data.bits(sum(empty_stream))
        elif kind == K_NAME:
            if data.byte():
                raise NotDecoded(Message("external file names"))
            names = bytes(data.bytes(size - 1)).decode("utf-16-le", "replace").split("\0")
            if len(names) < count:
                raise Corrupt(Message("its header lists fewer names than files"))
            for entry, name in zip(entries, names):
                entry.name = name
        elif kind == K_MTIME:
            present = data.defined(count)
            if data.byte():
                raise NotDecoded(Message("external times"))
            for entry, defined in zip(entries, present):
                if defined:  # FILETIME: 100 ns since 1601
                    entry.mtime = data.uint64() / 1e7 - 11644473600
        elif kind == K_WIN_ATTRIBUTES:
            present = data.defined(count)
            if data.byte():
                raise NotDecoded(Message("external attributes"))
            for entry, defined in zip(entries, present):
                if defined:
                    entry.attributes = data.uint32()
        # other properties (other times, anti items, padding) do not change what is extracted
    empty_index = 0
    for entry, empty in zip(entries, empty_stream):
        if empty:
            entry.has_stream = False
            is_file = empty_index < len(empty_file) and empty_file[empty_index]
            entry.is_directory = not is_file
            empty_index += 1
        if entry.attributes is not None and entry.attributes & FILE_ATTRIBUTE_DIRECTORY:
            entry.is_directory = True
    header.entries = entries


def assign_streams(header):
    """Give every entry with data its folder, size and CRC, in order."""
    streams = [(f, size, crc) for f, (sizes, crcs) in enumerate(zip(header.substream_sizes, header.substream_crcs))
               for size, crc in zip(sizes, crcs)]
    with_data = [entry for entry in header.entries if entry.has_stream]
    if len(with_data) != len(streams):
        raise Corrupt(Message("its header lists {} files with data for {} streams", len(with_data), len(streams)))
    for entry, (folder, size, crc) in zip(with_data, streams):
        entry.folder, entry.size, entry.crc = folder, size, crc


# -- decoding ------------------------------------------------------------------------------------------------------

def chain(folder):
    """The indices of the folder's coders from its final output to the one reading the packed stream (each with
    one input and one output: 7-Zip's BCJ2, the only other shape, is refused by name first)."""
    for coder in folder.coders:
        if coder.method not in (COPY, LZMA1, LZMA2, DELTA, BZIP2, DEFLATE) and coder.method not in BRANCH_FILTERS:
            raise NotDecoded(Message("its compression method {}", method_name(coder.method)))
        if coder.inputs != 1 or coder.outputs != 1:
            raise NotDecoded(Message("a coder with {} inputs", coder.inputs))
    if len(folder.packed_streams) != 1:
        raise NotDecoded(Message("a folder with several packed streams"))
    bound = dict(folder.bind_pairs)  # input stream → the output stream feeding it
    outputs = {out for _, out in folder.bind_pairs}
    current = next(i for i in range(len(folder.coders)) if i not in outputs)
    order = []
    while True:
        if current in order or len(order) > len(folder.coders):
            raise Corrupt(Message("its coders loop"))
        order.append(current)
        if current not in bound:
            break
        current = bound[current]
    if len(order) != len(folder.coders) or order[-1] != folder.packed_streams[0]:
        raise Corrupt(Message("its coders do not bind"))
    return order


def method_name(method):
    return METHOD_NAMES.get(method, "0x" + (method.hex() or "00"))


def lzma_filter(coder):
    """The lzma module's filter for a coder, or None for a coder it does not decode."""
    if coder.method in BRANCH_FILTERS:
        return {"id": BRANCH_FILTERS[coder.method]}
    if coder.method == DELTA:
        return {"id": lzma.FILTER_DELTA, "dist": (coder.properties[0] + 1) if coder.properties else 1}
    if coder.method == LZMA2:
        if len(coder.properties) < 1 or coder.properties[0] > 40:
            raise Corrupt(Message("bad LZMA2 properties"))
        bits = coder.properties[0]
        dictionary = 0xFFFFFFFF if bits == 40 else (2 | (bits & 1)) << (bits // 2 + 11)
        return {"id": lzma.FILTER_LZMA2, "dict_size": min(dictionary, 1536 << 20)}
    if coder.method == LZMA1:
        if len(coder.properties) < 5 or coder.properties[0] >= 9 * 5 * 5:
            raise Corrupt(Message("bad LZMA properties"))
        value = coder.properties[0]
        dictionary = struct.unpack("<I", coder.properties[1:5])[0]
        return {"id": lzma.FILTER_LZMA1, "lc": value % 9, "lp": (value // 9) % 5, "pb": value // 45,
                "dict_size": max(4096, min(dictionary, 1536 << 20))}
    return None


def pack_chunks(volumes, offset, size):
    """The packed stream's bytes by chunks; short only if the archive is."""
    volumes.seek(offset)
    left = size
    while left > 0:
        block = volumes.read(min(CHUNK, left))
        if not block:
            raise Corrupt(Message("it ends before its data does (truncated)"))
        left -= len(block)
        yield block


def decode(chunks, decompressor):
    """Output by chunks of at most CHUNK bytes, whatever the ratio."""
    for block in chunks:
        out = decompressor.decompress(block, CHUNK)
        while True:
            if out:
                yield out
            if decompressor.eof or decompressor.needs_input:
                break
            out = decompressor.decompress(b"", CHUNK)
        if decompressor.eof:
            return


def inflate(chunks):
    decompressor = zlib.decompressobj(-15)
    for block in chunks:
        while block:
            out = decompressor.decompress(block, CHUNK)
            if out:
                yield out
            block = decompressor.unconsumed_tail
        if decompressor.eof:
            return
    tail = decompressor.flush()
    if tail:
        yield tail


def as_lzma2_chunks(chunks):
    """Plain bytes as LZMA2 uncompressed chunks, so that liblzma applies the BCJ/Delta filters above a coder it
    does not decode itself (BZip2, Deflate, Copy)."""
    first = True
    for block in chunks:
        for start in range(0, len(block), 1 << 16):
            piece = block[start:start + (1 << 16)]
            yield bytes((1 if first else 2,)) + struct.pack(">H", len(piece) - 1) + piece
            first = False
    yield b"\0"


def folder_output(volumes, folder):
    """The folder's unpacked bytes by chunks, exactly `folder.unpack_size` of them."""
    order = chain(folder)
    coders = [folder.coders[index] for index in order]
    chunks = pack_chunks(volumes, folder.pack_offset, folder.pack_sizes[0])
    filters = [lzma_filter(coder) for coder in coders]
    inner = coders[-1].method
    if inner == LZMA2 or (inner == LZMA1 and len(coders) == 1):
        chunks = decode(chunks, lzma.LZMADecompressor(lzma.FORMAT_RAW, filters=filters))
    else:
        if inner == LZMA1:  # no end marker: alone, cut at its size, so that the filters above see an end
            chunks = decode(chunks, lzma.LZMADecompressor(lzma.FORMAT_RAW, filters=filters[-1:]))
            chunks = exactly(chunks, folder.unpack_sizes[order[-1]])
        elif inner == BZIP2:
            chunks = decode(chunks, bz2.BZ2Decompressor())
        elif inner == DEFLATE:
            chunks = inflate(chunks)
        elif inner != COPY:
            raise NotDecoded(Message("its compression method {} as the last coder", method_name(inner)))
        if len(filters) > 1:
            filters = filters[:-1] + [{"id": lzma.FILTER_LZMA2, "dict_size": 1 << 16}]
            chunks = decode(as_lzma2_chunks(chunks), lzma.LZMADecompressor(lzma.FORMAT_RAW, filters=filters))
    return exactly(chunks, folder.unpack_size)


def exactly(chunks, size):
    """`size` bytes: fewer is a damaged stream; an LZMA1 stream without end marker may yield a few bytes more."""
    left = size
    try:
        for block in chunks:
            if len(block) >= left:
                if left:
                    yield block[:left]
                return
            left -= len(block)
            yield block
    except (lzma.LZMAError, OSError, EOFError, zlib.error, ValueError) as exc:
        raise Corrupt(Message("its compressed data is corrupt ({})", exc)) from exc
    if left:
        raise Corrupt(Message("its compressed data ends early"))


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
        try:
            with self.reasons_said():
                header = self._read_header()
        except BaseException:
            self.volumes.close()
            raise
        self.folders, self.entries = header.folders, header.entries

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
        start = self.volumes.read(32)
        if len(start) < 32 or start[:6] != SIGNATURE:
            raise Corrupt(Message("it is not a 7z archive"))
        if zlib.crc32(start[12:32]) != struct.unpack("<I", start[8:12])[0]:
            raise Corrupt(Message("its start header fails its CRC"))
        offset, size, crc = struct.unpack("<QQI", start[12:32])
        end = 32 + offset + size
        if end > self.volumes.size:
            if len(self.volumes.paths) > 1 or self.path.endswith(".001"):
                raise ArchiveError("{} is incomplete: its volume {} is missing. Download it (all the volumes must "
                                   "be side by side in one folder), then run again.",
                                   self.name, next_volume_name(self.volumes.paths))
            raise Corrupt(Message("it ends before its header (truncated)"))
        if size == 0:
            return Header()
        if size > MAX_HEADER_BYTES:
            raise Corrupt(Message("its header would take {} bytes", size))
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
        return [entry for entry in self.entries if entry.folder == index]

    def extract_folder(self, index, part_path, written=None, is_cancelled=None):
        """Decode folder `index` into the files `part_path(entry)` names for its entries (None: decode that entry
        only to check it). Every entry's CRC32 is checked; a mismatch raises DamagedArchiveError naming the file.
        `written(count)` is told the bytes written, from this thread; Cancelled when `is_cancelled()` says so.
        An LZMA2 folder made in blocks (7-Zip with several threads) is decoded by as many threads."""
        with self.reasons_said():
            folder = self.folders[index]
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
            raise damaged(self.name, exc.args[0]) from exc
        except NotDecoded as exc:
            raise unsupported(self.name, exc.args[0]) from exc

    def _extract_in_order(self, index, part_path, written, is_cancelled):
        with contextlib.closing(read_ahead(folder_output(self.volumes, self.folders[index]))) as folder_chunks:
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


def read_ahead(chunks, depth=4):
    """`chunks`, produced by a thread of their own `depth` chunks ahead: liblzma decodes the next chunk while
    this thread checks and writes the last one (both release the GIL). Closing it stops that thread."""
    ready, stop = queue.Queue(depth), threading.Event()

    def produce():
        try:
            for chunk in chunks:
                while not stop.is_set():
                    try:
                        ready.put((chunk, None), timeout=0.1)
                        break
                    except queue.Full:
                        continue
                if stop.is_set():
                    return
            ready.put((b"", None))
        except BaseException as exc:  # said in the reading thread, where it belongs
            ready.put((None, exc))

    thread = threading.Thread(target=produce, name="7z-decoder", daemon=True)
    thread.start()
    try:
        while True:
            chunk, error = ready.get()
            if error is not None:
                raise error
            if not chunk:
                return
            yield chunk
    finally:
        stop.set()
        while thread.is_alive():  # unblock a producer waiting on a full queue
            try:
                ready.get_nowait()
            except queue.Empty:
                thread.join(0.05)
        chunks.close()


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
