"""Sources and loading: raw report texts, the curated tables, their contract and checks."""
