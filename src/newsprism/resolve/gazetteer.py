"""Countries with their other names, capitals, seats of government and demonyms.

A plain data table (parsed once into a ``Gazetteer`` by ``load_gazetteer``): it lets entity
resolution say that "U.S." and "America" name the United States, and that Moscow, the
Kremlin and "Russian" officials act for Russia. Keys are folded with ``names.fold``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

# name | other names | capital(s) | seats of government / metonyms | demonyms (adjective, plural)
_TABLE = """
Afghanistan||Kabul||Afghan,Afghans
Albania||Tirana||Albanian,Albanians
Algeria||Algiers||Algerian,Algerians
Argentina||Buenos Aires|Casa Rosada|Argentine,Argentinian,Argentines,Argentinians
Armenia||Yerevan||Armenian,Armenians
Australia||Canberra||Australian,Australians
Austria||Vienna||Austrian,Austrians
Azerbaijan||Baku||Azerbaijani,Azerbaijanis
Bahrain||Manama||Bahraini,Bahrainis
Bangladesh||Dhaka||Bangladeshi,Bangladeshis
Belarus||Minsk||Belarusian,Belarusians
Belgium||Brussels||Belgian,Belgians
Bolivia||La Paz,Sucre||Bolivian,Bolivians
Bosnia and Herzegovina|Bosnia|Sarajevo||Bosnian,Bosnians
Brazil||Brasilia|Planalto|Brazilian,Brazilians
Bulgaria||Sofia||Bulgarian,Bulgarians
Cambodia||Phnom Penh||Cambodian,Cambodians
Cameroon||Yaounde||Cameroonian,Cameroonians
Canada||Ottawa|Parliament Hill|Canadian,Canadians
Chile||Santiago|La Moneda|Chilean,Chileans
China|People's Republic of China,PRC|Beijing,Peking|Zhongnanhai|Chinese
Colombia||Bogota||Colombian,Colombians
Croatia||Zagreb||Croatian,Croatians,Croat,Croats
Cuba||Havana||Cuban,Cubans
Cyprus||Nicosia||Cypriot,Cypriots
Czech Republic|Czechia|Prague||Czech,Czechs
Democratic Republic of the Congo|DRC,DR Congo|Kinshasa||Congolese
Denmark||Copenhagen||Danish,Dane,Danes
Ecuador||Quito||Ecuadorian,Ecuadorians
Egypt||Cairo||Egyptian,Egyptians
Eritrea||Asmara||Eritrean,Eritreans
Estonia||Tallinn||Estonian,Estonians
Ethiopia||Addis Ababa||Ethiopian,Ethiopians
Finland||Helsinki||Finnish,Finn,Finns
France||Paris|Elysee,Elysee Palace,Quai d'Orsay|French,Frenchman,Frenchmen
Georgia||Tbilisi||Georgian,Georgians
Germany||Berlin|Bundestag,Chancellery|German,Germans
Ghana||Accra||Ghanaian,Ghanaians
Greece||Athens||Greek,Greeks
Haiti||Port-au-Prince||Haitian,Haitians
Hungary||Budapest||Hungarian,Hungarians
Iceland||Reykjavik||Icelandic,Icelander,Icelanders
India||New Delhi|South Block|Indian,Indians
Indonesia||Jakarta||Indonesian,Indonesians
Iran|Islamic Republic of Iran|Tehran,Teheran||Iranian,Iranians
Iraq||Baghdad||Iraqi,Iraqis
Ireland|Republic of Ireland,Eire|Dublin||Irish
Israel||Jerusalem|Knesset|Israeli,Israelis
Italy||Rome|Palazzo Chigi|Italian,Italians
Japan||Tokyo||Japanese
Jordan||Amman||Jordanian,Jordanians
Kazakhstan||Astana||Kazakh,Kazakhs,Kazakhstani
Kenya||Nairobi||Kenyan,Kenyans
Kosovo||Pristina||Kosovar,Kosovars
Kuwait||Kuwait City||Kuwaiti,Kuwaitis
Lebanon||Beirut||Lebanese
Libya||Tripoli||Libyan,Libyans
Lithuania||Vilnius||Lithuanian,Lithuanians
Latvia||Riga||Latvian,Latvians
Malaysia||Kuala Lumpur||Malaysian,Malaysians
Mali||Bamako||Malian,Malians
Mexico||Mexico City|Los Pinos|Mexican,Mexicans
Moldova||Chisinau||Moldovan,Moldovans
Morocco||Rabat||Moroccan,Moroccans
Myanmar|Burma|Naypyidaw,Naypyitaw||Burmese,Myanmar
Nepal||Kathmandu||Nepali,Nepalese
Netherlands|Holland,The Netherlands|Amsterdam,The Hague||Dutch,Dutchman
New Zealand||Wellington|Beehive|New Zealander,New Zealanders
Nicaragua||Managua||Nicaraguan,Nicaraguans
Niger||Niamey||Nigerien,Nigeriens
Nigeria||Abuja||Nigerian,Nigerians
North Korea|DPRK,Democratic People's Republic of Korea|Pyongyang||North Korean,North Koreans
Norway||Oslo||Norwegian,Norwegians
Oman||Muscat||Omani,Omanis
Pakistan||Islamabad||Pakistani,Pakistanis
Palestine|Palestinian territories,State of Palestine|Ramallah||Palestinian,Palestinians
Peru||Lima||Peruvian,Peruvians
Philippines|The Philippines|Manila|Malacanang|Filipino,Filipinos,Philippine
Poland||Warsaw||Polish,Pole,Poles
Portugal||Lisbon||Portuguese
Qatar||Doha||Qatari,Qataris
Romania||Bucharest||Romanian,Romanians
Russia|Russian Federation|Moscow|Kremlin|Russian,Russians
Rwanda||Kigali||Rwandan,Rwandans
Saudi Arabia|Saudi,KSA|Riyadh||Saudi,Saudis,Saudi Arabian
Serbia||Belgrade||Serbian,Serbians,Serb,Serbs
Singapore||||Singaporean,Singaporeans
Slovakia||Bratislava||Slovak,Slovaks
Slovenia||Ljubljana||Slovenian,Slovenians,Slovene
Somalia||Mogadishu||Somali,Somalis
South Africa||Pretoria,Cape Town|Union Buildings|South African,South Africans
South Korea|Republic of Korea,ROK|Seoul|Blue House|South Korean,South Koreans
South Sudan||Juba||South Sudanese
Spain||Madrid|Moncloa|Spanish,Spaniard,Spaniards
Sri Lanka||Colombo||Sri Lankan,Sri Lankans
Sudan||Khartoum||Sudanese
Sweden||Stockholm||Swedish,Swede,Swedes
Switzerland||Bern,Berne||Swiss
Syria|Syrian Arab Republic|Damascus||Syrian,Syrians
Taiwan|Republic of China|Taipei||Taiwanese
Thailand||Bangkok||Thai,Thais
Tunisia||Tunis||Tunisian,Tunisians
Turkey|Turkiye|Ankara||Turkish,Turk,Turks
Uganda||Kampala||Ugandan,Ugandans
Ukraine||Kyiv,Kiev||Ukrainian,Ukrainians
United Arab Emirates|UAE,Emirates|Abu Dhabi||Emirati,Emiratis
United Kingdom|UK,U.K.,Britain,Great Britain|London|Downing Street,Whitehall,Number 10|British,Briton,Britons
United States|United States of America,US,U.S.,USA,U.S.A.,America|Washington,Washington D.C.|White House,Pentagon,Capitol Hill|American,Americans
Uruguay||Montevideo||Uruguayan,Uruguayans
Uzbekistan||Tashkent||Uzbek,Uzbeks
Vatican|Holy See,Vatican City|||
Venezuela||Caracas|Miraflores|Venezuelan,Venezuelans
Vietnam|Viet Nam|Hanoi||Vietnamese
Yemen||Sanaa||Yemeni,Yemenis
Zimbabwe||Harare||Zimbabwean,Zimbabweans
"""


@dataclass(slots=True)
class Country:
    name: str
    capitals: list[str] = field(default_factory=list)
    seats: list[str] = field(default_factory=list)
    demonym: str = ""  # adjective form, e.g. "Russian"


@dataclass(slots=True)
class Gazetteer:
    """Folded key -> country name, by role of the key."""

    countries: dict[str, Country] = field(default_factory=dict)  # country name -> record
    names: dict[str, str] = field(default_factory=dict)  # country name or alias -> country
    capitals: dict[str, str] = field(default_factory=dict)  # capital -> country
    seats: dict[str, str] = field(default_factory=dict)  # seat of government -> country
    demonyms: dict[str, str] = field(default_factory=dict)  # demonym -> country

    def country_name(self, key: str) -> str:
        """The country a folded country name or alias names (KeyError if none)."""
        return self.names[_drop_the(key)]

    def country_of(self, key: str) -> tuple[str, str] | None:
        """(relation, country) for a folded key: relation is name|capital|seat|demonym."""
        key = _drop_the(key)
        for relation, table in (
            ("name", self.names),
            ("capital", self.capitals),
            ("seat", self.seats),
            ("demonym", self.demonyms),
        ):
            country = table.get(key)
            if country is not None:
                return relation, country
        return None


def load_gazetteer(fold: Callable[[str], str]) -> Gazetteer:
    """Parse the table; ``fold`` turns a surface string into the lookup key."""
    gaz = Gazetteer()
    for line in _TABLE.strip().splitlines():
        name, others, capitals, seats, demonyms = (part.strip() for part in line.split("|"))

        def split(cell: str) -> list[str]:
            return [x.strip() for x in cell.split(",") if x.strip()]

        country = Country(name, split(capitals), split(seats), (split(demonyms) or [""])[0])
        gaz.countries[name] = country
        for alias in [name, *split(others)]:
            gaz.names.setdefault(_drop_the(fold(alias)), name)
        for capital in country.capitals:
            gaz.capitals.setdefault(_drop_the(fold(capital)), name)
        for seat in country.seats:
            gaz.seats.setdefault(_drop_the(fold(seat)), name)
        for demonym in split(demonyms):
            gaz.demonyms.setdefault(_drop_the(fold(demonym)), name)
    return gaz


def _drop_the(key: str) -> str:
    """Keys are looked up without "the": "Democratic Republic of (the) Congo"."""
    return " ".join(t for t in key.split() if t != "the") or key
