package com.kafkaledger.processor.stream;

import com.kafkaledger.events.AccountKind;
import com.kafkaledger.events.JsonSerde;
import com.kafkaledger.events.LedgerTotals;
import com.kafkaledger.processor.core.AccountState;
import com.kafkaledger.processor.core.AccountStatus;
import com.kafkaledger.processor.core.ProcessedTransaction;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The stores' values in a compact binary form: every command reads and writes an account, a
 * decision and a partition's totals, and JSON cost a third of the stream thread's time. The
 * stores are internal (their changelogs are not part of the topic contract).
 *
 * <p>Each value starts with a format byte. State written by earlier versions, as JSON (its first
 * byte is <code>'{'</code>), is still read, so an existing state directory or changelog carries on.
 */
final class StateSerdes {

  private static final byte FORMAT_1 = 1;
  private static final byte JSON_START = '{';

  private StateSerdes() {}

  static Serde<AccountState> accounts() {
    JsonSerde<AccountState> json = new JsonSerde<>(AccountState.class);
    return serde((account, out) -> {
      out.writeUTF(account.accountId());
      writeNullable(out, account.ownerId());
      out.writeUTF(account.kind().name());
      out.writeUTF(account.currency());
      out.writeLong(account.balance());
      out.writeLong(account.overdraftLimit());
      out.writeUTF(account.status().name());
      out.writeLong(account.sequence());
    }, in -> new AccountState(in.readUTF(), readNullable(in), AccountKind.valueOf(in.readUTF()), in.readUTF(),
        in.readLong(), in.readLong(), AccountStatus.valueOf(in.readUTF()), in.readLong()), json);
  }

  static Serde<ProcessedTransaction> processedTransactions() {
    JsonSerde<ProcessedTransaction> json = new JsonSerde<>(ProcessedTransaction.class);
    return serde((processed, out) -> {
      out.writeUTF(processed.deduplicationKey());
      writeNullable(out, processed.fingerprint());
      writeNullable(out, processed.eventId());
    }, in -> new ProcessedTransaction(in.readUTF(), readNullable(in), readNullable(in)), json);
  }

  static Serde<LedgerTotals> totals() {
    return serde((totals, out) -> {
      out.writeInt(totals.partition());
      out.writeUTF(totals.currency());
      out.writeLong(totals.accounts());
      out.writeLong(totals.transit());
      out.writeLong(totals.system());
      out.writeLong(totals.events());
      out.writeLong(totals.asOf().getEpochSecond());
      out.writeInt(totals.asOf().getNano());
    }, in -> new LedgerTotals(in.readInt(), in.readUTF(), in.readLong(), in.readLong(), in.readLong(),
        in.readLong(), Instant.ofEpochSecond(in.readLong(), in.readInt())), JsonSerde.totals());
  }

  private interface Writer<T> {
    void write(T value, DataOutputStream out) throws IOException;
  }

  private interface Reader<T> {
    T read(DataInputStream in) throws IOException;
  }

  private static <T> Serde<T> serde(Writer<T> writer, Reader<T> reader, Deserializer<T> earlierJson) {
    Serializer<T> serializer = (topic, value) -> {
      if (value == null) {
        return null;
      }
      ByteArrayOutputStream bytes = new ByteArrayOutputStream(96);
      try (DataOutputStream out = new DataOutputStream(bytes)) {
        out.writeByte(FORMAT_1);
        writer.write(value, out);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return bytes.toByteArray();
    };
    Deserializer<T> deserializer = (topic, data) -> {
      if (data == null) {
        return null;
      }
      if (data.length > 0 && data[0] == JSON_START) {
        return earlierJson.deserialize(topic, data);
      }
      try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
        byte format = in.readByte();
        if (format != FORMAT_1) {
          throw new IllegalStateException("unknown state format " + format + " in " + topic);
        }
        return reader.read(in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    };
    return Serdes.serdeFrom(serializer, deserializer);
  }

  private static void writeNullable(DataOutputStream out, String value) throws IOException {
    out.writeBoolean(value != null);
    if (value != null) {
      out.writeUTF(value);
    }
  }

  private static String readNullable(DataInputStream in) throws IOException {
    return in.readBoolean() ? in.readUTF() : null;
  }
}
