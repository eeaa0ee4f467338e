"""Synthetic data folders of the curated schema, for benchmarks and tests: never real data.

`generate(out_dir, meetings=M, people=N, seed=S)` writes every table of `schema.TABLES` as a
valid folder: M meetings, N invented people ("Synthetic Person 000042") of invented
organizations ("Synthetic Org 0017") spread over real cities and countries with a skewed,
long-tailed distribution, and a synthetic source passage behind every row. The M49 regions,
organization types and practice communities are copied from the project's curated `data/`.
Same arguments, same bytes. The project's `data/` folder is refused as a destination.
"""

from __future__ import annotations

import argparse
import csv
import io
import math
import os
import sys
from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from pathlib import Path

import numpy as np

from twg_data.paths import PROJECT_ROOT
from twg_data.schema import TABLES, TABLES_BY_NAME, Table

CURATED_DIR = PROJECT_ROOT / "data"
# The columns synth writes for each table it generates, in this order. A column the schema
# adds later is written empty (fine when optional); a required one stops synth with a message.
GENERATED_COLUMNS: dict[str, tuple[str, ...]] = {
    "sources": ("source_id", "meeting_id", "section", "passage"),
    "meetings": (
        "meeting_id",
        "meeting_number",
        "title",
        "date",
        "city_id",
        "part_of",
        "agenda_process",
        "attendance_stated",
        "report_file",
        "source_id",
    ),
    "facilitators": ("meeting_id", "organization_id", "position", "name_as_stated", "source_id"),
    "objectives": ("meeting_id", "objective_id", "scope", "position", "label", "text", "source_id"),
    "sessions": (
        "meeting_id",
        "session_id",
        "position",
        "title",
        "date",
        "start_time",
        "end_time",
        "format",
        "format_basis",
        "format_rules",
        "purpose",
        "source_id",
    ),
    "people": ("person_id", "name", "aliases", "source_id"),
    "participants": (
        "meeting_id",
        "person_id",
        "list_number",
        "title",
        "unit",
        "organization_id",
        "city_id",
        "country_iso3",
        "location_basis",
        "source_id",
    ),
    "speakers": (
        "meeting_id",
        "session_id",
        "position",
        "person_id",
        "role",
        "title_as_stated",
        "source_id",
    ),
    "organizations": (
        "organization_id",
        "name",
        "acronym",
        "aliases",
        "parent_organization_id",
        "organization_type_id",
        "practice_community_id",
        "classification_basis",
        "source_id",
    ),
    "countries": (
        "iso3",
        "name",
        "m49_code",
        "sub_region",
        "intermediate_region",
        "named_in_report",
        "source_id",
    ),
    "cities": (
        "city_id",
        "name",
        "aliases",
        "country_iso3",
        "latitude",
        "longitude",
        "location_basis",
        "source_id",
    ),
    "delegations": ("meeting_id", "city_id", "network", "position", "source_id"),
    "key_points": (
        "meeting_id",
        "key_point_id",
        "category",
        "position",
        "heading",
        "text",
        "source_id",
    ),
    "framing": ("meeting_id", "framing_id", "kind", "position", "label", "text", "source_id"),
    "key_point_targets": ("meeting_id", "key_point_id", "target", "rationale", "basis"),
}
ID_PREFIX = "synth-"  # every synthetic meeting id starts with it
NETWORK = "Synthetic Network of Safer Cities"
REFERENCE_PASSAGE = (
    "Synthetic data for benchmarks and tests: real city and country names with curated codes "
    "and coordinates; every person, organization and passage is invented."
)

