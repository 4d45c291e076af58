-- The provider's schema as releases before migrations created it on open (IF NOT EXISTS: a database
-- made by them is baselined at version 0 and passes through this unchanged). Portable: H2 and PostgreSQL.
CREATE TABLE IF NOT EXISTS household (
  id VARCHAR(64) PRIMARY KEY,
  key_index INT NOT NULL UNIQUE,
  inbox CHAR(81) NOT NULL,
  goal VARCHAR(500) NOT NULL,
  requested_at TIMESTAMP WITH TIME ZONE NOT NULL,
  state VARCHAR(20) NOT NULL,
  policy_id VARCHAR(64),
  device CHAR(81),
  last_reading_at TIMESTAMP WITH TIME ZONE);

-- one row per (household, telegram sequence): storing a telegram read twice adds nothing
CREATE TABLE IF NOT EXISTS reading (
  household VARCHAR(64) NOT NULL,
  sequence BIGINT NOT NULL,
  measured_at TIMESTAMP WITH TIME ZONE NOT NULL,
  energy_import_t1 DECIMAL(18,3),
  energy_import_t2 DECIMAL(18,3),
  energy_export_t1 DECIMAL(18,3),
  energy_export_t2 DECIMAL(18,3),
  power_import_w INT,
  power_export_w INT,
  gas_m3 DECIMAL(18,3),
  gas_at TIMESTAMP WITH TIME ZONE,
  raw VARCHAR(8192) NOT NULL,
  PRIMARY KEY (household, sequence));

CREATE INDEX IF NOT EXISTS reading_by_time ON reading(household, measured_at);

-- protocol v2: the request's grant secret (never logged) and the key deliveries refused at its inbox
ALTER TABLE household ADD COLUMN IF NOT EXISTS grant_secret VARCHAR(43);
ALTER TABLE household ADD COLUMN IF NOT EXISTS rejected_key_deliveries INT DEFAULT 0 NOT NULL;
