package db.migration.claims;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Fills {@code claim_flag_codes} and {@code claims.flag_count} from the comma-separated
 * {@code flag_codes} of claims stored before V101. Written in Java because splitting a list in SQL
 * differs between H2 and PostgreSQL; it reads the claims as a stream, one row at a time.
 */
public class V102__ClaimFlagCodes extends BaseJavaMigration {
  @Override
  public void migrate(Context context) throws Exception {
    Connection c = context.getConnection();
    try (Statement select = c.createStatement();
        PreparedStatement insert = c.prepareStatement("insert into claim_flag_codes (claim_id, code) values (?, ?)");
        PreparedStatement count = c.prepareStatement("update claims set flag_count = ? where id = ?")) {
      select.setFetchSize(500);
      try (ResultSet rs = select.executeQuery("select id, flag_codes from claims where flag_codes <> ''")) {
        int pending = 0;
        while (rs.next()) {
          Set<String> codes = new LinkedHashSet<>();
          Arrays.stream(rs.getString(2).split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(codes::add);
          for (String code : codes) {
            insert.setString(1, rs.getString(1));
            insert.setString(2, code.length() > 60 ? code.substring(0, 60) : code);
            insert.addBatch();
          }
          count.setInt(1, codes.size());
          count.setString(2, rs.getString(1));
          count.addBatch();
          if (++pending % 500 == 0) {
            insert.executeBatch();
            count.executeBatch();
          }
        }
        insert.executeBatch();
        count.executeBatch();
      }
    }
  }
}
