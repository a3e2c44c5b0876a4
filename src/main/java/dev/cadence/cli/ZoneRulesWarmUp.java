package dev.cadence.cli;

import java.time.zone.ZoneRulesProvider;

/**
 * Loads java.time's zone database on a second thread while {@code validate} reads its first file.
 *
 * <p>The first IANA zone a run names ({@code timezone: Europe/Paris}, which every sample has) makes
 * the JDK read its whole zone database ({@code lib/tzdb.dat}, ~600 zones) and search the class path
 * for other zone providers, before it can say whether the name exists: measured at ~14 ms of a
 * ~0.2 s one-file run on an idle machine. Started here, that work overlaps with reading and parsing
 * the YAML on the other core. Nothing waits for this thread: the first {@code ZoneId.of} simply
 * finds the database loaded, or waits for the class initialisation already under way (the JVM's
 * class-initialisation lock, so the work is never done twice). Only JDK classes are initialised
 * here, so it cannot deadlock with the initialisation of the project's own classes.
 */
final class ZoneRulesWarmUp extends Thread {
  private ZoneRulesWarmUp() {
    super("zone-rules-warm-up");
    setDaemon(true); // never keeps the JVM alive
  }

  static void begin() {
    new ZoneRulesWarmUp().start();
  }

  @Override
  public void run() {
    try {
      ZoneRulesProvider.getAvailableZoneIds();
    } catch (RuntimeException | Error e) {
      // The zone's own lookup on the main thread reports whatever went wrong here.
    }
  }
}
