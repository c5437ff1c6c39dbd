package com.kafkaledger.view.projection;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ParameterizedPreparedStatementSetter;

/**
 * One statement executed for many rows in one round trip, with typed parameters: binding nulls
 * by type spares the driver a round trip per null to ask the server for the type.
 */
final class JdbcBatch {

  private JdbcBatch() {}

  /** The rows each execution changed, in the order of {@code items}. */
  static <T> int[] execute(JdbcTemplate jdbc, String sql, List<T> items,
      ParameterizedPreparedStatementSetter<T> setter) {
    if (items.isEmpty()) {
      return new int[0];
    }
    return jdbc.batchUpdate(sql, new BatchPreparedStatementSetter() {
      @Override
      public void setValues(PreparedStatement statement, int index) throws SQLException {
        setter.setValues(statement, items.get(index));
      }

      @Override
      public int getBatchSize() {
        return items.size();
      }
    });
  }

  /** Whether each row was inserted; anything but 0 or 1 means the driver hides the counts. */
  static boolean inserted(int rowCount) {
    if (rowCount != 0 && rowCount != 1) {
      throw new IllegalStateException("expected 0 or 1 inserted rows, the driver reported " + rowCount
          + "; the projection relies on per-row counts (do not set reWriteBatchedInserts)");
    }
    return rowCount == 1;
  }

  /** The value must already be a checked canonical UUID, or null. */
  static void setUuid(PreparedStatement statement, int index, String value) throws SQLException {
    statement.setObject(index, value == null ? null : UUID.fromString(value), Types.OTHER);
  }

  static void setLong(PreparedStatement statement, int index, Long value) throws SQLException {
    statement.setObject(index, value, Types.BIGINT);
  }

  static void setText(PreparedStatement statement, int index, String value) throws SQLException {
    statement.setObject(index, value, Types.VARCHAR);
  }

  static void setInstant(PreparedStatement statement, int index, Instant value) throws SQLException {
    statement.setObject(index, value == null ? null : OffsetDateTime.ofInstant(value, ZoneOffset.UTC),
        Types.TIMESTAMP_WITH_TIMEZONE);
  }
}
