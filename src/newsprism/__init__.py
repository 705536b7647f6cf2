"""newsprism: sourced, multi-perspective briefings from many news articles about one event."""

__version__ = "0.1.0"
