"""Client of the Géoplateforme download service's Atom feeds (its address: catalogue.SERVICE_ROOT).

  /capabilities?zone=&format=&updatedFrom=&polygon=   editions of every product meeting the filters
  /resource/{resource}?zone=&format=&polygon=          a product's editions (its sub-resources)
  /resource/{resource}/{edition}                       an edition's files, each with its MD5 and length
Only what IGN documents is sent (shared/notes/ign-services-and-formats.md): `updatedFrom` exists on /capabilities
alone, dates are YYYY-MM-DD, `limit` is 50 at most. Each feed is paged (`page` from 1; the `<feed>` says
gpf_dl:pagecount). The service allows 10 requests per second per address and answers 429 with Retry-After past
that: every request to its host, downloads included, takes its turn from the process-wide limiter of
core.http, so two jobs share the cap and a 429 pauses them all.

Every name a listing gives that later becomes a path part (a zone term: a folder; an edition or file name) is
checked here, and a listing holding one that is not a plain code or name is refused whole, with one message.
"""

import datetime
import re
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from urllib.parse import quote, unquote, urlencode, urlsplit

import requests

from ..errors import Cancelled, IgnOfflineError, InputError
from ..http import (
    TIMEOUT,
    BodyTooLarge,
    DeadlineExceeded,
    SessionPool,
    backoff_delay,
    limiter_for,
    retry_after_seconds,
    unreachable_reason,
)
from ..messages import Size
from . import zones
from .catalogue import SERVICE_ROOT
from .names import archive_stem
from .state import is_plain_name

ATOM = "{http://www.w3.org/2005/Atom}"
GPF_DL = "{https://data.geopf.fr/annexes/ressources/xsd/gpf_dl.xsd}"
PAGE_SIZE = 50                  # the most the service gives per page
FEED_DEADLINE = 60.0            # a whole page, redirects included
MAX_FEED_BYTES = 4 * 2 ** 20    # a page of 50 entries is tens of kB
MAX_PAGES = 200                 # 10,000 entries: more than any product's départements × editions
RETRIES = 4                     # after a connection error, a 5xx or a 429, before giving up
RETRY_SECONDS = 60.0            # and never retried longer than this (a server that connects and stays silent)
MAX_WAIT = 120.0                # the longest one Retry-After pauses us
# Paced a little under the documented rate, so network jitter never shows the server 11 requests in a second.
PACE = 0.95
_PROBLEM = re.compile(rb"<!(DOCTYPE|ENTITY)", re.IGNORECASE)
_MD5 = re.compile(r"^[0-9a-fA-F]{32}$")
_DAY = re.compile(r"\A[0-9]{4}-[0-9]{2}-[0-9]{2}\Z")


class ServiceError(IgnOfflineError):
    """The download service cannot be reached, refuses us, or sends something unusable."""


@dataclass(frozen=True)
class Edition:
    resource: str       # "BDTOPO"
    name: str           # "BDTOPO_3-5_TOUSTHEMES_GPKG_LAMB93_D031_2026-06-15"
    zone: str           # "D031"
    zone_label: str     # "D031 Haute-Garonne"
    format: str         # "GPKG"
    date: object        # datetime.date, or None when the feed gives none
    bbox: tuple         # lon/lat (west, south, east, north), or None
    url: str            # its files' feed


@dataclass(frozen=True)
class RemoteFile:
    name: str
    url: str
    size: int           # bytes (gpf_dl:length), None if not given
    md5: str            # lower-case hex, None if not given


@dataclass(frozen=True)
class Zone:
    term: str           # "D031"
    label: str          # "D031 Haute-Garonne"


class CancelEvent:
    """What HostLimiter.acquire waits on (an Event's wait/is_set), polling a cancel predicate."""

    def __init__(self, is_cancelled):
        self._is_cancelled = is_cancelled or (lambda: False)

    def is_set(self):
        return bool(self._is_cancelled())

    def wait(self, seconds):
        end = time.monotonic() + seconds
        while not self.is_set():
            left = end - time.monotonic()
            if left <= 0:
                return False
            time.sleep(min(0.1, left))
        return True


def sleep(seconds, is_cancelled=None):
    """Sleep `seconds`, raising Cancelled as soon as `is_cancelled()` says so."""
    if CancelEvent(is_cancelled).wait(seconds):
        raise Cancelled()


