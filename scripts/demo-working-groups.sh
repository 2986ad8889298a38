#!/usr/bin/env bash
# Demo data of the districts module's people and places (working groups, police stations, info boxes,
# recommendations), for the demo cities sokolov, plzen and praha. Meant to be called by demo-districts.sh as its
# last step, after the cities have their district boundaries; safe to rerun (an identical assignment of the person
# who already holds a seat changes nothing, and stations/info boxes/recommendations are looked up by name or text
# before they are created). Needs only bash and curl.
#
# Per city, as city-admin.<city>:
#   - the district that contains the city centre, plus two more districts: a working group of three people each.
#     The centre district's members are the demo logins police-officer.<city>, constable.<city>, councillor.<city>;
#     the other two districts get invented people. Every person is visibly demo: "demo": true and "(demo)" in the
#     name; phone numbers +420 999 …, e-mails @demo.safecity.cz.
#   - one state police station and one info box in the centre district, and one city-wide recommendation (cs).
# Environment: SAFECITY_URL (default http://localhost:8080), KEYCLOAK_URL (default http://localhost:8180);
# DEMO_PRAHA, DEMO_SOKOLOV, DEMO_PLZEN: other city slugs to load into (default praha, sokolov, plzen);
# DEMO_ADMIN: user to act as (default city-admin.<slug>).
set -euo pipefail
api=${SAFECITY_URL:-http://localhost:8080}/api/cities
kc=${KEYCLOAK_URL:-http://localhost:8180}

body=$(mktemp)
trap 'rm -f "$body"' EXIT

token() { # username → access token (public test client safecity-cli, password grant; demo only)
    curl -sS -m 30 -d grant_type=password -d client_id=safecity-cli -d "username=$1" -d password=demo \
        "$kc/realms/safecity/protocol/openid-connect/token" | sed -n 's/.*"access_token" *: *"\([^"]*\)".*/\1/p'
}

call() { # method path token [json] → prints the status; the answer is in $body
    local method=$1 path=$2 tok=$3
    shift 3
    curl -sS -m 60 -o "$body" -w '%{http_code}' -X "$method" "$api/$path" -H "Authorization: Bearer $tok" \
        -H 'Content-Type: application/json' -H 'Accept: application/json' ${1:+--data-binary "$1"}
}

fail() { # what status
    echo "    working groups: $1 answered $2: $(head -c 600 "$body")" >&2
    exit 1
}

urlencode() { # minimal: the characters district codes and texts here use
    printf '%s' "$1" | sed -e 's/%/%25/g' -e 's/ /%20/g' -e 's/&/%26/g' -e 's/+/%2B/g' -e 's/#/%23/g'
}

centre_district() { # city lat lon → code of the district containing the point (empty when none)
    curl -sS -m 60 "$api/$1/districts/locate?lat=$2&lon=$3&geometry=false" \
        | sed -n 's/.*"boundary":{[^}]*},"code":"\([^"]*\)".*/\1/p'
}

other_districts() { # city centre-code → two other district codes in force today
    curl -sS -m 60 "$api/$1/districts" | grep -o '"code":"[^"]*","id":[0-9]*,"name"' \
        | sed 's/"code":"\([^"]*\)".*/\1/' | grep -vxF "$2" | head -n 2
}

member() { # city token code role username displayName title phone email officeHours
    local city=$1 tok=$2 code=$3 role=$4 json status
    json="{\"username\":\"$5\",\"displayName\":\"$6\",\"title\":\"$7\",\"phone\":\"$8\",\"email\":\"$9\","
    json="$json\"officeHours\":\"${10}\",\"demo\":true}"
    status=$(call POST "$city/districts/$(urlencode "$code")/working-group/$role" "$tok" "$json")
    case "$status" in
        201) echo "    working groups: $city/$code $role: $6 assigned" ;;
        200) echo "    working groups: $city/$code $role: $6 already assigned" ;;
        *) fail "POST $city/districts/$code/working-group/$role" "$status" ;;
    esac
}

contact_point() { # city token code kind name address openingHours lon lat
    local city=$1 tok=$2 code=$3 status
    if curl -sS -m 60 "$api/$city/contact-points?district=$(urlencode "$code")" | grep -qF "\"name\":\"$5\""; then
        echo "    working groups: $city/$code $4 '$5' exists"
        return
    fi
    status=$(call POST "$city/contact-points" "$tok" "{\"district\":\"$code\",\"kind\":\"$4\",\"name\":\"$5\",\
\"address\":\"$6\",\"openingHours\":\"$7\",\"lon\":$8,\"lat\":$9}")
    [ "$status" = 201 ] || fail "POST $city/contact-points" "$status"
    echo "    working groups: $city/$code $4 '$5' created"
}

recommendation() { # city token title text
    local city=$1 tok=$2 status
    if curl -sS -m 60 "$api/$city/recommendations?lang=cs" | grep -qF "\"title\":\"$3\""; then
        echo "    working groups: $city recommendation '$3' exists"
        return
    fi
    status=$(call POST "$city/recommendations" "$tok" "{\"locale\":\"cs\",\"title\":\"$3\",\"text\":\"$4\"}")
    [ "$status" = 201 ] || fail "POST $city/recommendations" "$status"
    echo "    working groups: $city recommendation '$3' created"
}

