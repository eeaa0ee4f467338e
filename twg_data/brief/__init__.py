"""The agenda brief: what a meeting produced, as a facilitator carries it forward.

`items` lists what a brief can carry forward and the facilitator's `Selection`; `content`
gathers what the brief says (`Content`) from the database, the one `Filters` object and the
selection. The writers lay it out, each importing `content` and never another writer:
`markdown` (Markdown that reads as plain text), `word` (a Word document), `rows` (CSV, one row
per item); `pack` zips them with every summary; `formats` declares the files once for the
command line, the page and the download cache. Same inputs, same bytes: no timestamps.
"""
