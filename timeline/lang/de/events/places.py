"""Places and institutions in German news: which names are cities, which country a capital or
seat of government stands for, and which prepositions make a name a place.  Pure data (public
geographic facts); :mod:`timeline.events.extract` and :mod:`timeline.merge` use it.

Why it matters for events: "Putin reiste nach Vietnam" and "Putins Besuch in Hanoi" are at the
same place; "Südkorea bestellte den Botschafter ein" and "Seoul hat den Botschafter einbestellt"
name the same actor (the capital stands for its government).  Two different cities of one
country are *not* the same place.
"""

from __future__ import annotations

from typing import Dict

#: A city, seat or metonym (lower case) -> the country (lower case) it lies in or stands for.
COUNTRY_OF: Dict[str, str] = {
    # Europe
    "berlin": "deutschland", "bonn": "deutschland", "paris": "frankreich", "london": "großbritannien",
    "madrid": "spanien", "lissabon": "portugal", "rom": "italien", "wien": "österreich",
    "bern": "schweiz", "brüssel": "belgien", "amsterdam": "niederlande", "den haag": "niederlande",
    "luxemburg": "luxemburg", "kopenhagen": "dänemark", "oslo": "norwegen", "stockholm": "schweden",
    "helsinki": "finnland", "reykjavík": "island", "dublin": "irland", "warschau": "polen",
    "prag": "tschechien", "bratislava": "slowakei", "budapest": "ungarn", "bukarest": "rumänien",
    "sofia": "bulgarien", "athen": "griechenland", "belgrad": "serbien", "zagreb": "kroatien",
    "ljubljana": "slowenien", "sarajevo": "bosnien", "podgorica": "montenegro", "skopje": "nordmazedonien",
    "tirana": "albanien", "pristina": "kosovo", "chișinău": "moldau", "chisinau": "moldau",
    "kiew": "ukraine", "kyjiw": "ukraine", "minsk": "belarus", "moskau": "russland", "kreml": "russland",
    "vilnius": "litauen", "riga": "lettland", "tallinn": "estland", "valletta": "malta",
    "nikosia": "zypern", "ankara": "türkei", "tiflis": "georgien", "eriwan": "armenien", "baku": "aserbaidschan",
    # Asia
    "peking": "china", "beijing": "china", "tokio": "japan", "seoul": "südkorea",
    "pjöngjang": "nordkorea", "pyongyang": "nordkorea", "hanoi": "vietnam", "bangkok": "thailand",
    "jakarta": "indonesien", "manila": "philippinen", "kuala lumpur": "malaysia", "singapur": "singapur",
    "neu-delhi": "indien", "delhi": "indien", "islamabad": "pakistan", "kabul": "afghanistan",
    "teheran": "iran", "bagdad": "irak", "damaskus": "syrien", "beirut": "libanon", "amman": "jordanien",
    "jerusalem": "israel", "riad": "saudi-arabien", "doha": "katar", "abu dhabi": "vereinigte arabische emirate",
    "astana": "kasachstan", "taschkent": "usbekistan", "bischkek": "kirgistan", "duschanbe": "tadschikistan",
    "ulan-bator": "mongolei", "taipeh": "taiwan", "naypyidaw": "myanmar", "dhaka": "bangladesch",
    "colombo": "sri lanka", "kathmandu": "nepal", "phnom penh": "kambodscha", "vientiane": "laos",
    # Africa
    "kairo": "ägypten", "tripolis": "libyen", "tunis": "tunesien", "algier": "algerien", "rabat": "marokko",
    "khartum": "sudan", "addis abeba": "äthiopien", "nairobi": "kenia", "abuja": "nigeria",
    "pretoria": "südafrika", "kinshasa": "kongo", "bamako": "mali", "niamey": "niger",
    "ouagadougou": "burkina faso", "dakar": "senegal", "accra": "ghana",
    # the Americas and Oceania
    "washington": "usa", "weißes haus": "usa", "pentagon": "usa", "ottawa": "kanada",
    "mexiko-stadt": "mexiko", "havanna": "kuba", "caracas": "venezuela", "bogotá": "kolumbien",
    "lima": "peru", "santiago": "chile", "buenos aires": "argentinien", "brasília": "brasilien",
    "brasilia": "brasilien", "canberra": "australien", "wellington": "neuseeland",
}

#: Other names of a country (lower case) -> the name used in :data:`COUNTRY_OF`.
COUNTRY_ALIASES: Dict[str, str] = {
    "vereinigte staaten": "usa", "us": "usa", "amerika": "usa", "großbritannien": "großbritannien",
    "vereinigtes königreich": "großbritannien", "uk": "großbritannien", "england": "großbritannien",
    "republik korea": "südkorea", "korea": "südkorea", "russische föderation": "russland",
    "volksrepublik china": "china", "weißrussland": "belarus", "moldawien": "moldau",
}

#: Prepositions that make the name after them a place ("in Moskau", "nach Vietnam", "aus Kiew").
#: "von" and "mit" are left out: "von Putin empfangen", "mit Macron".
LOCATIVE_PREPOSITIONS = frozenset({"in", "im", "ins", "nach", "aus", "bei", "nahe", "nahe bei"})

#: Institutions that act like a named participant, though taggers see a common noun
#: ("Der Bundestag beschließt ..."): each has one referent in German news.  Generic ones
#: ("die Regierung", "das Parlament") are left out: two articles may mean two governments.
INSTITUTIONS = frozenset({
    "bundestag", "bundesrat", "bundesregierung", "bundeskabinett", "bundesverfassungsgericht",
    "bundesgerichtshof", "bundeswehr", "bundesbank", "bundesversammlung", "kreml",
    "europaparlament", "eu-kommission", "eu-parlament", "uno-sicherheitsrat", "un-sicherheitsrat", "sicherheitsrat",
    "uno-generalversammlung", "un-generalversammlung", "generalversammlung", "repräsentantenhaus",
    "us-senat", "us-kongress", "duma", "staatsduma", "knesset", "ezb",
})


#: The countries of :data:`COUNTRY_OF`, by their usual name ("südkorea", "usa").
COUNTRIES = frozenset(COUNTRY_OF.values())
_PLACE_NAMES = frozenset(COUNTRY_OF) | COUNTRIES | frozenset(COUNTRY_ALIASES)


def is_place(name: str) -> bool:
    """A known city, seat or country ("Astana", "Südkorea", "Vereinigte Staaten")."""
    return name.lower() in _PLACE_NAMES


def is_city(name: str) -> bool:
    """A city or seat of government named in :data:`COUNTRY_OF` ("Moskau", "Astana")."""
    return name.lower() in COUNTRY_OF
