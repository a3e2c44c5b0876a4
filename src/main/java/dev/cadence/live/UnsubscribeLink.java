package dev.cadence.live;

import java.util.Optional;

/**
 * The List-Unsubscribe target of each email: an https URL or a mailto, the same for everyone, or
 * with a {@code {token}} part replaced by the lead's own token.
 */
public record UnsubscribeLink(String template, Optional<UnsubscribeTokens> tokens) {
  public static final String TOKEN = "{token}";

  /**
   * The link as given, checked the way every email's header will be.
   *
   * @throws IllegalArgumentException with what is wrong, in one line
   */
  public static UnsubscribeLink of(String template, Optional<UnsubscribeTokens> tokens) {
    if (template.contains(TOKEN) && tokens.isEmpty()) {
      throw new IllegalArgumentException(
          "the link has a " + TOKEN + " part: set CADENCE_SECRET to the secret that signs tokens");
    }
    UnsubscribeLink link = new UnsubscribeLink(template, tokens);
    Optional<String> problem = EmailHeaders.unsubscribeProblem(link.forLead("a-lead"));
    if (problem.isPresent()) {
      throw new IllegalArgumentException(problem.get());
    }
    return link;
  }

  /** The target in the email to {@code leadId}. */
  public String forLead(String leadId) {
    return tokens.isPresent() && template.contains(TOKEN)
        ? template.replace(TOKEN, tokens.get().token(leadId))
        : template;
  }
}
