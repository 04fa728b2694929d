"""Placeholder: event status from modality, tense and negation (keep this signature)."""
from __future__ import annotations


def resolve_status(sent, trigger) -> str:
    """occurred | ongoing | planned | proposed | negated for the act at ``trigger``."""
    return "occurred"
