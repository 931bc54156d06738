"""World knowledge for entity linking: the world's countries and capitals.

Countries: one line per country, its common English short name first, then the
other names the news uses for the same country (official names, initialisms,
older or local short forms). Names that could mean two countries ("Congo",
"Korea") or a country and something else ("CAR", "Emirates", "Georgia" the US
state is still "Georgia", so it has no other name here) are left out: a
missed merge is cheaper than a wrong one.

Capitals (and a few of their spellings) only say "this is a place" when the
tagger disagrees with itself; they never merge two names.
"""

from __future__ import annotations

from functools import lru_cache

from .names import fold

_COUNTRIES = """
Afghanistan; Islamic Republic of Afghanistan; Islamic Emirate of Afghanistan
Albania; Republic of Albania
Algeria; People's Democratic Republic of Algeria
Andorra; Principality of Andorra
Angola; Republic of Angola
Antigua and Barbuda
Argentina; Argentine Republic
Armenia; Republic of Armenia
Australia; Commonwealth of Australia
Austria; Republic of Austria
Azerbaijan; Republic of Azerbaijan
Bahamas; Commonwealth of the Bahamas
Bahrain; Kingdom of Bahrain
Bangladesh; People's Republic of Bangladesh
Barbados
Belarus; Republic of Belarus; Byelorussia
Belgium; Kingdom of Belgium
Belize
Benin; Republic of Benin
Bhutan; Kingdom of Bhutan
Bolivia; Plurinational State of Bolivia
Bosnia and Herzegovina; Bosnia-Herzegovina; Bosnia; BiH
Botswana; Republic of Botswana
Brazil; Federative Republic of Brazil
Brunei; Brunei Darussalam
Bulgaria; Republic of Bulgaria
Burkina Faso
Burundi; Republic of Burundi
Cambodia; Kingdom of Cambodia
Cameroon; Republic of Cameroon
Canada
Cape Verde; Cabo Verde; Republic of Cabo Verde
Central African Republic
Chad; Republic of Chad
Chile; Republic of Chile
China; People's Republic of China; PRC; Mainland China
Colombia; Republic of Colombia
Comoros; Union of the Comoros
Costa Rica; Republic of Costa Rica
Croatia; Republic of Croatia
Cuba; Republic of Cuba
Cyprus; Republic of Cyprus
Czech Republic; Czechia
Democratic Republic of the Congo; Democratic Republic of Congo; DR Congo; DRC; Congo-Kinshasa
Denmark; Kingdom of Denmark
Djibouti; Republic of Djibouti
Dominica; Commonwealth of Dominica
Dominican Republic
East Timor; Timor-Leste; Democratic Republic of Timor-Leste
Ecuador; Republic of Ecuador
Egypt; Arab Republic of Egypt
El Salvador; Republic of El Salvador
Equatorial Guinea; Republic of Equatorial Guinea
Eritrea; State of Eritrea
Estonia; Republic of Estonia
Eswatini; Swaziland; Kingdom of Eswatini
Ethiopia; Federal Democratic Republic of Ethiopia
Fiji; Republic of Fiji
Finland; Republic of Finland
France; French Republic
Gabon; Gabonese Republic
Gambia; Republic of the Gambia
Georgia
Germany; Federal Republic of Germany
Ghana; Republic of Ghana
Greece; Hellenic Republic
Grenada
Guatemala; Republic of Guatemala
Guinea; Republic of Guinea
Guinea-Bissau; Republic of Guinea-Bissau
Guyana; Co-operative Republic of Guyana
Haiti; Republic of Haiti
Honduras; Republic of Honduras
Hungary
Iceland
India; Republic of India
Indonesia; Republic of Indonesia
Iran; Islamic Republic of Iran
Iraq; Republic of Iraq
Ireland; Republic of Ireland; Eire
Israel; State of Israel
Italy; Italian Republic
Ivory Coast; Cote d'Ivoire; Republic of Cote d'Ivoire
Jamaica
Japan
Jordan; Hashemite Kingdom of Jordan
Kazakhstan; Republic of Kazakhstan
Kenya; Republic of Kenya
Kiribati
Kosovo; Republic of Kosovo
Kuwait; State of Kuwait
Kyrgyzstan; Kyrgyz Republic
Laos; Lao PDR; Lao People's Democratic Republic
Latvia; Republic of Latvia
Lebanon; Lebanese Republic
Lesotho; Kingdom of Lesotho
Liberia; Republic of Liberia
Libya; State of Libya
Liechtenstein; Principality of Liechtenstein
Lithuania; Republic of Lithuania
Luxembourg; Grand Duchy of Luxembourg
Madagascar; Republic of Madagascar
Malawi; Republic of Malawi
Malaysia
Maldives; Republic of Maldives
Mali; Republic of Mali
Malta; Republic of Malta
Marshall Islands; Republic of the Marshall Islands
Mauritania; Islamic Republic of Mauritania
Mauritius; Republic of Mauritius
Mexico; United Mexican States
Micronesia; Federated States of Micronesia
Moldova; Republic of Moldova
Monaco; Principality of Monaco
Mongolia
Montenegro
Morocco; Kingdom of Morocco
Mozambique; Republic of Mozambique
Myanmar; Burma; Republic of the Union of Myanmar
Namibia; Republic of Namibia
Nauru; Republic of Nauru
Nepal
Netherlands; Holland; Kingdom of the Netherlands
New Zealand; NZ
Nicaragua; Republic of Nicaragua
Niger; Republic of Niger
Nigeria; Federal Republic of Nigeria
North Korea; DPRK; Democratic People's Republic of Korea
North Macedonia; Macedonia; Republic of North Macedonia
Norway; Kingdom of Norway
Oman; Sultanate of Oman
Pakistan; Islamic Republic of Pakistan
Palau; Republic of Palau
Palestine; State of Palestine
Panama; Republic of Panama
Papua New Guinea; PNG
Paraguay; Republic of Paraguay
Peru; Republic of Peru
Philippines; Republic of the Philippines
Poland; Republic of Poland
Portugal; Portuguese Republic
Qatar; State of Qatar
Republic of the Congo; Republic of Congo; Congo-Brazzaville
Romania
Russia; Russian Federation
Rwanda; Republic of Rwanda
Saint Kitts and Nevis; St Kitts and Nevis
Saint Lucia; St Lucia
Saint Vincent and the Grenadines; St Vincent and the Grenadines
Samoa; Independent State of Samoa
San Marino; Republic of San Marino
Sao Tome and Principe
Saudi Arabia; Kingdom of Saudi Arabia; KSA
Senegal; Republic of Senegal
Serbia; Republic of Serbia
Seychelles; Republic of Seychelles
Sierra Leone; Republic of Sierra Leone
Singapore; Republic of Singapore
Slovakia; Slovak Republic
Slovenia; Republic of Slovenia
Solomon Islands
Somalia; Federal Republic of Somalia
South Africa; Republic of South Africa
South Korea; Republic of Korea; ROK
South Sudan; Republic of South Sudan
Spain; Kingdom of Spain
Sri Lanka; Democratic Socialist Republic of Sri Lanka
Sudan; Republic of the Sudan
Suriname; Republic of Suriname
Sweden; Kingdom of Sweden
Switzerland; Swiss Confederation
Syria; Syrian Arab Republic
Taiwan
Tajikistan; Republic of Tajikistan
Tanzania; United Republic of Tanzania
Thailand; Kingdom of Thailand
Togo; Togolese Republic
Tonga; Kingdom of Tonga
Trinidad and Tobago; Republic of Trinidad and Tobago
Tunisia; Republic of Tunisia
Turkey; Turkiye; Republic of Turkey; Republic of Turkiye
Turkmenistan
Tuvalu
Uganda; Republic of Uganda
Ukraine
United Arab Emirates; UAE
United Kingdom; UK; Britain; Great Britain; United Kingdom of Great Britain and Northern Ireland
United States; US; USA; United States of America; America
Uruguay; Oriental Republic of Uruguay
Uzbekistan; Republic of Uzbekistan
Vanuatu; Republic of Vanuatu
Vatican City; Vatican; Holy See
Venezuela; Bolivarian Republic of Venezuela
Vietnam; Viet Nam; Socialist Republic of Vietnam
Yemen; Republic of Yemen
Zambia; Republic of Zambia
Zimbabwe; Republic of Zimbabwe
Soviet Union; USSR
England
Scotland
Wales
Northern Ireland
"""