# Countries in order of prominence (the rank drives the skew), with UN M49 code, sub-region
# and intermediate region. Sub-regions are those of the curated regions.csv.
_COUNTRIES = """\
COL|Colombia|170|Latin America and the Caribbean|South America
MEX|Mexico|484|Latin America and the Caribbean|Central America
KEN|Kenya|404|Sub-Saharan Africa|Eastern Africa
CHE|Switzerland|756|Western Europe|
USA|United States of America|840|Northern America|
BRA|Brazil|076|Latin America and the Caribbean|South America
ZAF|South Africa|710|Sub-Saharan Africa|Southern Africa
DEU|Germany|276|Western Europe|
GBR|United Kingdom of Great Britain and Northern Ireland|826|Northern Europe|
ECU|Ecuador|218|Latin America and the Caribbean|South America
PHL|Philippines|608|South-eastern Asia|
GTM|Guatemala|320|Latin America and the Caribbean|Central America
ITA|Italy|380|Southern Europe|
FRA|France|250|Western Europe|
NGA|Nigeria|566|Sub-Saharan Africa|Western Africa
CAN|Canada|124|Northern America|
HND|Honduras|340|Latin America and the Caribbean|Central America
SLV|El Salvador|222|Latin America and the Caribbean|Central America
LBN|Lebanon|422|Western Asia|
ESP|Spain|724|Southern Europe|
PER|Peru|604|Latin America and the Caribbean|South America
CHL|Chile|152|Latin America and the Caribbean|South America
ARG|Argentina|032|Latin America and the Caribbean|South America
NLD|Netherlands|528|Western Europe|
SEN|Senegal|686|Sub-Saharan Africa|Western Africa
CIV|Côte d'Ivoire|384|Sub-Saharan Africa|Western Africa
COD|Democratic Republic of the Congo|180|Sub-Saharan Africa|Middle Africa
JOR|Jordan|400|Western Asia|
IRQ|Iraq|368|Western Asia|
IND|India|356|Southern Asia|
PAK|Pakistan|586|Southern Asia|
KOR|Republic of Korea|410|Eastern Asia|
PAN|Panama|591|Latin America and the Caribbean|Central America
BFA|Burkina Faso|854|Sub-Saharan Africa|Western Africa
UGA|Uganda|800|Sub-Saharan Africa|Eastern Africa
ETH|Ethiopia|231|Sub-Saharan Africa|Eastern Africa
HTI|Haiti|332|Latin America and the Caribbean|Caribbean
JAM|Jamaica|388|Latin America and the Caribbean|Caribbean
DOM|Dominican Republic|214|Latin America and the Caribbean|Caribbean
TUR|Türkiye|792|Western Asia|
EGY|Egypt|818|Northern Africa|
MAR|Morocco|504|Northern Africa|
TUN|Tunisia|788|Northern Africa|
GHA|Ghana|288|Sub-Saharan Africa|Western Africa
MLI|Mali|466|Sub-Saharan Africa|Western Africa
CMR|Cameroon|120|Sub-Saharan Africa|Middle Africa
TZA|United Republic of Tanzania|834|Sub-Saharan Africa|Eastern Africa
RWA|Rwanda|646|Sub-Saharan Africa|Eastern Africa
SOM|Somalia|706|Sub-Saharan Africa|Eastern Africa
SSD|South Sudan|728|Sub-Saharan Africa|Eastern Africa
SDN|Sudan|729|Northern Africa|
SYR|Syrian Arab Republic|760|Western Asia|
PSE|State of Palestine|275|Western Asia|
AFG|Afghanistan|004|Southern Asia|
BGD|Bangladesh|050|Southern Asia|
IDN|Indonesia|360|South-eastern Asia|
THA|Thailand|764|South-eastern Asia|
MMR|Myanmar|104|South-eastern Asia|
BIH|Bosnia and Herzegovina|070|Southern Europe|
UKR|Ukraine|804|Eastern Europe|
NIC|Nicaragua|558|Latin America and the Caribbean|Central America
CRI|Costa Rica|188|Latin America and the Caribbean|Central America
VEN|Venezuela (Bolivarian Republic of)|862|Latin America and the Caribbean|South America
BOL|Bolivia (Plurinational State of)|068|Latin America and the Caribbean|South America
TTO|Trinidad and Tobago|780|Latin America and the Caribbean|Caribbean
BEL|Belgium|056|Western Europe|
SWE|Sweden|752|Northern Europe|
NOR|Norway|578|Northern Europe|
AUT|Austria|040|Western Europe|
JPN|Japan|392|Eastern Asia|
CHN|China|156|Eastern Asia|
AUS|Australia|036|Australia and New Zealand|
MOZ|Mozambique|508|Sub-Saharan Africa|Eastern Africa
ZWE|Zimbabwe|716|Sub-Saharan Africa|Eastern Africa
ZMB|Zambia|894|Sub-Saharan Africa|Eastern Africa
NER|Niger|562|Sub-Saharan Africa|Western Africa
CAF|Central African Republic|140|Sub-Saharan Africa|Middle Africa
LBR|Liberia|430|Sub-Saharan Africa|Western Africa
SLE|Sierra Leone|694|Sub-Saharan Africa|Western Africa
DZA|Algeria|012|Northern Africa|
LBY|Libya|434|Northern Africa|
YEM|Yemen|887|Western Asia|
GEO|Georgia|268|Western Asia|
ARM|Armenia|051|Western Asia|
NPL|Nepal|524|Southern Asia|
LKA|Sri Lanka|144|Southern Asia|
KHM|Cambodia|116|South-eastern Asia|
TLS|Timor-Leste|626|South-eastern Asia|
VNM|Viet Nam|704|South-eastern Asia|
MYS|Malaysia|458|South-eastern Asia|
SRB|Serbia|688|Southern Europe|
PRT|Portugal|620|Southern Europe|
GRC|Greece|300|Southern Europe|
DNK|Denmark|208|Northern Europe|
FIN|Finland|246|Northern Europe|
IRL|Ireland|372|Northern Europe|
POL|Poland|616|Eastern Europe|
PRY|Paraguay|600|Latin America and the Caribbean|South America
URY|Uruguay|858|Latin America and the Caribbean|South America
CUB|Cuba|192|Latin America and the Caribbean|Caribbean
AGO|Angola|024|Sub-Saharan Africa|Middle Africa
MDG|Madagascar|450|Sub-Saharan Africa|Eastern Africa
NAM|Namibia|516|Sub-Saharan Africa|Southern Africa
BWA|Botswana|072|Sub-Saharan Africa|Southern Africa
SAU|Saudi Arabia|682|Western Asia|
ARE|United Arab Emirates|784|Western Asia|
QAT|Qatar|634|Western Asia|
AZE|Azerbaijan|031|Western Asia|
IRN|Iran (Islamic Republic of)|364|Southern Asia|
SGP|Singapore|702|South-eastern Asia|
MNG|Mongolia|496|Eastern Asia|
KAZ|Kazakhstan|398|Central Asia|
KGZ|Kyrgyzstan|417|Central Asia|
UZB|Uzbekistan|860|Central Asia|
TJK|Tajikistan|762|Central Asia|
HRV|Croatia|191|Southern Europe|
ALB|Albania|008|Southern Europe|
MKD|North Macedonia|807|Southern Europe|
ROU|Romania|642|Eastern Europe|
HUN|Hungary|348|Eastern Europe|
MDA|Republic of Moldova|498|Eastern Europe|
BGR|Bulgaria|100|Eastern Europe|
NZL|New Zealand|554|Australia and New Zealand|
PNG|Papua New Guinea|598|Melanesia|
FJI|Fiji|242|Melanesia|
SLB|Solomon Islands|090|Melanesia|
KIR|Kiribati|296|Micronesia|
WSM|Samoa|882|Polynesia|
TON|Tonga|776|Polynesia|
"""

