"""tieline: a sourced knowledge base of the relations between countries."""

__version__ = "0.1.0"
