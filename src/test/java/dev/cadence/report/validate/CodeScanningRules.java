package dev.cadence.report.validate;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;

/**
 * What consumers of SARIF demand beyond its JSON schema, each check written from its source: GitHub
 * code scanning's documented required properties ("SARIF support for code scanning"), and the rules
 * of Microsoft's SARIF validator that code scanning's own upload checks mirror: SARIF1004
 * (uriBaseId and relative references), GH1001 and GH1003 (a location with a URI and a region with a
 * start line on every result), GH1005 (absolute URIs only with the file scheme), GH2012 (rules with
 * short and full descriptions and help text), and Base1018 (a driver with a name and rules).
 */
public final class CodeScanningRules {
  private CodeScanningRules() {}

  /**
   * Every way {@code sarif} breaks those rules, as "RULE: where: what"; empty when it keeps them.
   */
  public static List<String> problems(JsonNode sarif) {
    List<String> out = new ArrayList<>();
    for (JsonNode run : sarif.path("runs")) {
      JsonNode driver = run.at("/tool/driver");
      if (driver.path("name").asText("").isBlank()) {
        out.add("Base1018: driver has no name");
      }
      if (!driver.path("rules").isArray()) {
        out.add("Base1018: driver has no rules array");
      }
      for (JsonNode rule : driver.path("rules")) {
        for (String field : List.of("shortDescription", "fullDescription", "help")) {
          if (rule.path(field).path("text").asText("").isBlank()) {
            out.add("GH2012: rule " + rule.path("id") + " has no " + field + ".text");
          }
        }
      }
      JsonNode bases = run.path("originalUriBaseIds");
      bases
          .fields()
          .forEachRemaining(
              e -> {
                String uri = e.getValue().path("uri").asText("");
                if (!e.getValue().has("uriBaseId") && !absolute(uri)) {
                  out.add("SARIF1004: base " + e.getKey() + " is not an absolute URI: " + uri);
                }
                if (!uri.endsWith("/")) {
                  out.add("SARIF1004: base " + e.getKey() + " does not end with '/': " + uri);
                }
                if (List.of(uri.split("/")).contains("..")) {
                  out.add("SARIF1004: base " + e.getKey() + " has a '..' segment: " + uri);
                }
              });
      for (JsonNode result : run.path("results")) {
        JsonNode locations = result.path("locations");
        if (locations.isEmpty()) {
          out.add("GH1001: a result has no location: " + result);
        }
        for (JsonNode location : locations) {
          JsonNode artifact = location.at("/physicalLocation/artifactLocation");
          String uri = artifact.path("uri").asText("");
          if (uri.isEmpty()) {
            out.add("GH1001: a location has no uri: " + location);
            continue;
          }
          boolean absolute = absolute(uri);
          if (artifact.has("uriBaseId") && absolute) {
            out.add("SARIF1004: an absolute uri with a uriBaseId: " + uri);
          }
          if (!absolute && uri.startsWith("/")) {
            out.add("SARIF1004: a relative reference that begins with '/': " + uri);
          }
          if (absolute && !uri.startsWith("file:")) {
            out.add("GH1005: an absolute uri that is not a file path: " + uri);
          }
          if (artifact.has("uriBaseId") && !bases.has(artifact.get("uriBaseId").asText())) {
            out.add("SARIF1004: uriBaseId not declared in originalUriBaseIds: " + artifact);
          }
          if (location.at("/physicalLocation/region/startLine").asInt(0) < 1) {
            out.add("GH1003: a location has no region.startLine: " + location);
          }
        }
      }
    }
    return out;
  }

  private static boolean absolute(String uri) {
    try {
      return new URI(uri).isAbsolute();
    } catch (URISyntaxException e) {
      return false;
    }
  }
}