# Real cities: slug, name, country, latitude, longitude (city centre, WGS84). Within a
# country, the order is the rank that drives the skew.
_CITIES = """\
bogota|Bogotá|COL|4.711|-74.0721
medellin|Medellín|COL|6.2442|-75.5812
cali|Cali|COL|3.4516|-76.532
barranquilla|Barranquilla|COL|10.9685|-74.7813
cartagena|Cartagena|COL|10.391|-75.4794
bucaramanga|Bucaramanga|COL|7.1193|-73.1227
pasto|Pasto|COL|1.2136|-77.2811
cucuta|Cúcuta|COL|7.8939|-72.5078
mexico-city|Mexico City|MEX|19.4326|-99.1332
guadalajara|Guadalajara|MEX|20.6597|-103.3496
monterrey|Monterrey|MEX|25.6866|-100.3161
ciudad-juarez|Ciudad Juárez|MEX|31.6904|-106.4245
tijuana|Tijuana|MEX|32.5149|-117.0382
puebla|Puebla|MEX|19.0414|-98.2063
queretaro|Querétaro|MEX|20.5888|-100.3899
merida|Mérida|MEX|20.9674|-89.5926
corregidora|Corregidora|MEX|20.5394|-100.4431
nairobi|Nairobi|KEN|-1.2864|36.8172
mombasa|Mombasa|KEN|-4.0435|39.6682
kisumu|Kisumu|KEN|-0.0917|34.768
nakuru|Nakuru|KEN|-0.3031|36.08
geneva|Geneva|CHE|46.2044|6.1432
bern|Bern|CHE|46.948|7.4474
zurich|Zurich|CHE|47.3769|8.5417
lausanne|Lausanne|CHE|46.5197|6.6323
new-york|New York|USA|40.7128|-74.006
washington-dc|Washington, D.C.|USA|38.9072|-77.0369
chicago|Chicago|USA|41.8781|-87.6298
los-angeles|Los Angeles|USA|34.0522|-118.2437
baltimore|Baltimore|USA|39.2904|-76.6122
new-orleans|New Orleans|USA|29.9511|-90.0715
oakland|Oakland|USA|37.8044|-122.2712
boston|Boston|USA|42.3601|-71.0589
sao-paulo|São Paulo|BRA|-23.5505|-46.6333
rio-de-janeiro|Rio de Janeiro|BRA|-22.9068|-43.1729
belo-horizonte|Belo Horizonte|BRA|-19.9167|-43.9345
recife|Recife|BRA|-8.0476|-34.877
salvador|Salvador|BRA|-12.9777|-38.5016
porto-alegre|Porto Alegre|BRA|-30.0346|-51.2177
fortaleza|Fortaleza|BRA|-3.7319|-38.5267
brasilia|Brasília|BRA|-15.7939|-47.8828
johannesburg|Johannesburg|ZAF|-26.2041|28.0473
cape-town|Cape Town|ZAF|-33.9249|18.4241
durban|Durban|ZAF|-29.8587|31.0218
pretoria|Pretoria|ZAF|-25.7479|28.2293
berlin|Berlin|DEU|52.52|13.405
bonn|Bonn|DEU|50.7374|7.0982
frankfurt|Frankfurt am Main|DEU|50.1109|8.6821
hamburg|Hamburg|DEU|53.5511|9.9937
munich|Munich|DEU|48.1351|11.582
london|London|GBR|51.5074|-0.1278
manchester|Manchester|GBR|53.4808|-2.2426
birmingham|Birmingham|GBR|52.4862|-1.8904
glasgow|Glasgow|GBR|55.8642|-4.2518
belfast|Belfast|GBR|54.5973|-5.9301
quito|Quito|ECU|-0.1807|-78.4678
guayaquil|Guayaquil|ECU|-2.171|-79.9224
cuenca|Cuenca|ECU|-2.9001|-79.0059
quezon-city|Quezon City|PHL|14.676|121.0437
manila|Manila|PHL|14.5995|120.9842
davao-city|Davao City|PHL|7.1907|125.4553
cebu-city|Cebu City|PHL|10.3157|123.8854
marawi|Marawi|PHL|7.9986|124.2928
cotabato-city|Cotabato City|PHL|7.2236|124.2464
guatemala-city|Guatemala City|GTM|14.6349|-90.5069
quetzaltenango|Quetzaltenango|GTM|14.8347|-91.518
rome|Rome|ITA|41.9028|12.4964
palermo|Palermo|ITA|38.1157|13.3615
milan|Milan|ITA|45.4642|9.19
naples|Naples|ITA|40.8518|14.2681
turin|Turin|ITA|45.0703|7.6869
paris|Paris|FRA|48.8566|2.3522
lyon|Lyon|FRA|45.764|4.8357
marseille|Marseille|FRA|43.2965|5.3698
strasbourg|Strasbourg|FRA|48.5734|7.7521
lagos|Lagos|NGA|6.5244|3.3792
abuja|Abuja|NGA|9.0765|7.3986
kano|Kano|NGA|12.0022|8.592
port-harcourt|Port Harcourt|NGA|4.8156|7.0498
maiduguri|Maiduguri|NGA|11.8311|13.151
montreal|Montréal|CAN|45.5017|-73.5673
ottawa|Ottawa|CAN|45.4215|-75.6972
toronto|Toronto|CAN|43.6532|-79.3832
vancouver|Vancouver|CAN|49.2827|-123.1207
winnipeg|Winnipeg|CAN|49.8951|-97.1384
tegucigalpa|Tegucigalpa|HND|14.0723|-87.1921
san-pedro-sula|San Pedro Sula|HND|15.505|-88.025
san-salvador|San Salvador|SLV|13.6929|-89.2182
santa-ana|Santa Ana|SLV|13.9942|-89.5597
beirut|Beirut|LBN|33.8938|35.5018
saida|Saida|LBN|33.5571|35.3729
madrid|Madrid|ESP|40.4168|-3.7038
barcelona|Barcelona|ESP|41.3874|2.1686
seville|Seville|ESP|37.3891|-5.9845
bilbao|Bilbao|ESP|43.263|-2.935
lima|Lima|PER|-12.0464|-77.0428
arequipa|Arequipa|PER|-16.409|-71.5375
trujillo|Trujillo|PER|-8.1116|-79.0288
santiago|Santiago|CHL|-33.4489|-70.6693
valparaiso|Valparaíso|CHL|-33.0472|-71.6127
concepcion|Concepción|CHL|-36.827|-73.0503
buenos-aires|Buenos Aires|ARG|-34.6037|-58.3816
rosario|Rosario|ARG|-32.9442|-60.6505
cordoba|Córdoba|ARG|-31.4201|-64.1888
mendoza|Mendoza|ARG|-32.8895|-68.8458
the-hague|The Hague|NLD|52.0705|4.3007
amsterdam|Amsterdam|NLD|52.3676|4.9041
rotterdam|Rotterdam|NLD|51.9244|4.4777
dakar|Dakar|SEN|14.7167|-17.4677
saint-louis|Saint-Louis|SEN|16.0179|-16.4896
abidjan|Abidjan|CIV|5.36|-4.0083
bouake|Bouaké|CIV|7.6906|-5.03
kinshasa|Kinshasa|COD|-4.4419|15.2663
goma|Goma|COD|-1.6585|29.22
bukavu|Bukavu|COD|-2.5083|28.8608
lubumbashi|Lubumbashi|COD|-11.6876|27.5026
amman|Amman|JOR|31.9454|35.9284
irbid|Irbid|JOR|32.5556|35.85
zarqa|Zarqa|JOR|32.0728|36.088
baghdad|Baghdad|IRQ|33.3152|44.3661
erbil|Erbil|IRQ|36.1911|44.0092
mosul|Mosul|IRQ|36.34|43.13
basra|Basra|IRQ|30.5085|47.7804
new-delhi|New Delhi|IND|28.6139|77.209
mumbai|Mumbai|IND|19.076|72.8777
kolkata|Kolkata|IND|22.5726|88.3639
bengaluru|Bengaluru|IND|12.9716|77.5946
chennai|Chennai|IND|13.0827|80.2707
hyderabad|Hyderabad|IND|17.385|78.4867
ahmedabad|Ahmedabad|IND|23.0225|72.5714
karachi|Karachi|PAK|24.8607|67.0011
lahore|Lahore|PAK|31.5204|74.3587
islamabad|Islamabad|PAK|33.6844|73.0479
peshawar|Peshawar|PAK|34.0151|71.5249
quetta|Quetta|PAK|30.1798|66.975
seoul|Seoul|KOR|37.5665|126.978
busan|Busan|KOR|35.1796|129.0756
panama-city|Panama City|PAN|8.9824|-79.5199
colon|Colón|PAN|9.3547|-79.9001
ouagadougou|Ouagadougou|BFA|12.3714|-1.5197
bobo-dioulasso|Bobo-Dioulasso|BFA|11.1771|-4.2979
kampala|Kampala|UGA|0.3476|32.5825
gulu|Gulu|UGA|2.7724|32.2881
addis-ababa|Addis Ababa|ETH|8.9806|38.7578
dire-dawa|Dire Dawa|ETH|9.6009|41.8501
port-au-prince|Port-au-Prince|HTI|18.5944|-72.3074
cap-haitien|Cap-Haïtien|HTI|19.759|-72.198
kingston|Kingston|JAM|17.9714|-76.7936
montego-bay|Montego Bay|JAM|18.4762|-77.8939
santo-domingo|Santo Domingo|DOM|18.4861|-69.9312
santiago-de-los-caballeros|Santiago de los Caballeros|DOM|19.4517|-70.697
istanbul|Istanbul|TUR|41.0082|28.9784
ankara|Ankara|TUR|39.9334|32.8597
gaziantep|Gaziantep|TUR|37.0662|37.3833
izmir|Izmir|TUR|38.4237|27.1428
cairo|Cairo|EGY|30.0444|31.2357
alexandria|Alexandria|EGY|31.2001|29.9187
rabat|Rabat|MAR|34.0209|-6.8416
casablanca|Casablanca|MAR|33.5731|-7.5898
marrakesh|Marrakesh|MAR|31.6295|-7.9811
tunis|Tunis|TUN|36.8065|10.1815
sfax|Sfax|TUN|34.7406|10.7603
accra|Accra|GHA|5.6037|-0.187
kumasi|Kumasi|GHA|6.6885|-1.6244
tamale|Tamale|GHA|9.4008|-0.8393
bamako|Bamako|MLI|12.6392|-8.0029
timbuktu|Timbuktu|MLI|16.7666|-3.0026
gao|Gao|MLI|16.2666|-0.04
yaounde|Yaoundé|CMR|3.848|11.5021
douala|Douala|CMR|4.0511|9.7679
dar-es-salaam|Dar es Salaam|TZA|-6.7924|39.2083
dodoma|Dodoma|TZA|-6.163|35.7516
arusha|Arusha|TZA|-3.3869|36.683
kigali|Kigali|RWA|-1.9441|30.0619
mogadishu|Mogadishu|SOM|2.0469|45.3182
hargeisa|Hargeisa|SOM|9.56|44.065
juba|Juba|SSD|4.8594|31.5713
khartoum|Khartoum|SDN|15.5007|32.5599
damascus|Damascus|SYR|33.5138|36.2765
aleppo|Aleppo|SYR|36.2021|37.1343
homs|Homs|SYR|34.7324|36.7137
ramallah|Ramallah|PSE|31.9038|35.2034
gaza|Gaza|PSE|31.5017|34.4668
hebron|Hebron|PSE|31.5326|35.0998
kabul|Kabul|AFG|34.5553|69.2075
herat|Herat|AFG|34.3529|62.204
kandahar|Kandahar|AFG|31.6289|65.7372
dhaka|Dhaka|BGD|23.8103|90.4125
chattogram|Chattogram|BGD|22.3569|91.7832
jakarta|Jakarta|IDN|-6.2088|106.8456
surabaya|Surabaya|IDN|-7.2575|112.7521
makassar|Makassar|IDN|-5.1477|119.4327
ambon|Ambon|IDN|-3.6954|128.1814
banda-aceh|Banda Aceh|IDN|5.5483|95.3238
bangkok|Bangkok|THA|13.7563|100.5018
chiang-mai|Chiang Mai|THA|18.7883|98.9853
pattani|Pattani|THA|6.8696|101.2502
yangon|Yangon|MMR|16.8409|96.1735
mandalay|Mandalay|MMR|21.9588|96.0891
sarajevo|Sarajevo|BIH|43.8563|18.4131
mostar|Mostar|BIH|43.3438|17.8078
kyiv|Kyiv|UKR|50.4501|30.5234
kharkiv|Kharkiv|UKR|49.9935|36.2304
lviv|Lviv|UKR|49.8397|24.0297
odesa|Odesa|UKR|46.4825|30.7233
managua|Managua|NIC|12.115|-86.2362
san-jose|San José|CRI|9.9281|-84.0907
caracas|Caracas|VEN|10.4806|-66.9036
maracaibo|Maracaibo|VEN|10.6427|-71.6125
la-paz|La Paz|BOL|-16.4897|-68.1193
el-alto|El Alto|BOL|-16.5|-68.15
santa-cruz-de-la-sierra|Santa Cruz de la Sierra|BOL|-17.8146|-63.1561
cochabamba|Cochabamba|BOL|-17.4139|-66.1653
port-of-spain|Port of Spain|TTO|10.6549|-61.5019
san-fernando|San Fernando|TTO|10.2797|-61.4589
brussels|Brussels|BEL|50.8503|4.3517
antwerp|Antwerp|BEL|51.2194|4.4025
stockholm|Stockholm|SWE|59.3293|18.0686
malmo|Malmö|SWE|55.605|13.0038
uppsala|Uppsala|SWE|59.8586|17.6389
oslo|Oslo|NOR|59.9139|10.7522
vienna|Vienna|AUT|48.2082|16.3738
tokyo|Tokyo|JPN|35.6762|139.6503
hiroshima|Hiroshima|JPN|34.3853|132.4553
osaka|Osaka|JPN|34.6937|135.5023
kobe|Kobe|JPN|34.6901|135.1955
beijing|Beijing|CHN|39.9042|116.4074
shanghai|Shanghai|CHN|31.2304|121.4737
guangzhou|Guangzhou|CHN|23.1291|113.2644
shenzhen|Shenzhen|CHN|22.5431|114.0579
chengdu|Chengdu|CHN|30.5728|104.0668
sydney|Sydney|AUS|-33.8688|151.2093
melbourne|Melbourne|AUS|-37.8136|144.9631
canberra|Canberra|AUS|-35.2809|149.13
maputo|Maputo|MOZ|-25.9692|32.5732
beira|Beira|MOZ|-19.8436|34.8389
harare|Harare|ZWE|-17.8252|31.0335
bulawayo|Bulawayo|ZWE|-20.1325|28.6265
lusaka|Lusaka|ZMB|-15.3875|28.3228
niamey|Niamey|NER|13.5116|2.1254
bangui|Bangui|CAF|4.3947|18.5582
monrovia|Monrovia|LBR|6.3156|-10.8074
freetown|Freetown|SLE|8.4657|-13.2317
algiers|Algiers|DZA|36.7538|3.0588
oran|Oran|DZA|35.6971|-0.6308
tripoli|Tripoli|LBY|32.8872|13.1913
benghazi|Benghazi|LBY|32.1167|20.0667
sanaa|Sana'a|YEM|15.3694|44.191
aden|Aden|YEM|12.7855|45.0187
tbilisi|Tbilisi|GEO|41.7151|44.8271
yerevan|Yerevan|ARM|40.1792|44.4991
kathmandu|Kathmandu|NPL|27.7172|85.324
colombo|Colombo|LKA|6.9271|79.8612
jaffna|Jaffna|LKA|9.6615|80.0255
phnom-penh|Phnom Penh|KHM|11.5564|104.9282
dili|Dili|TLS|-8.5569|125.5603
hanoi|Hanoi|VNM|21.0278|105.8342
ho-chi-minh-city|Ho Chi Minh City|VNM|10.8231|106.6297
kuala-lumpur|Kuala Lumpur|MYS|3.139|101.6869
george-town|George Town|MYS|5.4141|100.3288
belgrade|Belgrade|SRB|44.7866|20.4489
lisbon|Lisbon|PRT|38.7223|-9.1393
porto|Porto|PRT|41.1579|-8.6291
athens|Athens|GRC|37.9838|23.7275
thessaloniki|Thessaloniki|GRC|40.6401|22.9444
copenhagen|Copenhagen|DNK|55.6761|12.5683
helsinki|Helsinki|FIN|60.1699|24.9384
dublin|Dublin|IRL|53.3498|-6.2603
warsaw|Warsaw|POL|52.2297|21.0122
krakow|Kraków|POL|50.0647|19.945
asuncion|Asunción|PRY|-25.2637|-57.5759
montevideo|Montevideo|URY|-34.9011|-56.1645
havana|Havana|CUB|23.1136|-82.3666
luanda|Luanda|AGO|-8.839|13.2894
antananarivo|Antananarivo|MDG|-18.8792|47.5079
windhoek|Windhoek|NAM|-22.5609|17.0658
gaborone|Gaborone|BWA|-24.6282|25.9231
riyadh|Riyadh|SAU|24.7136|46.6753
jeddah|Jeddah|SAU|21.4858|39.1925
dubai|Dubai|ARE|25.2048|55.2708
abu-dhabi|Abu Dhabi|ARE|24.4539|54.3773
doha|Doha|QAT|25.2854|51.531
baku|Baku|AZE|40.4093|49.8671
tehran|Tehran|IRN|35.6892|51.389
singapore|Singapore|SGP|1.3521|103.8198
ulaanbaatar|Ulaanbaatar|MNG|47.8864|106.9057
almaty|Almaty|KAZ|43.222|76.8512
astana|Astana|KAZ|51.1694|71.4491
bishkek|Bishkek|KGZ|42.8746|74.5698
osh|Osh|KGZ|40.5283|72.7985
tashkent|Tashkent|UZB|41.2995|69.2401
dushanbe|Dushanbe|TJK|38.5598|68.787
zagreb|Zagreb|HRV|45.815|15.9819
tirana|Tirana|ALB|41.3275|19.8187
skopje|Skopje|MKD|41.9981|21.4254
bucharest|Bucharest|ROU|44.4268|26.1025
budapest|Budapest|HUN|47.4979|19.0402
chisinau|Chișinău|MDA|47.0105|28.8638
sofia|Sofia|BGR|42.6977|23.3219
wellington|Wellington|NZL|-41.2866|174.7756
auckland|Auckland|NZL|-36.8485|174.7633
port-moresby|Port Moresby|PNG|-9.4438|147.1803
suva|Suva|FJI|-18.1248|178.4501
honiara|Honiara|SLB|-9.4456|159.9729
south-tarawa|South Tarawa|KIR|1.329|172.979
apia|Apia|WSM|-13.8506|-171.7513
nukualofa|Nukuʻalofa|TON|-21.1394|-175.2049
"""

