"""Reading inputs: pure format parsers (``formats``) and the file I/O around them."""
