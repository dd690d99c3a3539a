package dev.fitcheck.catalogue;

import java.util.Collection;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.function.Supplier;

/**
 * A sorted map that is decoded from its stored form the first time anything asks it a question.
 * A catalogue holds thousands of modules and a scan needs a few dozen, so reading every module's
 * names when the file is opened would be most of a scan's time. Thread-safe: the first use
 * decodes once, under a lock.
 */
final class DecodedOnFirstUse<K, V> implements SortedMap<K, V> {

    private final Supplier<SortedMap<K, V>> decode;
    private volatile SortedMap<K, V> map;

    DecodedOnFirstUse(Supplier<SortedMap<K, V>> decode) {
        this.decode = decode;
    }

    private SortedMap<K, V> map() {
        SortedMap<K, V> m = map;
        if (m == null) {
            synchronized (this) {
                m = map;
                if (m == null) {
                    m = decode.get();
                    map = m;
                }
            }
        }
        return m;
    }

    @Override public Comparator<? super K> comparator() { return map().comparator(); }
    @Override public SortedMap<K, V> subMap(K fromKey, K toKey) { return map().subMap(fromKey, toKey); }
    @Override public SortedMap<K, V> headMap(K toKey) { return map().headMap(toKey); }
    @Override public SortedMap<K, V> tailMap(K fromKey) { return map().tailMap(fromKey); }
    @Override public K firstKey() { return map().firstKey(); }
    @Override public K lastKey() { return map().lastKey(); }
    @Override public Set<K> keySet() { return map().keySet(); }
    @Override public Collection<V> values() { return map().values(); }
    @Override public Set<Map.Entry<K, V>> entrySet() { return map().entrySet(); }
    @Override public int size() { return map().size(); }
    @Override public boolean isEmpty() { return map().isEmpty(); }
    @Override public boolean containsKey(Object key) { return map().containsKey(key); }
    @Override public boolean containsValue(Object value) { return map().containsValue(value); }
    @Override public V get(Object key) { return map().get(key); }
    @Override public V put(K key, V value) { return map().put(key, value); }
    @Override public V remove(Object key) { return map().remove(key); }
    @Override public void putAll(Map<? extends K, ? extends V> m) { map().putAll(m); }
    @Override public void clear() { map().clear(); }
    @Override public boolean equals(Object o) { return map().equals(o); }
    @Override public int hashCode() { return map().hashCode(); }
    @Override public String toString() { return map().toString(); }
}
