package dev.cadence.simulate;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;

/**
 * A deterministic synthetic lead list, the same as {@code samples/generate-leads.sh} writes: five
 * regions with their zones, some leads without a zone (the cadence's fallback applies), every 97th
 * lead do-not-contact. Lead {@code i} is always the same lead, so two lists cut from different
 * ranges never share an id.
 */
public final class SyntheticLeads {
  public static final String HEADER =
      "id,email,first_name,last_name,company,title,phone,region,timezone,owner,do_not_contact";

  private static final String[] REGION = {"EMEA-FR", "EMEA-DE", "NA-EAST", "NA-WEST", "APAC"};
  private static final String[] ZONE = {
    "Europe/Paris", "Europe/Berlin", "America/New_York", "America/Los_Angeles", "Asia/Singapore"
  };
  private static final String[] FIRST = {
    "Ana", "Bruno", "Chloe", "David", "Emma", "Farid", "Greta", "Hugo", "Ines", "Jonas", "Kenji",
    "Lea"
  };
  private static final String[] LAST = {
    "Martin", "Schmidt", "Smith", "Garcia", "Tan", "Dubois", "Muller", "Lee", "Rossi", "Kim"
  };
  private static final String[] COMPANY = {
    "Acme", "Globex", "Initech", "Umbrella", "Hooli", "Stark", "Wayne", "Wonka"
  };
  private static final String[] TITLE = {"CFO", "CTO", "Head-of-Sales", "Buyer", "Ops-Manager"};

  private SyntheticLeads() {}

  /** Writes the header and leads {@code first} to {@code first + count - 1}. */
  public static void write(Writer out, int first, int count) throws IOException {
    out.write(HEADER + "\n");
    for (int i = first; i < first + count; i++) {
      String f = FIRST[i % 12];
      String l = LAST[i % 10];
      String c = COMPANY[i % 8];
      out.write(
          String.format(
              Locale.ROOT,
              "L%07d,%s.%s%d@%s.example,%s,%s,%s,%s,+33 1 %02d %02d %02d %02d,%s,%s,rep%d,%s\n",
              i,
              f.toLowerCase(Locale.ROOT),
              l.toLowerCase(Locale.ROOT),
              i,
              c.toLowerCase(Locale.ROOT),
              f,
              l,
              c,
              TITLE[i % 5],
              i % 100,
              (i / 100) % 100,
              (i / 10000) % 100,
              i % 97,
              REGION[i % 5],
              i % 11 == 0 ? "" : ZONE[i % 5],
              (i % 7) + 1,
              i % 97 == 0 ? "true" : "false"));
    }
  }
}