class DownloadService:
    """The service at `root`, paced at `rate` requests per second (shared with every job on its host)."""

    def __init__(self, root=SERVICE_ROOT, rate=10, pool=None, retries=RETRIES, max_wait=MAX_WAIT, page_size=PAGE_SIZE,
                 deadline=FEED_DEADLINE, max_feed_bytes=MAX_FEED_BYTES, timeout=TIMEOUT):
        parts = urlsplit(root or "")
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise InputError("The download service address '{}' is not an http(s) address: give one like {}.",
                             root, SERVICE_ROOT)
        self.root = root.rstrip("/")
        self.host = parts.netloc.lower()
        self.pool = pool or SessionPool()
        self._own_pool = pool is None
        self.retries, self.max_wait, self.page_size = retries, max_wait, max(1, min(PAGE_SIZE, page_size))
        self.deadline, self.max_feed_bytes, self.timeout = deadline, max_feed_bytes, timeout
        self.limiter = limiter_for(self.host, "download")  # the service's own limit (10 requests/s)
        self._rate = rate * PACE if rate else 0
        self.limiter.join(self._rate)

    def close(self):
        self.limiter.leave(self._rate)
        if self._own_pool:
            self.pool.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    # -- politeness, shared with the file transfers ----------------------------------------------------------

    def wait_turn(self, is_cancelled=None):
        """Wait for this request's slot on the host (Retry-After pauses included); Cancelled if cancelled."""
        if not self.limiter.acquire(CancelEvent(is_cancelled)):
            raise Cancelled()

    def slow_down(self, response):
        """Pause every request to the host for the response's Retry-After (capped); the seconds paused."""
        seconds = retry_after_seconds(response.headers.get("Retry-After"), default=5.0, cap=self.max_wait)
        self.limiter.pause(seconds)
        return seconds

    # -- listings ----------------------------------------------------------------------------------------------

    def editions(self, resource, zone=None, format=None, polygon=None, is_cancelled=None):  # noqa: A002
        """Every Edition of `resource` meeting the filters (all pages). No date filter: /resource takes no
        updatedFrom, and an editionDate filter would hide an edition published late with an earlier date."""
        path = "resource/" + quote(resource, safe="")
        entries = self._entries(path, _filters(zone, format, None, polygon), is_cancelled)
        return self._checked([_edition(entry, resource) for entry in entries], path)

    def capabilities(self, zone=None, format=None, updated_from=None, polygon=None,  # noqa: A002
                     is_cancelled=None):
        """Every Edition of every product meeting the filters (all pages); `updated_from` a date."""
        entries = self._entries("capabilities", _filters(zone, format, updated_from, polygon), is_cancelled)
        return self._checked([_edition(entry, None) for entry in entries], "capabilities")

    def _checked(self, found, path):
        """The Editions of a listing, refused whole when one names a zone or an edition that is not a plain code
        or name: the zone becomes a folder of the library, and a service sending a path there is not to be
        believed about the rest."""
        found = [edition for edition in found if edition]
        for edition in found:
            if edition.zone and not zones.is_zone_code(edition.zone):
                raise ServiceError("The download service at {} lists a zone '{}' for {}, which is not a zone code "
                                   "(D031, D02A, R76, FRA…): its listing is refused and nothing is written. Check "
                                   "the service address; report it to IGN if it lasts.", self.host, edition.zone,
                                   path)
            if not is_plain_name(edition.name):
                raise ServiceError("The download service at {} lists an edition named '{}' for {}, which is not a "
                                   "plain name: its listing is refused and nothing is written. Check the service "
                                   "address; report it to IGN if it lasts.", self.host, edition.name, path)
        return found

    def zones_for(self, polygon, resource=None, is_cancelled=None):
        """The Zones (départements) a lon/lat polygon meets, as the service says, sorted by term."""
        if resource:
            found = self.editions(resource, polygon=polygon, is_cancelled=is_cancelled)
        else:
            found = self.capabilities(polygon=polygon, is_cancelled=is_cancelled)
        return sorted({Zone(e.zone, e.zone_label) for e in found if e.zone}, key=lambda z: z.term)

    def files(self, resource, edition_name, is_cancelled=None):
        """Every RemoteFile of an edition (all pages)."""
        path = "resource/{}/{}".format(quote(resource, safe=""), quote(edition_name, safe=""))
        entries = self._entries(path, {}, is_cancelled)
        found = [f for f in (_remote_file(entry) for entry in entries) if f]
        for remote in found:  # each becomes archives/<name>, an archive data/<stem>/: both must be plain names
            stem = archive_stem(remote.name)
            if not is_plain_name(remote.name) or ".." in remote.name or (stem is not None
                                                                         and not is_plain_name(stem)):
                raise ServiceError("The download service at {} lists a file named '{}' in {}, which is not a plain "
                                   "file name: its listing is refused and nothing is written. Report it to IGN if "
                                   "it lasts.", self.host, remote.name, edition_name)
        return found

    # -- feeds -------------------------------------------------------------------------------------------------

    def _entries(self, path, params, is_cancelled):
        """The <entry> elements of every page of a feed."""
        entries, previous, page, count = [], None, 1, 1
        while page <= count:
            feed = self._feed(path, dict(params, page=page, limit=self.page_size), is_cancelled)
            count = _int(feed.get(GPF_DL + "pagecount"), 1)
            if count > MAX_PAGES:
                raise ServiceError("The download service at {} announces {:,} pages for {}: no real listing is "
                                   "that long. Try again later; if it lasts, the service is faulty.",
                                   self.host, count, path)
            found = feed.findall(ATOM + "entry")
            titles = [entry.findtext(ATOM + "title") for entry in found]
            if not found:
                break
            if titles == previous:
                raise ServiceError("The download service at {} sent the same page twice for {}: the listing "
                                   "would be incomplete. Try again later.", self.host, path)
            entries.extend(found)
            previous, page = titles, page + 1
        return entries

    def _feed(self, path, params, is_cancelled):
        """One page of a feed, as the <feed> element: retried on connection errors, 5xx and 429."""
        url = "{}/{}?{}".format(self.root, path, urlencode(params, safe=",;:"))
        began, short = time.monotonic(), None
        for attempt in range(1, self.retries + 2):
            self.wait_turn(is_cancelled)
            try:
                response = self.pool.fetch(url, headers={"Accept": "application/atom+xml"}, timeout=self.timeout,
                                           deadline=self.deadline, max_bytes=self.max_feed_bytes, what="the feed")
            except BodyTooLarge:  # its own words are the shared helper's English ("the feed larger than 4 MB")
                raise ServiceError("The download service at {} sent a page of more than {} for {}: no real page is "
                                   "that large. Try again later.", self.host, Size(self.max_feed_bytes),
                                   path) from None
            except DeadlineExceeded:
                raise ServiceError("The download service at {} did not send the page for {} within {:.0f} s. Try "
                                   "again later.", self.host, path, self.deadline) from None
            except (requests.exceptions.InvalidSchema, requests.exceptions.InvalidURL,
                    requests.exceptions.MissingSchema):
                raise ServiceError("The download service at {} redirected {} to an address that is not http(s): "
                                   "refused. Check the service address.", self.host, path) from None
            except requests.RequestException as exc:
                if attempt > self.retries or time.monotonic() - began >= RETRY_SECONDS:
                    raise ServiceError("The download service at {} cannot be reached ({}). Check the network "
                                       "connection (and proxy), then run again.", self.host,
                                       unreachable_reason(exc)) from None
                sleep(backoff_delay(attempt), is_cancelled)
                continue
            if response.status_code == 200 and not _cut_short(response):
                return parse_feed(response.content, self.host, path)
            if response.status_code == 200:  # the connection ended before the length HTTP announced: again
                short = (len(response.content), response.headers.get("Content-Length"))
                if attempt > self.retries or time.monotonic() - began >= RETRY_SECONDS:
                    break
                sleep(backoff_delay(attempt), is_cancelled)
                continue
            self._refuse(response, path, attempt, is_cancelled)
        if short is not None:
            raise ServiceError("The download service at {} keeps cutting the page for {} short (it announced {} "
                               "bytes and sent {}): try again in a few minutes.", self.host, path, short[1],
                               short[0])
        raise ServiceError("The download service at {} keeps failing or asking to slow down for {}: try again in a "
                           "few minutes.", self.host, path)

    def _refuse(self, response, path, attempt, is_cancelled):
        """Wait before the next attempt (429, 503, 5xx), or raise: what a non-200 answer means."""
        status = response.status_code
        if status in (429, 503):
            self.slow_down(response)
        elif status >= 500:
            sleep(backoff_delay(attempt), is_cancelled)
        elif status == 404:
            raise ServiceError("The download service at {} has no {}: check the product name (BDTOPO, RGEALTI, "
                               "BDORTHO, PARCELLAIRE-EXPRESS…) or list the editions again.", self.host, path)
        else:
            raise ServiceError("The download service at {} refused {} (HTTP {} {}). Check the service address.",
                               self.host, path, status, response.reason)


