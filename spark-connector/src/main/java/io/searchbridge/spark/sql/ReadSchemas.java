package io.searchbridge.spark.sql;

import io.searchbridge.core.client.EsClient;
import io.searchbridge.core.client.EsRequestException;
import io.searchbridge.core.config.Keys;
import io.searchbridge.core.config.Settings;
import io.searchbridge.core.mapping.ArrayFieldRules;
import io.searchbridge.core.mapping.ArraySampler;
import io.searchbridge.core.mapping.IndexMappings;
import io.searchbridge.core.mapping.ResolvedMapping;
import io.searchbridge.core.plan.MissingIndex;
import io.searchbridge.spark.schema.EsReadSchema;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mapping of a resource and the settings to read it with, shared by schema inference and scan
 * planning so that both see the same columns: arrays declared in {@code
 * es.read.field.as.array.include} plus those found by sampling ({@code es.read.field.as.array.sample}).
 */
record ReadSchemas(ResolvedMapping mapping, Settings settings) {

  private static final Logger LOG = LoggerFactory.getLogger(ReadSchemas.class);

  static ReadSchemas resolve(EsClient client, Settings settings, String resource) {
    ResolvedMapping mapping;
    try {
      mapping = IndexMappings.resolve(client, resource);
    } catch (EsRequestException e) {
      if (e.status() != 404) {
        throw e;
      }
      MissingIndex.readAsEmptyOrFail(settings, resource, e);
      return new ReadSchemas(new ResolvedMapping(List.of(), List.of()), settings);
    }
    int sample = settings.get(Keys.READ_FIELD_AS_ARRAY_SAMPLE);
    if (sample == 0) {
      return new ReadSchemas(mapping, settings);
    }
    List<String> arrays = new ArrayList<>(settings.get(Keys.READ_FIELD_AS_ARRAY_INCLUDE));
    for (String sampled : ArraySampler.arrayFields(client, resource, mapping, sample)) {
      if (arrays.stream().noneMatch(declared -> declared.split(":")[0].equals(sampled.split(":")[0]))) {
        arrays.add(sampled);
      }
    }
    LOG.info("[{}] array fields after sampling {} document(s): {}", resource, sample, arrays);
    return new ReadSchemas(mapping, settings.with(Keys.READ_FIELD_AS_ARRAY_INCLUDE.key(), String.join(",", arrays)));
  }

  /**
   * The mapping with the declared and sampled arrays marked, as the columns read them: what the
   * pushdown translators need, since an empty array is missing for Elasticsearch but not NULL for
   * Spark.
   */
  ResolvedMapping withArrays() {
    return ArrayFieldRules.of(settings.get(Keys.READ_FIELD_AS_ARRAY_INCLUDE), settings.get(Keys.READ_FIELD_AS_ARRAY_EXCLUDE))
        .apply(mapping);
  }

  EsReadSchema inferred() {
    return EsReadSchema.infer(mapping, settings);
  }
}
