package io.searchbridge.core.config;

import io.searchbridge.core.SearchbridgeException;

/** A setting holds a value the connector cannot use; the message names the key and what it accepts. */
public class InvalidSettingException extends SearchbridgeException {

  private final String key;

  public InvalidSettingException(String key, String message) {
    super(message);
    this.key = key;
  }

  public String key() {
    return key;
  }
}
