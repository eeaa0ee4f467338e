"""The address /workshop on a server's first run: see `ui.navigation.first_run_at`."""

from twg_data.ui.navigation import first_run_at

first_run_at("workshop")
