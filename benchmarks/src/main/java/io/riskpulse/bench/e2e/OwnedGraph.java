package io.riskpulse.bench.e2e;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.openjdk.jol.vm.VM;

/**
 * The objects reachable from some roots without crossing a boundary, with their sizes as JOL measures them
 * ({@link VM#sizeOf}: header, fields, padding, on this JVM's layout, compressed references included).
 *
 * <p>Why not JOL's {@code GraphLayout.parseInstance}: it follows every reference, and from anything an actor
 * holds (its context, a shared settings object with a logger, an actor reference) the whole actor system is
 * reachable, so the "graph of one entity" would be the whole heap. Here a boundary predicate says which objects
 * are the node's (the actor system, other actors, dispatchers, the environment every entity shares): they are
 * neither counted nor entered. What remains shared but not caught by the boundary (enum constants, interned
 * strings, singletons such as an empty-limits constant) is removed by {@link #minus} with the graph of a second
 * entity built the same way: an object both reach is not one entity's. Also unlike {@code GraphLayout}, this
 * remembers objects by identity, not by address, so a collection that moves objects between two walks (the node
 * keeps running) cannot make a subtraction wrong.
 *
 * <p>Reads fields through JOL's {@link VM} (unsafe offsets), so private fields of JDK classes are read without
 * {@code --add-opens}; records and hidden (lambda) classes, which have no unsafe offsets, by reflection. Sizes need
 * JOL's agent for records: run with {@code -Djdk.attach.allowAttachSelf=true}.
 *
 * <p>Thread-safety: none; a walk reads objects another thread may be changing (an actor processing a message), so
 * a figure can be off by what one message changes; the harness walks entities that are idle.
 */
final class OwnedGraph {

  /** Walks stop with an error beyond this many objects: a boundary has a hole and the walk is leaking. */
  private static final int MAX_OBJECTS = 2_000_000;

  private static final ClassValue<FieldReader[]> REFERENCE_FIELDS = new ClassValue<>() {
    @Override
    protected FieldReader[] computeValue(Class<?> type) {
      List<FieldReader> fields = new ArrayList<>();
      for (Class<?> c = type; c != null; c = c.getSuperclass()) {
        for (Field f : c.getDeclaredFields()) {
          if (!Modifier.isStatic(f.getModifiers()) && !f.getType().isPrimitive()) {
            fields.add(FieldReader.of(f));
          }
        }
      }
      return fields.toArray(FieldReader[]::new);
    }
  };

  private final Map<Object, Long> sizes;

  private OwnedGraph(Map<Object, Long> sizes) {
    this.sizes = sizes;
  }

  /**
   * Everything reachable from {@code roots} without entering an object {@code boundary} accepts or one already
   * in {@code exclude}.
   *
   * @param exclude objects already attributed elsewhere (e.g. to an earlier field), by identity; may be empty
   */
  static OwnedGraph walk(List<?> roots, Predicate<Object> boundary, OwnedGraph exclude) {
    Map<Object, Long> seen = new IdentityHashMap<>();
    ArrayDeque<Object> queue = new ArrayDeque<>();
    for (Object root : roots) {
      visit(root, boundary, exclude, seen, queue);
    }
    while (!queue.isEmpty()) {
      Object o = queue.poll();
      Class<?> type = o.getClass();
      if (type.isArray()) {
        if (!type.getComponentType().isPrimitive()) {
          for (Object element : (Object[]) o) {
            visit(element, boundary, exclude, seen, queue);
          }
        }
        continue;
      }
      for (FieldReader f : REFERENCE_FIELDS.get(type)) {
        visit(f.read(o), boundary, exclude, seen, queue);
      }
    }
    return new OwnedGraph(seen);
  }

  private static void visit(Object o, Predicate<Object> boundary, OwnedGraph exclude, Map<Object, Long> seen,
      ArrayDeque<Object> queue) {
    if (o == null || seen.containsKey(o) || (exclude != null && exclude.sizes.containsKey(o)) || boundary.test(o)) {
      return;
    }
    seen.put(o, VM.current().sizeOf(o));
    if (seen.size() > MAX_OBJECTS) {
      throw new IllegalStateException("walk leaked past " + MAX_OBJECTS + " objects; largest classes: "
          + new OwnedGraph(seen).topClasses(10));
    }
    queue.add(o);
  }

