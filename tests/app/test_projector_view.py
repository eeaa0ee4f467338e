"""The projector view as the app runs it: `?view=projector` turns the sidebar's switch on and
puts the way out at the top; the filters travel with it; the switch takes it out of the link."""

from __future__ import annotations

from tests.app_support import no_exceptions, open_app
from twg_data import charts


def test_a_link_to_the_projector_view_opens_it_with_its_filters_and_its_way_out():
    at = open_app("participants", view="projector", city="bogota")
    no_exceptions(at)
    assert at.toggle(key="projector_switch").value is True
    assert [b.label for b in at.button if b.label == "Leave projector view"] == [
        "Leave projector view"
    ]
    assert at.query_params["view"] == "projector"
    assert at.query_params["city"] == "bogota"  # the filters are kept with it
    # the charts are drawn for a wall: larger text than the page's own
    spec = at.get("vega_lite_chart")[0].proto.spec
    assert '"labelFontSize": 24.0' in spec


def test_the_switch_leaves_the_view_and_the_link_forgets_it():
    at = open_app("participants", view="projector")
    at.toggle(key="projector_switch").set_value(False).run()
    no_exceptions(at)
    assert "view" not in at.query_params
    assert not [b for b in at.button if b.label == "Leave projector view"]
    spec = at.get("vega_lite_chart")[0].proto.spec
    assert '"labelFontSize": 15' in spec


def test_an_unknown_view_is_the_usual_page():
    at = open_app("participants", view="wall-of-doom")
    no_exceptions(at)
    assert at.toggle(key="projector_switch").value is False
    assert not [b for b in at.button if b.label == "Leave projector view"]


def test_for_wall_enlarges_text_and_spacing_and_shares_the_rows():
    import pandas as pd

    frame = pd.DataFrame({"country": ["A", "B"], "people": [3, 1]})
    spec = charts.bar_chart(frame, "country", title="By country")
    wall = charts.for_wall(spec)
    assert wall["config"]["axis"]["labelFontSize"] == 24.0  # 15 x 1.6
    assert wall["height"]["step"] == 54.4  # 34 x 1.6
    assert wall["datasets"]["rows"] is spec["datasets"]["rows"]
    assert spec["config"]["axis"]["labelFontSize"] == 15  # the page's own spec is untouched
