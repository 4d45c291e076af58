-- A Wattt customer's tariff (issue 16: costs), in the shape of My Home's (org.p1iota.app.tariff.Tariff):
-- fixed (one price a kWh) or daynight (T1 = night/low, T2 = day/normal), and a gas price a m3, in euro.
CREATE TABLE IF NOT EXISTS account_tariff (
  account_id VARCHAR(64) PRIMARY KEY,
  kind VARCHAR(16) NOT NULL,
  import_per_kwh DECIMAL(12, 6),
  t1_per_kwh DECIMAL(12, 6),
  t2_per_kwh DECIMAL(12, 6),
  gas_per_m3 DECIMAL(12, 6),
  updated_at TIMESTAMP WITH TIME ZONE NOT NULL);