# Meeting venues, in order; later meetings cycle through them.
VENUES = (
    "bogota",
    "geneva",
    "nairobi",
    "mexico-city",
    "johannesburg",
    "quito",
    "medellin",
    "barcelona",
    "manila",
    "beirut",
    "guatemala-city",
    "dakar",
)
_TITLES = (
    "Director",
    "Programme Officer",
    "Coordinator",
    "Senior Advisor",
    "Project Manager",
    "Mayor",
    "Deputy Mayor",
    "Researcher",
    "Head of Unit",
    "Executive Director",
    "Policy Officer",
    "Consultant",
    "Lecturer",
    "Country Representative",
    "Secretary of Security",
    "Community Organizer",
    "Specialist",
    "Chief Executive Officer",
)
# Organization type -> (practice community, weight) choices; "" leaves the community empty.
_TYPE_WEIGHTS = {
    "city-government": 30,
    "ngo": 20,
    "academic": 10,
    "national-government": 8,
    "un-entity": 7,
    "development-agency": 6,
    "network": 5,
    "foundation": 5,
    "international-organization": 3,
    "private-company": 3,
    "cooperation-programme": 2,
    "development-bank": 1,
}
_TYPE_COMMUNITIES = {
    "city-government": (("urban-safety", 9), ("", 1)),
    "ngo": (("peacebuilding", 4), ("development", 3), ("humanitarian", 2), ("", 1)),
    "academic": (("research", 1),),
    "national-government": (("urban-safety", 2), ("peacebuilding", 1), ("", 2)),
    "un-entity": (("urban-safety", 2), ("peacebuilding", 2), ("development", 1)),
    "development-agency": (("development", 3), ("research", 1)),
    "network": (("peacebuilding", 1), ("urban-safety", 1)),
    "foundation": (("development", 1), ("", 1)),
    "international-organization": (("humanitarian", 2), ("peacebuilding", 1)),
    "private-company": (("", 1),),
    "cooperation-programme": (("development", 1),),
    "development-bank": (("development", 1),),
}
_SESSION_TITLES = (
    "Exchange of promising practices",
    "Entry points for an integrated approach of urban safety and peacebuilding",
    "City-to-city exchange",
    "Lessons from cities affected by conflict",
)
_SESSION_FORMATS = ("TED-style talks", "Discussion", "Panel", "World café")
_KEY_POINT_CATEGORIES = ("commonality", "difference", "opportunity")
_KEY_POINT_SECTIONS = {
    "commonality": "Key points: Commonalities between urban safety and peacebuilding",
    "difference": "Key points: Differences between urban safety and peacebuilding",
    "opportunity": "Key points: Opportunities",
}
_FRAMING = (
    ("how", "dimension", 1, "The how"),
    ("themes", "dimension", 2, "The themes"),
    ("setting-conflict", "setting", 1, "conflict"),
    ("setting-post-conflict", "setting", 2, "post-conflict"),
    ("setting-criminal-violence", "setting", 3, "criminal violence"),
)
_OBJECTIVES = (
    ("meeting-a", "meeting", 1, "(a)", "to exchange synthetic promising practices"),
    ("meeting-b", "meeting", 2, "(b)", "to discuss synthetic entry points"),
    ("twg-purpose", "twg", 1, "", "to stand in for the TWG's purpose in synthetic data"),
    ("twg-network", "twg", 2, "", "to stand in for the TWG's network in synthetic data"),
)
_LOCATION_BASES = (
    # (basis, weight, keep city, keep country)
    ("stated", 72, True, False),
    ("stated: country only", 12, False, True),
    ("inferred: synthetic; the organization's city", 6, True, False),
    ("not stated", 10, False, False),
)


