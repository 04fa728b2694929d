"""Runners of the same map (per-document extraction) and reduce (fusion)."""
