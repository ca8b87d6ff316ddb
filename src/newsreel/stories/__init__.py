"""Stories: the same news story grouped across outlets and days, incrementally."""
