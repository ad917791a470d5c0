package io.searchbridge.core.mapping;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Merges the mappings of every index a resource resolves to into one {@link ResolvedMapping}.
 * Fields are united (a field missing from some indexes reads as null there); one path keeps one
 * field whose type is the widening of all its types (see {@link TypeWidening}).
 */
public final class MappingMerger {

  /** A field together with the index whose mapping declares it, for conflict messages. */
  private record Declared(String index, Field field) {}

  private MappingMerger() {}

  public static ResolvedMapping merge(List<IndexMapping> mappings) {
    List<Declared> topLevel = new ArrayList<>();
    for (IndexMapping mapping : mappings) {
      mapping.fields().forEach(f -> topLevel.add(new Declared(mapping.index(), f)));
    }
    List<String> indexes = mappings.stream().map(IndexMapping::index).toList();
    return new ResolvedMapping(indexes, mergeLevel(topLevel));
  }

  private static List<Field> mergeLevel(List<Declared> declarations) {
    Map<String, List<Declared>> byName = new LinkedHashMap<>();
    for (Declared declared : declarations) {
      byName.computeIfAbsent(declared.field().name(), n -> new ArrayList<>()).add(declared);
    }
    return byName.values().stream().map(MappingMerger::mergeOne).toList();
  }

  private static Field mergeOne(List<Declared> declarations) {
    Field first = declarations.get(0).field();
    if (declarations.size() == 1) {
      return first;
    }
    FieldType type = resolveType(declarations);
    // Parameters belong to a type (scaling_factor, the value of a constant_keyword): keep only
    // those of the indexes that already have the resolved type.
    Map<String, Object> params = new LinkedHashMap<>();
    Set<String> formats = new LinkedHashSet<>();
    boolean array = false;
    for (Declared declared : declarations) {
      Field field = declared.field();
      if (field.type() == type) {
        field.params().forEach(params::putIfAbsent);
      }
      field.format().ifPresent(formats::add);
      array |= field.array();
    }
    String esType = type == FieldType.UNKNOWN ? first.esType() : type.esName();
    Optional<String> format =
        formats.isEmpty() ? Optional.empty() : Optional.of(String.join("||", formats));
    return new Field(
        first.name(),
        first.path(),
        type,
        esType,
        format,
        mergeLevel(flatten(declarations, Field::children)),
        mergeLevel(flatten(declarations, Field::subFields)),
        params,
        array);
  }

  private static FieldType resolveType(List<Declared> declarations) {
    Field first = declarations.get(0).field();
    Optional<FieldType> type = Optional.of(first.type());
    for (Declared declared : declarations) {
      Field field = declared.field();
      // Unknown types carry no semantics to widen with; only the identical raw type is safe.
      boolean unknownMismatch =
          (field.type() == FieldType.UNKNOWN || first.type() == FieldType.UNKNOWN)
              && !field.esType().equals(first.esType());
      type =
          unknownMismatch
              ? Optional.empty()
              : type.flatMap(t -> TypeWidening.widen(t, field.type()));
      if (type.isEmpty()) {
        Map<String, String> typeByIndex = new LinkedHashMap<>();
        declarations.forEach(d -> typeByIndex.put(d.index(), d.field().esType()));
        throw new MappingConflictException(first.path(), typeByIndex);
      }
    }
    return type.get();
  }

  private static List<Declared> flatten(
      List<Declared> declarations, Function<Field, List<Field>> level) {
    List<Declared> flat = new ArrayList<>();
    for (Declared declared : declarations) {
      level.apply(declared.field()).forEach(f -> flat.add(new Declared(declared.index(), f)));
    }
    return flat;
  }
}