class SynthError(ValueError):
    """A request synth refuses: printed as a message, exit status 2."""


def _parse(text: str) -> list[list[str]]:
    return [line.split("|") for line in text.splitlines() if line]


COUNTRIES = _parse(_COUNTRIES)
CITIES = _parse(_CITIES)


def _zipf(n: int, exponent: float) -> np.ndarray:
    weights = 1.0 / np.arange(1, n + 1) ** exponent
    return weights / weights.sum()


def city_weights() -> np.ndarray:
    """Probability of each city in `CITIES`: Zipf over countries, then over a country's cities."""
    country_rank = {row[0]: i for i, row in enumerate(COUNTRIES)}
    country_p = _zipf(len(COUNTRIES), 1.1)
    by_country: dict[str, list[int]] = {}
    for i, row in enumerate(CITIES):
        by_country.setdefault(row[2], []).append(i)
    weights = np.zeros(len(CITIES))
    for iso3, members in by_country.items():
        weights[members] = country_p[country_rank[iso3]] * _zipf(len(members), 1.3)
    return weights / weights.sum()


def _width(count: int) -> int:
    return max(4, len(str(count)))


def _is_within(path: Path, folder: Path) -> bool:
    path, folder = path.resolve(), folder.resolve()
    return path == folder or folder in path.parents


