package io.searchbridge.core.client;

/** Statuses that mean "not now" rather than "never": the same request may succeed later. */
final class RetriableStatus {

  private RetriableStatus() {}

  static boolean is(int status) {
    return status == 429 || status == 502 || status == 503 || status == 504;
  }
}
