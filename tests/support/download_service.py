"""A stand-in of the Géoplateforme download service (`https://data.geopf.fr/telechargement`) on 127.0.0.1.

It speaks the real feeds' dialect (Atom default namespace, `gpf_dl` namespace; see
../shared/notes/ign-services-and-formats.md, "Download service: the documented API"):
  GET /telechargement/capabilities?zone=&format=&updatedFrom=&updatedTo=&editionDateFrom=&editionDateTo=&polygon=…
      every resource's editions meeting the filters (polygon x1,y1;x2,y2;…: meeting the edition's lon/lat box)
  GET /telechargement/resource/{res}?zone=&format=&editionDateFrom=&editionDateTo=&polygon=…   (its editions)
  GET /telechargement/resource/{res}/{sub}          (its files: <content> = MD5, link gpf_dl:length)
  GET /telechargement/download/{res}/{sub}/{file}   (Range: bytes=N- or N-M → 206 + Content-Range)
Pages: `page` (from 1) and `limit` (1 to 50, default `page_size`).

It is strict, as the documentation is: each endpoint answers 400 to a query parameter IGN does not document for it
(PARAMETERS: `updatedFrom` on /capabilities only, none on /download), to `limit` over 50 or `page` under 1, to a
date that is not YYYY-MM-DD, and to a request without the plugin's User-Agent; so a client relying on anything
undocumented fails its tests. (`strict = False` lifts it, for a test that needs the old leniency; none does.)

Knobs (attributes and methods, safe to change while serving): `throttle(n, retry_after)` answers 429 to the next n
requests; `fail(n, status)` answers that server error (500, 502…) to the next n requests; `cut(after_bytes, times)`
closes the socket after that many body bytes of the next downloads (a 200 or 206 shorter than its Content-Length);
`cut_feeds(n)` sends the next n feeds cut in their middle, under a Content-Length of the whole; `bandwidth`
(bytes/s per transfer, 0 = none); `ignore_range`; `feed_mode` for hostile feeds ("doctype", "huge", "drip",
"pagecount", "samepage"); `publish(resource, edition)` adds or replaces an edition, `withdraw(resource, name)`
removes one; `log` holds (path with query, Range) of every request, `refused` the (path, reason) of each 400,
`max_per_second()` the most requests seen in any 1-s window.
"""

import datetime
import hashlib
import os
import re
import socket
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, quote, unquote, urlsplit
from xml.sax.saxutils import escape, quoteattr

from osgeo import ogr

from tests.support.loopback import LoopbackServer
from tests.support.rates import most_in_one_second

ATOM = "http://www.w3.org/2005/Atom"
GPF_DL = "https://data.geopf.fr/annexes/ressources/xsd/gpf_dl.xsd"
PREFIX = "/telechargement"
SEND_CHUNK = 256 * 1024
# The query parameters IGN documents for each endpoint (cartes.gouv.fr, "telechargement"), and nothing else.
_RESOURCE = {"page", "limit", "polygon", "editionDateFrom", "editionDateTo", "lang", "crs", "zone", "format",
             "sortEntriesBy", "sortEntriesOrder"}
PARAMETERS = {"capabilities": _RESOURCE | {"updatedFrom", "updatedTo", "thematic"},
              "resource": _RESOURCE, "files": {"page", "limit"}, "download": set()}  # an edition's files: paging
DATES = ("updatedFrom", "updatedTo", "editionDateFrom", "editionDateTo")
CHOICES = {"sortEntriesBy": {"title", "editionDate"}, "sortEntriesOrder": {"asc", "desc"}, "lang": {"fre", "eng"}}
USER_AGENT = "IGN-Offline/"   # how the plugin's User-Agent begins (core.http.USER_AGENT)
_DAY = re.compile(r"\A[0-9]{4}-[0-9]{2}-[0-9]{2}\Z")


