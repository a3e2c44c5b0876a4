package dev.cadence.io.yaml;

import dev.cadence.model.Pos;
import dev.cadence.validate.Code;

/** Why a file could not be read as a YAML document, and where. */
public record YamlProblem(Code code, Pos pos, String message) {}