city() { # slug name lat lon stationName stationAddress infoBoxName infoBoxAddress infoBoxLat infoBoxLon
    local slug=$1 name=$2 lat=$3 lon=$4 tok centre others n code
    tok=$(token "${DEMO_ADMIN:-city-admin.$slug}")
    [ -n "$tok" ] || { echo "    working groups: no token for ${DEMO_ADMIN:-city-admin.$slug}" >&2; exit 1; }
    centre=$(centre_district "$slug" "$lat" "$lon")
    if [ -z "$centre" ]; then
        echo "    working groups: $slug has no district at its centre ($lat, $lon); skipped" >&2
        return
    fi
    # the centre district: the demo logins of the city's roles
    member "$slug" "$tok" "$centre" police-officer "police-officer.$slug" "Jan Novák (demo)" "nprap." \
        "+420 999 100 101" "jan.novak.$slug@demo.safecity.cz" "Po 14–17 h, obvodní oddělení $name (demo)"
    member "$slug" "$tok" "$centre" constable "constable.$slug" "Petr Svoboda (demo)" "str." \
        "+420 999 100 102" "petr.svoboda.$slug@demo.safecity.cz" "St 9–12 h, služebna městské policie (demo)"
    member "$slug" "$tok" "$centre" councillor "councillor.$slug" "Mgr. Eva Dvořáková (demo)" "zastupitelka" \
        "+420 999 100 103" "eva.dvorakova.$slug@demo.safecity.cz" "Po 16–18 h, radnice, po domluvě (demo)"
    # two more districts: invented people
    others=$(other_districts "$slug" "$centre")
    n=0
    for code in $others; do
        n=$((n + 1))
        if [ "$n" = 1 ]; then
            member "$slug" "$tok" "$code" police-officer "demo.tomas.prochazka.$slug" "Tomáš Procházka (demo)" \
                "pprap." "+420 999 100 201" "tomas.prochazka.$slug@demo.safecity.cz" "Út 13–16 h (demo)"
            member "$slug" "$tok" "$code" constable "demo.lukas.vesely.$slug" "Lukáš Veselý (demo)" "str." \
                "+420 999 100 202" "lukas.vesely.$slug@demo.safecity.cz" "Čt 8–11 h (demo)"
            member "$slug" "$tok" "$code" councillor "demo.lenka.markova.$slug" "Ing. Lenka Marková (demo)" \
                "zastupitelka" "+420 999 100 203" "lenka.markova.$slug@demo.safecity.cz" "po domluvě (demo)"
        else
            member "$slug" "$tok" "$code" police-officer "demo.martin.kucera.$slug" "Martin Kučera (demo)" \
                "nprap." "+420 999 100 301" "martin.kucera.$slug@demo.safecity.cz" "Po 8–11 h (demo)"
            member "$slug" "$tok" "$code" constable "demo.jakub.horak.$slug" "Jakub Horák (demo)" "str." \
                "+420 999 100 302" "jakub.horak.$slug@demo.safecity.cz" "Pá 9–12 h (demo)"
            member "$slug" "$tok" "$code" councillor "demo.jana.cerna.$slug" "Jana Černá (demo)" "zastupitelka" \
                "+420 999 100 303" "jana.cerna.$slug@demo.safecity.cz" "St 16–18 h (demo)"
        fi
    done
    contact_point "$slug" "$tok" "$centre" police-station-state "$5" "$6" "nonstop (demo)" "$lon" "$lat"
    contact_point "$slug" "$tok" "$centre" info-box "$7" "$8" "vybírá se každé pondělí (demo)" "${10}" "$9"
    recommendation "$slug" "$tok" "Kolo a auto (demo)" \
        "Kolo zamykejte k pevnému stojanu a v autě nenechávejte nic na očích. Podezřelé chování hlaste na 156 (městská policie) nebo 158 (Policie ČR). (demo)"
}

# slug, name, centre lat/lon (WGS84; the police station stands there), station name and address, info-box name,
# address and lat/lon
city "${DEMO_SOKOLOV:-sokolov}" "Sokolov" 50.1811 12.6395 \
    "Obvodní oddělení PČR Sokolov (demo)" "Jednoty 1773, Sokolov (demo)" \
    "Info-schránka náměstí Budovatelů (demo)" "náměstí Budovatelů, Sokolov (demo)" 50.1808 12.6402
city "${DEMO_PLZEN:-plzen}" "Plzeň" 49.7475 13.3776 \
    "Obvodní oddělení PČR Plzeň-střed (demo)" "Perlová 3, Plzeň (demo)" \
    "Info-schránka náměstí Republiky (demo)" "náměstí Republiky, Plzeň (demo)" 49.7471 13.3784
city "${DEMO_PRAHA:-praha}" "Praha" 50.0875 14.4213 \
    "Obvodní oddělení PČR Staré Město (demo)" "Bartolomějská 14, Praha 1 (demo)" \
    "Info-schránka Staroměstské náměstí (demo)" "Staroměstské náměstí, Praha 1 (demo)" 50.0872 14.4207
