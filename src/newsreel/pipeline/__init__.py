"""Pipeline: the one loop every stage runs in, and running all stages in order."""
