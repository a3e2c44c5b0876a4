package dev.cadence.cli;

import dev.cadence.engine.Engine;
import dev.cadence.live.CadenceRef;
import dev.cadence.live.Enroller;
import dev.cadence.live.StateStore;
import dev.cadence.model.Cadence;
import dev.cadence.model.Lead;
import dev.cadence.report.Count;
import dev.cadence.report.Json;
import dev.cadence.report.live.LiveFormat;
import dev.cadence.validate.Diagnostic;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code cadence enroll CADENCE --leads LEADS}: adds leads to the live state store (idempotent).
 */
@Command(
    name = "enroll",
    mixinStandardHelpOptions = true,
    footerHeading = "%nExamples:%n",
    footer = {
      "  # the sample leads, starting on a given day",
      "  cadence enroll cadences/outbound-lead-qualification.yaml \\",
      "      --leads samples/leads-small.csv --start 2026-12-01",
      "  # a CRM export into a store elsewhere; all or nothing if a row is bad",
      "  cadence enroll cadence.yaml --leads crm.csv --map email=E-mail \\",
      "      --db /srv/sales/cadence.db --strict"
    },
    description = {
      "Add the leads of a list to a cadence in the live state store (created if it does not exist).",
      "Idempotent: a lead already in the cadence is reported and left as it is. Leads marked do_not_contact,"
          + " or on the suppression list, are stored as ended and never contacted."
    })
final class EnrollCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @ParentCommand CadenceCommand parent;
  @Mixin OutputOptions output;
  @Mixin NowOption now;
  @Mixin DbOption db;
  @Mixin LeadOptions leads;
  @Mixin StartOption start;

  @Parameters(
      index = "0",
      paramLabel = "CADENCE",
      description = "The cadence file (its path is recorded: each tick reloads it).")
  Path cadenceFile;

  @Option(
      names = "--format",
      defaultValue = "text",
      paramLabel = "FORMAT",
      description = "text or json (default: text).")
  LiveFormat format;

  @Override
  public Integer call() {
    Instant nowInstant = now.resolve(parent.clock());
    Optional<LocalDate> startDay = start.day();
    Cadence cadence = PlanCommand.loadCadence(cadenceFile, spec);
    leads.checkHeader(spec);
    Engine engine = new Engine(cadence);
    Path absolute = cadenceFile.toAbsolutePath().normalize();
    try (StateStore store = db.openOrCreate()) {
      CadenceRef ref = register(store, cadence.id(), absolute);
      Enroller enroller =
          new Enroller(
              store,
              ref,
              engine,
              lead ->
                  startDay
                      .map(d -> d.atStartOfDay(engine.zoneOf(lead)).toInstant())
                      .orElse(nowInstant),
              nowInstant);
      LeadOptions.Outcome read;
      Progress progress =
          Progress.forLeads(leads.file(spec), output.quiet, spec.commandLine().getErr());
      if (leads.strict) {
        // All or nothing under --strict: read the whole list before enrolling anyone.
        List<Lead> all = new ArrayList<>();
        read = leads.read(spec, progress.counting(all::add), progress);
        if (read.summary().rejected() > 0) {
          int code = read.exitCode(output.quiet);
          spec.commandLine()
              .getErr()
              .println("error: rows were rejected (--strict); nobody enrolled");
          return code;
        }
        all.forEach(enroller);
      } else {
        read = leads.read(spec, progress.counting(enroller), progress);
      }
      enroller.close();
      print(cadence.id(), enroller.summary(), db.file());
      return read.exitCode(output.quiet);
    }
  }

  /**
   * Records where the cadence file is. The stored hash is kept for a cadence already there: if the
   * file changed since, the next tick sees it and recomputes the due times of its enrollments.
   */
  private CadenceRef register(StateStore store, String id, Path file) {
    Optional<CadenceRef> known = store.read(tx -> tx.cadence(id));
    if (known.isEmpty()) {
      return new CadenceRef(id, file.toString(), LiveCadences.hash(file));
    }
    Path before = Path.of(known.get().path());
    if (!before.equals(file) && Files.isRegularFile(before) && !sameFile(before, file)) {
      throw new CadenceException(
          ExitCodes.USAGE,
          "cadence `"
              + id
              + "` is already enrolled from "
              + before
              + ", a different file; enroll with that file, or give this cadence another id");
    }
    if (!before.equals(file) && !output.quiet) {
      spec.commandLine()
          .getErr()
          .println("note: cadence `" + id + "` is now read from " + file + " (was " + before + ")");
    }
    return new CadenceRef(id, file.toString(), known.get().hash());
  }

  private static boolean sameFile(Path a, Path b) {
    try {
      return Files.isSameFile(a, b);
    } catch (IOException e) {
      return false;
    }
  }

  private void print(String cadence, Enroller.Summary s, Path dbFile) {
    if (output.quiet) {
      return;
    }
    PrintWriter out = spec.commandLine().getOut();
    if (format == LiveFormat.JSON) {
      out.println(
          "{\"cadence\": "
              + Json.string(cadence)
              + ", \"enrolled\": "
              + s.enrolled
              + ", \"already_enrolled\": "
              + s.already
              + ", \"suppressed\": "
              + s.suppressed
              + ", \"ended_do_not_contact\": "
              + s.endedByDoNotContact
              + ", \"db\": "
              + Json.string(dbFile.toString())
              + "}");
    } else {
      out.println(
          "enrolled "
              + Count.of(s.enrolled, "lead")
              + " in "
              + cadence
              + (s.already > 0 ? "; " + Count.of(s.already) + " already enrolled (unchanged)" : "")
              + (s.suppressed > 0
                  ? "; "
                      + Count.of(s.suppressed)
                      + " not to be contacted (do_not_contact or suppressed)"
                  : "")
              + (s.endedByDoNotContact > 0
                  ? "; " + Count.of(s.endedByDoNotContact) + " ended now: marked do_not_contact"
                  : "")
              + " (state in "
              + dbFile
              + ")");
      if (!s.alreadyIds.isEmpty()) {
        out.println(
            "already enrolled: "
                + String.join(", ", s.alreadyIds.stream().map(Diagnostic::oneLine).toList())
                + (s.already > s.alreadyIds.size()
                    ? " and " + Count.of(s.already - s.alreadyIds.size()) + " more"
                    : ""));
      }
    }
    out.flush();
  }
}
