"""Answer checkers, one module per chapter. Each computes the expected answer from the data."""
