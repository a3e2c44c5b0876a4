package dev.cadence.io.yaml;

import dev.cadence.model.Pos;
import dev.cadence.validate.Code;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.inspector.TagInspector;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads untrusted bytes into a {@link YNode} tree, safely: strict UTF-8, bounded size, aliases,
 * nesting and expanded node count, no object construction (only SnakeYAML's composer runs, the
 * layer under Jackson YAML), duplicate keys reported. Every node keeps its line and column.
 */
public final class SafeYamlReader {
  /** Far above any real cadence (the largest sample is a few KB), far below harm. */
  public static final int MAX_BYTES = 1 << 20;

  static final int MAX_ALIASES = 50;
  static final int MAX_DEPTH = 64;
  static final int MAX_NODES = 100_000;

  /**
   * SnakeYAML scans a run of characters without white space by peeking ahead, and each 1 KB it
   * peeks copies its whole look-ahead buffer: a 1 MB word or comment on one line costs seconds and
   * hundreds of MB. No cadence needs lines this long; checking first keeps the cost linear.
   */
  static final int MAX_LINE = 65_536;

  public YamlDocument read(byte[] bytes) {
    List<YamlProblem> problems = new ArrayList<>();
    Optional<YNode> root = Optional.empty();
    try {
      String text = decode(bytes);
      checkLineLengths(text);
      root = compose(text, problems);
    } catch (Unreadable e) {
      problems.add(e.problem);
    }
    return new YamlDocument(root, problems);
  }

