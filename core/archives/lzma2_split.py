"""Where an LZMA2 stream can be cut into pieces that decode on their own, and CRC32s of pieces put together.

7-Zip compressing with several threads writes LZMA2 in blocks, each starting with a chunk that resets the
dictionary, the state and the properties (control byte ≥ 0xE0), and decodes such blocks in parallel. Finding those
chunks takes their headers only (a few bytes every 64 kB of packed data); each piece, given an end marker, is a
whole LZMA2 stream that liblzma decodes in its own thread (it releases the GIL).
"""


def pieces(read_at, offset, size, min_output=8 << 20):
    """[(packed offset, packed size, output offset, output size)] of the LZMA2 stream of `size` bytes at `offset`,
    cut at full resets at least `min_output` bytes apart; None if the headers do not add up (the plain decoder then
    says what is wrong). `read_at(position, count)` reads the archive."""
    found = []
    position, end, output = offset, offset + size, 0
    start, start_output = offset, 0
    while position < end:
        header = read_at(position, 6)
        if not header:
            return None
        control = header[0]
        if control == 0:
            break
        if len(header) < 3:
            return None
        if control in (1, 2):  # stored chunk: 2 bytes of size - 1
            unpacked = int.from_bytes(header[1:3], "big") + 1
            length = 3 + unpacked
        elif control >= 0x80 and len(header) >= 5:  # LZMA chunk: 21 bits of output, 16 of input, props if ≥ 0xC0
            unpacked = ((control & 0x1F) << 16) + int.from_bytes(header[1:3], "big") + 1
            length = (6 if control >= 0xC0 else 5) + int.from_bytes(header[3:5], "big") + 1
        else:
            return None
        if control >= 0xE0 and output - start_output >= min_output:
            found.append((start, position - start, start_output, output - start_output))
            start, start_output = position, output
        position += length
        output += unpacked
    if position > end:
        return None
    found.append((start, position - start, start_output, output - start_output))
    return found


def crc32_combine(first, second, second_length):
    """The CRC32 of A + B from those of A and B and the length of B (zlib's crc32_combine, which Python lacks)."""
    if second_length <= 0:
        return first
    odd = [0xEDB88320] + [1 << n for n in range(31)]  # the operator for one zero bit
    even = _square(odd)
    odd = _square(even)
    while True:  # apply len(B) zero bytes to A's CRC, by squares
        even = _square(odd)
        if second_length & 1:
            first = _times(even, first)
        second_length >>= 1
        if not second_length:
            break
        odd = _square(even)
        if second_length & 1:
            first = _times(odd, first)
        second_length >>= 1
        if not second_length:
            break
    return first ^ second


def _times(matrix, vector):
    total, index = 0, 0
    while vector:
        if vector & 1:
            total ^= matrix[index]
        vector >>= 1
        index += 1
    return total


def _square(matrix):
    return [_times(matrix, row) for row in matrix]
