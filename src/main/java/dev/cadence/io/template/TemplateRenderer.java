package dev.cadence.io.template;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import dev.cadence.live.EmailHeaders;
import dev.cadence.model.Lead;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Renders email templates ({@code templates/NAME.md}) for a lead, with logic-less Mustache
 * (jmustache) in one pass: a lead's values are inserted as text and never read as template, so a
 * field holding {@code {{x}}} stays {@code {{x}}}. Output is plain text: nothing is HTML-escaped.
 *
 * <p>What a template may use, and nothing else (anything more is a {@link BadTemplateException}):
 *
 * <ul>
 *   <li>{@code {{name}}}, {@code {{{name}}}}, {@code {{&name}}}: the field's value, as is;
 *   <li>{@code {{#name}}...{{/name}}}: shown when the field has a value; {@code
 *       {{^name}}...{{/name}}}: shown when it has none (the way to write a fallback, e.g. "Hi
 *       {{^first_name}}there{{/first_name}}");
 *   <li>{@code {{! comment }}}.
 * </ul>
 *
 * Partials ({@code {{> x}}}), template inheritance ({@code {{< x}}}, {@code {{$ x}}}), delimiter
 * changes ({@code {{= =}}}), {@code this}/{@code .} and the {@code -first}/{@code -last}/{@code
 * -index} names are refused. Values are only ever strings looked up by their exact name in the
 * lead's fields: no lambdas, no lists to iterate, no methods or properties of Java objects.
 *
 * <p>A variable the lead cannot fill (no such field, or a blank one) anywhere the template would
 * show it holds the touch ({@link Rendering.Held}); it never goes out blank. So does a value that
 * would put a line break or control character into the subject.
 */
public final class TemplateRenderer {
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");

  /** A name a tag may use: a lead's column (validate's tag checks use the same rule). */
  static boolean isFieldName(String name) {
    return NAME.matcher(name).matches() && !name.equals("this");
  }

  /**
   * How deep sections may nest. Rendering recurses once per level, so a template nested thousands
   * deep would exhaust the stack; a real template needs a few levels. validate applies the same
   * bound (TemplateChecks).
   */
  static final int MAX_NESTING = 100;

  /** Why a part is refused when its sections nest deeper than {@link #MAX_NESTING}. */
  static String tooDeep() {
    return "sections are nested more than "
        + MAX_NESTING
        + " deep; a template needs only a few levels";
  }

  /**
   * The 1-based line of the first section opened deeper than {@link #MAX_NESTING} in {@code text},
   * or 0 when there is none. A plain scan of the tags, with no recursion: it runs before the
   * parser, which recurses once per level.
   */
  static int tooDeepAt(String text) {
    int depth = 0;
    int line = 1;
    int counted = 0; // line breaks are counted up to here
    for (int i = text.indexOf("{{"); i >= 0; i = text.indexOf("{{", i)) {
      int j = i + 2;
      while (j < text.length()
          && (text.charAt(j) == '{' || Character.isWhitespace(text.charAt(j)))) {
        j++;
      }
      char kind = j < text.length() ? text.charAt(j) : ' ';
      if (kind == '#' || kind == '^') {
        if (++depth > MAX_NESTING) {
          for (; counted < i; counted++) {
            line += text.charAt(counted) == '\n' ? 1 : 0;
          }
          return line;
        }
      } else if (kind == '/') {
        depth = Math.max(0, depth - 1);
      }
      int close = text.indexOf("}}", j); // a comment's text is no tag, whatever it holds
      if (close < 0) {
        break;
      }
      i = close + 2;
    }
    return 0;
  }

  private final TemplateFolder folder;
  private final Map<String, Compiled> cache = new ConcurrentHashMap<>();

  public TemplateRenderer(TemplateFolder folder) {
    this.folder = folder;
  }

  private static Mustache.Compiler compiler() {
    return Mustache.compiler()
        .escapeHTML(false) // text/plain: "<" and "&" are just characters
        .standardsMode(false) // inside {{#company}}, {{first_name}} still finds the lead's field
        .emptyStringIsFalse(true)
        .defaultValue("") // never used: a missing value holds the touch before rendering
        .withLoader(
            name -> {
              throw new BadTemplateException(
                  "partials ({{> " + name + "}}) are not allowed in templates");
            })
        .withCollector(new FieldsOnly());
  }

  /**
   * Why one part of a template (its subject or its body) cannot be rendered, by the very rules
   * {@link #render} applies; empty when it can. For {@code validate}: what validates also renders.
   */
  public static Optional<String> problem(String text) {
    try {
      compile("", text);
      return Optional.empty();
    } catch (BadTemplateException e) {
      return Optional.of(e.getMessage());
    }
  }

  /** Renders template {@code name} with the lead's columns. */
  public Rendering render(String name, Lead lead) {
    return render(name, lead.fields());
  }

  /**
   * Renders template {@code name} with these values (the lead's columns, plus anything the caller
   * adds, such as an unsubscribe link).
   *
   * @throws BadTemplateException when the template itself cannot be used, whoever the lead
   */
  public Rendering render(String name, Map<String, String> fields) {
    Compiled t = cache.computeIfAbsent(name, this::compile);
    Map<String, String> values = new HashMap<>();
    fields.forEach(
        (k, v) -> {
          if (v != null && !v.isBlank()) { // blank counts as missing, as Lead.field does
            values.put(k, v);
          }
        });
    Set<String> missing = new LinkedHashSet<>();
    List<String> subjectFields = new ArrayList<>();
    t.subject.visit(new Usage(values, missing, subjectFields));
    t.body.visit(new Usage(values, missing, new ArrayList<>()));
    if (!missing.isEmpty()) {
      return new Rendering.Held(
          List.copyOf(missing),
          "no value for " + String.join(", ", missing) + " (template " + name + ")");
    }
    for (String field : subjectFields) {
      if (values.get(field).chars().anyMatch(EmailHeaders::isControl)) {
        return new Rendering.Held(
            List.of(),
            "the value of "
                + field
                + " has a line break or control character,"
                + " which cannot go into the subject (template "
                + name
                + ")");
      }
    }
    return new Rendering.Ready(t.subject.execute(values), t.body.execute(values));
  }

  private Compiled compile(String name) {
    if (!folder.hasTemplate(name)) {
      throw new BadTemplateException(
          "template `" + name + "` not found: expected " + folder.templatePath(name));
    }
    Path path = folder.templatePath(name);
    TemplateFile file = TemplateFile.read(path);
    String subject =
        file.subject()
            .filter(s -> !s.isBlank())
            .orElseThrow(
                () ->
                    new BadTemplateException(
                        path + ": an email template needs `subject:` in its front matter"));
    if (subject.chars().anyMatch(EmailHeaders::isControl)) {
      throw new BadTemplateException(path + ": the subject must be one line");
    }
    return new Compiled(compile(path, "subject", subject), compile(path, "body", file.body()));
  }

  private static Template compile(Path path, String part, String text) {
    try {
      return compile(part + ": ", text);
    } catch (BadTemplateException e) {
      throw new BadTemplateException(path + ": " + e.getMessage());
    }
  }

  /** Compiles one part, refusing every tag beyond variables, sections and comments. */
  private static Template compile(String part, String text) {
    if (text.contains("{{=")) {
      throw new BadTemplateException(
          "changing the delimiters ({{= =}}) is not allowed in templates");
    }
    int deep = tooDeepAt(text);
    if (deep > 0) {
      throw new BadTemplateException(part + tooDeep() + " @ line " + deep);
    }
    Template template;
    try {
      template = compiler().compile(new StringReader(text));
    } catch (BadTemplateException e) {
      throw e;
    } catch (RuntimeException e) { // MustacheParseException and friends
      throw new BadTemplateException(part + e.getMessage());
    }
    template.visit(new Structure());
    return template;
  }

  private record Compiled(Template subject, Template body) {}

  /** Rejects, once per template, every tag beyond variables, sections and comments. */
  private record Structure() implements Mustache.Visitor {
    @Override
    public void visitText(String text) {
      // jmustache keeps a "{{" it cannot close as text: it would reach the prospect as "Hi
      // {{first_name}".
      if (text.contains("{{")) {
        throw new BadTemplateException("a placeholder opened with {{ is not closed with }}");
      }
    }

    @Override
    public void visitVariable(String name) {
      check(name);
    }

    @Override
    public boolean visitInclude(String name) {
      throw new BadTemplateException("partials ({{> " + name + "}}) are not allowed in templates");
    }

    @Override
    public boolean visitParent(String name) {
      throw new BadTemplateException(
          "template inheritance ({{< " + name + "}}) is not allowed in templates");
    }

    @Override
    public boolean visitBlock(String name) {
      throw new BadTemplateException("blocks ({{$ " + name + "}}) are not allowed in templates");
    }

    @Override
    public boolean visitSection(String name) {
      check(name);
      return true;
    }

    @Override
    public boolean visitInvertedSection(String name) {
      check(name);
      return true;
    }

    private void check(String name) {
      if (!isFieldName(name)) {
        throw new BadTemplateException(
            "`{{" + name + "}}` is not a field name; write e.g. {{first_name}}");
      }
    }
  }

  /**
   * Walks the template the way rendering will for these values: into a section only when its field
   * has a value, into an inverted one only when it has none. Every variable met must be filled.
   */
  private record Usage(Map<String, String> values, Set<String> missing, List<String> used)
      implements Mustache.Visitor {
    @Override
    public void visitText(String text) {}

    @Override
    public void visitVariable(String name) {
      if (values.containsKey(name)) {
        used.add(name);
      } else {
        missing.add(name);
      }
    }

    @Override
    public boolean visitInclude(String name) {
      return false; // refused when compiled
    }

    @Override
    public boolean visitSection(String name) {
      return values.containsKey(name);
    }

    @Override
    public boolean visitInvertedSection(String name) {
      return !values.containsKey(name);
    }
  }

  /** Looks names up in the values map only, by exact name: no reflection, no iteration. */
  private static final class FieldsOnly implements Mustache.Collector {
    @Override
    public Iterator<?> toIterator(Object value) {
      // A field is text, never a list; the one Iterable here is jmustache's empty list for a
      // missing
      // section value, which must count as "no value".
      return value instanceof Iterable<?> it ? it.iterator() : null;
    }

    @Override
    public Mustache.VariableFetcher createFetcher(Object ctx, String name) {
      if (!(ctx instanceof Map)) {
        return null; // e.g. the text of an enclosing {{#section}}: look in the lead's fields
        // instead
      }
      return (c, n) -> {
        Object value = ((Map<?, ?>) c).get(n);
        return value == null ? Template.NO_FETCHER_FOUND : value;
      };
    }

    @Override
    public <K, V> Map<K, V> createFetcherCache() {
      return new ConcurrentHashMap<>();
    }
  }
}