@dataclass
class StandInFile:
    """A file of an edition: its bytes, or a path on disk (streamed); `md5` overrides the real one."""

    name: str
    data: bytes = None
    path: str = None
    md5: str = None
    length: int = None          # the gpf_dl:length listed, when it is to differ from the real size

    @property
    def listed_size(self):
        return self.length if self.length is not None else self.size

    @property
    def size(self):
        return len(self.data) if self.data is not None else os.path.getsize(self.path)

    @property
    def announced_md5(self):
        if self.md5 is not None:
            return self.md5
        if not hasattr(self, "_md5"):
            digest = hashlib.md5()
            if self.data is not None:
                digest.update(self.data)
            else:
                with open(self.path, "rb") as source:
                    for block in iter(lambda: source.read(2 ** 20), b""):
                        digest.update(block)
            self._md5 = digest.hexdigest()
        return self._md5

    def read(self, start, end, chunk=SEND_CHUNK):
        """Bytes [start, end) in chunks."""
        if self.data is not None:
            for at in range(start, end, chunk):
                yield self.data[at:min(end, at + chunk)]
            return
        with open(self.path, "rb") as source:
            source.seek(start)
            left = end - start
            while left > 0:
                block = source.read(min(chunk, left))
                if not block:
                    return
                left -= len(block)
                yield block


@dataclass
class StandInEdition:
    name: str
    zone: str                   # "D031"
    zone_label: str             # "D031 Haute-Garonne"
    format: str                 # "GPKG"
    date: str                   # "2026-06-15"
    bbox: tuple                 # lon/lat (west, south, east, north)
    files: list = field(default_factory=list)

    def file(self, name):
        return next((f for f in self.files if f.name == name), None)


def catalogue_from_json(data):
    """{resource: [StandInEdition]} from the JSON form serve_download_service.py reads."""
    return {resource: [StandInEdition(
        e["name"], e["zone"], e.get("zone_label", e["zone"]), e["format"], e["date"], tuple(e["bbox"]),
        [StandInFile(f["name"], f.get("text", "").encode() if "text" in f else None, f.get("path"), f.get("md5"))
         for f in e["files"]]) for e in editions] for resource, editions in data.items()}


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 64

    def handle_error(self, request, client_address):
        pass  # clients hanging up mid-body is what the tests provoke


