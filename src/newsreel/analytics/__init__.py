"""Analytics over the archive: trends of terms and entities per outlet over time."""