def _cut_short(response):
    """True when a body sent as it is (no Content-Encoding) is shorter than its Content-Length: the connection
    ended early, and the page is not what the service sent (a truncated page may still parse, with entries
    missing)."""
    length = (response.headers.get("Content-Length") or "").strip()
    encoded = (response.headers.get("Content-Encoding") or "identity").strip().lower() != "identity"
    return not encoded and length.isdigit() and len(response.content) < int(length)


def parse_feed(data, host, what):
    """The <feed> element of an Atom document; a DOCTYPE (entities: expansion bombs) is refused unread."""
    if _PROBLEM.search(data):
        raise ServiceError("The download service at {} sent a feed for {} with a DOCTYPE or entities, which no "
                           "real feed has: refused. Try again later.", host, what)
    try:
        feed = ET.fromstring(data)
    except ET.ParseError as exc:
        raise ServiceError("The download service at {} sent a feed for {} that cannot be read ({}). Try again "
                           "later.", host, what, exc) from None
    if feed.tag != ATOM + "feed":
        raise ServiceError("The download service at {} sent something other than an Atom feed for {}. Check the "
                           "service address.", host, what)
    return feed


def _filters(zone, form, updated_from, polygon):
    params = {}
    if zone:
        params["zone"] = zone
    if form:
        params["format"] = form
    if updated_from:
        params["updatedFrom"] = day_param(updated_from)
    if polygon:
        params["polygon"] = polygon_param(polygon)
    return params


