package com.kafkaledger.processor.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.same;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.StateRestoreCallback;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/**
 * The store's own behaviour; the ledger's topology tests run every command through it, and the
 * pipeline restart tests and the bank test restore it from its changelog in real Kafka.
 */
class HashMapStoreTest {

  private final HashMapStore store = new HashMapStore("accounts");

  /** A task that starts again gets its accounts back from the changelog, in the changelog's order. */
  @Test
  void theChangelogsRecordsArePutBackInOrderAndANullValueDeletes() {
    StateStoreContext context = mock(StateStoreContext.class);
    store.init(context, store);
    ArgumentCaptor<StateRestoreCallback> restore = ArgumentCaptor.forClass(StateRestoreCallback.class);
    verify(context).register(same(store), restore.capture());

    restore.getValue().restore(bytes("a"), bytes("a1"));
    restore.getValue().restore(bytes("b"), bytes("b1"));
    restore.getValue().restore(bytes("a"), bytes("a2"));
    restore.getValue().restore(bytes("b"), null);

    assertThat(store.isOpen()).isTrue();
    assertThat(store.get(key("a"))).isEqualTo(bytes("a2"));
    assertThat(store.get(key("b"))).isNull();
    assertThat(store.approximateNumEntries()).isEqualTo(1);
  }

  @Test
  void putReplacesAndANullValueOrDeleteRemoves() {
    store.put(key("a"), bytes("1"));
    assertThat(store.putIfAbsent(key("a"), bytes("2"))).isEqualTo(bytes("1"));
    assertThat(store.get(key("a"))).isEqualTo(bytes("1"));
    store.put(key("a"), bytes("3"));
    assertThat(store.get(key("a"))).isEqualTo(bytes("3"));

    store.put(key("a"), null);
    assertThat(store.get(key("a"))).isNull();
    assertThat(store.putIfAbsent(key("b"), bytes("4"))).isNull();
    assertThat(store.delete(key("b"))).isEqualTo(bytes("4"));
    assertThat(store.approximateNumEntries()).isZero();
  }

  /** Nothing in the ledger scans the accounts, but a scan still gives what the interface promises. */
  @Test
  void scansAreInKeyOrderAndInclusive() {
    for (String key : List.of("d", "b", "a", "c", "e")) {
      store.put(key(key), bytes(key.toUpperCase()));
    }
    assertThat(keys(store.all())).containsExactly("a", "b", "c", "d", "e");
    assertThat(keys(store.range(key("b"), key("d")))).containsExactly("b", "c", "d");
    assertThat(keys(store.range(key("d"), key("b")))).isEmpty();
    try (KeyValueIterator<Bytes, byte[]> iterator = store.range(key("c"), key("z"))) {
      assertThat(iterator.peekNextKey()).isEqualTo(key("c"));
      assertThat(iterator.next().value).isEqualTo(bytes("C"));
    }
  }

  @Test
  void closingEmptiesIt() {
    store.init(mock(StateStoreContext.class), store);
    store.put(key("a"), bytes("1"));
    store.close();
    assertThat(store.isOpen()).isFalse();
    assertThat(store.get(key("a"))).isNull();
  }

  private static List<String> keys(KeyValueIterator<Bytes, byte[]> iterator) {
    List<String> keys = new ArrayList<>();
    try (iterator) {
      iterator.forEachRemaining(entry -> keys.add(new String(entry.key.get(), StandardCharsets.UTF_8)));
    }
    return keys;
  }

  private static Bytes key(String key) {
    return Bytes.wrap(bytes(key));
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