def check_destination(out_dir: Path) -> None:
    """Raise SynthError for the project's data/ folder or a folder holding non-synthetic data."""
    out_dir = Path(out_dir)
    if _is_within(out_dir, CURATED_DIR):
        raise SynthError(
            f"refusing to write synthetic data into the project's data folder ({CURATED_DIR}); "
            "choose another folder, e.g. -o /tmp/twg-synth"
        )
    meetings = out_dir / "meetings.csv"
    if meetings.is_file():
        with meetings.open(encoding="utf-8-sig", newline="") as handle:
            ids = [row.get("meeting_id") or "" for row in csv.DictReader(handle)]
        if any(not i.startswith(ID_PREFIX) for i in ids):
            raise SynthError(
                f"{out_dir} holds non-synthetic data (meetings.csv); refusing to overwrite it"
            )


def is_reference_table(table: Table) -> bool:
    """A curated list independent of any meeting (regions, organization types, ...): copied."""
    return "meeting_id" not in table.column_names and not table.references


def _read_curated(name: str) -> list[list[str]]:
    """The rows of a curated reference table in the schema's column order; none if absent."""
    table = TABLES_BY_NAME[name]
    path = CURATED_DIR / table.file_name
    if not path.is_file():
        return []
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return [[row.get(c) or "" for c in table.column_names] for row in csv.DictReader(handle)]


def _write(
    out_dir: Path, name: str, rows: Iterable[Sequence[object]], columns: Sequence[str]
) -> int:
    """Write one table (schema's header and column order) via a temporary file; count rows.

    rows hold the values of `columns`, in that order.
    """
    table = TABLES_BY_NAME[name]
    rows = rows if isinstance(rows, list) else list(rows)
    if tuple(columns) != table.column_names:
        missing = [c.name for c in table.columns if c.required and c.name not in columns]
        if missing:
            raise SynthError(
                f"the schema's table {name} requires {', '.join(missing)}, which synth does not "
                "generate yet; update twg_data/synth.py"
            )
        index = [columns.index(c) if c in columns else None for c in table.column_names]
        rows = [[row[i] if i is not None else "" for i in index] for row in rows]
    path = out_dir / table.file_name
    temp = path.with_name(f".{path.name}.tmp")
    with temp.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(table.column_names)
        writer.writerows(rows)
    os.replace(temp, path)
    return len(rows)


def _choice(rng: np.random.Generator, options: Sequence[tuple[str, int]], size: int) -> np.ndarray:
    values = np.array([o for o, _ in options], dtype=object)
    weights = np.array([w for _, w in options], dtype=float)
    return values[rng.choice(len(values), size=size, p=weights / weights.sum())]


