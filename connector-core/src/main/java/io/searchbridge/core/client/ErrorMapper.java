package io.searchbridge.core.client;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.ErrorCause;
import co.elastic.clients.transport.TransportException;
import com.fasterxml.jackson.databind.JsonNode;
import io.searchbridge.core.json.Json;
import java.io.IOException;
import java.io.InputStream;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.elasticsearch.client.Response;
import org.elasticsearch.client.ResponseException;

/**
 * Turns whatever the client stack threw into one {@link EsRequestException} whose message carries
 * Elasticsearch's own root cause: that reason ("no such index [x]", "failed to parse field [age]")
 * is what users need, not a stack of transport wrappers.
 */
final class ErrorMapper {

  private ErrorMapper() {}

  static EsRequestException map(String operation, Throwable error) {
    if (error instanceof EsRequestException mapped) {
      return mapped;
    }
    if (error instanceof ElasticsearchException typed) {
      return fromTyped(operation, typed);
    }
    if (error instanceof TransportException transport && transport.getCause() instanceof ResponseException raw) {
      return fromResponse(operation, raw.getResponse(), raw);
    }
    if (error instanceof ResponseException raw) {
      return fromResponse(operation, raw.getResponse(), raw);
    }
    if (error instanceof TransportException transport) {
      return new EsRequestException(operation + " failed: HTTP " + transport.statusCode() + ": " + transport.getMessage(),
          transport.statusCode(), "", transport);
    }
    if (error instanceof IOException io) {
      return new EsRequestException(operation + " failed: no Elasticsearch node could be reached (" + io + "); "
          + connectionHint(io), 0, "", io);
    }
    return new EsRequestException(operation + " failed: " + error, -1, "", error);
  }

  /** The setting that fixes a failed connection; the low-level client wraps TLS failures in plain IOExceptions. */
  private static String connectionHint(IOException io) {
    for (Throwable cause = io; cause != null; cause = cause.getCause()) {
      if (cause instanceof SSLPeerUnverifiedException) {
        return "the server's certificate does not name the host in es.nodes: list the node by a name or address"
            + " its certificate holds, or turn es.net.ssl.hostname.verification off";
      }
      if (cause instanceof SSLException) {
        return "check es.net.ssl and that es.net.ssl.ca.location or es.net.ssl.truststore.location holds the CA"
            + " that signed the server's certificate";
      }
    }
    return "check es.nodes, es.port and es.net.ssl";
  }

  static EsRequestException fromResponse(String operation, Response response, Throwable cause) {
    int status = response.getStatusLine().getStatusCode();
    JsonNode body = readBody(response);
    JsonNode error = body.path("error");
    if (error.isObject()) {
      JsonNode root = error.path("root_cause").path(0);
      JsonNode cause0 = root.isMissingNode() ? error : root;
      return build(operation, status, cause0.path("type").asText(""), cause0.path("reason").asText(""),
          cause0.path("index").asText(""), cause);
    }
    String reason = error.isTextual() ? error.asText() : response.getStatusLine().getReasonPhrase();
    return build(operation, status, "", reason, "", cause);
  }

  private static EsRequestException fromTyped(String operation, ElasticsearchException typed) {
    ErrorCause error = typed.error();
    ErrorCause root = error.rootCause().isEmpty() ? error : error.rootCause().get(0);
    String index = root.metadata().containsKey("index") ? root.metadata().get("index").toString().replace("\"", "") : "";
    return build(operation, typed.status(), nullToEmpty(root.type()), nullToEmpty(root.reason()), index, typed);
  }

  private static EsRequestException build(String operation, int status, String type, String reason, String index,
      Throwable cause) {
    StringBuilder message = new StringBuilder(operation).append(" failed: HTTP ").append(status);
    if (!type.isEmpty()) {
      message.append(' ').append(type);
    }
    if (!reason.isEmpty()) {
      message.append(": ").append(reason);
    }
    if (!index.isEmpty() && !reason.contains(index)) {
      message.append(" (index [").append(index).append("])");
    }
    if (status == 401 || status == 403) {
      message.append("; check es.net.http.auth.* and the user's privileges");
    }
    return new EsRequestException(message.toString(), status, type, cause);
  }

  private static JsonNode readBody(Response response) {
    if (response.getEntity() == null) {
      return Json.MAPPER.missingNode();
    }
    try (InputStream in = response.getEntity().getContent()) {
      return Json.MAPPER.readTree(in);
    } catch (IOException | RuntimeException notJson) {
      return Json.MAPPER.missingNode();
    }
  }

  private static String nullToEmpty(String value) {
    return value == null ? "" : value;
  }
}