  private static String decode(byte[] bytes) throws Unreadable {
    if (bytes.length > MAX_BYTES) {
      throw unreadable(
          Code.FILE_TOO_LARGE,
          Pos.NONE,
          "file is "
              + bytes.length
              + " bytes, more than the "
              + MAX_BYTES
              + " a cadence may have; split it into several cadences");
    }
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == 0) {
        throw unreadable(
            Code.BINARY_FILE,
            posOfByte(bytes, i),
            "file is binary (NUL byte); a cadence is a YAML text file");
      }
    }
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length + 1);
    var result = decoder.decode(in, out, true);
    if (result.isError()) {
      int offset = in.position();
      throw unreadable(
          Code.BAD_ENCODING,
          posOfByte(bytes, offset),
          String.format(
              "byte 0x%02X at offset %d is not valid UTF-8; save the file as UTF-8",
              bytes[offset] & 0xff, offset));
    }
    decoder.flush(out);
    out.flip();
    String text = out.toString();
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  private static void checkLineLengths(String text) throws Unreadable {
    if (text.length() <= MAX_LINE) {
      return; // no line can be longer than the text: skip a char-by-char pass (interpreted, at each
      // start)
    }
    int line = 1;
    int start = 0;
    for (int i = 0; i <= text.length(); i++) {
      char c = i < text.length() ? text.charAt(i) : '\n';
      if (c != '\n' && c != '\r') {
        continue;
      }
      if (i - start > MAX_LINE) {
        throw unreadable(
            Code.YAML_LIMIT,
            new Pos(line, MAX_LINE + 1),
            "line "
                + line
                + " is "
                + (i - start)
                + " characters long, more than the "
                + MAX_LINE
                + " a cadence line may have; break long text over several lines");
      }
      if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
        i++;
      }
      line++;
      start = i + 1;
    }
  }

  /** True if the bytes start with a UTF-8 byte-order mark, which takes no column. */
  private static boolean bom(byte[] b) {
    return b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF;
  }

  /** Line and column (in characters) of a byte offset, decoding the valid prefix. */
  private static Pos posOfByte(byte[] bytes, int offset) {
    String prefix;
    try {
      prefix =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPLACE)
              .decode(
                  bom(bytes) && offset >= 3
                      ? ByteBuffer.wrap(bytes, 3, offset - 3)
                      : ByteBuffer.wrap(bytes, 0, offset))
              .toString();
    } catch (CharacterCodingException e) {
      prefix = "";
    }
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < prefix.length(); i++) {
      if (prefix.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return new Pos(line, prefix.codePointCount(lineStart, prefix.length()) + 1);
  }

  /**
   * Tags plain scalars as null or str only. SnakeYAML's resolver matches every plain scalar against
   * YAML 1.1's regular expressions for int, float, bool, timestamp... (a tenth of the parse of a
   * cadence, at each start), for tags that nothing here reads: values keep their text ({@link
   * YNode.YScalar}) and the binders interpret it. Only null matters (an empty document is one), and
   * is resolved as SnakeYAML does, without a regex.
   */
  static final class NullOrStrResolver extends Resolver {
    @Override
    protected void addImplicitResolvers() {
      // none: see resolve
    }

    @Override
    public Tag resolve(NodeId kind, String value, boolean implicit) {
      if (kind == NodeId.scalar
          && implicit
          && (value.isEmpty()
              || value.equals("~")
              || value.equals("null")
              || value.equals("Null")
              || value.equals("NULL")
              || value.equals(" "))) {
        return Tag.NULL;
      }
      return super.resolve(kind, value, implicit); // with no implicit resolvers: str, seq or map
    }
  }

  /**
   * Lets every global tag through (see compose). A class, not a lambda: linked at each start
   * otherwise.
   */
  private static final TagInspector ANY_TAG =
      new TagInspector() {
        @Override
        public boolean isGlobalTagAllowed(Tag tag) {
          return true;
        }
      };

  private static Optional<YNode> compose(String text, List<YamlProblem> problems)
      throws Unreadable {
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(MAX_ALIASES);
    options.setNestingDepthLimit(MAX_DEPTH);
    options.setCodePointLimit(MAX_BYTES);
    options.setAllowRecursiveKeys(false);
    options.setMergeOnCompose(false);
    // Global tags (!!python/object...) are let through the composer, which only builds nodes and
    // never constructs objects, so that the converter reports them as yaml-tag with their position.
    options.setTagInspector(ANY_TAG);
    Node first = null;
    LastEventParser parser = new LastEventParser(new ParserImpl(new StreamReader(text), options));
    try {
      // The composer alone (no Yaml facade): it builds nodes and never constructs objects, and
      // skipping the facade's constructor and representer saves start-up time.
      Composer documents = new Composer(parser, new NullOrStrResolver(), options);
      if (documents.checkNode()) {
        first = documents.getNode();
      }
      if (documents.checkNode()) {
        // Point at the `---` that opens the second document (the event the composer reads next).
        Pos second = pos(parser.peekEvent().getStartMark());
        documents.getNode();
        problems.add(
            new YamlProblem(
                Code.MULTIPLE_DOCUMENTS,
                second,
                "a second YAML document starts here; put each cadence in a file of its own"));
      }
    } catch (MarkedYAMLException e) {
      throw syntaxError(e, text);
    } catch (YAMLException e) {
      // Alias and nesting limits are thrown without a mark: the event just read is what broke them.
      Pos at = parser.last() == null ? Pos.NONE : pos(parser.last().getStartMark());
      throw unreadable(Code.YAML_LIMIT, at, oneLine(limitMessage(e.getMessage())));
    }
    if (first == null || isNullScalar(first)) {
      throw unreadable(
          Code.EMPTY_FILE,
          new Pos(1, 1),
          "file is empty; a cadence needs at least `cadence:` and `steps:`");
    }
    YNode root = new Converter(problems).convert(first, 1);
    // A tagged value meant something else to its author: binding it anyway would only add
    // confusing follow-up errors, so a file with tags stops at the tag errors.
    for (YamlProblem p : problems) {
      if (p.code() == Code.YAML_TAG) {
        return Optional.empty();
      }
    }
    return Optional.of(root);
  }

  private static Unreadable syntaxError(MarkedYAMLException e, String text) {
    String what = e.getProblem() != null ? e.getProblem() : e.getMessage();
    Code code =
        what != null && what.toLowerCase().contains("limit") ? Code.YAML_LIMIT : Code.YAML_SYNTAX;
    String context = e.getContext();
    if (code == Code.YAML_SYNTAX
        && what != null
        && (what.contains("end of stream") || what.contains("<stream end>"))
        && context != null
        && e.getContextMark() != null) {
      // An unclosed quote or bracket: the end of the file is where it was noticed, not where to fix
      // it.
      String construct = context.replaceFirst("^while (scanning|parsing) (a |an )?", "");
      return unreadable(
          code,
          pos(e.getContextMark()),
          "YAML syntax: the file ends before the "
              + construct
              + " that starts here is closed; close it");
    }
    if (code == Code.YAML_SYNTAX && unclosedFlow(e, text)) {
      // The parser notices a `[` or `{` left open only where the block structure resumes, at the
      // next key: a line or the whole rest of the file later (often its last line). The fix is at
      // the bracket.
      boolean sequence = context.contains("flow sequence");
      return unreadable(
          code,
          pos(e.getContextMark()),
          "YAML syntax: the flow "
              + (sequence ? "sequence" : "mapping")
              + " that starts here is still open at line "
              + (e.getProblemMark().getLine() + 1)
              + "; close it with `"
              + (sequence ? "]" : "}")
              + "`");
    }
    Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
    return unreadable(
        code, mark == null ? Pos.NONE : pos(mark), oneLine(syntaxMessage(e, what) + hint(what)));
  }

  /**
   * Whether a flow collection was left open: the parser failed inside one, on a later line that is
   * no more indented than the line the collection starts on. Inside a collection that is closed
   * later, continuation lines are indented further; there the problem (a missing comma) is where
   * the parser says.
   */
  static boolean unclosedFlow(MarkedYAMLException e, String text) {
    String context = e.getContext();
    Mark open = e.getContextMark();
    Mark problem = e.getProblemMark();
    if (context == null
        || !context.startsWith("while parsing a flow ")
        || open == null
        || problem == null
        || problem.getLine() <= open.getLine()) {
      return false;
    }
    return indent(text, problem.getLine()) <= indent(text, open.getLine());
  }

  /**
   * The spaces and tabs that start 0-based line {@code line} of {@code text}, lines counted as the
   * YAML reader counts them (LF, CRLF, a lone CR, NEL, LS and PS each end one).
   */
  static int indent(String text, int line) {
    int i = 0;
    for (int n = 0; n < line && i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n'
          || c == '\u0085'
          || c == '\u2028'
          || c == '\u2029'
          || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
        n++;
      }
    }
    int start = i;
    while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
      i++;
    }
    return i - start;
  }

  /** The usual cause of SnakeYAML's most common complaints, in the user's terms. */
  private static String hint(String problem) {
    if (problem == null) {
      return "";
    }
    if (problem.contains("mapping values are not allowed")) {
      return "; put a value that contains `: ` in quotes, or check the indentation";
    }
    if (problem.contains("expected <block end>")) {
      return "; check the indentation of this line against the lines above";
    }
    return "";
  }

  private static String syntaxMessage(MarkedYAMLException e, String problem) {
    String context = e.getContext();
    String base = "YAML syntax: " + (problem == null ? "not well-formed" : problem);
    return context == null ? base : base + " (" + context + ")";
  }

  private static String limitMessage(String message) {
    String m = message == null ? "limit exceeded" : message;
    return "YAML exceeds a safe limit ("
        + m
        + "); cadences are small plain data: use fewer aliases (*name) and less nesting";
  }

  private static boolean isNullScalar(Node node) {
    return node instanceof ScalarNode s && Tag.NULL.equals(s.getTag());
  }

  private static String oneLine(String s) {
    return s.replaceAll("\\s*\\R\\s*", " ").trim();
  }

  static Pos pos(Mark mark) {
    return new Pos(mark.getLine() + 1, mark.getColumn() + 1);
  }

  private static Unreadable unreadable(Code code, Pos pos, String message) {
    return new Unreadable(new YamlProblem(code, pos, message));
  }

  /** Converts SnakeYAML nodes, bounding the expansion of aliases and reporting duplicate keys. */
  private static final class Converter {
    private final List<YamlProblem> problems;
    private int budget = MAX_NODES;

    Converter(List<YamlProblem> problems) {
      this.problems = problems;
    }

    YNode convert(Node node, int depth) throws Unreadable {
      if (--budget < 0 || depth > MAX_DEPTH) {
        throw unreadable(
            Code.YAML_LIMIT,
            pos(node.getStartMark()),
            "YAML expands to more than "
                + MAX_NODES
                + " nodes or "
                + MAX_DEPTH
                + " levels (alias bomb?); cadences are small plain data");
      }
      checkTag(node);
      Pos at = pos(node.getStartMark());
      if (node instanceof MappingNode map) {
        List<YNode.Entry> entries = new ArrayList<>();
        Map<String, Pos> seen = new HashMap<>();
        for (NodeTuple tuple : map.getValue()) {
          YNode key = convert(tuple.getKeyNode(), depth + 1);
          YNode value = convert(tuple.getValueNode(), depth + 1);
          if (!(key instanceof YNode.YScalar scalar) || scalar.isNull()) {
            problems.add(
                new YamlProblem(
                    Code.BAD_TYPE, key.pos(), "a key must be plain text, not " + key.kind()));
            continue;
          }
          Pos earlier = seen.putIfAbsent(scalar.text(), scalar.pos());
          if (earlier != null) {
            problems.add(
                new YamlProblem(
                    Code.DUPLICATE_KEY,
                    scalar.pos(),
                    "duplicate key `"
                        + scalar.text()
                        + "` (first at line "
                        + earlier.line()
                        + "); remove one of them"));
            continue;
          }
          entries.add(new YNode.Entry(scalar, value));
        }
        return new YNode.YMap(entries, at);
      }
      if (node instanceof SequenceNode seq) {
        List<YNode> items = new ArrayList<>();
        for (Node item : seq.getValue()) {
          items.add(convert(item, depth + 1));
        }
        return new YNode.YSeq(items, at);
      }
      ScalarNode scalar = (ScalarNode) node;
      return new YNode.YScalar(scalar.getValue(), scalar.isPlain(), at);
    }

    private void checkTag(Node node) {
      Tag tag = node.getTag();
      if (tag != null && !isStandard(tag)) {
        problems.add(
            new YamlProblem(
                Code.YAML_TAG,
                pos(node.getStartMark()),
                "tag `"
                    + shorthand(tag)
                    + "` is not allowed; cadences are plain data, remove the tag"));
      }
    }

    /**
     * The tag as written: {@code !!python/object} rather than {@code
     * tag:yaml.org,2002:python/object}.
     */
    private static String shorthand(Tag tag) {
      String value = tag.getValue();
      return value.startsWith(Tag.PREFIX) ? "!!" + value.substring(Tag.PREFIX.length()) : value;
    }

    private static boolean isStandard(Tag tag) {
      return tag.equals(Tag.MAP)
          || tag.equals(Tag.SEQ)
          || tag.equals(Tag.STR)
          || tag.equals(Tag.INT)
          || tag.equals(Tag.FLOAT)
          || tag.equals(Tag.BOOL)
          || tag.equals(Tag.NULL)
          || tag.equals(Tag.TIMESTAMP)
          || tag.equals(Tag.MERGE)
          || tag.equals(Tag.BINARY)
          || tag.equals(Tag.SET)
          || tag.equals(Tag.OMAP)
          || tag.equals(Tag.PAIRS)
          || tag.equals(Tag.YAML)
          || tag.equals(Tag.COMMENT);
    }
  }

  private static final class Unreadable extends Exception {
    final transient YamlProblem problem;

    Unreadable(YamlProblem problem) {
      super(problem.message(), null, false, false);
      this.problem = problem;
    }
  }
}
