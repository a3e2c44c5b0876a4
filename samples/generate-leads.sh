#!/bin/sh
# Writes a synthetic lead list of N leads (default 100000) to stdout, deterministic for a given N:
# regions with their IANA zones, some leads without a zone (the cadence's fallback applies), every
# 97th do-not-contact. Usage: samples/generate-leads.sh 100000 > /tmp/leads-100k.csv
set -eu
N=${1:-100000}
awk -v n="$N" 'BEGIN {
  split("EMEA-FR EMEA-DE NA-EAST NA-WEST APAC", region, " ")
  split("Europe/Paris Europe/Berlin America/New_York America/Los_Angeles Asia/Singapore", zone, " ")
  split("Ana Bruno Chloe David Emma Farid Greta Hugo Ines Jonas Kenji Lea", first, " ")
  split("Martin Schmidt Smith Garcia Tan Dubois Muller Lee Rossi Kim", last, " ")
  split("Acme Globex Initech Umbrella Hooli Stark Wayne Wonka", company, " ")
  split("CFO CTO Head-of-Sales Buyer Ops-Manager", title, " ")
  print "id,email,first_name,last_name,company,title,phone,region,timezone,owner,do_not_contact"
  for (i = 1; i <= n; i++) {
    r = (i % 5) + 1
    f = first[(i % 12) + 1]; l = last[(i % 10) + 1]; c = company[(i % 8) + 1]
    tz = (i % 11 == 0) ? "" : zone[r]
    dnc = (i % 97 == 0) ? "true" : "false"
    printf "L%07d,%s.%s%d@%s.example,%s,%s,%s,%s,+33 1 %02d %02d %02d %02d,%s,%s,rep%d,%s\n", \
      i, tolower(f), tolower(l), i, tolower(c), f, l, c, title[(i % 5) + 1], \
      i % 100, (i / 100) % 100, (i / 10000) % 100, i % 97, region[r], tz, (i % 7) + 1, dnc
  }
}'
