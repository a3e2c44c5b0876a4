package dev.cadence.cli;

import dev.cadence.io.http.UnsubscribeServer;
import dev.cadence.io.log.OutcomeLogAppender;
import dev.cadence.live.StateStore;
import dev.cadence.live.UnsubscribeTokens;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code cadence serve}: answers the one-click unsubscribes of the emails {@code run} sent. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    footerHeading = "%nExamples:%n",
    footer = {
      "  # behind an HTTPS proxy that forwards /unsubscribe/ here (CADENCE_SECRET set)",
      "  cadence serve --listen 127.0.0.1:8080 --log outcomes.csv",
      "  # the links run puts in each email",
      "  cadence run --list-unsubscribe 'https://acme.example/unsubscribe/{token}'"
    },
    description = {
      "Answer one-click unsubscribes (RFC 8058) for the links `run --list-unsubscribe"
          + " https://HOST/unsubscribe/{token}` put in every email: a POST with a token that"
          + " verifies suppresses its lead; a GET shows a page with a button. Tokens are checked"
          + " with CADENCE_SECRET, the secret `run` signed them with. Runs until stopped; put it"
          + " behind your HTTPS proxy."
    })
final class ServeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @ParentCommand CadenceCommand parent;
  @Mixin OutputOptions output;
  @Mixin DbOption db;

  @Option(
      names = "--listen",
      defaultValue = "127.0.0.1:8080",
      paramLabel = "HOST:PORT",
      description = "Where to listen (default: ${DEFAULT-VALUE}; port 0 picks a free one).")
  String listen;

  @Mixin LogOption log;

  @Override
  public Integer call() throws InterruptedException {
    InetSocketAddress address = address(listen);
    UnsubscribeTokens tokens = Secrets.requireUnsubscribeTokens(parent.context());
    CountDownLatch stopped = new CountDownLatch(1);
    try (StateStore store = db.open();
        OutcomeLogAppender appender = log.open();
        UnsubscribeServer server =
            UnsubscribeServer.start(
                address,
                tokens,
                lead ->
                    Unsubscribing.unsubscribe(
                        store, appender, lead, "one-click", parent.clock()))) {
      Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
      spec.commandLine()
          .getOut()
          .println(
              "listening on http://"
                  + server.address().getHostString()
                  + ":"
                  + server.address().getPort()
                  + "/ for one-click unsubscribes; stop with Ctrl-C");
      spec.commandLine().getOut().flush();
      stopped.await();
    } catch (IOException e) {
      throw new CadenceException(
          ExitCodes.RUNTIME, "cannot listen on " + listen + ": " + e.getMessage(), e);
    }
    return ExitCodes.OK;
  }

  private static InetSocketAddress address(String listen) {
    int colon = listen.lastIndexOf(':');
    try {
      if (colon <= 0) {
        throw new NumberFormatException();
      }
      String host = listen.substring(0, colon).replace("[", "").replace("]", "");
      int port = Integer.parseInt(listen.substring(colon + 1));
      if (port < 0 || port > 65535) {
        throw new NumberFormatException();
      }
      return new InetSocketAddress(host, port);
    } catch (NumberFormatException e) {
      throw new CadenceException(
          ExitCodes.USAGE, "--listen `" + listen + "`: write HOST:PORT, e.g. 127.0.0.1:8080");
    }
  }
}
