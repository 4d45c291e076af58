package org.p1iota.app.myhome.energy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * My Home's own embedded H2 database ({@code <myhome dir>/energy-db/energy.mv.db}, directory 0700):
 * the readings of the household's own meters, what each meter says about itself, the channels My Home
 * follows, and the tariffs the household entered. One connection under this object's lock, as the
 * provider's database: a meter writes one telegram a second.
 */
public final class EnergyDatabase implements AutoCloseable {

    private static final String[] SCHEMA = {
        """
        CREATE TABLE IF NOT EXISTS meter_reading (
          device CHAR(81) NOT NULL,
          sequence BIGINT NOT NULL,
          at_s BIGINT NOT NULL,
          import_t1 DECIMAL(18,3), import_t2 DECIMAL(18,3),
          export_t1 DECIMAL(18,3), export_t2 DECIMAL(18,3),
          power_import_w INT, power_export_w INT,
          l1_import_w INT, l2_import_w INT, l3_import_w INT,
          l1_export_w INT, l2_export_w INT, l3_export_w INT,
          l1_voltage DECIMAL(6,1), l2_voltage DECIMAL(6,1), l3_voltage DECIMAL(6,1),
          l1_current DECIMAL(7,2), l2_current DECIMAL(7,2), l3_current DECIMAL(7,2),
          gas_m3 DECIMAL(18,3),
          tariff INT,
          PRIMARY KEY (device, sequence))
        """,
        "CREATE INDEX IF NOT EXISTS meter_reading_by_time ON meter_reading(device, at_s)",
        """
        CREATE TABLE IF NOT EXISTS meter (
          device CHAR(81) PRIMARY KEY,
          header VARCHAR(100),
          p1_version VARCHAR(10),
          equipment_id VARCHAR(100),
          gas_equipment_id VARCHAR(100),
          last_reading_s BIGINT)
        """,
        """
        CREATE TABLE IF NOT EXISTS own_channel (
          policy_id VARCHAR(64) PRIMARY KEY,
          device CHAR(81) NOT NULL,
          state VARCHAR(20) NOT NULL,
          since_s BIGINT NOT NULL)
        """,
        "CREATE TABLE IF NOT EXISTS tariff (id INT PRIMARY KEY, settings VARCHAR(2000) NOT NULL)",
        "CREATE TABLE IF NOT EXISTS hourly_price (hour_s BIGINT PRIMARY KEY, eur_per_kwh DECIMAL(10,5) NOT NULL)"
    };

    private final Connection connection;

    private EnergyDatabase(Connection connection) {
        this.connection = connection;
    }

    public static EnergyDatabase open(Path directory) throws SQLException, IOException {
        if (!Files.isDirectory(directory)) {
            // the household's readings: for the household's account only, like the secrets beside them
            Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        Connection connection = DriverManager.getConnection(
                "jdbc:h2:file:" + directory.resolve("energy").toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE", "myhome", "");
        try (Statement statement = connection.createStatement()) {
            for (String ddl : SCHEMA) {
                statement.execute(ddl);
            }
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return new EnergyDatabase(connection);
    }

    public synchronized <T> T transaction(Work<T> work) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            T result = work.run(connection);
            connection.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    @Override
    public synchronized void close() throws SQLException {
        connection.close();
    }

    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }
}
