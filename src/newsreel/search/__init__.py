"""Query parsing (pure) and search over the archive."""
