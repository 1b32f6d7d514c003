"""A 7z folder's packed bytes decoded by chunks: LZMA and LZMA2 with their BCJ and Delta filters by liblzma (the
lzma module), BZip2 and Deflate by bz2 and zlib, and filters above those by liblzma too, fed stored LZMA2 chunks."""

import bz2
import lzma
import queue
import struct
import threading
import zlib

from ..messages import Message
from .sevenzip_header import Corrupt, NotDecoded

CHUNK = 1 << 20

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
    b"\x06\xf1\x07\x01": Message("AES-256 (a password-protected archive)"), b"\x03\x04\x01": "PPMd",
    b"\x03\x03\x01\x1b": "BCJ2", b"\x04\x01\x09": "Deflate64", b"\x0a": "ARM64", b"\x0b": "RISC-V",
    b"\x04\xf7\x11\x01": "Zstandard", b"\x04\xf7\x11\x02": "Brotli", b"\x04\xf7\x11\x04": "LZ4",
    b"\x04\xf7\x11\x05": "LZ5", b"\x04\xf7\x11\x06": "Lizard", b"\x03\x03\x01\x0b": "BCJ2",
}


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
        # not the library's English ("Corrupt input data"): a sentence of ours, translated
        raise Corrupt(Message("its compressed data is corrupt")) from exc
    if left:
        raise Corrupt(Message("its compressed data ends early"))


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
