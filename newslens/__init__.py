"""newslens: who is mentioned, who is quoted, and how stance terms are used in a news article."""