_CAPITALS = """
Kabul Tirana Algiers Andorra-la-Vella Luanda Yerevan Canberra Vienna Baku Nassau Manama Dhaka
Bridgetown Minsk Brussels Belmopan Porto-Novo Thimphu Sucre La-Paz Sarajevo Gaborone Brasilia
Sofia Ouagadougou Gitega Bujumbura Phnom-Penh Yaounde Ottawa Praia Bangui N'Djamena Beijing
Bogota Moroni San-Jose Zagreb Havana Nicosia Prague Kinshasa Copenhagen Roseau Santo-Domingo
Dili Quito Cairo San-Salvador Malabo Asmara Tallinn Mbabane Addis-Ababa Suva Helsinki Paris
Libreville Banjul Tbilisi Berlin Accra Athens Guatemala-City Conakry Bissau Georgetown
Port-au-Prince Tegucigalpa Budapest Reykjavik New-Delhi Jakarta Tehran Baghdad Dublin Jerusalem
Rome Yamoussoukro Abidjan Kingston Tokyo Amman Astana Nairobi Tarawa Pristina Kuwait-City
Bishkek Vientiane Riga Beirut Maseru Monrovia Tripoli Vaduz Vilnius Antananarivo Lilongwe
Kuala-Lumpur Bamako Valletta Majuro Nouakchott Port-Louis Mexico-City Chisinau Ulaanbaatar
Podgorica Rabat Maputo Naypyidaw Rangoon Yangon Windhoek Kathmandu Amsterdam The-Hague Wellington
Managua Niamey Abuja Pyongyang Skopje Oslo Muscat Islamabad Ngerulmud Ramallah Panama-City
Port-Moresby Asuncion Lima Manila Warsaw Lisbon Doha Brazzaville Bucharest Moscow Kigali
Basseterre Castries Kingstown Apia Dakar Belgrade Freetown Bratislava Ljubljana Honiara
Mogadishu Pretoria Cape-Town Seoul Juba Madrid Colombo Khartoum Paramaribo Stockholm Bern
Damascus Taipei Dushanbe Dodoma Bangkok Lome Nuku'alofa Port-of-Spain Tunis Ankara Ashgabat
Funafuti Kampala Kyiv Kiev Abu-Dhabi London Washington Montevideo Tashkent Port-Vila Caracas
Hanoi Sanaa Lusaka Harare Edinburgh Cardiff Belfast
"""


