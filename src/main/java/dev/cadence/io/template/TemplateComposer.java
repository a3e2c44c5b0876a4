package dev.cadence.io.template;

import dev.cadence.live.MessageComposer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code run}'s composer: the Mustache {@link TemplateRenderer} of each cadence folder. A template
 * that cannot be used (missing, broken) holds the touch like a field the lead cannot fill: the tick
 * goes on with the others, and the held send is tried again later, when the file may be fixed.
 */
public final class TemplateComposer implements MessageComposer {
  private final Map<Path, TemplateRenderer> renderers = new ConcurrentHashMap<>();

  @Override
  public Composed compose(Path cadenceDir, String template, Map<String, String> fields) {
    TemplateRenderer renderer =
        renderers.computeIfAbsent(cadenceDir, d -> new TemplateRenderer(new TemplateFolder(d)));
    Rendering r;
    try {
      r = renderer.render(template, fields);
    } catch (BadTemplateException e) {
      renderers.remove(
          cadenceDir); // its cache holds the broken compile: read the file again next time
      return new Held(List.of(), e.getMessage());
    } catch (RuntimeException | StackOverflowError e) {
      // Whatever else one template does to the renderer is that template's fault: it holds its
      // own touches, and the tick goes on with every other template and cadence.
      renderers.remove(cadenceDir);
      return new Held(
          List.of(),
          "template `"
              + template
              + "` cannot be rendered ("
              + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
              + ")");
    }
    if (r instanceof Rendering.Ready ready) {
      return new Ready(ready.subject(), ready.body());
    }
    Rendering.Held held = (Rendering.Held) r;
    return new Held(held.missing(), held.reason());
  }
}
