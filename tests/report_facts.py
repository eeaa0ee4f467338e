"""Facts the meeting report states, shared by the tests that check the data and the app.

Source: data/reports/twg-2015-bogota.txt (second TWG meeting, Bogotá, 2015).
"""

MEETING = "twg-2015-bogota"

# "Kick-off presenters included:", in the report's order.
PRESENTERS = [
    "Leoluca Orlando",
    "Ibeth Rodriguez",
    "Ana Teresa Bernal",
    "Caroline Putman-Cramer",
    "Enrique Alfaro",
    "Luis Antonio Zapata Guerrero",
    "Daniela Arias Charcon",
]

# People the lists place in Bogotá ("Bogota", "Bogota, Colombia", "... of Bogotá").
BOGOTA_PEOPLE = {
    "Ana Teresa Bernal",
    "Nathalie Gendre",
    "Jaume Guardans",
    "Anja Heuft",
    "Elis Schmeer",
}

# "Deutsche Gesellschaft für Internationale Zusammenarbeit (GIZ) GmbH", three entries.
GIZ_PEOPLE = {"Anja Heuft", "Elis Schmeer", "Johanna Sztucki"}
