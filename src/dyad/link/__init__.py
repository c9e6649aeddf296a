"""Cross-article links over the store: event clusters, duplicate documents, claims compared, dyad index.

Run :func:`update` after ingesting; it only recomputes what new documents touch.
"""

from .claims import ClaimGroup, claim_groups
from .clusters import ClusterResult, Compatibility, LinkEvent, cluster_events, dyad_key, load_compatibility
from .duplicates import find_duplicates
from .index import dyad_index, normalise_dyad
from .update import LinkSummary, update, watermark
from .views import claims_for_dyad, clusters_for_dyad

__all__ = [
    "ClaimGroup",
    "ClusterResult",
    "Compatibility",
    "LinkEvent",
    "LinkSummary",
    "claim_groups",
    "claims_for_dyad",
    "cluster_events",
    "clusters_for_dyad",
    "dyad_index",
    "dyad_key",
    "find_duplicates",
    "load_compatibility",
    "normalise_dyad",
    "update",
    "watermark",
]
