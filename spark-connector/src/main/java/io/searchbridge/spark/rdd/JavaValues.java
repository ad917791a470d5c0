package io.searchbridge.spark.rdd;

import io.searchbridge.core.SearchbridgeException;
import java.beans.IntrospectionException;
import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.time.temporal.TemporalAccessor;

/**
 * Turns what users put in RDDs (Scala or Java maps, case classes, Java beans, Options,
 * collections, dates) into plain Java maps, lists and scalars, the one shape the JSON writer and
 * the metadata extractor understand.
 */
final class JavaValues {

  private JavaValues() {}

  static Object toJava(Object value) {
    if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean
        || value instanceof TemporalAccessor || value instanceof java.util.Date) {
      return value instanceof scala.math.BigDecimal big ? big.bigDecimal() : value;
    }
    if (value instanceof Character || value instanceof UUID || value instanceof Enum<?>) {
      return value.toString();
    }
    if (value instanceof scala.Option<?> option) {
      return option.isDefined() ? toJava(option.get()) : null;
    }
    if (value instanceof Map<?, ?> map) {
      return mapOf(map);
    }
    if (value instanceof scala.collection.Map<?, ?> map) {
      return mapOf(scala.collection.JavaConverters.mapAsJavaMap(map));
    }
    if (value instanceof Collection<?> collection) {
      return listOf(collection);
    }
    if (value instanceof scala.collection.Iterable<?> iterable) {
      return listOf(scala.collection.JavaConverters.asJavaCollection(iterable));
    }
    if (value.getClass().isArray() && !(value instanceof byte[])) {
      List<Object> list = new ArrayList<>();
      for (int i = 0; i < java.lang.reflect.Array.getLength(value); i++) {
        list.add(toJava(java.lang.reflect.Array.get(value, i)));
      }
      return list;
    }
    if (value instanceof byte[] bytes) {
      return java.util.Base64.getEncoder().encodeToString(bytes);
    }
    if (value instanceof scala.Product product && !(value instanceof scala.Tuple2<?, ?>)) {
      return caseClass(product);
    }
    if (value instanceof BigDecimal) {
      return value;
    }
    return bean(value);
  }

  private static Map<String, Object> mapOf(Map<?, ?> map) {
    Map<String, Object> result = new LinkedHashMap<>();
    map.forEach((key, val) -> result.put(String.valueOf(key), toJava(val)));
    return result;
  }

  private static List<Object> listOf(Collection<?> collection) {
    List<Object> result = new ArrayList<>(collection.size());
    collection.forEach(item -> result.add(toJava(item)));
    return result;
  }

  /** A case class's fields are declared in constructor order, the same order as its product elements. */
  private static Map<String, Object> caseClass(scala.Product product) {
    Map<String, Object> result = new LinkedHashMap<>();
    int element = 0;
    for (Field field : product.getClass().getDeclaredFields()) {
      if (Modifier.isStatic(field.getModifiers()) || field.isSynthetic() || element >= product.productArity()) {
        continue;
      }
      result.put(field.getName(), toJava(product.productElement(element++)));
    }
    return result;
  }

  private static Map<String, Object> bean(Object value) {
    try {
      Map<String, Object> result = new LinkedHashMap<>();
      for (PropertyDescriptor property : Introspector.getBeanInfo(value.getClass(), Object.class).getPropertyDescriptors()) {
        if (property.getReadMethod() != null) {
          result.put(property.getName(), toJava(property.getReadMethod().invoke(value)));
        }
      }
      if (result.isEmpty()) {
        throw new SearchbridgeException("cannot write a " + value.getClass().getName() + " as a document: it is no"
            + " map, case class or bean with getters; convert it first, or use saveJsonToEs");
      }
      return result;
    } catch (IntrospectionException | ReflectiveOperationException e) {
      throw new SearchbridgeException("cannot read the properties of " + value.getClass().getName(), e);
    }
  }
}