def _table() -> dict[str, str]:
    out: dict[str, str] = {}
    for line in _COUNTRIES.strip().splitlines():
        names = [n.strip() for n in line.split(";")]
        canonical = fold(names[0])
        for name in names:
            out[fold(name)] = canonical
    return out


_COUNTRY_OF = _table()
_CAPITAL_KEYS = frozenset(fold(c.replace("-", " ")) for c in _CAPITALS.split())
_PLACES = frozenset(_COUNTRY_OF) | _CAPITAL_KEYS
# Longest country names first, so "united states of america x" strips the whole name.
_PREFIX_LENGTHS = sorted({len(k.split()) for k in _COUNTRY_OF}, reverse=True)


def country_of(key: str) -> str | None:
    """The canonical folded name of the country ``key`` (a ``fold`` key) names, if any."""
    return _COUNTRY_OF.get(key)


def is_place(key: str) -> bool:
    """A known country or capital city (``fold`` key)."""
    return key in _PLACES


@lru_cache(maxsize=65536)
def split_country_prefix(key: str) -> tuple[str, str] | None:
    """``"us centers for disease control"`` → ``("united states", "centers for disease control")``."""
    words = key.split()
    for n in _PREFIX_LENGTHS:
        if n < len(words):
            country = _COUNTRY_OF.get(" ".join(words[:n]))
            if country is not None:
                return country, " ".join(words[n:])
    return None


