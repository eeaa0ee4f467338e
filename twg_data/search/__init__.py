"""Full-text search over every meeting: the report passages, key points, sessions and people's
titles and organizations. `words` (folding, stemming per language, telling a text's
language), `parse` (the search box's text -> a query; `QueryProblem`), `index` (the tantivy
index built with the database), `find` (hits, totals and facets), `highlight` (the words
found, marked), `rows` (the hits as a table with their citations, for the CSV and the CLI).
"""
