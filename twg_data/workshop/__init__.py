"""What a workshop writes (its points, votes and comments), in its own database apart from the
curated data: `store` is the backend-neutral interface, `sqlite_backend` and `postgres_backend`
the two databases, `migrations` the schema, `codes` the join codes and participant tokens,
`comments` what a comment may hold, `results` the totals and their CSV, `qr` the join QR code.
"""
