#!/usr/bin/env bash
# Demo data of the events module for the demo cities sokolov and plzen, loaded through the public API (called by
# scripts/demo-data.sh; safe to rerun: bodies come from the seed templates, which keep existing ones, and every other
# item is looked up by its "(demo)" title before it is created). Needs only bash and curl.
#
# Per city, as city-admin.<city>:
#   - the seed cadences (Sokolov: narrow group every 14 days, broad group monthly, commission every 2 months;
#     Plzeň: borough groups every 14 days, city hall monthly, commissions monthly at both levels), first meetings in
#     September 2026, so that some are in the past; an expert working group with members from named institutions;
#   - two past meetings of the first body marked held, with agenda, attendance, published minutes and a decision;
#   - a measure with an effectiveness review, and an overdue one;
#   - a public meeting in district 1 with three registrations (one volunteer);
#   - a public-order plan for a town festival with officers and a checklist;
#   - prevention projects per target group with activities.
# Every person and item is marked "(demo)"; e-mails @demo.safecity.cz.
# Environment: SAFECITY_URL (default http://localhost:8080), KEYCLOAK_URL (default http://localhost:8180).
set -euo pipefail
api=${SAFECITY_URL:-http://localhost:8080}/api/cities
kc=${KEYCLOAK_URL:-http://localhost:8180}

body=$(mktemp)
trap 'rm -f "$body"' EXIT

token() { # username → access token (public test client safecity-cli, password grant; demo only)
    curl -sS -m 30 -d grant_type=password -d client_id=safecity-cli -d "username=$1" -d password=demo \
        "$kc/realms/safecity/protocol/openid-connect/token" | sed -n 's/.*"access_token" *: *"\([^"]*\)".*/\1/p'
}

call() { # method path token [json] → prints the status; the answer is in $body (empty token: anonymous)
    local method=$1 path=$2 tok=$3
    shift 3
    curl -sS -m 60 -o "$body" -w '%{http_code}' -X "$method" "$api/$path" ${tok:+-H "Authorization: Bearer $tok"} \
        -H 'Content-Type: application/json' -H 'Accept: application/json' ${1:+--data-binary "$1"}
}

expect() { # what status allowed...
    local what=$1 status=$2
    shift 2
    for ok in "$@"; do
        [ "$status" = "$ok" ] && return 0
    done
    echo "    events: $what answered $status: $(head -c 600 "$body")" >&2
    exit 1
}

has() { # path text → true when GET path (public or with $tok) contains text
    curl -sS -m 60 "$api/$1" -H "Authorization: Bearer $tok" | grep -qF "$2"
}

first_id() { # → the first "id" in $body
    grep -o '"id":[0-9]*' "$body" | head -n 1 | cut -d: -f2
}

load() { # city template
    local city=$1 template=$2 status body_id rid measure pm
    tok=$(token "city-admin.$city")
    [ -n "$tok" ] || { echo "    events: no token for city-admin.$city" >&2; exit 1; }
    status=$(call POST "$city/bodies/seed" "$tok" "{\"template\":\"$template\",\"start\":\"2026-09-03\",\"time\":\"17:00\"}")
    expect "seed $template" "$status" 201
    body_id=$(first_id)

    if ! has "$city/bodies" "Odborná pracovní skupina (demo)"; then
        status=$(call POST "$city/bodies" "$tok" '{"kind":"expert-group","name":"Odborná pracovní skupina (demo)",
          "scope":"city","series":{"rrule":"FREQ=MONTHLY;INTERVAL=3;BYDAY=1WE","start":"2026-10-07T15:00",
          "durationMinutes":120,"location":"Městský úřad, zasedací místnost (demo)"},"members":[
          {"name":"Jana Horáková (demo)","role":"chair","institution":"Městský úřad"},
          {"name":"Petr Král (demo)","role":"member","institution":"Policie ČR"},
          {"name":"Tomáš Malý (demo)","role":"member","institution":"Městská policie"},
          {"name":"Lucie Černá (demo)","role":"member","institution":"Probační a mediační služba"},
          {"name":"Eva Bílá (demo)","role":"member","institution":"Intervenční centrum"},
          {"name":"MUDr. Karel Dvořák (demo)","role":"member","institution":"lékař"},
          {"name":"Marie Nová (demo)","role":"member","institution":"Státní zastupitelství"},
          {"name":"Ondřej Veselý (demo)","role":"member","institution":"Cizinecká policie"},
          {"name":"Anna Zelená (demo)","role":"member","institution":"NNO Člověk v tísni"}]}')
        expect "expert group" "$status" 201
    fi

    # two past meetings of the first seeded body (every 14 days from 3 Sep 2026), held, with content
    for rid in 2026-09-03T17:00 2026-09-17T17:00; do
        if ! has "$city/bodies/$body_id/occurrences/$rid" '"agenda":[{'; then
            status=$(call POST "$city/bodies/$body_id/occurrences/$rid/agenda" "$tok" \
                '{"title":"Rizikové místo: podchod u nádraží (demo)","description":"Stížnosti občanů na tmu"}')
            expect "agenda $rid" "$status" 201
            status=$(call PUT "$city/bodies/$body_id/occurrences/$rid/attendance" "$tok" '{"people":[
              {"name":"Petr Král (demo)","role":"policista","institution":"Policie ČR"},
              {"name":"Tomáš Malý (demo)","role":"strážník","institution":"Městská policie"},
              {"name":"Jana Horáková (demo)","role":"zastupitelka","institution":"Zastupitelstvo","present":false}]}')
            expect "attendance $rid" "$status" 200
            status=$(call PUT "$city/bodies/$body_id/occurrences/$rid/minutes" "$tok" \
                '{"text":"Zápis (demo): projednáno osvětlení podchodu, zadáno opatření.","published":true}')
            expect "minutes $rid" "$status" 200
            status=$(call POST "$city/bodies/$body_id/occurrences/$rid/held" "$tok")
            expect "held $rid" "$status" 200
        fi
    done

    if ! has "$city/measures" "Osvětlení podchodu u nádraží (demo)"; then
        status=$(call POST "$city/measures" "$tok" "{\"title\":\"Osvětlení podchodu u nádraží (demo)\",
          \"description\":\"Nové LED osvětlení a kamera\",\"district\":\"1\",\"owner\":\"Tomáš Malý (demo)\",
          \"deadline\":\"2026-10-31\",\"startedOn\":\"2026-09-03\",\"status\":\"done\",\"bodyId\":$body_id}")
        expect "measure" "$status" 201
        measure=$(first_id)
        status=$(call POST "$city/bodies/$body_id/occurrences/2026-09-17T17:00/decisions" "$tok" \
            "{\"text\":\"Osvětlit podchod u nádraží (demo)\",\"measureId\":$measure}")
        expect "decision" "$status" 201
        status=$(call POST "$city/measures/$measure/reviews" "$tok" \
            '{"rating":4,"note":"Méně stížností od instalace světel (demo)","reviewedOn":"2026-11-26"}')
        expect "review" "$status" 201
        status=$(call POST "$city/measures" "$tok" "{\"title\":\"Pochůzky u školy ráno (demo)\",
          \"district\":\"2\",\"owner\":\"Petr Král (demo)\",\"deadline\":\"2026-11-15\",\"startedOn\":\"2026-09-17\",
          \"status\":\"in-progress\",\"bodyId\":$body_id}")
        expect "overdue measure" "$status" 201
    fi

    if ! has "$city/public-meetings?all=true" "Veřejné setkání s občany okrsku 1 (demo)"; then
        status=$(call POST "$city/public-meetings" "$tok" "{\"title\":\"Veřejné setkání s občany okrsku 1 (demo)\",
          \"bodyId\":$body_id,\"district\":\"1\",\"place\":\"ZŠ, aula (demo)\",\"start\":\"2027-01-21T18:00\",
          \"end\":\"2027-01-21T20:00\",\"agenda\":\"Parkování, osvětlení, dobrovolníci na přechodech\",
          \"capacity\":20}")
        expect "public meeting" "$status" 201
        pm=$(first_id)
        for who in "Karel Občan (demo)|karel.obcan.$city" "Věra Sousedová (demo)|vera.sousedova.$city"; do
            status=$(call POST "$city/public-meetings/$pm/registrations" "" \
                "{\"name\":\"${who%%|*}\",\"email\":\"${who##*|}@demo.safecity.cz\"}")
            expect "registration" "$status" 201 200
        done
        status=$(call POST "$city/public-meetings/$pm/registrations" "" "{\"name\":\"Pavel Dobrovolník (demo)\",
          \"email\":\"pavel.dobrovolnik.$city@demo.safecity.cz\",\"volunteer\":true,
          \"volunteerRole\":\"přechod u školy\",\"contactConsent\":true}")
        expect "volunteer" "$status" 201 200
    fi

    if ! has "$city/event-plans" "Městské slavnosti (demo)"; then
        status=$(call POST "$city/event-plans" "$tok" '{"title":"Městské slavnosti (demo)","organiser":"Město (demo)",
          "place":"Náměstí","geometry":{"type":"Point","coordinates":[12.64,50.18]},"districts":["1"],
          "start":"2027-06-12T14:00","end":"2027-06-12T23:30","expectedAttendance":5000,"riskLevel":"medium",
          "officers":[{"name":"Petr Král (demo)","unit":"Policie ČR, OOP","role":"velitel zásahu"},
            {"name":"Tomáš Malý (demo)","unit":"Městská policie","role":"doprava"}],
          "checklist":["Uzavírky a objízdné trasy","Zdravotnická služba","Koordinace s pořadatelskou službou"]}')
        expect "event plan" "$status" 201
    fi

    for project in "Senioři I. (demo)|seniors|Beseda v klubu seniorů|60" \
        "Bezpečně na vycházku (demo)|children|Vycházka s dětmi z MŠ|45" \
        "Dopravní asistenti (demo)|children|Ranní asistence na přechodech|12" \
        "Bezpečný podnik (demo)|youth|Školení obsluhy barů|18" \
        "Studentský parlament (demo)|youth|Zasedání parlamentu|25" \
        "Den národnostních menšin (demo)|foreigners|Den menšin na náměstí|300"; do
        IFS='|' read -r name group activity people <<<"$project"
        if ! has "$city/prevention-projects" "$name"; then
            status=$(call POST "$city/prevention-projects" "$tok" "{\"name\":\"$name\",\"targetGroup\":\"$group\"}")
            expect "project $name" "$status" 201
            status=$(call POST "$city/prevention-projects/$(first_id)/activities" "$tok" "{\"title\":\"$activity\",
              \"startsOn\":\"2026-10-05\",\"endsOn\":\"2026-10-05\",\"districts\":[\"1\"],\"participants\":$people}")
            expect "activity $activity" "$status" 201
        fi
    done
    echo "    events $city: cadences ($template), meetings, measures, public meeting, event plan, projects"
}

load "${DEMO_SOKOLOV:-sokolov}" sokolov
load "${DEMO_PLZEN:-plzen}" plzen