  /** An empty graph, to exclude nothing. */
  static OwnedGraph empty() {
    return new OwnedGraph(Collections.emptyMap());
  }

  /** The objects of this graph that {@code other} does not hold. */
  OwnedGraph minus(OwnedGraph other) {
    Map<Object, Long> rest = new IdentityHashMap<>();
    sizes.forEach((o, size) -> {
      if (!other.sizes.containsKey(o)) {
        rest.put(o, size);
      }
    });
    return new OwnedGraph(rest);
  }

  /** The objects of this graph and of {@code other}. */
  OwnedGraph plus(OwnedGraph other) {
    Map<Object, Long> all = new IdentityHashMap<>(sizes);
    all.putAll(other.sizes);
    return new OwnedGraph(all);
  }

  boolean contains(Object o) {
    return sizes.containsKey(o);
  }

  /** Every object of the graph (by identity). */
  Set<Object> objects() {
    return Collections.unmodifiableSet(sizes.keySet());
  }

  /** Bytes of every object in the graph. */
  long bytes() {
    long total = 0;
    for (long size : sizes.values()) {
      total += size;
    }
    return total;
  }

  int count() {
    return sizes.size();
  }

  /** Bytes and instance counts per class, largest first, as {@code [bytes, count, name]} rows. */
  List<ClassRow> byClass() {
    Map<Class<?>, long[]> rows = new HashMap<>();
    sizes.forEach((o, size) -> {
      long[] row = rows.computeIfAbsent(o.getClass(), c -> new long[2]);
      row[0] += size;
      row[1]++;
    });
    List<ClassRow> list = new ArrayList<>();
    rows.forEach((type, row) -> list.add(new ClassRow(type.getName(), row[0], row[1])));
    list.sort((a, b) -> Long.compare(b.bytes(), a.bytes()));
    return list;
  }

  /** The {@code n} largest classes, one line. */
  String topClasses(int n) {
    StringBuilder out = new StringBuilder();
    for (ClassRow row : byClass().subList(0, Math.min(n, byClass().size()))) {
      out.append(out.length() == 0 ? "" : ", ").append(row.name()).append(' ').append(row.bytes()).append(" B");
    }
    return out.toString();
  }

  /** A reference field of {@code owner}, read whatever its access (see {@link FieldReader}). */
  static Object read(Object owner, Field field) {
    return FieldReader.of(field).read(owner);
  }

  /**
   * Reads one reference field: through its unsafe offset where the JVM gives one, else (records and hidden classes
   * such as lambdas, whose offsets the JVM refuses to give) by reflection, which works for the unnamed module's
   * classes. A field that
   * neither can read (a JDK lambda's capture) reads as {@code null}: not followed, and counted in
   * {@link #unreadable}.
   */
  private record FieldReader(Field field, long offset) {

    static FieldReader of(Field field) {
      try {
        return new FieldReader(field, VM.current().fieldOffset(field));
      } catch (RuntimeException noOffset) { // JOL wraps the JVM's refusal for hidden classes
        try {
          field.setAccessible(true);
          return new FieldReader(field, -1);
        } catch (RuntimeException inaccessible) {
          return new FieldReader(null, -1);
        }
      }
    }

    Object read(Object owner) {
      if (offset >= 0) {
        return VM.current().getObject(owner, offset);
      }
      if (field == null) {
        unreadable.increment();
        return null;
      }
      try {
        return field.get(owner);
      } catch (IllegalAccessException e) {
        unreadable.increment();
        return null;
      }
    }
  }

  /** References the walks could not read (JDK lambdas' captures), since the process started. */
  static final java.util.concurrent.atomic.LongAdder unreadable = new java.util.concurrent.atomic.LongAdder();

  /** A class of a graph: its bytes and instances. */
  record ClassRow(String name, long bytes, long count) {}
}
