"""Entities, numbers and quotes: who, where, how many, says who."""
