package io.leadline.jobs.credits;

/** A job needs more credits than its account holds; nothing was reserved. */
public class InsufficientCreditsException extends RuntimeException {

  private final long required;
  private final long available;

  public InsufficientCreditsException(String accountId, long required, long available) {
    super("insufficient credits: account %s has %,d, the job needs %,d".formatted(accountId, available, required));
    this.required = required;
    this.available = available;
  }

  public long required() {
    return required;
  }

  public long available() {
    return available;
  }
}
