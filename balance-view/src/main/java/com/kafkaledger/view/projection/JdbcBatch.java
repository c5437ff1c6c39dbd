package com.kafkaledger.view.projection;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ParameterizedPreparedStatementSetter;

/**
 * One statement executed for many rows in one round trip, with typed parameters: binding nulls
 * by type spares the driver a round trip per null to ask the server for the type.
 */
final class JdbcBatch {

  private JdbcBatch() {}

  /** SQL's {@code COALESCE} of two: how an upsert keeps a column when rows are merged before it. */
  static <T> T coalesce(T value, T otherwise) {
    return value != null ? value : otherwise;
  }

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

  /**
   * Binds {@code items} as one array per column, for a statement that reads them with
   * {@code unnest(?::uuid[], ?::bigint[], ...)}: PostgreSQL then executes it once for all the rows,
   * where a batch executes it once per row. A column is bound as text (to be cast in the statement,
   * e.g. to uuid or timestamptz) or as bigint.
   */
  static <T> void bindColumns(PreparedStatement statement, List<T> items, List<Column<T>> columns)
      throws SQLException {
    for (int c = 0; c < columns.size(); c++) {
      Column<T> column = columns.get(c);
      Object[] values = column.bigint() ? new Long[items.size()] : new String[items.size()];
      for (int i = 0; i < items.size(); i++) {
        Object value = column.value().apply(items.get(i));
        values[i] = value == null || column.bigint() ? value : value.toString();
      }
      statement.setArray(c + 1, statement.getConnection().createArrayOf(column.bigint() ? "int8" : "text", values));
    }
  }

  /** One column of {@link #bindColumns}: a Long (bigint) or anything whose toString() PostgreSQL parses. */
  record Column<T>(boolean bigint, Function<T, ?> value) {

    static <T> Column<T> text(Function<T, ?> value) {
      return new Column<>(false, value);
    }

    static <T> Column<T> bigint(Function<T, Long> value) {
      return new Column<>(true, value);
    }
  }

  /** The value must already be a checked canonical UUID, or null. */
  static void setUuid(PreparedStatement statement, int index, String value) throws SQLException {
    statement.setObject(index, value == null ? null : UUID.fromString(value), Types.OTHER);
  }

  static void setText(PreparedStatement statement, int index, String value) throws SQLException {
    statement.setObject(index, value, Types.VARCHAR);
  }

  static void setInstant(PreparedStatement statement, int index, Instant value) throws SQLException {
    statement.setObject(index, value == null ? null : OffsetDateTime.ofInstant(value, ZoneOffset.UTC),
        Types.TIMESTAMP_WITH_TIMEZONE);
  }
}
