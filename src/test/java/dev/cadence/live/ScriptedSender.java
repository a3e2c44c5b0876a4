package dev.cadence.live;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/** A sender for tests: records every email it is handed and answers as its script says. */
public final class ScriptedSender implements EmailSender {
  private final List<OutgoingEmail> sent = Collections.synchronizedList(new ArrayList<>());
  private volatile Function<OutgoingEmail, SendResult> script;

  public ScriptedSender() {
    this(e -> new SendResult.Sent("250 OK"));
  }

  public ScriptedSender(Function<OutgoingEmail, SendResult> script) {
    this.script = script;
  }

  public void script(Function<OutgoingEmail, SendResult> script) {
    this.script = script;
  }

  @Override
  public SendResult send(OutgoingEmail email) {
    sent.add(email);
    return script.apply(email);
  }

  /** Every email handed over, in order (including those the script answered with a failure). */
  public List<OutgoingEmail> handed() {
    synchronized (sent) {
      return List.copyOf(sent);
    }
  }
}
