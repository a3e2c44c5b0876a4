package dev.cadence.report.analyze;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cadence.cli.CliHarness;
import dev.cadence.cli.CliHarness.CliResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report opened in headless Chromium (installed by .ci/run; skipped only where it is
 * absent): the DOM the browser built holds a chart per rate table with its bars, and the numbers;
 * the report asks for nothing over the network; and a screenshot is painted.
 */
class HtmlReportChromiumTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

  @TempDir Path dir;

  @Test
  void chromiumRendersTheChartsAndTheNumbers() throws Exception {
    assumeTrue(Files.isExecutable(CHROMIUM), "chromium is not installed (.ci/run installs it)");
    Path report = dir.resolve("report.html");
    CliResult r =
        CliHarness.run(
            "analyze",
            "src/test/resources/golden/analyze/small/log.csv",
            "--format",
            "html",
            "--out",
            report.toString());
    assertThat(r.exitCode()).as(r.toString()).isZero();
    String source = Files.readString(report);
    assertThat(source).doesNotContain("http://", "https://", "<script", "<link", "src=");

    String dom = chromium("--dump-dom", report.toUri().toString());
    List<String> charts = matches(dom, "<svg class=\"chart\" data-table=\"([a-z_]+)\"");
    assertThat(charts)
        .containsExactly(
            "open_rate_by_region",
            "open_rate_by_region_template",
            "response_rate_by_gap",
            "response_rate_by_position_channel",
            "funnel");
    // One bar per row with a rate (a row with nothing delivered has none): 3 regions, 5
    // templates...
    assertThat(matches(dom, "<rect class=\"bar\" data-rate=\"([0-9.]+)\""))
        .hasSize(3 + 5 + 5 + 6 + 4)
        .startsWith("0", "0.5", "1");
    assertThat(dom)
        .contains(
            "<td class=\"n\">50.0%</td><td class=\"n\">15.0-85.0%</td>",
            "26 events from 28 lines", "<code>response-before-touch</code>");

    // The recommendations of the JSON report are in the page, one item each.
    assertThat(matches(dom, "<li data-type=\"([a-z_]+)\">"))
        .containsExactly("insufficient_evidence", "insufficient_evidence");

    Path png = dir.resolve("report.png");
    chromium("--screenshot=" + png, "--window-size=1400,1400", report.toUri().toString());
    assertThat(png).isRegularFile();
    byte[] head = Files.readAllBytes(png);
    assertThat(head.length).isGreaterThan(10_000); // charts and tables painted, not a blank page
    assertThat(new String(head, 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
  }

  /**
   * Measured in the browser, for logs with short labels, the sample log (whose funnel labels are a
   * cadence, step and channel) and one with very long and full-width names: no chart label runs out
   * of its chart, no table cell wraps, no table is wider than a 1400-pixel window, and the page
   * lists every recommendation of the JSON report.
   */
  @Test
  void noLabelOverflowsAndNoTableWraps() throws Exception {
    assumeTrue(Files.isExecutable(CHROMIUM), "chromium is not installed (.ci/run installs it)");
    String small = Files.readString(Path.of("src/test/resources/golden/analyze/small/log.csv"));
    Path longNames = dir.resolve("long.csv");
    Files.writeString(
        longNames,
        small
            .replace(",outbound,", ",outbound-lead-qualification-for-enterprise-accounts-in-emea,")
            .replace("EMEA-FR", "東京-日本-アジア太平洋-WWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWW"));
    for (String log :
        List.of(
            "src/test/resources/golden/analyze/small/log.csv",
            "samples/outcome-log.csv",
            longNames.toString())) {
      Path report = dir.resolve("measured.html");
      CliResult r = CliHarness.run("analyze", log, "--format", "html", "--out", report.toString());
      assertThat(r.exitCode()).as(r.toString()).isZero();
      String html = Files.readString(report);
      Files.writeString(report, html.replace("</body>", MEASURE + "</body>"));
      String dom = chromium("--window-size=1400,1000", "--dump-dom", report.toUri().toString());
      List<String> found = matches(dom, "data-overflow=\"([^\"]*)\"");
      assertThat(found).as(log).hasSize(1);
      assertThat(unescape(found.get(0))).as(log).isEqualTo("[]");

      CliResult json = CliHarness.run("analyze", log, "--format", "json");
      int recommendations =
          new com.fasterxml.jackson.databind.ObjectMapper()
              .readTree(json.out())
              .get("recommendations")
              .size();
      assertThat(matches(dom, "<li data-type=\"([a-z_]+)\">")).as(log).hasSize(recommendations);
    }
  }

  /**
   * Appended to a copy of the report (the report itself has no script): lists in {@code
   * data-overflow} on the body every chart text whose box leaves its chart, every table cell laid
   * out on more than one line, and every table that needs scrolling.
   */
  private static final String MEASURE =
      """
      <script>
      (function () {
        var bad = [];
        document.querySelectorAll('svg.chart').forEach(function (svg) {
          var w = svg.viewBox.baseVal.width;
          svg.querySelectorAll('text').forEach(function (t) {
            var b = t.getBBox();
            if (b.x < 0 || b.x + b.width > w) {
              bad.push(svg.dataset.table + ': ' + t.textContent + ' spans ' + b.x.toFixed(1)
                  + '..' + (b.x + b.width).toFixed(1) + ' of 0..' + w);
            }
          });
        });
        document.querySelectorAll('td, th').forEach(function (c) {
          var range = document.createRange();
          range.selectNodeContents(c);
          if (range.getClientRects().length > 1) bad.push('cell on several lines: ' + c.textContent);
        });
        document.querySelectorAll('div.table').forEach(function (d) {
          if (d.scrollWidth > d.clientWidth) bad.push('table wider than the window: ' + d.parentNode.id);
        });
        document.body.setAttribute('data-overflow', JSON.stringify(bad));
      })();
      </script>
      """;

  private static String unescape(String attribute) {
    return attribute
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
  }

  private String chromium(String... args) throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(
            List.of(
                CHROMIUM.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--user-data-dir=" + dir.resolve("profile")));
    command.addAll(List.of(args));
    Path out = dir.resolve("chromium.out");
    Process p =
        new ProcessBuilder(command)
            .redirectOutput(out.toFile())
            .redirectError(dir.resolve("chromium.err").toFile())
            .start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError(
          "chromium did not finish in 120 s: " + Files.readString(dir.resolve("chromium.err")));
    }
    assertThat(p.exitValue()).as(Files.readString(dir.resolve("chromium.err"))).isZero();
    return Files.readString(out);
  }

  private static List<String> matches(String text, String regex) {
    List<String> out = new ArrayList<>();
    Matcher m = Pattern.compile(regex).matcher(text);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }
}
