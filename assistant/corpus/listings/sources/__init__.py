"""The five job boards. Each module parses one board's response format into `RawListing`s."""

from assistant.corpus.listings.sources import greenhouse, jobicy, remoteok, remotive, weworkremotely
from assistant.corpus.listings.sources.base import Batch, InputError, RawListing, Skip

CONNECTORS = {
    "remoteok": remoteok,
    "remotive": remotive,
    "jobicy": jobicy,
    "weworkremotely": weworkremotely,
    "greenhouse": greenhouse,
}

__all__ = ["CONNECTORS", "Batch", "InputError", "RawListing", "Skip"]
