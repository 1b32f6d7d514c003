"""The 7z header read into folders (coders, bind pairs, packed and unpacked sizes) and entries (names, sizes,
CRCs, directories, times, attributes), every count bounded before anything is allocated for it (7zFormat.txt)."""

import struct

from ..messages import Message

MAX_HEADER_BYTES = 64 << 20      # a header lists names and sizes: 64 MB is a million files
MAX_ENTRIES = 1_000_000          # IGN's largest archives hold tens of thousands of files
MAX_CODERS = 8                   # 7-Zip writes at most 4 (BCJ2); more is not an archive
MAX_PROPERTIES = 64

# Property ids of the header (7zFormat.txt).
K_END, K_HEADER, K_ARCHIVE_PROPERTIES, K_ADDITIONAL_STREAMS, K_MAIN_STREAMS, K_FILES_INFO = range(6)
K_PACK_INFO, K_UNPACK_INFO, K_SUBSTREAMS_INFO, K_SIZE, K_CRC, K_FOLDER = 6, 7, 8, 9, 10, 11
K_CODERS_UNPACK_SIZE, K_NUM_UNPACK_STREAM, K_EMPTY_STREAM, K_EMPTY_FILE = 12, 13, 14, 15
K_NAME, K_MTIME, K_WIN_ATTRIBUTES, K_ENCODED_HEADER, K_DUMMY = 0x11, 0x14, 0x15, 0x17, 0x19

FILE_ATTRIBUTE_DIRECTORY = 0x10
FILE_ATTRIBUTE_REPARSE_POINT = 0x400     # a Windows link
FILE_ATTRIBUTE_UNIX_EXTENSION = 0x8000   # the high 16 bits hold st_mode


class Corrupt(Exception):
    """Why the archive is damaged (a Message), raised deep inside and said whole by the SevenZip methods."""


class NotDecoded(Exception):
    """What this reader does not decode (a Message), said whole by the SevenZip methods."""


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