def generate(out_dir: Path, meetings: int, people: int, seed: int = 0) -> dict[str, int]:
    """Write a valid synthetic data folder; return the number of rows written per table."""
    if meetings < 1 or people < 1:
        raise SynthError("--meetings and --people must be at least 1")
    out_dir = Path(out_dir)
    check_destination(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(seed)
    counts: dict[str, int] = {}

    def write(name: str, rows: Iterable[Sequence[object]]) -> None:
        if name in TABLES_BY_NAME:
            counts[name] = _write(out_dir, name, rows, GENERATED_COLUMNS[name])

    # Reference tables copied from the curation; what the generated rows may point to.
    for table in TABLES:
        if is_reference_table(table):
            counts[table.name] = _write(
                out_dir, table.name, _read_curated(table.name), table.column_names
            )
    type_ids = [row[0] for row in _read_curated("organization_types")]
    community_ids = {row[0] for row in _read_curated("practice_communities")}
    sub_regions = {row[0] for row in _read_curated("regions")}

    city_id = np.array([c[0] for c in CITIES], dtype=object)
    city_name = np.array([c[1] for c in CITIES], dtype=object)
    city_iso3 = np.array([c[2] for c in CITIES], dtype=object)
    country_name = {c[0]: c[1] for c in COUNTRIES}
    city_p = city_weights()
    city_index = {c[0]: i for i, c in enumerate(CITIES)}

    # Meetings: venue, date, id.
    meeting_ids = [f"{ID_PREFIX}{m + 1:03d}" for m in range(meetings)]
    venue = np.array([city_index[VENUES[m % len(VENUES)]] for m in range(meetings)])
    start = date(2015, 9, 21)
    meeting_dates = [start + timedelta(days=round(m * 365 / 3)) for m in range(meetings)]

    # People: a home meeting each; some also attend one or two other meetings.
    n_people = people
    home = rng.integers(0, meetings, size=n_people)
    part_person = [np.arange(n_people)]
    part_meeting = [home]
    if meetings > 1:
        for share in (0.25, 0.08):
            extra = np.flatnonzero(rng.random(n_people) < share)
            offset = rng.integers(1, meetings, size=extra.size)
            part_person.append(extra)
            part_meeting.append((home[extra] + offset) % meetings)
    person_of = np.concatenate(part_person)
    meeting_of = np.concatenate(part_meeting)
    pairs = np.unique(meeting_of.astype(np.int64) * n_people + person_of)  # sorted, deduplicated
    meeting_of, person_of = pairs // n_people, pairs % n_people
    n_rows = pairs.size

    # Organizations: fewer than people (they saturate), skewed in size, each with a home city.
    n_orgs = min(n_people, max(5, round(4 * math.sqrt(n_people))))
    types_present = [t for t in _TYPE_WEIGHTS if t in type_ids] or type_ids
    org_type = _choice(rng, [(t, _TYPE_WEIGHTS.get(t, 1)) for t in types_present], n_orgs).astype(
        object
    )
    org_community = np.full(n_orgs, "", dtype=object)
    for type_id in types_present:
        members = np.flatnonzero(org_type == type_id)
        options = [
            (c, w) for c, w in _TYPE_COMMUNITIES.get(type_id, (("", 1),)) if c in community_ids
        ] or [("", 1)]
        org_community[members] = _choice(rng, options, members.size)
    org_city = rng.choice(len(CITIES), size=n_orgs, p=city_p)
    ow = _width(n_orgs)
    org_ids = np.array([f"synthetic-org-{i:0{ow}d}" for i in range(1, n_orgs + 1)], dtype=object)
    org_names = np.array([f"Synthetic Org {i:0{ow}d}" for i in range(1, n_orgs + 1)], dtype=object)
    has_acronym = rng.random(n_orgs) < 0.3
    has_parent = rng.random(n_orgs) < 0.05
    has_parent[0] = False
    parent = (rng.random(n_orgs) * np.arange(n_orgs)).astype(np.int64)  # an earlier org

    # Per person: organization (Zipf-sized), city (mostly the organization's), title, basis.
    person_org = rng.choice(n_orgs, size=n_people, p=_zipf(n_orgs, 0.9))
    no_org = rng.random(n_people) < 0.03
    at_org_city = rng.random(n_people) < 0.7
    local = rng.random(n_people) < 0.25  # from the venue city of their home meeting
    person_city = np.where(
        at_org_city,
        org_city[person_org],
        np.where(local, venue[home], rng.choice(len(CITIES), size=n_people, p=city_p)),
    )
    bases = _LOCATION_BASES
    basis_p = np.array([b[1] for b in bases], dtype=float)
    basis_of = rng.choice(len(bases), size=n_people, p=basis_p / basis_p.sum())
    keep_city = np.array([b[2] for b in bases])[basis_of]
    keep_country = np.array([b[3] for b in bases])[basis_of]
    titles = np.array(("",) + _TITLES, dtype=object)
    title_p = np.concatenate(([0.05], 0.95 * _zipf(len(_TITLES), 0.8)))
    person_title = titles[rng.choice(len(titles), size=n_people, p=title_p)]
    has_unit = rng.random(n_people) < 0.2
    unit_number = rng.integers(1, 40, size=n_people)
    has_alias = rng.random(n_people) < 0.05

    pw = _width(n_people)
    person_ids = np.array(
        [f"synthetic-person-{i:0{pw}d}" for i in range(1, n_people + 1)], dtype=object
    )
    person_names = np.array(
        [f"Synthetic Person {i:0{pw}d}" for i in range(1, n_people + 1)], dtype=object
    )
    person_org_id = np.where(no_org, "", org_ids[person_org])
    person_org_name = np.where(no_org, "", org_names[person_org])
    person_city_id = np.where(keep_city, city_id[person_city], "")
    person_city_name = np.where(keep_city, city_name[person_city], "")
    person_country = np.where(keep_country, city_iso3[person_city], "")
    shown_country = np.array([country_name[i] for i in city_iso3[person_city]], dtype=object)
    shown_country = np.where(keep_city | keep_country, shown_country, "")
    units = np.array([f"Synthetic Programme {u}" for u in range(40)], dtype=object)
    person_unit = np.where(has_unit, units[unit_number], "")

    # Participant rows (sorted by meeting, person): list numbers and list-entry passages.
    listed = rng.random(n_rows) >= 0.05
    list_number = np.zeros(n_rows, dtype=np.int64)
    meeting_starts = np.searchsorted(meeting_of, np.arange(meetings + 1))
    for m in range(meetings):
        lo, hi = meeting_starts[m], meeting_starts[m + 1]
        list_number[lo:hi] = np.cumsum(listed[lo:hi])
    row_in_meeting = np.arange(n_rows) - meeting_starts[meeting_of]
    rw = _width(int(np.diff(meeting_starts).max(initial=1)))
    mid = np.array(meeting_ids, dtype=object)[meeting_of]
    entry_source = [
        f"{m}-l-{r:0{rw}d}" for m, r in zip(mid.tolist(), row_in_meeting.tolist(), strict=True)
    ]
    entry_source_arr = np.array(entry_source, dtype=object)

    # People and organizations point to the passage that first names them.
    first_row = np.full(n_people, -1, dtype=np.int64)
    first_row[person_of[::-1]] = np.arange(n_rows)[::-1]
    named_org = np.where(no_org[person_of], -1, person_org[person_of])
    org_first_row = np.full(n_orgs, -1, dtype=np.int64)
    has_org = named_org >= 0
    rows_with_org = np.flatnonzero(has_org)[::-1]
    org_first_row[named_org[rows_with_org]] = rows_with_org
    reference_source = f"{meeting_ids[0]}-a-00-reference"

    # Sources: report passages of each meeting, then the list entries, then speaker passages.
    source_rows: list[tuple[str, str, str, str]] = [
        (reference_source, meeting_ids[0], "Synthetic reference data", REFERENCE_PASSAGE)
    ]
    meeting_rows, facilitator_rows, objective_rows, session_rows = [], [], [], []
    speaker_rows, key_point_rows, framing_rows, delegation_rows = [], [], [], []
    speaker_sources: list[tuple[str, str, str, str]] = []
    delegation_cities: set[int] = set()
    facilitator_orgs = np.argsort(-np.bincount(person_org, minlength=n_orgs), kind="stable")[:3]
    for m, meeting_id in enumerate(meeting_ids):
        when = meeting_dates[m]
        place = CITIES[venue[m]][1]
        n_here = int(meeting_starts[m + 1] - meeting_starts[m])

        def source(key: str, section: str, passage: str, meeting_id: str = meeting_id) -> str:
            source_id = f"{meeting_id}-a-{key}"
            source_rows.append((source_id, meeting_id, section, passage))
            return source_id

        title = f"Synthetic report on TWG meeting {m + 1}, {place}, {when:%d %B %Y}"
        src = source("01-title", "Title", title)
        meeting_rows.append(
            (
                meeting_id,
                m + 1,
                title,
                when.isoformat(),
                CITIES[venue[m]][0],
                f"Synthetic event {m + 1}",
                "a synthetic agenda-setting process",
                f"around {n_here} participants (synthetic)",
                "",
                src,
            )
        )
        names = "; ".join(str(org_names[o]) for o in facilitator_orgs)
        src = source("02-facilitators", "Background", f"Co-facilitated by {names} (synthetic).")
        for position, o in enumerate(facilitator_orgs, start=1):
            facilitator_rows.append((meeting_id, org_ids[o], position, org_names[o], src))
        for objective_id, scope, position, label, text in _OBJECTIVES:
            src = source(f"03-objective-{objective_id}", "Objectives", f"The meeting aims {text}.")
            objective_rows.append((meeting_id, objective_id, scope, position, label, text, src))

        # Sessions (2-4), 75 minutes each with 15-minute breaks, and their speakers.
        n_sessions = int(rng.integers(2, 5))
        lo, hi = int(meeting_starts[m]), int(meeting_starts[m + 1])
        n_speakers = rng.integers(3, 9, size=n_sessions)
        pool = lo + rng.permutation(hi - lo)[: int(n_speakers.sum())]
        taken = 0
        for s in range(n_sessions):
            session_id = f"focus-{s + 1}"
            begin = 9 * 60 + s * 90
            session_format = _SESSION_FORMATS[s % len(_SESSION_FORMATS)]
            purpose = f"synthetic purpose of session {s + 1}"
            src = source(
                f"04-session-{s + 1}",
                "Agenda",
                f"Focus {s + 1}: {_SESSION_TITLES[s]} ({session_format}); {purpose}.",
            )
            session_rows.append(
                (
                    meeting_id,
                    session_id,
                    s + 1,
                    _SESSION_TITLES[s],
                    when.isoformat(),
                    f"{begin // 60:02d}:{begin % 60:02d}",
                    f"{(begin + 75) // 60:02d}:{(begin + 75) % 60:02d}",
                    session_format,
                    "stated" if s % 2 == 0 else "inferred: synthetic",
                    f"synthetic rules of the {session_format.lower()} format",
                    purpose,
                    src,
                )
            )
            for position in range(1, int(n_speakers[s]) + 1):
                if taken >= pool.size:
                    break
                row = int(pool[taken])
                taken += 1
                person = int(person_of[row])
                role = (
                    "kick-off presenter"
                    if s == 0
                    else ("moderator" if position == 1 else "discussant")
                )
                stated = ", ".join(
                    p
                    for p in (
                        person_title[person],
                        person_org_name[person],
                        person_city_name[person],
                    )
                    if p
                )
                speaker_source = f"{meeting_id}-s-{s + 1}-{position}"
                speaker_sources.append(
                    (
                        speaker_source,
                        meeting_id,
                        f"Focus {s + 1}",
                        f"{person_names[person]} ({stated or 'no affiliation stated'}) spoke "
                        f"as {role} (synthetic).",
                    )
                )
                speaker_rows.append(
                    (
                        meeting_id,
                        session_id,
                        position,
                        person_ids[person],
                        role,
                        stated,
                        speaker_source,
                    )
                )

        for category in _KEY_POINT_CATEGORIES:
            for position in range(1, int(rng.integers(2, 5)) + 1):
                key_point_id = f"{category}-{position}"
                text = f"Synthetic {category} {position} of meeting {m + 1}: invented text."
                src = source(f"05-{key_point_id}", _KEY_POINT_SECTIONS[category], text)
                key_point_rows.append(
                    (
                        meeting_id,
                        key_point_id,
                        category,
                        position,
                        f"Synthetic {category} {position}",
                        text,
                        src,
                    )
                )
        for framing_id, kind, position, label in _FRAMING:
            text = f"entry points framed by {label} (synthetic)"
            src = source(f"06-{framing_id}", "Entry points", text)
            framing_rows.append((meeting_id, framing_id, kind, position, label, text, src))

        n_delegations = int(rng.integers(5, 16))
        cities_here = rng.choice(len(CITIES), size=n_delegations, replace=False, p=city_p)
        delegation_cities.update(int(c) for c in cities_here)
        listing = ", ".join(CITIES[c][1] for c in cities_here)
        src = source(
            "07-delegations",
            "List of participants",
            f"Delegations of the {NETWORK} joined from {listing}.",
        )
        for position, c in enumerate(cities_here, start=1):
            delegation_rows.append((meeting_id, CITIES[c][0], NETWORK, position, src))

    # The list-of-participants entries: one passage per participant row.
    p_title, p_org_name = person_title[person_of], person_org_name[person_of]
    p_city, p_country = person_city_name[person_of], shown_country[person_of]
    passages = [
        ", ".join(part for part in parts if part)
        for parts in zip(
            person_names[person_of].tolist(),
            p_title.tolist(),
            p_org_name.tolist(),
            p_city.tolist(),
            p_country.tolist(),
            strict=True,
        )
    ]
    entry_rows = zip(
        entry_source,
        mid.tolist(),
        ["List of participants"] * n_rows,
        passages,
        strict=True,
    )
    source_rows.sort()
    write(
        "sources",
        _chain(source_rows, entry_rows, sorted(speaker_sources)),
    )
    write("meetings", meeting_rows)
    write("facilitators", sorted(facilitator_rows, key=lambda r: (r[0], r[1])))
    write("objectives", sorted(objective_rows, key=lambda r: (r[0], r[1])))
    write("sessions", session_rows)
    write("speakers", speaker_rows)
    write("key_points", sorted(key_point_rows, key=lambda r: (r[0], r[1])))
    write("framing", sorted(framing_rows, key=lambda r: (r[0], r[1])))
    write("delegations", sorted(delegation_rows, key=lambda r: (r[0], r[1])))

    write(
        "people",
        zip(
            person_ids.tolist(),
            person_names.tolist(),
            [f"Synth. Person {i:0{pw}d}" if a else "" for i, a in enumerate(has_alias, 1)],
            entry_source_arr[first_row].tolist(),
            strict=True,
        ),
    )
    basis_text = np.array([b[0] for b in bases], dtype=object)
    list_text = np.where(listed, list_number.astype(str).astype(object), "")
    write(
        "participants",
        zip(
            mid.tolist(),
            person_ids[person_of].tolist(),
            list_text.tolist(),
            p_title.tolist(),
            person_unit[person_of].tolist(),
            person_org_id[person_of].tolist(),
            person_city_id[person_of].tolist(),
            person_country[person_of].tolist(),
            basis_text[basis_of[person_of]].tolist(),
            entry_source,
            strict=True,
        ),
    )

    org_source = np.where(
        org_first_row >= 0, entry_source_arr[np.maximum(org_first_row, 0)], reference_source
    )
    write(
        "organizations",
        zip(
            org_ids.tolist(),
            org_names.tolist(),
            [f"SO{i:0{ow}d}" if a else "" for i, a in enumerate(has_acronym, 1)],
            [f"Synth. Org {i:0{ow}d}" if a else "" for i, a in enumerate(has_acronym, 1)],
            np.where(has_parent, org_ids[parent], "").tolist(),
            org_type.tolist(),
            org_community.tolist(),
            ["synthetic: type and community drawn at random"] * n_orgs,
            org_source.tolist(),
            strict=True,
        ),
    )

    # Places: every city named (venues, participants, delegations) and their countries.
    used = set(venue.tolist()) | delegation_cities
    used.update(np.unique(person_city[keep_city]).tolist())
    cities_used = sorted(used, key=lambda c: CITIES[c][0])
    write(
        "cities",
        (
            (
                CITIES[c][0],
                CITIES[c][1],
                "",
                CITIES[c][2],
                CITIES[c][3],
                CITIES[c][4],
                "synthetic data over a real city: country and coordinates curated (city centre)",
                reference_source,
            )
            for c in cities_used
        ),
    )
    iso3_used = {CITIES[c][2] for c in cities_used}
    iso3_used.update(np.unique(city_iso3[person_city[keep_country]]).tolist())
    write(
        "countries",
        (
            (iso3, name, m49, sub_region, intermediate, "no", reference_source)
            for iso3, name, m49, sub_region, intermediate in sorted(COUNTRIES)
            if iso3 in iso3_used and sub_region in sub_regions
        ),
    )
    if "key_point_targets" in TABLES_BY_NAME:
        targets = [row[0] for row in _read_curated("sdg_targets")]
        write(
            "key_point_targets",
            [
                (
                    meeting_id,
                    key_point_id,
                    target,
                    "synthetic: drawn at random",
                    "curation: synthetic data, no reading behind it",
                )
                for meeting_id, key_point_id, *_ in sorted(key_point_rows)
                for target in sorted(
                    rng.choice(targets, size=min(len(targets), 2), replace=False).tolist()
                    if targets
                    else []
                )
            ],
        )
    # A table synth does not know yet stays empty (header only), which is valid.
    for table in TABLES:
        if table.name not in counts:
            counts[table.name] = _write(out_dir, table.name, [], table.column_names)
    return counts


def _chain(*parts: Iterable[Sequence[object]]) -> Iterable[Sequence[object]]:
    for part in parts:
        yield from part


def build_parser(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """Add synth's arguments to parser (the CLI's `synth` subcommand)."""
    parser.add_argument("--meetings", type=int, default=3, help="number of meetings (default 3)")
    parser.add_argument("--people", type=int, default=300, help="number of people (default 300)")
    parser.add_argument("-o", "--output", type=Path, required=True, help="folder to write")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    parser.set_defaults(run=run)
    return parser


def run(args: argparse.Namespace) -> int:
    """The `synth` command: generate, report what was written; exit 2 on a refused request."""
    try:
        counts = generate(args.output, args.meetings, args.people, args.seed)
    except SynthError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    summary = io.StringIO()
    for name, count in counts.items():
        summary.write(f"  {name}: {count:,} rows\n")
    print(f"wrote synthetic data to {args.output}:\n{summary.getvalue()}", end="", file=sys.stderr)
    return 0
