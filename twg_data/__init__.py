"""The TWG dashboard's data layer: curated CSVs -> validation -> DuckDB -> filtered queries."""
