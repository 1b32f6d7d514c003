"""Write QNetworkDiskCache files byte by byte, as Qt 5 or Qt 6 would (for tests and benchmarks).

The real-Qt tests fill caches through PyQt5's QNetworkDiskCache; this writer
covers what this machine's Qt cannot: Qt 6 stream versions, lower-case header
names and '-'-prefixed file names, plus damaged files.
"""

import hashlib
import os
import struct
import zlib

INVALID_DATETIME = struct.pack(">qIb", -(2 ** 63), 0xFFFFFFFF, 0)
JULIAN_DAY_OF_EPOCH = 2440588


def qbytearray(data):
    return struct.pack(">I", len(data)) + data


def qstring(text):
    encoded = text.encode("utf-16-be")
    return struct.pack(">I", len(encoded)) + encoded


def qdatetime_utc(timestamp):
    if timestamp is None:
        return INVALID_DATETIME
    days, seconds = divmod(int(timestamp * 1000), 86400 * 1000)
    return struct.pack(">qIb", days + JULIAN_DAY_OF_EPOCH, seconds, 1)


def file_name(url, qt6=False):
    """<sub-dir>/<id>.d as QNetworkDiskCache names a URL (Qt 5 prints negative hashes unsigned)."""
    value = struct.unpack("<q", hashlib.sha1(url.encode()).digest()[:8])[0]
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"

    def base36(number):
        out = ""
        while True:
            number, rest = divmod(number, 36)
            out = digits[rest] + out
            if number == 0:
                return out

    text = ("-" + base36(-value)) if (qt6 and value < 0) else base36(value % 2 ** 64)
    name = text[:8]
    return os.path.join("{:x}".format(ord(name[-1]) % 16), name + ".d")


def entry_bytes(url, body, headers, status=200, stream_version=19, compress=False, last_modified=None,
                reason="OK"):
    data = struct.pack(">iii", 0xE8, 8, stream_version)
    data += qbytearray(url.encode())
    data += INVALID_DATETIME + qdatetime_utc(last_modified) + b"\x01"
    attributes = [(0, struct.pack(">Ib", 2, 0) + struct.pack(">i", status)),
                  (1, struct.pack(">Ib", 10, 0) + qstring(reason))]
    data += struct.pack(">I", len(attributes))
    for key, value in attributes:
        data += struct.pack(">i", key) + value
    data += struct.pack(">I", len(headers))
    for name, value in headers:
        data += qbytearray(name.encode("latin-1")) + qbytearray(value.encode("latin-1"))
    if compress:
        packed = struct.pack(">I", len(body)) + zlib.compress(body)
        return data + b"\x01" + qbytearray(packed)
    return data + b"\x00" + body


def write_entry(cache_dir, url, body, content_type="image/png", status=200, qt6=False, compress=False,
                date="Mon, 02 Nov 2026 10:00:00 GMT", extra_headers=(), last_modified=None):
    headers = [("Content-Type", content_type), ("Content-Length", str(len(body))), ("Date", date)]
    headers += list(extra_headers)
    if qt6:
        headers = [(name.lower(), value) for name, value in headers]
    data = entry_bytes(url, body, headers, status, 22 if qt6 else 19, compress, last_modified)
    path = os.path.join(cache_dir, "data8", file_name(url, qt6))
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as stream:
        stream.write(data)
    return path
