"""Fusion: the corpus-level reduce over extracted records.

Pure functions over ``tieline.model`` values; the store and exports call them.
"""
from .cluster import EventCluster, cluster_events, event_key
from .conflicts import find_conflicts
from .index import trade_series, trend, weight
from .lifecycle import project_lifecycles
from .timeline import build_timeline

__all__ = ["EventCluster", "cluster_events", "event_key", "find_conflicts", "trend",
           "trade_series", "weight", "project_lifecycles", "build_timeline"]
