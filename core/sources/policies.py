"""Each tile server's usage policy, applied before any request.

A small table: host patterns → the most connections and requests per second
a job may use there, the largest bulk job it may ask for, the attribution to
write, and a note with a link for the user. Hosts not in the table get the
user's own CONCURRENCY and MAX_RATE.

The OpenStreetMap Foundation's tile servers run on donated resources; their
policy forbids bulk downloading for offline use and limits clients to two
connections. QTiles and QGIS itself cap OpenStreetMap jobs for the same
reason. The Géoplateforme exempts its WMTS/TMS from its rate limiter but we
stay polite there.
"""

import fnmatch
from dataclasses import dataclass
from urllib.parse import urlsplit

from ..errors import InputError
from ..messages import Message

IGN_ATTRIBUTION = "© IGN – Licence Ouverte Etalab 2.0"
IGN_PRIVATE_ATTRIBUTION = "© IGN – restricted licence, see the terms of your key"
OSM_ATTRIBUTION = "© OpenStreetMap contributors (ODbL)"


class PolicyRefused(InputError):
    """The job breaks the server's usage policy: nothing is requested."""


@dataclass(frozen=True)
class Policy:
    name: str
    hosts: tuple                   # fnmatch patterns on the host name (no port)
    max_connections: int = None    # ceiling on CONCURRENCY
    max_rate: float = None         # ceiling on MAX_RATE (requests per second)
    max_tiles: int = None          # largest job allowed
    max_zoom: int = None           # a job reaching this zoom is refused
    attribution: str = ""
    note: str = ""
    link: str = ""
    private_paths: tuple = ()      # path prefixes of restricted layers
    private_attribution: str = ""
    private_note: str = ""

    def matches(self, host):
        return any(fnmatch.fnmatch(host, pattern) for pattern in self.hosts)

    def is_private(self, url):
        return any(urlsplit(url).path.startswith(prefix) for prefix in self.private_paths)


POLICIES = (
    Policy(
        "OpenStreetMap tile servers", ("tile.openstreetmap.org", "*.tile.openstreetmap.org"),
        max_connections=2, max_tiles=250, max_zoom=17, attribution=OSM_ATTRIBUTION,
        note=("the OpenStreetMap tile usage policy forbids bulk downloading for offline use (at most 2 connections; "
              "no scraping; nothing at zoom 17 or more without permission)"),
        link="https://operations.osmfoundation.org/policies/tiles/"),
    Policy(
        "Géoplateforme (IGN)", ("data.geopf.fr",), max_rate=20.0, attribution=IGN_ATTRIBUTION,
        note="public WMTS/TMS of the Géoplateforme: exempt from its rate limiter, kept at 20 requests/s at most",
        link="https://cartes.gouv.fr/aide/fr/guides-utilisateur/utiliser-les-services-de-la-geoplateforme/",
        private_paths=("/private/",), private_attribution=IGN_PRIVATE_ATTRIBUTION,
        private_note=("SCAN 25, SCAN 100 and SCAN OACI are not open data: private individuals may not download "
                      "them, even for personal use; only holders of a SCAN licence (organisations) may")),
    Policy("IGN (legacy Géoportail)", ("*.ign.fr", "ign.fr"), max_rate=20.0, attribution=IGN_ATTRIBUTION),
)
DEFAULT = Policy("other servers", ("*",))


def host_of(url):
    return (urlsplit(url).hostname or "").lower()


def policy_for(url):
    """The usage policy of the server of `url` (DEFAULT when the table does not name it)."""
    host = host_of(url)
    return next((policy for policy in POLICIES if policy.matches(host)), DEFAULT)


def attribution_for(url, fallback=""):
    """The table's attribution for the server of `url`, else `fallback` (capabilities, host)."""
    policy = policy_for(url)
    if policy.is_private(url) and policy.private_attribution:
        return policy.private_attribution
    return policy.attribution or fallback


def effective_pace(url, concurrency, max_rate):
    """(concurrency, max_rate, note or None) within the server's ceilings (max_rate 0 = no cap of the user's)."""
    policy = policy_for(url)
    notes = []
    if policy.max_connections and concurrency > policy.max_connections:
        notes.append(Message("{} parallel requests at most", policy.max_connections))
        concurrency = policy.max_connections
    if policy.max_rate and (not max_rate or max_rate > policy.max_rate):
        notes.append(Message("{:g} requests/s at most", policy.max_rate))
        max_rate = policy.max_rate
    note = Message("{}: {} ({}).", host_of(url), ", ".join(notes), policy.name) if notes else None
    return concurrency, max_rate, note


def check_job(url, total_tiles, zoom_max):
    """Refuse, before any request, a job the server's usage policy forbids."""
    policy = policy_for(url)
    too_many = policy.max_tiles is not None and total_tiles > policy.max_tiles
    too_deep = policy.max_zoom is not None and zoom_max >= policy.max_zoom
    if not (too_many or too_deep):
        return
    asked = []
    if too_many:
        asked.append(Message("{:,} tiles (the policy allows {:,} at most)", total_tiles, policy.max_tiles))
    if too_deep:
        asked.append(Message("zoom {} (refused from zoom {})", zoom_max, policy.max_zoom))
    raise PolicyRefused(
        "Refused before any request: {} — see {}. This job asks for {}. Nothing was downloaded. For maps of this "
        "area offline, use a provider that allows offline use (often with a key), the Géoplateforme's IGN maps, or "
        "render OpenStreetMap data yourself (e.g. from a Geofabrik extract).",
            policy.note, policy.link, " and ".join(asked))


def licence_note(url):
    """A note the user must read before downloading from `url` (restricted layers), or ''."""
    policy = policy_for(url)
    return policy.private_note if policy.is_private(url) else ""
