package shop;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** SQL injection (B.1.4.1): a parameter concatenated into a query. */
public class UserLookup {
    public ResultSet findByName(Connection connection, String name) throws SQLException {
        Statement statement = connection.createStatement();
        return statement.executeQuery("SELECT * FROM users WHERE name = '" + name + "'");
    }
}
