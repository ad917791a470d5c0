package io.searchbridge.core.client;

import java.io.IOException;
import java.io.InputStream;

/** Consumes a successful response body; the client closes the stream afterwards. */
@FunctionalInterface
public interface ResponseReader<T> {
  T read(InputStream body) throws IOException;
}
