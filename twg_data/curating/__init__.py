"""The Curate page's work, apart from Streamlit: drafts kept on the server (`workfolder`),
imports run in worker processes (`jobs`, `worker`), and what the review shows and changes a
page at a time (`review`: paging, passages to tag, names to merge)."""
