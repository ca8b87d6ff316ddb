"""Pure parsers: text or parsed data in, ``Record`` objects out, no I/O."""