class StandInDownloadService(LoopbackServer):
    def __init__(self, catalogue=None, page_size=50, bandwidth=0, port=0):
        self.catalogue = dict(catalogue or {})
        self.page_size = page_size
        self.bandwidth = bandwidth
        self.feed_mode = None
        self.ignore_range = False   # answer 200 with the whole file whatever the Range
        self.drip_interval = 0.5
        self.huge_size = 64 * 2 ** 20
        self.log = []
        self.headers_seen = []      # each request's headers, in the order of `log`
        self.refused = []           # (path with query, reason) of each 400
        self.strict = True
        self._cut_feeds = [0]
        self.times = []
        self._throttle = [0, "1"]
        self._fail = [0, 500]
        self._cut = [0, 0]
        self._lock = threading.Lock()
        self.serve(_Server(("127.0.0.1", port), self._handler()))

    @property
    def root(self):
        return self.origin + PREFIX

    # -- knobs ---------------------------------------------------------------------------------------------------

    def throttle(self, count, retry_after="1"):
        with self._lock:
            self._throttle = [count, str(retry_after)]

    def fail(self, count, status=500):
        with self._lock:
            self._fail = [count, int(status)]

    def cut(self, after_bytes, times=1):
        with self._lock:
            self._cut = [times, after_bytes]

    def cut_feeds(self, count):
        with self._lock:
            self._cut_feeds = [count]

    def withdraw(self, resource, name):
        """Remove the edition `name` of `resource`."""
        with self._lock:
            self.catalogue[resource] = [e for e in self.catalogue.get(resource, []) if e.name != name]

    def publish(self, resource, edition):
        """Add `edition` to `resource`, or replace the edition of that name (a newer file, another MD5)."""
        with self._lock:
            editions = [e for e in self.catalogue.get(resource, []) if e.name != edition.name]
            self.catalogue[resource] = editions + [edition]

    def max_per_second(self):
        """The most requests received in any window of one second."""
        return most_in_one_second(self.times)

    def downloads(self):
        """(path, Range header) of each download request."""
        return [(path, ranged) for path, ranged in self.log if path.startswith(PREFIX + "/download/")]

    def _take(self, knob):
        with self._lock:
            if knob[0] > 0:
                knob[0] -= 1
                return True
            return False

    # -- catalogue queries ---------------------------------------------------------------------------------------

    def editions(self, resource, query):
        with self._lock:
            editions = list(self.catalogue.get(resource, []))
        zone, form, polygon = query.get("zone"), query.get("format"), query.get("polygon")
        # The stand-in's editions are published when they are dated: updated and edition dates are one here.
        since = max(query.get("updatedFrom", ""), query.get("editionDateFrom", ""))
        until = min(query.get("updatedTo", "9999"), query.get("editionDateTo", "9999"))
        shape = _polygon(polygon) if polygon else None
        return [e for e in editions
                if (not zone or e.zone == zone) and (not form or e.format == form)
                and since <= e.date[:10] <= until
                and (shape is None or shape.Intersects(_box(e.bbox)))]

    def problem(self, endpoint, query, headers):
        """Why the documented API refuses this request (a 400), or None."""
        if not self.strict:
            return None
        if not (headers.get("User-Agent") or "").startswith(USER_AGENT):
            return "no User-Agent of the plugin: {!r}".format(headers.get("User-Agent"))
        unknown = sorted(set(query) - PARAMETERS[endpoint])
        if unknown:
            return "parameter {} is not documented for {}".format(", ".join(unknown), endpoint)
        for name in ("page", "limit"):
            if name in query and not query[name].isdigit():
                return "{} is not a number".format(name)
        if "limit" in query and not 1 <= int(query["limit"]) <= 50:
            return "limit must be 1 to 50"
        if "page" in query and int(query["page"]) < 1:
            return "page starts at 1"
        for name in DATES:
            if name in query and not _is_day(query[name]):
                return "{} must be YYYY-MM-DD".format(name)
        for name, allowed in CHOICES.items():
            if name in query and query[name] not in allowed:
                return "{} must be one of {}".format(name, sorted(allowed))
        return None

    def _handler(service):  # noqa: N805 (the handler's methods use `self` for the request)
        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def do_GET(self):  # noqa: N802
                with service._lock:
                    service.times.append(time.monotonic())
                    service.log.append((unquote(self.path), self.headers.get("Range")))
                    service.headers_seen.append(dict(self.headers))
                parts = urlsplit(self.path)
                pairs = parse_qs(parts.query, keep_blank_values=True)
                problem = service.problem(_endpoint(parts.path), {k: v[-1] for k, v in pairs.items()}, self.headers)
                if problem is None and any(len(v) > 1 for v in pairs.values()):
                    problem = "a parameter given twice"
                if problem is not None:
                    with service._lock:
                        service.refused.append((unquote(self.path), problem))
                    return self._send(400, problem.encode(), "text/plain")
                if service._take(service._throttle):
                    return self._send(429, b"Too many requests", "text/plain",
                                      {"Retry-After": service._throttle[1]})
                if service._take(service._fail):
                    return self._send(service._fail[1], b"Internal error", "text/plain", {})
                query = {k: v[-1] for k, v in pairs.items()}
                path = [unquote(p) for p in parts.path.split("/") if p]
                if path[:1] != [PREFIX.strip("/")]:
                    return self._not_found()
                path = path[1:]
                if path == ["capabilities"]:
                    return self._editions_feed([(r, e) for r in list(service.catalogue)
                                                for e in service.editions(r, query)], query)
                if len(path) == 2 and path[0] == "resource":
                    if path[1] not in service.catalogue:
                        return self._not_found()
                    return self._editions_feed([(path[1], e) for e in service.editions(path[1], query)], query)
                if len(path) == 3 and path[0] == "resource":
                    edition = self._edition(path[1], path[2])
                    return self._files_feed(path[1], edition, query) if edition else self._not_found()
                if len(path) == 4 and path[0] == "download":
                    edition = self._edition(path[1], path[2])
                    found = edition.file(path[3]) if edition else None
                    return self._download(found) if found else self._not_found()
                return self._not_found()

            def _edition(self, resource, name):
                with service._lock:
                    return next((e for e in service.catalogue.get(resource, []) if e.name == name), None)

            # -- feeds ---------------------------------------------------------------------------------------

            def _page(self, items, query):
                limit = max(1, min(50, int(query.get("limit") or service.page_size)))
                count = max(1, -(-len(items) // limit))
                page = max(1, int(query.get("page") or 1))
                if service.feed_mode == "samepage":
                    page = 1
                attributes = {"page": page, "pagesize": limit, "pagecount": count, "totalentries": len(items)}
                if service.feed_mode == "pagecount":
                    attributes["pagecount"] = 10 ** 9
                return items[(page - 1) * limit:page * limit], attributes

            def _editions_feed(self, pairs, query):
                shown, attributes = self._page(pairs, query)
                entries = []
                for resource, e in shown:
                    href = "{}/resource/{}/{}".format(service.root, quote(resource), quote(e.name))
                    entries.append(
                        "<entry><id>{href}</id><title>{name}</title>"
                        "<link href={ahref} rel=\"alternate\" type=\"application/atom+xml\" gpf_dl:bbox={bbox}/>"
                        "<gpf_dl:zone term={zone} label={label}/>"
                        "<gpf_dl:format term={form} label={form}/>"
                        "<gpf_dl:editionDate>{date}</gpf_dl:editionDate></entry>".format(
                            href=escape(href), ahref=quoteattr(href), name=escape(e.name),
                            bbox=quoteattr(",".join(repr(float(v)) for v in e.bbox)), zone=quoteattr(e.zone),
                            label=quoteattr(e.zone_label), form=quoteattr(e.format), date=escape(e.date)))
                self._feed(entries, attributes)

            def _files_feed(self, resource, edition, query):
                shown, attributes = self._page(list(edition.files), query)
                entries = []
                for f in shown:
                    href = "{}/download/{}/{}/{}".format(service.root, quote(resource), quote(edition.name),
                                                         quote(f.name))
                    kind = "application/x-7z-compressed" if f.name.endswith(".7z") else "application/octet-stream"
                    entries.append("<entry><id>{href}</id><title>{name}</title><content>{md5}</content>"
                                   "<link href={ahref} rel=\"alternate\" type=\"{kind}\" gpf_dl:length=\"{size}\"/>"
                                   "</entry>".format(href=escape(href), ahref=quoteattr(href), name=escape(f.name),
                                                     md5=escape(f.announced_md5), kind=kind, size=f.listed_size))
                self._feed(entries, attributes)

            def _feed(self, entries, attributes):
                mode = service.feed_mode
                if mode == "huge":
                    return self._huge_feed()
                head = '<?xml version="1.0" encoding="UTF-8"?>\n'
                if mode == "doctype":
                    head += ('<!DOCTYPE feed [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>\n')
                body = (head + '<feed xmlns="{}" xmlns:gpf_dl="{}" {}><title>stand-in</title>{}</feed>'.format(
                    ATOM, GPF_DL, " ".join('gpf_dl:{}="{}"'.format(k, v) for k, v in attributes.items()),
                    "".join(entries))).encode()
                if mode == "drip":
                    return self._drip(body)
                if service._take(service._cut_feeds):
                    return self._cut_short(body)
                self._send(200, body, "application/atom+xml")

            def _cut_short(self, body):
                """The feed's first half under a Content-Length of the whole, then the connection closed."""
                self.send_response(200)
                self.send_header("Content-Type", "application/atom+xml")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body[:len(body) // 2])
                self.wfile.flush()
                self.connection.shutdown(socket.SHUT_RDWR)
                self.close_connection = True

            def _huge_feed(self):
                self.send_response(200)
                self.send_header("Content-Type", "application/atom+xml")
                self.send_header("Connection", "close")
                self.end_headers()
                self.wfile.write(('<feed xmlns="{}">'.format(ATOM)).encode())
                filler = b"<entry><title>x</title></entry>" * 2048
                try:
                    for _ in range(service.huge_size // len(filler)):
                        self.wfile.write(filler)
                except OSError:
                    pass
                self.close_connection = True

            def _drip(self, body):
                self.send_response(200)
                self.send_header("Content-Type", "application/atom+xml")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                try:
                    for byte in body:
                        self.wfile.write(bytes((byte,)))
                        self.wfile.flush()
                        time.sleep(service.drip_interval)
                except OSError:
                    self.close_connection = True

            def _not_found(self):
                self._send(404, b'<?xml version="1.0"?><ExceptionReport><Exception>Not found</Exception>'
                                b'</ExceptionReport>', "application/xml")

            def _send(self, status, body, content_type, headers=None):
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                for name, value in (headers or {}).items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(body)

            # -- downloads -----------------------------------------------------------------------------------

            def _download(self, remote):
                size = remote.size
                start, end = 0, size
                ranged = None if service.ignore_range else self.headers.get("Range")
                if ranged:
                    first, _, last = ranged.replace("bytes=", "").strip().partition("-")
                    start = int(first)
                    end = min(size, int(last) + 1) if last else size
                    if start >= size:
                        return self._send(416, b"", "text/plain", {"Content-Range": "bytes */{}".format(size)})
                    self.send_response(206)
                    self.send_header("Content-Range", "bytes {}-{}/{}".format(start, end - 1, size))
                else:
                    self.send_response(200)
                self.send_header("Content-Type", "application/x-7z-compressed")
                self.send_header("Content-Length", str(end - start))
                self.send_header("Accept-Ranges", "bytes")
                self.end_headers()
                cut_at = service._cut[1] if service._take(service._cut) else None
                self._stream(remote, start, end, cut_at)

            def _stream(self, remote, start, end, cut_at):
                sent, began = 0, time.monotonic()
                try:
                    # a limited bandwidth is paced in twentieths of a second, not in bursts
                    chunk = max(1, min(SEND_CHUNK, int(service.bandwidth / 20))) if service.bandwidth else SEND_CHUNK
                    for block in remote.read(start, end, chunk):
                        if cut_at is not None and sent + len(block) >= cut_at:
                            self.wfile.write(block[:cut_at - sent])
                            self.wfile.flush()
                            self.connection.shutdown(socket.SHUT_RDWR)
                            self.close_connection = True
                            return
                        self.wfile.write(block)
                        sent += len(block)
                        if service.bandwidth:
                            delay = began + sent / service.bandwidth - time.monotonic()
                            if delay > 0:
                                time.sleep(delay)
                except OSError:
                    self.close_connection = True

        return Handler


def _endpoint(path):
    """'capabilities', 'resource', 'files' or 'download': which documented endpoint a path is."""
    parts = [p for p in path.split("/") if p][1:]
    if parts[:1] == ["resource"]:
        return "files" if len(parts) >= 3 else "resource"
    return "download" if parts[:1] == ["download"] else "capabilities"


def _is_day(text):
    if not _DAY.match(text):
        return False
    try:
        datetime.date.fromisoformat(text)
    except ValueError:
        return False
    return True


def _box(bbox):
    west, south, east, north = bbox
    return ogr.CreateGeometryFromWkt("POLYGON(({0} {1},{2} {1},{2} {3},{0} {3},{0} {1}))".format(
        west, south, east, north))


def _polygon(text):
    points = [tuple(float(v) for v in pair.split(",")) for pair in text.split(";") if pair.strip()]
    if points[0] != points[-1]:
        points.append(points[0])
    return ogr.CreateGeometryFromWkt("POLYGON(({}))".format(",".join("{} {}".format(x, y) for x, y in points)))