# Web platforms that posts are made "on": the small tagger calls them people (they
# "say", they have users), and a story of a disaster or an uprising names them often
# (egypt: "Twitter" PERSON, 143 mentions, a top-30 actor). ``fold`` keys.
_PLATFORMS = frozenset(
    """twitter facebook youtube instagram flickr myspace tumblr reddit linkedin whatsapp
    telegram weibo wechat tiktok snapchat wikipedia""".split()
)


def is_platform(key: str) -> bool:
    """A known web platform (``fold`` key): an organisation, whatever the tagger says."""
    return key in _PLATFORMS


# Demonyms whose country is not their stem with a common ending (``country_of_demonym``
# finds "Libyan", "Iraqi", "Egyptian", "Chinese", "Turkish", "Mexican" by rule).
_IRREGULAR_DEMONYMS = {
    "american": "united states", "british": "united kingdom", "briton": "united kingdom",
    "english": "england", "scottish": "scotland", "scots": "scotland", "welsh": "wales",
    "irish": "ireland", "french": "france", "dutch": "netherlands", "swiss": "switzerland",
    "greek": "greece", "spanish": "spain", "polish": "poland", "swedish": "sweden",
    "danish": "denmark", "norwegian": "norway", "finnish": "finland", "thai": "thailand",
    "afghan": "afghanistan", "lebanese": "lebanon", "filipino": "philippines",
    "emirati": "united arab emirates", "peruvian": "peru", "portuguese": "portugal",
    "vietnamese": "vietnam", "burmese": "myanmar", "belgian": "belgium", "czech": "czech republic",
    "saudi": "saudi arabia", "kiwi": "new zealand", "israeli": "israel", "soviet": "soviet union",
    "argentine": "argentina", "dominican": "dominican republic", "malagasy": "madagascar",
    "congolese": "democratic republic of the congo",
}  # fmt: skip
# (ending to strip, what to put back): "Libyan" -> "Libya", "Egyptian" -> "Egypt",
# "Chinese" -> "China", "Italian" -> "Italy", "Ukrainian" -> "Ukraine", "German" -> "Germany".
_DEMONYM_ENDINGS = (
    ("n", ""), ("i", ""), ("ian", ""), ("an", ""), ("an", "o"), ("ese", ""), ("ese", "a"),
    ("ish", "ey"), ("ian", "y"), ("ian", "e"), ("ian", "a"), ("i", "a"), ("i", "ia"), ("n", "ny"),
    ("ic", ""),
)  # fmt: skip


@lru_cache(maxsize=4096)
def country_of_demonym(key: str) -> str | None:
    """The canonical folded country name a demonym (``fold`` key, singular or plural:
    "libyan", "syrians", "iraqi") belongs to, if it is a known country's."""
    words = [key[:-1]] if key.endswith("s") and not key.endswith(("ss", "ese")) else []
    for word in (key, *words):
        if word in _IRREGULAR_DEMONYMS:
            return _IRREGULAR_DEMONYMS[word]
        for ending, stem_end in _DEMONYM_ENDINGS:
            if word.endswith(ending) and len(word) - len(ending) >= 4:
                country = _COUNTRY_OF.get(word[: len(word) - len(ending)] + stem_end)
                if country is not None:
                    return country
    return None