def day_param(day):
    """A date as the service takes it: YYYY-MM-DD (a datetime's time left out; a string must be one already)."""
    text = day.strftime("%Y-%m-%d") if hasattr(day, "strftime") else str(day)
    if not _DAY.match(text):
        raise InputError("The date '{}' is not a day written YYYY-MM-DD.", text)
    return text


def polygon_param(polygon):
    """The service's polygon string from a string, a lon/lat ring, or a list of rings (the first, outer one)."""
    if isinstance(polygon, str):
        return polygon
    points = list(polygon)
    if points and points[0] and isinstance(points[0][0], (list, tuple)):
        points = list(points[0])
    if len(points) < 3:
        raise InputError("The polygon has {} points: give at least three (lon, lat) points.", len(points))
    return zones.polygon_string(points)


def _alternate(entry):
    links = entry.findall(ATOM + "link")
    return next((link for link in links if link.get("rel", "alternate") == "alternate"), links[0] if links else None)


def _edition(entry, resource):
    name = (entry.findtext(ATOM + "title") or "").strip()
    link = _alternate(entry)
    if not name or link is None or not link.get("href"):
        return None
    url = link.get("href")
    zone, form = entry.find(GPF_DL + "zone"), entry.find(GPF_DL + "format")
    return Edition(resource or _resource_of(url), name,
                   zone.get("term", "") if zone is not None else "", zone.get("label", "") if zone is not None else "",
                   form.get("term", "") if form is not None else "", _date(entry.findtext(GPF_DL + "editionDate")),
                   _bbox(link.get(GPF_DL + "bbox")), url)


def _remote_file(entry):
    name = (entry.findtext(ATOM + "title") or "").strip()
    link = _alternate(entry)
    if not name or link is None or not link.get("href"):
        return None
    md5 = (entry.findtext(ATOM + "content") or "").strip()
    return RemoteFile(name, link.get("href"), _int(link.get(GPF_DL + "length"), None),
                      md5.lower() if _MD5.match(md5) else None)


def _resource_of(url):
    """'BDTOPO' from …/resource/BDTOPO/<edition>."""
    parts = [unquote(p) for p in urlsplit(url).path.split("/")]
    return parts[parts.index("resource") + 1] if "resource" in parts[:-1] else ""


def _int(text, default):
    text = (text or "").strip()
    return int(text) if text.isdigit() else default


def _date(text):
    try:
        return datetime.date.fromisoformat((text or "").strip()[:10])
    except ValueError:
        return None


def _bbox(text):
    values = re.split(r"[,\s]+", (text or "").strip())
    try:
        box = tuple(float(v) for v in values)
    except ValueError:
        return None
    return box if len(box) == 4 else None
